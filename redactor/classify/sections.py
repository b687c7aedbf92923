"""Splitting a document's text into sections: the units that are classified and withheld.

A section starts at a heading (a short line on its own: numbered, in capitals
or in title case), at each message of an email chain (a ``From:`` header block,
``-----Original Message-----``, ``On ... wrote:``), and at each numbered agenda
item of minutes. Sections shorter than ``MIN_CHARS`` are merged into the next,
so a lone heading stays with the text it heads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..detect.lines import line_spans

MIN_CHARS = 60
MAX_HEADING = 90
MAX_ITEM_WORDS = 8

_MESSAGE = re.compile(r"^\s*(-{2,}\s*(original|forwarded) message\s*-{2,}|from:\s*\S|on .{4,120} wrote:\s*$|"
                      r"-{3,}\s*$|_{3,}\s*$)", re.I)
_NUMBERED = re.compile(r"^\s*((item|agenda item|part|section)\s+\d+[a-z]?\b|\d{1,2}(\.\d{1,2})*[.)]?\s+\S|"
                       r"[A-Z][.)]\s+\S|\(?[ivx]{1,4}\)\s+\S)", re.I)
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "&", "-"}


@dataclass(frozen=True)
class Section:
    """A slice ``[start, end)`` of the document text; ``kind`` says what opened it."""

    start: int
    end: int
    kind: str  # "start", "heading", "message", "item"


def _is_heading(line: str, prev_blank: bool, next_line: str) -> str | None:
    s = line.strip()
    if not s or len(s) > MAX_HEADING or not next_line.strip():
        return None
    if _MESSAGE.match(s):
        return "message"
    if s.endswith((",", ";")) or (s.endswith(".") and not _NUMBERED.match(s)):
        return None
    if _NUMBERED.match(s) and len(s) <= 70 and not s.endswith(".") and len(s.split()) <= MAX_ITEM_WORDS + 1:
        return "item"  # an agenda item's title, not the first line of a numbered paragraph
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", s)]
    if not words or len(words) > 10:
        return None
    if s.isupper() and len(words) >= 1 and prev_blank:
        return "heading"
    capital = [w for w in words if w[0].isupper() or w.lower() in _SMALL]
    if prev_blank and len(words) >= 2 and len(capital) == len(words) and not s.endswith(":"):
        return "heading"
    return None


def split_sections(text: str) -> list[Section]:
    """The sections of ``text``, in order, covering it whole."""
    lines = line_spans(text)
    starts: list[tuple[int, str]] = [(0, "start")]
    prev_blank = True
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        nxt = text[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < len(lines) else ""
        kind = _is_heading(line, prev_blank, nxt) if a > 0 else None
        if kind:
            starts.append((a, kind))
        prev_blank = not line.strip()
    sections: list[Section] = []
    for j, (a, kind) in enumerate(starts):
        b = starts[j + 1][0] if j + 1 < len(starts) else len(text)
        sections.append(Section(a, b, kind))
    return _merge_short(text, sections)


def _merge_short(text: str, sections: list[Section]) -> list[Section]:
    merged: list[Section] = []
    carry: Section | None = None
    for s in sections:
        if carry is not None:
            s = Section(carry.start, s.end, carry.kind)
            carry = None
        if len(text[s.start:s.end].strip()) < MIN_CHARS:
            carry = s
            continue
        merged.append(s)
    if carry is not None:
        if merged:
            last = merged.pop()
            merged.append(Section(last.start, carry.end, last.kind))
        else:
            merged.append(carry)
    return merged
