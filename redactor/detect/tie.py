"""Keep disciplinary and special-category findings only where they are about a person.

"Administrative suspension" in a press release about the rules is not
personal data; "you are placed under administrative suspension" is. A finding
of a tied type (``tied_types`` in ``models/detection.yaml``) survives when its
sentence holds a person's name or a word that points at a person.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Sequence

from ..document import Finding
from .vocabulary import data


@lru_cache(maxsize=1)
def _anchor() -> re.Pattern[str]:
    words = sorted(data()["person_anchors"], key=len, reverse=True)
    return re.compile(r"(?i)(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'])")


def tied_to_person(text: str, findings: list[Finding], sentences: Sequence[tuple[int, int]]) -> list[Finding]:
    tied = set(data()["tied_types"])
    starts = [s for s, _ in sentences]
    people = [f for f in findings if f.entity_type == "PERSON"]
    kept = []
    for f in findings:
        if f.entity_type not in tied:
            kept.append(f)
            continue
        i = bisect.bisect_right(starts, f.start) - 1
        s, e = sentences[i] if i >= 0 and sentences[i][1] > f.start else (f.start, f.end)
        s, e = min(s, f.start), max(e, f.end)
        if _anchor().search(text, s, e) or any(p.start < e and p.end > s for p in people):
            kept.append(f)
    return kept
