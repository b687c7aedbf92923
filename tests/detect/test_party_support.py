"""A voter's party, written bare in canvass notes, is a political opinion; the party's own name is not."""
import pytest

from redactor.formats.text import PlainText

CANVASS = "Canvass returns, Blackwell ward, Saturday\n\n"


def opinions(detector, text):
    doc = PlainText().read(text.encode(), "x.txt")
    return [doc.text[f.start:f.end] for f in detector.detect(doc) if f.entity_type == "POLITICAL_OPINION"]


@pytest.mark.parametrize("note, party", [
    ("- No. 3: Mr Arthur Degg and Mrs Pauline Degg. Both Labour.", "Labour"),
    ("- No. 7: Mr Mohammed Younis. Reform, but unhappy about bin collections.", "Reform"),
    ("- 12 Baldovan Terrace: Mr Krum Yankov. Green last time, undecided now.", "Green"),
    ("Mr Dennis Armstrong    4 Blackwell Road    Lib Dem - definite", "Lib Dem"),
])
def test_a_bare_party_in_canvass_notes_about_a_person_is_an_opinion(detector, note, party):
    assert any(party in o for o in opinions(detector, CANVASS + note + "\n"))


@pytest.mark.parametrize("note", [
    "Mr Dennis Armstrong asked about the Labour Party rules.",
    "Mr Dennis Armstrong wants a Labour councillor to call.",
    "Result: Labour   412\nGreen   88\n",
    "Labour\n\nMr Dennis Armstrong, 4 Blackwell Road: not in.",
])
def test_the_party_as_an_organisation_a_heading_or_a_count_is_not_an_opinion(detector, note):
    assert opinions(detector, CANVASS + note + "\n") == []


def test_without_a_canvassing_cue_a_bare_party_is_left_to_the_other_rules(detector):
    assert opinions(detector, "Mr Arthur Degg wrote to us. Both Labour.\n") == []
