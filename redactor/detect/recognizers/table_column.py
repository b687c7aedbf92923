"""Values in the columns of text tables: membership exports, canvass returns, HR registers.

A header line of three or more cells (separated by two or more spaces or a
tab) whose cells name known columns (``table_columns`` in
``models/detection.yaml``: "Membership no.", "Ethnicity", "Voting intention")
makes every cell below it in that column a finding of the column's type,
until a blank line. A dashed rule under the header, if there is one, gives
the column bounds; otherwise the header cells do. Comma-separated rows pasted
as text (an app's CSV export) are read the same way, by field.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..gazetteer import is_only_a_word
from ..lines import line_spans
from ..vocabulary import data
from .base import CodeRecognizer

_CELL = re.compile(r"[^ \t\n]+(?: [^ \t\n]+)*")  # words joined by single spaces; 2+ spaces or a tab separate cells
_RULE = re.compile(r"^[\s\-=+|_:]+$")


@lru_cache(maxsize=1)
def _column_types() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p, re.I), t) for t, patterns in data()["table_columns"].items() for p in patterns]


@lru_cache(maxsize=1)
def empty_cells() -> frozenset[str]:
    """Cell values that hold nothing (``table_empty_cells``): ``-``, ``n/a``, ``prefer not to say``."""
    return frozenset(str(v).lower() for v in data()["table_empty_cells"])


def _tab_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Tab-separated cells of a line, empty ones included (as zero-length spans), whitespace trimmed."""
    cells, pos = [], start
    for piece in text[start:end].split("\t"):
        lead = len(piece) - len(piece.lstrip())
        cells.append((pos + lead, pos + len(piece.rstrip())) if piece.strip() else (pos, pos))
        pos += len(piece) + 1
    return cells


#: How many lines a table cell's text may wrap onto below its row (a PDF row whose last cell wraps).
WRAP_LINES = 3


def _after_wrapped_cell(text: str, lines: list[tuple[int, int]], row: int, width: int) -> int | None:
    """The next row of a tab-separated table after the wrapped text of a cell at line ``row``: the first
    tabbed line within WRAP_LINES with the header's number of cells; None where the table ends (a blank
    line, or no such row)."""
    for r in range(row, min(row + WRAP_LINES + 1, len(lines))):
        line = text[lines[r][0]:lines[r][1]]
        if not line.strip():
            return None
        if "\t" in line:
            return r if len(_tab_cells(text, *lines[r])) == width else None
    return None


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _CELL.finditer(text[start:end])]


@lru_cache(maxsize=1)
def _value_checks() -> dict[str, re.Pattern[str]]:
    return {t: re.compile(p) for t, p in data()["table_value_checks"].items()}


def plausible(kind: str, value: str) -> bool:
    """Whether a cell's value can be of ``kind`` (an e-mail column's cell must hold an @)."""
    value = value.strip()
    if not value or value.lower() in empty_cells():
        return False
    check = _value_checks().get(kind)
    return check is None or check.search(value) is not None


def column_type(header: str) -> str | None:
    header = header.strip(" :").lower()
    return next((t for pattern, t in _column_types() if pattern.search(header)), None)


def _columns(text: str, lines: list[tuple[int, int]], i: int) -> tuple[list[tuple[int, int, str | None]], int] | None:
    """Typed column bounds (relative to line start) from the header at line ``i``; and the first row's index."""
    ls, le = lines[i]
    if "\t" in text[ls:le]:
        return None  # tab-separated tables are read by position (_tab_tables)
    header = _cells(text, ls, le)
    ruled = i + 1 < len(lines) and _RULE.match(text[lines[i + 1][0]:lines[i + 1][1]] or " ") is not None
    if len(header) < 2 or (len(header) == 2 and not ruled):
        return None  # two cells make a table only over a rule ("present   role / notes" / "-------   -----")
    types = [column_type(text[s:e]) for s, e in header]
    if not any(types):
        return None
    first_row = i + 1
    if first_row < len(lines) and _RULE.match(text[lines[first_row][0]:lines[first_row][1]] or " "):
        rs, re_ = lines[first_row]
        rule = [(s - rs, e - rs) for s, e in ((rs + m.start(), rs + m.end())
                                              for m in re.finditer(r"[-=_]+", text[rs:re_]))]
        if len(rule) == len(header):
            bounds = rule
            first_row += 1
        else:
            bounds = [(s - ls, e - ls) for s, e in header]
            first_row += 1
    else:
        bounds = [(s - ls, e - ls) for s, e in header]
    return [(b[0], b[1], t) for b, t in zip(bounds, types)], first_row


