"""Every hostile file through the real CLI: the right exit code, one line, no output, bounded cost.

Each case runs ``python -m redactor redact`` in a fresh process and is measured (wall time,
peak resident memory of the CLI and the guard's child): the bounds are generous
(:data:`~tests.hostile.measure.MAX_SECONDS`, :data:`~tests.hostile.measure.MAX_BYTES`),
there to catch a bomb going off or a hang, not to time anything.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pikepdf
import pytest

from tests.hostile.corpus import CASES, Case, encrypted, good_pdf, write_corpus
from tests.hostile.measure import MAX_BYTES, MAX_SECONDS, one_line, run_cli

pytestmark = pytest.mark.slow  # about two seconds a case: a fresh process loads the models each time


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("hostile"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_hostile_file_gets_its_answer_in_one_line_within_bounds(case: Case, corpus: dict[str, Path],
                                                                   tmp_path: Path) -> None:
    src = corpus[case.name]
    before = _digest(src)
    out_dir = tmp_path / "out"
    out = out_dir / f"redacted{src.suffix}"
    run = run_cli("redact", src, "-o", out, "--path", "anonymise", *case.options)

    assert run.code == case.exit_code, run.stderr
    assert case.message in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert _digest(src) == before, "the input was modified"
    assert run.seconds < MAX_SECONDS and run.peak_bytes < MAX_BYTES, (run.seconds, run.peak_bytes)
    if case.exit_code:
        assert one_line(run.stderr) and run.stderr.startswith("redactor: error: ")
        assert not out_dir.exists() or not any(out_dir.iterdir()), "a refused file left output behind"
    else:
        assert out.exists() and out.stat().st_size > 0
    if case.secret:
        assert case.secret not in run.stderr + run.stdout
        for written in out_dir.rglob("*") if out_dir.exists() else []:
            assert case.secret.encode() not in written.read_bytes()


def test_an_encrypted_pdf_with_its_password_is_redacted_into_a_copy_without_encryption(tmp_path: Path) -> None:
    src = tmp_path / "locked.pdf"
    src.write_bytes(encrypted("user-pw")(tmp_path))
    out = tmp_path / "out.pdf"
    run = run_cli("redact", src, "-o", out, "--path", "anonymise", "--password", "user-pw")
    assert run.code == 0, run.stderr
    with pikepdf.open(out) as pdf:  # opens without a password
        assert not pdf.is_encrypted and "/Encrypt" not in pdf.trailer
    assert "user-pw" not in run.stderr


def test_an_owner_password_only_pdf_is_redacted_into_a_copy_without_encryption(tmp_path: Path) -> None:
    src = tmp_path / "owner-only.pdf"
    src.write_bytes(encrypted("")(tmp_path))
    with pikepdf.open(src) as pdf:
        assert pdf.is_encrypted, "sanity: the fixture is encrypted"
    out = tmp_path / "out.pdf"
    run = run_cli("redact", src, "-o", out, "--path", "anonymise")
    assert run.code == 0, run.stderr
    with pikepdf.open(out) as pdf:
        assert not pdf.is_encrypted and "/Encrypt" not in pdf.trailer


@pytest.mark.parametrize("argv", [
    ["redact", "-o", "{out}", "--path", "anonymise", "--", "-odd name é.txt"],
    ["redact", "./-odd name é.txt", "--output=-out name é.txt", "--path", "anonymise"],
], ids=["double dash", "dot slash"])
def test_file_names_with_spaces_unicode_and_a_leading_dash_work(argv: list[str], tmp_path: Path) -> None:
    (tmp_path / "-odd name é.txt").write_text("Dear Jane Smith, your number is L4471902.\n", encoding="utf-8")
    out = tmp_path / "sub dir ü" / "out é.txt"
    run = run_cli(*[a.replace("{out}", str(out)) for a in argv], cwd=tmp_path)
    assert run.code == 0, run.stderr
    written = out if out.exists() else tmp_path / "-out name é.txt"
    assert written.exists() and "L4471902" not in written.read_text(encoding="utf-8")


def test_a_batch_of_hostile_files_mixed_with_good_ones_finishes_and_records_every_bad_file(
        corpus: dict[str, Path], tmp_path: Path) -> None:
    """The batch command as it is (another part of redactor owns it): good files written, bad ones recorded."""
    folder = tmp_path / "in"
    folder.mkdir()
    bad = [c for c in CASES if c.exit_code and not c.options]
    for case in bad:
        (folder / case.filename).write_bytes(corpus[case.name].read_bytes())
    good = {"good.pdf": good_pdf(tmp_path), "good.txt": b"Dear Jane Smith, your number is L4471902.\n",
            "good.eml": (b"From: Jane Smith <j@example.org>\nSubject: hello\n\nDear Jane Smith, "
                         b"your number is L4471902.\n")}
    for name, data in good.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "out"
    run = run_cli("batch", folder, out, "--path", "anonymise", "--json")
    assert run.code != 0 and "Traceback" not in run.stderr
    assert run.seconds < 4 * MAX_SECONDS and run.peak_bytes < MAX_BYTES
    for name in good:
        assert (out / name).exists(), f"{name} was not written"
    records = {r["file"]: r for r in map(json.loads, (out / "manifest.jsonl").read_text().splitlines())}
    for case in bad:
        record = records.get(case.filename)
        assert record is not None, f"{case.filename} is not in the manifest"
        assert record["status"] not in ("done", "written"), case.name
        assert not (out / case.filename).exists()
    for name in good:
        assert records[name]["status"] == "done"
