"""Which XML attribute values of a DOCX can hold text a person typed.

Most attributes are structure (``w:val="center"``, style ids, fonts, sizes, ids)
and must never be rewritten: a redaction mark in ``w:jc/@w:val`` would make
the file unreadable. A few carry free text a recipient can read in Word's
dialogs or in the XML: alt text, tooltips, authors, field instructions,
content-control labels, form-field defaults, bookmark names, VML WordArt text.

This table is what the scrubber (:mod:`.scrub`) rewrites and what the
verifier's view (:mod:`.extract`) shows. Sharing it is deliberate: a value the
scrubber does not touch would otherwise make every output fail verification.
It also means a miss here is a miss in both, which is why the adversarial tests
scan every member of the output with no table at all.
"""
from __future__ import annotations

from typing import Any

#: Attributes (by local name) that carry text on whatever element they appear.
ANYWHERE = frozenset(
    {
        "Target",  # relationship targets: mailto:, URLs, file paths
        "author",  # comments, revisions, people.xml
        "initials",
        "userId",
        "providerId",
        "userName",  # comment reactions
        "descr",  # alt text: wp:docPr, pic:cNvPr, wps:cNvPr
        "title",  # alt-text title; VML o:title
        "alt",  # VML alt text
        "tooltip",  # w:hyperlink, a:hlinkClick
        "instr",  # w:fldSimple field instruction
        "docLocation",
        "displayText",  # content-control list items
    }
)

#: ``(element local name, attribute local name)`` pairs that carry text only there.
ON_ELEMENT = frozenset(
    {
        ("docPr", "name"),  # drawing name; some writers put the image file name here
        ("cNvPr", "name"),
        ("bookmarkStart", "name"),
        ("hyperlink", "anchor"),  # a bookmark name
        ("alias", "val"),  # content-control title
        ("tag", "val"),  # content-control tag
        ("listItem", "value"),
        ("docVar", "name"),
        ("docVar", "val"),
        ("attr", "val"),  # smart-tag and custom-XML properties (Word 2003 "PersonName")
        ("default", "val"),  # legacy text field default
        ("helpText", "val"),
        ("statusText", "val"),
        ("listEntry", "val"),  # legacy drop-down choices
        ("textpath", "string"),  # VML WordArt text
    }
)

#: ``(parent, element, attribute)`` local names that carry text only under that parent
#: (``w:name`` is also a style's name, which must stay).
UNDER_PARENT = frozenset({("ffData", "name", "val")})  # a legacy form field's name

#: Attributes whose value names a bookmark: rewritten to a bookmark-safe mark.
BOOKMARK_NAMES = frozenset({("bookmarkStart", "name"), ("hyperlink", "anchor"), ("name", "val")})


def local(name: Any) -> str:
    """Local part of a Clark name (``"{ns}tag"`` -> ``"tag"``)."""
    return str(name).rpartition("}")[2]


#: Every attribute local name that may hold free text somewhere: a cheap first test.
MAY_CARRY = frozenset(ANYWHERE) | {a for _, a in ON_ELEMENT} | {a for _, _, a in UNDER_PARENT}
#: The (element, attribute) pairs that hold text only under a given parent.
_UNDER = frozenset((tag, a) for _, tag, a in UNDER_PARENT)


def carries_text(element: Any, attribute_local: str) -> bool:
    """True when this attribute of ``element`` can hold free text."""
    tag = local(element.tag)
    if attribute_local in ANYWHERE or (tag, attribute_local) in ON_ELEMENT:
        return True
    if (tag, attribute_local) not in _UNDER:
        return False
    parent = element.getparent()
    return parent is not None and (local(parent.tag), tag, attribute_local) in UNDER_PARENT


def text_attributes(root: Any) -> list[tuple[Any, str, str]]:
    """Every ``(element, attribute name, value)`` under ``root`` that :func:`carries_text`."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.attrib:
            continue
        for name, value in element.attrib.items():
            short = name.rpartition("}")[2]
            if short in MAY_CARRY and carries_text(element, short):
                found.append((element, name, value))
    return found
