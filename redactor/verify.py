"""Fail closed: check a written output before it is committed.

The output is read back with the format's own independent extractor (for
PDF a different library from the reader). Every removed string must occur in
the output's text no more often (as whole words) than it occurs in the text the decisions
kept; one more occurrence means the writer let something through, and the
output is refused. Comparison is on a normalised form (case-folded,
whitespace collapsed), so line breaks and layout do not hide a leak.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Decision, Document
from .errors import UnsafeToRedact
from .formats.text import splice

MIN_LENGTH = 3


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def occurrences(haystack: str, needle: str) -> int:
    """How often ``needle`` occurs in ``haystack`` as whole words ("tom" is not in "customxml")."""
    return len(re.findall(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack))


@dataclass(frozen=True)
class Verification:
    checked: int
    leaks: int


def verify_output(doc: Document, decisions: Sequence[Decision], output_text: str) -> Verification:
    """Raise UnsafeToRedact if any removed string survives in ``output_text``."""
    kept = normalise(splice(doc.text, decisions))
    out = normalise(output_text)
    removed = {normalise(doc.text[f.start:f.end]) for d in decisions for f in d.findings}
    removed |= {normalise(doc.text[d.start:d.end]) for d in decisions}
    removed = {s.strip() for s in removed if len(s.strip()) >= MIN_LENGTH}
    leaks = [s for s in removed if occurrences(out, s) > occurrences(kept, s)]
    if leaks:
        where = sorted({d.entity_type for d in decisions
                        if normalise(doc.text[d.start:d.end]).strip() in leaks
                        or any(normalise(doc.text[f.start:f.end]).strip() in leaks for f in d.findings)})
        raise UnsafeToRedact(f"verification failed: {len(leaks)} removed value(s) of type "
                             f"{', '.join(where) or 'unknown'} still readable in the output; nothing written")
    return Verification(checked=len(removed), leaks=0)
