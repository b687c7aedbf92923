"""The Python API: every format, every kind of source, results, errors, review, check, threads."""
from __future__ import annotations

import doctest
import io
import threading
from pathlib import Path

import pytest

import redactor
import redactor.api
from redactor.errors import UnreadableInput, UnsupportedInput, UsageError
from redactor.formats import format_for
from tests.api.formats import WRITERS, leaked

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("api-docs")
    return {ext: write(folder / f"letter{ext}") for ext, write in WRITERS.items()}


def test_the_module_examples_run():
    result = doctest.testmod(redactor.api, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10 and result.failed == 0


@pytest.mark.parametrize("ext", sorted(WRITERS))
@pytest.mark.parametrize("kind", ["path", "bytes", "file"])
def test_when_any_format_is_given_as_any_source_then_a_clean_copy_comes_back(documents, redactor_engine, ext, kind):
    src = documents[ext]
    if kind == "path":
        result = redactor.redact(src, path="anonymise", redactor=redactor_engine)
    elif kind == "bytes":
        result = redactor.redact(src.read_bytes(), name=src.name, path="anonymise", redactor=redactor_engine)
    else:
        with src.open("rb") as fh:  # the file object's own name gives the format
            result = redactor.redact(fh, path="anonymise", redactor=redactor_engine)
    assert result.status == "written" and result.exit_code == 0
    assert result.name == src.name and result.media_type == format_for(src).media_type
    assert result.output and not leaked(ext, result.output)
    assert result.by_type.get("PERSON", 0) >= 1 and result.report["status"] == "written"
    assert all("text" not in f for f in result.findings)


@pytest.mark.parametrize("ext", sorted(WRITERS))
def test_when_bytes_come_without_a_name_then_the_format_is_sniffed(documents, redactor_engine, ext):
    data = documents[ext].read_bytes()
    expected = {".md": ".txt"}.get(ext, ext)
    assert redactor.sniff(data) == f"document{expected}"
    result = redactor.redact(io.BytesIO(data), path="anonymise", redactor=redactor_engine)
    assert result.name == f"document{expected}" and not leaked(ext, result.output)


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary", b"PK\x03\x04not a docx at all"])
def test_when_the_format_cannot_be_told_then_the_error_asks_for_a_name(data):
    with pytest.raises(UnsupportedInput, match="name"):
        redactor.sniff(data)


def test_when_the_path_withholds_the_document_then_the_result_says_so_without_output(documents, redactor_engine,
                                                                                      tmp_path):
    result = redactor.redact(documents[".txt"], path="public", output=tmp_path / "out.txt",
                             report=tmp_path / "out.report.json", redactor=redactor_engine)
    assert result.status == "withheld" and result.exit_code == 5 and result.output is None
    assert "5bc-disciplinary" in result.message and result.report["status"] == "withheld"
    assert not (tmp_path / "out.txt").exists() and (tmp_path / "out.report.json").exists()


def test_when_output_and_report_are_paths_then_both_are_written(documents, redactor_engine, tmp_path):
    result = redactor.redact(documents[".docx"], path="anonymise", output=tmp_path / "o.docx",
                             report=tmp_path / "o.json", redactor=redactor_engine)
    assert result.output_path == tmp_path / "o.docx" and (tmp_path / "o.docx").read_bytes() == result.output
    assert '"findings"' in (tmp_path / "o.json").read_text()


def test_when_report_is_false_then_the_result_carries_none(documents, redactor_engine):
    result = redactor.redact(documents[".txt"], path="anonymise", report=False, redactor=redactor_engine)
    assert result.report is None and result.output


@pytest.mark.parametrize("call, error", [
    (lambda d, e: redactor.redact(d[".txt"], output=d[".txt"], redactor=e), UsageError),
    (lambda d, e: redactor.redact(b"hello", name="notes.xyz", redactor=e), UnsupportedInput),
    (lambda d, e: redactor.redact(b"%PDF-1.7 broken", name="x.pdf", redactor=e), UnreadableInput),
    (lambda d, e: redactor.redact(d[".txt"], path="no-such-path", redactor=e), UsageError),
    (lambda d, e: redactor.redact(12345, redactor=e), UsageError),
    (lambda d, e: redactor.redact(io.StringIO("text"), name="a.txt", redactor=e), UsageError),
])
def test_when_the_input_or_options_are_wrong_then_the_documented_error_is_raised(documents, redactor_engine, call,
                                                                                  error):
    with pytest.raises(error):
        call(documents, redactor_engine)


@pytest.mark.parametrize("ext", [".txt", ".pdf"])
def test_when_one_redactor_is_shared_by_threads_then_each_gets_the_same_answer(documents, redactor_engine, ext):
    # PDF too: PDFium may not run in two threads at once, so the API has PDF work take turns
    data = documents[ext].read_bytes()
    engine = redactor.api.isolated(redactor_engine)
    expected = redactor.redact(data, name=f"a{ext}", path="anonymise", redactor=engine).output
    outputs: list[bytes | None] = []

    def work() -> None:
        for _ in range(3):
            outputs.append(redactor.redact(data, name=f"a{ext}", path="anonymise", redactor=engine).output)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outputs) == 18 and all(o == expected for o in outputs)


