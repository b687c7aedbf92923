"""Writing a redacted PDF: glyph-exact removal, with a page re-render as the fallback.

For every page with a decision, the text-showing operators of its content
streams (and of the Form XObjects it uses) are rewritten so the removed glyphs
are gone from the file while every other glyph stays vector text, selectable
and in place (:mod:`.content` finds the glyphs, :mod:`.layout` decides what
goes and what moves, :mod:`.rewrite` writes it, :mod:`.images` paints image
pixels under the boxes). Opaque black boxes are drawn where text was removed,
by default all of one width so they do not tell how long the removed text was
(see :mod:`.layout` for that trade-off). Each rewritten page is then read back
with pdfplumber (:mod:`.check`); a page that cannot be rewritten safely (Type3
or vertical fonts, CMaps other than Identity-H, missing widths, an image format
that cannot be painted, a failed self-check, any error) is re-rendered as a
black-boxed image instead (:mod:`.render`), and ``Document.warnings`` gets one
line saying which page and why. Finally everything outside the visible content
that can hold text is removed (:mod:`.strip`) and the file is saved whole.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO

import pdfplumber
import pikepdf

from ...document import Decision, Document
from ...errors import RedactorError, UnsafeToRedact
from .check import Expected, check, expect
from .content import IDENTITY, Walker
from .fonts import Unsupported
from .layout import HIDE_WIDTH, DecisionLine, plan
from .model import Box, PdfGlyph, PdfSource, Rect, plumber_rect_to_user
from .read import quiet_pdfminer
from .render import render_pages, render_redacted
from .rewrite import Labels, rewrite_page
from .strip import inherited, strip_contents, strip_document

#: padding of the fallback's boxes, in points: along the line, and across it as a share of line height.
PAD_ALONG = 1.0
PAD_ACROSS_MIN = 1.0
PAD_ACROSS_SHARE = 0.2

__all__ = ["boxes_by_page", "render_redacted", "strip_document", "write_pdf"]


def write_pdf(doc: Document, decisions: Sequence[Decision], *, hide_width: bool = HIDE_WIDTH) -> bytes:
    """A redacted copy of ``doc``: see the module docstring. Appends fallback notes to ``doc.warnings``."""
    source = _source(doc)
    lines = lines_by_page(doc, decisions)
    try:
        with pikepdf.open(BytesIO(source.data)) as pdf:
            fallback, expected = _rewrite_pages(pdf, source, lines, hide_width)
            if expected:
                fallback.update(_self_check(pdf, expected))
            for number in strip_contents(pdf):
                fallback.setdefault(number, "its content could not be parsed")
            if fallback:
                boxes = boxes_by_page(doc, decisions, source)
                render_pages(pdf, source.data, {n: boxes.get(n, []) for n in fallback})
            doc.warnings.extend(f"page {n} re-rendered as an image: {fallback[n]}" for n in sorted(fallback))
            strip_document(pdf)
            return _save(pdf)
    except RedactorError:
        raise
    except Exception as error:  # pikepdf/pdfium raise many kinds
        raise UnsafeToRedact(f"the redacted PDF could not be built ({type(error).__name__})") from None


def _source(doc: Document) -> PdfSource:
    """The reader's native handle, checked."""
    if not isinstance(doc.native, PdfSource):
        raise TypeError("Pdf.write needs a Document read by Pdf.read")
    return doc.native


def _rewrite_pages(pdf: pikepdf.Pdf, source: PdfSource, lines: dict[int, list[DecisionLine]],
                   hide_width: bool) -> tuple[dict[int, str], dict[int, Expected]]:
    """Rewrite every page with decisions; returns the pages to fall back (with why) and what the rest expect."""
    fallback: dict[int, str] = {}
    expected: dict[int, Expected] = {}
    walker, labels = Walker(), Labels()
    for number in sorted(lines):
        page, geometry = pdf.pages[number - 1], source.pages[number - 1]
        if number in source.ocr_pages:
            fallback[number] = "a scanned page (its text was read by OCR)"
            continue
        try:
            with quiet_pdfminer():
                contexts = walker.walk(page, inherited(page.obj, "/Resources"), IDENTITY)
                layout = plan(geometry, lines[number], contexts, labels.room, hide_width)
                printed = rewrite_page(pdf, page, contexts, layout, labels)
                expected[number] = expect(geometry, contexts, layout, printed)
        except Unsupported as reason:
            fallback[number] = str(reason)
        except Exception as error:  # a page that cannot be rewritten is re-rendered, whatever the cause
            fallback[number] = f"it could not be rewritten ({type(error).__name__})"
    return fallback, expected


