"""Word lists and small text predicates shared by the name-finding code.

The lists themselves are data in ``models/detection.yaml``; this module only
turns them into sets and compiled expressions, once.
"""
from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..resources import model_yaml


def _letters(test) -> str:
    """A regex character class body of the Latin letters (ASCII to Latin Extended-B, and Latin Extended
    Additional: Vietnamese ``Nguyễn``, Welsh ``Ŵ``) passing ``test``."""
    codes = [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]
    return "".join(re.escape(chr(c)) for c in codes if chr(c).isalpha() and test(chr(c)))


UPPER = f"[{_letters(str.isupper)}]"
LOWER = f"[{_letters(str.islower)}]"
_ANY = f"[{_letters(lambda c: True)}'\u2019]"
#: Lower-case particles inside names: Ana de Souza, Pieter van der Berg, Nour al Hassan.
PARTICLES = ("de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "du", "la", "le",
             "bin", "bint", "binti", "binte", "ibn", "al", "el", "ap", "ab", "an", "verch", "ferch", "ter", "ten", "y",
             "Ó", "Ua")
#: One word of a personal name: Okoro, O'Brien, McDonald, Okafor-Reyes, Ó Súilleabháin, al-Hassan,
#: SMITH, or an initial "J.".
NAME_WORD = (rf"(?:{UPPER}{LOWER}?\.|(?:(?:al|el|ul|ad|as|ash|an|bin|t|h|n)-)?"
             rf"{UPPER}{_ANY}*{LOWER}{_ANY}*(?:-{_ANY}+)*"
             rf"|{UPPER}{{2,}}(?:[-'\u2019]{UPPER}{{2,}})*)")
NAME_WORD_RE = re.compile(NAME_WORD)
#: A nickname in quotes between a given name and a surname: ``Maureen "Mo" Lister`` (groups: the three words).
NICKNAMED = re.compile(rf"(?<![\w\-])({NAME_WORD})[ \t]+[\"\u201c]({NAME_WORD})[\"\u201d][ \t]+({NAME_WORD})"
                       rf"(?![\w\-])")
#: A letter of a script the English model cannot read (Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic
#: scripts, Thai, Georgian, Hangul, Ethiopic, kana, CJK): a name written in it is a name of its own kind.
FOREIGN_LETTER = ("[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f"
                  "\u0900-\u0dff\u0e00-\u0e7f\u10a0-\u10ff\u1100-\u11ff\u1200-\u137f\u3040-\u30ff"
                  "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
FOREIGN_WORD_RE = re.compile(rf"{FOREIGN_LETTER}+[\u0300-\u036f\u064b-\u065f]*")
#: Prepositions that put a place after them: ``in Leeds``, ``held at Southside``.
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "of", "on", "into", "across", "around", "outside",
                                "inside", "throughout"})
#: A place preposition ending the text before a position (search with ``endpos``).
AFTER_PLACE_PREPOSITION = re.compile(r"(?i:\b(?:" + "|".join(sorted(PLACE_PREPOSITIONS)) + r")[ \t]+)$")
#: An initial or a run of dotted initials: ``J``, ``J.``, ``J.R.``.
INITIALS_RE = re.compile(r"[A-Z]\.?|(?:[A-Z]\.){2,3}")
_PARTICLE = "(?:" + "|".join(PARTICLES) + ")"


def name_run(min_words: int, max_words: int, newline: bool = False) -> str:
    """A regex for ``min_words`` to ``max_words`` name words, particles allowed between them.

    With ``newline`` a name may continue over one line break per gap (hard-wrapped text).
    """
    gap = r"(?:[ \t]+|[ \t]*\n[ \t]*)" if newline else r"[ \t]+"
    joint = rf"{gap}(?:{_PARTICLE}{gap})*"
    return rf"{NAME_WORD}(?:{joint}{NAME_WORD}){{{min_words - 1},{max_words - 1}}}"


