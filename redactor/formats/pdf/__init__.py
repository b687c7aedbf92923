"""PDF: read with pdfplumber, redact by re-rendering pages, verify with pdfium.

``Document.source_map`` holds a :class:`PdfGlyph` (1-based page, pdfplumber
coordinates) for every drawn character and ``None`` for spaces and line breaks
the reader inserted; ``Document.native`` is a :class:`PdfSource`.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...document import Decision, Document
from .extract import extract_pdf_parts, extract_pdf_text
from .model import PdfGlyph, PdfPage, PdfSource
from .read import read_pdf
from .write import write_pdf

__all__ = ["Pdf", "PdfGlyph", "PdfPage", "PdfSource"]


class Pdf:
    """The PDF format (see :class:`redactor.formats.Format`)."""

    name = "pdf"
    media_type = "application/pdf"

    def read(self, data: bytes, name: str) -> Document:
        """One Block per page; raises UnreadableInput, or UnsafeToRedact for scanned pages."""
        return read_pdf(data, name)

    def write(self, doc: Document, decisions: Sequence[Decision]) -> bytes:
        """Redacted copy: pages with a decision become black-boxed images, metadata removed."""
        return write_pdf(doc, decisions)

    def extract_text(self, data: bytes) -> str:
        """All text pdfium can extract, pages joined by ``"\\n"``."""
        return extract_pdf_text(data)

    def extract_parts(self, data: bytes) -> list[tuple[str, str]]:
        """pdfium's text of every page, then every string and decoded stream of the file."""
        return extract_pdf_parts(data)
