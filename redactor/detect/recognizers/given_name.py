"""Names built of known name words: ``Andreas Christodoulou``, ``Ngozi Okafor``, ``BRANNIGAN, Kieran``.

spaCy's small NER model misses names in table cells and lists. A run of
capitalised words whose first word is a given name, or whose last word is a
surname and whose first word is no ordinary English word (see ``..gazetteer``), is a
name (so is a run of words no English dictionary has), cut before any word that makes it a place or an organisation
(``Victoria Street`` is not a person). The surname-first form of registers,
``SURNAME, Given``, is recognised too.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..gazetteer import is_common_word, is_given_name, is_ordinary_word, is_surname
from ..vocabulary import (
    AFTER_PLACE_PREPOSITION,
    NAME_WORD,
    NICKNAMED,
    PLACE_PREPOSITIONS,
    follows_an_article,
    name_run,
    place_word_follows,
    word_set,
)
from .base import CodeRecognizer
from .proper_noun_name import GEO_LABELS, NOT_PEOPLE, PROPER
from .titled_name import trim_name

_RUN = re.compile(rf"(?<![\w\-'’])({name_run(2, 4, newline=True)})")
#: A word coordinated with a personal pronoun is a person: ``you and Mirwais``, ``Mirwais and I``.
_WITH_A_PRONOUN = re.compile(rf"(?i:\b(?:you|me|him|her|them|us|I|we|he|she|they)[ \t]+(?:and|&)[ \t]+)"
                             rf"({NAME_WORD})(?![\w\-])"
                             rf"|(?<![\w\-])({NAME_WORD})(?=[ \t]+(?:and|&)[ \t]+(?:I|me|myself)\b)")
_INITIALS_SURNAME = re.compile(rf"(?<![\w.])((?:[A-Z]\.[ \t]?){{1,3}})[ \t]?({NAME_WORD})(?![\w\-])")
_SURNAME_FIRST = re.compile(r"(?<![\w\-])([A-Z][A-Z'’\-]{1,}(?: [A-Z][A-Z'’\-]{1,}){0,2}),[ \t]+"
                            r"([A-Z][a-z\u00E0-\u017E'’\-]+)((?: [A-Z][a-z\u00E0-\u017E'’\-]+){0,2})(?![\w\-])")
#: The family name first, in capitals, without a comma: ``DANG Thi Mai``, ``KIM Min-jun``.
_FAMILY_FIRST = re.compile(rf"(?<![\w\-])([A-Z]{{2,}}) ({NAME_WORD}(?: {NAME_WORD})?)(?![\w\-])")

#: A stretch of a run between a table's cell gaps (a tab, or three spaces or more).
_CELL_PIECE = re.compile(r"(?:(?!\t| {3}).)+", re.S)
#: A name as a record had it before, quoted in capitals: ``was "FUNG WAI MING RAYMOND"``,
#: ``entered as "FERREIRA, JOAO M"``.
_FORMER_FORM = re.compile(r"\b(?:was|were|formerly|previously|entered\s+as|listed\s+as|recorded\s+as)[ \t]+"
                          r"[\"\u201c]([A-Z][A-Z'\-]+(?:,?[ \t]+[A-Z][A-Z'\-]*){1,4})[\"\u201d]")
#: One name word and, in brackets right after it, initials that start with its letter: ``Hebe (HC)``.
_WITH_ITS_INITIALS = re.compile(rf"(?<![\w\-'\u2019.])({NAME_WORD})[ \t]*\([ \t]*([A-Z]{{2,3}})[ \t]*[),]")
#: ``, who`` after a name: a person is meant (``Lhamu, who took the minutes``), never in ``who knows``.
_RELATIVE_WHO = re.compile(r",?[ \t]+who(?:se)?\b(?![ \t]+(?:knows|cares))")
#: A name has a vowel; ``Mbr has sent the form`` is a note's abbreviation.
_VOWEL = re.compile(r"[aeiouyAEIOUY]")


def cut_at_place(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the run from the first place word on (``Amrit Lall Road`` is an address)."""
    places = word_set("place_words")
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, w in enumerate(words):
        if w.group().lower().strip(".,") in places:
            return (start, start + words[i - 1].end()) if i > 1 else (start, start)
    return start, end


def _names_a_person(words: list[str]) -> bool:
    """Whether a run of two to four capitalised words is a name.

    It is when its first word is a known given name, when its last word is a known
    surname and no word is an ordinary English word, or when no word is in an
    English dictionary at all (``Tharshini Vigneswaran``, ``Hyun-woo Jeon``), the first
    word allowed to be a name that is also a word (``Cliff Ravenscroft``).
    """
    if is_given_name(words[0]):
        return True
    if is_surname(words[-1]) and not any(is_common_word(w) for w in words):
        return True
    first_is_name = words[0].lower() in word_set("word_names")
    return (first_is_name or not is_ordinary_word(words[0])) and not any(is_ordinary_word(w) for w in words[1:])


