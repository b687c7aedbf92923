"""Keep disciplinary, special-category and date findings only where they are about a person.

"Administrative suspension" in a press release about the rules is not
personal data; "you are placed under administrative suspension" is. A finding
of a tied type (``tied_types`` in ``models/detection.yaml``) survives when

* its sentence, or one of the two before it, holds a person's name, an
  identifier (``identifier_anchors``: a membership number, a case reference...)
  or a word that points at a person (``person_anchors``: you, he, she...), or
* the document names a person and the finding stands on a short line of its
  own or in a table cell: a heading, a subject line, a register entry.

A ``DATE_MENTION`` also survives in a case file (a document that names a
person and has a case reference, a membership number, an allegation or a
sanction); a surviving one becomes a ``DATE``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..document import Finding
from .vocabulary import data

#: Findings that make a document a case file, in which every date of a named person's case counts.
CASE_MARKERS = frozenset({"CASE_REF", "MEMBERSHIP_NO", "ALLEGATION", "SANCTION"})
WINDOW = 2  # sentences before the finding's own that still tie it to a person
SHORT_LINE = 60


@lru_cache(maxsize=1)
def _anchor() -> re.Pattern[str]:
    words = sorted(data()["person_anchors"], key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)
    return re.compile(r"(?i)(?<![\w'])(?:" + alternation + r")(?!\w)")


def _on_short_line(text: str, f: Finding) -> bool:
    """Whether the finding stands on a short line or in a table cell (tabs separate cells)."""
    start = max(text.rfind("\n", 0, f.start), text.rfind("\t", 0, f.start)) + 1
    ends = [i for i in (text.find("\n", f.end), text.find("\t", f.end)) if i >= 0]
    end = min(ends) if ends else len(text)
    return len(text[start:end].strip()) < SHORT_LINE


def tied_to_person(text: str, findings: list[Finding], sentences: Sequence[tuple[int, int]]) -> list[Finding]:
    tied = set(data()["tied_types"])
    untied = set(data()["untied_recognizers"])
    anchors = set(data()["identifier_anchors"])
    people = sorted((f for f in findings if f.entity_type in anchors), key=lambda f: f.start)
    people_starts = [p.start for p in people]
    case_document = any(f.entity_type in CASE_MARKERS for f in findings)

    def person_in(s: int, e: int) -> bool:
        """Whether a person anchor overlaps [s, e): anchors are short, so look just before s too."""
        i = bisect.bisect_left(people_starts, s - 200)
        while i < len(people) and people[i].start < e:
            if people[i].end > s:
                return True
            i += 1
        return False

    starts = [s for s, _ in sentences]
    kept = []
    for f in findings:
        if f.entity_type not in tied or f.recognizer in untied:
            kept.append(f)
            continue
        i = bisect.bisect_right(starts, f.start) - 1
        s = sentences[max(i - WINDOW, 0)][0] if i >= 0 else f.start
        e = max(sentences[i][1] if i >= 0 else f.end, f.end)
        s = min(s, f.start)
        if (_anchor().search(text, s, e) or person_in(s, e)
                or (people and _on_short_line(text, f))
                or (f.entity_type == "DATE_MENTION" and people and case_document)):
            kept.append(replace(f, entity_type="DATE") if f.entity_type == "DATE_MENTION" else f)
    return kept
