"""Dates of birth and dates tied to a person's case.

A date counts when its sentence has a case cue (hearing, suspension,
complaint...) or a date-of-birth cue, or when its block (a paragraph, a page,
a table) has a date-of-birth cue (a "Date of birth" column header). Other
dates, such as a press release's publication date, are left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..vocabulary import data
from .base import CodeRecognizer, sentence_bounds

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+)?"
DATE = re.compile(
    rf"\b{_DAY}\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}\.?(?:,?[ \t\n]+\d{{4}})?\b"
    rf"|\b{_DAY}{_MONTH}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}})?\b"
    r"|\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternation(words: list[str]) -> re.Pattern[str]:
        return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + ")")
    return alternation(data()["date_of_birth_cues"]), alternation(data()["case_date_cues"])


class CaseDateRecognizer(CodeRecognizer):
    ENTITY = "DATE"
    SCORE = 0.7

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        dob, case = _cues()
        whole_block_dob = dob.search(text) is not None
        sentences = sentence_bounds(text, nlp_artifacts)
        for m in DATE.finditer(text):
            if whole_block_dob:
                yield m.start(), m.end(), {}
                continue
            s, e = next(((s, e) for s, e in sentences if s <= m.start() < e), (0, len(text)))
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if case.search(text[s:e]) or dob.search(text[s:e]) or case.search(line):
                yield m.start(), m.end(), {}
