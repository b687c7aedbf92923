"""Detection: from a Document's text to Findings. Never sees a file format.

1. The blocks of the document go to spaCy in batches (``nlp.pipe`` through
   Presidio's ``process_batch``), then through Presidio's analyzer with the
   recognizers of ``models/recognizers.yaml``.
2. People: every name found anywhere, plus the user's ``--subject``/``--name``,
   is looked for again across the whole document (:mod:`.people`).
3. Disciplinary and special-category findings are kept only where their
   sentence is about a person (:mod:`.tie`).
4. Identifiers (emails, phone numbers, membership numbers...) found once are
   found wherever the same string recurs.
5. Every person gets a role with a reason, and personal data is linked to the
   person it belongs to (:mod:`.roles`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from presidio_analyzer import RecognizerResult

from ..document import Document, Finding
from ..marks import blank_marks
from .engine import DEFAULT_MODEL, analyzer
from .gazetteer import is_given_name
from .lists import listed_people
from .organisation import drop_organisation_contacts, is_release
from .people import KnownPerson, People, find_mentions, initial_mentions, name_words, names_from_fields
from .recognizers.correspondence_name import SIGNED_INITIALS
from .recognizers.given_name import VOUCHED
from .recognizers.proper_noun_name import GEO_LABELS
from .roles import assign_roles
from .tie import tied_to_person
from .types import canonical, kind
from .vocabulary import data, follows_an_article, looks_like_name, place_word_follows, used_as_a_modifier, word_set

__all__ = ["Detector", "KnownPerson", "DEFAULT_MODEL"]

SCORE_THRESHOLD = 0.4
#: Findings of these types run on to the end of their clause (CLAUSE_REACH characters at most).
CLAUSE_TYPES = frozenset({"POLITICAL_OPINION", "HEALTH"})
#: Types whose finding takes in the words of belonging right before it ("a member of the" Fabian Society).
AFFILIATION_TYPES = frozenset({"POLITICAL_OPINION", "TRADE_UNION", "RELIGION"})
CLAUSE_REACH = 40
CHUNK_CHARS = 4000
#: spaCy labels of places and organisations: a lone word the NER also calls one of these is not a person.
#: A line at least this long ends in a soft wrap (see soft_wrapped); shorter lines end in a hard break.
SOFT_WRAP_MIN_LINE = 50
#: Name recognizers that guess from the text alone (no title, field or gazetteer behind them).
WEAK_NAME_RECOGNIZERS = frozenset({"SpacyRecognizer", "ProperNounNameRecognizer"})
#: Recognizers that may take one word alone for a name from the word and the tagger only.
WEAK_LONE_RECOGNIZERS = WEAK_NAME_RECOGNIZERS | {"GivenNameRecognizer", VOUCHED}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
#: Findings no name can be inside: an address, an e-mail address, a URL, a cell of a column of places.
NO_NAME_INSIDE = frozenset({"ADDRESS", "POSTCODE", "EMAIL", "URL", "PLACE"})
BATCH_SIZE = 64


class Detector:
    """Finds personal data and disciplinary details in Documents; one per process is enough."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        self.analyzer = analyzer(model)
        self._document_level = [r for r in self.analyzer.registry.recognizers if getattr(r, "DOCUMENT_LEVEL", False)]

    def detect(self, doc: Document, known: Sequence[KnownPerson] = ()) -> list[Finding]:
        """All findings in ``doc``, sorted by position."""
        raw: list[Finding] = []
        places: set[str] = set()
        place_words: set[str] = set()
        tags: dict[int, str] = {}
        sentences: list[tuple[int, int]] = []
        chunks = analysis_chunks(doc)
        readable = blank_marks(doc.text)  # redactor's own marks ([PERSON], [REDACTED 9(c)]) are never data
        texts = [soft_wrapped(readable[start:end]) for start, end in chunks]
        batches = self.analyzer.nlp_engine.process_batch(texts, language="en", batch_size=BATCH_SIZE)
        for (chunk_start, _), (text, artifacts) in zip(chunks, batches):
            spacy_doc = artifacts.tokens
            for token in spacy_doc:
                tags[chunk_start + token.idx] = token.tag_
            sentences.extend((chunk_start + s.start_char, chunk_start + s.end_char) for s in spacy_doc.sents)
            results = self.analyzer.analyze(text=text, language="en", nlp_artifacts=artifacts,
                                            score_threshold=SCORE_THRESHOLD)
            raw.extend(_to_findings(results, chunk_start, text))
            places.update(e.text.lower() for e in spacy_doc.ents if e.label_ in PLACE_LABELS)
            place_words.update(t.text.lower() for e in spacy_doc.ents if e.label_ in GEO_LABELS for t in e)
        for recognizer in self._document_level:
            raw.extend(_to_findings(recognizer.analyze(readable, recognizer.supported_entities, None), 0, readable))

        people = People(known)
        addresses = _mask(len(doc.text), (f for f in raw if f.entity_type in NO_NAME_INSIDE))
        for words in names_from_fields(doc.text):
            people.add(words, whole=True)
        candidates = [f for f in raw if f.entity_type == "PERSON"
                      and _is_person_candidate(doc.text, f, addresses, places, place_words)]
        if is_release(doc.text) and all(f.recognizer in WEAK_LONE_RECOGNIZERS
                                        or (f.recognizer == "RoleNameRecognizer" and not _speaks(doc.text, f))
                                        for f in candidates):
            # a release for publication names the people it quotes with a title or a role ("Cllr Jane Okoro,
            # leader of ..., said"); words a guessing recognizer alone took for names, and people it gives
            # a role but does not quote, are its places, things and the history it recalls ("Failsworth and
            # Ashton", "the Jarrow Crusade", "Ellen Wilkinson", "William Ewart, the Member for Dumfries Burghs")
            candidates = []
        for f in candidates:
            words = name_words(doc.text[f.start:f.end])
            # a name column or a family word vouches for a name however it is cased ("varghese jithin",
            # "O'SULLIVAN-BYRNE Ciarán", "daughter tess") when the words would make a name written the
            # ordinary way ("Chair" would not)
            cased = f.recognizer in CASE_BLIND_RECOGNIZERS and looks_like_name([w.capitalize() for w in words])
            people.add(words, f.role, trusted=cased or f.recognizer == VOUCHED)
        for start, end in listed_people(doc.text, [(f.start, f.end) for f in candidates], frozenset(place_words)):
            if not any(addresses[start:end]):
                people.add(name_words(doc.text[start:end]))
        people.add_aliases(doc.text)
        findings = [f for f in raw if f.entity_type not in ("PERSON", "PLACE")]
        mentions = find_mentions(doc.text, people, tags, frozenset((f.start, f.end) for f in candidates))
        mentions += initial_mentions(doc.text, people, [(f.start, f.end) for f in mentions])
        findings += mentions + _unclaimed_initials(doc.text, candidates, mentions)
        findings = drop_organisation_contacts(doc.text, _drop_contained_urls(findings))
        findings = tied_to_person(doc.text, findings, sentences)
        wrapped = soft_wrapped(doc.text)
        findings = [_to_clause_end(doc.text, wrapped, f) if f.entity_type in CLAUSE_TYPES else f for f in findings]
        findings = [_from_affiliation(doc.text, f) if f.entity_type in AFFILIATION_TYPES else f for f in findings]
        findings = [_with_duration(doc.text, f) if f.entity_type == "SANCTION" else f for f in findings]
        leads = data()["type_leads"]
        findings = [_with_lead(doc.text, f) if f.entity_type in leads else f for f in findings]
        findings += _recurrences(doc.text, findings)
        # Roles: every person's role and its reason; personal data linked to its owner (roles.py).
        findings = assign_roles(doc.text, findings, people, sentences)
        return _dedupe(findings)


