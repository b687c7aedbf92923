"""The glyph-exact writer's self-check: read the rewritten page back with pdfplumber.

What pdfplumber reads on the new page must be exactly what the writer meant to
leave: every kept character, in content order, with the same text, where the
layout put it, then the box labels; and nothing else. A removed glyph that
survived, a kept one that went missing or moved, or any glyph the walker did not
understand (so could not account for) fails the page, which is then re-rendered.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pdfplumber.page import Page

from .content import Context, Glyph, rect_under, translate
from .layout import Layout, plumber_rect
from .model import PdfPage, Rect

#: how far (points) a kept character may sit from where the layout put it.
POSITION_TOLERANCE = 0.05


@dataclass(frozen=True)
class Expected:
    """What a rewritten page must read as: kept characters with their boxes, then label text."""

    chars: tuple[tuple[str, Rect], ...]
    labels: str


def in_content_order(contexts: Sequence[Context], index: int = 0) -> Iterator[tuple[int, int, Glyph]]:
    """``(context, glyph index, glyph)`` in the order a reader meets them (forms where they are drawn)."""
    ctx = contexts[index]
    forms = sorted(ctx.forms.items())
    f = 0
    for i, glyph in enumerate(ctx.glyphs):
        while f < len(forms) and forms[f][0] < glyph.op:
            yield from in_content_order(contexts, forms[f][1])
            f += 1
        yield ctx.index, i, glyph
    for _, child in forms[f:]:
        yield from in_content_order(contexts, child)


def expect(page: PdfPage, contexts: Sequence[Context], layout: Layout, labels: str) -> Expected:
    """The characters pdfplumber must find on the page once ``layout`` is applied."""
    chars = []
    for context, index, glyph in in_content_order(contexts):
        key = (context, index)
        if key in layout.removed:
            continue
        if (context, glyph.text_object) in layout.touched:
            bottom = glyph.descent * glyph.size + glyph.rise
            target = translate(glyph.matrix, glyph.x + layout.shifts.get(key, 0.0))
            box = rect_under(target, 0.0, bottom, glyph.miner_width, bottom + glyph.size)
        else:
            box = glyph.miner_box
        chars.append((glyph.text, plumber_rect(box, page)))
    return Expected(tuple(chars), labels)


def check(page: Page, expected: Expected) -> str | None:
    """None when ``page`` reads as expected, else a reason (never document text)."""
    chars = page.chars
    kept = len(expected.chars)
    if len(chars) < kept:
        return "self-check failed (characters missing)"
    for char, (text, rect) in zip(chars, expected.chars):
        if char["text"] != text:
            return "self-check failed (characters differ)"
        got = (char["x0"], char["top"], char["x1"], char["bottom"])
        if any(abs(float(a) - b) > POSITION_TOLERANCE for a, b in zip(got, rect)):
            return "self-check failed (a character moved)"
    if "".join(c["text"] for c in chars[kept:]) != expected.labels:
        return "self-check failed (unexpected characters)"
    return None
