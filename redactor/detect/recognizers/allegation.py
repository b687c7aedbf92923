"""Allegations: the whole sentence that states what a person is alleged to have done.

A sentence is an allegation when it carries one of the cues in
``models/detection.yaml`` (``allegation_cues``). Whether it is about a person
is decided later, for all tied types at once (see ``redactor.detect.tie``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..vocabulary import data
from .base import CodeRecognizer, sentence_bounds


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in data()["allegation_cues"]), re.I)


class AllegationRecognizer(CodeRecognizer):
    ENTITY = "ALLEGATION"
    SCORE = 0.7

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        cue = _cue()
        for s, e in sentence_bounds(text, nlp_artifacts):
            sentence = text[s:e]
            if cue.search(sentence):
                stripped = sentence.rstrip()
                lead = len(sentence) - len(sentence.lstrip())
                yield s + lead, s + len(stripped), {}
