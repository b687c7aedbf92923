"""OCR for scanned pages: Tesseract finds the words a page image shows, and where.

A page that is an image with no text (a scan, a photo of a letter) cannot be
checked by reading its text. When Tesseract is installed (Debian's
``tesseract-ocr`` and ``tesseract-ocr-eng``; ``scripts/setup`` installs them),
the page is rendered with pdfium at :data:`OCR_DPI`, Tesseract reads it
(through pytesseract, which runs the local binary: no network), and every
recognised word becomes text of the Document with one glyph per character,
placed by splitting the word's box evenly along the line. Findings on that
text are then painted out of the page image by the writer. Without Tesseract
the reader refuses such pages rather than pass them through unchecked.

Coordinates: Tesseract's pixel boxes are offsets from the top-left corner of
the rendered visible box (``/Rotate`` applied); they are turned into PDF user
space and then into pdfplumber's coordinates, the space every
:class:`~redactor.formats.pdf.model.PdfGlyph` uses.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cache

import pypdfium2 as pdfium
from PIL import Image

from ...errors import UnsafeToRedact
from .model import PdfGlyph, PdfPage, display_to_user, normalise_box, user_to_display

#: resolution pages are rendered at for OCR (Tesseract reads ~10 pt text well at 300 dpi).
OCR_DPI = 300.0
#: cap on the rendered pixel count (a huge page is read at a lower resolution).
MAX_PIXELS = 60_000_000
#: words Tesseract is less sure of than this (0-100) are still kept: a doubtful name is still a name.
MIN_CONFIDENCE = 0.0
LANGUAGE = "eng"


@cache
def available() -> bool:
    """True when the Tesseract binary and its English data can be used."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return LANGUAGE in pytesseract.get_languages(config="")
    except Exception:  # pytesseract missing or the binary unusable
        return False


@dataclass(frozen=True)
class OcrWord:
    """A recognised word and its box in pixels of the rendered page (y down)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]  # (block, paragraph, line) numbers: words of one line share it


def render(data: bytes, index: int) -> tuple[Image.Image, tuple[float, float, float, float], int, float]:
    """The page ``index`` (0-based) as a greyscale image, with its visible box, rotation and scale."""
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[index]
        try:
            visible = normalise_box(page.get_bbox())
            rotation = page.get_rotation()
            width, height = page.get_width(), page.get_height()
            scale = min(OCR_DPI / 72.0, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
            bitmap = page.render(scale=scale, draw_annots=False, grayscale=True)
            image = bitmap.to_pil().convert("L")
        finally:
            page.close()
    finally:
        pdf.close()
    return image, visible, rotation, scale


def recognise(image: Image.Image) -> list[OcrWord]:
    """Tesseract's words on ``image``, in its reading order."""
    import pytesseract

    try:
        data = pytesseract.image_to_data(image, lang=LANGUAGE, output_type=pytesseract.Output.DICT)
    except Exception as error:
        raise UnsafeToRedact(f"OCR failed on a scanned page ({type(error).__name__}): refusing") from None
    words = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        if not text or float(data["conf"][i]) < MIN_CONFIDENCE:
            continue
        words.append(OcrWord(text, int(data["left"][i]), int(data["top"][i]), int(data["width"][i]),
                             int(data["height"][i]),
                             (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))))
    return words


def page_text(data: bytes, index: int, geometry: PdfPage) -> tuple[str, list[PdfGlyph | None]]:
    """The OCR text of page ``index`` and one glyph per character (``None`` for inserted spaces/breaks).

    Words of one line are joined by a space, lines by ``"\\n"``, paragraphs by a blank line.
    """
    image, visible, rotation, scale = render(data, index)
    words = recognise(image)
    chars: list[str] = []
    refs: list[PdfGlyph | None] = []
    previous: tuple[int, int, int] | None = None
    for word in words:
        if previous is not None:
            gap = " " if word.line == previous else "\n" if word.line[:2] == previous[:2] else "\n\n"
            chars.extend(gap)
            refs.extend([None] * len(gap))
        previous = word.line
        step = word.width / len(word.text)
        for k, char in enumerate(word.text):
            box = (word.left + k * step, word.top, word.left + (k + 1) * step, word.top + word.height)
            chars.append(char)
            refs.append(_glyph(box, scale, visible, rotation, geometry))
    return "".join(chars), refs


def _glyph(pixels: tuple[float, float, float, float], scale: float, visible: tuple[float, float, float, float],
           rotation: int, geometry: PdfPage) -> PdfGlyph:
    """A pixel box of the rendered visible box as a glyph in pdfplumber coordinates."""
    ax, ay = display_to_user(pixels[0] / scale, pixels[1] / scale, visible, rotation)
    bx, by = display_to_user(pixels[2] / scale, pixels[3] / scale, visible, rotation)
    ox, oy = geometry.origin
    px0, ptop = user_to_display(ax, ay, geometry.mediabox, geometry.rotation)
    px1, pbottom = user_to_display(bx, by, geometry.mediabox, geometry.rotation)
    return PdfGlyph(geometry.number, min(px0, px1) + ox, min(ptop, pbottom) + oy,
                    max(px0, px1) + ox, max(ptop, pbottom) + oy)
