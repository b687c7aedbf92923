"""Reading order: a page's characters as text, whatever way the page is turned.

pdfplumber reports glyphs as displayed, with ``/Rotate`` applied, and its text
map reads left-to-right, top-to-bottom. On a page turned with ``/Rotate 90`` (or
one whose content is drawn sideways) the text then comes out one word per line.
So characters are grouped by the direction their text runs, each group is turned
upright into a *reading frame*, and pdfplumber's non-layout text map is built
there. The text map keeps a reference to each original char, so the glyphs stay
exactly pdfplumber's.

A ruled table (``cells.py``) is read by its cells instead: each row one line, its
cells separated by tabs (an empty cell is an empty field, so a cell's column is the
number of tabs before it), a cell's wrapped lines joined by one space (by nothing
after a hyphen ending a word, so ``Frimpong-`` / ``Manso`` reads ``Frimpong-Manso``),
rows top to bottom; the rest of the page is read as before, above and below it.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, Literal

from pdfplumber.utils.text import chars_to_textmap

from .cells import Grid, Table, bounds, centre, inside, place

Direction = Literal["ltr", "rtl", "ttb", "btt"]
Char = dict[str, Any]
#: a text map entry: one character of text and the original pdfplumber char (``None`` if inserted).
Entry = tuple[str, Char | None]

_SOURCE = "_redactor_source"


def direction(char: Char) -> Direction:
    """Which way the char's text runs on the displayed page (from its text matrix)."""
    a, b = float(char["matrix"][0]), float(char["matrix"][1])
    if abs(a) >= abs(b):
        return "ltr" if a >= 0 else "rtl"
    return "ttb" if b < 0 else "btt"  # pdfminer's y axis points up


#: (x0, top, x1, bottom) -> the same box in a frame where text of that direction runs left-to-right.
_FRAMES: dict[Direction, Callable[[float, float, float, float], tuple[float, float, float, float]]] = {
    "ltr": lambda x0, top, x1, bottom: (x0, top, x1, bottom),
    "rtl": lambda x0, top, x1, bottom: (-x1, -bottom, -x0, -top),
    "ttb": lambda x0, top, x1, bottom: (top, -x1, bottom, -x0),
    "btt": lambda x0, top, x1, bottom: (-bottom, x0, -top, x1),
}


def reading_entries(chars: list[Char], grids: Sequence[Grid] = ()) -> list[Entry]:
    """The text map of ``chars``: main direction first, then any other direction, one block each.

    ``grids`` are the cells of the page's ruled tables (:func:`cells.ruled_tables`); a table
    all of whose text runs one way is read by its cells in that direction's block.
    """
    groups: dict[Direction, list[Char]] = {}
    for char in chars:
        groups.setdefault(direction(char), []).append(char)
    tables = _tables_by_direction(chars, grids)
    counts = Counter({d: sum(not c["text"].isspace() for c in group) for d, group in groups.items()})
    entries: list[Entry] = []
    for dir_, _ in counts.most_common():
        group_entries = _group_entries(groups[dir_], dir_, tables.get(dir_, []))
        if group_entries and entries:
            entries.append(("\n", None))
        entries.extend(group_entries)
    return entries


def _tables_by_direction(chars: list[Char], grids: Sequence[Grid]) -> dict[Direction, list[Grid]]:
    """Each grid under the one direction its text runs in; a grid with text of two directions, or none, is left out."""
    out: dict[Direction, list[Grid]] = {}
    for grid in grids:
        box = bounds(grid)
        runs = {direction(c) for c in chars if not c["text"].isspace() and inside(centre(c), box)}
        if len(runs) == 1:
            out.setdefault(runs.pop(), []).append(grid)
    return out


#: A gap between two words of a line wider than this many font sizes separates table cells.
CELL_GAP = 1.0


