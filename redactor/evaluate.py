"""Score detection and leaks against gold annotations (``<name>.gold.json``).

Gold spans are offsets into the ``.txt`` version of a document; for the
other formats each gold text is found again in the text the reader produces
(whitespace-flexible, case-sensitive), so one gold file scores every format.

* Detection, per entity type: a gold span is recalled when a finding of the
  same type overlaps it; a finding is correct when it overlaps a gold span of
  its type. ``overall`` ignores types. F2 weighs recall four times precision.
* Uncovered rate: gold spans with a word left outside every removed region
  (stricter than overlap; measured on the decisions, so the same for every
  format, PDF included, whose re-rendered pages carry no text to leak).
* Leak rate: the document is redacted for real and the output's text is
  extracted again; a gold span leaks when its text occurs in the output more
  often than it occurs in the original outside gold spans; for names and
  addresses one of their words left is enough.

Documents are run blind: no ``--subject`` or ``--name`` is given.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from .detect.types import kind as entity_kind
from .document import Document, Finding
from .errors import RedactorError, UsageError
from .formats import format_for
from .pipeline import Redactor
from .verify import fold, occurrences

#: kinds of finding the gold files annotate (party units and content regions are not scored)
SCORED_KINDS = {"identifier", "personal", "disciplinary", "special"}

#: Types that count as each other when scoring (a profile URL is both a URL and a handle).
EQUIVALENT = {"HANDLE": "URL"}


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    type: str
    text: str


def _same(t: str) -> str:
    return EQUIVALENT.get(t, t)


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    pattern = r"\s*".join(re.escape(w) for w in value.split())
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", text)]


def anchor(doc: Document, gold: Sequence[dict[str, Any]], source_text: str | None) -> list[GoldSpan]:
    """Gold spans located in ``doc.text``.

    With ``source_text`` None the document *is* the gold's text file and offsets
    are used as they are. Otherwise each gold text is matched by occurrence: the
    k-th occurrence in the text file is the k-th in the document; a value whose
    every occurrence is gold (a name) is gold at every occurrence in the document
    (a running header repeats it on each PDF page).
    """
    if source_text is None:
        return [GoldSpan(g["start"], g["end"], g["type"], g["text"]) for g in gold]
    by_value: dict[tuple[str, str], list[int]] = defaultdict(list)
    for g in gold:
        by_value[(g["text"], g["type"])].append(g["start"])
    spans: dict[tuple[int, int], GoldSpan] = {}
    for (value, kind), starts in by_value.items():
        in_source = [s for s, _ in _occurrences(source_text, value)]
        in_doc = _occurrences(doc.text, value)
        indices = {in_source.index(s) for s in starts if s in in_source}
        every = len(indices) >= len(in_source)
        for k, (s, e) in enumerate(in_doc):
            if every or k in indices:
                spans.setdefault((s, e), GoldSpan(s, e, kind, value))
    return sorted(spans.values(), key=lambda s: s.start)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _matches(g: GoldSpan, f: Finding, typed: bool) -> bool:
    """A finding matches a gold span when they overlap (and, if ``typed``, have the same type)."""
    return _overlaps(g.start, g.end, f.start, f.end) and (not typed or _same(f.entity_type) == _same(g.type))


class Tally:
    """Counts for precision and recall, per type and overall."""

    def __init__(self) -> None:
        self.gold: dict[str, int] = defaultdict(int)
        self.hit: dict[str, int] = defaultdict(int)
        self.found: dict[str, int] = defaultdict(int)
        self.correct: dict[str, int] = defaultdict(int)

    def add(self, gold: Sequence[GoldSpan], findings: Sequence[Finding]) -> None:
        for g in gold:
            for key, typed in ((g.type, True), ("overall", False)):
                self.gold[key] += 1
                self.hit[key] += any(_matches(g, f, typed) for f in findings)
        for f in findings:
            for key, typed in ((f.entity_type, True), ("overall", False)):
                self.found[key] += 1
                self.correct[key] += any(_matches(g, f, typed) for g in gold)

    def scores(self, key: str) -> dict[str, Any]:
        p = self.correct[key] / self.found[key] if self.found[key] else 1.0
        r = self.hit[key] / self.gold[key] if self.gold[key] else 1.0
        f2 = 5 * p * r / (4 * p + r) if (p + r) else 0.0
        return {"gold": self.gold[key], "found": self.found[key], "precision": round(p, 4),
                "recall": round(r, 4), "f2": round(f2, 4)}


#: Types whose every word identifies: one word left ("O'Meara" of "Clodagh O'Meara") is a leak.
WORD_LEAK_TYPES = frozenset({"PERSON", "ADDRESS"})


def leaked_by_type(doc: Document, gold: Sequence[GoldSpan], output_text: str) -> dict[str, int]:
    """How many gold spans of each type are still readable in the output, wholly or (for identifying types) in part."""
    outside = list(doc.text)
    for g in gold:
        outside[g.start:g.end] = [" "] * (g.end - g.start)
    residual, out = fold("".join(outside)), fold(output_text)
    by_text: dict[tuple[str, str], int] = defaultdict(int)
    for g in gold:
        by_text[(fold(g.text).strip(), g.type)] += 1

    def excess(value: str) -> int:
        return max(0, occurrences(out, value) - occurrences(residual, value))

    leaked: dict[str, int] = defaultdict(int)
    for (text, kind), n in by_text.items():
        words = re.findall(r"[^\W\d_][\w'\u2019\-]*", text) if kind in WORD_LEAK_TYPES else []
        parts = [text] + [w for w in words if len(w) >= 3]
        count = min(n, max(excess(p) for p in parts))
        if count:
            leaked[kind] += count
    return dict(leaked)


def leaked_spans(doc: Document, gold: Sequence[GoldSpan], output_text: str) -> int:
    """How many gold spans are still readable in the output (all types together)."""
    return sum(leaked_by_type(doc, gold, output_text).values())


def uncovered_spans(gold: Sequence[GoldSpan], decisions: Sequence[Any], text: str) -> int:
    """Gold spans with a word left outside every removed region, whatever the format's writer does.

    A word is any token with a digit, or of letters that is not a stop word
    ("a", "the", "on" at the edge of a gold span are not a leak).
    """
    removed = bytearray(len(text))
    for d in decisions:
        removed[d.start:d.end] = b"\x01" * (d.end - d.start)

    def left(g: GoldSpan) -> bool:
        for m in re.finditer(r"\w[\w'\u2019\-]*", text[g.start:g.end]):
            word = m.group()
            meaningful = any(c.isdigit() for c in word) or word.lower() not in STOP_WORDS
            if meaningful and not all(removed[g.start + i] for i in range(m.start(), m.end())):
                return True
        return False

    return sum(left(g) for g in gold)


def _source_text(path: Path) -> str:
    if not path.exists():
        raise UsageError(f"{path.name} is missing: gold offsets refer to the .txt version of each document")
    return format_for(path).read(path.read_bytes(), path.name).text


def gold_files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.gold.json"))
    if not files:
        raise UsageError(f"no *.gold.json files in {folder}")
    return files


def evaluate(folder: Path, *, formats: Iterable[str], path: str, redactor: Redactor) -> dict[str, Any]:
    folder = Path(folder)
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    leaks: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    leaks_by_type: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[dict[str, str]] = []
    for gold_file in gold_files(folder):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        stem = gold_file.name[: -len(".gold.json")]
        split = gold.get("split", "dev")
        source: str | None = None
        for fmt_name in formats:
            src = folder / f"{stem}.{fmt_name}"
            if not src.exists():
                continue
            fmt = format_for(src)
            try:
                outcome = redactor.redact_bytes(src.read_bytes(), src.name, path=path)
            except RedactorError as exc:
                errors.append({"file": src.name, "error": str(exc)})
                continue
            doc = outcome.document
            if fmt_name == "txt":
                source = doc.text
            elif source is None:
                source = _source_text(folder / f"{stem}.txt")
            spans = anchor(doc, gold["spans"], None if fmt_name == "txt" else source)
            scored = [f for f in outcome.findings if entity_kind(f.entity_type) in SCORED_KINDS]
            tallies[(split, fmt_name)].add(spans, scored)
            counter = leaks[(split, fmt_name)]
            for kind, n in leaked_by_type(doc, spans, fmt.extract_text(outcome.output)).items():
                counter[0] += n
                leaks_by_type[(split, fmt_name)][kind] += n
            counter[1] += len(spans)
            counter[2] += 1
            counter[3] += uncovered_spans(spans, outcome.decisions, doc.text)
    splits: dict[str, dict[str, Any]] = defaultdict(dict)
    for (split, fmt_name), tally in sorted(tallies.items()):
        leaked, total, documents, uncovered = leaks[(split, fmt_name)]
        types = sorted(k for k in set(tally.gold) | set(tally.found) if k != "overall")
        splits[split][fmt_name] = {
            "documents": documents,
            "types": {t: tally.scores(t) for t in types},
            "overall": tally.scores("overall"),
            "leaked": leaked,
            "gold_spans": total,
            "leak_rate": round(leaked / total, 4) if total else 0.0,
            "leaked_by_type": dict(sorted(leaks_by_type[(split, fmt_name)].items())),
            "uncovered": uncovered,
            "uncovered_rate": round(uncovered / total, 4) if total else 0.0,
        }
    return {"path": path, "splits": dict(splits), "errors": errors}