def analysis_chunks(doc: Document) -> list[tuple[int, int]]:
    """Runs of consecutive blocks, up to CHUNK_CHARS each, that spaCy and Presidio analyse as one text.

    Blocks stay the unit of location in reports; analysing neighbouring
    paragraphs together lets a pattern or a sentence continue across them
    (a phone number broken over two Word paragraphs, a sign-off and its name).
    """
    chunks: list[tuple[int, int]] = []
    for block in doc.blocks:
        if chunks and block.start - chunks[-1][1] <= 2 and block.end - chunks[-1][0] <= CHUNK_CHARS:
            chunks[-1] = (chunks[-1][0], block.end)
        else:
            chunks.append((block.start, block.end))
    return chunks


#: Recognizers whose context vouches for a name in any case: a name column, a family word before it, a chat
#: export's sender field.
CASE_BLIND_RECOGNIZERS = frozenset({"TableColumnRecognizer", "RoleNameRecognizer", "CorrespondenceNameRecognizer"})
#: Between the cells of a table row: a tab, or the run of spaces between the columns of a text table.
_CELL_GAP = re.compile(r"\t| {3,}")
#: A table's rule (``-----  ------``) or a row with two or more two-space gaps between its cells.
_TABLE_LINE = re.compile(r"^[ \t]*[-=_+|: ]{10,}$|\S {2}\S.*\S {2}\S")


