"""Reading a PDF into a :class:`Document`: one block per page, one glyph per character."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import pdfplumber
import pikepdf
from pdfplumber.page import Page

from ...document import Block, Document
from ...errors import UnreadableInput, UnsafeToRedact
from ...limits import current
from . import ocr
from .bounds import check_pdf
from .cells import ruled_tables
from .model import PdfGlyph, PdfPage, PdfSource, normalise_box
from .order import reading_entries

#: pages are joined by a blank line; its characters map to ``None``.
PAGE_SEPARATOR = "\n\n"
#: a PDF header may be preceded by junk, but only within the first 1024 bytes.
HEADER_WINDOW = 1024
#: the final ``%%EOF`` may be followed by a little junk; a file without one was cut short.
TRAILER_WINDOW = 4096
#: a page whose characters are mostly unmapped glyph ids cannot be checked.
UNMAPPED_SHARE = 0.2
UNMAPPED_MINIMUM = 5
_CID = re.compile(r"\(cid:\d+\)")


@dataclass(frozen=True)
class PageRead:
    """One page as the reader saw it."""

    text: str
    refs: list[PdfGlyph | None]
    geometry: PdfPage
    glyphs: int  # characters drawn, whitespace excluded
    unmapped: int  # of those, glyphs with no Unicode mapping ("(cid:N)")
    has_images: bool
    ocr: bool = False  # the text was read from the page image by OCR


def read_pdf(data: bytes, name: str, password: str | None = None) -> Document:
    """Parse ``data`` into a Document whose ``source_map`` holds :class:`PdfGlyph` s.

    ``password`` opens a PDF encrypted with a user password; the Document holds it decrypted.
    """
    normalised, annotated = normalise(data, password)
    with quiet_pdfminer():
        pages = list(_read_pages(normalised))
    warnings = [
        f"page {n}: annotations (comments, links, form fields) are not checked and are removed"
        for n in annotated
    ] + [f"page {page.geometry.number}: a scanned image, read by OCR (Tesseract)" for page in pages if page.ocr]
    text, source_map, blocks = _assemble(pages)
    native = PdfSource(data=normalised, pages=tuple(page.geometry for page in pages),
                       ocr_pages=frozenset(page.geometry.number for page in pages if page.ocr))
    return Document(name, "pdf", text, source_map, blocks, native=native, warnings=warnings)


def normalise(data: bytes, password: str | None = None) -> tuple[bytes, list[int]]:
    """Check ``data`` is a whole PDF within the limits and re-save it with pikepdf, decrypted.

    qpdf repairs what it can (a broken or missing cross-reference table is rebuilt by
    scanning the file); what it cannot open is refused. A file with only an owner
    password opens without one, and like any other comes out with no encryption.
    Returns the new bytes and the 1-based numbers of pages carrying annotations.
    """
    _check_envelope(data)
    try:
        with pikepdf.open(BytesIO(data), password=password or "") as pdf:
            if len(pdf.pages) == 0:
                raise UnreadableInput("corrupt PDF: it has no pages")
            check_pdf(pdf, current())
            annotated = [i + 1 for i, page in enumerate(pdf.pages) if _has_annotations(page)]
            out = BytesIO()
            pdf.save(out, encryption=False, fix_metadata_version=False)
            return out.getvalue(), annotated
    except pikepdf.PasswordError:
        if password:
            raise UnreadableInput("encrypted PDF: the password given with --password is wrong") from None
        raise UnreadableInput("encrypted PDF: a password is required (give it with --password)") from None
    except UnreadableInput:
        raise
    except RecursionError:
        raise UnreadableInput("corrupt PDF: its objects are nested too deeply") from None
    except MemoryError:  # a memory limit, not a corrupt file
        raise
    except Exception:  # pikepdf/qpdf raise many kinds
        raise UnreadableInput("corrupt PDF: cannot be parsed") from None


@contextmanager
def quiet_pdfminer() -> Iterator[None]:
    """Silence pdfminer's log while parsing: its messages may quote the document."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _check_envelope(data: bytes) -> None:
    """Reject empty, non-PDF and truncated inputs before parsing."""
    if not data:
        raise UnreadableInput("empty file")
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise UnreadableInput("not a PDF: the file has no PDF header")
    if b"%%EOF" not in data[-TRAILER_WINDOW:]:
        raise UnreadableInput("truncated PDF: the end of the file is missing")


def _has_annotations(page: pikepdf.Page) -> bool:
    """True when the page has a non-empty ``/Annots`` array."""
    annots = page.obj.get("/Annots")
    return isinstance(annots, pikepdf.Array) and len(annots) > 0


