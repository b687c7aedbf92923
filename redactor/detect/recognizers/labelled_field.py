"""Special-category data and address lines in labelled fields: the value is about the record's person.

* ``Ethnicity: White - Other (Hungarian). Religion: Roman Catholic.`` (several fields in a line of notes)
* ``Ethnic group          Black or Black British - African (Eritrean)`` (a form laid out in two columns)
* ``Monitoring: Vietnamese, Buddhist.`` (one label over a list: each part typed by what it says)
* ``Address line 2: Kingsbury``, ``Town: Harrow`` (a record's address in fields)

The labels and the words that type a monitoring list's parts are data (``labelled_fields`` and
``monitoring_parts`` in ``models/detection.yaml``). An empty answer ("Prefer not to say", "None")
is no finding.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..vocabulary import data
from .base import CodeRecognizer
from .table_column import empty_cells

#: The kind whose label heads a list of answers of several kinds.
MONITORING = "MONITORING"
#: What a monitoring list's part is when no word of ``monitoring_parts`` types it.
DEFAULT_PART = "ETHNICITY"


#: How a value ends: a full stop before the next field or the line's end, a semicolon, a bar, a column gap.
_VALUE = r"(?P<value>[^\n;|]+?)[ \t]*(?=\.[ \t]|\.?[ \t]*$|;|\||[ \t]{2,}|\t)"


@lru_cache(maxsize=1)
def _fields() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``Label: value`` wherever a field starts (a line, after a full stop, semicolon or bar, or after a
    column gap), and ``Label   value`` (a column gap after the label) at the start of a line or a column."""
    labels = "|".join(f"(?:{p})" for ps in data()["labelled_fields"].values() for p in ps)
    start = r"(?:^|(?<=[.;|][ \t])|(?<=[ \t]{2})|(?<=\t))"
    colon = re.compile(rf"(?im){start}[ \t]*(?P<label>{labels})[ \t]*:[ \t]*{_VALUE}")
    gap = re.compile(rf"(?im)(?:^[ \t]*|(?<=[ \t]{{3}})|(?<=\S\t))(?P<label>{labels})(?:\t|[ \t]{{2,}})[ \t]*{_VALUE}")
    return colon, gap


@lru_cache(maxsize=1)
def _labels() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(p, re.I)) for kind, patterns in data()["labelled_fields"].items() for p in patterns]


def _kind_of(label: str) -> str | None:
    label = label.strip()
    return next((kind for kind, pattern in _labels() if pattern.fullmatch(label)), None)


@lru_cache(maxsize=1)
def _part_kinds() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(p, re.I)) for kind, p in data()["monitoring_parts"].items()]


#: Answers that give nothing: "None declared", "Prefer not to say", "Not known".
_NO_ANSWER = re.compile(r"(?i)(?:none|prefer not|not (?:declared|stated|known|given|recorded|disclosed)|n/?a\b|tbc)")


def _empty(value: str) -> bool:
    cleaned = value.strip(" \t.:-_").lower()
    label = re.match(r"([^:]+):", cleaned)
    return not cleaned or cleaned in empty_cells() \
        or _NO_ANSWER.match(cleaned) is not None \
        or _kind_of(cleaned) is not None or (label is not None and _kind_of(label.group(1)) is not None)


#: The most words a field's answer runs to; more is prose ("Faith: the party's faith groups are ...").
ANSWER_WORDS = 10
_PROSE_START = re.compile(r"(?i)(?:the|a|an|this|these|our|we|it|is|are|was|were|to|of|in|for|and)\b")


def _an_answer(value: str) -> bool:
    return len(value.split()) <= ANSWER_WORDS and not _PROSE_START.match(value.strip())


def _parts(value: str, start: int) -> Iterable[tuple[int, int, str]]:
    """The comma-separated parts of a monitoring list (commas in brackets stay inside a part), typed."""
    depth, begin = 0, 0
    for i, ch in enumerate(value + ","):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth <= 0:
            part = value[begin:i]
            lead = len(part) - len(part.lstrip())
            part = part.strip()
            if part and not _empty(part):
                kind = next((k for k, p in _part_kinds() if p.search(part)), DEFAULT_PART)
                yield start + begin + lead, start + begin + lead + len(part), kind
            begin = i + 1


class LabelledFieldRecognizer(CodeRecognizer):
    ENTITY = "ETHNICITY"
    EXTRA_ENTITIES = ("RELIGION", "HEALTH", "SEXUAL_ORIENTATION", "ADDRESS", "TRADE_UNION")
    SCORE = 0.6

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        colon, gap = _fields()
        # an address line's label takes a colon: "Town or city   Park and meeting point" is a table's header
        gapped = [m for m in gap.finditer(text) if _kind_of(m.group("label")) != "ADDRESS"]
        for m in (*colon.finditer(text), *gapped):
            value, kind = m.group("value"), _kind_of(m.group("label"))
            if kind is None or _empty(value) or "_" * 3 in value or not _an_answer(value):
                continue  # an answer left blank on a form ("Ethnicity: ________"), or prose under a heading
            if kind == MONITORING:
                for start, end, part_kind in _parts(value, m.start("value")):
                    yield start, end, {"entity": part_kind}
            else:
                yield m.start("value"), m.end("value"), {"entity": kind}
