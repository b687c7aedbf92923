"""Text a recipient could recover from a PDF, read independently of the reader (pdfplumber) and the writer."""
from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO

import pikepdf
import pypdfium2 as pdfium

from ...errors import UnreadableInput
from ...limits import current
from .bounds import check_pdf
from .syntax import is_syntax


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


#: streams whose bytes are pixels or font programs, not text a reader can recover as text.
_BINARY_SUBTYPES = frozenset({"/Image"})
_FONT_PROGRAMS = ("/FontFile", "/FontFile2", "/FontFile3")


def extract_pdf_parts(data: bytes) -> list[tuple[str, str]]:
    """The verifier's view: every page's text (pdfium), then every string and decoded stream (pikepdf).

    Part names are ``page N``, ``object N`` (a string or a stream, with the trailer's
    ``/Info`` as ``document info``); they never contain document text. Names are read as
    text too, except those the specification fixes for their key (:mod:`.syntax`). Image pixels and
    embedded font programs are skipped (they hold no recoverable text); any other stream that
    cannot be decoded is read raw.
    """
    try:
        doc: pikepdf.Pdf | None = pikepdf.open(BytesIO(data))
    except pikepdf.PdfError:
        doc = None  # reported below, after pdfium has had its say
    try:
        if doc is not None:
            check_pdf(doc, current())  # before pdfium decodes anything: a copy given to `verify` may be hostile
        parts = _page_parts(data)
        if doc is None:
            raise UnreadableInput("corrupt PDF: objects cannot be read")
        try:
            return parts + _object_parts(doc)
        except pikepdf.PdfError:
            raise UnreadableInput("corrupt PDF: objects cannot be read") from None
    finally:
        if doc is not None:
            doc.close()


def _page_parts(data: bytes) -> list[tuple[str, str]]:
    """pdfium's text of every page."""
    pdf = None
    try:
        pdf = pdfium.PdfDocument(data)
        return [(f"page {index + 1}", _page_text(pdf, index)) for index in range(len(pdf))]
    except Exception:
        raise UnreadableInput("corrupt PDF: text cannot be extracted") from None
    finally:
        if pdf is not None:
            pdf.close()


def _object_parts(pdf: pikepdf.Pdf) -> list[tuple[str, str]]:
    """Strings and stream contents of every object of the file (trailer included)."""
    fonts = {obj.objgen for obj in _font_programs(pdf)}
    parts: list[tuple[str, str]] = []
    info = pdf.trailer.get("/Info")
    if info is not None:
        parts.append(("document info", " ".join(_strings(info))))
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            if obj.get("/Subtype") in _BINARY_SUBTYPES or obj.objgen in fonts:
                continue
            try:
                raw = obj.read_bytes()
            except pikepdf.PdfError:
                raw = obj.read_raw_bytes()
            parts.append((f"object {obj.objgen[0]} stream", _bytes_text(raw)))
            strings = list(_strings(obj.stream_dict))
        else:
            strings = list(_strings(obj))
        if strings:
            parts.append((f"object {obj.objgen[0]}", " ".join(strings)))
    return parts


def _font_programs(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            for key in _FONT_PROGRAMS:
                if key in obj:
                    yield obj[key]


def _strings(obj: object, key: str | None = None) -> Iterator[str]:
    """Every string (and name) inside a direct object, decoded; indirect objects are visited on their own.

    ``key`` is the dictionary key ``obj`` is the value of (an array's members share its key): a name
    the specification fixes for that key (``/Type /Page``) is syntax, not text (see :mod:`.syntax`).
    """
    if isinstance(obj, pikepdf.String):
        yield _string_text(obj)
    elif isinstance(obj, pikepdf.Name):
        if not is_syntax(key, obj.unparse()):
            yield _name_text(obj)
    elif isinstance(obj, (pikepdf.Array, pikepdf.Dictionary)):
        children = [(key, c) for c in obj] if isinstance(obj, pikepdf.Array) else list(obj.items())
        for child_key, child in children:
            if isinstance(child, (pikepdf.Array, pikepdf.Dictionary, pikepdf.Stream)) and child.is_indirect:
                continue  # visited as an object of its own
            yield from _strings(child, child_key)


def _name_text(name: pikepdf.Name) -> str:
    """A name without its slash: UTF-8 when it is, else its bytes as Latin-1 (a fuzzed name may be neither)."""
    try:
        return str(name)[1:]
    except UnicodeDecodeError:
        raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name.unparse()[1:])
        return raw.decode("latin-1")


def _string_text(value: pikepdf.String) -> str:
    """A PDF string as text: UTF-16 with a byte-order mark, else PDFDocEncoding (and its raw bytes)."""
    raw = bytes(value)
    if raw[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return raw.decode("utf-16", errors="replace")
    return str(value) + " " + raw.decode("latin-1")


def _bytes_text(raw: bytes) -> str:
    """A stream's bytes as text: Latin-1 (every byte a character), plus UTF-16 when it looks like it."""
    text = raw.decode("latin-1")
    if raw[:2] in (b"\xfe\xff", b"\xff\xfe") or raw.count(b"\x00") > len(raw) // 4:
        for codec in ("utf-16-be", "utf-16-le"):
            text += "\n" + raw.decode(codec, errors="replace")
    return text
