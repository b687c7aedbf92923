"""A small base for redactor's code recognizers."""
from __future__ import annotations

from collections.abc import Iterable

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


class CodeRecognizer(LocalRecognizer):
    """A recognizer for one entity type; subclasses implement :meth:`spans`."""

    ENTITY = ""
    #: Further entity names a recognizer may give through ``{"entity": ...}`` in its metadata.
    EXTRA_ENTITIES: tuple[str, ...] = ()
    SCORE = 0.8
    #: True when the rule needs the whole document, not one block: the detector also runs it on the full text.
    DOCUMENT_LEVEL = False

    def __init__(self, supported_language: str = "en", name: str | None = None) -> None:
        super().__init__(supported_entities=[self.ENTITY, *self.EXTRA_ENTITIES],
                         supported_language=supported_language, name=name)

    def load(self) -> None:  # nothing to load: the data is read on first use
        pass

    def spans(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterable[tuple[int, int, dict]]:
        """Yield ``(start, end, metadata)`` for each finding in ``text``."""
        raise NotImplementedError

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and not set(self.supported_entities) & set(entities):
            return []
        results = []
        for start, end, meta in self.spans(text, nlp_artifacts):
            if end <= start:
                continue
            name = meta.pop("recognizer", self.name)  # a finding some other rule should judge
            explanation = AnalysisExplanation(recognizer=name, original_score=self.SCORE)
            entity = meta.pop("entity", self.ENTITY)
            metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id, **meta}
            results.append(RecognizerResult(entity, start, end, self.SCORE, explanation, metadata))
        return results


def sentence_bounds(text: str, nlp_artifacts: NlpArtifacts | None) -> list[tuple[int, int]]:
    """Character bounds of the sentences of ``text`` (one sentence if spaCy gave none)."""
    doc = getattr(nlp_artifacts, "tokens", None)
    if doc is None or not doc.has_annotation("SENT_START"):
        return [(0, len(text))]
    return [(s.start_char, s.end_char) for s in doc.sents]
