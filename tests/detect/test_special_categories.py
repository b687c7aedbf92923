"""Special categories in a person's sentence: party support (bare in canvass notes, or a leaning in prose), health, religion."""
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


@pytest.mark.parametrize("sentence", [
    "She has been leafleting for the Lib Dems in her ward.",
    "Ms Patel describes herself as a democratic socialist.",
    "He is a well-known Corbyn supporter.",
    "She said she was a Starmer loyalist.",
    "He sits on the left of the party.",
    "She is on the Labour right and backs the leadership.",
])
def test_a_persons_political_leaning_in_prose_is_an_opinion(detector, sentence):
    assert opinions(detector, sentence + "\n")


@pytest.mark.parametrize("sentence", [
    "He parked on the left of the building and walked in.",
    "She sat on the right of the chair during the hearing.",
])
def test_left_and_right_as_directions_are_no_opinion(detector, sentence):
    assert opinions(detector, sentence + "\n") == []


@pytest.mark.parametrize("kind, sentence", [
    ("HEALTH", "She told me she is having a hip replacement next month."),
    ("HEALTH", "She is recovering from a mastectomy."),
    ("HEALTH", "He mentioned his insulin and that he is diabetic."),
    ("HEALTH", "He suffers from severe migraines."),
    ("RELIGION", "She wears a hijab and prays five times a day."),
    ("RELIGION", "He was fasting because it was Ramadan."),
])
def test_health_and_religion_in_a_persons_sentence_are_found(detector, kind, sentence):
    doc = PlainText().read(sentence.encode(), "x.txt")
    assert kind in {f.entity_type for f in detector.detect(doc)}


def test_a_branch_suffering_from_a_lack_of_funds_is_no_health_data(detector):
    doc = PlainText().read(b"He said the branch suffers from a lack of volunteers.\n", "x.txt")
    assert "HEALTH" not in {f.entity_type for f in detector.detect(doc)}
