"""A batch killed at any moment and run again finishes the rest, with nothing lost, doubled or half-written."""
from __future__ import annotations

import json
import os
import signal
import time

import pytest

from tests.batch.conftest import children, cmdline, manifest, outputs, start_batch
from tests.documents import LETTER, write_txt

LETTERS = 14


def letters(root):
    root.mkdir()
    for i in range(LETTERS):
        write_txt(root / f"letter-{i:02d}.txt", LETTER.replace("0311", f"03{i:02d}"))
    return root


def wait_for_lines(out_dir, n, proc, timeout=240.0):
    path = out_dir / "manifest.jsonl"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the batch wrote no manifest lines in time")


def assert_finished_once(out_dir, reference):
    assert outputs(out_dir) == outputs(reference)  # every copy there, whole, as an uninterrupted run wrote it
    assert not [p for p in out_dir.rglob("*.part")]
    lines = manifest(out_dir)
    done = [m["file"] for m in lines if m["status"] == "done"]
    assert sorted(done) == sorted(set(done)) and len(done) == LETTERS


@pytest.fixture(scope="module")
def reference(tmp_path_factory, pseudonym_key_module):
    from redactor.cli import main

    root = tmp_path_factory.mktemp("reference")
    src = letters(root / "in")
    assert main(["batch", str(src), str(root / "out"), "--path", "anonymise", "--quiet"]) == 0
    return src, root / "out"


@pytest.fixture(scope="module")
def pseudonym_key_module():
    mp = pytest.MonkeyPatch()
    mp.setenv("REDACTOR_PSEUDONYM_KEY", "batch-tests-key")
    yield
    mp.undo()


@pytest.mark.slow
def test_when_the_batch_is_killed_after_some_files_then_a_rerun_finishes_the_rest_once(reference, cli, tmp_path):
    src, ref_out = reference
    out = tmp_path / "out"
    proc = start_batch(src, out, "--path", "anonymise", "--quiet")
    wait_for_lines(out, 3, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(manifest(out)) < LETTERS  # it really was cut short

    code, stdout, _ = cli("batch", src, out, "--path", "anonymise", "--json")
    assert code == 0
    status = json.loads(stdout)["status"]
    assert status["unchanged"] >= 3 and status["unchanged"] + status["done"] == LETTERS
    assert_finished_once(out, ref_out)


@pytest.mark.slow
def test_when_a_worker_process_is_killed_mid_run_then_its_file_is_recorded_and_a_rerun_completes(
        reference, cli, tmp_path):
    src, ref_out = reference
    out = tmp_path / "out"
    proc = start_batch(src, out, "--path", "anonymise", "--workers", "2", "--quiet")
    wait_for_lines(out, 2, proc)
    workers = [pid for pid in children(proc.pid) if "spawn_main" in cmdline(pid)]
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    proc.communicate(timeout=300)
    assert proc.returncode in (0, 1)  # 1 when the worker died holding a file
    lost = [m for m in manifest(out) if m["status"] == "failed"]
    assert all("worker process died" in m["error"] for m in lost)

    code, _, _ = cli("batch", src, out, "--path", "anonymise", "--quiet")
    assert code == 0
    assert_finished_once(out, ref_out)


def test_when_the_last_manifest_line_is_torn_then_it_is_cut_and_that_file_redone(cli, tmp_path, pseudonym_key):
    src = tmp_path / "in"
    src.mkdir()
    write_txt(src / "a.txt")
    write_txt(src / "b.txt")
    out = tmp_path / "out"
    assert cli("batch", src, out, "--path", "anonymise", "--quiet")[0] == 0
    lines = (out / "manifest.jsonl").read_text().splitlines(keepends=True)
    torn = lines[-1][: len(lines[-1]) // 2]
    (out / "manifest.jsonl").write_text("".join(lines[:-1]) + torn)
    (out / ".a.txt.abcd1234.part").write_text("half a cop")  # what a write cut short leaves behind

    code, stdout, _ = cli("batch", src, out, "--path", "anonymise", "--json")
    assert code == 0 and json.loads(stdout)["status"] == {"done": 1, "unchanged": 1}
    entries = manifest(out)  # every line valid JSON again
    assert sorted(m["file"] for m in entries) == ["a.txt", "b.txt"]
    assert not (out / ".a.txt.abcd1234.part").exists()


def test_a_rerun_skips_unchanged_files_and_redoes_changed_ones(cli, tmp_path, pseudonym_key):
    src = tmp_path / "in"
    src.mkdir()
    write_txt(src / "a.txt")
    write_txt(src / "b.txt")
    (src / "notes.xyz").write_text("not a document")
    out = tmp_path / "out"
    assert cli("batch", src, out, "--path", "anonymise", "--quiet")[0] == 0
    first = len(manifest(out))

    code, stdout, _ = cli("batch", src, out, "--path", "anonymise", "--json")
    assert code == 0 and json.loads(stdout)["status"] == {"unchanged": 3}
    assert len(manifest(out)) == first  # nothing recorded twice

    write_txt(src / "b.txt", LETTER + "\nA postscript.\n")
    code, stdout, _ = cli("batch", src, out, "--path", "anonymise", "--json")
    assert json.loads(stdout)["status"] == {"done": 1, "unchanged": 2}

    (out / "a.txt").unlink()  # a copy that went missing is written again
    code, stdout, _ = cli("batch", src, out, "--path", "anonymise", "--json")
    assert json.loads(stdout)["status"] == {"done": 1, "unchanged": 2}


def test_another_path_redoes_every_file(cli, tmp_path, pseudonym_key):
    src = tmp_path / "in"
    src.mkdir()
    write_txt(src / "a.txt")
    out = tmp_path / "out"
    assert cli("batch", src, out, "--path", "anonymise", "--quiet")[0] == 0
    code, stdout, _ = cli("batch", src, out, "--path", "internal-officer", "--recipient", "officer", "--json")
    assert json.loads(stdout)["status"] == {"done": 1}
    assert [m["path"] for m in manifest(out)] == ["anonymise", "internal-officer"]
