"""The lines of a text as (start, end) offsets, newline excluded."""
from __future__ import annotations

import re


def line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans
