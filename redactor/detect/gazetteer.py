"""Given names of many origins, from Faker's person providers (a maintained, MIT-licensed data set).

Used to recognise ``Given Surname`` where spaCy's small NER model misses a
name (table cells, lists), and to accept a lone word the NER calls a person.
Only Latin-script names are kept; names that are also ordinary English words
(``models/detection.yaml``: ``word_names``, and spaCy's stop words) are left out.
"""
from __future__ import annotations

import importlib
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from .vocabulary import data, word_set

_LATIN_NAME = re.compile(r"[A-Z][a-z\u00E0-\u017E'\-]+")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names."""
    names: set[str] = set()
    for locale in data()["given_name_locales"]:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            values = getattr(provider, attr, None) or ()
            names.update(v for v in values if isinstance(v, str) and _LATIN_NAME.fullmatch(v))
    common = word_set("word_names") | word_set("not_name_words") | STOP_WORDS
    return frozenset(n.lower() for n in names if n.lower() not in common and len(n) > 2)


def is_given_name(word: str) -> bool:
    return word.lower() in given_names()
