"""Which glyphs go, where the kept ones on their line move, and where the boxes are drawn.

**The width of a redaction.** A black box as wide as the name under it, with
the rest of the line where it was, tells a reader how wide the name was; with
the font's widths that is often enough to pick the name from a short list
(Bland, Iyer and Levchenko, "Story Beyond the Eye: Glyph Positions Break PDF
Text Redaction", PETS 2023). So by default every removed run of text on a line
becomes a box of one fixed width, :data:`REDACTION_EMS` times the font size
(wider only when a box label needs the room, which depends on the label, never
on the text), and the glyphs after it on the same line are moved so the gap is
exactly that box: the space before the next glyph no longer grows with what was
removed. The trade-off: a line with a redaction no longer ends where it did, so
a justified line ends ragged (and the amount it is short or long by still tells
the removed width: a reader who compares its end with the margin learns it),
and a short name followed by a long line may push that line a little past its
margin; text the writer cannot move (the next table cell, text placed by another
content stream) stays where it was, and the box simply ends before it; a page
that falls back to the re-render keeps boxes as wide as the text under them.
``write_pdf(..., hide_width=False)`` (or :data:`HIDE_WIDTH` set to False) keeps
the original layout instead: each box covers exactly what was removed and
nothing moves.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .content import Context, Glyph, apply, translate
from .fonts import Unsupported
from .model import PdfGlyph, PdfPage, Rect, user_box_to_display

#: hide each removed run's width behind a fixed-width box (see the module docstring).
HIDE_WIDTH = True
#: width of a removed run's box, in font sizes.
REDACTION_EMS = 4.0
#: a gap wider than this many font sizes separates table cells: what follows it is not moved.
CELL_GAP = 1.0
#: padding around each box, in points: along the line, and across it as a share of line height.
PAD_ALONG = 1.0
PAD_ACROSS_MIN = 1.0
PAD_ACROSS_SHARE = 0.2
#: a glyph matches a decision's glyph when their boxes agree this closely (points).
MATCH_TOLERANCE = 0.01
#: room left and right of a label inside its box, in label sizes.
LABEL_MARGIN = 0.3
LABEL_SHARE = 0.7

Point = tuple[float, float]
Key = tuple[int, int]  # (context, index of the glyph in the context)


@dataclass(frozen=True)
class DecisionLine:
    """The glyphs of one decision on one line of this page, and the label its box carries."""

    glyphs: tuple[PdfGlyph, ...]
    label: str | None


@dataclass(frozen=True)
class Redaction:
    """A box in user space: ``origin`` + a·``along`` + b·``across`` for a in [0, length], b in [0, height]."""

    origin: Point
    along: Point
    across: Point
    length: float
    height: float
    label: str | None

    def corners(self) -> list[Point]:
        (ox, oy), (ux, uy), (nx, ny) = self.origin, self.along, self.across
        return [(ox + a * ux + b * nx, oy + a * uy + b * ny)
                for a, b in ((0, 0), (self.length, 0), (self.length, self.height), (0, self.height))]


@dataclass
class Layout:
    """What the rewrite does on one page."""

    removed: set[Key] = field(default_factory=set)
    shifts: dict[Key, float] = field(default_factory=dict)  # text space units along the line
    touched: set[tuple[int, int]] = field(default_factory=set)  # (context, text object)
    boxes: list[Redaction] = field(default_factory=list)


def plumber_rect(box: tuple[float, float, float, float], page: PdfPage) -> Rect:
    """A user-space box in ``page``'s pdfplumber coordinates."""
    x0, top, x1, bottom = user_box_to_display(box, page.mediabox, page.rotation)
    ox, oy = page.origin
    return (x0 + ox, top + oy, x1 + ox, bottom + oy)


#: the box length a label needs on a line of a given font size.
LabelWidth = Callable[[str, float], float]


def plan(page: PdfPage, lines: Sequence[DecisionLine], contexts: Sequence[Context], label_width: LabelWidth,
         hide_width: bool = HIDE_WIDTH) -> Layout:
    """Match the decisions' glyphs to the content's, then lay out runs, shifts and boxes."""
    layout = Layout()
    labels = _match(page, lines, contexts, layout.removed)
    for ctx in contexts:
        for line in _baselines(ctx):
            _lay_line(ctx.index, line, layout, labels, label_width, hide_width)
    for (context, index) in layout.removed | set(layout.shifts):
        layout.touched.add((context, contexts[context].glyphs[index].text_object))
    return layout


def _match(page: PdfPage, lines: Sequence[DecisionLine], contexts: Sequence[Context],
           removed: set[Key]) -> dict[Key, str | None]:
    """Mark removed glyphs: each decision glyph exactly, plus any glyph centred in a decision line.

    Returns the label of each removed glyph's decision line. Raises Unsupported when a
    decision glyph has no counterpart in the content (the walker and pdfminer disagree).
    """
    rects = {(ctx.index, i): plumber_rect(g.miner_box, page) for ctx in contexts for i, g in enumerate(ctx.glyphs)}
    grid: dict[tuple[int, int], list[Key]] = {}
    for key, rect in rects.items():
        grid.setdefault((round(rect[0]), round(rect[1])), []).append(key)
    labels: dict[Key, str | None] = {}
    for line in lines:
        for glyph in line.glyphs:
            hits = [key for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                    for key in grid.get((round(glyph.x0) + dx, round(glyph.top) + dy), ())
                    if _same(rects[key], glyph)]
            if not hits:
                raise Unsupported("text could not be matched")
            for key in hits:
                removed.add(key)
                labels.setdefault(key, line.label)
        for run in _visual_lines(line.glyphs):
            x0, top, x1, bottom = _union(run)
            for key, (a, b, c, d) in rects.items():
                if key not in removed and x0 < (a + c) / 2 < x1 and top < (b + d) / 2 < bottom:
                    removed.add(key)
                    labels.setdefault(key, line.label)
    return labels


