"""Walking a page's content streams: where every glyph and every image is drawn.

The walker interprets the operators that place text (``BT``/``ET``, ``Tm``,
``Td``, ``TD``, ``T*``, ``Tc``, ``Tw``, ``Tz``, ``TL``, ``Ts``, ``Tf``, ``Tj``,
``TJ``, ``'``, ``"``), the graphics state (``q``/``Q``/``cm``) and ``Do`` (Form
XObjects are entered, each use as its own :class:`Context`), and records a
:class:`Glyph` per glyph code and an :class:`ImageUse` per image drawn.

Every glyph carries two positions, because two models of the same operators
disagree in small ways:

* the **renderer's** model (the PDF specification: character spacing after
  every glyph, ``/Widths``), used to rewrite and to draw boxes;
* **pdfminer's** model, in which pdfplumber reported the characters the
  decisions point at (character spacing only *between* the glyphs of one
  string, standard-14 metrics, no line move on ``"``), used to match them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pikepdf

from .fonts import Font, Unsupported
from .model import Box

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: Form XObjects nested deeper than this are refused (pdfminer would recurse; a loop is hostile).
MAX_FORM_DEPTH = 12


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention: ``m × n``)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """The point ``(x, y)`` transformed by ``m``."""
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def translate(m: Matrix, x: float, y: float = 0.0) -> Matrix:
    """``m`` moved by ``(x, y)`` in its own input space (``T(x, y) × m``)."""
    a, b, c, d, e, f = m
    return (a, b, c, d, x * a + y * c + e, x * b + y * d + f)


def rect_under(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> Box:
    """The axis-aligned box around the rectangle's four corners under ``m``."""
    points = [apply(m, x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


@dataclass
class Glyph:
    """One glyph code drawn by a text-showing operator.

    ``context``/``op``/``item`` locate the operator and the string in it (its index in
    the ``TJ`` array, 0 otherwise); ``start``/``end`` are the code's bytes in that string.
    ``tlm`` (text line matrix), ``ctm``, ``x`` (offset along the line before the glyph),
    ``width`` (the glyph's own advance) and ``advance`` (with character and word spacing)
    are the renderer's model, in text space; ``miner_box`` is pdfminer's box in user space.
    """

    context: int
    op: int
    item: int
    start: int
    end: int
    cid: int
    text: str
    text_object: int
    tlm: Matrix
    ctm: Matrix
    x: float
    width: float
    miner_width: float
    advance: float
    size: float
    scaling: float
    rise: float
    descent: float
    miner_box: Box

    @property
    def matrix(self) -> Matrix:
        """Text line space to user space (``Tlm × CTM``)."""
        return multiply(self.tlm, self.ctm)

    def user_box(self, x: float | None = None) -> Box:
        """The renderer's box of the glyph (pdfminer's shape), at offset ``x`` (default: where it is)."""
        bottom = self.descent * self.size + self.rise
        return rect_under(translate(self.matrix, self.x if x is None else x), 0.0, bottom, self.width,
                          bottom + self.size)


@dataclass
class ImageUse:
    """An image drawn by ``Do`` (``name`` set) or inline (``name`` None), with the CTM it was drawn under."""

    context: int
    op: int
    ctm: Matrix
    name: str | None
    image: Any  # a pikepdf.Stream for Do, a pikepdf.PdfInlineImage inline


@dataclass
class Context:
    """One content stream as drawn once: the page's, or one use of a Form XObject."""

    index: int
    ops: list[Any]
    resources: pikepdf.Dictionary
    stream: pikepdf.Object  # the page object, or the form's stream
    parent: tuple[int, int] | None  # (context, op index of the Do) for a form
    ctm: Matrix
    glyphs: list[Glyph] = field(default_factory=list)
    images: list[ImageUse] = field(default_factory=list)
    forms: dict[int, int] = field(default_factory=dict)  # op index of a Do -> its context


@dataclass
class _State:
    """The graphics state parts the walker needs (saved by ``q``)."""

    ctm: Matrix
    font: Font | None = None
    size: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    scaling: float = 100.0
    leading: float = 0.0  # pdfminer's sign: ``T*`` moves by (0, leading)
    rise: float = 0.0
    miner_tlm: Matrix = IDENTITY  # pdfminer keeps its text matrix in the saved state
    miner_x: float = 0.0

    def copy(self) -> _State:
        return _State(**self.__dict__)


class Walker:
    """Walks the pages of one open PDF; fonts are parsed once per font object."""

    def __init__(self) -> None:
        self._fonts: dict[Any, Font | Unsupported] = {}

    def walk(self, page: pikepdf.Page, resources: pikepdf.Dictionary, ctm: Matrix) -> list[Context]:
        """Every context of ``page`` (index 0 is the page's own content)."""
        contexts: list[Context] = []
        ops = list(pikepdf.parse_content_stream(page))
        self._run(Context(0, ops, resources, page.obj, None, ctm), contexts, ())
        return contexts

    def _font(self, resources: pikepdf.Dictionary, name: str) -> Font:
        fonts = resources.get("/Font")
        spec = fonts.get(name) if isinstance(fonts, pikepdf.Dictionary) else None
        if not isinstance(spec, pikepdf.Dictionary):
            raise Unsupported("missing font")
        key = spec.objgen if spec.is_indirect else None  # a direct font has no stable identity: not cached
        font = self._fonts.get(key) if key else None
        if font is None:
            try:
                font = Font(spec)
            except Unsupported as error:
                font = error
            except Exception:  # pdfminer raises many kinds on broken fonts
                font = Unsupported("font could not be read")
            if key:
                self._fonts[key] = font
        if isinstance(font, Unsupported):
            raise font
        return font

    def _run(self, ctx: Context, contexts: list[Context], stack: tuple[Any, ...]) -> None:
        contexts.append(ctx)
        state = _State(ctx.ctm)
        saved: list[_State] = []
        tlm, x = IDENTITY, 0.0  # the renderer's text line matrix and offset (not saved by q)
        text_object = -1
        for index, instruction in enumerate(ctx.ops):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                ctx.images.append(ImageUse(ctx.index, index, state.ctm, None, instruction.iimage))
                continue
            operator = str(instruction.operator)
            args = list(instruction.operands)
            if operator == "q":
                saved.append(state.copy())
            elif operator == "Q":
                if saved:
                    state = saved.pop()
            elif operator == "cm" and len(args) == 6:
                state.ctm = multiply(_matrix(args), state.ctm)
            elif operator == "BT":
                tlm, x, text_object = IDENTITY, 0.0, index
                state.miner_tlm, state.miner_x = IDENTITY, 0.0
            elif operator == "ET":
                text_object = -1
            elif operator in ("Td", "TD") and len(args) == 2:
                tx, ty = float(args[0]), float(args[1])
                tlm, x = translate(tlm, tx, ty), 0.0
                state.miner_tlm, state.miner_x = translate(state.miner_tlm, tx, ty), 0.0
                if operator == "TD":
                    state.leading = ty
            elif operator == "Tm" and len(args) == 6:
                tlm, x = _matrix(args), 0.0
                state.miner_tlm, state.miner_x = tlm, 0.0
            elif operator in ("T*", "'"):
                tlm, x = translate(tlm, 0.0, state.leading), 0.0
                state.miner_tlm, state.miner_x = translate(state.miner_tlm, 0.0, state.leading), 0.0
            elif operator == '"' and len(args) == 3:
                state.word_spacing, state.char_spacing = float(args[0]), float(args[1])
                tlm, x = translate(tlm, 0.0, state.leading), 0.0  # pdfminer does not move here
            elif operator == "Tc" and args:
                state.char_spacing = float(args[0])
            elif operator == "Tw" and args:
                state.word_spacing = float(args[0])
            elif operator == "Tz" and args:
                state.scaling = float(args[0])
            elif operator == "TL" and args:
                state.leading = -float(args[0])
            elif operator == "Ts" and args:
                state.rise = float(args[0])
            elif operator == "Tf" and len(args) == 2:
                state.font, state.size = self._font(ctx.resources, str(args[0])), float(args[1])
            elif operator == "Do" and args:
                self._do(ctx, index, str(args[0]), state, contexts, stack)
            if operator in ("Tj", "'", '"', "TJ") and args:
                items = list(args[-1]) if operator == "TJ" else [args[-1]]
                x = self._show(ctx, index, items, state, tlm, x, text_object)

    def _show(self, ctx: Context, index: int, items: list[Any], state: _State, tlm: Matrix, x: float,
              text_object: int) -> float:
        """Record the glyphs of one text-showing operator; returns the renderer's new offset."""
        font = state.font
        if font is None:
            raise Unsupported("text without a font")
        if text_object < 0:
            raise Unsupported("text outside a text object")
        size, th = state.size, state.scaling / 100.0
        tc, tw = state.char_spacing * th, (0.0 if font.multibyte else state.word_spacing * th)
        miner_matrix = multiply(state.miner_tlm, state.ctm)
        mx, spaced = state.miner_x, False
        descent = font.descent
        for item, obj in enumerate(items):
            if isinstance(obj, pikepdf.String):
                data = bytes(obj)
                for code in font.codes(data):
                    if spaced:
                        mx += tc
                    miner_width = font.miner_width(code.cid) * size * th
                    bottom = descent * size + state.rise
                    box = rect_under(translate(miner_matrix, mx), 0.0, bottom, miner_width, bottom + size)
                    width = font.advance(code.cid) * size * th
                    advance = width + tc + (tw if code.cid == 32 else 0.0)
                    ctx.glyphs.append(Glyph(ctx.index, index, item, code.start, code.end, code.cid,
                                            font.text(code.cid), text_object, tlm, state.ctm, x, width,
                                            miner_width, advance, size, th, state.rise, descent, box))
                    x += advance
                    mx += miner_width + (tw if code.cid == 32 else 0.0)
                    spaced = True
            elif isinstance(obj, (int, float)) or hasattr(obj, "as_integer_ratio"):
                shift = float(obj) * 0.001 * size * th
                x -= shift
                mx -= shift
                spaced = True
        state.miner_x = mx
        return x

    def _do(self, ctx: Context, index: int, name: str, state: _State, contexts: list[Context],
            stack: tuple[Any, ...]) -> None:
        xobjects = ctx.resources.get("/XObject")
        xobject = xobjects.get(name) if isinstance(xobjects, pikepdf.Dictionary) else None
        if not isinstance(xobject, pikepdf.Stream):
            return
        subtype = str(xobject.get("/Subtype", ""))
        if subtype == "/Image":
            ctx.images.append(ImageUse(ctx.index, index, state.ctm, name, xobject))
            return
        if subtype != "/Form" or "/BBox" not in xobject or xobject.objgen in stack:
            return
        if len(stack) >= MAX_FORM_DEPTH:
            raise Unsupported("Form XObjects nested too deeply")
        matrix = _matrix(list(xobject.get("/Matrix", pikepdf.Array([1, 0, 0, 1, 0, 0]))))
        resources = xobject.get("/Resources")
        if not isinstance(resources, pikepdf.Dictionary):
            resources = ctx.resources
        child = Context(len(contexts), list(pikepdf.parse_content_stream(xobject)), resources, xobject,
                        (ctx.index, index), multiply(matrix, state.ctm))
        ctx.forms[index] = child.index
        self._run(child, contexts, stack + (xobject.objgen,))


def _matrix(values: list[Any]) -> Matrix:
    if len(values) != 6:
        raise Unsupported("malformed matrix")
    a, b, c, d, e, f = (float(v) for v in values)
    return (a, b, c, d, e, f)
