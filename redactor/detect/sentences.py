"""A spaCy component that also starts sentences at layout breaks.

spaCy's sentencizer splits on punctuation only, so a heading, a letterhead
line or a table row runs into the next sentence. This component, run after
it, starts a new sentence after a blank line, and after a short line without
closing punctuation when the next line starts with a capital (a heading or a
field). Hard-wrapped prose is left alone: its lines are long.

A second component, for the sentence-kind classifier only, starts a sentence at
each cell of a text-table row (a tab, or three spaces or more inside a line).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

SHORT_LINE = 50
COMPONENT = "redactor_layout_breaks"


@Language.component(COMPONENT)
def layout_breaks(doc: Doc) -> Doc:
    text = doc.text
    for token in doc[1:]:
        before = text[: token.idx]
        gap = before[len(before.rstrip()):]
        if "\n" not in gap:
            continue
        if gap.count("\n") >= 2:
            token.is_sent_start = True
            continue
        line = before.rstrip()
        line = line[line.rfind("\n") + 1:].strip()
        if token.text[:1].isupper() and len(line) < SHORT_LINE and not line.endswith((",", ";", ":", "-", "(")):
            token.is_sent_start = True
    return doc


CELL_BREAKS = "redactor_cell_breaks"
#: A gap this wide inside a line separates the cells of a text table.
CELL_GAP = re.compile(r"\t|[ ]{3,}")


@Language.component(CELL_BREAKS)
def cell_breaks(doc: Doc) -> Doc:
    """Each cell of a table row is a sentence of its own: ``3   Not proved   That the respondent...``
    holds a finding (an outcome) and a charge (an allegation), which paths treat differently."""
    text = doc.text
    for token in doc[1:]:
        if token.is_space:
            continue
        before = doc[token.i - 1]
        while before.i > 0 and before.is_space and "\n" not in before.text:
            before = doc[before.i - 1]  # spaCy keeps a run of spaces as a token of its own
        gap = text[before.idx + len(before.text):token.idx]
        if "\n" not in gap and CELL_GAP.search(gap):
            token.is_sent_start = True
    return doc
