"""The adversarial PDF corpus through the whole pipeline: no secret survives, and nothing more goes.

Each case (see :mod:`tests.adversarial.pdf_cases`) is redacted along the ``anonymise``
path; an independent scan of the output (every object, every decoded stream, every
string, the raw bytes with any stream found in them, and pdfium's text) must not find
the person's name or e-mail address anywhere, case-insensitively, while pdfplumber still
reads the kept sentences of the page, in order.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest

from .pdf_cases import CASES, CONTACT, EMAIL, NAME, Case, build_all, raw_streams, streams_of, strings_of


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("pdf-cases"))


def pdfium_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def scan(data: bytes) -> str:
    """Everything a recipient could read out of ``data``, case-folded."""
    parts = [data.decode("latin-1"), pdfium_text(data)]
    parts.extend(chunk.decode("latin-1") for chunk in raw_streams(data))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        parts.append(strings_of(pdf))
        parts.append(streams_of(pdf))
        for obj in pdf.objects:
            parts.append(repr(obj))
    return "\n".join(parts).casefold()


def plumber_text(data: bytes) -> str:
    """Page 1 as pdfplumber reads it, runs of spaces and line breaks collapsed."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return re.sub(r"\s+", " ", pdf.pages[0].extract_text() or "")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_when_a_pdf_hides_the_secrets_then_none_survive_and_the_page_still_reads(
        case: Case, corpus: dict[str, Path], redactor_engine) -> None:
    data = corpus[case.name].read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert case.planted(pdf, data), "sanity: the case hides the secret where it says"
    before = scan(data)
    assert all(secret.casefold() in before for secret in case.secrets), "sanity: the scan sees the secrets"

    outcome = redactor_engine.redact_bytes(data, "x.pdf", path="anonymise")

    after = scan(outcome.output)
    for secret in case.secrets:
        assert secret.casefold() not in after, f"{case.name}: a secret survives"
    text = plumber_text(outcome.output)
    assert case.kept in text, f"{case.name}: the kept sentence no longer reads"
    assert "about the meeting." in text and "She can be reached at" in text and "for follow-up." in text
    assert text.index("She can be reached at") < text.index(case.kept)
    assert not [w for w in outcome.report["warnings"] if "re-rendered" in w], "the page was rewritten glyph-exact"


def test_the_corpus_covers_every_vector() -> None:
    names = {case.name for case in CASES}
    assert len(names) == len(CASES) >= 22
    assert NAME in CONTACT or EMAIL in CONTACT
