"""redactor's own marks in a document are never taken for data."""
from redactor.formats.text import PlainText


def test_redactors_own_marks_are_never_detected(detector):
    text = ("[ALLEGATION] The member [PERSON] was placed under [SANCTION] on [DATE].\n"
            "[REDACTED 9(c)] [ENC:gAAAAABl] [POLITICAL_OPINION]\n")
    doc = PlainText().read(text.encode(), "x.txt")
    found = [(doc.text[f.start:f.end], f.entity_type) for f in detector.detect(doc)]
    assert not any("[" in value or value.isupper() for value, _ in found), found
