"""The XML of a package's parts, each parsed once, edited in place and stored back once.

python-docx keeps the parts it knows (document, headers, footers, comments,
styles, settings...) as parsed XML (``XmlPart.element``) and serialises them on
save; every other part (footnotes, endnotes, charts, people, app properties...)
it keeps as bytes. :class:`PartTrees` hands out one XML root per part either
way, so every stage of the writer edits the same tree, and :meth:`commit`
writes the byte-kept ones back before saving.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.opc.part import Part, XmlPart
from lxml import etree

from .container import parse_xml

#: lxml's own ``text`` property. python-docx's element classes override ``text``
#: (``CT_P.text`` is the paragraph's run text, read-only), so a stage that edits
#: any element's own text node goes through these two.
_NODE_TEXT = etree._Element.text  # noqa: SLF001


def node_text(element: Any) -> str | None:
    """The text node directly inside ``element`` (before its first child)."""
    return _NODE_TEXT.__get__(element)


def set_node_text(element: Any, text: str | None) -> None:
    """Set the text node directly inside ``element``."""
    _NODE_TEXT.__set__(element, text)


def part_name(part: Part) -> str:
    """``word/document.xml`` for the part named ``/word/document.xml``."""
    return str(part.partname).lstrip("/")


def is_xml(part: Part) -> bool:
    """True for a part whose content type says it is XML."""
    return isinstance(part, XmlPart) or part.content_type.endswith("xml")


def xml_bytes(root: Any) -> bytes:
    """Serialise a part's XML the way Word writes it."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def part_root(part: Part) -> Any:
    """The XML root of a part: python-docx's element, or the blob parsed safely."""
    if isinstance(part, XmlPart):
        return part.element
    return parse_xml(part.blob)


def store_root(part: Part, root: Any) -> None:
    """Write ``root`` back into a part python-docx keeps only as bytes.

    XmlParts serialise their own element on save; a plain ``Part`` saves its blob,
    which has no public setter, hence the private attribute.
    """
    if not isinstance(part, XmlPart):
        part._blob = xml_bytes(root)  # noqa: SLF001


class PartTrees:
    """One parsed XML root per part of a package, parsed on first use."""

    def __init__(self, package: Any) -> None:
        self.package = package
        self._roots: dict[Part, Any] = {}

    def root(self, part: Part) -> Any:
        """The XML root of ``part`` (the same object every time)."""
        if part not in self._roots:
            self._roots[part] = part_root(part)
        return self._roots[part]

    def xml_parts(self) -> Iterator[tuple[Part, Any]]:
        """Every XML part still in the package and its root, in package order."""
        for part in list(self.package.iter_parts()):
            if is_xml(part):
                yield part, self.root(part)

    def commit(self) -> None:
        """Store every byte-kept root back into its part."""
        for part, root in self._roots.items():
            store_root(part, root)
