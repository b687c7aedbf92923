"""The marks redactor writes in place of what it removes: ``[PERSON]``, ``[REDACTED 9(c)]``, ``[ENC:...]``.

A document redactor has already been through (or one that quotes such marks)
holds them; they are never personal data, so detection reads them as blank
space and the verifier does not take their type words for leaked values.
"""
from __future__ import annotations

import re

#: One mark: a bracketed upper-case type, perhaps with a reason or payload after a space or colon.
MARK = re.compile(r"\[[A-Z][A-Z0-9_]*(?:[:\s][^\]\n]{0,200})?\]")


def blank_marks(text: str) -> str:
    """``text`` with every mark replaced by spaces of the same length (offsets unchanged)."""
    if "[" not in text:
        return text
    return MARK.sub(lambda m: " " * len(m.group()), text)


def without_marks(text: str) -> str:
    """``text`` with every mark replaced by one space."""
    return MARK.sub(" ", text)
