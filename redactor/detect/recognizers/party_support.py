"""A person's party support where it is written as a bare party name.

Canvass returns and doorstep notes record a voter's intention as the party's
name on its own: ``Both Labour.``, ``Labour, but unhappy about bins``,
``Reform - definite``, ``Green last time, undecided now``. In such a document
(one with a canvassing cue, ``canvass_cues`` in ``models/detection.yaml``) a
party's name (``parties``) that stands alone, ended by punctuation, the end of
its line or a word of voting intention, is a political opinion. A party's name
followed by anything else (``Labour Party``, ``Labour councillor``, ``Green
Lane``, ``Labour: 412``) is not, nor one alone on its line (a heading) or on a
row of a count. Whether it is about a person is left to :mod:`..tie`, like
every other special-category finding.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..vocabulary import data
from .base import CodeRecognizer

#: What may follow a bare party name: punctuation or a line end, a dash, or a word of intention.
_AFTER = (r"(?=[ \t]*(?:[.,;!?)/]|\n|$|[-\u2013\u2014][ \t])"
          r"|[ \t]+(?i:last|this|next|now|then|before|previously|but|though|lean(?:s|ing)?|definite(?:ly)?|"
          r"probable|probably|possible|possibly|likely|soft|strong|firm|switcher|waverer|voter|supporter|"
          r"pledge|poster|all\s+(?:his|her|their)\s+life|for\s+years|at\s+the)\b)")
#: What may not come right before one: ``the Labour``, ``of Labour``, ``Scottish Labour``, ``Welsh Labour``.
_NOT_BEFORE = re.compile(r"(?i:\b(?:the|of|for|from|with|by|at|scottish|welsh|london|new|young)[ \t]+)$")


#: A row of a count: a line ending in a number or a share (``Labour   412``, ``Green 12%``).
_TALLY = re.compile(r"\d[\d,.]*[ \t]*%?[ \t]*$")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = sorted(data()["parties"], key=len, reverse=True)
    alternation = "|".join(r"[ \t]+".join(re.escape(w) for w in n.split()) for n in names)
    party = re.compile(rf"(?<![\w\-'\u2019])(?:{alternation}){_AFTER}")
    cues = "|".join(re.escape(c) for c in data()["canvass_cues"])
    return party, re.compile(rf"(?i)\b(?:{cues})")


class PartySupportRecognizer(CodeRecognizer):
    ENTITY = "POLITICAL_OPINION"
    SCORE = 0.55
    DOCUMENT_LEVEL = True  # the canvassing cue is usually in the heading, far from the notes

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        party, cue = _patterns()
        if not cue.search(text):
            return
        for m in party.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if (_NOT_BEFORE.search(text, max(0, m.start() - 12), m.start()) or line.strip() == m.group()
                    or _TALLY.search(line)):
                continue  # "the Labour", a heading, or a row of a count ("SNP / Alba   2")
            yield m.start(), m.end(), {}
