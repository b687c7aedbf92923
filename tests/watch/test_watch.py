"""The watch folder: files dropped (one still being written), a bad file, a withheld one, a restart, Ctrl-C."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from redactor.pipeline import Request
from redactor.watch import FAILED, STATE, WITHHELD, Watcher
from tests.api.formats import leaked, write_eml
from tests.documents import LETTER, write_docx, write_txt

ANONYMISE = Request(path="anonymise")


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    raise AssertionError("timed out")


def states(out: Path) -> list[dict]:
    path = out / STATE
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


class Running:
    """A watcher on a thread, as `redactor watch` runs it, until stopped."""

    def __init__(self, src: Path, out: Path, engine, request: Request = ANONYMISE) -> None:
        self.watcher = Watcher(src, out, request, engine, settle=0.4, poll=0.05, say=lambda line: None)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.watcher.run, args=(self.stop,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()


@pytest.fixture
def folders(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    return src, out


def test_dropped_files_are_redacted_with_their_reports(folders, redactor_engine):
    src, out = folders
    running = Running(src, out, redactor_engine)
    try:
        write_txt(src / "letter.txt")
        (src / "sub").mkdir()
        write_docx(src / "sub" / "letter.docx")
        write_eml(src / "mail.eml")
        (src / ".hidden.txt").write_text(LETTER)  # hidden and partial files are never taken
        (src / "copying.txt.part").write_text(LETTER)
        wait_for(lambda: len(states(out)) == 3)
    finally:
        running.close()
    for rel, ext in (("letter.txt", ".txt"), ("sub/letter.docx", ".docx"), ("mail.eml", ".eml")):
        assert not leaked(ext, (out / rel).read_bytes())
        assert json.loads((out / (rel + ".report.json")).read_text())["status"] == "written"
    assert {s["status"] for s in states(out)} == {"written"}
    assert not (out / ".hidden.txt").exists() and not (out / "copying.txt.part").exists()


def test_a_file_still_being_written_is_taken_only_once_complete(folders, redactor_engine):
    src, out = folders
    running = Running(src, out, redactor_engine)
    lines = [f"Line {i}: call 07700 900{i:03d} about the branch.\n" for i in range(30)]
    try:
        with (src / "slow.txt").open("w") as fh:  # a copy trickling in over 1.5 s, settle is 0.4 s
            for line in lines:
                fh.write(line)
                fh.flush()
                time.sleep(0.05)
        wait_for(lambda: states(out))
        time.sleep(1.0)  # nothing more happens
    finally:
        running.close()
    assert [s["file"] for s in states(out)] == ["slow.txt"]
    output = (out / "slow.txt").read_text()
    assert output.count("\n") == 30 and "Line 29" in output and "07700" not in output


def test_a_bad_file_goes_to_failed_with_its_one_line_reason_and_the_rest_carry_on(folders, redactor_engine):
    src, out = folders
    running = Running(src, out, redactor_engine)
    try:
        (src / "broken.pdf").write_bytes(b"%PDF-1.7 this is not a PDF")
        (src / "notes.xyz").write_text("hello")
        write_txt(src / "letter.txt")
        wait_for(lambda: len(states(out)) == 3)
    finally:
        running.close()
    for name in ("broken.pdf", "notes.xyz"):
        reason = (out / FAILED / f"{name}.reason.txt").read_text()
        assert reason.count("\n") == 1 and len(reason) > 10
        assert not (out / name).exists() and not (out / FAILED / name).exists()  # never the original
    assert "unsupported file type" in (out / FAILED / "notes.xyz.reason.txt").read_text()
    assert (out / "letter.txt").exists() and (src / "broken.pdf").exists()  # the input is left alone


def test_a_withheld_document_gets_its_reason_and_report_and_no_copy(folders, redactor_engine):
    src, out = folders
    write_txt(src / "letter.txt")
    counts = Watcher(src, out, Request(path="public"), redactor_engine, settle=0.2, poll=0.05,
                     say=lambda line: None).run(once=True)
    assert counts == {"withheld": 1} and not (out / "letter.txt").exists()
    assert "5bc-disciplinary" in (out / WITHHELD / "letter.txt.reason.txt").read_text()
    assert json.loads((out / WITHHELD / "letter.txt.report.json").read_text())["status"] == "withheld"


def test_after_a_restart_finished_files_are_not_redone_and_files_that_arrived_meanwhile_are(folders,
                                                                                          redactor_engine):
    src, out = folders
    write_txt(src / "first.txt")
    (src / "bad.pdf").write_bytes(b"%PDF-1.7 broken")
    quiet = {"settle": 0.2, "poll": 0.05, "say": lambda line: None}
    assert Watcher(src, out, ANONYMISE, redactor_engine, **quiet).run(once=True) == {"written": 1, "failed": 1}
    written_at = (out / "first.txt").stat().st_mtime_ns
    write_docx(src / "second.docx")  # arrives while the watcher is down
    counts = Watcher(src, out, ANONYMISE, redactor_engine, **quiet).run(once=True)
    assert counts == {"written": 1, "failed": 1}  # second.docx, and the failed file tried once more
    assert (out / "first.txt").stat().st_mtime_ns == written_at and (out / "second.docx").exists()
    (src / "first.txt").write_text("Changed: call 07700 900777.\n")  # new content is redone
    assert Watcher(src, out, ANONYMISE, redactor_engine, **quiet).run(once=True)["written"] == 1
    assert (out / "first.txt").read_text() == "Changed: call [PHONE].\n"


def test_the_output_folder_may_not_be_inside_the_input(tmp_path, redactor_engine):
    from redactor.errors import UsageError

    with pytest.raises(UsageError):
        Watcher(tmp_path, tmp_path / "out", ANONYMISE, redactor_engine)


def ctrl_c_as_at_a_terminal() -> None:
    """A test run started in the background (``cmd &``) ignores SIGINT, and so would the watcher it starts:
    give the watcher the terminal's Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_the_watch_command_stops_cleanly_on_ctrl_c(folders):
    src, out = folders
    p = subprocess.Popen([sys.executable, "-m", "redactor", "watch", str(src), str(out), "--path", "anonymise",
                          "--settle", "0.3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         preexec_fn=ctrl_c_as_at_a_terminal)
    try:
        write_txt(src / "letter.txt")
        wait_for(lambda: (out / "letter.txt").exists(), timeout=180)
    finally:
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert "Traceback" not in err and "stopped; 1 written" in err
    assert not leaked(".txt", (out / "letter.txt").read_bytes())
