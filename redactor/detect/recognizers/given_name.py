"""Names built of known name words: ``Andreas Christodoulou``, ``Ngozi Okafor``, ``BRANNIGAN, Kieran``.

spaCy's small NER model misses names in table cells and lists. A run of
capitalised words whose first word is a given name, or whose last word is a
surname and whose first word is no ordinary English word (see ``..gazetteer``), is a
name, cut before any word that makes it a place or an organisation
(``Victoria Street`` is not a person). The surname-first form of registers,
``SURNAME, Given``, is recognised too.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..gazetteer import is_common_word, is_given_name, is_surname
from ..vocabulary import name_run, word_set
from .base import CodeRecognizer
from .titled_name import trim_name

_RUN = re.compile(rf"(?<![\w\-'’])({name_run(2, 4, newline=True)})")
_SURNAME_FIRST = re.compile(r"(?<![\w\-])([A-Z][A-Z'’\-]{1,}),[ \t]+([A-Z][a-z\u00E0-\u017E'’\-]+)(?![\w\-])")


def cut_at_place(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the run from the first place word on (``Amrit Lall Road`` is an address)."""
    places = word_set("place_words")
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, w in enumerate(words):
        if w.group().lower().strip(".,") in places:
            return (start, start + words[i - 1].end()) if i > 1 else (start, start)
    return start, end


class GivenNameRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.86

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        for m in _RUN.finditer(text):
            start, end = trim_name(text, m.start(1), m.end(1))
            start, end = cut_at_place(text, start, end)
            words = text[start:end].split()
            if len(words) < 2 or words[0].isupper():
                continue
            if is_given_name(words[0]) or (is_surname(words[-1]) and not any(is_common_word(w) for w in words)):
                yield start, end, {}
        for m in _SURNAME_FIRST.finditer(text):
            if is_given_name(m.group(2)) and m.group(1).lower() not in word_set("not_name_words"):
                yield m.start(), m.end(), {}
