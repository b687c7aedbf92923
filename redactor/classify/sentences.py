"""Sentence kinds of a disciplinary text: outcome, allegation, evidence, procedure or other.

Sentences are cut with spaCy's sentencizer plus redactor's layout-break
component (a heading or an address line is its own sentence) and cell-break
component (each cell of a table row is its own sentence), then scored by
the trained ``textcat`` in ``models/classification/sentences-model``. The
``complainant-outcome`` path (paragraph 9(f)) keeps only outcome sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import spacy

from ..detect.sentences import CELL_BREAKS
from ..detect.sentences import COMPONENT as LAYOUT_BREAKS
from . import _load_textcat

KINDS = ("outcome", "allegation", "evidence", "procedure", "other")
MIN_WORDS = 6  # a shorter line without closing punctuation is a heading, an address line or a field


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    kind: str
    score: float


class SentenceClassifier:
    def __init__(self) -> None:
        self.splitter = spacy.blank("en")
        self.splitter.add_pipe("sentencizer")
        self.splitter.add_pipe(LAYOUT_BREAKS)
        self.splitter.add_pipe(CELL_BREAKS)
        self.textcat = _load_textcat("sentences-model")

    def split(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        end = len(text) if end is None else end
        doc = self.splitter(text[start:end])
        out = []
        for sent in doc.sents:
            s, e = sent.start_char, sent.end_char
            chunk = sent.text
            s += len(chunk) - len(chunk.lstrip())
            e -= len(chunk) - len(chunk.rstrip())
            if e > s:
                out.append((start + s, start + e))
        return out

    def classify(self, text: str, spans: list[tuple[int, int]]) -> list[Sentence]:
        """The kind of each sentence ``text[s:e]``; headings, address lines and fields are ``other``."""
        out: list[Sentence] = []
        wordy = [(s, e) for s, e in spans if _is_sentence(text[s:e])]
        docs = self.textcat.pipe(text[s:e] for s, e in wordy)
        scored = {span: max(doc.cats.items(), key=lambda kv: kv[1]) for span, doc in zip(wordy, docs)}
        for span in spans:
            kind, score = scored.get(span, ("other", 1.0))
            out.append(Sentence(span[0], span[1], kind, float(score)))
        return out


def _is_sentence(chunk: str) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", chunk)
    if "\n" in chunk.strip() and not chunk.rstrip().endswith((".", "!", "?", ";")):
        return False
    return len(words) >= MIN_WORDS or (len(words) >= 2 and chunk.rstrip().endswith((".", "!", "?")))
