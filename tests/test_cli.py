"""The command line, end to end: each format redacted, the report, and every kind of bad input."""
from __future__ import annotations

import hashlib
import json

import pytest
from conftest import one_line, run_module
from documents import KEPT, LETTER, PAGE_TWO, SECRETS, encrypted_pdf, write_docx, write_pdf, write_txt


def extract(path):
    """Text of an output, read with a library other than the writer's own where possible."""
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    if path.suffix == ".docx":
        from redactor.formats.docx import Docx

        return Docx().extract_text(path.read_bytes())
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix, writer", [(".txt", write_txt), (".md", write_txt), (".docx", write_docx),
                                            (".pdf", write_pdf)])
def test_each_format_is_redacted_into_the_same_format(cli, tmp_path, suffix, writer):
    src = writer(tmp_path / f"letter{suffix}")
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out = tmp_path / "out" / f"letter{suffix}"
    code, _, err = cli("redact", src, "-o", out, "--path", "anonymise")
    assert code == 0, err
    text = extract(out)
    assert [s for s in SECRETS if s.lower() in text.lower()] == []
    if suffix == ".pdf":
        assert PAGE_TWO in text  # the page without findings keeps its vector text
    else:
        assert KEPT in " ".join(text.split())
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before


def test_text_output_has_typed_placeholders(cli, tmp_path):
    src = write_txt(tmp_path / "letter.txt")
    out = tmp_path / "letter.out.txt"
    assert cli("redact", src, "-o", out, "--path", "anonymise")[0] == 0
    text = out.read_text()
    for placeholder in ("[PERSON]", "[MEMBERSHIP_NO]", "[CASE_REF]", "[PHONE]", "[EMAIL]", "[ALLEGATION]"):
        assert placeholder in text
    assert KEPT in text


def test_docx_properties_are_cleared(cli, tmp_path):
    import docx

    src = write_docx(tmp_path / "letter.docx")
    out = tmp_path / "letter.out.docx"
    assert cli("redact", src, "-o", out, "--path", "anonymise")[0] == 0
    props = docx.Document(str(out)).core_properties
    assert props.author == "" and props.title == ""


def test_pdf_metadata_is_stripped(cli, tmp_path):
    import pikepdf

    src = write_pdf(tmp_path / "letter.pdf")
    out = tmp_path / "letter.out.pdf"
    assert cli("redact", src, "-o", out, "--path", "anonymise")[0] == 0
    raw = out.read_bytes()
    assert b"Lindqvist" not in raw and b"Quince" not in raw
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 2
        assert "/Author" not in pdf.docinfo


def test_subject_and_names_from_the_user_are_removed_in_every_variant(cli, tmp_path):
    src = write_txt(tmp_path / "note.txt", "Note on PRENDERGAST. Prendergast's file was passed to T. Okwuosa\n"
                                            "by Tobi. Okwuosa agreed. the branch met.\n")
    out = tmp_path / "note.out.txt"
    code, _, _ = cli("redact", src, "-o", out, "--subject", "Aoife Prendergast", "--name", "Tobi Okwuosa",
                     "--path", "anonymise")
    assert code == 0
    text = out.read_text()
    assert "rendergast" not in text.lower() and "okwuosa" not in text.lower() and "Tobi" not in text
    assert "the branch met." in text


def test_the_report_says_what_and_why_without_clear_text(cli, tmp_path):
    src = write_txt(tmp_path / "letter.txt")
    report = tmp_path / "report.json"
    assert cli("redact", src, "-o", tmp_path / "o.txt", "--report", report, "--path", "anonymise")[0] == 0
    raw = report.read_text()
    assert [s for s in SECRETS if s.lower() in raw.lower()] == []
    data = json.loads(raw)
    assert data["path"]["name"] == "anonymise"
    types = {f["type"] for f in data["findings"]}
    assert {"PERSON", "EMAIL", "PHONE", "MEMBERSHIP_NO", "CASE_REF"} <= types
    for f in data["findings"]:
        assert set(f) >= {"type", "location", "score", "recognizer", "action", "reason", "length", "text_hmac"}
        assert "para." in f["reason"]
    assert data["summary"]["removed"] == len(data["findings"])


