"""Applying decisions to the text nodes of a DOCX, keeping run formatting.

For each decision the covered characters are found through ``source_map``. The
replacement goes into the text node of the first covered character, at that
character's position; every other covered character is deleted from its node.
The runs themselves stay, so the run that receives the replacement keeps its
formatting (a name split over a bold and an italic run becomes one bold
``[PERSON]`` and an emptied italic run).

Tabs and breaks (``None`` in ``source_map``) that fall inside a decision are
removed: the replacement stands for the whole region, line breaks included.
A decision that covers no text node at all (only separators, tabs or breaks)
removes those elements and places no replacement.

The nodes live in the writer's :class:`~.trees.PartTrees`, which stores them
back into their parts once every stage has run.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...document import Decision
from .layout import XML_SPACE, DocxRef, Layout


def _pieces(layout: Layout, edits: dict[int, list[str]], node: int) -> list[str]:
    """The per-character pieces of a node's text, created on first edit."""
    if node not in edits:
        edits[node] = list(layout.nodes[node].text or "")
    return edits[node]


def _apply_one(
    layout: Layout,
    source_map: Sequence[DocxRef | None],
    decision: Decision,
    edits: dict[int, list[str]],
) -> None:
    """Record one decision in ``edits`` and drop the tabs/breaks it covers."""
    placed = False
    for position in range(decision.start, decision.end):
        ref = source_map[position]
        if ref is None:
            _remove(layout.specials.get(position))
            continue
        pieces = _pieces(layout, edits, ref.node)
        pieces[ref.offset] = "" if placed else decision.replacement
        placed = True


def _remove(element: Any) -> None:
    """Detach a ``w:tab`` / ``w:br`` / ``w:cr`` element from its run, if any."""
    if element is not None and element.getparent() is not None:
        element.getparent().remove(element)


def _store(node: Any, text: str) -> None:
    """Set a text node's text, preserving leading and trailing spaces."""
    node.text = text
    node.set(XML_SPACE, "preserve")


def apply_decisions(
    layout: Layout, source_map: Sequence[DocxRef | None], decisions: Sequence[Decision]
) -> None:
    """Rewrite ``layout``'s nodes so every decision's region reads as its replacement."""
    edits: dict[int, list[str]] = {}
    for decision in decisions:
        _apply_one(layout, source_map, decision, edits)
    for node, pieces in edits.items():
        _store(layout.nodes[node], "".join(pieces))
