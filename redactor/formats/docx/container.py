"""Opening and saving the DOCX container, and turning every failure into one line.

A DOCX is a ZIP archive of XML parts. Before python-docx sees the bytes we check
the cheap things ourselves (empty, OLE compound file, not a ZIP, no main part) so
the user gets a precise message; anything python-docx, zipfile or lxml raises
afterwards becomes an :class:`UnreadableInput` naming only the kind of damage,
never text from the document.

Hostile packages are refused before any part is parsed (:func:`check_package`):
more members than the ``zip-members`` limit, members that together unpack to more
than ``stream-size`` or that unpack more than ``zip-ratio`` times their compressed
size (zipfile never inflates a member past its declared size, and fails its CRC if
the declaration lies, so checking the declarations bounds the inflating itself), a
member name that is absolute or climbs out with ``..`` (exit 4: member names are
never used as paths, but a copy carrying one could hurt whoever unzips it), and any
XML part with a DTD (exit 4: a DOCX never has one; its entities are how a billion
laughs or an XXE would work). Every parser here and python-docx's own
(``docx.oxml.parser.oxml_parser``) also never expands entities, never fetches
anything, and stops at libxml2's depth ceiling.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from typing import TypeVar

import docx
from docx.document import Document as WordDocument
from lxml import etree

from ...errors import RedactorError, UnreadableInput, UnsafeToRedact
from ...limits import XML_DEPTH_CEILING, Limits, current, exceeded

#: First bytes of an OLE compound file: a password-protected DOCX or a legacy .doc.
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
MAIN_PART = "word/document.xml"
_OFFICE_DOCUMENT_REL = "/officeDocument"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: the ratio limit applies to members that unpack to more than this (tiny repetitive parts compress very well).
RATIO_FLOOR = 1 << 20
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_DRIVE = re.compile(r"^[A-Za-z]:")

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


def check_package(data: bytes, limits: Limits | None = None, *, parts: bool = True) -> None:
    """Refuse a ZIP package over the limits, with an unsafe member name, or (``parts``) an XML part with a DTD."""
    limits = limits or current()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        limits.check("zip_members", len(members), f"the package has {len(members)} members,")
        total = 0
        for info in members:
            _check_member_name(info.filename)
            total += info.file_size
            if total > limits.stream_size:
                raise exceeded("stream_size", limits.stream_size,
                               f"the package's members unpack to at least {total} bytes,")
            if info.file_size > RATIO_FLOOR and info.file_size > limits.zip_ratio * max(info.compress_size, 1):
                raise exceeded("zip_ratio", limits.zip_ratio, f"a member unpacks to "
                               f"{info.file_size // max(info.compress_size, 1)} times its compressed size,")
        if parts:
            for info in members:
                _check_part(archive, info, limits)


def _check_member_name(name: str) -> None:
    """Refuse a member name that is absolute, has a drive, or climbs out of the package."""
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts or "\0" in name:
        raise UnsafeToRedact("a member of the package has a name leading outside it (an absolute path or '..'): "
                             "refused as unsafe")


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> None:
    """Refuse an XML member with a DTD, or nested deeper than the ``xml-depth`` limit."""
    if info.is_dir():
        return
    with archive.open(info) as fh:
        head = fh.read(64)
    if not _looks_like_xml(head):
        return
    blob = archive.read(info)
    if _DTD.search(blob) or (b"\0" in blob[:4] and _DTD.search(blob.replace(b"\0", b""))):
        raise UnsafeToRedact("a part of the DOCX declares a DTD (entities or external references, as in a "
                             "billion-laughs or XXE attack): refused as unsafe")
    if limits.xml_depth < XML_DEPTH_CEILING:
        _check_depth(blob, limits)


def _looks_like_xml(head: bytes) -> bool:
    stripped = head.replace(b"\0", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    return stripped.startswith(b"<")


def _check_depth(blob: bytes, limits: Limits) -> None:
    depth = 0
    try:
        for event, _ in etree.iterparse(io.BytesIO(blob), events=("start", "end"), resolve_entities=False,
                                        no_network=True):
            depth += 1 if event == "start" else -1
            if depth > limits.xml_depth:
                raise exceeded("xml_depth", limits.xml_depth, "a part of the DOCX nests its XML", "deeper than")
    except etree.XMLSyntaxError:
        return  # reported by the parser that reads the part


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
    if isinstance(exc, etree.XMLSyntaxError) and "depth" in str(exc).lower():
        return (f"a part of the DOCX nests its XML deeper than the xml-depth limit of {XML_DEPTH_CEILING}, "
                "libxml2's own ceiling")
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


def open_word(data: bytes, limits: Limits | None = None) -> WordDocument:
    """Check ``data`` (under ``limits``, else the current ones) and open it with python-docx; bad input is one line."""
    check_container(data)
    guarded(lambda: check_package(data, limits))
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
