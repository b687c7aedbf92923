"""Checks of what a disclosure path keeps and removes, on documents with gold annotations.

Each check takes a document's text, its gold spans and the redacted output, and
returns counts: how many things the path must remove are still readable (``leaked``
of ``must_go``) and how many it must keep survived (``kept`` of ``must_stay``).
``benchmarks/paths.py`` runs them over ``samples/documents`` (both splits) and the tests
run them over the dev split. Comparison is on collapsed whitespace, case-folded,
as whole words; a person counts as leaked if any word of their name (of three
letters or more) survives. A value that the document also uses as an ordinary word, outside
every gold span (a branch named after the town of an address, "pays cash" beside a member
called Cash), counts as leaked only if the output has it more often than that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .verify import fold, occurrences

IDENTIFIERS = {"EMAIL", "PHONE", "MEMBERSHIP_NO", "ADDRESS", "POSTCODE", "CASE_REF", "DATE", "HANDLE", "IP_ADDRESS",
               "NINO", "NHS_NUMBER", "FINANCIAL"}


@dataclass
class Tally:
    must_go: int = 0
    leaked: int = 0
    must_stay: int = 0
    kept: int = 0
    examples: list[str] = field(default_factory=list)  # types and kinds only, never text

    def add(self, other: Tally) -> None:
        self.must_go += other.must_go
        self.leaked += other.leaked
        self.must_stay += other.must_stay
        self.kept += other.kept
        self.examples += other.examples

    def to_json(self) -> dict[str, Any]:
        return {"must_go": self.must_go, "leaked": self.leaked, "must_stay": self.must_stay, "kept": self.kept}


def _present(output: str, value: str, background: str = "") -> bool:
    """``value`` is in ``output`` more often than in ``background`` (folded)."""
    v = fold(value).strip()
    return occurrences(fold(output), v) > (occurrences(background, v) if background else 0)


def _background(text: str, spans: list[dict]) -> str:
    """The document's text outside every gold span (folded): its ordinary words."""
    chars = list(text)
    for s in spans:
        chars[s["start"]:s["end"]] = " " * (s["end"] - s["start"])
    return fold("".join(chars))


def _name_words(name: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", name) if len(w) >= 3]


def _person_present(output: str, name: str, shared: set[str] = frozenset(), background: str = "") -> bool:
    """Any word of ``name`` survives (more often than in ``background``), other than words it ``shared``
    with a person the path keeps."""
    out = fold(output)
    return any(occurrences(out, w) > (occurrences(background, w) if background else 0)
               for w in _name_words(name) if w not in shared)


def subject_not_identified(text: str, spans: list[dict], output: str) -> Tally:
    """9(c): no identifier of the subject survives: their name in any form, and every contact detail,
    number, address, reference or date of the letter (in a letter to or about the subject, these are theirs)."""
    t = Tally()
    ordinary = _background(text, spans)
    for s in spans:
        if (s["type"] == "PERSON" and s.get("role") == "subject") or s["type"] in IDENTIFIERS:
            t.must_go += 1
            gone = not (_person_present(output, s["text"], background=ordinary) if s["type"] == "PERSON"
                        else _present(output, s["text"], ordinary))
            if not gone:
                t.leaked += 1
                t.examples.append(s["type"])
    return t


def only_requester(text: str, spans: list[dict], output: str, requester: str | None = None) -> Tally:
    """Subject access: the requester's name and the identifiers on the lines that name them stay; every
    other person's name, and the identifiers on lines that name only other people, go. (The gold does not
    say whose an identifier on a line naming no one is: not counted.)

    The requester's spans are the gold subject's; where a document has several subjects (a complaints
    log), only those that share a name word with ``requester`` (the name the request gives)."""
    words = set(_name_words(requester)) if requester else set()
    grown = True
    while words and grown:  # the requester's other forms: "Filmon Tekle" is also "Filmon Tekle GHEBREMEDHIN"
        before = len(words)
        for s in spans:
            if s["type"] == "PERSON" and s.get("role") == "subject" and words & set(_name_words(s["text"])):
                words |= set(_name_words(s["text"]))
        grown = len(words) > before

    def is_requester(s: dict) -> bool:
        return s["type"] == "PERSON" and s.get("role") == "subject" and (
            not words or bool(words & set(_name_words(s["text"]))) or len(s["text"].strip(". ")) <= 3)

    def lines_of(requesters: bool) -> set[int]:
        return {text.count("\n", 0, s["start"]) for s in spans
                if s["type"] == "PERSON" and is_requester(s) == requesters}

    theirs, others = lines_of(True), lines_of(False)
    shared = {w for s in spans if is_requester(s) for w in _name_words(s["text"])}
    ordinary = _background(text, spans)
    t = Tally()
    for s in spans:
        if s["type"] not in IDENTIFIERS | {"PERSON"}:
            continue
        line = text.count("\n", 0, s["start"])
        if s["type"] == "PERSON":
            mine = is_requester(s)
        elif line in theirs and line not in others:
            mine = True
        elif line in others and line not in theirs:
            mine = False
        else:
            continue
        if mine:
            t.must_stay += 1
            t.kept += _person_present(output, s["text"]) if s["type"] == "PERSON" else _present(output, s["text"])
        else:
            t.must_go += 1
            present = (_person_present(output, s["text"], shared, ordinary) if s["type"] == "PERSON"
                       else _present(output, s["text"], ordinary))
            if present:
                t.leaked += 1
                t.examples.append(f"{s['type']}:{s.get('role') or '-'}")
    return t


def _windows(sentence: str, n: int) -> list[str]:
    words = fold(sentence).split()
    return [" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))]


def survives(sentence: str, output: str) -> bool:
    """Most of the sentence is still there (names inside it may have been replaced)."""
    windows = _windows(sentence, 4)
    out = fold(output)
    return sum(w in out for w in windows) >= 0.5 * len(windows)


def leaks(sentence: str, output: str, n: int = 6) -> bool:
    """Any run of ``n`` words of the sentence is still there."""
    out = fold(output)
    return any(w in out for w in _windows(sentence, n))


def outcome_only(text: str, sentences: list[dict], output: str, spans: list[dict]) -> Tally:
    """9(f): every outcome sentence stays; no allegation or evidence sentence (no run of six of its
    words) and no witness's name survives."""
    t = Tally()
    for s in sentences:
        if s.get("mixed"):
            continue
        if s["kind"] == "outcome":
            t.must_stay += 1
            t.kept += survives(s["text"], output)
        elif s["kind"] in ("allegation", "evidence"):
            t.must_go += 1
            if leaks(s["text"], output):
                t.leaked += 1
                t.examples.append(s["kind"])
    kept = {w for s in spans if s["type"] == "PERSON" and s.get("role") in ("complainant", "officer")
            for w in _name_words(s["text"])}  # a surname shared with the complainant is not a leak
    ordinary = _background(text, spans)
    for s in spans:
        if s["type"] == "PERSON" and s.get("role") == "witness":
            t.must_go += 1
            if _person_present(output, s["text"], kept, ordinary):
                t.leaked += 1
                t.examples.append("witness")
    return t
