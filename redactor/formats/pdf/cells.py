"""Ruled tables: which characters sit in which cell, so a row can be read as one line.

pdfplumber's text map reads a page line by line, so a table cell whose text wraps
comes out on the next line, between the wrapped parts of the row's other cells
(``ADMIN`` on one line, ``SUSP`` on the next). :func:`ruled_tables` finds the
tables drawn with ruling lines (pdfplumber's ``lines`` strategy: a full grid, as
ReportLab's ``GRID``, Word and printed spreadsheets draw them); :func:`place` then
assigns each character, in a reading frame (``order.py``), to the cell its centre
lies in, and gives each table as rows of cells. ``order.py`` turns them into text.

Tables without ruling lines keep the line-by-line reading (cells split at column
gutters): pdfplumber's ``text`` strategy makes a row of every text line, so it cannot
tell a wrapped line from a new row, and it cuts the last column short where the
text is ragged; a guess there could join two rows into one, which is worse than
leaving a wrapped cell split.

A table is read by its cells only when that is safe; otherwise it is read as
before: it must have at least two columns (a box drawn round a page or a
paragraph is not a table), every visible character inside it must fall in a
cell, no text may stand beside it (left or right, at the height of its rows), it
must not overlap another table, and (checked in ``order.py``) all its text must
run in one direction.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pdfplumber.page import Page

from .model import Rect

Char = dict[str, Any]
#: the cells of one ruled table: boxes in pdfplumber coordinates, or in a reading frame.
Grid = tuple[Rect, ...]

#: pdfplumber's table finding: ruling lines only (see the module docstring).
SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
#: a page with more ruling edges than this is read without tables (finding them grows faster than the
#: edges: about 1 s for 10,000 edges crossing at random).
MAX_EDGES = 10_000
#: cell edges closer than this (points) are the same row or column boundary.
ALIGN = 1.0


@dataclass(frozen=True)
class Table:
    """A table in a reading frame: its box and, row by row, each column's characters (empty if none)."""

    box: Rect
    rows: tuple[tuple[tuple[Char, ...], ...], ...]


def ruled_tables(page: Page) -> list[Grid]:
    """The cells of each table pdfplumber finds from the page's ruling lines; none if it cannot."""
    try:
        if len(page.edges) > MAX_EDGES:
            return []
        tables = page.find_tables(SETTINGS)
    except MemoryError:  # a memory limit, not a table
        raise
    except Exception:  # pdfminer and pdfplumber raise many kinds; read the page without tables
        return []
    return [tuple((float(x0), float(top), float(x1), float(bottom)) for x0, top, x1, bottom in table.cells)
            for table in tables if table.cells]


def bounds(cells: Sequence[Rect]) -> Rect:
    """The box round ``cells``."""
    return (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))


def centre(char: Char) -> tuple[float, float]:
    return (float(char["x0"]) + float(char["x1"])) / 2, (float(char["top"]) + float(char["bottom"])) / 2


def inside(point: tuple[float, float], box: Rect) -> bool:
    x, y = point
    return box[0] < x < box[2] and box[1] < y < box[3]


def place(chars: Sequence[Char], grids: Sequence[Grid]) -> tuple[list[Table], list[Char]]:
    """The tables of ``grids`` that can be read by cell, with their characters, and the other chars.

    ``chars`` and ``grids`` are in one reading frame (text runs left to right, rows go down).
    Tables are returned top to bottom; a grid that is not safe to read by cell (module
    docstring) is left out, and its characters are among the others.
    """
    tables: list[Table] = []
    taken: set[int] = set()
    for grid in sorted(grids, key=lambda g: bounds(g)[1]):
        box = bounds(grid)
        if any(_overlap(box, t.box) for t in tables):
            continue
        found = _assign(chars, grid, box, taken)
        if found is not None:
            table, ids = found
            tables.append(table)
            taken |= ids
    return tables, [c for c in chars if id(c) not in taken]


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _assign(chars: Sequence[Char], grid: Grid, box: Rect, taken: set[int]) -> tuple[Table, set[int]] | None:
    """The table of ``grid`` and the ids of the chars it holds, or None when it is not safe to read by cell."""
    tops, lefts = _boundaries(c[1] for c in grid), _boundaries(c[0] for c in grid)
    if len(lefts) < 2:
        return None
    slots: dict[tuple[int, int], int] = {}  # (row, column) -> the cell covering it
    home: dict[tuple[int, int], int] = {}  # (row, column) where a cell's text is read -> the cell
    for index, (x0, top, x1, bottom) in enumerate(grid):
        rows = [r for r, t in enumerate(tops) if top - ALIGN <= t < bottom - ALIGN]
        cols = [c for c, left in enumerate(lefts) if x0 - ALIGN <= left < x1 - ALIGN]
        if not rows or not cols:
            return None
        if (rows[0], cols[0]) in home:
            return None  # two cells in one place: one's text would be lost
        home[(rows[0], cols[0])] = index
        for r in rows:
            for c in cols:
                slots.setdefault((r, c), index)
    held: list[list[Char]] = [[] for _ in grid]
    ids: set[int] = set()
    for char in chars:
        if id(char) in taken:
            continue
        point = centre(char)
        if not inside(point, box):
            if box[1] < point[1] < box[3] and not char["text"].isspace():
                return None  # text beside the table: its reading order is unknown
            continue
        cell = slots.get((bisect_right(tops, point[1] + ALIGN) - 1, bisect_right(lefts, point[0] + ALIGN) - 1))
        if cell is None or not inside(point, _grown(grid[cell])):
            if char["text"].isspace():
                ids.add(id(char))  # a space between cells carries nothing
                continue
            return None
        held[cell].append(char)
        ids.add(id(char))
    width = max(c for _, c in home) + 1
    rows_out: list[list[tuple[Char, ...]]] = [[() for _ in range(width)] for _ in tops]
    for (r, c), index in home.items():
        rows_out[r][c] = tuple(held[index])
    return Table(box, tuple(tuple(row) for row in rows_out)), ids


def _boundaries(values: Iterable[float]) -> list[float]:
    """Sorted distinct values, those within :data:`ALIGN` of the previous one merged."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > ALIGN:
            out.append(v)
    return out


def _grown(cell: Rect) -> Rect:
    return (cell[0] - ALIGN, cell[1] - ALIGN, cell[2] + ALIGN, cell[3] + ALIGN)
