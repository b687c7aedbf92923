"""PDF: read with pdfplumber, redact glyph-exact (re-rendering a page only as a fallback), verify with pdfium.

``Document.source_map`` holds a :class:`PdfGlyph` (1-based page, pdfplumber
coordinates) for every drawn character and ``None`` for spaces and line breaks
the reader inserted; ``Document.native`` is a :class:`PdfSource`.

Writing (:mod:`.write`): the glyphs of each decision are removed from the content
streams, the rest of the page stays vector text, fixed-width boxes hide how long
the removed text was (:mod:`.layout`), image pixels under a box are painted out,
and everything outside the visible content that can hold text is stripped
(:mod:`.strip`). A page that cannot be rewritten safely is re-rendered as a
black-boxed image (:mod:`.render`) and ``Document.warnings`` says so.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...document import Decision, Document
from ...limits import Limits, using
from .extract import extract_pdf_parts, extract_pdf_text
from .model import PdfGlyph, PdfPage, PdfSource
from .read import read_pdf
from .write import write_pdf

__all__ = ["Pdf", "PdfGlyph", "PdfPage", "PdfSource"]


class Pdf:
    """The PDF format (see :class:`redactor.formats.Format`)."""

    name = "pdf"
    media_type = "application/pdf"

    def read(self, data: bytes, name: str, *, limits: Limits | None = None, password: str | None = None) -> Document:
        """One Block per page; raises UnreadableInput (LimitExceeded over a limit), or UnsafeToRedact for scanned pages.

        ``password`` opens a PDF encrypted with a user password.
        """
        with using(limits):
            return read_pdf(data, name, password)

    def write(self, doc: Document, decisions: Sequence[Decision]) -> bytes:
        """Redacted copy: decided glyphs removed and boxed, hidden parts stripped (see :mod:`.write`)."""
        return write_pdf(doc, decisions)

    def extract_text(self, data: bytes) -> str:
        """All text pdfium can extract, pages joined by ``"\\n"``."""
        return extract_pdf_text(data)

    def extract_parts(self, data: bytes) -> list[tuple[str, str]]:
        """pdfium's text of every page, then every string and decoded stream of the file."""
        return extract_pdf_parts(data)
