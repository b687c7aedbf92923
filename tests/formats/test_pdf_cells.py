"""Ruled tables are read by cell: each row one line, cells separated by tabs, a wrapped cell whole.

pdfplumber's text map reads a page line by line, so a cell whose text wraps would come out on
the next line, between the wrapped parts of the row's other cells ("ADMIN" on one line, "SUSP"
on the next), and detection would never see the value whole. The fixtures are tables as
reportlab's platypus draws them (``Table`` of ``Paragraph`` cells with a ``GRID``), one drawn
line by line on a canvas, and the same tables on turned pages.
"""
from __future__ import annotations

import io
import re

import pdfplumber
import pikepdf
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from redactor.document import Decision, Document
from redactor.formats.pdf import Pdf
from redactor.formats.pdf.order import reading_entries
from redactor.verify import verify_output

from .test_pdf import assert_gone, pdfium_pages, plumber_pages

BEFORE = "The branch secretary keeps the table below."
AFTER = "The table was printed on the first of the month."
ROWS = [
    ["Name", "Status", "Notes"],
    ["Abena Frimpong-Manso", "ADMIN SUSP", "Since 03/10/25, ref EM/GLU/25/1190. Do not invite to meetings until "
                                           "further notice"],
    ["Jack Brown", "Current", "Nothing to note"],
    ["", "Lapsed", "Address missing - post returned to the branch office"],
]
#: each row as the document text must read it (the last row's name cell is empty).
LINES = ["\t".join(row) for row in ROWS]

GRID = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]
RULED = {"grid": GRID, "box-and-rules": [("BOX", (0, 0), (-1, -1), 1, colors.black),
                                         ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey)]}


def table_file(style: list[tuple] = GRID, beside: str | None = None) -> bytes:
    """Prose, a table of ``Paragraph`` cells in narrow columns (so they wrap), prose; ``beside`` drawn right of it."""
    cell = getSampleStyleSheet()["BodyText"]
    data = [[Paragraph(text, cell) for text in row] for row in ROWS]
    table = Table(data, colWidths=[90, 60, 200], hAlign="LEFT")
    table.setStyle(TableStyle([*style, ("VALIGN", (0, 0), (-1, -1), "TOP")]))

    def note(c: canvas.Canvas, _doc: object) -> None:
        if beside:
            c.setFont("Helvetica", 9)
            c.drawString(440, 720, beside)

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([Paragraph(BEFORE, cell), table, Paragraph(AFTER, cell)],
                                              onFirstPage=note)
    return buf.getvalue()


def drawn_table() -> bytes:
    """A ruled table drawn line by line on a canvas, a name broken after its hyphen in one cell."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    xs, ys = [72, 200, 320], [700, 680, 640]
    for x in xs:
        c.line(x, ys[-1], x, ys[0])
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    c.drawString(76, 686, "Member")
    c.drawString(204, 686, "Role")
    c.drawString(76, 666, "Abena Frimpong-")
    c.drawString(76, 654, "Manso")
    c.drawString(204, 666, "Branch women's")
    c.drawString(204, 654, "officer")
    c.showPage()
    c.save()
    return buf.getvalue()


def turned(data: bytes, rotation: int) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.pages[0].obj.Rotate = rotation
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def decisions_for(doc: Document, *values: str) -> list[Decision]:
    found = [Decision(m.start(), m.end(), "PERSON", "redact", "[PERSON]", "test")
             for value in values for m in re.finditer(re.escape(value), doc.text)]
    assert len(found) >= len(values), f"fixture text lacks one of {values}"
    return sorted(found, key=lambda d: d.start)


def assert_every_glyph_is_mapped(data: bytes, doc: Document) -> None:
    """Every character drawn on page 1 is in the text, once, with its own glyph."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for c in pdf.pages[0].chars if not c["text"].isspace()]
    mapped = [ref for ref in doc.source_map if ref is not None and ref.page == 1]
    drawn = sorted((round(c["x0"], 3), round(c["top"], 3)) for c in chars)
    read = sorted((round(g.x0, 3), round(g.top, 3)) for g, t in zip(doc.source_map, doc.text)
                  if g is not None and g.page == 1 and not t.isspace())
    assert read == drawn
    assert len(mapped) >= len(chars)


def page_lines(doc: Document) -> list[str]:
    return doc.text.split("\n\n")[0].split("\n")


# --------------------------------------------------------------------------- reading


def test_sanity_the_cells_wrap_in_the_fixture() -> None:
    text = plumber_pages(table_file())[0]
    assert "ADMIN SUSP" not in text and "Abena Frimpong-Manso" not in text


