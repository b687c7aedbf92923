"""Clearing the document properties that can name a person or carry text.

* core properties (``docProps/core.xml``): every text field is set to ``""``;
* extended properties (``docProps/app.xml``): ``Company`` and ``Manager`` are removed;
* custom properties (``docProps/custom.xml``) and the thumbnail
  (``docProps/thumbnail.*``, a picture of the unredacted first page) are dropped
  by removing their package relationship, so python-docx does not save them.
"""
from __future__ import annotations

from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from lxml import etree

from .layout import part_root, store_root

CORE_TEXT_FIELDS = (
    "author",
    "last_modified_by",
    "title",
    "subject",
    "keywords",
    "comments",
    "category",
    "content_status",
    "identifier",
    "version",
    "language",
)
APP_TEXT_ELEMENTS = frozenset({"Company", "Manager"})
DROPPED_RELATIONSHIPS = frozenset({RT.CUSTOM_PROPERTIES, RT.THUMBNAIL})


def clear_core_properties(document: WordDocument) -> None:
    """Blank every core property that can hold a name or free text."""
    properties = document.core_properties
    for field in CORE_TEXT_FIELDS:
        setattr(properties, field, "")


def _clear_app_part(part: Part) -> None:
    """Remove ``Company`` and ``Manager`` from an extended-properties part."""
    root = part_root(part)
    for element in list(root.iter()):
        if isinstance(element.tag, str) and etree.QName(element).localname in APP_TEXT_ELEMENTS:
            element.getparent().remove(element)
    store_root(part, root)


def clear_app_properties(document: WordDocument) -> None:
    """Clear the extended properties (``docProps/app.xml``) if the file has them."""
    for part in document.part.package.iter_parts():
        if part.content_type == CT.OFC_EXTENDED_PROPERTIES:
            _clear_app_part(part)


def drop_side_parts(document: WordDocument) -> None:
    """Drop custom properties and the thumbnail from the package."""
    rels = document.part.package.rels
    for rel_id in [r.rId for r in rels.values() if r.reltype in DROPPED_RELATIONSHIPS]:
        del rels[rel_id]


def clear_metadata(document: WordDocument) -> None:
    """Apply every metadata rule of this module to ``document``."""
    clear_core_properties(document)
    clear_app_properties(document)
    drop_side_parts(document)
