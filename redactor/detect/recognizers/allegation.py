"""Allegations: the whole sentence that states what a person is alleged to have done.

A sentence is an allegation when it carries one of the cues in
``models/detection.yaml`` (``allegation_cues``). Whether it is about a person
is decided later, for all tied types at once (see ``redactor.detect.tie``).

A list a lead-in introduces (``It is alleged that you:``, ``The matters investigated were whether
the respondent:``) holds one allegation per item; the lead-in says whom they are about, so the items
are found as ``AllegationList`` findings, which need no further tie.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..lines import line_spans
from ..vocabulary import data
from .base import CodeRecognizer, sentence_bounds


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in data()["allegation_cues"]), re.I)


#: An abbreviation the sentence splitter takes for a full stop: ``resp.``, ``comp.``, ``Alleg.``, ``approx.``.
_ABBREVIATION_END = re.compile(r"(?i)\b(?:resp|comp|mbr|approx|alleg|cllr|mr|mrs|ms|dr|no|ref|tel|etc|vs|v|st)\.\s*$")


def _whole_sentences(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence bounds with a sentence that ends on an abbreviation joined to the next one."""
    joined: list[tuple[int, int]] = []
    for s, e in bounds:
        if joined and _ABBREVIATION_END.search(text, joined[-1][0], joined[-1][1]):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


class AllegationRecognizer(CodeRecognizer):
    ENTITY = "ALLEGATION"
    SCORE = 0.7

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        cue = _cue()
        for s, e in _whole_sentences(text, sentence_bounds(text, nlp_artifacts)):
            sentence = text[s:e]
            if cue.search(sentence):
                stripped = sentence.rstrip()
                lead = len(sentence) - len(sentence.lstrip())
                yield s + lead, s + len(stripped), {}


@lru_cache(maxsize=1)
def _lead_in() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in data()["allegation_list_leads"]), re.I)


#: A list item's mark: ``-``, ``*``, ``(a)``, ``b)``, ``1.``, ``(iv)``.
_ITEM = re.compile(r"[ \t]*(?:[-*\u2022\u2013]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])[ \t]+(?=\S)")
#: How far back from its colon a lead-in's sentence may start.
LEAD_REACH = 200


def _lead_text(text: str, colon: int) -> str:
    """The sentence that ends at ``colon``: from the last full stop or blank line before it."""
    start = max(0, colon - LEAD_REACH)
    cut = max(text.rfind(".", start, colon), text.rfind("\n\n", start, colon))
    return text[(cut + 1 if cut >= 0 else start):colon + 1]


def allegation_list_items(text: str) -> Iterable[tuple[int, int]]:
    """Each item of every list an allegation lead-in introduces, without its mark."""
    lines = line_spans(text)
    cue, lead = _cue(), _lead_in()
    for i, (s, e) in enumerate(lines):
        line = text[s:e].rstrip()
        if not line.endswith(":"):
            continue
        intro = _lead_text(text, s + len(line) - 1)
        if not (cue.search(intro) or lead.search(intro)):
            continue
        item: tuple[int, int] | None = None
        blank = False
        for ls, le in lines[i + 1:]:
            body = text[ls:le]
            mark = _ITEM.match(body)
            if not body.strip():
                blank = True
                continue
            if mark:
                if item:
                    yield item
                item, blank = (ls + mark.end(), ls + len(body.rstrip())), False
            elif item and not blank:
                item = (item[0], ls + len(body.rstrip()))  # the item wraps onto this line
            else:
                break
        if item:
            yield item


class AllegationListRecognizer(CodeRecognizer):
    ENTITY = "ALLEGATION"
    SCORE = 0.7
    DOCUMENT_LEVEL = True  # a lead-in and its items may sit in different paragraphs

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        for start, end in allegation_list_items(text):
            yield start, end, {}
