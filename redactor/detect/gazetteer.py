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


def _provider_names(attrs: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for locale in data()["given_name_locales"]:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attr in attrs:
            values = getattr(provider, attr, None) or ()
            names.update(v for v in values if isinstance(v, str) and _LATIN_NAME.fullmatch(v))
    return names


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words (Faker's lorem word list, spaCy's stop words) and redactor's own lists."""
    from faker.providers.lorem.en_US import Provider as Lorem

    return frozenset({w.lower() for w in Lorem.word_list} | STOP_WORDS | word_set("word_names")
                     | word_set("not_name_words") | word_set("date_abbreviations") | word_set("place_words"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names."""
    names = _provider_names(("first_names", "first_names_male", "first_names_female"))
    return frozenset(n.lower() for n in names if n.lower() not in common_words() and len(n) > 2)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Lower-cased surnames."""
    names = _provider_names(("last_names", "last_names_male", "last_names_female"))
    return frozenset(n.lower() for n in names if n.lower() not in common_words() and len(n) > 2)


def is_given_name(word: str) -> bool:
    return word.lower() in given_names()


def is_surname(word: str) -> bool:
    return word.lower() in surnames()


def is_common_word(word: str) -> bool:
    return word.lower().strip(".,'") in common_words()