def _vouched_by_context(text: str, start: int, end: int, words: list[str]) -> bool:
    """A run whose first word is also a word (``Sunday Skillicorn``, ``Major Georgeson``) and whose last is no
    word, where the text says it is a person: its initials in brackets after it (``Sunday Omoregie (SO,
    treas)``) or in a legend before it (``MG = Major Georgeson``), or ``, who`` after it."""
    if is_ordinary_word(words[-1]) or len(words) > 3:
        return False
    initials = "".join(w[0] for w in words).upper()
    if re.match(rf"[ \t]*\([ \t]*{initials}\b", text[end:end + 12]):
        return True
    if re.search(rf"(?<![\w]){initials}[ \t]*=[ \t]*$", text[max(0, start - 10):start]):
        return True
    return _RELATIVE_WHO.match(text, end) is not None


def _a_place_here(text: str, start: int, end: int, nlp_artifacts) -> bool:
    """Whether the run follows a preposition of place and spaCy calls a word of it a place; never when
    a possession follows (``at Anant Kulkarni's barbecue``)."""
    doc = getattr(nlp_artifacts, "tokens", None)
    if doc is None or not AFTER_PLACE_PREPOSITION.search(text, max(0, start - 12), start):
        return False
    if re.match(r"['\u2019]s[ \t]+[a-z]", text[end:end + 4]) or re.search(r"['\u2019]s$", text[start:end]):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in GEO_LABELS for t in span)


def _lone_given_names(doc) -> Iterable[tuple[int, int, dict]]:
    """``told me that Agnieszka had been crying``: a proper noun alone that is a known given name and
    no English word (so never ``Florence``, ``Jordan`` or ``Victoria``, which are places too).

    The small NER model calls many unfamiliar names a place; such a word still counts when it is
    the subject of a verb and not after a preposition of place. A word no list knows (``I have known
    Jignesh for years``) counts when the NER calls it a person and it acts as one (see :func:`_acts`).
    """
    if doc is None:
        return
    for token in doc:
        word = token.text
        if token.tag_ not in PROPER | {"NN", "NNS"} or is_ordinary_word(word) or word.isupper() \
                or not word[:1].isupper():
            continue
        neighbours = doc[token.i - 1:token.i + 2] if token.i else doc[0:2]
        if any(t.tag_ in PROPER and t.i != token.i for t in neighbours):
            continue  # part of a longer name: the runs above take it
        if (token.tag_ in PROPER or not token.is_sent_start) and _VOWEL.search(word) and _said_of_a_person(token):
            yield token.idx, token.idx + len(word), {}
            continue
        if token.tag_ != "NNP" and token.tag_ != "NNPS" and (token.is_sent_start or not is_given_name(word)):
            continue  # a common noun's tag: only a known given name inside a sentence
        if not is_given_name(word) and not (token.ent_type_ == "PERSON" and _acts(token) and _VOWEL.search(word)):
            continue  # a word no list knows is a name only when the NER says so and it acts as a person
        if token.ent_type_ in NOT_PEOPLE | {"ORG"} and not _acts(token) and not (
                token.ent_type_ == "ORG" and is_given_name(word) and _alone_in_its_entity(token)):
            continue
        if follows_an_article(token.doc.text, token.idx):
            continue  # "the old Austin works", "a Jordan": a thing named after someone, not a person
        yield token.idx, token.idx + len(word), {}


#: Words after "the" + a surname that make it a family: "the Borg brothers", "the Kerrison twins".
_FAMILY_AFTER = frozenset({"brothers", "sisters", "twins", "family", "household", "boys", "girls", "kids"})
#: Party units after "from the": "Dolf from the Wroughton branch".
_UNIT_AFTER = frozenset({"branch", "clp", "ward", "office", "committee", "executive", "group"})


def _said_of_a_person(token) -> bool:
    """Whether the words around a name no list knows say it is a person's: ``Lhamu, who took the minutes``;
    ``Dolf from the Wroughton branch``; ``Sissons at no. 12``; ``the Kerrison twins``."""
    doc, i = token.doc, token.i
    after = [t.lower_ for t in doc[i + 1:i + 6] if not t.is_space]
    before = doc[i - 1].lower_ if i else ""
    if before not in PLACE_PREPOSITIONS and _RELATIVE_WHO.match(doc.text, token.idx + len(token.text)):
        return True  # never "in Preston, who knows"
    if after[:2] == ["from", "the"] and any(w in _UNIT_AFTER for w in after[2:5]):
        return True
    if after[:2] in (["at", "no"], ["at", "no."], ["at", "number"]) and any(t.like_num for t in doc[i + 3:i + 5]):
        return True
    return before == "the" and after[:1] != [] and after[0] in _FAMILY_AFTER


def _alone_in_its_entity(token) -> bool:
    """Whether the NER's entity is this one word (``Maxine`` called an organisation), not a longer name.
    (A one-word place stays a place: ``Marsh Lane, Preston``.)"""
    return token.ent_iob_ == "B" and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")


