"""An identifier found once is found wherever it recurs, at the right place whatever letters precede it."""
from redactor.formats.text import PlainText


def test_a_recurring_membership_number_is_found_again_after_a_letter_whose_lower_case_is_longer(detector):
    text = ("Membership number: L1234567.\nİstanbul İzmir İlhan: the record L1234567 was updated.\n")
    doc = PlainText().read(text.encode(), "x.txt")
    values = [doc.text[f.start:f.end] for f in detector.detect(doc) if f.entity_type == "MEMBERSHIP_NO"]
    assert values == ["L1234567", "L1234567"]
