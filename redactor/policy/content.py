"""Judging content rather than entities: sections withheld for their category, sentences removed by kind.

A section whose Confidential Matters category the path withholds becomes one
``SECTION`` region. When withheld sections make up ``withhold_share`` of the
document's text, the document is withheld whole (:class:`~redactor.errors.Withheld`,
exit 5): no copy of boxes is written. In sections about a disciplinary case, the path's
``sentences`` map removes sentences by kind (outcome, allegation, evidence, procedure, other).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..classify import Classification, Label
from ..document import Finding
from .decide import Judgement
from .schema import DisclosurePath

SENTENCE_TYPES = {"outcome": "OUTCOME", "allegation": "ALLEGATION", "evidence": "EVIDENCE",
                  "procedure": "PROCEDURE", "other": "STATEMENT"}
DISCIPLINARY = "5bc-disciplinary"


@dataclass(frozen=True)
class WithheldDocument:
    """Why a whole document is withheld: its leading withheld category."""

    label: str
    paragraph: str
    share: float


def withheld_label(labels: Sequence[Label], path: DisclosurePath) -> Label | None:
    """The strongest of ``labels`` that the path withholds, if any."""
    if any(path.category_action(lab.label) == "disclose" for lab in labels):
        return None
    held = [lab for lab in labels if path.category_action(lab.label) == "withhold"]
    return max(held, key=lambda lab: lab.score) if held else None


def judge_sections(text: str, classification: Classification,
                   path: DisclosurePath) -> tuple[list[Judgement], WithheldDocument | None]:
    out: list[Judgement] = []
    held_chars = 0
    total = sum(1 for ch in text if not ch.isspace()) or 1
    for section in classification.sections:
        lab = withheld_label(section.labels, path)
        if lab is None:
            continue
        held_chars += sum(1 for ch in text[section.start:section.end] if not ch.isspace())
        start, end = _trim(text, section.start, section.end)
        if end <= start:
            continue
        finding = Finding(start, end, "SECTION", lab.score, "confidential-matters")
        reason = (f"{path.name} (para. {path.paragraph}): a Confidential Matter ({lab.label}, para. {lab.paragraph}) "
                  "that this path does not disclose")
        out.append(Judgement(finding, "withhold", reason, category=lab.label, category_paragraph=lab.paragraph))
    share = held_chars / total
    doc_label = withheld_label(classification.categories, path)
    if not path.never_withhold and doc_label is not None and out and share >= path.withhold_share:
        return out, WithheldDocument(doc_label.label, doc_label.paragraph, share)
    return out, None


def judge_sentences(text: str, classification: Classification, path: DisclosurePath,
                    sentence_kinds: Callable[[str, int, int], list]) -> list[Judgement]:
    """Sentences removed by kind, in the sections about a disciplinary case."""
    removing = {k for k, action in path.sentences.items() if action == "redact"}
    if not removing:
        return []
    out = []
    for section in classification.sections:
        if DISCIPLINARY not in section.names:
            continue
        for sent in sentence_kinds(text, section.start, section.end):
            if sent.kind in removing:
                finding = Finding(sent.start, sent.end, SENTENCE_TYPES[sent.kind], sent.score, "sentence-kind")
                out.append(Judgement(finding, "redact", f"{path.name} (para. {path.paragraph}): a sentence of "
                                                        f"kind '{sent.kind}', which this path does not disclose"))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