def _group_entries(chars: list[Char], dir_: Direction, grids: Sequence[Grid] = ()) -> list[Entry]:
    """Text map of chars that all run in ``dir_``, read in their upright frame.

    Ruled tables (``grids``) are read by cell (:func:`_table_entries`); the text above,
    between and below them by line (:func:`_line_entries`).
    """
    framed = [_in_frame(char, dir_) for char in chars]
    frame = _FRAMES[dir_]
    tables, rest = place(framed, [tuple(frame(*cell) for cell in grid) for grid in grids])
    tops = [table.box[1] for table in tables]
    between: list[list[Char]] = [[] for _ in range(len(tables) + 1)]
    for char in rest:  # above the first table, between two tables, below the last
        between[bisect_right(tops, centre(char)[1])].append(char)
    parts = [_line_entries(between[0])]
    for table, after in zip(tables, between[1:]):
        parts += [_table_entries(table), _line_entries(after)]
    entries: list[Entry] = []
    for part in parts:
        if part and entries:
            entries.append(("\n", None))
        entries.extend(part)
    return entries


def _line_entries(framed: list[Char]) -> list[Entry]:
    """The text map of framed chars, line by line.

    A space the text map inserted across a wide horizontal gap (a table's
    column gutter) becomes a tab, so each table row reads as tab-separated cells.
    """
    if not framed:
        return []
    tuples = chars_to_textmap(framed, layout=False).tuples
    entries: list[Entry] = []
    for i, (text, obj) in enumerate(tuples):
        if text == " " and obj is None and 0 < i < len(tuples) - 1:
            before, after = tuples[i - 1][1], tuples[i + 1][1]
            if before is not None and after is not None and _is_cell_gap(before, after):
                text = "\t"
        entries.append((text, None if obj is None else obj[_SOURCE]))
    return entries


def _table_entries(table: Table) -> list[Entry]:
    """A table read by cell: one line per row, cells separated by tabs, empty trailing cells dropped."""
    entries: list[Entry] = []
    for row in table.rows:
        cells = [_cell_entries(chars) for chars in row]
        while cells and not any(not text.isspace() for text, _ in cells[-1]):
            cells.pop()
        if not cells:
            continue
        if entries:
            entries.append(("\n", None))
        for i, cell in enumerate(cells):
            if i:
                entries.append(("\t", None))
            entries.extend(cell)
    return entries


def _cell_entries(chars: Sequence[Char]) -> list[Entry]:
    """One cell's text on one line: its wrapped lines joined by a space (by nothing after a hyphen)."""
    if not chars:
        return []
    entries: list[Entry] = []
    for text, obj in chars_to_textmap(list(chars), layout=False).tuples:
        if obj is None and text == "\n":
            last = entries[-1][0] if entries else " "
            hyphen = last == "-" and len(entries) > 1 and entries[-2][0].isalpha()
            if not (last.isspace() or hyphen):
                entries.append((" ", None))
            continue
        entries.append((text, None if obj is None else obj[_SOURCE]))
    return entries


def _is_cell_gap(before: Char, after: Char) -> bool:
    """Whether two neighbouring words of a line sit in different table cells."""
    size = max(float(before.get("size") or 0), float(after.get("size") or 0), 1.0)
    same_line = abs(float(before["top"]) - float(after["top"])) < size / 2
    return same_line and float(after["x0"]) - float(before["x1"]) > CELL_GAP * size


def _in_frame(char: Char, dir_: Direction) -> Char:
    """A copy of ``char`` with its box turned into ``dir_``'s reading frame.

    Its ``size`` becomes its height in the frame: pdfminer gives a char's displayed height,
    which for text turned sideways is the glyph's advance, not its font size.
    """
    x0, top, x1, bottom = _FRAMES[dir_](char["x0"], char["top"], char["x1"], char["bottom"])
    return {
        **char,
        "x0": x0,
        "top": top,
        "x1": x1,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "size": bottom - top,
        "upright": True,
        _SOURCE: char,
    }
