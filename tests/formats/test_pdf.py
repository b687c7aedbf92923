"""Tests for redactor.formats.pdf: reading, box placement, stripping, refusing bad input.

The writer removes glyphs exactly and, by default, draws every removed run as a box of one
fixed width with the rest of its line moved up to it (the width side channel: see
``redactor.formats.pdf.layout``). Tests that check a box covers the *whole* original word
write with ``hide_width=False``; with the default, the box starts where the removed text
started, so the default-mode tests check the first letter's area and that the words are gone.

Every fixture is generated here with reportlab (Helvetica) and, where a PDF
feature reportlab cannot make is needed, adjusted with pikepdf.
"""
from __future__ import annotations

import ctypes
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

from redactor.document import Decision, Document
from redactor.errors import UnreadableInput, UnsafeToRedact
from redactor.formats import format_for
from redactor.formats.pdf import Pdf, PdfGlyph, PdfSource
from redactor.formats.pdf.model import glyph_user_box
from redactor.formats.pdf.write import write_pdf

AUTHOR = "Gwendolyn Author-Secret"
TITLE = "Case of Ignatius Titlesecret"
XMP_CREATOR = "Xavier Xmpsecret"
OUTLINE_TITLE = "Bookmark Olwen Outlinesecret"
ATTACHMENT = b"attached statement of Agatha Attachsecret"
ANNOTATION = "Comment by Annabel Annotsecret"
FONT_XMP = "Mallory Fontxmpsecret"
HEADER = "NORTHSHIRE CONSTABULARY CASE 2024-117"
PAGE3 = "The review board met on Tuesday and closed the matter."
#: strings the redaction must remove (all on pages 1 and 2).
REDACTED = ["Wonderby", "Featherstonehaugh", "Bartholomew", "Quince"]


# --------------------------------------------------------------------------- fixtures


def _header_footer(c: canvas.Canvas, number: int) -> None:
    c.setFont("Helvetica", 9)
    c.drawString(72, 760, HEADER)
    c.drawString(72, 40, f"Confidential - page {number} of 3")


def make_case_file() -> bytes:
    """Three pages: statement with a name split over two lines, a table, an unredacted page."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setAuthor(AUTHOR)
    c.setTitle(TITLE)
    # page 1
    _header_footer(c, 1)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Statement taken from Alice Wonderby on 3 March.")
    c.drawString(72, 680, "The file was reviewed by Sergeant Jonathan")
    c.drawString(72, 665, "Featherstonehaugh before the interview.")
    c.drawString(72, 640, "Nothing further was recorded that day.")
    c.bookmarkPage("p1")
    c.addOutlineEntry(OUTLINE_TITLE, "p1")
    c.showPage()
    # page 2
    _header_footer(c, 2)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "People named in the report:")
    table = Table(
        [
            ["Name", "Role", "Phone"],
            ["Bartholomew Quince", "Witness", "07700 900123"],
            ["Dana Holloway", "Complainant", "07700 900456"],
        ]
    )
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Helvetica", 11), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    table.wrapOn(c, 468, 400)
    table.drawOn(c, 72, 600)
    c.showPage()
    # page 3
    _header_footer(c, 3)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, PAGE3)
    c.showPage()
    c.save()
    return _add_document_extras(buf.getvalue())


def _add_document_extras(data: bytes) -> bytes:
    """XMP metadata, an embedded file, an OpenAction and a comment on page 3."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:creator"] = [XMP_CREATOR]
        pdf.attachments["statement.txt"] = pikepdf.AttachedFileSpec(pdf, ATTACHMENT)
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Dictionary(P=pikepdf.String("Label-"))]))
        note = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Text,
            Rect=pikepdf.Array([400, 700, 420, 720]),
            Contents=pikepdf.String(ANNOTATION),
        )
        pdf.pages[2].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(note)]))
        font = next(iter(pdf.pages[2].obj.Resources.Font.values()))
        font.Metadata = pdf.make_stream(f"<x:xmpmeta><dc:creator>{FONT_XMP}</dc:creator></x:xmpmeta>".encode())
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def make_geometry_file(rotation: int, cropbox: list[float] | None, mediabox: list[float] | None) -> bytes:
    """Page 1 turned/cropped as asked with a target name; page 2 a plain control page."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica", 12)
    c.drawString(100, 650, "Witness Rosalind Pemberton signed here today.")
    c.drawString(100, 630, "A second line mentions nobody at all.")
    c.showPage()
    c.setFont("Helvetica", 12)
    c.drawString(100, 650, "Control page text remains searchable.")
    c.showPage()
    c.save()
    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        page = pdf.pages[0].obj
        if rotation:
            page.Rotate = rotation
        if mediabox:
            page.MediaBox = pikepdf.Array(mediabox)
        if cropbox:
            page.CropBox = pikepdf.Array(cropbox)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def _png(color: tuple[int, int, int]) -> ImageReader:
    image = Image.new("RGB", (120, 60), color)
    for x in range(0, 120, 7):
        for y in range(60):
            image.putpixel((x, y), (255 - color[0], 30, 200))
    return ImageReader(image)


def make_logo_and_scan_file() -> bytes:
    """Page 1: text plus a logo. Page 2: an image only, as a scanner makes."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.drawImage(_png((20, 60, 160)), 72, 700, width=120, height=60)
    c.setFont("Helvetica", 12)
    c.drawString(72, 650, "Letter from Cornelius Logoman about the hearing.")
    c.showPage()
    c.drawImage(_png((230, 230, 230)), 0, 0, width=612, height=792)
    c.showPage()
    c.save()
    return buf.getvalue()


