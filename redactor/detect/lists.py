"""People named beside a person: ``Zarmina Sharifi, Radoslav Kolev and Cosmin``.

A list is a run of items separated by commas, semicolons, slashes, ``&``,
``and`` or ``or``. Once one item of a list is a person, a neighbouring item that
is shaped like a name (capitalised words, optionally after a title) is a
person too, unless one of its words is an ordinary English word, a place or
organisation word, or a word spaCy calls a place. The search runs again from
every new person, so a whole list is taken from any one name in it. Bulleted or
numbered lists whose lines are names and nothing else count as lists too.

This finds the names the small NER model and the gazetteer both miss (names
of origins the gazetteer does not cover) wherever they are listed with a
name it does find: canvassers, panel members, apologies, copy lists.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .gazetteer import is_only_a_word
from .vocabulary import NAME_WORD, PARTICLES, titles_pattern, used_as_a_modifier, word_set

#: Spaces, or one line break with spaces around it.
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
#: Between two items of a list: a comma, semicolon, slash or ampersand, and/or a conjunction.
_SEPARATOR = rf"(?:[ \t]*[,;/&](?:{_GAP}(?:and|or))?{_GAP}?|{_GAP}(?:and|or){_GAP})"
_PARTICLE = "(?:" + "|".join(PARTICLES) + ")"
#: One item: an optional title, then one to three name words (particles allowed between them), one space
#: apart (a tab or a run of spaces separates table cells, not the words of a name).
_ITEM = (rf"(?:(?:{titles_pattern()})[ \t]+)?"
         rf"(?P<name>{NAME_WORD}(?: (?:{_PARTICLE} )*{NAME_WORD}){{0,2}})")
#: A role in brackets after an item: ``Tharshini Vigneswaran (chair), Kudakwashe Nyamande``.
_ROLE = r"(?:[ \t]*\([^()\n]{1,30}\))?"
#: What may follow the last item of a list: punctuation, a bracket, the end of the line, another item.
_END = rf"(?=[ \t]*(?:[,;.:!?)(&/\n]|$)|{_GAP}(?:and|or)\b)"
_AFTER = re.compile(rf"{_ROLE}{_SEPARATOR}{_ITEM}{_END}")
_BEFORE = re.compile(rf"(?<![\w\-'\u2019.]){_ITEM}{_ROLE}{_SEPARATOR}$")
#: A line of a bulleted or numbered list whose item is a name and nothing else.
_BULLET_LINE = re.compile(rf"(?m)^[ \t]*(?:[-*\u2022\u00b7\u2013]|\d{{1,2}}[.)])[ \t]+{_ITEM}{_ROLE}"
                          rf"[ \t]*[,;.]?[ \t]*$")
#: How far before a person the previous item of a list may start.
REACH = 60


def listed_people(text: str, people: Iterable[tuple[int, int]], places: frozenset[str] = frozenset()
                  ) -> list[tuple[int, int]]:
    """Spans of names listed next to the person spans ``people`` (and next to those, in turn).

    ``places`` are lower-cased words spaCy calls a place in this document: no word of a name.
    """
    known = {span for span in people}
    todo = sorted(known)
    found: list[tuple[int, int]] = []
    while todo:
        start, end = todo.pop()
        for span in _neighbours(text, start, end, places):
            if span not in known and not any(s < span[1] and span[0] < e for s, e in known):
                known.add(span)
                found.append(span)
                todo.append(span)
    return sorted(found)


def _neighbours(text: str, start: int, end: int, places: frozenset[str]) -> list[tuple[int, int]]:
    out = []
    after = _AFTER.match(text, end)
    if after and _is_name(after.group("name"), places) and not used_as_a_modifier(text, after.group("name")):
        out.append((after.start("name"), after.end("name")))
    out.extend(_bullet_neighbours(text, start, end, places))
    paragraph_start = text.rfind("\n\n", 0, start) + 1
    before = _BEFORE.search(text, max(paragraph_start, start - REACH), start)
    if before and _is_name(before.group("name"), places) and not used_as_a_modifier(text, before.group("name")):
        out.append((before.start("name"), before.end("name")))
    return out


def _bullet_neighbours(text: str, start: int, end: int, places: frozenset[str]) -> list[tuple[int, int]]:
    """Names on the bullet lines right above and below a bullet line that is a person's name."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    own = _BULLET_LINE.match(text, line_start, line_end)
    if not own or own.start("name") > start or own.end("name") < end:
        return []
    out = []
    above_end = line_start - 1
    if above_end > 0:
        above = _BULLET_LINE.match(text, text.rfind("\n", 0, above_end) + 1, above_end)
        if above and _is_name(above.group("name"), places):
            out.append((above.start("name"), above.end("name")))
    if line_end < len(text):
        below_end = text.find("\n", line_end + 1)
        below = _BULLET_LINE.match(text, line_end + 1, len(text) if below_end < 0 else below_end)
        if below and _is_name(below.group("name"), places):
            out.append((below.start("name"), below.end("name")))
    return out


def _is_name(value: str, places: frozenset[str]) -> bool:
    words = [w for w in value.split() if w not in PARTICLES]
    if not words:
        return False
    blocked = word_set("not_name_words") | word_set("place_words")
    for word in words:
        folded = word.lower().rstrip(".")
        if folded in blocked or folded in places:
            return False
        if is_only_a_word(word) and word == words[-1]:
            return False  # "Finance and Audit": ordinary words, not names (but "Peregrine Gravenor" is one)
    if len(words) == 1 and (len(words[0]) < 3 or words[0].isupper()):
        return False  # "UK", "EC": an abbreviation, not a one-word name
    return True
