"""The normalised view: hidden forms of a name read as the name, and map back to every original character."""
from __future__ import annotations

import pytest

from redactor.document import Block, Document, TextRef
from redactor.normalise import normalised, to_original, view_of


def doc_of(text: str) -> Document:
    return Document("x.txt", "text", text, [TextRef(i) for i in range(len(text))], [Block(0, len(text), {})])


@pytest.mark.parametrize(("text", "view"), [
    ("J\u200bohn Smith", "John Smith"),                  # zero-width space
    ("Jo\u200dhn\u2060 Smith\ufeff", "John Smith"),        # joiner, word joiner, BOM
    ("Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith"),                   # full-width forms
    ("Tallow\u00adfield", "Tallowfield"),                 # soft hyphen
    ("Tallow-\nfield came", "Tallowfield came"),          # hyphenated line break before lower case
    ("Okafor-\n  Reyes came", "Okafor-Reyes came"),       # a real hyphen keeps the hyphen
    ("the ﬁle", "the file"),                              # ligature
    ("\u202eevil\u202c", "evil"),                         # bidirectional overrides
])
def test_hidden_forms_read_as_plain_text(text, view):
    assert normalised(text)[0] == view


def test_plain_text_is_its_own_view():
    doc = doc_of("Dear Ms Smith,\nThe hearing is in spring - or later.\n")
    assert view_of(doc) is doc


def test_a_view_span_maps_back_over_the_hidden_characters():
    doc = doc_of("Dear J\u200bohn Smith, hello")
    view = view_of(doc)
    start = view.text.index("John Smith")
    s, e = to_original(view, doc, start, start + len("John Smith"))
    assert doc.text[s:e] == "J\u200bohn Smith"


def test_full_width_span_maps_back_to_the_full_width_characters():
    doc = doc_of("from Ｊｏｈｎ today")
    view = view_of(doc)
    s, e = to_original(view, doc, view.text.index("John"), view.text.index("John") + 4)
    assert doc.text[s:e] == "Ｊｏｈｎ"


def test_blocks_follow_the_view():
    text = "A\u200bB para one\n\nsecond ｐａｒａ"
    doc = Document("x.txt", "text", text, [TextRef(i) for i in range(len(text))],
                   [Block(0, 12, {"paragraph": 0}), Block(14, len(text), {"paragraph": 1})])
    view = view_of(doc)
    assert view.text[view.blocks[0].start:view.blocks[0].end] == "AB para one"
    assert view.text[view.blocks[1].start:view.blocks[1].end] == "second para"


@pytest.mark.parametrize("hidden", ["J\u200bohn Tallowfield", "Ｊｏｈｎ Ｔａｌｌｏｗｆｉｅｌｄ",
                                    "John Tallow-\nfield", "John Tal\u00adlowfield"])
def test_hidden_names_are_removed_from_the_output(redactor_engine, hidden):
    text = f"Dear Ms Smith,\n\nThe letter from {hidden} arrived on Monday.\n\nThe hearing is in the spring.\n"
    outcome = redactor_engine.redact_bytes(text.encode(), "x.txt", path="anonymise")
    out = outcome.output.decode()
    assert "Tallow" not in out and "Ｔａｌｌｏｗ" not in out and "Tal\u00adlow" not in out
    assert "\u200b" not in out
    assert "The hearing is in the spring." in out
