"""A single guarded run does not plan the warm-up letter; the second run of the same Redactor does, once."""
from redactor.pipeline import Redactor, Request

LETTER = b"Dear Ms Okoro,\n\nPlease call me on 07700 900123.\n\nYours sincerely,\nJane Smith\n"


def test_the_warm_up_letter_is_planned_from_the_second_guarded_run_on():
    engine = Redactor()
    runs = []
    engine._run_once = lambda request: runs.append(request)
    request = Request(path="anonymise")
    engine.redact_bytes_guarded(LETTER, "a.txt", request)
    assert runs == []
    engine.redact_bytes_guarded(LETTER, "b.txt", request)
    engine.redact_bytes_guarded(LETTER, "c.txt", request)
    assert len(runs) == 1