#: An article, and perhaps one lower-case word (an adjective), right before a word: ``the old ``, ``a ``.
_ARTICLE_BEFORE = re.compile(r"\b(?i:the|a|an)[ \t]+(?:[a-z]+[ \t]+)?$")
#: The word after a name, or after one more capitalised word when ``skip_one`` (see place_word_follows).
_NEXT_WORD = re.compile(r"(?:['\u2019]s)?[ \t]+([A-Za-z\u00C0-\u017F'-]+)")  # "Robin Hood's Bay" too
_NEXT_WORD_OR_ONE_MORE = re.compile(r"(?:['\u2019]s)?[ \t]+(?:[A-Z][\w'-]*(?:['\u2019]s)?[ \t]+)?([A-Za-z]+)")


def follows_an_article(text: str, start: int) -> bool:
    """Whether an article (and perhaps an adjective) stands right before ``start``: ``the old Austin``."""
    return _ARTICLE_BEFORE.search(text, max(0, start - 30), start) is not None


#: Nouns a surname stands before after "the" and stays a person's: "the Okafor family", "the Jones case".
_FAMILY_NOUNS = ("family|families|case|cases|household|twins|brothers|sisters|children|kids|boys|girls|"
                 "complaint|complaints|matter|file|home|house|report|statement|letter|appeal|hearing|papers")


def used_as_a_modifier(text: str, value: str) -> bool:
    """Whether the document writes ``value`` elsewhere as the name of a place or thing before a noun:
    ``the Stranraer forum``, ``the Stranraer rows`` (never ``the Okafor family``)."""
    words = r"\s+".join(re.escape(w) for w in value.split())
    return re.search(rf"\b[Tt]he\s+{words}\s+(?!(?:{_FAMILY_NOUNS})\b)[a-z]{{3,}}\b", text) is not None


def place_word_follows(text: str, end: int, skip_one: bool = False) -> bool:
    """Whether a place word (``place_words``) comes right after ``end``, or with ``skip_one`` after one more
    capitalised word: ``Jordan Well leisure pool``, ``Chester Road``."""
    m = (_NEXT_WORD_OR_ONE_MORE if skip_one else _NEXT_WORD).match(text, end)
    return m is not None and m.group(1).lower() in word_set("place_words")


@cache
def data() -> dict:
    return model_yaml("detection.yaml")


@cache
def word_set(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data()[key])


@cache
def titles_pattern() -> str:
    titles = sorted(data()["titles"], key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(t) for t in titles) + r")\b\.?"


def is_stop(word: str) -> bool:
    return word.lower() in STOP_WORDS


def looks_like_name(words: list[str]) -> bool:
    """True when ``words`` could be a person's name: capitalised, not stop words or org words."""
    if not words or len(words) > 5:
        return False
    real = [w for w in words if not INITIALS_RE.fullmatch(w)]
    if not real or words[0] in PARTICLES or words[-1] in PARTICLES:
        return False
    words = [w for w in words if w not in PARTICLES]
    blocked = word_set("not_name_words")
    dates = [w for w in words if is_date_word(w)]
    if dates and len(words) == len(dates):
        return False  # "Thu", "Sat": a date; "Thu Trang Vo", "Jan Kowalski": a name
    for i, w in enumerate(words):
        if INITIALS_RE.fullmatch(w) or (i == 0 and leads_a_name(words)):
            continue  # an initial: "J. Smith", "Demelza R"; or "Sunday" in "Sunday Skillicorn"
        if not NAME_WORD_RE.fullmatch(w) and not is_date_word(w) and not FOREIGN_WORD_RE.fullmatch(w):
            return False
        bare = w.lower().rstrip(".")
        if bare in blocked or (is_stop(bare) and bare not in word_set("word_names")):
            return False
    return True


def leads_a_name(words: list[str]) -> bool:
    """``Sunday Skillicorn``, ``Royal Esparon``: a blocked word that is also a given name (``blocked_given_names``)
    starts a name when the word after it is a name no dictionary knows as anything else."""
    from .gazetteer import is_ordinary_word

    if len(words) < 2 or words[0].lower() not in word_set("blocked_given_names"):
        return False
    second = words[1]
    return (NAME_WORD_RE.fullmatch(second) is not None and second.lower() not in word_set("not_name_words")
            and not is_ordinary_word(second) and not is_date_word(second))


def is_date_word(word: str) -> bool:
    """A day abbreviation (or "Jan"): a date in "Thu 14 March", a given name in "Thu Trang Vo"."""
    return word.lower().rstrip(".,") in word_set("date_abbreviations")
