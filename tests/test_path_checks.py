"""The checks the path benchmark and tests use: what counts as leaked and as kept."""
from redactor.path_checks import only_requester, subject_not_identified

TEXT = "Ryde branch.\nCash Morey, 7 Player Street, Ryde PO33 2HF. Cash pays cash.\n"
SPANS = [{"start": 13, "end": 23, "type": "PERSON", "role": "subject", "text": "Cash Morey"},
         {"start": 25, "end": 40, "type": "ADDRESS", "text": "7 Player Street"},
         {"start": 42, "end": 46, "type": "ADDRESS", "text": "Ryde"},
         {"start": 47, "end": 55, "type": "POSTCODE", "text": "PO33 2HF"},
         {"start": 57, "end": 61, "type": "PERSON", "role": "subject", "text": "Cash"}]


def test_spans_line_up_with_the_text():
    assert all(TEXT[s["start"]:s["end"]] == s["text"] for s in SPANS)


def test_a_word_the_document_also_uses_as_an_ordinary_word_is_not_a_leak_by_itself():
    out = "Ryde branch.\n[PERSON], [ADDRESS], [ADDRESS] [POSTCODE]. [PERSON] pays cash.\n"
    t = subject_not_identified(TEXT, SPANS, out)
    assert (t.must_go, t.leaked) == (5, 0)


def test_the_same_word_left_more_often_than_the_document_uses_it_ordinarily_is_a_leak():
    out = "Ryde branch.\n[PERSON], [ADDRESS], Ryde [POSTCODE]. Cash pays cash.\n"
    t = subject_not_identified(TEXT, SPANS, out)
    # the town of the address; and "Cash" once more than "pays cash" accounts for, which leaks
    # both spans whose name has that word
    assert t.leaked == 3


def test_subject_access_counts_other_peoples_names_left_in():
    text = "Requester: Ilse Brandt\nNeighbour: Cash Morey pays cash\n"
    spans = [{"start": 11, "end": 22, "type": "PERSON", "role": "subject", "text": "Ilse Brandt"},
             {"start": 34, "end": 44, "type": "PERSON", "role": "other", "text": "Cash Morey"}]
    kept = only_requester(text, spans, "Requester: Ilse Brandt\nNeighbour: Person 1 pays cash\n", "Ilse Brandt")
    leaked = only_requester(text, spans, "Requester: Ilse Brandt\nNeighbour: Cash Person 1 pays cash\n", "Ilse Brandt")
    assert (kept.kept, kept.must_stay, kept.leaked) == (1, 1, 0)
    assert leaked.leaked == 1
