"""Fail closed: prove that nothing removed survives anywhere in an output.

The output is read back part by part with the format's ``extract_parts``, an
extractor independent of the writer (for a PDF: pdfium's page text plus every
string and decoded stream of the file; for a DOCX: every part of the package;
for an e-mail: every header and MIME part). Every removed value (the text of
each finding and of each decided region, at least :data:`MIN_LENGTH`
characters; each word of a name or an address too) is looked for, as whole words, on a normalised form of both sides
(:func:`fold`: NFKC, invisible characters dropped, hyphenated line breaks
joined, case-folded, whitespace collapsed).

A value the decisions removed everywhere must occur nowhere. A value that also
occurs in text the decisions kept (the same surname kept for another person,
say) may occur in each part at most as often as it occurs in the kept text.
A leak names the part and the type, never the text.

:func:`verify_output` runs on every output before it is committed (the
pipeline); :func:`verify_files` backs ``redactor verify ORIGINAL REDACTED``.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .document import Decision, Document
from .errors import UnsafeToRedact, UsageError
from .formats.text import splice
from .marks import without_marks
from .normalise import normalised

MIN_LENGTH = 3
#: types whose every word identifies (a surname alone is a leak of a full name).
WORD_TYPES = frozenset({"PERSON", "ADDRESS"})
#: a mark redactor writes in place of a value: an upper-case type or label in square brackets.
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
#: at most this many leaking parts are named in the one-line message.
NAMED_PARTS = 5


class LeakFound(UnsafeToRedact):
    """``redactor verify`` found a removed value in the output (exit 4)."""


def fold(text: str) -> str:
    """The form both sides are compared in (see the module docstring)."""
    return re.sub(r"\s+", " ", normalised(text)[0]).casefold()


def occurrences(haystack: str, needle: str) -> int:
    """How often ``needle`` occurs in ``haystack`` as whole words ("tom" is not in "customxml")."""
    return len(re.findall(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack))


@dataclass(frozen=True)
class Leak:
    """A removed value found in a part of the output: its type and the part, never the text."""

    entity_type: str
    part: str


@dataclass(frozen=True)
class Verification:
    checked: int
    parts: int
    leaks: tuple[Leak, ...] = ()


def extract_parts(fmt: object, data: bytes) -> list[tuple[str, str]]:
    """The format's part-by-part view of ``data`` (its whole text as one part if it has none)."""
    parts = getattr(fmt, "extract_parts", None)
    if parts is not None:
        return list(parts(data))
    return [("text", fmt.extract_text(data))]  # type: ignore[attr-defined]


#: a removed region of the checked text: ``(start, end, entity type)``.
Span = tuple[int, int, str]


def decision_spans(decisions: Sequence[Decision]) -> list[Span]:
    """Every decided region and every finding inside it, as spans."""
    return [span for d in decisions
            for span in [(d.start, d.end, d.entity_type), *((f.start, f.end, f.entity_type) for f in d.findings)]]


def removed_values(text: str, spans: Iterable[Span]) -> dict[str, str]:
    """Folded removed value -> its entity type; names and addresses also word by word."""
    values: dict[str, str] = {}
    for start, end, kind in spans:
        value = fold(text[start:end]).strip()
        words = _WORD.findall(value) if kind in WORD_TYPES else []
        for piece in [value, *words]:
            if len(piece) >= MIN_LENGTH:
                values.setdefault(piece, kind)
    return values


def kept_text(text: str, spans: Iterable[Span]) -> str:
    """``text`` with every removed span blanked (what the output may legitimately contain)."""
    chars = list(text)
    for start, end, _ in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def find_leaks(values: dict[str, str], kept: str, parts: Iterable[tuple[str, str]]) -> list[Leak]:
    """Every (type, part) where a removed value occurs more often than the kept text allows."""
    folded = [(name, fold(without_marks(text))) for name, text in parts]
    leaks: dict[tuple[str, str], None] = {}
    for value, kind in values.items():
        allowed = -1
        for name, text in folded:
            if value not in text:
                continue
            if allowed < 0:
                allowed = occurrences(kept, value)
            if occurrences(text, value) > allowed:
                leaks[(kind, name)] = None
    return [Leak(kind, name) for kind, name in leaks]


def check(text: str, spans: Sequence[Span], parts: Iterable[tuple[str, str]], kept: str | None = None) -> Verification:
    """Look for the value of every removed span of ``text`` in ``parts``.

    ``kept`` is the text the output should hold (by default ``text`` with the spans blanked).
    """
    parts = list(parts)
    values = removed_values(text, spans)
    kept = kept_text(text, spans) if kept is None else kept
    leaks = find_leaks(values, fold(without_marks(kept)), parts)
    return Verification(checked=len(values), parts=len(parts), leaks=tuple(leaks))


def spans_from_report(text: str, data: bytes, report: dict[str, Any]) -> list[Span]:
    """The removed spans a report lists, on ``text`` (the original's text, which they index).

    Raises UsageError when the report belongs to another file or its offsets do not fall on
    the values it hashed (a report from a different version of the reader, say).
    """
    from .report import Hasher

    if (report.get("input") or {}).get("sha256") != hashlib.sha256(data).hexdigest():
        raise UsageError("the report was written for a different original (its sha256 differs)")
    hasher = Hasher.of_report(report)
    spans: list[Span] = []
    try:
        for item in report.get("findings", []):
            if item.get("action") == "keep":
                continue
            start, end = int(item["start"]), int(item["end"])
            if not 0 <= start <= end <= len(text):
                raise ValueError
            if hasher is not None and item.get("text_hmac") and hasher(text[start:end]) != item["text_hmac"]:
                raise UsageError("the report's findings do not match this original's text; "
                                 "verify without --report")
            spans.append((start, end, str(item.get("type", "UNKNOWN"))))
    except (KeyError, TypeError, ValueError):
        raise UsageError("the report is not a redactor report (bad findings)") from None
    return spans


def describe(leaks: Sequence[Leak]) -> str:
    """One line naming the types and parts of ``leaks`` (never their text)."""
    types = ", ".join(sorted({leak.entity_type for leak in leaks}))
    parts = sorted({leak.part for leak in leaks})
    named = ", ".join(parts[:NAMED_PARTS]) + (f" and {len(parts) - NAMED_PARTS} more" if len(parts) > NAMED_PARTS
                                               else "")
    return f"removed value(s) of type {types} still readable in: {named}"


def verify_output(doc: Document, decisions: Sequence[Decision], parts: Iterable[tuple[str, str]]) -> Verification:
    """Raise UnsafeToRedact if any removed value survives in ``parts`` (the pipeline's gate)."""
    result = check(doc.text, decision_spans(decisions), parts, kept=splice(doc.text, decisions))
    if result.leaks:
        raise UnsafeToRedact(f"verification failed: {describe(result.leaks)}; nothing written")
    return result
