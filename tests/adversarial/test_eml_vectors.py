"""Every e-mail vector of the adversarial corpus: no secret survives, and nothing more is lost.

For each case of :mod:`tests.adversarial.eml_cases` the whole pipeline runs on
the anonymise path (detection, decisions, writing and the pipeline's own
verification). The output is then scanned independently of redactor's code
(:func:`~tests.adversarial.eml_cases.views`: the stdlib parser, every header
and payload decoded, attachments opened, the raw bytes too), and the verifier's
view of the *input* is shown to see each hiding place, so the check is not
passing only because it looks in the wrong places.
"""
from __future__ import annotations

from email import message_from_bytes, policy

import pytest

from redactor.errors import UnreadableInput, UnsafeToRedact
from redactor.formats import format_for
from redactor.verify import check, decision_spans, verify_output

from .eml_cases import CASES, EMAIL, KEPT, NAME, SECRET_WORDS, VISIBLE, build, leaks, views, write_corpus

#: parts of the verifier's view that carry only the visible copy (the body every case shares).
VISIBLE_PARTS = ("part 1.1 ", "raw message", "message 1 ")


@pytest.fixture(scope="module")
def outcomes(redactor_engine) -> dict:
    """Lazily redacted outcomes, one per case (each built and redacted once per module)."""

    class Outcomes(dict):
        def __missing__(self, case: str):
            outcome = redactor_engine.redact_bytes(build(case), f"{case}{CASES[case].ext}", path="anonymise")
            self[case] = outcome
            return outcome

    return Outcomes()


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_input_really_hides_the_secret_there(case: str) -> None:
    """Guards the corpus: the hidden copy is where the case says."""
    assert [leak for leak in leaks(build(case), CASES[case].ext) if leak.startswith(CASES[case].where)]


@pytest.mark.parametrize("case", sorted(CASES))
def test_when_redacted_then_no_secret_survives_anywhere(case: str, outcomes: dict) -> None:
    assert leaks(outcomes[case].output, CASES[case].ext) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_when_redacted_then_the_verifier_agrees(case: str, outcomes: dict) -> None:
    outcome, fmt = outcomes[case], format_for(f"x{CASES[case].ext}")
    parts = fmt.extract_parts(outcome.output)
    assert not [name for name, text in parts if any(word in text.casefold() for word in SECRET_WORDS)]
    verify_output(outcome.document, outcome.decisions, parts)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_verifier_sees_the_hiding_place_in_the_input(case: str, outcomes: dict) -> None:
    """Had the writer passed the input through, the verifier would have named the vector's part."""
    outcome, fmt = outcomes[case], format_for(f"x{CASES[case].ext}")
    parts = fmt.extract_parts(build(case))
    with pytest.raises(UnsafeToRedact):
        verify_output(outcome.document, outcome.decisions, parts)
    if case != "base64_body":  # there the visible body is the vector
        hidden = [(n, t) for n, t in parts if not n.startswith(VISIBLE_PARTS)]
        assert check(outcome.document.text, decision_spans(outcome.decisions), hidden).leaks


@pytest.mark.parametrize("case", sorted(CASES))
def test_when_redacted_then_kept_text_survives(case: str, outcomes: dict) -> None:
    out = outcomes[case].output
    texts = [text for where, text in views(out, CASES[case].ext) if where.startswith("body text/plain")]
    assert any(KEPT.casefold() in text for text in texts)
    assert any("a letter from" in t and "the complainant, was read out. her address is" in t for t in texts)


@pytest.mark.parametrize("case", sorted(set(CASES) - {"mbox"}))
def test_headers_without_findings_survive(case: str, outcomes: dict) -> None:
    msg = message_from_bytes(outcomes[case].output, policy=policy.compat32)
    assert msg["Date"] == "Mon, 3 Mar 2025 10:00:00 +0000"
    assert msg["MIME-Version"] == "1.0"
    if case != "encoded_subject":
        assert msg["Subject"] == "Case notes"


def test_routing_headers_are_dropped(outcomes: dict) -> None:
    msg = message_from_bytes(outcomes["received_and_x_headers"].output, policy=policy.default)
    assert [h for h in ("Received", "Return-Path", "X-Original-Sender", "Message-ID", "Content-Description") if h in msg] == []


def test_an_unsupported_attachment_is_removed_and_reported(outcomes: dict) -> None:
    outcome = outcomes["unsupported_attachment"]
    assert outcome.report["warnings"] == ["attachment 1 (.zip) removed: unsupported type"]
    types = [p.get_content_type() for p in message_from_bytes(outcome.output, policy=policy.default).walk()]
    assert "application/zip" not in types


@pytest.mark.parametrize(("case", "ext"), [("txt_attachment", ".txt"), ("docx_attachment", ".docx"),
                                           ("pdf_attachment", ".pdf"), ("nested_message", ".eml")])
def test_attachments_stay_readable_by_their_format_under_a_neutral_name(case: str, ext: str, outcomes: dict) -> None:
    msg = message_from_bytes(outcomes[case].output, policy=policy.default)
    attachment = next(p for p in msg.walk() if p.get_content_disposition() == "attachment")
    assert attachment.get_filename() == f"attachment-2{ext}"
    data = attachment.get_payload(0).as_bytes() if ext == ".eml" else attachment.get_payload(decode=True)
    assert format_for(f"x{ext}").read(data, f"x{ext}").text.strip()


def test_an_html_name_split_by_tags_is_replaced_in_place(outcomes: dict) -> None:
    msg = message_from_bytes(outcomes["html_split_by_tags"].output, policy=policy.default)
    markup = next(p for p in msg.walk() if p.get_content_type() == "text/html").get_content()
    assert markup.startswith("<p>Later ") and markup.endswith(" signed.</p>")
    assert "<b></b>" in markup and "<i></i>" in markup  # the emptied elements stay; only text went


@pytest.mark.parametrize("data", [b"", b"not an e-mail at all\n", b"%PDF-1.7\n1 0 obj\n"])
def test_unreadable_input_fails_with_one_line(data: bytes, redactor_engine) -> None:
    with pytest.raises(UnreadableInput) as info:
        redactor_engine.redact_bytes(data, "x.eml", path="anonymise")
    assert "\n" not in str(info.value)


def test_the_corpus_writes_one_file_per_case(tmp_path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    assert sorted(p.stem for p in paths) == sorted(CASES)
    assert NAME in VISIBLE and EMAIL in VISIBLE
