"""One bad file never stops a batch: each is recorded with its status and reason, the rest are written."""
from __future__ import annotations

import json

import pytest

from tests.batch.conftest import manifest
from tests.documents import SECRETS, encrypted_pdf, write_docx, write_pdf, write_txt

BAD = [  # (name, how it is made, status, exit code)
    ("corrupt.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage"), "failed", 3),
    ("encrypted.pdf", encrypted_pdf, "failed", 3),
    ("corrupt.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "failed", 3),
    ("empty.txt", lambda p: p.write_bytes(b""), "failed", 3),
    ("binary.txt", lambda p: p.write_bytes(bytes(range(256)) * 8), "failed", 3),
    ("photo.jpg", lambda p: p.write_bytes(b"\xff\xd8\xff\xe0 jpeg"), "skipped", 0),
]


@pytest.fixture
def mixed(tmp_path):
    root = tmp_path / "in"
    (root / "good").mkdir(parents=True)
    write_txt(root / "good" / "letter.txt")
    write_docx(root / "good" / "letter.docx")
    write_pdf(root / "good" / "letter.pdf")
    (root / "bad").mkdir()
    for name, make, _status, _code in BAD:
        make(root / "bad" / name)
    return root


def test_a_batch_with_corrupt_and_encrypted_files_among_good_ones_completes_and_records_each(
        cli, mixed, tmp_path):
    out = tmp_path / "out"
    code, stdout, _ = cli("batch", mixed, out, "--path", "anonymise", "--json")
    assert code == 1  # some files failed
    summary = json.loads(stdout)
    assert summary["status"] == {"done": 3, "failed": 5, "skipped": 1}
    by_file = {m["file"]: m for m in manifest(out)}
    for name, _make, status, exit_code in BAD:
        entry = by_file[f"bad/{name}"]
        assert (entry["status"], entry["exit_code"]) == (status, exit_code), entry
        assert entry["error"] and "\n" not in entry["error"]
        assert not (out / "bad" / name).exists()
    assert "encrypt" in by_file["bad/encrypted.pdf"]["error"].lower()
    for name in ("letter.txt", "letter.docx", "letter.pdf"):
        assert by_file[f"good/{name}"]["status"] == "done" and (out / "good" / name).exists()
        assert by_file[f"good/{name}"]["by_type"]["PERSON"] >= 1
    text = (out / "good" / "letter.txt").read_text()
    assert [s for s in SECRETS if s in text] == []


def test_the_manifest_names_hash_path_findings_time_and_never_document_text(cli, mixed, tmp_path):
    out = tmp_path / "out"
    cli("batch", mixed, out, "--path", "anonymise", "--quiet")
    raw = (out / "manifest.jsonl").read_text()
    assert [s for s in SECRETS if s in raw] == []
    entry = next(m for m in manifest(out) if m["file"] == "good/letter.txt")
    assert len(entry["sha256"]) == 64 and entry["path"] == "anonymise" and entry["pipeline_sha256"] is None
    assert entry["seconds"] > 0 and entry["finished"] and entry["settings"]


def test_a_failed_file_is_tried_again_on_the_next_run(cli, mixed, tmp_path):
    out = tmp_path / "out"
    cli("batch", mixed, out, "--path", "anonymise", "--quiet")
    write_txt(mixed / "bad" / "empty.txt")  # mended
    code, stdout, _ = cli("batch", mixed, out, "--path", "anonymise", "--json")
    status = json.loads(stdout)["status"]
    assert status["done"] == 1 and status["failed"] == 4 and status["unchanged"] == 4
