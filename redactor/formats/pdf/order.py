"""Reading order: a page's characters as text, whatever way the page is turned.

pdfplumber reports glyphs as displayed, with ``/Rotate`` applied, and its text
map reads left-to-right, top-to-bottom. On a page turned with ``/Rotate 90`` (or
one whose content is drawn sideways) the text then comes out one word per line.
So characters are grouped by the direction their text runs, each group is turned
upright into a *reading frame*, and pdfplumber's non-layout text map is built
there. The text map keeps a reference to each original char, so the glyphs stay
exactly pdfplumber's.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, Literal

from pdfplumber.utils.text import chars_to_textmap

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


def reading_entries(chars: list[Char]) -> list[Entry]:
    """The text map of ``chars``: main direction first, then any other direction, one block each."""
    groups: dict[Direction, list[Char]] = {}
    for char in chars:
        groups.setdefault(direction(char), []).append(char)
    counts = Counter({d: sum(not c["text"].isspace() for c in group) for d, group in groups.items()})
    entries: list[Entry] = []
    for dir_, _ in counts.most_common():
        group_entries = _group_entries(groups[dir_], dir_)
        if group_entries and entries:
            entries.append(("\n", None))
        entries.extend(group_entries)
    return entries


#: A gap between two words of a line wider than this many font sizes separates table cells.
CELL_GAP = 1.0


def _group_entries(chars: list[Char], dir_: Direction) -> list[Entry]:
    """Text map of chars that all run in ``dir_``, read in their upright frame.

    A space the text map inserted across a wide horizontal gap (a table's
    column gutter) becomes a tab, so each table row reads as tab-separated cells.
    """
    framed = [_in_frame(char, dir_) for char in chars]
    textmap = chars_to_textmap(framed, layout=False)
    tuples = textmap.tuples
    entries: list[Entry] = []
    for i, (text, obj) in enumerate(tuples):
        if text == " " and obj is None and 0 < i < len(tuples) - 1:
            before, after = tuples[i - 1][1], tuples[i + 1][1]
            if before is not None and after is not None and _is_cell_gap(before, after):
                text = "\t"
        entries.append((text, None if obj is None else obj[_SOURCE]))
    return entries


def _is_cell_gap(before: Char, after: Char) -> bool:
    """Whether two neighbouring words of a line sit in different table cells."""
    size = max(float(before.get("size") or 0), float(after.get("size") or 0), 1.0)
    same_line = abs(float(before["top"]) - float(after["top"])) < size / 2
    return same_line and float(after["x0"]) - float(before["x1"]) > CELL_GAP * size


def _in_frame(char: Char, dir_: Direction) -> Char:
    """A copy of ``char`` with its box turned into ``dir_``'s reading frame."""
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
        "upright": True,
        _SOURCE: char,
    }
