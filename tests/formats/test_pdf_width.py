"""The width side channel (Bland et al., PETS 2023): a redaction must not tell how long the removed text was.

Names of very different lengths are redacted mid-sentence in PDFs laid out three ways
(one ``Tj`` per line as reportlab writes it; every word placed by its own ``Td``, as
typesetters do; one ``TJ`` per line with the spaces as displacements, as TeX does). The
gap each leaves (from the end of the last kept glyph before it to the start of the first
kept glyph after it, as pdfplumber reads the output) must not correlate with the width
of the name. With the side channel left open (``hide_width=False``) the same measurement
finds it, which shows the test can see it.
"""
from __future__ import annotations

import io
import statistics

import pdfplumber
import pikepdf
import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from redactor.formats.pdf import Pdf
from redactor.formats.pdf.write import write_pdf

from .test_pdf import all_strings, decisions_for, pdfium_pages, plumber_pages

NAMES = ["Li", "Ng Ho", "Jo Ito", "Ann Lee", "Bo Chan", "Maria Garcia", "Margaret Thornbury", "Bartholomew Quince",
         "Christopher Featherstonehaugh", "Alexandra Montgomery-Wolstenholme", "Wu", "Penelope Ashworth-Smythe"]
SIZE = 12


def sentence(name: str) -> str:
    return f"The complaint about {name} was heard on Monday."


def reportlab_lines() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica", SIZE)
    for i, name in enumerate(NAMES):
        c.drawString(72, 740 - 22 * i, sentence(name))
    c.showPage()
    c.save()
    return buf.getvalue()


def _raw_page(content: str) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=letter)
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
                              Encoding=pikepdf.Name.WinAnsiEncoding)
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    pdf.pages[0].obj.Contents = pdf.make_stream(content.encode("latin-1"))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def word_by_word() -> bytes:
    """Each word placed by its own ``Td`` from the previous word's start (one text object)."""
    space = stringWidth(" ", "Helvetica", SIZE)
    ops = [f"BT /F1 {SIZE} Tf"]
    for i, name in enumerate(NAMES):
        words = sentence(name).split()
        ops.append(f"1 0 0 1 72 {740 - 22 * i} Tm")
        for j, word in enumerate(words):
            if j:
                ops.append(f"{stringWidth(words[j - 1], 'Helvetica', SIZE) + space:.3f} 0 Td")
            ops.append(f"({word}) Tj")
    return _raw_page(" ".join(ops + ["ET"]))


def tex_like() -> bytes:
    """One ``TJ`` per line, words as strings and the spaces as displacements."""
    ops = [f"BT /F1 {SIZE} Tf"]
    for i, name in enumerate(NAMES):
        array = " -300 ".join(f"({word})" for word in sentence(name).split())
        ops.append(f"1 0 0 1 72 {740 - 22 * i} Tm [{array}] TJ")
    return _raw_page(" ".join(ops + ["ET"]))


LAYOUTS = {"reportlab": reportlab_lines, "word-by-word": word_by_word, "tex-like": tex_like}


def name_widths(data: bytes) -> list[float]:
    """Width of each name as drawn in the original (first glyph's left to last glyph's right)."""
    return [right - left for left, right in (_around(line, name, inside=True)
                                             for line, name in zip(_lines(data), NAMES))]


def gaps(data: bytes) -> list[float]:
    """The gap each redaction leaves: from the end of "about" to the start of "was"."""
    return [right - left for left, right in (_around(line) for line in _lines(data))]


def _lines(data: bytes) -> list[list[dict]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for c in pdf.pages[0].chars if not c["text"].isspace()]
    rows: dict[int, list[dict]] = {}
    for char in chars:
        rows.setdefault(round(char["top"]), []).append(char)
    return [sorted(rows[top], key=lambda c: c["x0"]) for top in sorted(rows)]


def _around(line: list[dict], name: str = "", inside: bool = False) -> tuple[float, float]:
    text = "".join(c["text"] for c in line)
    end_of_about = text.index("about") + len("about") - 1
    if inside:
        squeezed = name.replace(" ", "")
        return line[end_of_about + 1]["x0"], line[end_of_about + len(squeezed)]["x1"]
    assert text[end_of_about + 1 :].startswith("washeard"), "only the name was removed"
    return line[end_of_about]["x1"], line[end_of_about + 1]["x0"]


def correlation(xs: list[float], ys: list[float]) -> float:
    """Pearson's r; 0 when the gaps do not vary at all (a constant carries no information)."""
    if statistics.pstdev(ys) < 1e-3:
        return 0.0
    return statistics.correlation(xs, ys)


def redact(data: bytes, hide_width: bool) -> bytes:
    doc = Pdf().read(data, "names.pdf")
    out = write_pdf(doc, decisions_for(doc, *NAMES), hide_width=hide_width)
    assert not doc.warnings, "the page was rewritten glyph-exact"
    return out


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_gap_width_does_not_follow_the_removed_name(layout: str) -> None:
    data = LAYOUTS[layout]()
    widths = name_widths(data)
    assert max(widths) > 8 * min(widths), "sanity: the names differ a lot in width"
    out = redact(data, hide_width=True)
    measured = gaps(out)
    r = correlation(widths, measured)
    assert abs(r) < 0.2, f"gap width follows name width (r = {r:.2f})"
    assert max(measured) - min(measured) < 0.5, "every redaction leaves the same gap"
    texts = plumber_pages(out) + pdfium_pages(out) + [all_strings(out)]
    for name in NAMES:
        for word in name.replace("-", " ").split():
            if len(word) > 2:
                assert not any(word in text for text in texts), word
    assert "was heard on Monday." in plumber_pages(out)[0]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_without_width_hiding_the_measurement_sees_the_side_channel(layout: str) -> None:
    data = LAYOUTS[layout]()
    out = redact(data, hide_width=False)
    assert correlation(name_widths(data), gaps(out)) > 0.95


def _row_of_cells() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica", 10)
    for x, cell in ((72, "ITC-0041187"), (172, "WIBOWO, Sutrisno"), (302, "14/03/1968"), (392, "41 Bursledon Road")):
        c.drawString(x, 700, cell)
    c.drawString(72, 680, "Merged into A.")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_each_removed_cell_of_a_table_row_gets_its_own_box():
    # a run of removed glyphs ends at a cell gap: one box per cell, not one box for the row (which, its
    # width hidden, would leave the other cells blank with no sign that anything was removed)
    doc = Pdf().read(_row_of_cells(), "row.pdf")
    decisions = decisions_for(doc, "ITC-0041187", "WIBOWO, Sutrisno", "14/03/1968", "41 Bursledon Road")
    out = write_pdf(doc, decisions)
    with pdfplumber.open(io.BytesIO(out)) as pdf:
        boxes = [r for r in pdf.pages[0].rects if r["non_stroking_color"] in ((0,), (0, 0, 0), [0], [0, 0, 0], 0)]
        text = pdf.pages[0].extract_text()
    assert "Sutrisno" not in text and "Bursledon" not in text and "Merged into A." in text
    assert len(boxes) == 4, boxes