#: Verbs whose object is a person (``I take Lavinia to her sister's``).
_PERSON_OBJECT_VERBS = frozenset({"take", "took", "taking", "takes", "visit", "visited", "visiting", "ring", "rang",
                                  "phone", "phoned", "call", "called", "tell", "told", "ask", "asked", "help",
                                  "helped", "meet", "met", "thank", "thanked", "email", "emailed", "text", "texted",
                                  "drive", "drove", "collect", "collected", "introduce", "introduced", "know", "knew",
                                  "known"})


def _acts(token) -> bool:
    """Whether ``token`` acts or is acted on as a person: the subject of a verb, not after a preposition of
    place (``Agnieszka had``); followed by ``who`` (``so is Lavinia, who is``); or the object of a verb
    whose object is a person, before a preposition (``I take Lavinia to her sister's``)."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    then = doc[token.i + 2] if token.i + 2 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    if after is not None and (after.lower_ in ("who", "whose") or (
            after.text == "," and then is not None and then.lower_ in ("who", "whose"))):
        return True
    if (before is not None and before.lower_ in _PERSON_OBJECT_VERBS
            and after is not None and after.tag_ in ("IN", "TO")):
        return True
    return (after is not None and after.tag_ in ("VBD", "VBZ", "VBP", "MD")
            and (before is None or before.lower_ not in PLACE_PREPOSITIONS))


#: The name under which a run the context vouches for is reported: the detector takes it as a name even
#: when its first word is one no name is usually made of (a day, a month, ``Royal``, ``Major``).
VOUCHED = "VouchedNameRecognizer"


class GivenNameRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.86

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        for m in _RUN.finditer(text):
            for cell in _CELL_PIECE.finditer(text, m.start(1), m.end(1)):  # never across a table's cells
                whole = cell.group().split()
                if 2 <= len(whole) <= 3 and _vouched_by_context(text, cell.start(), cell.end(), whole):
                    # "Sunday Skillicorn, who ...": even a word trim_name or the blocked words drop
                    yield cell.start(), cell.end(), {"recognizer": VOUCHED}
                    continue
                start, end = trim_name(text, cell.start(), cell.end())
                start, end = cut_at_place(text, start, end)
                words = text[start:end].split()
                if len(words) < 2 or words[0].isupper() or place_word_follows(text, end):
                    continue
                if _names_a_person(words) and not _a_place_here(text, start, end, nlp_artifacts):
                    yield start, end, {}
        yield from _lone_given_names(getattr(nlp_artifacts, "tokens", None))
        for m in _FORMER_FORM.finditer(text):  # 'was "FUNG WAI MING RAYMOND"': a record's earlier form of a name
            words = re.split(r"[\s,]+", m.group(1).strip())
            if (not any(w.lower() in word_set("not_name_words") for w in words)
                    and not all(is_ordinary_word(w) for w in words)):
                yield m.start(1), m.end(1), {"recognizer": VOUCHED}
        for m in _WITH_ITS_INITIALS.finditer(text):  # "Notes from Hebe (HC):": a first name and its initials
            word = m.group(1)
            if (m.group(2)[0] == word[0] and (not is_ordinary_word(word) or is_given_name(word))
                    and word.lower() not in word_set("not_name_words")):
                yield m.start(1), m.end(1), {"recognizer": VOUCHED}
                yield m.start(2), m.end(2), {"recognizer": VOUCHED}
        for m in _WITH_A_PRONOUN.finditer(text):  # "you and Mirwais are", "Mirwais and I"
            word = m.group(1) or m.group(2)
            if not word.isupper() and not is_ordinary_word(word) and word.lower() not in word_set("not_name_words"):
                start = m.start(1) if m.group(1) else m.start(2)
                yield start, start + len(word), {}
        for m in _INITIALS_SURNAME.finditer(text):  # "J.R. Hartley-Moss", "D. Mbeki"
            surname = m.group(2)
            if not surname.isupper() and (is_surname(surname) or not is_ordinary_word(surname)):
                yield m.start(1), m.end(2), {}
        for m in _FAMILY_FIRST.finditer(text):
            given = m.group(2).split()
            if (is_given_name(given[0]) and not given[0].isupper() and not is_ordinary_word(given[0])
                    and m.group(1).lower() not in word_set("not_name_words") and not is_ordinary_word(m.group(1))):
                yield m.start(), m.end(), {}
        for m in NICKNAMED.finditer(text):  # Maureen "Mo" Lister
            first, last = m.group(1), m.group(3)
            if (not is_ordinary_word(first) or is_given_name(first)) and not is_ordinary_word(last):
                yield m.start(), m.end(), {}
        for m in _SURNAME_FIRST.finditer(text):  # "ST LOUIS, Darnell", "HO, Cheuk Yin"
            if is_given_name(m.group(2)) and m.group(1).lower() not in word_set("not_name_words"):
                end = m.end(2)
                for more in re.finditer(r"\S+", m.group(3)):  # further given names, up to an ordinary word
                    if is_ordinary_word(more.group()) and not is_given_name(more.group()):
                        break
                    end = m.start(3) + more.end()
                yield m.start(), end, {}
