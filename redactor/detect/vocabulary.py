"""Word lists and small text predicates shared by the name-finding code.

The lists themselves are data in ``models/detection.yaml``; this module only
turns them into sets and compiled expressions, once.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..resources import model_yaml

#: One word of a personal name: Okoro, O'Brien, McDonald, Okafor-Reyes, SMITH, or an initial "J.".
NAME_WORD = r"(?:[A-Z][a-z]?\.|[A-Z][A-Za-z\u00C0-\u024F'\u2019]*[a-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019]*(?:-[A-Z][A-Za-z\u00C0-\u024F'\u2019]+)?|[A-Z]{2,}(?:-[A-Z]{2,})?)"
NAME_WORD_RE = re.compile(NAME_WORD)


@lru_cache(maxsize=None)
def data() -> dict:
    return model_yaml("detection.yaml")


@lru_cache(maxsize=None)
def word_set(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data()[key])


@lru_cache(maxsize=None)
def titles_pattern() -> str:
    titles = sorted(data()["titles"], key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(t) for t in titles) + r")\b\.?"


def is_stop(word: str) -> bool:
    return word.lower() in STOP_WORDS


def looks_like_name(words: list[str]) -> bool:
    """True when ``words`` could be a person's name: capitalised, not stop words or org words."""
    if not words or len(words) > 5:
        return False
    real = [w for w in words if not re.fullmatch(r"[A-Z]\.?", w)]
    if not real:
        return False
    blocked = word_set("not_name_words")
    for w in words:
        if not NAME_WORD_RE.fullmatch(w):
            return False
        if w.lower().rstrip(".") in blocked or (is_stop(w) and w.lower() not in word_set("word_names")):
            return False
    return True


def name_words(text: str) -> list[str]:
    return text.split()