@pytest.mark.parametrize("style", sorted(RULED))
def test_when_ruled_cells_wrap_then_each_row_reads_as_one_line_of_whole_cells(style: str) -> None:
    data = table_file(RULED[style])
    doc = Pdf().read(data, "table.pdf")
    assert page_lines(doc) == [BEFORE, *LINES, AFTER]
    assert_every_glyph_is_mapped(data, doc)


def test_the_inserted_separators_carry_no_glyph() -> None:
    doc = Pdf().read(table_file(), "table.pdf")
    for value in ("ADMIN SUSP", "Abena Frimpong-Manso"):
        start = doc.text.index(value)
        space = start + value.index(" ")
        assert doc.source_map[space] is None
        assert all(doc.source_map[i] is not None for i in range(start, start + len(value)) if i != space)
    tabs = [i for i, ch in enumerate(doc.text) if ch == "\t"]
    assert tabs and all(doc.source_map[i] is None for i in tabs)


def test_when_a_cell_breaks_after_a_hyphen_then_the_word_is_joined_without_a_space() -> None:
    data = drawn_table()
    doc = Pdf().read(data, "drawn.pdf")
    assert page_lines(doc) == ["Member\tRole", "Abena Frimpong-Manso\tBranch women's officer"]
    assert_every_glyph_is_mapped(data, doc)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_when_the_page_is_turned_then_the_table_reads_the_same(rotation: int) -> None:
    data = turned(table_file(), rotation)
    doc = Pdf().read(data, "turned.pdf")
    assert page_lines(doc) == [BEFORE, *LINES, AFTER]
    assert_every_glyph_is_mapped(data, doc)


def test_when_text_stands_beside_the_table_then_it_is_read_line_by_line_as_before() -> None:
    data = table_file(beside="Filed by LK")
    doc = Pdf().read(data, "beside.pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        before = "".join(text for text, _ in reading_entries(pdf.pages[0].chars))
    assert doc.text.split("\n\n")[0] == before
    assert "ADMIN SUSP" not in doc.text
    assert_every_glyph_is_mapped(data, doc)


def test_when_the_table_has_no_rules_then_it_is_read_line_by_line() -> None:
    doc = Pdf().read(table_file(style=[]), "plain.pdf")
    assert "ADMIN SUSP" not in doc.text
    assert any(line.startswith("Abena\tADMIN\t") for line in page_lines(doc))


def test_a_box_round_a_paragraph_is_not_a_table() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.rect(60, 600, 300, 80)
    c.setFont("Helvetica", 10)
    c.drawString(72, 660, "First line of a boxed note about")
    c.drawString(72, 646, "Jack Brown and his branch.")
    c.showPage()
    c.save()
    doc = Pdf().read(buf.getvalue(), "box.pdf")
    assert page_lines(doc) == ["First line of a boxed note about", "Jack Brown and his branch."]


# --------------------------------------------------------------------------- redacting


@pytest.mark.parametrize("rotation", [0, 90])
def test_when_a_value_in_a_wrapped_cell_is_redacted_then_it_is_gone_and_verifies(rotation: int) -> None:
    data = turned(table_file(), rotation) if rotation else table_file()
    fmt = Pdf()
    doc = fmt.read(data, "table.pdf")
    decisions = decisions_for(doc, "Abena Frimpong-Manso", "ADMIN SUSP")
    out = fmt.write(doc, decisions)
    assert doc.warnings == [], "sanity: the glyph-exact writer handled the page"
    assert_gone(out, "Abena", "Frimpong", "Manso", "ADMIN", "SUSP")
    assert verify_output(doc, decisions, fmt.extract_parts(out)).leaks == ()
    kept = re.sub(r"\s+", " ", pdfium_pages(out)[0])
    for word in ("Since 03/10/25", "further notice", "Jack Brown", "Lapsed", BEFORE, AFTER):
        assert word in kept


def test_when_a_removed_value_wraps_inside_a_cell_then_the_rest_of_the_cell_is_kept() -> None:
    """The value is drawn on two lines; the box round each line must not take the other words of the cell."""
    data = table_file()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        tops = {w["text"]: w["top"] for w in pdf.pages[0].extract_words() if w["text"] in ("Do", "not", "invite")}
    assert tops["Do"] < tops["not"] == tops["invite"], "sanity: the value wraps after 'Do'"
    fmt = Pdf()
    doc = fmt.read(data, "table.pdf")
    decisions = decisions_for(doc, "Do not invite")
    out = fmt.write(doc, decisions)
    assert doc.warnings == []
    assert verify_output(doc, decisions, fmt.extract_parts(out)).leaks == ()
    kept = re.sub(r"\s+", " ", plumber_pages(out)[0])
    assert "invite" not in kept
    for words in ("Since 03/10/25, ref EM/GLU/25/1190.", "to meetings until", "further notice"):
        assert words in kept
