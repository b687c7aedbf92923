"""A political opinion said in a clause of its own, in prose or a note.

People's views are written as clauses, not as party names: ``thinks the two-child limit
should have gone on day one``, ``wants Faslane shut``, ``says the Greens are the only lot
with a plan``, ``gave to the Lib Dems' crowdfunder``, ``posted in 2022 that the monarchy
should be abolished``. A verb of holding, saying, backing or doing (``opinion_verbs`` in
``models/detection.yaml``) starts the finding; it runs to the end of the clause (a full
stop, semicolon, comma, bracket, line gap or "but"), and counts only when that clause names
a political subject: a policy or cause (``political_topics``, any case) or a party or
movement whose name is also a word (``political_names``, as written: ``Reform``, not "reform
of the rules"). After a verb of holding a view (``opinion_holding_verbs``: ``thinks``, ``would
rather``, ``opposes``), public affairs count too (``civic_topics``: ``thinks the council should
take the leisure centre back in-house``), never after one of saying ("said the council had not
replied"). Whether it is about a person is left to :mod:`..tie`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from ..vocabulary import data
from .base import CodeRecognizer

#: How far a clause runs at most after its verb.
CLAUSE_REACH = 110
#: Verbs of saying: where another verb follows before the subject, the opinion starts there.
_SAYING = frozenset({"said", "says", "say"})
#: How close the political subject must follow a verb of going or being in (``opinion_near_verbs``).
NEAR = 30
#: Where a clause ends: punctuation that closes it, a quotation mark, a cell gap, a blank line, "but".
_END = re.compile(r"[.;:!?()\[\]\"\u201c\u201d,]|\t|(?<!\n) {3,}|\n[ \t]*\n|\s+but\b")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in phrase.split())
                    for phrase in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = data()
    verbs = re.compile(rf"(?i)(?<![\w'\u2019-])(?:{_alternation(d['opinion_verbs'])})(?![\w'\u2019-])")
    topics = re.compile(rf"(?<![\w-])(?:(?i:{_alternation(d['political_topics'])})|"
                        rf"(?:{_alternation(d['political_names'])}))(?![\w-])")
    civic = re.compile(rf"(?i)(?<![\w-])(?:{_alternation(d['civic_topics'])})(?![\w-])")
    return verbs, topics, civic


def _folded(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@cache
def _verb_set(key: str) -> frozenset[str]:
    """A list of verbs in ``models/detection.yaml`` (``opinion_holding_verbs``, ``opinion_near_verbs``), folded."""
    return frozenset(_folded(v) for v in data()[key])


class OpinionClauseRecognizer(CodeRecognizer):
    ENTITY = "POLITICAL_OPINION"
    SCORE = 0.5

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        verbs, topics, civic = _patterns()
        for m in verbs.finditer(text):
            stop = _END.search(text, m.end(), min(len(text), m.end() + CLAUSE_REACH))
            end = stop.start() if stop else min(len(text), m.end() + CLAUSE_REACH)
            clause, verb = text[m.end():end], _folded(m.group())
            topic = topics.search(clause)
            if not topic and verb in _verb_set("opinion_holding_verbs"):
                topic = civic.search(clause)  # "thinks the council should take the leisure centre back"
            if not topic or (verb in _SAYING and verbs.search(clause, 0, topic.start())):
                continue  # no political subject; or a verb after "said" starts it ("said she" + "thinks the ...")
            if topic.start() > NEAR and verb in _verb_set("opinion_near_verbs"):
                continue  # "went over to her table and ... refugees": the subject is not where he went
            if not stop:  # no end in reach: stop at the last whole word
                end = m.end() + len(clause.rstrip()) - len(re.search(r"\S*$", clause.rstrip()).group())
            yield m.start(), m.end() + len(text[m.end():end].rstrip()), {}
