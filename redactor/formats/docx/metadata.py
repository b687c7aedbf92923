"""Clearing the document properties that can name a person or carry text.

Both property parts are cut down to an allow-list rather than cleared field by
field, so a property redactor has never heard of cannot slip through:

* core properties (``docProps/core.xml``): only the creation and modification
  dates stay (author, last modified by, title, subject, keywords, description,
  category, status, identifier, version, language and revision go);
* extended properties (``docProps/app.xml``): only the application name and
  version and four flags stay (company, manager, template, hyperlink base, the
  list of hyperlinks, titles of parts and the statistics go).

Custom properties and the thumbnail are dropped whole with the other parts the
recipient does not need (see :mod:`.parts`).
"""
from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT

from .attributes import local
from .trees import PartTrees

CORE_KEPT = frozenset({"created", "modified"})
APP_KEPT = frozenset(
    {"Application", "AppVersion", "DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc", "HyperlinksChanged"}
)
KEPT_BY_TYPE = {CT.OPC_CORE_PROPERTIES: CORE_KEPT, CT.OFC_EXTENDED_PROPERTIES: APP_KEPT}


def keep_only(root: Any, kept: frozenset[str]) -> None:
    """Remove every child of ``root`` whose local name is not in ``kept``."""
    for child in list(root):
        if not isinstance(child.tag, str) or local(child.tag) not in kept:
            root.remove(child)


def clear_metadata(trees: PartTrees) -> None:
    """Cut the core and extended properties down to :data:`CORE_KEPT` and :data:`APP_KEPT`."""
    for part, root in trees.xml_parts():
        kept = KEPT_BY_TYPE.get(part.content_type)
        if kept is not None:
            keep_only(root, kept)
