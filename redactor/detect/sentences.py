"""A spaCy component that also starts sentences at layout breaks.

spaCy's sentencizer splits on punctuation only, so a heading, a letterhead
line or a table row runs into the next sentence. This component, run after
it, starts a new sentence after a blank line, and after a short line without
closing punctuation when the next line starts with a capital (a heading or a
field). Hard-wrapped prose is left alone: its lines are long.
"""
from __future__ import annotations

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
