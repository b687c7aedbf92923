"""Where the text of a DOCX lives: story parts, paragraphs and text nodes.

A *story part* is a part whose paragraphs a reader can see: the main document,
headers, footers (of every section, first-page and even-page ones included),
footnotes, endnotes and comments. Every ``w:p`` in such a part (including those in
tables, nested tables, content controls and text boxes, both the DrawingML and
the VML copy of an ``mc:AlternateContent``) is one paragraph; its text is the
``w:t`` nodes (and math ``m:t`` nodes) whose nearest enclosing paragraph is that
paragraph, so a text box inside a paragraph is a paragraph of its own. Hidden
text (``w:vanish``) is read like any other: a recipient can show it.

Tracked changes are resolved before a story part is read (see :mod:`.revisions`),
so deleted text is not part of ``Document.text``: the writer removes it whole.
``w:tab`` reads as ``"\\t"``, ``w:br`` / ``w:cr`` as ``"\\n"`` and
``w:noBreakHyphen`` as ``"-"``; these characters have ``None`` in ``source_map``.

:func:`build_layout` is deterministic: walking the same bytes twice yields the
same text, the same node indexes and the same offsets, which is what lets the
writer re-open the original file instead of mutating the reader's copy.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import Part

from ...document import Block
from .namespaces import W_NS, XML_SPACE, w
from .revisions import resolve_revisions
from .trees import PartTrees, part_name

__all__ = ["W_NS", "XML_SPACE", "w", "DocxRef", "Layout", "build_layout"]

P, R, T, TAB, BR, CR = (w(t) for t in ("p", "r", "t", "tab", "br", "cr"))
TC = w("tc")
NO_BREAK_HYPHEN = w("noBreakHyphen")
MATH_TEXT = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
#: Text nodes. (``w:delText`` is not one: revision resolution removes every deleted text.)
TEXT_TAGS = frozenset({T, MATH_TEXT})
#: Run children that stand for one character but carry no text node.
SPECIAL_TEXT = {TAB: "\t", BR: "\n", CR: "\n", NO_BREAK_HYPHEN: "-"}

#: Story parts by content type, in the order their text joins ``Document.text``.
STORY_TYPES: dict[str, int] = {
    CT.WML_DOCUMENT_MAIN: 0,
    CT.WML_HEADER: 1,
    CT.WML_FOOTER: 2,
    CT.WML_FOOTNOTES: 3,
    CT.WML_ENDNOTES: 4,
    CT.WML_COMMENTS: 5,
}


@dataclass(frozen=True, slots=True)
class DocxRef:
    """Where one character of ``Document.text`` lives in a DOCX.

    ``part`` is the part name (``"word/document.xml"``), ``paragraph`` the index of
    the paragraph within that part, ``node`` the index of the text node
    (``w:t``, or ``m:t`` in an equation) in :attr:`DocxNative.nodes`, and ``offset`` the
    character within that node's text.
    """

    part: str
    paragraph: int
    node: int
    offset: int


@dataclass
class StoryPart:
    """A story part and its XML root (from :class:`~.trees.PartTrees`)."""

    name: str
    part: Part
    root: Any


@dataclass
class Layout:
    """Text, per-character references, blocks and the nodes they point into.

    ``specials`` maps a text offset to the ``w:tab`` / ``w:br`` / ``w:cr`` /
    ``w:noBreakHyphen`` element that produced the character there (its ``source_map`` entry is ``None``).
    """

    text: str
    source_map: list[DocxRef | None]
    blocks: list[Block]
    nodes: list[Any]
    specials: dict[int, Any]
    parts: list[StoryPart]


@dataclass
class _Builder:
    """Accumulates a :class:`Layout` paragraph by paragraph."""

    chars: list[str] = field(default_factory=list)
    source_map: list[DocxRef | None] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    nodes: list[Any] = field(default_factory=list)
    specials: dict[int, Any] = field(default_factory=dict)
    _row: Any = None
    _cell: Any = None

    def add_paragraph(self, part: str, index: int, paragraph: Any) -> None:
        """Append one paragraph (and the separator before it, if any).

        Paragraphs of one table row are separated by a tab, so a row reads as one
        line of tab-separated cells (two paragraphs of one cell by a space);
        any other paragraph starts a new line.
        """
        cell = next(paragraph.iterancestors(TC), None)
        row = cell.getparent() if cell is not None else None
        if self.blocks:
            if row is not None and row is self._row:
                self._append(" " if cell is self._cell else "\t", None)
            else:
                self._append("\n", None)
        self._row, self._cell = row, cell
        start = len(self.chars)
        for element in paragraph_items(paragraph):
            if element.tag in TEXT_TAGS:
                self._add_node(part, index, element)
            else:
                self.specials[len(self.chars)] = element
                self._append(SPECIAL_TEXT[element.tag], None)
        self.blocks.append(Block(start, len(self.chars), {"part": part, "paragraph": index}))

    def _add_node(self, part: str, index: int, element: Any) -> None:
        node = len(self.nodes)
        self.nodes.append(element)
        for offset, char in enumerate(element.text or ""):
            self._append(char, DocxRef(part, index, node, offset))

    def _append(self, char: str, ref: DocxRef | None) -> None:
        self.chars.append(char)
        self.source_map.append(ref)


def story_parts(document: WordDocument, trees: PartTrees) -> list[StoryPart]:
    """Every story part of ``document``, main document first, then by kind and name.

    Each part's tracked changes are resolved in its tree first (see :mod:`.revisions`).
    """
    found = [p for p in document.part.package.iter_parts() if p.content_type in STORY_TYPES]
    found.sort(key=lambda p: (STORY_TYPES[p.content_type], part_name(p)))
    stories = [StoryPart(part_name(p), p, trees.root(p)) for p in found]
    for story in stories:
        resolve_revisions(story.root)
    return stories


def _owner(element: Any) -> Any:
    """The nearest ``w:p`` enclosing ``element``."""
    return next(element.iterancestors(P), None)


def paragraph_items(paragraph: Any) -> Iterator[Any]:
    """The text nodes and tab/break elements of ``paragraph`` itself, in order."""
    for element in paragraph.iter(*TEXT_TAGS, *SPECIAL_TEXT):
        if _owner(element) is not paragraph:
            continue
        if element.tag in SPECIAL_TEXT and element.getparent().tag != R:
            continue  # a tab stop definition (w:pPr/w:tabs/w:tab), not a character
        yield element


def build_layout(document: WordDocument, trees: PartTrees | None = None) -> Layout:
    """Walk every story part of ``document`` (its trees from ``trees``) into a :class:`Layout`."""
    builder = _Builder()
    parts = story_parts(document, trees or PartTrees(document.part.package))
    for story in parts:
        for index, paragraph in enumerate(story.root.iter(P)):
            builder.add_paragraph(story.name, index, paragraph)
    return Layout(
        text="".join(builder.chars),
        source_map=builder.source_map,
        blocks=builder.blocks,
        nodes=builder.nodes,
        specials=builder.specials,
        parts=parts,
    )
