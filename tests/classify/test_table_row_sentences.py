"""Each cell of a table row is a sentence of its own, so a finding keeps apart from the charge beside it."""
from redactor.classify.sentences import SentenceClassifier

ROW = ("No.   Finding      Charge\n"
       "1     Not proved   That the respondent encouraged others to vote against the complainant in the ballot.\n")


def test_the_cells_of_a_row_are_separate_sentences():
    text = ROW
    spans = SentenceClassifier().split(text)
    pieces = [text[s:e] for s, e in spans]
    assert "Not proved" in pieces
    assert any(p.startswith("That the respondent") for p in pieces)


def test_prose_with_single_spaces_is_not_cut():
    text = "The panel found that the comments were made and that they were in breach of the rules.\n"
    assert len(SentenceClassifier().split(text)) == 1
