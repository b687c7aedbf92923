"""Workflow hooks: `redactor check`, the pre-commit hook (via `pre-commit try-repo`), the Paperless-ngx
post-consume script (run as the archive runs it)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.formats import leaked, write_eml
from tests.conftest import ROOT
from tests.documents import write_docx, write_pdf, write_txt

CLEAN = "The branch meets on the first Tuesday of each month in the library.\n"
BIN = str(Path(sys.executable).parent)


@pytest.fixture
def files(tmp_path):
    write_txt(tmp_path / "letter.txt")
    write_docx(tmp_path / "letter.docx")
    (tmp_path / "notice.txt").write_text(CLEAN)
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_check_exits_1_listing_counts_by_type_and_never_the_text(cli, files):
    code, out, _ = cli("check", files / "letter.txt", files / "letter.docx", files / "notice.txt", "--path",
                       "anonymise")
    assert code == 1
    lines = dict(line.split(": ", 1) for line in out.strip().splitlines())
    assert "PERSON" in lines[str(files / "letter.txt")] and "PHONE 1" in lines[str(files / "letter.txt")]
    assert "EMAIL" in lines[str(files / "letter.docx")]
    assert lines[str(files / "notice.txt")] == "clean"
    for secret in ("Quince", "07700", "L4471902", "example.net"):
        assert secret not in out


def test_check_exits_0_when_every_file_is_clean_and_skips_types_it_does_not_read(cli, files):
    code, out, _ = cli("check", files / "notice.txt", files / "image.png")
    assert code == 0 and "notice.txt: clean" in out and "image.png: skipped" in out


def test_check_says_when_the_path_would_withhold_a_whole_document(cli, files):
    code, out, _ = cli("check", files / "letter.txt")
    assert code == 1 and "withheld as 5bc-disciplinary" in out


def test_check_fails_closed_on_a_file_it_cannot_read(cli, tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 broken")
    code, out, _ = cli("check", tmp_path / "broken.pdf")
    assert code == 1 and "cannot be checked" in out


def test_a_redacted_copy_passes_the_check_for_its_path(cli, tmp_path):
    # (a copy of the test letter does not: the ALLEGATION recognizer reads its own "[ALLEGATION]" mark as a cue)
    (tmp_path / "note.txt").write_text("Dear Ms Okoro,\nplease call Jo Bloggs on 07700 900123 or write to "
                                       "jo.bloggs@example.org.\n")
    assert cli("redact", tmp_path / "note.txt", "-o", tmp_path / "out.txt", "--path", "anonymise")[0] == 0
    code, out, _ = cli("check", tmp_path / "out.txt", "--path", "anonymise")
    assert code == 0, out


def git(*args: str, cwd: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_the_pre_commit_hook_blocks_a_document_with_personal_data(tmp_path):
    hooks = tmp_path / "hooks"  # the hook definition as published in this repository, in a repository of its own
    hooks.mkdir()
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", hooks)
    git("init", "-q", cwd=hooks)
    git("add", ".", cwd=hooks)
    git("commit", "-qm", "hooks", cwd=hooks)
    work = tmp_path / "work"
    work.mkdir()
    git("init", "-q", cwd=work)
    write_txt(work / "letter.txt")
    (work / "minutes.md").write_text(CLEAN)
    (work / "script.py").write_text("print('not a document')\n")
    git("add", ".", cwd=work)
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", ""),
           "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "redactor-check",
                               "--files", *files], cwd=work, capture_output=True, text=True, env=env, timeout=300)

    blocked = try_repo("letter.txt", "minutes.md", "script.py")
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "letter.txt: withheld as 5bc-disciplinary" in blocked.stdout and "Quince" not in blocked.stdout
    assert "script.py" not in blocked.stdout.split("redactor check")[-1]  # only documents are passed
    passed = try_repo("minutes.md", "script.py")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


SCRIPT = ROOT / "scripts" / "paperless-post-consume"


def post_consume(source: Path, tmp_path: Path, archive: Path | None = None, **extra: str):
    """Run the script as Paperless-ngx does: the document in the environment and as eight arguments."""
    thumb = tmp_path / "thumb.webp"
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", ""), "DOCUMENT_ID": "42",
           "DOCUMENT_TYPE": "None", "DOCUMENT_CREATED": "2026-11-24 00:00:00+00:00",
           "DOCUMENT_MODIFIED": "2026-11-24 10:00:00+00:00", "DOCUMENT_ADDED": "2026-11-24 10:00:00+00:00",
           "DOCUMENT_FILE_NAME": source.name, "DOCUMENT_SOURCE_PATH": str(source),
           "DOCUMENT_ARCHIVE_PATH": str(archive) if archive else "None", "DOCUMENT_THUMBNAIL_PATH": str(thumb),
           "DOCUMENT_DOWNLOAD_URL": "/api/documents/42/download/", "DOCUMENT_THUMBNAIL_URL": "/api/documents/42/thumb/",
           "DOCUMENT_OWNER": "admin", "DOCUMENT_CORRESPONDENT": "None", "DOCUMENT_TAGS": "inbox",
           "DOCUMENT_ORIGINAL_FILENAME": source.name, "TASK_ID": "t-1", **extra}
    args = [str(SCRIPT), "42", source.name, str(source), str(thumb), "/api/documents/42/download/",
            "/api/documents/42/thumb/", "None", "inbox"]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("writer, ext", [(write_pdf, ".pdf"), (write_docx, ".docx"), (write_eml, ".eml")])
def test_the_paperless_script_writes_a_redacted_copy_beside_each_new_document(tmp_path, writer, ext):
    originals = tmp_path / "media" / "documents" / "originals"
    originals.mkdir(parents=True)
    source = writer(originals / f"0000042{ext}")
    p = post_consume(source, tmp_path, REDACTOR_PATH="anonymise")
    assert p.returncode == 0, p.stderr
    copy = originals / f"0000042.redacted{ext}"
    assert not leaked(ext, copy.read_bytes())
    assert json.loads((originals / "0000042.redacted.report.json").read_text())["status"] == "written"
    assert "document 42: redacted copy written" in p.stdout and "Quince" not in p.stdout + p.stderr


def test_the_paperless_script_redacts_the_archived_pdf_of_a_format_it_does_not_read(tmp_path):
    source = tmp_path / "0000043.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0 a scanned photo")
    archive = write_pdf(tmp_path / "archive-0000043.pdf")
    out = tmp_path / "redacted"
    p = post_consume(source, tmp_path, archive=archive, REDACTOR_PATH="anonymise", REDACTOR_OUTPUT_DIR=str(out))
    assert p.returncode == 0, p.stderr
    assert not leaked(".pdf", (out / "0000043.redacted.pdf").read_bytes())


def test_the_paperless_script_reports_withheld_and_failed_documents(tmp_path):
    source = write_txt(tmp_path / "0000044.txt")
    withheld = post_consume(source, tmp_path)  # the public path withholds a disciplinary letter
    assert withheld.returncode == 0 and "withheld" in withheld.stdout
    assert not (tmp_path / "0000044.redacted.txt").exists() and (tmp_path / "0000044.redacted.report.json").exists()
    broken = tmp_path / "0000045.pdf"
    broken.write_bytes(b"%PDF-1.7 broken")
    failed = post_consume(broken, tmp_path)
    assert failed.returncode == 1 and "document 42: not redacted (exit 3)" in failed.stderr
