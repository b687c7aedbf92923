"""Writing a redacted PDF: pages with a decision become black-boxed images.

This is the first, deliberately blunt writer: every page that carries at least
one decision is rendered with pdfium, opaque black boxes are painted over the
glyphs of every decision, and the page's content is replaced by that image, so
nothing of the original page (text, vector graphics, hidden layers, annotations)
survives on it. Pages without a decision keep their content. Document-level
places that can hold personal data are removed and the file is saved whole.
"""
from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Sequence
from io import BytesIO

import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFont

from ...document import Decision, Document
from ...errors import RedactorError, UnsafeToRedact
from .model import (
    Box,
    PdfGlyph,
    PdfSource,
    Rect,
    display_to_user,
    normalise_box,
    plumber_rect_to_user,
    user_box_to_display,
)

#: rendering resolution of redacted pages.
RENDER_DPI = 200.0
#: cap on a rendered page's pixel count (huge pages are rendered at a lower resolution).
MAX_PIXELS = 40_000_000
#: padding around each box, in points: along the line, and across it as a share of line height.
PAD_ALONG = 1.0
PAD_ACROSS_MIN = 1.0
PAD_ACROSS_SHARE = 0.2
#: catalog entries that cannot carry personal data; every other one is removed.
CATALOG_KEEP = frozenset(
    {"/Type", "/Pages", "/Version", "/PageLayout", "/ViewerPreferences", "/Lang", "/OCProperties", "/Extensions"}
)
#: page entries removed from every page (annotations and actions are never checked).
PAGE_DROP = ("/Annots", "/AA", "/Metadata", "/PieceInfo", "/Thumb", "/StructParents", "/B", "/AF")
#: resource name of a re-rendered page's image.
IMAGE_NAME = pikepdf.Name("/Im0")


def write_pdf(doc: Document, decisions: Sequence[Decision]) -> bytes:
    """A redacted copy of ``doc``: see the module docstring."""
    source = _source(doc)
    boxes = boxes_by_page(doc, decisions, source)
    try:
        with pikepdf.open(BytesIO(source.data)) as pdf:
            _render_pages(pdf, source.data, boxes)
            strip_document(pdf)
            return _save(pdf)
    except RedactorError:
        raise
    except Exception as error:  # pikepdf/pdfium raise many kinds
        raise UnsafeToRedact(f"the redacted PDF could not be built ({type(error).__name__})") from None


def _source(doc: Document) -> PdfSource:
    """The reader's native handle, checked."""
    if not isinstance(doc.native, PdfSource):
        raise TypeError("Pdf.write needs a Document read by Pdf.read")
    return doc.native


def boxes_by_page(doc: Document, decisions: Sequence[Decision],
                  source: PdfSource) -> dict[int, list[tuple[Box, str | None]]]:
    """User-space boxes to paint, by 1-based page: one padded box per decision per line, each with
    the label to print on it (the decision's ``box_label``, on its first line only)."""
    boxes: dict[int, list[tuple[Box, str | None]]] = {}
    for decision in decisions:
        for i, glyphs in enumerate(_lines(doc, decision)):
            page = source.pages[glyphs[0].page - 1]
            rect = _pad(_union(glyphs), _runs_vertically(glyphs))
            label = decision.box_label if i == 0 else None
            boxes.setdefault(page.number, []).append((plumber_rect_to_user(rect, page), label))
    return boxes


def _lines(doc: Document, decision: Decision) -> Iterable[list[PdfGlyph]]:
    """The decision's glyphs, split where the text breaks a line or changes page."""
    line: list[PdfGlyph] = []
    for offset in range(decision.start, decision.end):
        ref = doc.source_map[offset]
        new_page = isinstance(ref, PdfGlyph) and bool(line) and ref.page != line[-1].page
        if line and (doc.text[offset] == "\n" or new_page):
            yield line
            line = []
        if isinstance(ref, PdfGlyph):
            line.append(ref)
    if line:
        yield line


