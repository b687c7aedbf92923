"""Names next to the role a document gives them.

``the complainant, Jane Okoro``, ``her husband Tom``, ``Jane Okoro (Chair)``,
``Jane Okoro, Regional Director``: a run of name words right after a role noun
(``role_nouns`` in ``models/detection.yaml``) or right before one in brackets or
after a comma is a person. A case role (complainant, subject, witness, officer)
is kept as metadata for the report.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..vocabulary import data, looks_like_name, name_run
from .base import CodeRecognizer


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str | None]]:
    roles = {k.lower(): v for k, v in data()["role_nouns"].items()}
    alternation = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    before = re.compile(rf"(?i:\b(?:the|our|your|his|her|their|a|an|fellow)\s+(?:[\w-]+\s+)?({alternation}))"
                        rf"[ \t]*,?[ \t]+({name_run(1, 4)})(?=[ \t]*[,.;:)\n]|[ \t]+(?-i:[a-z]))")
    after = re.compile(rf"({name_run(2, 4)})[ \t]*(?:\([ \t]*|,[ \t]*(?:the[ \t]+)?)"
                       rf"(?i:[\w-]+[ \t]+)?(?i:({alternation}))\b")
    return before, after, roles


class RoleNameRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.87

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        before, after, roles = _patterns()
        for m in before.finditer(text):
            if looks_like_name(m.group(2).split()):
                role = roles.get(m.group(1).lower())
                yield m.start(2), m.end(2), ({"role": role} if role else {})
        for m in after.finditer(text):
            if looks_like_name(m.group(1).split()):
                role = roles.get(m.group(2).lower())
                yield m.start(1), m.end(1), ({"role": role} if role else {})
