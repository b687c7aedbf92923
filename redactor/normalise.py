"""The normalised view of a document: what detection reads, mapped back to the original.

Text can hide a name from a pattern or a model without hiding it from a reader:
``J\u200bohn Smith`` (a zero-width space), ``Ｊｏｈｎ`` (full-width forms),
``Tallow-\\nfield`` (a word hyphenated across a line break), ``ﬁ`` ligatures.
Every stage after reading therefore works on a *view* of ``Document.text``:

* NFKC compatibility forms folded, character by character (full-width letters,
  ligatures, superscripts, circled digits);
* invisible format characters dropped (zero-width spaces and joiners, word
  joiner, byte-order mark, soft hyphen, bidirectional controls);
* a hyphen at a line break joined: ``-\\n`` before a lower-case letter goes
  (``Tallow-\\nfield`` -> ``Tallowfield``); before anything else only the line
  break goes (``Okafor-\\nReyes`` -> ``Okafor-Reyes``).

:func:`view_of` returns the view as a :class:`~redactor.document.Document`
whose ``source_map`` holds, for every view character, the offset of the
original character it came from. :func:`to_original` maps a view span back,
so a finding in the view removes the original characters, hidden ones included;
the pipeline hands findings, judgements and decisions on in original offsets
(reports and outcomes index the text as the reader read it).
When nothing needs normalising the view *is* the document (no copy, no cost).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import replace

from .document import Block, Document, Finding
from .policy.decide import Judgement

#: invisible characters a reader never sees: removed from the view.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u3164\ufeff\uffa0"
)
#: a hyphen after a letter, optional spaces, a line break and optional indentation, then a letter.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def needs_view(text: str) -> bool:
    """True when ``text`` has anything the view would change."""
    if text.isascii():
        return "-\n" in text or "-\r\n" in text or _HYPHEN_BREAK.search(text) is not None
    return True


def normalised(text: str) -> tuple[str, list[int]]:
    """The view of ``text`` and, for each view character, its original offset."""
    joins = {m.start(): m.end() for m in _HYPHEN_BREAK.finditer(text)}
    out: list[str] = []
    origin: list[int] = []
    i = 0
    while i < len(text):
        if i in joins:
            end = joins[i]
            if not text[end].islower():
                out.append("-")
                origin.append(i)
            i = end
            continue
        char = text[i]
        if char not in INVISIBLE:
            folded = unicodedata.normalize("NFKC", char) if not char.isascii() else char
            out.extend(folded)
            origin.extend([i] * len(folded))
        i += 1
    return "".join(out), origin


def view_of(doc: Document) -> Document:
    """``doc`` itself when nothing needs normalising, else its normalised view (see module docstring)."""
    if not needs_view(doc.text):
        return doc
    text, origin = normalised(doc.text)
    if text == doc.text:
        return doc
    blocks = [Block(bisect_left(origin, b.start), bisect_left(origin, b.end), b.where) for b in doc.blocks]
    return Document(name=doc.name, format=doc.format, text=text, source_map=origin, blocks=blocks,
                    native=None, warnings=doc.warnings)


def to_original(view: Document, doc: Document, start: int, end: int) -> tuple[int, int]:
    """The original span of the view span ``[start, end)``."""
    if view is doc or end <= start:
        return start, end
    origin: list[int] = view.source_map
    return origin[start], origin[end - 1] + 1


def finding_to_original(view: Document, doc: Document, finding: Finding) -> Finding:
    """A finding made on the view, on the original text."""
    if view is doc:
        return finding
    start, end = to_original(view, doc, finding.start, finding.end)
    return replace(finding, start=start, end=end)


def judgements_to_original(view: Document, doc: Document, judgements: list[Judgement]) -> list[Judgement]:
    """Judgements made on the view, on the original text."""
    if view is doc:
        return judgements
    return [replace(j, finding=finding_to_original(view, doc, j.finding)) for j in judgements]
