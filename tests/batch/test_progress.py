"""What a batch tells the user while it runs and when it ends: plain lines off a terminal, JSON, quiet."""
from __future__ import annotations

import json

from tests.batch.conftest import start_batch
from tests.documents import SECRETS, write_txt


def folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    write_txt(src / "a.txt")
    (src / "b.bin").write_bytes(b"\0\1")
    return src


def test_off_a_terminal_each_file_is_one_plain_line_with_its_count_and_then_a_summary_table(tmp_path):
    proc = start_batch(folder(tmp_path), tmp_path / "out", "--path", "anonymise")
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    lines = stderr.strip().splitlines()
    assert lines[0] == "batch: 2 files"
    assert any(line.startswith("[") and "done a.txt" in line and "findings" in line for line in lines)
    assert any("skipped b.bin: unsupported file type .bin" in line for line in lines)
    assert "files in" in stdout and "findings by type" in stdout and "\x1b[" not in stderr
    assert [s for s in SECRETS if s in stdout + stderr] == []


def test_json_prints_one_summary_object_and_quiet_prints_nothing(cli, tmp_path):
    src = folder(tmp_path)
    code, stdout, stderr = cli("batch", src, tmp_path / "out", "--path", "anonymise", "--json")
    summary = json.loads(stdout)
    assert code == 0 and stderr == ""
    assert summary["files"] == 2 and summary["status"] == {"done": 1, "skipped": 1}
    assert summary["by_type"]["PERSON"] >= 1 and summary["workers"] == 1 and summary["engine"] == "local"
    assert summary["files_per_second"] > 0
    code, stdout, stderr = cli("batch", src, tmp_path / "out2", "--path", "anonymise", "--quiet")
    assert code == 0 and stdout == "" and stderr == ""