def test_an_unchanged_press_release_comes_out_unchanged(cli, tmp_path):
    text = ("PRESS RELEASE\n\nLabour will hope to mark the anniversary of the NHS with events across the "
            "country this summer.\nThe rose garden at the conference centre opens to visitors in June.\n")
    src = write_txt(tmp_path / "press.txt", text)
    out = tmp_path / "press.out.txt"
    assert cli("redact", src, "-o", out)[0] == 0
    assert out.read_text() == text


def test_the_default_path_withholds_a_disciplinary_letter_with_exit_5_and_no_copy(cli, tmp_path):
    src = write_txt(tmp_path / "letter.txt")
    out, report = tmp_path / "letter.out.txt", tmp_path / "report.json"
    code, _, err = cli("redact", src, "-o", out, "--report", report)
    assert code == 5 and one_line(err)
    assert "5bc-disciplinary" in err and "para." in err and "member-support" in err
    assert not out.exists()
    data = json.loads(report.read_text())
    assert data["status"] == "withheld" and data["path"]["name"] == "public"
    assert [s for s in SECRETS if s.lower() in report.read_text().lower()] == []


def test_a_batch_records_a_withheld_file_and_carries_on(cli, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    write_txt(root / "letter.txt")
    write_txt(root / "press.txt", "PRESS RELEASE\n\nThe rose garden at the conference centre opens to visitors in June.\n")
    code, out, _ = cli("batch", root, tmp_path / "out", "--json")
    assert code == 0  # withholding is the path working, not a failure
    assert json.loads(out)["status"] == {"done": 1, "withheld": 1}
    assert (tmp_path / "out" / "press.txt").exists() and not (tmp_path / "out" / "letter.txt").exists()


def test_paths_lists_every_path_of_the_code_one_per_line_with_its_paragraph(cli):
    code, out, _ = cli("paths")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    for name, paragraph in [("public", "5"), ("third-party-notice", "9(c)"), ("complainant-outcome", "9(f)"),
                            ("member-support", "9(b)"), ("nec-permission", "8"), ("subject-access", "GDPR"),
                            ("committee-report-back", "6(c)")]:
        assert paragraph in lines[name]
    assert "--permission-ref" in lines["nec-permission"]


def test_classify_json_gives_labels_scores_evidence_and_sections(cli, tmp_path):
    src = write_txt(tmp_path / "letter.txt")
    code, out, _ = cli("classify", src, "--json")
    assert code == 0
    doc = json.loads(out)
    labels = {c["label"]: c for c in doc["categories"]}
    assert "5bc-disciplinary" in labels
    top = labels["5bc-disciplinary"]
    assert 0.5 <= top["score"] <= 1 and top["evidence"] and "9" in top["paragraph"]
    assert all({"cue", "paragraph", "weight"} <= set(e) for e in top["evidence"])
    assert doc["sections"] and all({"start", "end", "categories"} <= set(s) for s in doc["sections"])


def test_classify_without_json_prints_a_table_without_document_text(cli, tmp_path):
    src = write_txt(tmp_path / "letter.txt")
    code, out, _ = cli("classify", src)
    assert code == 0 and "5bc-disciplinary" in out
    assert [s for s in SECRETS if s.lower() in out.lower()] == []


def _bad_inputs(tmp_path):
    yield "empty file", write_txt(tmp_path / "empty.txt", ""), 3
    yield "corrupt PDF", _bytes(tmp_path / "corrupt.pdf", b"%PDF-1.7\n1 0 obj <<>>\nthis is not a pdf"), 3
    yield "encrypted PDF", encrypted_pdf(tmp_path / "locked.pdf"), 3
    yield "DOCX not a zip", _bytes(tmp_path / "fake.docx", b"just some text, not a zip archive"), 3
    yield "binary .txt", _bytes(tmp_path / "binary.txt", bytes(range(256)) * 8), 3
    yield "unsupported extension", _bytes(tmp_path / "photo.xyz", b"\x00\x01"), 3
    yield "missing file", tmp_path / "missing.txt", 3


def _bytes(path, data):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", ["empty file", "corrupt PDF", "encrypted PDF", "DOCX not a zip", "binary .txt",
                                  "unsupported extension", "missing file"])
