"""Everything a recipient could recover from a DOCX, independent of python-docx.

Used to verify outputs, so it errs on the side of showing too much: every
``.xml`` and ``.rels`` member of the archive is parsed (safely) and all of its
text is returned, including XML comments, plus the attribute values that can
carry free text (relationship targets, authors, alt text, field instructions).
Within a ``w:p`` the text of its runs is concatenated without separators, so a
name split across runs reads as one word, as it does in Word.
"""
from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

from .container import check_container, guarded, parse_xml
from .layout import SPECIAL_TEXT, P, R

#: Local names of attributes whose values can carry text a person typed.
TEXT_ATTRIBUTES = frozenset(
    {"Target", "author", "initials", "descr", "title", "instr", "userId", "providerId"}
)
XML_SUFFIXES = (".xml", ".rels")


def _local(name: str) -> str:
    """Local part of a Clark name."""
    return etree.QName(name).localname


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
    """Values of :data:`TEXT_ATTRIBUTES` anywhere under ``root``."""
    return [
        value
        for element in root.iter()
        if isinstance(element.tag, str)
        for name, value in element.attrib.items()
        if _local(name) in TEXT_ATTRIBUTES
    ]


def part_text(blob: bytes) -> str:
    """All text of one XML member: its content, then its text-bearing attributes."""
    root = parse_xml(blob)
    out: list[str] = []
    _render(root, out, in_paragraph=False)
    return "\n".join(["".join(out), *_attribute_values(root)])


def _archive_text(data: bytes) -> str:
    """Text of every XML member of the archive, in archive order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(
            part_text(archive.read(info))
            for info in archive.infolist()
            if info.filename.lower().endswith(XML_SUFFIXES)
        )


def extract_text(data: bytes) -> str:
    """Everything textual in ``data``; UnreadableInput when it cannot be read."""
    check_container(data)
    return guarded(lambda: _archive_text(data))
