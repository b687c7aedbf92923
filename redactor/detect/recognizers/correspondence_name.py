"""Names in the places correspondence puts them.

* salutations: ``Dear Jane,`` / ``Dear Mr Okoro``
* sign-offs: the line after ``Yours sincerely,`` (or the rest of its line)
* ``Label: value`` lines whose label names a person (``From:``, ``Complainant:``,
  ``Panel members:``), each name of a list; the label's role is kept as metadata.
* the sender of each message of a pasted chat export (``[14/05 09:12] Tsang, Wing Yan: ...``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..vocabulary import (
    NAME_WORD_RE,
    PARTICLES,
    data,
    is_date_word,
    looks_like_name,
    name_run,
    titles_pattern,
    word_set,
)
from .base import CodeRecognizer

_NAME = name_run(1, 4)


@lru_cache(maxsize=1)
def _salutation() -> re.Pattern[str]:
    return re.compile(rf"\bDear[ \t]+(?:(?:{titles_pattern()})[ \t]+)?({_NAME})[ \t]*(?=[,:!\n]|$)", re.M)


@lru_cache(maxsize=1)
def _sign_off() -> re.Pattern[str]:
    offs = "|".join(re.escape(s) for s in sorted(data()["sign_offs"], key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?i:{offs})[ \t]*[,.:!]?[ \t]*(?:\n[ \t]*)*?(?:\n|[ \t]+)[ \t]*"
                      rf"(?:(?:{titles_pattern()})[ \t]+)?({_NAME})[ \t]*(?:,.*)?$", re.M)


_CHAT_LINE = re.compile(
    r"(?m)^[ \t]*\[?[ \t]*\d{1,2}[/.:-]\d{1,2}(?:[/.:-]\d{2,4})?(?:,?[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*\]?[ \t]*"
    r"[-\u2013]?[ \t]*([^:\n\[\]]{2,40}?)[ \t]*:(?=\s)")


@lru_cache(maxsize=1)
def _field() -> re.Pattern[str]:
    labels = "|".join(re.escape(k) for k in sorted(data()["person_fields"], key=len, reverse=True))
    return re.compile(rf"^[ \t]*((?i:{labels}))(?:[ \t]*:|[ \t]{{2,}}|\t)[ \t]*(.+)$", re.M)


def _names_in_list(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Each name in a comma/semicolon/'and' separated list, skipping e-mail parts, brackets and titles."""
    value = text[start:end]
    blanked = re.sub(r"<[^>]*>|\S+@\S+|\([^)]*\)", lambda m: " " * len(m.group()), value)
    for part in re.finditer(r"[^,;()<>\"\[\]]+", blanked):
        for piece in re.finditer(r"(?:(?!\s+(?:and|&)\s+).)+", part.group()):
            tokens = list(re.finditer(r"\S+", piece.group()))
            while tokens and re.fullmatch(titles_pattern(), tokens[0].group()):
                tokens = tokens[1:]
            words = [t.group() for t in tokens]
            if not looks_like_name(words):
                words = _leading_name(words)
            if words and words[0].lower() not in word_set("generic_addressees"):
                base = start + part.start() + piece.start()
                yield base + tokens[0].start(), base + tokens[len(words) - 1].end()


def _leading_name(words: list[str]) -> list[str]:
    """The name at the start of a field value that goes on in prose: ``Gurpreet Bains reported ...``."""
    run: list[str] = []
    for w in words[:5]:
        if not NAME_WORD_RE.fullmatch(w) and w not in PARTICLES:
            break
        run.append(w)
    while len(run) >= 2 and not looks_like_name(run):
        run.pop()
    return run if len(run) >= 2 else []


class CorrespondenceNameRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.88
    DOCUMENT_LEVEL = True  # a sign-off and the name under it can sit in different paragraphs

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        generic = word_set("generic_addressees")
        for m in _salutation().finditer(text):
            words = m.group(1).split()
            if looks_like_name(words) and words[0].lower() not in generic:
                yield m.start(1), m.end(1), {}
        for m in _sign_off().finditer(text):
            if looks_like_name(m.group(1).split()):
                yield m.start(1), m.end(1), {}
        for m in _CHAT_LINE.finditer(text):  # the sender of each message of a chat export
            sender = m.group(1)
            words = [w.strip(",") for w in sender.split()]
            if words and all(NAME_WORD_RE.fullmatch(w) or re.fullmatch(r"[A-Z]\.?", w) for w in words) \
                    and not any(w.lower() in word_set("not_name_words") for w in words) \
                    and not all(is_date_word(w) for w in words):
                yield m.start(1), m.end(1), {}
        roles = {k.lower(): v for k, v in data()["person_fields"].items()}
        for m in _field().finditer(text):
            role = roles.get(m.group(1).lower())
            for s, e in _names_in_list(text, m.start(2), m.end(2)):
                yield s, e, ({"role": role} if role else {})