def soft_wrapped(text: str) -> str:
    """The same text with hard-wrapped line breaks turned into spaces (same length, same offsets).

    A line break after a long line is a wrap inside a paragraph, so a phone number,
    NI number or date split over it is one value again. Breaks after short lines
    (headings, fields) and after table rows (a line with a tab or a run of three spaces in it) are kept.
    """
    if "\n" not in text:
        return text
    chars = list(text)
    line_start = 0
    for i, ch in enumerate(text):
        if ch != "\n":
            continue
        line = text[line_start:i]
        if (len(line.strip()) >= SOFT_WRAP_MIN_LINE and text[i + 1:i + 2] not in ("", "\n")
                and not _CELL_GAP.search(line.strip()) and not _TABLE_LINE.search(line)):
            chars[i] = " "
        line_start = i + 1
    return "".join(chars)


def _to_findings(results: Iterable[RecognizerResult], offset: int, text: str) -> list[Finding]:
    """Presidio's results as Findings of canonical types, trimmed of surrounding whitespace."""
    out = []
    for r in results:
        entity_type = canonical(r.entity_type)
        value = text[r.start:r.end]
        if entity_type is None or not value.strip():
            continue
        start = r.start + len(value) - len(value.lstrip())
        end = r.end - (len(value) - len(value.rstrip()))
        meta = r.recognition_metadata or {}
        out.append(Finding(offset + start, offset + end, entity_type, round(float(r.score), 3),
                           meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown"), role=meta.get("role")))
    return out


def _unclaimed_initials(text: str, candidates: list[Finding], mentions: list[Finding]) -> list[Finding]:
    """Initials a recognizer found signing a message or a letter (``> V``, ``EB``) that no person of the
    document claims: they stay removed on their own, not looked for again (a lone capital is no form
    of a name to find everywhere)."""
    taken = bytearray(len(text))
    for f in mentions:
        taken[f.start:f.end] = b"\x01" * (f.end - f.start)
    return [f for f in candidates if f.recognizer == "CorrespondenceNameRecognizer"
            and SIGNED_INITIALS.fullmatch(text[f.start:f.end]) and not any(taken[f.start:f.end])]


def _is_person_candidate(text: str, f: Finding, addresses: bytearray, places: set[str],
                         place_words: set[str]) -> bool:
    """Whether a PERSON finding should make a person whose every mention is then removed.

    Not: a heading the NER took for a name (``Annex:``), anything inside an address or a place column,
    e-mail or URL, a run ending in a place word (``Weston Coyney Road``), and a lone
    word only the NER vouches for unless it is a known given name and never a place.
    """
    value = text[f.start:f.end]
    if any("\t" in line or "  " in line.strip() for line in value.split("\n")):
        return False  # a run across table cells, not a name (a wrapped line's indent is no cell gap)
    line_start = text.rfind("\n", 0, f.start) + 1
    if not text[line_start:f.start].strip() and text[f.end:f.end + 1] == ":":
        return False
    if any(addresses[f.start:f.end]):
        return False
    words = value.split()
    if f.recognizer == "TitledNameRecognizer" or (f.recognizer == "CorrespondenceNameRecognizer" and f.role):
        # "Mr Kieran Lane", "Mr Heath", "Complainant: Jordan Heath", "The Labour Party v. Jordan Heath": a title
        # or a role says it is a person, whatever the words look like
        return True
    if words and words[-1].lower().strip(".,") in word_set("place_words") and f.recognizer != "TableColumnRecognizer":
        return False  # "Weston Coyney Road"; in a name column, "Ashleigh Lane" is a person
    if f.recognizer == "SpacyRecognizer" and len(words) == 1:
        if follows_an_article(text, f.start):
            return False  # "the old Austin works": a thing named after someone
        if place_word_follows(text, f.end, skip_one=True):
            return False  # "Jordan Well leisure pool", "Chester Road"
        return is_given_name(value) and value.lower() not in places
    if f.recognizer in WEAK_NAME_RECOGNIZERS and place_word_follows(text, f.end):
        return False  # "Robin Hood's Bay", "Daisy Nook": a place named after someone
    if f.recognizer in WEAK_NAME_RECOGNIZERS and any(w.lower() in place_words for w in words):
        return False  # "Greater Manchester": a word the NER calls a place elsewhere in the document
    if f.recognizer in WEAK_LONE_RECOGNIZERS and used_as_a_modifier(text, value):
        return False  # "Stranraer", where the document also writes "the Stranraer forum"
    return True


#: Words of belonging or support that end right before a party, union, faith or campaign.
_AFFILIATION = re.compile(
    r"(?i:\b(?:(?:an?\s+)?(?:member|supporter|activist|organiser|delegate|rep|convenor|steward|deacon|elder)"
    r"\s+(?:of|for|in|at)\s+(?:the\s+)?|(?:active|involved)\s+in\s+(?:the\s+)?|(?:supports?|supported|backs?|"
    r"backed|joined|rejoined|signed(?:\s+up\s+to)?|stood\s+(?:on|for)|voting|voted|votes?|leaning)\s+"
    r"(?:(?:for\s+)?the\s+|for\s+)?))$")


#: A person a release quotes: a verb of saying or a quotation after the name, within its sentence or two.
_SAYS = re.compile(r"\b(?:said|says|added|adds|commented|comments|explained|told|tells|continued|spoke)\b"
                   r"|[:,][ \t]*[\"\u201c]|[\"\u201d][ \t]*$")
SPEAKS_REACH = 160


def _speaks(text: str, f: Finding) -> bool:
    """Whether a release quotes the person found at ``f`` (the spokespeople it names are personal data;
    the history it recalls is not)."""
    return (_SAYS.search(text, f.end, min(len(text), f.end + SPEAKS_REACH)) is not None
            or re.search(r"\b(?:said|says)[ \t]+$", text[max(0, f.start - 12):f.start]) is not None)


def _widen_back(before: re.Pattern[str], text: str, f: Finding) -> Finding:
    """Widen a finding back over the words ``before`` matches right before it, within CLAUSE_REACH."""
    m = before.search(text, max(0, f.start - CLAUSE_REACH), f.start)
    return replace(f, start=m.start()) if m else f


def _from_affiliation(text: str, f: Finding) -> Finding:
    """Widen a finding back over the words that say the person belongs to or backs it
    (``a member of the`` + ``Fabian Society``, ``signed the`` + ``Green pledge``)."""
    return _widen_back(_AFFILIATION, text, f)


@cache
def _lead(entity_type: str) -> re.Pattern[str]:
    leads = "|".join(r"\s+".join(re.escape(w) for w in lead.split()) for lead in data()["type_leads"][entity_type])
    joints = r"(?:(?:from|to|with|for|of|after)\s+)?(?:(?:a|an|the|his|her|their|my)\s+)?"
    return re.compile(rf"(?i:\b(?:{leads})\s+{joints})$")


def _with_lead(text: str, f: Finding) -> Finding:
    """Widen a finding back over the words that say what the person does or what happened to them
    (``recovering from a`` + ``knee replacement``, ``wears the`` + ``hijab``): ``type_leads`` in the data."""
    return _widen_back(_lead(f.entity_type), text, f)


#: Words that start a new clause.
_CLAUSE_WORDS = ("but", "and", "because", "although", "while", "so", "is", "was", "are", "were", "which", "who")


def _clause_stop(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"[.;,:!?\t()\[\]\"\u201c\u201d]| {2,}|\n(?=[ \t]*\S)" rf"|\s+(?:{'|'.join(words)})\b")


_CLAUSE_STOP = _clause_stop(_CLAUSE_WORDS)
#: A political opinion runs on over its reason: ``Green`` + ``because of the tuition fees``.
_OPINION_STOP = _clause_stop([w for w in _CLAUSE_WORDS if w != "because"])


def _to_clause_end(text: str, wrapped: str, f: Finding) -> Finding:
    """Widen a finding to the end of its clause (``voted Reform`` + ``in the general election``), within reach.

    ``wrapped`` is the text as :func:`soft_wrapped` gives it: a line break that only wraps a paragraph
    (``voting Green in Easton this`` / ``time``) does not end the clause, nor does the next line's indent.
    """
    limit, at = min(len(text), f.end + CLAUSE_REACH), f.end
    stop = _OPINION_STOP if f.entity_type == "POLITICAL_OPINION" else _CLAUSE_STOP
    while True:
        m = stop.search(text, at, limit)
        if m and m.group().startswith("\n") and wrapped[m.start()] == " ":
            at = m.start() + 1 + len(text[m.start() + 1:limit]) - len(text[m.start() + 1:limit].lstrip(" \t"))
            continue  # a soft wrap: go on from the first word of the next line
        break
    end = m.start() if m else f.end
    return replace(f, end=end) if end > f.end and text[f.end:end].strip() else f


_DURATION = re.compile(
    r",?\s+(?:for\s+|within\s+)?(?:a\s+(?:further\s+|period\s+of\s+)?)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-four|thirty-six)"
    r"\s+(?:days?|weeks?|months?|years?)\b", re.I)


def _with_duration(text: str, f: Finding) -> Finding:
    """A sanction takes in its duration: ``suspended from membership`` + ``for two years``."""
    m = _DURATION.match(text, f.end)
    return replace(f, end=m.end()) if m else f


def _mask(size: int, spans: Iterable[Finding]) -> bytearray:
    """One byte per character of the text, set where one of ``spans`` lies."""
    mask = bytearray(size)
    for f in spans:
        mask[f.start:f.end] = b"\x01" * (f.end - f.start)
    return mask


def _drop_contained_urls(findings: list[Finding]) -> list[Finding]:
    """Presidio's URL recognizer also matches the domain of an e-mail address: drop those."""
    size = max((f.end for f in findings), default=0)
    emails = _mask(size, (f for f in findings if f.entity_type == "EMAIL"))
    return [f for f in findings if f.entity_type != "URL" or not any(emails[f.start:f.end])]


def _shape(value: str) -> str | None:
    """A regex for strings shaped like ``value`` (``00519732`` -> eight digits), if distinctive enough."""
    if len(value) < 7 or not any(c.isdigit() for c in value):
        return None
    shape = "".join(r"\d" if c.isdigit() else "[A-Z]" if c.isupper() else re.escape(c) for c in value)
    return rf"(?<![\w\-/]){shape}(?![\w\-/])"


def _recurrences(text: str, findings: list[Finding]) -> list[Finding]:
    """Identifiers found once, found again wherever the same string recurs.

    Membership numbers go further: another string of exactly the same shape
    (``00519733`` beside a known ``00519732``, ``MS-3308-1175`` beside
    ``MS-4471-0923``) is a membership number too.
    """
    covered = {(f.start, f.end) for f in findings}
    taken = _mask(len(text), findings)
    shapes = {_shape(text[f.start:f.end]) for f in findings if f.entity_type == "MEMBERSHIP_NO"} - {None}
    seen: set[str] = set()
    extra: list[Finding] = []
    lower = text.lower()  # same length, except for the rare letter whose lower case is two ("İ")
    for f in findings:
        value = text[f.start:f.end]
        if kind(f.entity_type) != "identifier" or f.entity_type == "PERSON" or len(value) < 4 or value in seen:
            continue
        seen.add(value)
        pattern = r"\s+".join(re.escape(part) for part in value.split())
        again = re.compile(rf"(?<![\w@.\-]){pattern}(?![\w@\-])", re.I)
        starts = _starts(lower, value.split()[0].lower()) if len(lower) == len(text) else range(len(text))
        for m in filter(None, (again.match(text, at) for at in starts)):
            if (m.start(), m.end()) not in covered:
                extra.append(Finding(m.start(), m.end(), f.entity_type, f.score, "Recurrence"))
    for shape in shapes:
        for m in re.finditer(shape, text):
            if not any(taken[m.start():m.end()]):
                extra.append(Finding(m.start(), m.end(), "MEMBERSHIP_NO", 0.6, "Recurrence"))
    return extra


def _starts(haystack: str, needle: str) -> Iterable[int]:
    """Every position where ``needle`` starts in ``haystack`` (plain substring search)."""
    at = haystack.find(needle)
    while at >= 0:
        yield at
        at = haystack.find(needle, at + 1)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (span, type), the best-scoring; sorted by position."""
    best: dict[tuple[int, int, str], Finding] = {}
    for f in findings:
        key = (f.start, f.end, f.entity_type)
        if key not in best or f.score > best[key].score:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, -f.end, f.entity_type))
