"""Text a recipient could recover from a PDF, via pdfium (a second, independent extractor)."""
from __future__ import annotations

import pypdfium2 as pdfium

from ...errors import UnreadableInput


def extract_pdf_text(data: bytes) -> str:
    """Every character of every page, pages joined by ``"\\n"``; UnreadableInput on failure."""
    if not data:
        raise UnreadableInput("empty file")
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as error:  # pdfium reports all failures as PdfiumError
        if "password" in str(error).lower():
            raise UnreadableInput("encrypted PDF: a password is required") from None
        raise UnreadableInput("corrupt PDF: cannot be parsed") from None
    try:
        return "\n".join(_page_text(pdf, index) for index in range(len(pdf)))
    except Exception:
        raise UnreadableInput("corrupt PDF: text cannot be extracted") from None
    finally:
        pdf.close()


def _page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    """All characters pdfium finds on one page, line breaks normalised to ``"\\n"``."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    return text.replace("\r\n", "\n").replace("\r", "\n")
