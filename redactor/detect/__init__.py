"""Detection: from a Document's text to Findings. Never sees a file format.

1. The blocks of the document go to spaCy in batches (``nlp.pipe`` through
   Presidio's ``process_batch``), then through Presidio's analyzer with the
   recognizers of ``models/recognizers.yaml``.
2. People: every name found anywhere, plus the user's ``--subject``/``--name``,
   is looked for again across the whole document (:mod:`.people`).
3. Disciplinary and special-category findings are kept only where their
   sentence is about a person (:mod:`.tie`).
4. Identifiers (emails, phone numbers, membership numbers...) found once are
   found wherever the same string recurs.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from presidio_analyzer import RecognizerResult

from ..document import Document, Finding
from .engine import DEFAULT_MODEL, analyzer
from .people import KnownPerson, People, find_mentions, name_words
from .tie import tied_to_person
from .types import canonical, kind

__all__ = ["Detector", "KnownPerson", "DEFAULT_MODEL"]

SCORE_THRESHOLD = 0.4
BATCH_SIZE = 64


class Detector:
    """Finds personal data and disciplinary details in Documents; one per process is enough."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        self.analyzer = analyzer(model)

    def detect(self, doc: Document, known: Sequence[KnownPerson] = ()) -> list[Finding]:
        """All findings in ``doc``, sorted by position."""
        raw: list[Finding] = []
        tags: dict[int, str] = {}
        sentences: list[tuple[int, int]] = []
        texts = [doc.text[b.start:b.end] for b in doc.blocks]
        batches = self.analyzer.nlp_engine.process_batch(texts, language="en", batch_size=BATCH_SIZE)
        for block, (text, artifacts) in zip(doc.blocks, batches):
            spacy_doc = artifacts.tokens
            for token in spacy_doc:
                tags[block.start + token.idx] = token.tag_
            sentences.extend((block.start + s.start_char, block.start + s.end_char) for s in spacy_doc.sents)
            results = self.analyzer.analyze(text=text, language="en", nlp_artifacts=artifacts,
                                            score_threshold=SCORE_THRESHOLD)
            raw.extend(_to_findings(results, block.start))

        people = People(known)
        for f in raw:
            if f.entity_type == "PERSON" and not _is_label(doc.text, f):
                people.add(name_words(doc.text[f.start:f.end]), f.role)
        findings = [f for f in raw if f.entity_type != "PERSON"]
        findings += find_mentions(doc.text, people, tags)
        findings = tied_to_person(doc.text, findings, sentences)
        findings += _recurrences(doc.text, findings)
        return _dedupe(findings)


def _to_findings(results: Iterable[RecognizerResult], offset: int) -> list[Finding]:
    out = []
    for r in results:
        entity_type = canonical(r.entity_type)
        if entity_type is None:
            continue
        meta = r.recognition_metadata or {}
        out.append(Finding(offset + r.start, offset + r.end, entity_type, round(float(r.score), 3),
                           meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown"), role=meta.get("role")))
    return out


def _is_label(text: str, f: Finding) -> bool:
    """A heading or field label the NER took for a name: ``Annex:`` at the start of a line."""
    line_start = text.rfind("\n", 0, f.start) + 1
    return not text[line_start:f.start].strip() and text[f.end:f.end + 1] == ":"


def _recurrences(text: str, findings: list[Finding]) -> list[Finding]:
    """Identifiers found once, found again wherever the same string recurs."""
    covered = {(f.start, f.end) for f in findings}
    seen: set[str] = set()
    extra: list[Finding] = []
    for f in findings:
        value = text[f.start:f.end]
        if kind(f.entity_type) != "identifier" or f.entity_type == "PERSON" or len(value) < 4 or value in seen:
            continue
        seen.add(value)
        pattern = r"\s+".join(re.escape(part) for part in value.split())
        for m in re.finditer(rf"(?<![\w@.\-]){pattern}(?![\w@\-])", text, re.I):
            if (m.start(), m.end()) not in covered:
                extra.append(Finding(m.start(), m.end(), f.entity_type, f.score, "Recurrence"))
    return extra


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (span, type), the best-scoring; sorted by position."""
    best: dict[tuple[int, int, str], Finding] = {}
    for f in findings:
        key = (f.start, f.end, f.entity_type)
        if key not in best or f.score > best[key].score:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, -f.end, f.entity_type))