def test_bad_input_gets_one_line_an_exit_code_and_no_output(cli, tmp_path, case):
    name, src, expected = next(c for c in _bad_inputs(tmp_path) if c[0] == case)
    out = tmp_path / "out" / f"result{src.suffix}"
    code, stdout, err = cli("redact", src, "-o", out)
    assert code == expected
    assert one_line(err) and err.startswith("redactor: error:")
    assert not out.exists() and not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_an_unwritable_output_folder_is_one_line_and_no_output(cli, tmp_path):
    src = write_txt(tmp_path / "letter.txt")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = cli("redact", src, "-o", blocker / "sub" / "out.txt", "--path", "anonymise")
    assert code == 1 and one_line(err)
    assert blocker.read_text() == "not a folder"


def test_output_equal_to_input_is_refused(cli, tmp_path):
    src = write_txt(tmp_path / "letter.txt")
    code, _, err = cli("redact", src, "-o", src)
    assert code == 2 and one_line(err) and src.read_text() == LETTER


def test_usage_errors_are_one_line_exit_2(cli):
    code, _, err = cli("redact")
    assert code == 2 and one_line(err)


def test_a_batch_mirrors_the_tree_records_failures_and_carries_on(cli, tmp_path):
    root = tmp_path / "in"
    (root / "a" / "b").mkdir(parents=True)
    write_txt(root / "a" / "letter.txt")
    write_docx(root / "a" / "b" / "letter.docx")
    _bytes(root / "broken.pdf", b"%PDF-1.4 broken")
    _bytes(root / "notes.xyz", b"whatever")
    code, out, _ = cli("batch", root, tmp_path / "out", "--json", "--path", "anonymise")
    assert code == 1  # one file failed
    summary = json.loads(out)
    assert summary["status"] == {"done": 2, "failed": 1, "skipped": 1}
    assert (tmp_path / "out" / "a" / "letter.txt").exists()
    assert (tmp_path / "out" / "a" / "b" / "letter.docx").exists()
    assert not (tmp_path / "out" / "broken.pdf").exists()
    manifest = [json.loads(line) for line in (tmp_path / "out" / "manifest.jsonl").read_text().splitlines()]
    broken = next(m for m in manifest if m["file"] == "broken.pdf")
    assert broken["status"] == "failed" and "\n" not in broken["error"]


def test_help_explains_the_commands_and_exit_codes():
    p = run_module("--help")
    assert p.returncode == 0
    for word in ("redact", "batch", "evaluate", "exit codes", "unsafe"):
        assert word in p.stdout


def test_python_dash_m_redacts_a_file_end_to_end(tmp_path):
    src = write_txt(tmp_path / "letter.txt")
    p = run_module("redact", src, "-o", tmp_path / "o.txt", "--path", "anonymise")
    assert p.returncode == 0, p.stderr
    assert "Quince" not in (tmp_path / "o.txt").read_text()
    assert "Traceback" not in p.stderr


def test_a_batch_with_an_unknown_path_touches_nothing(cli, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    write_txt(root / "letter.txt")
    code, _, err = cli("batch", root, tmp_path / "out", "--path", "no-such-path")
    assert code == 2 and one_line(err)
    assert not (tmp_path / "out").exists()


def test_a_batch_uses_an_organisation_path_file(cli, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    write_txt(root / "letter.txt")
    own = tmp_path / "keep-names.yaml"
    own.write_text("name: keep-names\ntitle: t\nparagraph: '9(e)'\ndescription: d\nentities: {PERSON: keep}\n")
    code, _, _ = cli("batch", root, tmp_path / "out", "--pipeline", own, "--quiet")
    assert code == 0
    text = (tmp_path / "out" / "letter.txt").read_text()
    assert "Lindqvist-Moore" in text and "b.quince@example.net" not in text
