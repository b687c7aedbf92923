"""The classifier's cue patterns, as the span ruler is given them, find what the configured ones find."""
from __future__ import annotations

import pytest
import spacy
from conftest import SAMPLES
from spacy.pipeline.span_ruler import SpanRuler

from redactor.classify import Classifier, _as_phrases
from redactor.classify.sections import split_sections
from redactor.resources import model_yaml


def test_a_pattern_of_plain_words_becomes_its_phrases() -> None:
    tokenizer = spacy.blank("en").tokenizer
    pattern = [{"LOWER": {"IN": ["strictly", "highly", "strictly"]}}, {"LOWER": "confidential"}]
    assert _as_phrases(pattern, tokenizer) == ["strictly confidential", "highly confidential"]
    for kept in ([{"LOWER": {"IN": ["whip", "the"]}, "OP": "?"}, {"LOWER": "whip"}],  # an operator
                 [{"TEXT": {"IN": ["NEC", "NCC"]}}, {"LOWER": "confidential"}],  # not LOWER
                 [{"LOWER": "e-mail"}, {"LOWER": "address"}]):  # "e-mail" is three tokens
        assert _as_phrases(kept, tokenizer) == [kept]
    assert _as_phrases("private and confidential", tokenizer) == ["private and confidential"]


@pytest.fixture(scope="module")
def rulers() -> tuple:
    """The classifier (expanded patterns) and a span ruler holding the configured patterns as written."""
    classifier = Classifier()
    config = model_yaml("classification/categories.yaml")
    written = SpanRuler(classifier.nlp, spans_key="cues", phrase_matcher_attr="LOWER")
    written.add_patterns([{"label": label, "pattern": entry["pattern"], "id": f"{label}|{entry['id']}"}
                          for label, entries in config["cues"].items() for entry in entries])
    return classifier, written


def _spans(doc) -> list[tuple[int, int, str, str]]:
    return [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["cues"]]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_expanded_patterns_find_the_same_cues(rulers: tuple, path) -> None:
    classifier, written = rulers
    ours = classifier.nlp.get_pipe("confidential_cues")
    text = path.read_text(encoding="utf-8")
    for section in [*split_sections(text), None]:
        part = text if section is None else text[section.start:section.end]
        assert _spans(ours(classifier.nlp.make_doc(part))) == _spans(written(classifier.nlp.make_doc(part)))
