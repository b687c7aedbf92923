"""Removed values outside the visible text: hyperlink targets, field codes, alt text.

A name or e-mail address removed from the text often survives elsewhere in
the package: a ``mailto:`` hyperlink target in a ``.rels`` part, a
``HYPERLINK "mailto:..."`` field code (``w:instrText`` / ``w:fldSimple``), an
image's description. Every occurrence of a removed value there is replaced
(case-insensitively) so the verifier, which reads every part, finds nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from docx.opc.part import XmlPart

from .layout import w

MARK = "[REDACTED]"
INSTR_TEXT = w("instrText")
FLD_SIMPLE = w("fldSimple")
INSTR = w("instr")
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def _pattern(values: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({v.strip() for v in values if len(v.strip()) >= 3}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(r"\s*".join(re.escape(p) for p in v.split()) for v in words), re.I)


def scrub_hidden(document: Any, removed: Iterable[str]) -> None:
    pattern = _pattern(removed)
    if pattern is None:
        return
    package = document.part.package
    for rels in [package.rels, *(part.rels for part in package.iter_parts())]:
        for rel in rels.values():
            if rel.is_external and pattern.search(rel.target_ref):
                rel._target = pattern.sub(MARK, rel.target_ref)  # noqa: SLF001 (no public setter)
    for part in package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        for element in part.element.iter(INSTR_TEXT, FLD_SIMPLE, DOC_PR):
            if element.tag == INSTR_TEXT and element.text and pattern.search(element.text):
                element.text = pattern.sub(MARK, element.text)
            for attr in (INSTR, "descr", "title"):
                value = element.get(attr)
                if value and pattern.search(value):
                    element.set(attr, pattern.sub(MARK, value))
