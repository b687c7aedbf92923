"""The one-file commands pause the cyclic collector during start-up (a cold-start saving) and never leave it off."""
import gc

from redactor.cli import ONE_FILE_COMMANDS, main


def test_a_one_file_command_leaves_the_collector_on(tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text("Dear Mr Tomasz Wierzbicki,\nYour membership number is L1234567.\n", encoding="utf-8")
    assert "redact" in ONE_FILE_COMMANDS
    assert main(["redact", str(src), "-o", str(tmp_path / "out.txt"), "--path", "anonymise"]) == 0
    assert gc.isenabled()
    assert "Wierzbicki" not in (tmp_path / "out.txt").read_text(encoding="utf-8")


def test_long_running_commands_keep_the_collector_on():
    assert not {"batch", "serve", "watch", "evaluate"} & ONE_FILE_COMMANDS