def _visual_lines(glyphs: Sequence[PdfGlyph]) -> list[list[PdfGlyph]]:
    """``glyphs`` split where the page breaks the line, though the text does not.

    The reader joins a table cell's wrapped lines into one line of text, so one decision
    line may be drawn on two lines of the page; the box round both would take the rest
    of the cell with it. Two glyphs that follow each other are on one drawn line when
    their boxes overlap across it (vertically, or horizontally for vertical text).
    """
    runs: list[list[PdfGlyph]] = []
    for glyph in glyphs:
        last = runs[-1][-1] if runs else None
        if last is not None and (glyph.top < last.bottom and last.top < glyph.bottom
                                 or glyph.x0 < last.x1 and last.x0 < glyph.x1):
            runs[-1].append(glyph)
        else:
            runs.append([glyph])
    return runs


def _same(rect: Rect, glyph: PdfGlyph) -> bool:
    return all(abs(a - b) <= MATCH_TOLERANCE for a, b in zip(rect, (glyph.x0, glyph.top, glyph.x1, glyph.bottom)))


def _union(glyphs: Iterable[PdfGlyph]) -> Rect:
    glyphs = list(glyphs)
    return (min(g.x0 for g in glyphs), min(g.top for g in glyphs), max(g.x1 for g in glyphs),
            max(g.bottom for g in glyphs))


@dataclass
class _Placed:
    """A glyph seen along its line: ``s`` where it starts, ``end`` where the next one would."""

    index: int
    glyph: Glyph
    s: float
    end: float
    scale: float  # user units per text space unit along the line
    size: float  # font size in user units


def _baselines(ctx: Context) -> list[list[_Placed]]:
    """The context's glyphs grouped into lines (same direction, same baseline), each sorted along it."""
    keyed: dict[int, list[tuple[float, _Placed]]] = {}
    for index, glyph in enumerate(ctx.glyphs):
        a, b, c, d, _, _ = glyph.matrix
        scale = math.hypot(a, b)
        if scale == 0:
            continue
        ux, uy = a / scale, b / scale
        ox, oy = apply(glyph.matrix, glyph.x, 0.0)
        s = ox * ux + oy * uy
        placed = _Placed(index, glyph, s, s + glyph.advance * scale, scale, glyph.size * math.hypot(c, d))
        keyed.setdefault(round(math.degrees(math.atan2(uy, ux)) * 10), []).append((ux * oy - uy * ox, placed))
    lines: list[list[_Placed]] = []
    for group in keyed.values():
        group.sort(key=lambda item: item[0])
        current: list[_Placed] = []
        last = None
        for across, placed in group:
            if current and last is not None and abs(across - last) > 0.1 * max(placed.size, 1.0):
                lines.append(current)
                current = []
            current.append(placed)
            last = across
        if current:
            lines.append(current)
    for line in lines:
        line.sort(key=lambda p: p.s)
    return lines


def _lay_line(context: int, line: list[_Placed], layout: Layout, labels: dict[Key, str | None],
              label_width: LabelWidth, hide_width: bool) -> None:
    """Runs of removed glyphs on one line become boxes; kept glyphs after a run move with it."""
    shift, prev_end, i = 0.0, None, 0
    while i < len(line):
        placed = line[i]
        key = (context, placed.index)
        size = max(placed.size, 1e-6)
        if prev_end is not None and placed.s - prev_end > CELL_GAP * size:
            shift = 0.0  # a new cell: its position does not depend on what came before
        if key not in layout.removed:
            if shift:
                layout.shifts[key] = shift / placed.scale
            prev_end = placed.end if prev_end is None else max(prev_end, placed.end)
            i += 1
            continue
        j = i + 1
        # a run of removed glyphs ends at a cell gap: each cell of a table row gets its own box
        while (j < len(line) and (context, line[j].index) in layout.removed
               and line[j].s - line[j - 1].end <= CELL_GAP * max(line[j].size, 1e-6)):
            j += 1
        run = line[i:j]
        start, end = min(p.s for p in run), max(p.end for p in run)
        label = next((labels[(context, p.index)] for p in run if labels.get((context, p.index))), None)
        length = end - start
        if hide_width:
            size = max(p.size for p in run)
            length = max(REDACTION_EMS * size, label_width(label, size) if label else 0.0)
        layout.boxes.append(_box(run, start + shift, length, label))
        if hide_width:
            shift += length - (end - start)
        prev_end = end if prev_end is None else max(prev_end, end)
        i = j


def _box(run: list[_Placed], start: float, length: float, label: str | None) -> Redaction:
    """The padded box over a run, ``length`` long from ``start`` along the line."""
    first = run[0].glyph
    a, b, _, _, _, _ = first.matrix
    scale = math.hypot(a, b)
    ux, uy = a / scale, b / scale
    nx, ny = -uy, ux
    across = []
    for placed in run:
        g = placed.glyph
        bottom = g.descent * g.size + g.rise
        m = translate(g.matrix, g.x)
        for x, y in ((0.0, bottom), (g.width, bottom), (g.width, bottom + g.size), (0.0, bottom + g.size)):
            px, py = apply(m, x, y)
            across.append(px * nx + py * ny)
    low, high = min(across), max(across)
    pad = max(PAD_ACROSS_MIN, PAD_ACROSS_SHARE * (high - low))
    low, high = low - pad, high + pad
    s0 = start - PAD_ALONG
    origin = (s0 * ux + low * nx, s0 * uy + low * ny)
    return Redaction(origin, (ux, uy), (nx, ny), length + 2 * PAD_ALONG, high - low, label)

