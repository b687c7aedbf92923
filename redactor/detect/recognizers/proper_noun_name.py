"""Names the NER misses but the tagger sees: two or three proper nouns in a row.

``Lerato Mokoena from the branch``: spaCy's small NER model does not call it
a person, but its tagger tags both words as proper nouns (NNP). A run of two
or three such words is a name when no word is an ordinary English word, an
organisation or place word, or in capitals, and the NER does not call any of its
words a place or a nationality (it does not count ORG: the small model often
takes a person's name for an organisation).
"""
from __future__ import annotations

from collections.abc import Iterable

from ..gazetteer import is_common_word, is_only_a_word
from ..vocabulary import NAME_WORD_RE, word_set
from .base import CodeRecognizer

PROPER = frozenset({"NNP", "NNPS"})
#: spaCy's labels of places.
GEO_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PEOPLE = frozenset({"GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "DATE",
                        "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "LANGUAGE"})


class ProperNounNameRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.7
    #: a run may begin a sentence (``Imogen Tallowfield wrote to...``).
    opens_sentence = True

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None:
            return
        places = word_set("place_words")
        run: list = []
        for token in [*doc, None]:
            if token is not None and token.tag_ in PROPER and "\n" not in token.text and (
                    not token.is_sent_start or self.opens_sentence):
                if token.is_sent_start and run:
                    run = []
                run.append(token)
                continue
            if 2 <= len(run) <= 3 and self._is_name(run, places):
                yield run[0].idx, run[-1].idx + len(run[-1].text), {}
            run = []

    @staticmethod
    def _is_name(run: list, places: frozenset[str]) -> bool:
        for token in run:
            word = token.text
            if (not NAME_WORD_RE.fullmatch(word) or word.isupper() or is_common_word(word)
                    or word.lower() in places or token.ent_type_ in NOT_PEOPLE):
                return False
        # every word an ordinary word and no known name ("Gorse Stacks", a street or a landmark)
        return not all(is_only_a_word(token.text) for token in run)
