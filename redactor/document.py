"""The one document model every stage shares.

``bytes -> read -> Document -> detect -> Finding -> decide -> Decision -> write -> bytes``

A :class:`Document` is the text the NLP sees plus, for every character of that
text, a reference back to where it lives in the source file (``source_map``).
Readers build it, detection only looks at ``text`` and ``blocks``, and writers
turn a list of :class:`Decision` into a redacted copy using ``source_map`` and
``native`` (whatever parsed handle the format keeps for itself).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TextRef:
    """A character of a plain-text source: its offset in the decoded text."""

    offset: int


@dataclass(frozen=True)
class Block:
    """A unit of the source (paragraph, table cell, page) as a slice of ``Document.text``.

    ``where`` is a small, human-readable location used in reports, for example
    ``{"paragraph": 4}``, ``{"part": "word/header1.xml", "paragraph": 0}`` or
    ``{"page": 2}``. It never contains document text.
    """

    start: int
    end: int
    where: dict[str, Any]


@dataclass
class Document:
    """Text plus a map from every character back to its place in the source.

    ``source_map[i]`` is the format's reference for ``text[i]`` (``None`` for a
    separator the reader inserted, such as the newline between two blocks).
    ``native`` is the reader's parsed handle, for the same format's writer only.
    """

    name: str
    format: str
    text: str
    source_map: list[Any]
    blocks: list[Block]
    native: Any = None
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.source_map) != len(self.text):
            raise ValueError("source_map must have one entry per character of text")

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset`` (binary search over sorted blocks)."""
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            block = self.blocks[mid]
            if offset < block.start:
                hi = mid
            elif offset >= block.end:
                lo = mid + 1
            else:
                return block
        return None

    def where(self, start: int, end: int) -> dict[str, Any]:
        """Where the span ``[start, end)`` starts, for reports (no text)."""
        block = self.block_at(start)
        return dict(block.where) if block else {"offset": start}

    def refs(self, start: int, end: int) -> Iterator[Any]:
        """The source references of the characters of a span, skipping separators."""
        for ref in self.source_map[start:end]:
            if ref is not None:
                yield ref


@dataclass(frozen=True)
class Finding:
    """Something detection found: a span of ``Document.text`` and what it is.

    ``entity_type`` is one of redactor's canonical types (see ``models/entities.yaml``).
    ``person`` links every mention of the same person, and links personal data (an
    e-mail address, a date of birth, a health detail...) to the person it belongs to.
    ``role`` is that person's role in the case (subject, complainant, witness, officer,
    public_figure, third_party: :mod:`redactor.detect.roles`) and ``role_reason`` a
    short reason for it that never contains document text.
    """

    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str
    person: str | None = None
    role: str | None = None
    role_reason: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Decision:
    """What the disclosure path decided for one region of the text.

    Writers receive only decisions that change the text (action other than
    ``keep``); regions never overlap and are sorted by ``start``.
    ``replacement`` is what the region becomes in text formats (for example
    ``[PERSON]``); formats that cannot carry text (PDF boxes) draw the region.
    """

    start: int
    end: int
    entity_type: str
    action: str
    replacement: str
    reason: str
    findings: tuple[Finding, ...] = ()
    box_label: str | None = None  # printed on the box where the format draws boxes (PDF), if the path asks