def _union(glyphs: list[PdfGlyph]) -> Rect:
    """The smallest rectangle (pdfplumber space) holding every glyph."""
    return (
        min(g.x0 for g in glyphs),
        min(g.top for g in glyphs),
        max(g.x1 for g in glyphs),
        max(g.bottom for g in glyphs),
    )


def _runs_vertically(glyphs: list[PdfGlyph]) -> bool:
    """Whether the line runs up or down the displayed page (rotated page or sideways text).

    Several glyphs: their centres spread further vertically than horizontally.
    One glyph: its box is taller than wide is the usual upright case, so wider means sideways.
    """
    if len(glyphs) == 1:
        glyph = glyphs[0]
        return glyph.x1 - glyph.x0 > glyph.bottom - glyph.top
    xs = [(g.x0 + g.x1) / 2 for g in glyphs]
    ys = [(g.top + g.bottom) / 2 for g in glyphs]
    return max(ys) - min(ys) > max(xs) - min(xs)


def _pad(rect: Rect, vertical: bool) -> Rect:
    """Grow a line's box so no accent, descender or anti-aliased fringe survives."""
    x0, top, x1, bottom = rect
    thickness = (x1 - x0) if vertical else (bottom - top)
    across = max(PAD_ACROSS_MIN, PAD_ACROSS_SHARE * thickness)
    pad_x, pad_y = (across, PAD_ALONG) if vertical else (PAD_ALONG, across)
    return (x0 - pad_x, top - pad_y, x1 + pad_x, bottom + pad_y)


def _render_pages(pdf: pikepdf.Pdf, data: bytes, boxes: dict[int, list[tuple[Box, str | None]]]) -> None:
    """Replace every page that has boxes by a black-boxed image of itself."""
    if not boxes:
        return
    rendered = pdfium.PdfDocument(data)
    try:
        for number in sorted(boxes):
            page = rendered[number - 1]
            try:
                image, visible, rotation = render_redacted(page, boxes[number])
            finally:
                page.close()
            replace_with_image(pdf, pdf.pages[number - 1], image, visible, rotation)
    finally:
        rendered.close()


def render_redacted(page: pdfium.PdfPage, boxes: list[tuple[Box, str | None]]) -> tuple[Image.Image, Box, int]:
    """Render ``page`` (visible box, ``/Rotate`` applied, no annotations) and paint the boxes.

    Returns the RGB image, the visible box in user space and the rotation it was drawn with.
    """
    visible = normalise_box(page.get_bbox())
    rotation = page.get_rotation()
    width, height = page.get_width(), page.get_height()
    scale = min(RENDER_DPI / 72.0, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
    bitmap = page.render(scale=scale, draw_annots=False, may_draw_forms=False, rev_byteorder=True)
    image = bitmap.to_pil().convert("RGB")
    sx, sy = image.width / width, image.height / height
    draw = ImageDraw.Draw(image)
    for box, label in boxes:
        x0, top, x1, bottom = user_box_to_display(box, visible, rotation)
        pixels = (math.floor(x0 * sx), math.floor(top * sy), math.ceil(x1 * sx), math.ceil(bottom * sy))
        draw.rectangle(pixels, fill=(0, 0, 0))
        if label:
            _label(draw, pixels, label)
    return image, visible, rotation


def _label(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], label: str) -> None:
    """Print the reason code on a box in white, as large as the box's height allows; a label that
    does not fit is cut short (the box never grows, so it reveals nothing about what is under it)."""
    x0, top, x1, bottom = box
    size = max(6, int((bottom - top) * 0.7))
    font = ImageFont.load_default(size=size)
    room = (x1 - x0) - 4
    short = label.strip("[]").split()[-1] if label.strip("[]").split() else ""
    text = label if draw.textlength(label, font=font) <= room else short  # "[REDACTED 9(c)]", else "9(c)"
    while text and draw.textlength(text, font=font) > room:
        text = text[:-1]
    if text:
        draw.text((x0 + 2, top + (bottom - top - size) / 2), text, fill=(255, 255, 255), font=font)


