"""Names that follow a title: ``Ms Jane Okoro``, ``Cllr O'Brien``, ``Dr J. Patel``.

The span is the name without its title. Up to four name words are taken;
the name may continue over one line break unless the next line starts with
an ordinary word ("Mr Smith\\nThe hearing..." stops at Smith).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..gazetteer import is_only_a_word
from ..vocabulary import PARTICLES, UPPER, data, is_date_word, is_stop, leads_a_name, name_run, titles_pattern, word_set
from .base import CodeRecognizer


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])(?:{titles_pattern()})[ \t]+({name_run(1, 4, newline=True)})")


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a run of capitalised words back to the part that can be a name."""
    words = list(re.finditer(r"\S+", text[start:end]))
    keep = []
    blocked = word_set("not_name_words")
    for i, w in enumerate(words):
        word = w.group()
        after_break = i and "\n" in text[start + words[i - 1].end():start + w.start()]
        rest_of_line = text[start + w.start():].split("\n", 1)[0]
        if after_break and (is_stop(word) or text[start + w.end():start + w.end() + 1] == ":"
                            or re.search(r"\d", rest_of_line) or is_only_a_word(word)):
            break  # the next line starts with an ordinary word ("Case Officer"), a label ("Dated:") or an address
        if word in PARTICLES and i:
            keep.append(w)
            continue
        if i == 0 and leads_a_name([x.group() for x in words]):
            keep.append(w)  # "Sunday" in "Sunday Skillicorn"
            continue
        if word.lower().rstrip(".") in blocked or (is_stop(word) and word.lower() not in word_set("word_names")):
            break
        if is_date_word(word) and re.match(r"[.,]?\s*\d", text[start + w.end():]):
            break  # "Thu 14 March": a date, not "Ms Thu ..."
        keep.append(w)
    while keep and keep[-1].group() in PARTICLES:
        keep.pop()
    if not keep:
        return start, start
    return start + keep[0].start(), start + keep[-1].end()


@lru_cache(maxsize=1)
def _capitals_pattern() -> re.Pattern[str]:
    """A title in capitals before a name in capitals, as transcripts and lists write them: ``MS DRUMMOND:``.

    Only a name in capitals follows: ``MS`` before anything else is as likely the illness."""
    titles = "|".join(re.escape(t.upper()) for t in sorted(data()["titles"], key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{titles})\.?[ \t]+({UPPER}{{2,}}(?:[-'\u2019]{UPPER}{{2,}})*"
                      rf"(?:[ \t]+{UPPER}{{2,}}(?:[-'\u2019]{UPPER}{{2,}})*)?)(?![\w\-])")


class TitledNameRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.9

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        for m in _pattern().finditer(text):
            start, end = trim_name(text, m.start(1), m.end(1))
            if end > start and not re.fullmatch(r"(?:[A-Z]\.?\s*)+", text[start:end]):
                yield start, end, {}
        for m in _capitals_pattern().finditer(text):
            if m.group(1).lower() not in word_set("not_name_words"):
                yield m.start(1), m.end(1), {}
