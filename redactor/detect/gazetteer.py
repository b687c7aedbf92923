"""Given names of many origins, from Faker's person providers (a maintained, MIT-licensed data set).

Used to recognise ``Given Surname`` where spaCy's small NER model misses a
name (table cells, lists), and to accept a lone word the NER calls a person.
Only Latin-script names are kept; names that are also ordinary English words
(``models/detection.yaml``: ``word_names``, and spaCy's stop words) are left out.
"""
from __future__ import annotations

import importlib
import json
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..resources import model_file
from .vocabulary import data, word_set

_LATIN_NAME = re.compile(r"[A-Z][a-z\u00E0-\u017E'\-]+")


_GIVEN_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
                "first_romanized_names", "first_romanized_names_male", "first_romanized_names_female")
_SURNAME_ATTRS = ("last_names", "last_names_male", "last_names_female", "last_names_nonbinary",
                  "last_names_unisex", "last_romanized_names")


def _provider_names(attrs: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for locale in data()["given_name_locales"]:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attr in attrs:
            values = getattr(provider, attr, None)
            if not isinstance(values, (tuple, list, dict)):
                continue
            names.update(v for v in values if isinstance(v, str) and _LATIN_NAME.fullmatch(v))
    return names


def faker_names() -> dict:
    """What the gazetteer takes from Faker, read from Faker itself (``models/names/build.py`` saves it)."""
    import faker
    from faker.providers.lorem.en_US import Provider as Lorem

    return {"faker": faker.VERSION, "locales": list(data()["given_name_locales"]),
            "given": sorted(_provider_names(_GIVEN_ATTRS)), "surnames": sorted(_provider_names(_SURNAME_ATTRS)),
            "lorem": sorted({w.lower() for w in Lorem.word_list})}


@lru_cache(maxsize=1)
def _faker_data() -> dict:
    """The saved Faker lists (models/names/faker-names.json) while they are for the configured locales;
    otherwise Faker's own, read now."""
    try:
        saved = json.loads(model_file("names/faker-names.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = None
    if isinstance(saved, dict) and saved.get("locales") == list(data()["given_name_locales"]):
        return saved
    return faker_names()


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words (Faker's lorem word list, spaCy's stop words) and redactor's own lists."""
    return frozenset(set(_faker_data()["lorem"]) | STOP_WORDS | word_set("word_names")
                     | word_set("not_name_words") | word_set("date_abbreviations") | word_set("place_words"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names."""
    names = _faker_data()["given"]
    return frozenset(n.lower() for n in names if n.lower() not in common_words() and len(n) > 2)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Lower-cased surnames."""
    names = _faker_data()["surnames"]
    return frozenset(n.lower() for n in names if n.lower() not in common_words() and len(n) > 2)


def is_given_name(word: str) -> bool:
    return word.lower() in given_names()


def is_surname(word: str) -> bool:
    return word.lower() in surnames()


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """English words of WordNet's index (nouns, verbs, adjectives, adverbs), as the default spaCy
    model's rule lemmatizer ships them: ``finance``, ``board``, ``cliff``; never ``Cosmin`` or ``Jeon``."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    from .engine import DEFAULT_MODEL

    try:
        found = sorted(get_package_path(DEFAULT_MODEL).glob("*/lemmatizer/lookups"))
        lookups = Lookups().from_disk(found[0]) if found else None
    except (OSError, ValueError):
        return frozenset()
    words: set[str] = set()
    for name in ("lemma_index", "lemma_exc"):  # base forms, and irregular forms (``upheld``, ``children``)
        if lookups is not None and lookups.has_table(name):
            for entries in lookups.get_table(name).values():
                words.update(w for w in entries if w.isalpha())
    return frozenset(words)


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` (or its singular, or each part of it when hyphenated) is an English dictionary word."""
    folded = word.lower().strip(".,'’")
    words = dictionary_words()
    if folded in words:
        return True
    for suffix, base in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ied", "y")):
        if folded.endswith(suffix) and folded[: -len(suffix)] + base in words:
            return True
    if "-" in folded.strip("-"):  # "sub-panel", "by-election": every part a word
        return all(is_dictionary_word(part) for part in folded.split("-") if part)
    return False


def is_common_word(word: str) -> bool:
    return word.lower().strip(".,'") in common_words()


def is_ordinary_word(word: str) -> bool:
    """An ordinary English word: in redactor's common words or in the dictionary (``Finance``, ``Cliff``)."""
    return is_common_word(word) or is_dictionary_word(word)


def is_only_a_word(word: str) -> bool:
    """An ordinary word that is no known name (``Case``, ``Officer``; never ``Baker``, ``Rose`` or ``Cliff``)."""
    return is_ordinary_word(word) and not (is_given_name(word) or is_surname(word)
                                           or word.lower() in word_set("word_names"))
