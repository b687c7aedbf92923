"""Everything a recipient could recover from a DOCX, part by part, independent of python-docx.

This is the verifier's view, so it errs on the side of showing too much. Every
member of the ZIP archive is one part, named by its member name:

* an XML member (``.xml``, ``.rels``, ``.vml``, or anything that parses as XML)
  gives all of its text, XML comments included, then the values of its
  text-bearing attributes (:mod:`.attributes`: relationship targets, also
  percent-decoded, authors, alt text, field instructions...). Within a ``w:p``
  the text of its runs is concatenated without separators, so a name split
  across runs reads as one word, as it does in Word;
* a member that is itself a ZIP archive (an embedded workbook or document) is
  opened and its members listed as ``outer!inner``;
* any other member (pictures, OLE objects, fonts, macros) gives its printable
  strings: runs of at least :data:`MIN_RUN` printable characters in UTF-8 and in
  UTF-16LE, as ``strings`` would, so a name inside a binary is seen.
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import Any
from urllib.parse import unquote

from lxml import etree

from .attributes import local, text_attributes
from .container import check_container, check_package, guarded, parse_xml
from .layout import SPECIAL_TEXT, P, R

XML_SUFFIXES = (".xml", ".rels", ".vml")
#: Shortest run of printable characters the strings view of a binary part shows.
MIN_RUN = 4
#: How deep archives inside archives are opened.
MAX_DEPTH = 2
_UTF8_RUN = re.compile(rb"(?:[\t\x20-\x7e]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}){%d,}" % MIN_RUN)
_UTF16_RUN = re.compile(rb"(?:[\t\x20-\x7e\xa0-\xff]\x00){%d,}" % MIN_RUN)


def _render(element: Any, out: list[str], in_paragraph: bool) -> None:
    """Append ``element``'s text (and its descendants') to ``out`` in document order."""
    if not isinstance(element.tag, str):  # comment or processing instruction
        out.extend([element.text or "", "\n"])
        return
    parent = element.getparent()
    if element.tag in SPECIAL_TEXT and parent is not None and parent.tag == R:
        out.append(SPECIAL_TEXT[element.tag])
    own_text = element.text or ""
    if len(element) == 0 or own_text.strip():  # skip indentation between children
        out.append(own_text)
    inside = in_paragraph or element.tag == P
    for child in element:
        _render(child, out, inside)
        if (child.tail or "").strip():
            out.append(child.tail or "")
    if element.tag == P or (not in_paragraph and own_text.strip()):
        out.append("\n")


def _attribute_values(root: Any) -> list[str]:
    """Values of the text-bearing attributes under ``root``; targets also percent-decoded."""
    values = []
    for _, name, value in text_attributes(root):
        values.append(value)
        if local(name) == "Target" and unquote(value) != value:
            values.append(unquote(value))
    return values


def part_text(blob: bytes) -> str:
    """All text of one XML member: its content, then its text-bearing attributes."""
    root = parse_xml(blob)
    out: list[str] = []
    _render(root, out, in_paragraph=False)
    return "\n".join(["".join(out), *_attribute_values(root)])


def printable_strings(blob: bytes) -> str:
    """Runs of printable characters in ``blob``, UTF-8 then UTF-16LE, one per line."""
    runs = [m.group().decode("utf-8", "replace") for m in _UTF8_RUN.finditer(blob)]
    for match in _UTF16_RUN.finditer(blob):
        run = match.group().decode("utf-16-le", "replace")
        # The run may have swallowed the last byte of a NUL-terminated ASCII string before it
        # ("c\0" + "I\0m\0..."): show it without its first character as well.
        runs += [run, run[1:]] if len(run) > MIN_RUN else [run]
    return "\n".join(runs)


def _looks_like_xml(name: str, blob: bytes) -> bool:
    if name.lower().endswith(XML_SUFFIXES):
        return True
    head = blob[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") or head.startswith(b"\xff\xfe<\x00") or head.startswith(b"\xfe\xff\x00<")


def _member_parts(name: str, blob: bytes, depth: int) -> list[tuple[str, str]]:
    """``(name, text)`` for one member: XML text, an archive's members, or printable strings."""
    if _looks_like_xml(name, blob):
        try:
            return [(name, part_text(blob))]
        except etree.XMLSyntaxError:
            if name.lower().endswith((".xml", ".rels")):
                raise  # a damaged part of the document itself: the file is corrupt
    if depth < MAX_DEPTH and blob[:4] == b"PK\x03\x04":
        try:
            return _archive_parts(blob, depth + 1, prefix=f"{name}!")
        except (zipfile.BadZipFile, etree.XMLSyntaxError, EOFError, ValueError):
            pass  # not a readable archive after all: show its strings
    return [(name, printable_strings(blob))]


def _archive_parts(data: bytes, depth: int = 0, prefix: str = "") -> list[tuple[str, str]]:
    """Every member of the archive ``data``, in archive order (within the package limits)."""
    check_package(data, parts=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            part
            for info in archive.infolist()
            if not info.is_dir()
            for part in _member_parts(prefix + info.filename, archive.read(info), depth)
        ]


def extract_parts(data: bytes) -> list[tuple[str, str]]:
    """``(member name, text)`` for every member of ``data``; UnreadableInput when it cannot be read."""
    check_container(data)
    return guarded(lambda: _archive_parts(data))


def extract_text(data: bytes) -> str:
    """Everything textual in ``data``, every part's text joined."""
    return "\n".join(text for _, text in extract_parts(data))
