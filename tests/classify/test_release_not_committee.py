"""A press release about a national committee's decision is a public statement, not the committee's papers."""
from redactor.classify import Classifier


def test_a_press_release_about_the_nec_is_no_committee_paper():
    text = ("PRESS STATEMENT\n\nThe National Executive Committee today agreed a new code of practice on "
            "candidate selections. A spokesperson for the NEC said the change would make selections fairer.\n\n"
            "Press contact: 020 7783 1000\n")
    labels = {c.label for c in Classifier().classify(text).categories}
    assert "5b-committee" not in labels


def test_the_nec_minutes_are_still_committee_papers():
    text = ("NATIONAL EXECUTIVE COMMITTEE\nMinutes of the meeting held on 4 March 2025\n\n"
            "1. The NEC agreed the timetable for parliamentary selections in the region.\n")
    labels = {c.label for c in Classifier().classify(text).categories}
    assert "5b-committee" in labels
