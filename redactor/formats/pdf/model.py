"""The PDF reader's references and the page geometry both PDF halves share.

Three coordinate systems meet here:

* **PDF user space**: points, origin at the bottom-left, y up, before ``/Rotate``.
* **pdfplumber space**: what :class:`PdfGlyph` stores. Points, y down, with the
  page's ``/Rotate`` already applied (pdfminer rotates the page before layout);
  ``(x0, top)`` minus :attr:`PdfPage.origin` is the offset from the top-left
  corner of the *displayed MediaBox*.
* **display space** of a box: points, y down, measured from the top-left corner
  of that box as a viewer shows it (``/Rotate`` applied). Renderers draw the
  visible box (CropBox within MediaBox) in this space, scaled to pixels.
"""
from __future__ import annotations

from dataclasses import dataclass

#: ``(x0, y0, x1, y1)`` in PDF user space, normalised so ``x0 < x1`` and ``y0 < y1``.
Box = tuple[float, float, float, float]
#: ``(x0, top, x1, bottom)`` in a display space (y down).
Rect = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PdfGlyph:
    """Where one character of ``Document.text`` is drawn.

    ``page`` is **1-based** (the same number as the page's ``Block.where``).
    ``x0, top, x1, bottom`` are exactly pdfplumber's char coordinates: points,
    y down, ``/Rotate`` applied, relative to the page's :attr:`PdfPage.origin`.
    Ligatures expanded by the reader (``ﬁ`` -> ``fi``) share one glyph.
    """

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class PdfPage:
    """What the writer needs to place a page's glyphs: the reader's view of its geometry.

    ``number`` is 1-based; ``mediabox`` is in user space; ``rotation`` is the
    page's ``/Rotate`` (0, 90, 180, 270); ``origin`` is pdfplumber's
    ``(bbox[0], bbox[1])``, the pdfplumber coordinates of the displayed
    MediaBox's top-left corner.
    """

    number: int
    mediabox: Box
    rotation: int
    origin: tuple[float, float]


@dataclass(frozen=True)
class PdfSource:
    """``Document.native`` for PDFs.

    ``data`` is the input re-saved by pikepdf (decrypted, cross-references
    rebuilt): the reader parsed exactly these bytes and the writer edits them,
    so what was checked is what is written. The caller's input bytes are never
    touched. ``ocr_pages`` are the 1-based numbers of scanned pages whose text
    was read by OCR: they have no text to rewrite, so the writer paints them.
    """

    data: bytes
    pages: tuple[PdfPage, ...]
    ocr_pages: frozenset[int] = frozenset()


def normalise_box(raw: tuple[float, float, float, float]) -> Box:
    """Order a PDF rectangle's corners (any two opposite corners are allowed)."""
    x0, y0, x1, y1 = (float(v) for v in raw)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def display_size(box: Box, rotation: int) -> tuple[float, float]:
    """Width and height of ``box`` as displayed with ``rotation`` applied."""
    width, height = box[2] - box[0], box[3] - box[1]
    return (height, width) if rotation % 180 else (width, height)


def display_to_user(dx: float, dtop: float, box: Box, rotation: int) -> tuple[float, float]:
    """User-space point of the offset ``(dx, dtop)`` from ``box``'s displayed top-left."""
    x0, y0, x1, y1 = box
    if rotation == 90:
        return (x0 + dtop, y0 + dx)
    if rotation == 180:
        return (x1 - dx, y0 + dtop)
    if rotation == 270:
        return (x1 - dtop, y1 - dx)
    return (x0 + dx, y1 - dtop)


def user_to_display(x: float, y: float, box: Box, rotation: int) -> tuple[float, float]:
    """Offset of user-space ``(x, y)`` from ``box``'s displayed top-left (inverse of the above)."""
    x0, y0, x1, y1 = box
    if rotation == 90:
        return (y - y0, x - x0)
    if rotation == 180:
        return (x1 - x, y - y0)
    if rotation == 270:
        return (y1 - y, x1 - x)
    return (x - x0, y1 - y)


def plumber_rect_to_user(rect: Rect, page: PdfPage) -> Box:
    """A rectangle in ``page``'s pdfplumber coordinates, in PDF user space."""
    ox, oy = page.origin
    ax, ay = display_to_user(rect[0] - ox, rect[1] - oy, page.mediabox, page.rotation)
    bx, by = display_to_user(rect[2] - ox, rect[3] - oy, page.mediabox, page.rotation)
    return normalise_box((ax, ay, bx, by))


def glyph_user_box(glyph: PdfGlyph, page: PdfPage) -> Box:
    """The glyph's rectangle in PDF user space."""
    return plumber_rect_to_user((glyph.x0, glyph.top, glyph.x1, glyph.bottom), page)


def user_box_to_display(box: Box, visible: Box, rotation: int) -> Rect:
    """A user-space rectangle in the display space of the ``visible`` box."""
    ax, atop = user_to_display(box[0], box[1], visible, rotation)
    bx, btop = user_to_display(box[2], box[3], visible, rotation)
    return (min(ax, bx), min(atop, btop), max(ax, bx), max(atop, btop))
