"""Names written in another script inside an English document: ``Wang Wei (王伟)``, ``Иван Петров``.

spaCy's English model sees nothing in Cyrillic, Greek, Arabic, Hebrew, the Indic
scripts, Thai, Georgian, Ethiopic, Chinese, Japanese or Korean. In a document
written mostly in Latin letters, a short run of such words (one to four words,
a name's length) is nearly always a person's name as they write it, so it is
taken as one. Longer runs (a quoted sentence) and documents written mostly in
another script are left alone: the English model can say nothing about them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..vocabulary import FOREIGN_LETTER as _LETTER
from .base import CodeRecognizer

_MARKS = "[\u0300-\u036f\u064b-\u065f]*"  # combining accents and Arabic vowel marks
_RUN = re.compile(rf"{_LETTER}+{_MARKS}(?:[ \t\u00b7\u30fb]{_LETTER}+{_MARKS}){{0,3}}(?![ \t]*{_LETTER})")
#: The most a name in another script takes, in characters.
MAX_NAME = 40
#: Above this share of such letters the document is in another language: left alone.
MAX_SHARE = 0.3
#: ... judged only on a text of at least this many letters.
MIN_LETTERS = 400


class ForeignScriptNameRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.6

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        runs = list(_RUN.finditer(text))
        if not runs:
            return
        letters = sum(c.isalpha() for c in text)
        if letters > MIN_LETTERS and sum(len(m.group()) for m in runs) > MAX_SHARE * letters:
            return
        for m in runs:
            if len(m.group()) <= MAX_NAME:
                yield m.start(), m.end(), {}