def _assign(columns: list[tuple[int, int, str | None]], offset: int) -> str | None:
    """The type of the column a cell starting at ``offset`` (relative to its line) belongs to."""
    best = None
    for start, _end, t in columns:
        if start - 2 <= offset:
            best = t
    return best


#: Columns that say whose each row is.
IDENTIFYING = frozenset({"PERSON", "MEMBERSHIP_NO", "NINO", "NHS_NUMBER", "EMAIL", "PHONE", "ADDRESS", "POSTCODE"})


#: The recognizer name of table cells whose row does not say whose it is: :mod:`..tie` judges them.
UNOWNED = "TableCellRecognizer"


def _cell(s: int, e: int, kind: str, owned: bool) -> tuple[int, int, dict]:
    """A cell's finding. In a table with no column that says whose a row is (``Sanction | Cases``
    in an annual report), a cell is about a person only if :mod:`..tie` finds one near it."""
    if owned or kind in IDENTIFYING:
        return s, e, {"entity": kind}
    return s, e, {"entity": kind, "recognizer": UNOWNED}


def csv_fields(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The fields of one comma-separated line, as (start, end) of their values (quotes and spaces
    left out); None when the line is not well-formed CSV (an unclosed quote)."""
    fields, pos, quoted, field_start = [], start, False, start
    while pos <= end:
        ch = text[pos] if pos < end else ","
        if quoted:
            if ch == '"' and text[pos + 1:pos + 2] == '"' and pos + 1 < end:
                pos += 1  # an escaped quote inside a quoted field
            elif ch == '"':
                quoted = False
        elif ch == '"' and not text[field_start:pos].strip():
            quoted = True
        elif ch == ",":
            raw = text[field_start:pos]
            lead = len(raw) - len(raw.lstrip())
            value_start, value_end = field_start + lead, field_start + len(raw.rstrip())
            if text[value_start:value_start + 1] == '"' and text[value_end - 1:value_end] == '"' and \
                    value_end - value_start >= 2:
                value_start, value_end = value_start + 1, value_end - 1
            fields.append((value_start, value_end))
            field_start = pos + 1
        pos += 1
    return None if quoted else fields


def _column_below(text: str, lines: list[tuple[int, int]], i: int, kind: str) -> bool:
    """Whether the two-cell rows under line ``i`` hold values of ``kind`` in their first cell (a table
    under a header) rather than labels (key-value rows: ``Respondent <tab> ...``, ``Case <tab> ...``)."""
    rows = 0
    for r in range(i + 1, min(i + 4, len(lines))):
        cells = _tab_cells(text, *lines[r]) if "\t" in text[lines[r][0]:lines[r][1]] else []
        if len(cells) != 2 or cells[0][1] <= cells[0][0]:
            break
        first = text[cells[0][0]:cells[0][1]]
        if column_type(first) or not plausible(kind, first) or all(is_only_a_word(w) for w in first.split()):
            return False  # a label ("Apologies", "Complaint dated"), not a value
        rows += 1
    return rows >= 2


class TableColumnRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    EXTRA_ENTITIES = tuple(sorted(set(data()["table_columns"]) - {"PERSON"}))
    SCORE = 0.9
    DOCUMENT_LEVEL = True  # a header and its rows can be split over paragraphs

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        lines = line_spans(text)
        yield from self._tab_tables(text, lines)
        yield from self._csv_tables(text, lines)
        i = 0
        while i < len(lines):
            found = _columns(text, lines, i)
            if not found:
                i += 1
                continue
            columns, row = found
            owned = any(kind in IDENTIFYING for _, _, kind in columns)
            while row < len(lines) and text[lines[row][0]:lines[row][1]].strip():
                yield from self._row(text, lines[row], columns, owned)
                row += 1
            i = row

    def _tab_tables(self, text: str, lines: list[tuple[int, int]]) -> Iterator[tuple[int, int, dict]]:
        """Tables whose rows are tab-separated cells (DOCX and PDF tables): columns by position in the row.

        Key-value rows (``Sanction <tab> Expulsion``) are about a person by construction only when
        some row of the kind says who (``Respondent <tab> ...``); otherwise they are left to the
        sentence test of :mod:`..tie` like any other finding (recognizer ``UNOWNED``)."""
        pairs: list[tuple[int, int, str]] = []
        i = 0
        while i < len(lines):
            ls, le = lines[i]
            header = _tab_cells(text, ls, le) if "\t" in text[ls:le] else []
            types = [column_type(text[s:e]) if e > s else None for s, e in header]
            typed = sum(t is not None for t in types)
            two_columns = len(header) == 2 and types[0] and not types[1] and _column_below(text, lines, i, types[0])
            # (a two-column table, "present <tab> role / notes" over "amra hodzic <tab> chair": its first
            # column holds values of the header's type, read by the general rule below)
            if len(header) == 2 and types[0] and not types[1] and not two_columns:
                # a key-value row ("Respondent <tab> Mr Anil Mistry"), not a header
                s, e = header[1]
                if plausible(types[0], text[s:e]):
                    pairs.append((s, e, types[0]))
                i += 1
                continue
            if not (typed >= 2 or (typed and len(header) >= 3) or two_columns):
                i += 1
                continue
            owned = any(t in IDENTIFYING for t in types)
            row = i + 1
            while row < len(lines):
                if "\t" not in text[lines[row][0]:lines[row][1]]:
                    following = _after_wrapped_cell(text, lines, row, len(header))
                    if following is None:
                        break
                    row = following
                cells = _tab_cells(text, *lines[row])
                if sum(column_type(text[s:e]) is not None for s, e in cells if e > s) >= 2:
                    break  # the header of the next table
                if len(cells) == len(header):
                    for (s, e), kind in zip(cells, types):
                        if kind and e > s and plausible(kind, text[s:e]):
                            yield _cell(s, e, kind, owned)
                row += 1
            i = row
        owned = any(kind in IDENTIFYING for _, _, kind in pairs)
        for s, e, kind in pairs:
            yield _cell(s, e, kind, owned)

    def _csv_tables(self, text: str, lines: list[tuple[int, int]]) -> Iterator[tuple[int, int, dict]]:
        """Comma-separated tables (``elector,name,address,vi,...`` then one row per line): columns by field."""
        i = 0
        while i < len(lines):
            ls, le = lines[i]
            header = csv_fields(text, ls, le) if text.count(",", ls, le) >= 2 and "\t" not in text[ls:le] else None
            types = [column_type(text[s:e]) for s, e in header or []]
            if not header or sum(t is not None for t in types) < 2:
                i += 1
                continue
            owned = any(t in IDENTIFYING for t in types)
            row = i + 1
            while row < len(lines):
                last = row  # a row may run over several lines: a quoted field with a line break in it,
                cells = csv_fields(text, lines[row][0], lines[last][1])  # or a row wrapped after a comma
                while (cells is None or len(cells) < len(header)) and last + 1 < len(lines) \
                        and last - row < WRAP_LINES and text[lines[last + 1][0]:lines[last + 1][1]].strip():
                    last += 1
                    cells = csv_fields(text, lines[row][0], lines[last][1])
                if not cells or len(cells) != len(header):
                    break
                for (s, e), kind in zip(cells, types):
                    if kind and e > s and plausible(kind, text[s:e]):
                        yield _cell(s, e, kind, owned)
                row = last + 1
            i = row

    def _row(self, text: str, line: tuple[int, int], columns, owned: bool) -> Iterator[tuple[int, int, dict]]:
        ls, le = line
        if _RULE.match(text[ls:le]):
            return
        for s, e in _cells(text, ls, le):
            kind = _assign(columns, s - ls)
            if kind and plausible(kind, text[s:e]):
                yield _cell(s, e, kind, owned)