def make_logo_file() -> bytes:
    """Only the text-plus-logo page of :func:`make_logo_and_scan_file`."""
    with pikepdf.open(io.BytesIO(make_logo_and_scan_file())) as pdf:
        del pdf.pages[1]
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def add_incremental_update(data: bytes, new_content: bytes) -> bytes:
    """Append a classic incremental update replacing page 1's content stream."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        contents = pdf.pages[0].obj.Contents
        objnum, gen = contents.objgen
        size = int(pdf.trailer.Size)
        root = pdf.trailer.Root.objgen
        info = pdf.trailer.Info.objgen
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    offset = len(data) + 1
    body = b"\n%d %d obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        objnum, gen, len(new_content), new_content
    )
    xref_at = len(data) + len(body)
    xref = b"xref\n%d 1\n%010d %05d n \n" % (objnum, offset, gen)
    trailer = b"trailer\n<< /Size %d /Root %d %d R /Info %d %d R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        size, root[0], root[1], info[0], info[1], prev, xref_at
    )
    return data + body + xref + trailer


# --------------------------------------------------------------------------- helpers


def decisions_for(doc: Document, *needles: str) -> list[Decision]:
    """One decision per occurrence of each needle in ``doc.text``, sorted."""
    found = []
    for needle in needles:
        for match in re.finditer(re.escape(needle), doc.text):
            found.append(Decision(match.start(), match.end(), "PERSON", "redact", "[PERSON]", "test"))
    assert found, f"fixture text lacks {needles}"
    return sorted(found, key=lambda d: d.start)


def plumber_pages(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def pdfium_pages(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [tuple(round(v, 2) for v in pdf[i].get_size()) for i in range(len(pdf))]
    finally:
        pdf.close()


def raw_streams(data: bytes) -> Iterator[bytes]:
    """Every Flate stream found in the raw bytes, reachable or not (old revisions included)."""
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            yield zlib.decompressobj().decompress(data[match.end() :])
        except zlib.error:
            continue


def all_strings(data: bytes) -> str:
    """Every string and every decoded stream of the file, reachable or not, as one text."""
    parts: list[str] = [data.decode("latin-1")]
    parts.extend(chunk.decode("latin-1") for chunk in raw_streams(data))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    parts.append(obj.read_bytes().decode("latin-1"))
                except pikepdf.PdfError:
                    pass
            parts.append(repr(obj))
        parts.append(repr(pdf.trailer))
    return "\n".join(parts)


def charboxes(data: bytes, page_index: int, word: str) -> list[tuple[float, float, float, float]]:
    """User-space boxes of the characters of ``word`` (pdfium's own text extraction)."""
    pdf = pdfium.PdfDocument(data)
    try:
        textpage = pdf[page_index].get_textpage()
        hit = textpage.search(word, match_case=True).get_next()
        assert hit, f"{word!r} not found by pdfium"
        start, count = hit
        return [textpage.get_charbox(i) for i in range(start, start + count)]
    finally:
        pdf.close()


def render(data: bytes, page_index: int, scale: float = 4.0) -> tuple[Image.Image, pdfium.PdfDocument, pdfium.PdfPage]:
    pdf = pdfium.PdfDocument(data)
    page = pdf[page_index]
    image = page.render(scale=scale, rev_byteorder=True).to_pil().convert("RGB")
    return image, pdf, page


def to_device(page: pdfium.PdfPage, size: tuple[int, int], box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """Pixel rectangle of a user-space box on a bitmap of ``size``, computed by pdfium."""
    points = []
    for x, y in ((box[0], box[1]), (box[2], box[3])):
        dx, dy = ctypes.c_int(), ctypes.c_int()
        ok = pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, size[0], size[1], 0, x, y, ctypes.byref(dx), ctypes.byref(dy))
        assert ok
        points.append((dx.value, dy.value))
    (ax, ay), (bx, by) = points
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def region(image: Image.Image, rect: tuple[int, int, int, int], inset: int = 2) -> list[tuple[int, int, int]]:
    """Pixels of ``rect`` shrunk by ``inset`` pixels on each side (half a point at the default scale)."""
    x0, y0, x1, y1 = rect
    crop = image.crop((x0 + inset, y0 + inset, x1 - inset, y1 - inset))
    assert crop.width > 0 and crop.height > 0
    raw = crop.tobytes()
    return [tuple(raw[i : i + 3]) for i in range(0, len(raw), 3)]


def is_black(pixel: tuple[int, int, int]) -> bool:
    return max(pixel) <= 40


def word_region_pixels(original: bytes, redacted: bytes, page_index: int, word: str) -> tuple[list, list]:
    """Pixels of ``word``'s area in the original and in the redacted rendering."""
    boxes = charboxes(original, page_index, word)
    union = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    result = []
    for data in (original, redacted):
        image, pdf, page = render(data, page_index)
        try:
            result.append(region(image, to_device(page, image.size, union)))
        finally:
            pdf.close()
    return result[0], result[1]


def assert_covered(original: bytes, redacted: bytes, page_index: int, word: str) -> None:
    before, after = word_region_pixels(original, redacted, page_index, word)
    assert any(is_black(p) for p in before), "sanity: the word is drawn in the original"
    assert not all(is_black(p) for p in before), "sanity: the original word area is not a solid block"
    assert all(is_black(p) for p in after), f"{word!r} is not fully under a black box"


def assert_box_starts_at(original: bytes, redacted: bytes, page_index: int, word: str) -> None:
    """The first letter of ``word`` (where a removed run starts) is under a black box in ``redacted``."""
    box = charboxes(original, page_index, word)[0]
    image, pdf, page = render(redacted, page_index)
    try:
        pixels = region(image, to_device(page, image.size, box))
    finally:
        pdf.close()
    assert all(is_black(p) for p in pixels), f"no box where {word!r} started"


def assert_gone(redacted: bytes, *words: str) -> None:
    """None of ``words`` can be extracted from ``redacted`` by either extractor, nor found in its bytes."""
    texts = plumber_pages(redacted) + pdfium_pages(redacted) + [all_strings(redacted)]
    for word in words:
        assert not any(word in text for text in texts), word


def assert_not_covered(original: bytes, redacted: bytes, page_index: int, word: str) -> None:
    _, after = word_region_pixels(original, redacted, page_index, word)
    black = sum(is_black(p) for p in after)
    assert black < 0.6 * len(after), f"{word!r} is covered but should not be"
    assert any(max(p) > 200 for p in after), f"{word!r} area has no background left"
    assert any(max(p) < 128 for p in after), f"{word!r} is not drawn in the output"


@pytest.fixture(scope="module")
def case_file() -> bytes:
    return make_case_file()


@pytest.fixture(scope="module")
def case_doc(case_file: bytes) -> Document:
    return Pdf().read(case_file, "case.pdf")


CASE_DECISIONS = ("Alice Wonderby", "Jonathan\nFeatherstonehaugh", "Bartholomew Quince")


@pytest.fixture(scope="module")
def redacted(case_doc: Document) -> bytes:
    return Pdf().write(case_doc, decisions_for(case_doc, *CASE_DECISIONS))


@pytest.fixture(scope="module")
def redacted_exact(case_doc: Document) -> bytes:
    """The same redaction with each box exactly as wide as what it removes (nothing moves)."""
    return write_pdf(case_doc, decisions_for(case_doc, *CASE_DECISIONS), hide_width=False)


# --------------------------------------------------------------------------- reading


def test_format_table_finds_pdf() -> None:
    fmt = format_for("x.PDF")
    assert isinstance(fmt, Pdf)
    assert (fmt.name, fmt.media_type) == ("pdf", "application/pdf")


def test_read_one_block_per_page_joined_by_blank_line(case_doc: Document) -> None:
    assert [b.where for b in case_doc.blocks] == [{"page": 1}, {"page": 2}, {"page": 3}]
    for left, right in zip(case_doc.blocks, case_doc.blocks[1:]):
        assert case_doc.text[left.end : right.start] == "\n\n"
        assert case_doc.source_map[left.end : right.start] == [None, None]
    assert case_doc.blocks[0].start == 0 and case_doc.blocks[-1].end == len(case_doc.text)
    for number, block in enumerate(case_doc.blocks, start=1):
        page_text = case_doc.text[block.start : block.end]
        assert HEADER in page_text and f"page {number} of 3" in page_text


def test_read_text_is_in_natural_order(case_doc: Document) -> None:
    text = case_doc.text
    assert "Statement taken from Alice Wonderby on 3 March." in text
    assert "Sergeant Jonathan\nFeatherstonehaugh before the interview." in text
    assert "Bartholomew Quince\tWitness\t07700 900123" in text  # table cells are tab-separated
    assert text.index(HEADER) < text.index("Statement taken") < text.index("Nothing further")
    assert PAGE3 in text


def test_every_drawn_character_maps_to_its_glyph(case_doc: Document) -> None:
    for char, ref in zip(case_doc.text, case_doc.source_map):
        if char.isspace():
            assert ref is None
        else:
            assert isinstance(ref, PdfGlyph)
    start = case_doc.text.index("Wonderby")
    glyphs = [case_doc.source_map[i] for i in range(start, start + len("Wonderby"))]
    assert {g.page for g in glyphs} == {1}
    assert all(a.x1 <= b.x0 + 0.01 for a, b in zip(glyphs, glyphs[1:])), "glyphs run left to right"
    assert isinstance(case_doc.native, PdfSource) and len(case_doc.native.pages) == 3


def test_glyphs_agree_with_pdfium_positions(case_file: bytes, case_doc: Document) -> None:
    start = case_doc.text.index("Wonderby")
    glyph = case_doc.source_map[start]
    x0, y0, x1, y1 = glyph_user_box(glyph, case_doc.native.pages[0])
    px0, py0, px1, py1 = charboxes(case_file, 0, "Wonderby")[0]
    assert abs(x0 - px0) < 1.5 and abs(x1 - px1) < 1.5
    assert y0 - 1 <= py0 and py1 <= y1 + 1, "pdfium's tight box lies within pdfplumber's line box"


def test_annotations_are_reported_without_document_text(case_doc: Document) -> None:
    [warning] = case_doc.warnings
    assert warning.startswith("page 3: annotations")
    assert "Annabel" not in warning and "\n" not in warning


def test_text_with_logo_reads_and_redacts() -> None:
    data = make_logo_file()
    doc = Pdf().read(data, "logo.pdf")
    assert "Letter from Cornelius Logoman about the hearing." in doc.text
    out = write_pdf(doc, decisions_for(doc, "Cornelius Logoman"), hide_width=False)
    assert_covered(data, out, 0, "Logoman")
    assert_not_covered(data, out, 0, "hearing")
    assert_gone(out, "Cornelius", "Logoman")
    assert "Letter from about the hearing." in plumber_pages(out)[0]


def test_image_only_page_is_refused() -> None:
    with pytest.raises(UnsafeToRedact) as caught:
        Pdf().read(make_logo_and_scan_file(), "scan.pdf")
    assert str(caught.value) == (
        "page 2 is a scanned image and OCR is not available: refusing rather than pass it through"
    )


def test_text_without_character_map_is_refused() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(612, 792))
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name("/Arial"),
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0),
    )
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/Arial"),
        Encoding=pikepdf.Name("/Identity-H"),
        DescendantFonts=pikepdf.Array([descendant]),
    )
    page = pdf.pages[0].obj
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F9=font))
    page.Contents = pdf.make_stream(b"BT /F9 12 Tf 72 700 Td <00240025002600270028002900300031> Tj ET")
    out = io.BytesIO()
    pdf.save(out)
    with pytest.raises(UnsafeToRedact, match="page 1 has text in a font with no character map"):
        Pdf().read(out.getvalue(), "cid.pdf")


