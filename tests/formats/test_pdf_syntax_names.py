"""The verifier reads every name of a PDF as text, but not the names the specification fixes.

Reproduces the failure of ``samples/documents/membership-export-v9.pdf``: a member living on
"Page Hall Road" made every redaction of that ordinary ReportLab table fail closed, because the
verifier found the removed word "page" in each page dictionary's ``/Type /Page``. The same
happened to a surname "Roman" (``/BaseFont /Times-Roman``) or "Pages" (``/Type /Pages``).
Those names are syntax (:mod:`redactor.formats.pdf.syntax`); the same words anywhere else in
the file are still read, so the verifier stays as strict as before.
"""
from __future__ import annotations

import io
import re

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from redactor.document import Decision, Document
from redactor.formats.pdf import Pdf
from redactor.verify import check, decision_spans, fold, verify_output

from .test_pdf import assert_gone, pdfium_pages, plumber_pages

#: (font of the table, the value removed, its type, a word of it that is also a name of PDF syntax)
CASES = [
    ("Helvetica", "88 Page Hall Road, Sheffield", "ADDRESS", "Page"),
    ("Times-Roman", "Roman Pages", "PERSON", "Pages"),
    ("Times-Roman", "Roman Pages", "PERSON", "Roman"),
    ("Courier", "Symbol Courier", "PERSON", "Courier"),
]


def table_file(font: str, value: str) -> bytes:
    """A two-page membership table in a standard font, as reportlab's platypus writes it."""
    buf = io.BytesIO()
    rows = [["Mem. ID", "Address", "Branch"], ["L0381772", value, "Burngreave"]]
    rows += [[f"L0{400000 + i}", "withheld", "Hillsborough"] for i in range(60)]
    table = Table(rows, style=[("FONT", (0, 0), (-1, -1), font, 8)])
    SimpleDocTemplate(buf, pagesize=A4).build([table])
    return buf.getvalue()


def decisions_of(doc: Document, value: str, kind: str) -> list[Decision]:
    found = [Decision(m.start(), m.end(), kind, "redact", f"[{kind}]", "test")
             for m in re.finditer(re.escape(value), doc.text)]
    assert found, f"fixture text lacks {value!r}"
    return found


def words(parts: list[tuple[str, str]], word: str) -> list[str]:
    """The parts in which ``word`` occurs as a whole word, compared as the verifier compares."""
    return [name for name, text in parts if re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", fold(text))]


@pytest.mark.parametrize(("font", "value", "kind", "word"), CASES)
def test_when_a_removed_word_is_also_pdf_syntax_then_the_redaction_verifies(font: str, value: str, kind: str,
                                                                             word: str) -> None:
    data = table_file(font, value)
    fmt = Pdf()
    doc = fmt.read(data, "table.pdf")
    assert [name for name, _ in fmt.extract_parts(data)][:2] == ["page 1", "page 2"], "sanity: two pages"
    decisions = decisions_of(doc, value, kind)
    out = fmt.write(doc, decisions)
    assert doc.warnings == [], "sanity: the glyph-exact writer handled the pages"
    assert_gone(out, value)
    shown = plumber_pages(out) + pdfium_pages(out)
    assert not any(re.search(rf"\b{piece}\b", text) for piece in re.findall(r"\w+", value) for text in shown)
    verification = verify_output(doc, decisions, fmt.extract_parts(out))
    assert verification.leaks == ()
    with pikepdf.open(io.BytesIO(out)) as pdf:  # sanity: the syntax name is really in the output
        assert any(word in repr(obj) for obj in pdf.objects)


def with_names_elsewhere(data: bytes) -> bytes:
    """``data`` with the same words as names where the specification does not fix them."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.Root.Street = pikepdf.Name("/Page")  # a fixed name under a key that does not fix it
        pdf.pages[0].obj.Note = pikepdf.Array([pikepdf.Name("/Roman"), pikepdf.Name("/Pages")])
        font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                  BaseFont=pikepdf.Name("/Courier-Symbol"))  # not one of the standard 14
        pdf.pages[0].obj.Resources.Font.Extra = pdf.make_indirect(font)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


@pytest.mark.parametrize("word", ["Page", "Pages", "Roman", "Courier", "Symbol"])
def test_when_the_same_words_are_names_anywhere_else_then_they_are_still_read(word: str) -> None:
    data = table_file("Times-Roman", "withheld")
    assert words(Pdf().extract_parts(data), word) == [], "sanity: the syntax alone reads as no text"
    parts = Pdf().extract_parts(with_names_elsewhere(data))
    assert words(parts, word)
    result = check(f"Member {word}", decision_spans([Decision(7, 7 + len(word), "PERSON", "redact", "", "t")]),
                   parts)
    assert result.leaks and all(leak.part.startswith("object ") for leak in result.leaks)