def test_when_a_reviewer_keeps_one_and_adds_one_then_the_copy_and_report_say_so(redactor_engine):
    text = "Dear Ms Okoro,\nplease call me on 07700 900123 about flat 4B.\n"
    proposal = redactor.review(text.encode(), name="a.txt", path="anonymise", redactor=redactor_engine)
    phone = next(r for r in proposal.removals if r.type == "PHONE")
    start = text.index("flat 4B")
    result = redactor.redact_reviewed(text.encode(), name="a.txt", path="anonymise", redactor=redactor_engine,
                                      keep=[(phone.start, phone.end)], add=[(start, start + 7, "ADDRESS")],
                                      reviewer={"name": "Data Protection Officer"})
    out = result.output.decode()
    assert "07700 900123" in out and "flat 4B" not in out and "Okoro" not in out
    review = result.report["review"]
    assert review["reviewer"] == {"name": "Data Protection Officer"} and review["at"]
    assert [c["change"] for c in review["changes"]] == ["kept", "added"]
    assert {"type": "PHONE", "was": "redact"}.items() <= review["changes"][0].items()
    assert "07700" not in str(review) and "flat" not in str(review)


@pytest.mark.parametrize("keep, add", [([(0, 3)], []), ([], [(5, 2, "PERSON")]), ([], [(0, 4, "person")]),
                                       ([], [(0, 10_000, "PERSON")])])
def test_when_a_review_does_not_fit_the_document_then_it_is_refused(redactor_engine, keep, add):
    with pytest.raises(UsageError):
        redactor.redact_reviewed(b"Dear Ms Okoro, call 07700 900123.", name="a.txt", path="anonymise", keep=keep,
                                 add=add, redactor=redactor_engine)


def test_when_the_path_withholds_then_the_review_proposes_nothing(documents, redactor_engine):
    proposal = redactor.review(documents[".txt"], path="public", redactor=redactor_engine)
    assert proposal.status == "withheld" and not proposal.removals and "withheld" in proposal.message


def test_check_counts_by_type_and_calls_plain_text_clean(documents, redactor_engine):
    dirty = redactor.check(documents[".txt"], path="anonymise", redactor=redactor_engine)
    assert not dirty.clean and dirty.counts["PERSON"] >= 2 and "PHONE" in dirty.counts
    withheld = redactor.check(documents[".txt"], path="public", redactor=redactor_engine)
    assert not withheld.clean and withheld.withheld == "5bc-disciplinary"
    clean = redactor.check(b"The branch meets on Tuesdays in the library.", name="n.txt", redactor=redactor_engine)
    assert clean.clean and clean.counts == {}


def test_paths_and_classify_answer_through_the_api(documents, redactor_engine):
    assert {"public", "anonymise", "subject-access"} <= {p["name"] for p in redactor.paths()}
    classification = redactor.classify_document(documents[".txt"], redactor=redactor_engine)
    assert "5bc-disciplinary" in classification.names


def test_the_package_is_typed():
    assert (ROOT / "redactor" / "py.typed").exists()
    assert set(redactor.__all__) >= {"redact", "check", "review", "redact_reviewed", "Redactor", "Result"}