# --------------------------------------------------------------------------- bad input


def _encrypted(user: str) -> bytes:
    with pikepdf.open(io.BytesIO(make_case_file())) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(user=user, owner="owner-pw"))
        return out.getvalue()


BAD_INPUTS = {
    "empty": (lambda: b"", "empty file"),
    "garbage": (lambda: b"this is not a PDF at all, just some words\n" * 40, "not a PDF"),
    "header-then-garbage": (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n", "corrupt PDF"),
    "truncated": (lambda: make_case_file()[: len(make_case_file()) // 2], "truncated PDF"),
    "encrypted": (lambda: _encrypted("user-pw"), "encrypted PDF: a password is required"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_unreadable_with_one_line(kind: str) -> None:
    make, expected = BAD_INPUTS[kind]
    with pytest.raises(UnreadableInput) as caught:
        Pdf().read(make(), "bad.pdf")
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and len(message) < 120
    for word in ("Wonderby", "Quince", "NORTHSHIRE", "review board"):
        assert word not in message


@pytest.mark.parametrize("kind", ["empty", "garbage", "encrypted"])
def test_extract_text_refuses_bad_input(kind: str) -> None:
    make, expected = BAD_INPUTS[kind]
    with pytest.raises(UnreadableInput) as caught:
        Pdf().extract_text(make())
    assert expected.split(":")[0] in str(caught.value) or "corrupt PDF" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_owner_password_only_is_read_and_output_is_unencrypted() -> None:
    data = _encrypted(user="")
    with pikepdf.open(io.BytesIO(data)) as check:
        assert check.is_encrypted, "sanity: the fixture is encrypted"
    doc = Pdf().read(data, "owner.pdf")
    assert "Alice Wonderby" in doc.text
    out = Pdf().write(doc, decisions_for(doc, "Alice Wonderby"))
    with pikepdf.open(io.BytesIO(out)) as result:
        assert not result.is_encrypted
        assert "/Encrypt" not in result.trailer
    assert PAGE3 in Pdf().extract_text(out)


# --------------------------------------------------------------------------- writing


def test_redacted_strings_are_gone_from_both_extractors(case_file: bytes, redacted: bytes) -> None:
    for pages in (plumber_pages(case_file), pdfium_pages(case_file)):
        assert all(any(word in page for page in pages) for word in REDACTED), "sanity"
    for pages in (plumber_pages(redacted), pdfium_pages(redacted), [Pdf().extract_text(redacted)]):
        for word in REDACTED + ["Alice", "Jonathan"]:
            assert not any(word in page for page in pages), word
    assert not any(word in all_strings(redacted) for word in REDACTED)


def test_unredacted_page_is_intact_and_extractable(case_file: bytes, redacted: bytes) -> None:
    assert plumber_pages(redacted)[2] == plumber_pages(case_file)[2]
    assert PAGE3 in plumber_pages(redacted)[2]
    assert PAGE3 in pdfium_pages(redacted)[2]
    assert PAGE3 in Pdf().extract_text(redacted)
    assert "page 3 of 3" in Pdf().extract_text(redacted)


def test_redacted_pages_stay_vector_text(case_doc: Document, redacted: bytes) -> None:
    with pikepdf.open(io.BytesIO(redacted)) as pdf:
        for index in (0, 1, 2):
            resources = pdf.pages[index].obj.Resources
            assert "/Font" in resources and "/XObject" not in resources
    assert case_doc.warnings == ["page 3: annotations (comments, links, form fields) are not checked and are removed"]
    page1, page2 = plumber_pages(redacted)[:2]
    assert "Statement taken from on 3 March." in page1
    assert "The file was reviewed by Sergeant\nbefore the interview." in page1
    assert "Nothing further was recorded that day." in page1 and HEADER in page1
    assert "Witness 07700 900123" in page2 and "Dana Holloway Complainant 07700 900456" in page2


def test_page_count_and_sizes_unchanged(case_file: bytes, redacted: bytes) -> None:
    assert page_sizes(redacted) == page_sizes(case_file)
    with pdfplumber.open(io.BytesIO(redacted)) as out, pdfplumber.open(io.BytesIO(case_file)) as src:
        assert [(p.width, p.height) for p in out.pages] == [(p.width, p.height) for p in src.pages]


def test_document_level_data_is_stripped(case_file: bytes, redacted: bytes) -> None:
    before = all_strings(case_file)
    assert all(s in before for s in (AUTHOR, TITLE, XMP_CREATOR, OUTLINE_TITLE, ANNOTATION, FONT_XMP)), "sanity"
    with pikepdf.open(io.BytesIO(case_file)) as src:
        assert src.attachments, "sanity: the fixture has an embedded file"
    after = all_strings(redacted)
    for secret in (AUTHOR, TITLE, XMP_CREATOR, OUTLINE_TITLE, ANNOTATION, FONT_XMP, ATTACHMENT.decode(), "app.alert", "Label-"):
        assert secret not in after, secret
    with pikepdf.open(io.BytesIO(redacted)) as pdf:
        assert "/Info" not in pdf.trailer
        for key in ("/Metadata", "/Outlines", "/AcroForm", "/Names", "/OpenAction", "/AA", "/PageLabels", "/StructTreeRoot"):
            assert key not in pdf.Root, key
        assert all("/Annots" not in page.obj for page in pdf.pages)
    pdf = pdfium.PdfDocument(redacted)
    try:
        assert not any(pdf.get_metadata_dict(skip_empty=True).values())
    finally:
        pdf.close()


def test_boxes_start_where_removed_text_started(case_file: bytes, redacted: bytes) -> None:
    for index, word in ((0, "Alice"), (0, "Jonathan"), (0, "Featherstonehaugh"), (1, "Bartholomew")):
        assert_box_starts_at(case_file, redacted, index, word)
    for index, word in ((0, "Statement"), (0, "Sergeant"), (0, "NORTHSHIRE"), (1, "Witness"), (1, "Holloway")):
        assert_not_covered(case_file, redacted, index, word)
    assert_gone(redacted, *REDACTED)


def test_boxes_cover_redacted_words_only(case_file: bytes, redacted_exact: bytes) -> None:
    redacted = redacted_exact
    for index, word in ((0, "Wonderby"), (0, "Alice"), (0, "Jonathan"), (0, "Featherstonehaugh"), (1, "Bartholomew"), (1, "Quince")):
        assert_covered(case_file, redacted, index, word)
    for index, word in ((0, "Statement"), (0, "Sergeant"), (0, "before"), (0, "NORTHSHIRE"), (1, "Witness"), (1, "Holloway")):
        assert_not_covered(case_file, redacted, index, word)


def test_rendered_page_is_black_in_the_box_and_not_elsewhere(case_file: bytes, redacted: bytes, tmp_path: Path) -> None:
    image, pdf, page = render(redacted, 0, scale=150 / 72)
    try:
        box = to_device(page, image.size, charboxes(case_file, 0, "Alice")[3])
    finally:
        pdf.close()
    png = tmp_path / "page1.png"
    image.save(png)
    saved = Image.open(png).convert("RGB")
    inside = region(saved, box, inset=1)
    assert all(p == (0, 0, 0) for p in inside)
    pixels = region(saved, (0, 0, saved.width, saved.height), inset=0)
    assert sum(p == (255, 255, 255) for p in pixels) > 0.9 * len(pixels)


def test_accents_and_descenders_are_fully_covered() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica", 12)
    c.drawString(100, 650, "Met \u00c5sa \u00c7elik-Jung\u00e7 today.")
    c.drawString(100, 636, "Nothing else to say here.")
    c.showPage()
    c.save()
    data = buf.getvalue()
    doc = Pdf().read(data, "accents.pdf")
    out = write_pdf(doc, decisions_for(doc, "\u00c5sa \u00c7elik-Jung\u00e7"), hide_width=False)
    for word in ("\u00c5sa", "\u00c7elik-Jung\u00e7"):
        assert_covered(data, out, 0, word)
    assert_not_covered(data, out, 0, "today")
    assert_not_covered(data, out, 0, "Nothing")
    default = Pdf().write(doc, decisions_for(doc, "\u00c5sa \u00c7elik-Jung\u00e7"))
    assert_covered(data, default, 0, "\u00c5sa")  # the first word lies wholly inside the fixed-width box
    assert_not_covered(data, default, 0, "Nothing")
    assert_gone(default, "\u00c5sa", "\u00c7elik")


def test_no_decision_keeps_every_page_as_vector_text(case_file: bytes, case_doc: Document) -> None:
    out = Pdf().write(case_doc, [])
    assert plumber_pages(out) == plumber_pages(case_file)
    assert AUTHOR not in all_strings(out)


def test_old_revisions_are_gone() -> None:
    base = make_case_file()
    updated = add_incremental_update(base, b"BT /F1 12 Tf 72 700 Td (Revised statement.) Tj ET")
    assert "Wonderby" in all_strings(updated), "sanity: the old revision is still in the file"
    doc = Pdf().read(updated, "updated.pdf")
    assert "Revised statement." in doc.text and "Wonderby" not in doc.text
    out = Pdf().write(doc, decisions_for(doc, "Revised"))
    assert out.count(b"%%EOF") == 1
    assert "Wonderby" not in all_strings(out)


GEOMETRIES = {
    "plain": (0, None, None),
    "rotate90": (90, None, None),
    "rotate180": (180, None, None),
    "rotate270": (270, None, None),
    "cropped": (0, [80, 560, 420, 700], None),
    "rotate90-cropped": (90, [80, 560, 420, 700], None),
    "rotate270-cropped-offset-mediabox": (270, [80, 560, 420, 700], [20, 30, 600, 780]),
}


@pytest.mark.parametrize("hide_width", [False, True], ids=["exact", "fixed-width"])
@pytest.mark.parametrize("name", sorted(GEOMETRIES))
def test_box_lands_on_the_right_glyphs(name: str, hide_width: bool) -> None:
    rotation, cropbox, mediabox = GEOMETRIES[name]
    data = make_geometry_file(rotation, cropbox, mediabox)
    doc = Pdf().read(data, f"{name}.pdf")
    assert "Witness Rosalind Pemberton signed here today.\nA second line mentions nobody at all." in doc.text
    glyph = doc.source_map[doc.text.index("Rosalind")]
    ux0, uy0, ux1, uy1 = glyph_user_box(glyph, doc.native.pages[0])
    px0, py0, px1, py1 = charboxes(data, 0, "Rosalind")[0]
    assert ux0 - 1 <= px0 and px1 <= ux1 + 1 and uy0 - 1 <= py0 and py1 <= uy1 + 1

    out = write_pdf(doc, decisions_for(doc, "Rosalind Pemberton"), hide_width=hide_width)
    assert doc.warnings == []
    assert page_sizes(out) == page_sizes(data)
    assert_covered(data, out, 0, "Rosalind")
    if not hide_width:
        assert_covered(data, out, 0, "Pemberton")
    assert_not_covered(data, out, 0, "Witness")
    assert_not_covered(data, out, 0, "signed")
    assert_not_covered(data, out, 0, "second")
    text = re.sub(r"[ \t]+", " ", Pdf().read(out, "out.pdf").text)  # the gap a box leaves reads as a tab
    assert "Witness signed here today.\nA second line mentions nobody at all." in text
    for pages in (plumber_pages(out), pdfium_pages(out)):
        assert not any("Rosalind" in page or "Pemberton" in page for page in pages)
        assert "Control page text remains searchable." in pages[1]


def test_input_bytes_are_not_modified(case_file: bytes) -> None:
    copy = bytes(bytearray(case_file))
    doc = Pdf().read(copy, "case.pdf")
    Pdf().write(doc, decisions_for(doc, "Alice Wonderby"))
    assert copy == case_file


def test_extract_text_joins_pages_with_newline(case_file: bytes) -> None:
    text = Pdf().extract_text(case_file)
    assert "Alice Wonderby" in text and PAGE3 in text
    assert text.index("Alice Wonderby") < text.index("Bartholomew Quince") < text.index(PAGE3)
    assert "\r" not in text

