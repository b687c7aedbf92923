"""Opening and saving the DOCX container, and turning every failure into one line.

A DOCX is a ZIP archive of XML parts. Before python-docx sees the bytes we check
the cheap things ourselves (empty, OLE compound file, not a ZIP, no main part) so
the user gets a precise message; anything python-docx, zipfile or lxml raises
afterwards becomes an :class:`UnreadableInput` naming only the kind of damage,
never text from the document.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from typing import TypeVar

import docx
from docx.document import Document as WordDocument
from lxml import etree

from ...errors import RedactorError, UnreadableInput

#: First bytes of an OLE compound file: a password-protected DOCX or a legacy .doc.
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
MAIN_PART = "word/document.xml"
_OFFICE_DOCUMENT_REL = "/officeDocument"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

T = TypeVar("T")


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never expands entities or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True)


def parse_xml(blob: bytes) -> etree._Element:
    """Parse one part's bytes with :func:`safe_parser`."""
    return etree.fromstring(blob, safe_parser())


def check_container(data: bytes) -> None:
    """Refuse input that is empty, an OLE compound file or not a ZIP archive."""
    if not data:
        raise UnreadableInput("empty file")
    if data.startswith(OLE_MAGIC):
        raise UnreadableInput(
            "encrypted or legacy Word file: this is an OLE compound file "
            "(a password-protected DOCX or a .doc saved as .docx); "
            "remove the password or save it as .docx"
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableInput("not a valid DOCX: not a ZIP archive")


def _main_part_name(archive: zipfile.ZipFile) -> str:
    """The main document part the package relationships point to (best effort)."""
    try:
        rels = parse_xml(archive.read("_rels/.rels"))
    except Exception:  # noqa: BLE001 - a broken .rels is reported by python-docx later
        return MAIN_PART
    for rel in rels.iter(f"{{{_RELS_NS}}}Relationship"):
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT_REL):
            return rel.get("Target", MAIN_PART).lstrip("/")
    return MAIN_PART


def check_main_part(data: bytes) -> None:
    """Refuse a ZIP archive that has no main document part."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if MAIN_PART not in names and _main_part_name(archive) not in names:
            raise UnreadableInput("not a valid DOCX: no word/document.xml")


def describe_failure(exc: BaseException) -> str:
    """A one-line description of why a DOCX could not be read, without its text."""
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return "corrupt DOCX: damaged ZIP archive"
    if isinstance(exc, etree.XMLSyntaxError):
        return "corrupt DOCX: a part is not well-formed XML"
    if isinstance(exc, ValueError) and "not a Word file" in str(exc):
        return "not a valid DOCX: the main part is not a Word document"
    if isinstance(exc, KeyError):
        return "corrupt DOCX: a required part or relationship is missing"
    return f"corrupt DOCX: {type(exc).__name__}"


def guarded(action: Callable[[], T]) -> T:
    """Run ``action``; any failure other than our own errors becomes UnreadableInput."""
    try:
        return action()
    except RedactorError:
        raise
    except Exception as exc:  # noqa: BLE001 - never let a traceback reach the user
        raise UnreadableInput(describe_failure(exc)) from None


def open_word(data: bytes) -> WordDocument:
    """Check ``data`` and open it with python-docx, refusing bad input in one line."""
    check_container(data)
    guarded(lambda: check_main_part(data))
    return guarded(lambda: docx.Document(io.BytesIO(data)))


def save_word(document: WordDocument) -> bytes:
    """Serialise a python-docx document to bytes."""
    buffer = io.BytesIO()
    try:
        document.save(buffer)
    except Exception as exc:  # noqa: BLE001
        raise RedactorError(f"could not write DOCX: {type(exc).__name__}") from None
    return buffer.getvalue()
