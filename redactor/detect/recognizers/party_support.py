"""A person's party support where it is written as a bare party name.

Canvass returns and doorstep notes record a voter's intention as the party's
name on its own: ``Both Labour.``, ``Labour, but unhappy about bins``,
``Reform - definite``, ``Green last time, undecided now``. In such a document
(one with a canvassing cue, ``canvass_cues`` in ``models/detection.yaml``) a
party's name (``parties``) that stands alone, ended by punctuation, the end of
its line or a word of voting intention, is a political opinion. A party's name
followed by anything else (``Labour Party``, ``Labour councillor``, ``Green
Lane``, ``Labour: 412``) is not, nor one alone on its line (a heading), on a
row of a count or on a row naming three parties or more (the header of a table
of counts). A party alone in a table cell (``Reform`` under ``Response``) is.
In lower case (``green now``, ``always lab``) a party counts only at the start
of a line or cell or after a word of allegiance. Whether it is about a person
is left to :mod:`..tie`, like
every other special-category finding.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..vocabulary import data
from .base import CodeRecognizer

#: What may follow a bare party name: punctuation or a line end, a dash, the end of a table cell (a tab, or
#: the run of spaces between the columns of a text table), or a word of intention.
_AFTER = (r"(?=[ \t]*(?:[.,;!?)/]|\n|$|[-\u2013\u2014][ \t])|\t| {2,}"
          r"|[ \t]+(?i:last|this|next|now|then|before|previously|but|though|lean(?:s|ing)?|definite(?:ly)?|"
          r"probable|probably|possible|possibly|likely|soft|strong|firm|switcher|waverer|voter|supporter|"
          r"pledge|poster|til|till|until|since|because|cos|coz|b/c|bc|over|locally|nationally|at\s+heart|"
          r"all\s+(?:his|her|their)\s+life|for\s+years|at\s+the|for\s+the)\b)")
#: Before a party written in lower case in canvass notes: the start of a line, cell or quoted CSV field,
#: or a word of allegiance (``green now``, ``always lab``, ``was lab til 2024``, ``ex-wpb``).
_LOWER_BEFORE = re.compile(r"(?:^|\n|\t| {2,}|,\"|(?i:\b(?:always|was|were|now|ex-?|voted|votes|vote|"
                           r"joined(?:[ \t]+the)?))[ \t]*)$")
#: What may not come right before one: ``the Labour``, ``of Labour``, ``Scottish Labour``, ``Welsh Labour``.
_NOT_BEFORE = re.compile(r"(?i:\b(?:the|of|for|from|with|by|at|scottish|welsh|london|new|young)[ \t]+)$")


#: A line naming this many parties is the header of a table of counts, not a voter's intention.
_HEADER_PARTIES = 3
#: A row of a count: a line ending in a number or a share (``Labour   412``, ``Green 12%``).
_TALLY = re.compile(r"\d[\d,.]*[ \t]*%?[ \t]*$")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = sorted(data()["parties"], key=len, reverse=True)
    alternation = "|".join(r"[ \t]+".join(re.escape(w) for w in n.split()) for n in names)
    party = re.compile(rf"(?<![\w\-'\u2019])(?:{alternation}){_AFTER}")
    cues = "|".join(re.escape(c) for c in data()["canvass_cues"])
    lower = "|".join(r"[ \t]+".join(re.escape(w) for w in n.split())
                     for n in sorted(data()["lower_case_parties"], key=len, reverse=True))
    return party, re.compile(rf"(?i)\b(?:{cues})"), re.compile(rf"(?<![\w'\u2019])(?:{lower}){_AFTER}")


class PartySupportRecognizer(CodeRecognizer):
    ENTITY = "POLITICAL_OPINION"
    SCORE = 0.55
    DOCUMENT_LEVEL = True  # the canvassing cue is usually in the heading, far from the notes

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        party, cue, lower = _patterns()
        if not cue.search(text):
            return
        for m in lower.finditer(text):  # "green now, was lab til 2024": lower case only in a note's own words
            if _LOWER_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                yield m.start(), m.end(), {}
        for m in party.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if (_NOT_BEFORE.search(text, max(0, m.start() - 12), m.start()) or line.strip() == m.group()
                    or _TALLY.search(line) or len(party.findall(line)) >= _HEADER_PARTIES):
                continue  # "the Labour", a heading, a row of a count ("SNP / Alba   2"), a row of party columns
            yield m.start(), m.end(), {}