def _read_pages(data: bytes) -> Iterator[PageRead]:
    """Read every page with pdfplumber, refusing pages that cannot be checked."""
    try:
        pdf = pdfplumber.open(BytesIO(data))
    except MemoryError:  # a memory limit, not a corrupt file
        raise
    except Exception:  # pdfminer raises many kinds
        raise UnreadableInput("corrupt PDF: cannot be parsed") from None
    with pdf:
        for index in range(_page_count(pdf)):
            number = index + 1
            try:
                page = pdf.pages[index]
                read = _read_page(page, number)
                page.close()
            except MemoryError:  # a memory limit, not a corrupt file
                raise
            except Exception:  # pdfminer raises many kinds
                raise UnreadableInput(f"corrupt PDF: page {number} cannot be parsed") from None
            if read.has_images and not read.glyphs and ocr.available():
                read = _ocr_page(data, index, read)
            _check_checkable(read)
            yield read


def _ocr_page(data: bytes, index: int, read: PageRead) -> PageRead:
    """A scanned page read by OCR: Tesseract's words, each character placed in the page image."""
    text, refs = ocr.page_text(data, index, read.geometry)
    glyphs = sum(1 for ref in refs if ref is not None)
    return PageRead(text=text, refs=refs, geometry=read.geometry, glyphs=glyphs, unmapped=0,
                    has_images=True, ocr=True)


def _page_count(pdf: pdfplumber.PDF) -> int:
    """Number of pages, as an UnreadableInput when pdfminer cannot walk the page tree."""
    try:
        return len(pdf.pages)
    except MemoryError:  # a memory limit, not a corrupt file
        raise
    except Exception:
        raise UnreadableInput("corrupt PDF: cannot be parsed") from None


def _read_page(page: Page, number: int) -> PageRead:
    """A page's text in reading order (pdfplumber's non-layout text map, ruled tables by cell) and its glyphs."""
    chars: list[str] = []
    refs: list[PdfGlyph | None] = []
    for char, obj in reading_entries(page.chars, ruled_tables(page) if page.chars else ()):
        chars.append(char)
        refs.append(None if obj is None else _glyph(obj, number))
    visible = [c for c in page.chars if not c["text"].isspace()]
    unmapped = sum(1 for c in visible if _CID.fullmatch(c["text"]))
    return PageRead(
        text="".join(chars),
        refs=refs,
        geometry=_geometry(page, number),
        glyphs=len(visible),
        unmapped=unmapped,
        has_images=bool(page.images),
    )


def _glyph(obj: dict[str, Any], number: int) -> PdfGlyph:
    """The :class:`PdfGlyph` of one pdfplumber char."""
    return PdfGlyph(number, float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]))


def _geometry(page: Page, number: int) -> PdfPage:
    """The page geometry pdfplumber used for its coordinates."""
    raw = page.page_obj.attrs.get("MediaBox")
    mediabox = normalise_box(tuple(pdfplumber.utils.resolve_all(raw)))
    return PdfPage(number, mediabox, int(page.rotation), (float(page.bbox[0]), float(page.bbox[1])))


def _check_checkable(page: PageRead) -> None:
    """Refuse pages whose content cannot be read as text, so it cannot be checked."""
    number = page.geometry.number
    if page.has_images and not page.glyphs:
        raise UnsafeToRedact(
            f"page {number} is a scanned image and OCR is not available: "
            "refusing rather than pass it through"
        )
    if page.unmapped >= UNMAPPED_MINIMUM and page.unmapped >= UNMAPPED_SHARE * page.glyphs:
        raise UnsafeToRedact(
            f"page {number} has text in a font with no character map, so it cannot be checked: "
            "refusing rather than pass it through"
        )


def _assemble(pages: list[PageRead]) -> tuple[str, list[PdfGlyph | None], list[Block]]:
    """Join page texts with :data:`PAGE_SEPARATOR` and build one Block per page."""
    parts: list[str] = []
    source_map: list[PdfGlyph | None] = []
    blocks: list[Block] = []
    offset = 0
    for index, page in enumerate(pages):
        if index:
            parts.append(PAGE_SEPARATOR)
            source_map.extend([None] * len(PAGE_SEPARATOR))
            offset += len(PAGE_SEPARATOR)
        parts.append(page.text)
        source_map.extend(page.refs)
        blocks.append(Block(offset, offset + len(page.text), {"page": index + 1}))
        offset += len(page.text)
    return "".join(parts), source_map, blocks
