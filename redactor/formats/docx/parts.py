"""Which parts travel with the redacted file: a part the recipient does not need is dropped whole.

Redacting a part means understanding it; dropping it needs nothing but its
relationship type. Every part below holds something a recipient could read and
nothing the document needs to display its text, so it is dropped rather than
scanned:

===========================  ==============================================================
relationship (last segment)  what the part is
===========================  ==============================================================
custom-properties            ``docProps/custom.xml``: user-defined properties
thumbnail                    a picture of the unredacted first page
origin                       digital signatures (the signer's certificate; void once edited)
customXml                    ``customXml/``: data stores behind bound content controls
glossaryDocument             ``word/glossary/``: building blocks, AutoText, placeholder text
people                       ``word/people.xml``: commenters' names, e-mail addresses, ids
commentsExtended, -Ids,      comment threading and state; ``commentsExtensible`` also keeps
-Extensible                  reactions with the reacting user's name (the comments stay, flat)
webSettings                  ``word/webSettings.xml``: frames, source file names
vbaProject, wordVbaData      macros
oleObject, package, control  ``word/embeddings/`` (OLE objects, embedded workbooks) and ActiveX
attachedTemplate             the template's path (often ``C:\\Users\\<name>\\...``)
mailMergeSource...           mail-merge data sources (paths, queries)
aFChunk, subDocument         imported chunks and sub-documents, which redactor does not read
extensibility...             ribbon customisations, key maps, toolbars, sensitivity labels
===========================  ==============================================================

python-docx saves only the parts it can reach through relationships, and
writes ``[Content_Types].xml`` from them, so deleting the relationship drops
the part, its own related parts and its content-type override. The XML that
pointed at a dropped relationship goes too (an ``w:object`` with its preview
picture, an ``w:altChunk``, a chart's ``c:externalData``), then any picture or
hyperlink relationship nothing refers to any more.

Some elements are dropped from the parts that stay, for the same reason
(:data:`DROPPED_ELEMENTS`): document variables, mail-merge settings, content
controls' data bindings, placeholders and list choices, smart-tag properties;
so are XML comments and processing instructions, which no reader displays.
"""
from __future__ import annotations

from typing import Any

from .attributes import local
from .namespaces import REL_ATTRIBUTE_NS
from .trees import PartTrees, is_xml

#: Relationship types (last path segment) whose target part is dropped whole.
DROPPED_RELATIONSHIPS = frozenset(
    {
        "custom-properties",
        "thumbnail",
        "origin",
        "customXml",
        "glossaryDocument",
        "people",
        "commentsExtended",
        "commentsIds",
        "commentsExtensible",
        "webSettings",
        "vbaProject",
        "wordVbaData",
        "oleObject",
        "package",
        "control",
        "attachedTemplate",
        "mailMergeSource",
        "mailMergeHeaderSource",
        "recipientData",
        "aFChunk",
        "subDocument",
        "extensibility",
        "keyMapCustomizations",
        "attachedToolbars",
        "classificationlabels",
    }
)
#: Relationship types that matter only when the part's XML refers to them.
PRUNED_WHEN_UNREFERENCED = frozenset({"image", "hyperlink"})
#: Elements (by local name) dropped from every part that stays.
DROPPED_ELEMENTS = frozenset(
    {
        "docVars",  # settings: document variables (macros' storage)
        "attachedTemplate",
        "mailMerge",
        "saveThroughXslt",
        "dataBinding",  # content control bound to a customXml part (w: and w15:)
        "placeholder",  # content control placeholder: a glossary building block
        "listItem",  # content-control drop-down / combo-box choices (the chosen one is the content)
        "smartTagPr",  # smart-tag properties: Word 2003 stored a PersonName's full name here
        "customXmlPr",
    }
)
#: Containers removed whole when something inside them pointed at a dropped part.
HOLDERS = frozenset({"object", "pict"})


def relationship_kind(reltype: str) -> str:
    """``"image"`` for ``http://schemas.../relationships/image``."""
    return reltype.rstrip("/").rsplit("/", 1)[-1]


def _references(root: Any) -> set[str]:
    """Every relationship id the XML of a part refers to (``r:id``, ``r:embed``, ``o:relid``...)."""
    found = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.startswith("{") and (name[1:].split("}")[0] in REL_ATTRIBUTE_NS or local(name) == "relid"):
                found.add(value)
    return found


def _remove(element: Any) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _remove_referrers(root: Any, dropped: set[str]) -> None:
    """Remove the elements of a part that refer to a dropped relationship."""
    referrers = [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and any(value in dropped for name, value in element.attrib.items()
                if name.startswith("{") and name[1:].split("}")[0] in REL_ATTRIBUTE_NS)
    ]
    for element in referrers:
        holder = next((a for a in element.iterancestors() if local(a.tag) in HOLDERS), None)
        _remove(holder if holder is not None else element)


def _drop_relationships(source: Any) -> set[str]:
    """Delete ``source``'s relationships of a dropped type; return their ids."""
    ids = {rid for rid, rel in source.rels.items() if relationship_kind(rel.reltype) in DROPPED_RELATIONSHIPS}
    for rid in ids:
        del source.rels[rid]
    return ids


def _prune(part: Any, root: Any) -> None:
    """Delete picture and hyperlink relationships the part's XML no longer refers to."""
    referenced = _references(root)
    for rid in [rid for rid, rel in part.rels.items()
                if relationship_kind(rel.reltype) in PRUNED_WHEN_UNREFERENCED and rid not in referenced]:
        del part.rels[rid]


def drop_parts(trees: PartTrees) -> None:
    """Drop every part of :data:`DROPPED_RELATIONSHIPS` and every :data:`DROPPED_ELEMENTS` element."""
    package = trees.package
    seen: set[Any] = set()
    sources: list[Any] = [package]
    while sources:  # walk the parts still reachable, dropping relationships on the way
        source = sources.pop()
        dropped = _drop_relationships(source)
        if dropped and source is not package and is_xml(source):
            _remove_referrers(trees.root(source), dropped)
        for rel in source.rels.values():
            if not rel.is_external and rel.target_part not in seen:
                seen.add(rel.target_part)
                sources.append(rel.target_part)
    for part, root in trees.xml_parts():
        for element in [e for e in root.iter() if not isinstance(e.tag, str) or local(e.tag) in DROPPED_ELEMENTS]:
            _remove(element)
        _prune(part, root)


def dropped_kinds(package: Any) -> list[str]:
    """The dropped relationship kinds ``package`` has (for the reader's warnings)."""
    kinds = {relationship_kind(r.reltype) for r in package.rels.values()}
    for part in package.iter_parts():
        kinds |= {relationship_kind(r.reltype) for r in part.rels.values()}
    return sorted(kinds & DROPPED_RELATIONSHIPS)
