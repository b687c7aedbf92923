"""Evaluation against gold: the scoring rules, and the figures the foundation issue asks for."""
from __future__ import annotations

import json

import pytest
from conftest import SAMPLES

from redactor.document import Document, Finding
from redactor.evaluate import Tally, anchor, leaked_spans

GOLD = [{"start": 5, "end": 10, "type": "PERSON", "text": "Jane\nOkoro"}]


def _doc(text: str) -> Document:
    return Document("x", "text", text, [None] * len(text), [])


def test_gold_offsets_are_used_as_they_are_for_the_text_file():
    spans = anchor(_doc("Dear Jane\nOkoro, hello"), GOLD, None)
    assert [(s.start, s.end, s.type) for s in spans] == [(5, 10, "PERSON")]


def test_gold_text_is_found_again_in_another_format_whatever_the_line_breaks():
    source = "Dear Jane\nOkoro, hello"
    spans = anchor(_doc("Header\tDear Jane Okoro, hello"), GOLD, source)
    assert [(s.start, s.end) for s in spans] == [(12, 22)]


def test_only_the_annotated_occurrence_is_gold_when_the_text_recurs_unannotated():
    source = "Leicester is a city. She lives in Leicester."
    gold = [{"start": 34, "end": 43, "type": "ADDRESS", "text": "Leicester"}]
    spans = anchor(_doc("Leicester is a city.\tShe lives in Leicester."), gold, source)
    assert [s.start for s in spans] == [34]


def test_recall_precision_and_f2_count_overlaps_of_the_same_type():
    tally = Tally()
    gold = anchor(_doc("Dear Jane\nOkoro, hello"), GOLD, None)
    tally.add(gold, [Finding(5, 9, "PERSON", 0.9, "t"), Finding(12, 17, "PERSON", 0.9, "t")])
    scores = tally.scores("PERSON")
    assert scores["recall"] == 1.0 and scores["precision"] == 0.5
    assert scores["f2"] == pytest.approx(5 * 0.5 * 1 / (4 * 0.5 + 1), abs=1e-3)


def test_a_gold_span_leaks_only_if_the_output_has_more_of_it_than_the_kept_text():
    doc = _doc("Rose Baker met us in the rose garden.")
    gold = anchor(doc, [{"start": 0, "end": 10, "type": "PERSON", "text": "Rose Baker"}], None)
    assert leaked_spans(doc, gold, "[PERSON] met us in the rose garden.") == 0
    assert leaked_spans(doc, gold, "Rose Baker met us in the rose garden.") == 1


def test_a_name_leaks_when_one_of_its_words_is_left():
    doc = _doc("Clodagh O'Meara chaired.")
    gold = anchor(doc, [{"start": 0, "end": 15, "type": "PERSON", "text": "Clodagh O'Meara"}], None)
    assert leaked_spans(doc, gold, "[PERSON] O'Meara chaired.") == 1
    assert leaked_spans(doc, gold, "[PERSON] chaired.") == 0


@pytest.fixture(scope="module")
def scores(redactor_engine):
    from redactor.evaluate import evaluate

    return evaluate(SAMPLES, formats=["txt", "docx", "pdf"], path="anonymise", redactor=redactor_engine)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("entity_type", ["EMAIL", "PHONE", "MEMBERSHIP_NO", "CASE_REF"])
def test_held_out_recall_of_identifiers_is_at_least_95_percent(scores, fmt, entity_type):
    assert scores["splits"]["heldout"][fmt]["types"][entity_type]["recall"] >= 0.95


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_held_out_precision_is_at_least_85_percent(scores, fmt):
    assert scores["splits"]["heldout"][fmt]["overall"]["precision"] >= 0.85


@pytest.mark.slow
def test_every_sample_is_redacted_without_error(scores):
    assert scores["errors"] == []
    assert json.dumps(scores)  # the result is plain data


def test_a_gold_span_is_uncovered_when_any_visible_character_is_kept():
    from redactor.document import Decision
    from redactor.evaluate import uncovered_spans

    doc = _doc("Clodagh O'Meara chaired.")
    gold = anchor(doc, [{"start": 0, "end": 15, "type": "PERSON", "text": "Clodagh O'Meara"}], None)
    part = Decision(0, 7, "PERSON", "redact", "[PERSON]", "t")
    whole = Decision(0, 15, "PERSON", "redact", "[PERSON]", "t")
    assert uncovered_spans(gold, [part], doc.text) == 1
    assert uncovered_spans(gold, [whole], doc.text) == 0
