"""Names next to the role a document gives them.

``the complainant, Jane Okoro``, ``her husband Tom``, ``Jane Okoro (Chair)``,
``Jane Okoro, Regional Director``, ``Bongani, a new member``, ``Husband Kasun works``: a run of name words
right after a role noun
(``role_nouns`` in ``models/detection.yaml``) or right before one in brackets or
after a comma is a person. A case role (complainant, subject, witness, officer)
is kept as metadata for the report.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..gazetteer import is_given_name, is_ordinary_word
from ..vocabulary import AFTER_PLACE_PREPOSITION, NAME_WORD, data, looks_like_name, name_run
from .base import CodeRecognizer
from .proper_noun_name import GEO_LABELS


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str | None]]:
    roles = {k.lower(): v for k, v in data()["role_nouns"].items()}
    alternation = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    before = re.compile(rf"(?i:\b(?:the|our|my|your|his|her|their|a|an|fellow)\s+(?:[\w-]+\s+)?({alternation}))"
                        rf"[ \t]*,?[ \t]+({name_run(1, 4)})(?=[ \t]*[,.;:)\n]|[ \t]+(?-i:[a-z]))")
    after = re.compile(rf"({name_run(2, 4)})[ \t]*(?:\([ \t]*|,[ \t]*(?:the[ \t]+)?)"
                       rf"(?i:[\w-]+[ \t]+){{0,3}}(?i:({alternation}))\b")
    alone = re.compile(rf"(?<![\w\-'\u2019.])({NAME_WORD}),[ \t]+(?:(?i:(?:the|a|an|my|our|your|his|her|their)"
                       rf"[ \t]+(?:[\w-]+[ \t]+){{0,2}}({alternation}))\b"
                       rf"|whose[ \t]+(?:sur|first[ \t]|given[ \t]|family[ \t])?name)")
    return before, after, alone, roles


@lru_cache(maxsize=1)
def _kin() -> re.Pattern[str]:
    """A family or household word, then a name: ``Husband Kasun``, ``son Ammar``, ``daughter tess``."""
    kin = "|".join(re.escape(k) for k in sorted(data()["kinship_nouns"], key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?i:{kin})(?:[ \t]*,?[ \t]+|[ \t]*\([ \t]*)"  # "son Ammar", "Dad (Fadi)"
                      rf"(?:({name_run(1, 3)})|([a-z][a-z'\-]+))(?![\w\-])")


def _kin_names(text: str, places: frozenset[int]) -> Iterable[tuple[int, int]]:
    for m in _kin().finditer(text):
        if m.group(1):
            words = m.group(1).split()
            while words and is_ordinary_word(words[-1]) and not is_given_name(words[-1]):
                words.pop()  # "son Ammar Translates": the name ends before an ordinary word
            if words and m.start(1) not in places and looks_like_name(words) and not words[0].isupper():
                yield m.start(1), m.start(1) + len(" ".join(words))
        elif is_given_name(m.group(2)) and not is_ordinary_word(m.group(2)):
            yield m.start(2), m.end(2)


def _place_starts(nlp_artifacts) -> frozenset[int]:
    """Where the words spaCy calls a place begin."""
    doc = getattr(nlp_artifacts, "tokens", None)
    return frozenset(t.idx for t in doc if t.ent_type_ in GEO_LABELS) if doc is not None else frozenset()


class RoleNameRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.87

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        before, after, alone, roles = _patterns()
        for m in before.finditer(text):
            if looks_like_name(m.group(2).split()):
                role = roles.get(m.group(1).lower())
                yield m.start(2), m.end(2), ({"role": role} if role else {})
        for m in after.finditer(text):
            # a run of name words can begin in the cell before ("Reviewed      Tove Lindholm, Senior Officer"):
            # the name starts after the last column gap
            gap = list(re.finditer(r"\t|[ \t]{2,}", m.group(1)))
            start = m.start(1) + (gap[-1].end() if gap else 0)
            if looks_like_name(text[start:m.end(1)].split()):
                role = roles.get(m.group(2).lower())
                yield start, m.end(1), ({"role": role} if role else {})
        places = _place_starts(nlp_artifacts)
        for start, end in _kin_names(text, places):
            yield start, end, {}
        for m in alone.finditer(text):  # "Bongani, a new member whose...", "Cosmin, whose surname..."
            word = m.group(1)
            if (AFTER_PLACE_PREPOSITION.search(text, max(0, m.start() - 12), m.start()) or m.start() in places
                    or not looks_like_name([word]) or word.isupper() or is_ordinary_word(word)):
                continue  # "In Leeds, the member said": a place
            role = roles.get((m.group(2) or "").lower())
            yield m.start(1), m.end(1), ({"role": role} if role else {})