def _self_check(pdf: pikepdf.Pdf, expected: dict[int, Expected]) -> dict[int, str]:
    """Read the rewritten pages back with pdfplumber; the pages that do not read as expected, with why."""
    failed: dict[int, str] = {}
    out = BytesIO()
    pdf.save(out, fix_metadata_version=False)
    with quiet_pdfminer(), pdfplumber.open(BytesIO(out.getvalue())) as plumber:
        for number, wanted in expected.items():
            try:
                page = plumber.pages[number - 1]
                reason = check(page, wanted)
                page.close()
            except Exception as error:  # pdfminer raises many kinds
                reason = f"self-check failed ({type(error).__name__})"
            if reason:
                failed[number] = reason
    return failed


def lines_by_page(doc: Document, decisions: Sequence[Decision]) -> dict[int, list[DecisionLine]]:
    """Each decision's glyphs split into lines, by 1-based page; the label goes with its first line."""
    found: dict[int, list[DecisionLine]] = {}
    for decision in decisions:
        for i, glyphs in enumerate(_lines(doc, decision)):
            label = decision.box_label if i == 0 else None
            found.setdefault(glyphs[0].page, []).append(DecisionLine(tuple(glyphs), label))
    return found


def boxes_by_page(doc: Document, decisions: Sequence[Decision],
                  source: PdfSource) -> dict[int, list[tuple[Box, str | None]]]:
    """User-space boxes the fallback paints, by 1-based page: one padded box per decision per line, each
    with the label to print on it (the decision's ``box_label``, on its first line only)."""
    boxes: dict[int, list[tuple[Box, str | None]]] = {}
    for number, lines in lines_by_page(doc, decisions).items():
        page = source.pages[number - 1]
        for line in lines:
            rect = _pad(_union(line.glyphs), _runs_vertically(line.glyphs))
            boxes.setdefault(number, []).append((plumber_rect_to_user(rect, page), line.label))
    return boxes


def _lines(doc: Document, decision: Decision) -> Iterable[list[PdfGlyph]]:
    """The decision's glyphs, split where the text breaks a line or changes page."""
    line: list[PdfGlyph] = []
    for offset in range(decision.start, decision.end):
        ref = doc.source_map[offset]
        new_page = isinstance(ref, PdfGlyph) and bool(line) and ref.page != line[-1].page
        if line and (doc.text[offset] == "\n" or new_page):
            yield line
            line = []
        if isinstance(ref, PdfGlyph):
            line.append(ref)
    if line:
        yield line


def _union(glyphs: Iterable[PdfGlyph]) -> Rect:
    """The smallest rectangle (pdfplumber space) holding every glyph."""
    glyphs = list(glyphs)
    return (min(g.x0 for g in glyphs), min(g.top for g in glyphs), max(g.x1 for g in glyphs),
            max(g.bottom for g in glyphs))


def _runs_vertically(glyphs: Sequence[PdfGlyph]) -> bool:
    """Whether the line runs up or down the displayed page (rotated page or sideways text).

    Several glyphs: their centres spread further vertically than horizontally.
    One glyph: its box is taller than wide is the usual upright case, so wider means sideways.
    """
    if len(glyphs) == 1:
        glyph = glyphs[0]
        return glyph.x1 - glyph.x0 > glyph.bottom - glyph.top
    xs = [(g.x0 + g.x1) / 2 for g in glyphs]
    ys = [(g.top + g.bottom) / 2 for g in glyphs]
    return max(ys) - min(ys) > max(xs) - min(xs)


def _pad(rect: Rect, vertical: bool) -> Rect:
    """Grow a line's box so no accent, descender or anti-aliased fringe survives."""
    x0, top, x1, bottom = rect
    thickness = (x1 - x0) if vertical else (bottom - top)
    across = max(PAD_ACROSS_MIN, PAD_ACROSS_SHARE * thickness)
    pad_x, pad_y = (across, PAD_ALONG) if vertical else (PAD_ALONG, across)
    return (x0 - pad_x, top - pad_y, x1 + pad_x, bottom + pad_y)


def _save(pdf: pikepdf.Pdf) -> bytes:
    """Save the whole file fresh: no incremental update, no encryption, unreachable objects dropped."""
    out = BytesIO()
    pdf.save(out, encryption=False, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()
