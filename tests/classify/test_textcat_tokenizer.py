"""The shipped text classifiers are loaded without re-reading their saved tokenizer.

That is only safe while the tokenizer the config builds is the one that was saved:
same special cases, same prefix, suffix and infix patterns, same URL and token matches.
"""
import pytest
import spacy

from redactor.classify import _load_textcat
from redactor.resources import model_file


def _patterns(tokenizer):
    def pattern(fn):
        return fn.__self__.pattern if fn is not None else None
    return (tokenizer.rules, pattern(tokenizer.prefix_search), pattern(tokenizer.suffix_search),
            pattern(tokenizer.infix_finditer), pattern(tokenizer.token_match), pattern(tokenizer.url_match),
            tokenizer.faster_heuristics)


@pytest.mark.parametrize("name", ["sections-model", "sentences-model"])
def test_the_built_tokenizer_is_the_saved_one(name):
    saved = spacy.load(str(model_file(f"classification/{name}")))
    loaded = _load_textcat(name)
    assert _patterns(loaded.tokenizer) == _patterns(saved.tokenizer)
    text = "Cllr O'Neil's e-mail (re: NCC-2024-0173) didn't arrive until 3rd Feb.; see www.example.org/x?a=1."
    assert [t.text for t in loaded(text)] == [t.text for t in saved(text)]