def replace_with_image(pdf: pikepdf.Pdf, page: pikepdf.Page, image: Image.Image, visible: Box, rotation: int) -> None:
    """Empty ``page`` in place and make ``image`` its only content, covering the visible box.

    The page keeps its MediaBox, ``/Rotate`` and ``/UserUnit``; its CropBox becomes
    the visible box, so viewers show it at exactly the size they showed before.
    """
    obj = page.obj
    mediabox = pikepdf.Array([float(v) for v in page.mediabox])
    user_unit = obj.get("/UserUnit")
    for key in list(obj.keys()):
        if key not in ("/Type", "/Parent"):
            del obj[key]
    obj.Type = pikepdf.Name.Page
    obj.MediaBox = mediabox
    obj.CropBox = pikepdf.Array(list(visible))
    if rotation:
        obj.Rotate = rotation
    if user_unit is not None:
        obj.UserUnit = user_unit
    obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({str(IMAGE_NAME): _image_xobject(pdf, image)}))
    obj.Contents = pdf.make_stream(_placement(visible, rotation))


def _image_xobject(pdf: pikepdf.Pdf, image: Image.Image) -> pikepdf.Stream:
    """An 8-bit image XObject, Flate-compressed (lossless): gray when the page has no colour."""
    image = _compact(image)
    stream = pikepdf.Stream(pdf, b"")
    stream.write(zlib.compress(image.tobytes(), 6), filter=pikepdf.Name.FlateDecode)
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width = image.width
    stream.Height = image.height
    stream.ColorSpace = pikepdf.Name.DeviceGray if image.mode == "L" else pikepdf.Name.DeviceRGB
    stream.BitsPerComponent = 8
    return stream


def _compact(image: Image.Image) -> Image.Image:
    """The same pixels as one gray channel when red, green and blue are equal everywhere."""
    red, green, blue = image.split()
    if ImageChops.difference(red, green).getbbox() is None and ImageChops.difference(red, blue).getbbox() is None:
        return red
    return image


def _placement(visible: Box, rotation: int) -> bytes:
    """Content stream drawing the image so its top-left is the displayed top-left of ``visible``."""
    width = visible[2] - visible[0]
    height = visible[3] - visible[1]
    disp_w, disp_h = (height, width) if rotation % 180 else (width, height)
    ex, ey = display_to_user(0.0, disp_h, visible, rotation)  # image (0, 0): bottom-left
    ux, uy = display_to_user(disp_w, disp_h, visible, rotation)  # image (1, 0)
    vx, vy = display_to_user(0.0, 0.0, visible, rotation)  # image (0, 1)
    matrix = (ux - ex, uy - ey, vx - ex, vy - ey, ex, ey)
    numbers = " ".join(_number(v) for v in matrix)
    return f"q {numbers} cm {IMAGE_NAME} Do Q".encode("ascii")


def _number(value: float) -> str:
    """A PDF real without exponent notation."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def strip_document(pdf: pikepdf.Pdf) -> None:
    """Remove document-level data: info, XMP, outlines, forms, names, actions, structure, labels."""
    root = pdf.Root
    for key in list(root.keys()):
        if key not in CATALOG_KEEP:
            del root[key]
    for key in ("/Info", "/ID"):
        if key in pdf.trailer:
            del pdf.trailer[key]
    for page in pdf.pages:
        for key in PAGE_DROP:
            if key in page.obj:
                del page.obj[key]
    _drop_everywhere(pdf, ("/Metadata", "/PieceInfo"))


def _drop_everywhere(pdf: pikepdf.Pdf, keys: Sequence[str]) -> None:
    """Remove ``keys`` from every dictionary and stream of the file (XMP on images, app data)."""
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for key in keys:
                if key in obj:
                    del obj[key]


def _save(pdf: pikepdf.Pdf) -> bytes:
    """Save the whole file fresh: no incremental update, no encryption, unreachable objects dropped."""
    out = BytesIO()
    pdf.save(out, encryption=False, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()
