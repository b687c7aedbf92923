"""Applying a :class:`~.layout.Layout` to a page: new content streams, boxes and labels.

Only text objects (``BT`` … ``ET``) with a removed or moved glyph are rewritten.
In those, every text-showing operator becomes an absolute ``Tm`` followed by a
``TJ`` of the kept glyphs' original codes, with displacements placing each glyph
exactly where the layout puts it; ``Td``/``TD``/``T*``/``Tm`` are dropped (their
effect is in the ``Tm``; ``TD`` leaves its leading behind as ``TL``). Every other
operator, and every other text object, is kept byte for byte. A Form XObject or
image that changes is copied and the copy given a fresh name, so other uses of
the original are untouched. The boxes are drawn last, in page space, after the
page's own content wrapped in ``q``/``Q``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pikepdf

from .content import Context, Glyph, Matrix, translate
from .fonts import Font
from .images import paint
from .layout import LABEL_MARGIN, LABEL_SHARE, Layout, Redaction

SHOW = frozenset({"Tj", "TJ", "'", '"'})
POSITION = frozenset({"Td", "Tm", "T*"})


def label_font() -> pikepdf.Dictionary:
    """The standard font labels are printed in."""
    return pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding)


class Labels:
    """Label text in Helvetica: widths for the layout, content for the boxes."""

    def __init__(self) -> None:
        self.font = Font(label_font())

    def width(self, text: str) -> float:
        """Width of ``text`` at size 1."""
        return sum(self.font.advance(b) for b in _latin(text))

    def room(self, label: str, size: float) -> float:
        """Box length a label needs on a line of font size ``size`` (the layout's ``label_width``)."""
        label_size = LABEL_SHARE * size * 1.4
        return self.width(label) * label_size + 2 * LABEL_MARGIN * label_size


def _latin(text: str) -> bytes:
    return text.encode("cp1252", errors="replace")


def rewrite_page(pdf: pikepdf.Pdf, page: pikepdf.Page, contexts: Sequence[Context], layout: Layout,
                 labels: Labels) -> str:
    """Rewrite ``page`` in place as ``layout`` says; returns the label text printed on its boxes."""
    replaced: dict[int, pikepdf.Stream] = {}
    resources: dict[int, pikepdf.Dictionary] = {}
    printed = ""
    for ctx in reversed(contexts):  # a form's context comes after its parent's
        ops = list(ctx.ops)
        changed = False
        for op_index, child in ctx.forms.items():
            if child in replaced:
                ops[op_index] = _do(_add_xobject(ctx, resources, replaced[child]))
                changed = True
        for use in ctx.images:
            painted = paint(pdf, use, layout.boxes, ctx.resources)
            if painted is not None:
                ops[use.op] = _do(_add_xobject(ctx, resources, painted))
                changed = True
        touched = {t for (c, t) in layout.touched if c == ctx.index}
        if touched:
            ops = _emit_text(ctx, ops, touched, layout)
        if ctx.parent is None:
            printed = _finish_page(pdf, page, ctx, ops, resources, layout.boxes, labels)
        elif changed or touched:
            replaced[ctx.index] = _form_copy(pdf, ctx, ops, resources.get(ctx.index, ctx.resources))
    return printed


def _do(name: str) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction([pikepdf.Name(name)], pikepdf.Operator("Do"))


def _own_resources(ctx: Context, resources: dict[int, pikepdf.Dictionary]) -> pikepdf.Dictionary:
    """The context's resources as its own copy (the original may be shared with other pages)."""
    if ctx.index not in resources:
        copy = pikepdf.Dictionary({k: v for k, v in ctx.resources.items()})
        for key in ("/XObject", "/Font"):
            sub = ctx.resources.get(key)
            copy[key] = pikepdf.Dictionary({k: v for k, v in sub.items()}) if isinstance(sub, pikepdf.Dictionary) \
                else pikepdf.Dictionary()
        resources[ctx.index] = copy
    return resources[ctx.index]


def _fresh(names: pikepdf.Object, stem: str) -> str:
    n = 0
    while f"/{stem}{n}" in names:
        n += 1
    return f"/{stem}{n}"


def _add_xobject(ctx: Context, resources: dict[int, pikepdf.Dictionary], stream: pikepdf.Stream) -> str:
    xobjects = _own_resources(ctx, resources).XObject
    name = _fresh(xobjects, "RdX")
    xobjects[name] = stream
    return name


def _form_copy(pdf: pikepdf.Pdf, ctx: Context, ops: list[Any], resources: pikepdf.Dictionary) -> pikepdf.Stream:
    copy = pikepdf.Stream(pdf, pikepdf.unparse_content_stream(ops))
    for key, value in ctx.stream.stream_dict.items():
        if key not in ("/Length", "/Filter", "/DecodeParms", "/Resources"):
            copy[key] = value
    copy.Resources = resources
    return copy


def _emit_text(ctx: Context, ops: list[Any], touched: set[int], layout: Layout) -> list[Any]:
    """``ops`` with every touched text object rewritten (see the module docstring)."""
    by_op: dict[int, list[tuple[int, Glyph]]] = {}
    for index, glyph in enumerate(ctx.glyphs):
        by_op.setdefault(glyph.op, []).append((index, glyph))
    out: list[Any] = []
    inside = False
    for index, instruction in enumerate(ops):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            out.append(instruction)
            continue
        name = str(instruction.operator)
        args = list(instruction.operands)
        if name == "BT":
            inside = index in touched
        elif name == "ET":
            inside = False
        elif inside and name in POSITION:
            continue
        elif inside and name == "TD" and len(args) == 2:
            out.append(_instruction([-float(args[1])], "TL"))
            continue
        elif inside and name in SHOW:
            if name == '"' and len(args) == 3:
                out.append(_instruction([args[0]], "Tw"))
                out.append(_instruction([args[1]], "Tc"))
            items = list(args[-1]) if name == "TJ" else [args[-1]] if args else []
            out.extend(_segments(ctx.index, by_op.get(index, []), items, layout))
            continue
        out.append(instruction)
    return out


def _segments(context: int, glyphs: list[tuple[int, Glyph]], items: list[Any],
              layout: Layout) -> list[pikepdf.ContentStreamInstruction]:
    """``Tm`` + ``TJ`` pairs drawing the kept glyphs of one operator where the layout puts them."""
    out: list[pikepdf.ContentStreamInstruction] = []
    array: list[Any] = []
    natural = 0.0
    for index, glyph in glyphs:
        key = (context, index)
        if key in layout.removed:
            continue
        target = glyph.x + layout.shifts.get(key, 0.0)
        code = bytes(items[glyph.item])[glyph.start : glyph.end]
        unit = glyph.size * glyph.scaling
        if array and unit:
            gap = target - natural
            if abs(gap) > 1e-7:
                array.append(round(-gap * 1000.0 / unit, 4))
        else:
            if array:
                out.append(_tj(array))
            out.append(_instruction([round(v, 6) for v in translate(glyph.tlm, target)], "Tm"))
            array = []
        if array and isinstance(array[-1], bytes):
            array[-1] += code
        else:
            array.append(code)
        natural = target + glyph.advance
    if array:
        out.append(_tj(array))
    return out


def _tj(array: list[Any]) -> pikepdf.ContentStreamInstruction:
    items = [pikepdf.String(v) if isinstance(v, bytes) else v for v in array]
    return _instruction([pikepdf.Array(items)], "TJ")


def _instruction(operands: list[Any], operator: str) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction(operands, pikepdf.Operator(operator))


def _finish_page(pdf: pikepdf.Pdf, page: pikepdf.Page, ctx: Context, ops: list[Any],
                 resources: dict[int, pikepdf.Dictionary], boxes: Sequence[Redaction], labels: Labels) -> str:
    """The page's new content: its own, closed in ``q``/``Q``, then the boxes and labels (returned as text)."""
    depth = 0
    for instruction in ops:
        if isinstance(instruction, pikepdf.ContentStreamInstruction):
            name = str(instruction.operator)
            depth = depth + 1 if name == "q" else max(depth - 1, 0) if name == "Q" else depth
    font_name = None
    if any(box.label for box in boxes):
        fonts = _own_resources(ctx, resources).Font
        font_name = _fresh(fonts, "RdL")
        fonts[font_name] = pdf.make_indirect(label_font())
    if ctx.index in resources:
        page.obj.Resources = resources[ctx.index]
    drawing, printed = [], []
    for box in boxes:
        drawing.append(_box(box))
        if box.label and font_name:
            content, text = _label(box, font_name, labels)
            drawing.append(content)
            printed.append(text)
    content = b"q\n" + pikepdf.unparse_content_stream(ops) + b"\n" + b"Q\n" * depth + b"Q\n" + b"".join(drawing)
    page.obj.Contents = pdf.make_stream(content)
    return "".join(printed)


def _number(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _box(box: Redaction) -> bytes:
    points = box.corners()
    path = " ".join(f"{_number(x)} {_number(y)} {op}" for (x, y), op in zip(points, ("m", "l", "l", "l")))
    return f"q 0 g {path} h f Q\n".encode("ascii")


def _label(box: Redaction, font_name: str, labels: Labels) -> tuple[bytes, str]:
    """White label text on ``box``, cut short to fit (the box never grows to fit text under it)."""
    assert box.label is not None
    size = LABEL_SHARE * box.height
    room = box.length - 2 * LABEL_MARGIN * size
    words = box.label.strip("[]").split()
    text = box.label if labels.width(box.label) * size <= room else (words[-1] if words else "")
    while text and labels.width(text) * size > room:
        text = text[:-1]
    if not text or size <= 0:
        return b"", ""
    (ox, oy), (ux, uy), (nx, ny) = box.origin, box.along, box.across
    along, up = LABEL_MARGIN * size, (box.height - size) / 2 + 0.2 * size
    x, y = ox + along * ux + up * nx, oy + along * uy + up * ny
    matrix: Matrix = (ux * size, uy * size, nx * size, ny * size, x, y)
    numbers = " ".join(_number(v) if i >= 4 else f"{v:.6f}" for i, v in enumerate(matrix))
    escaped = _latin(text).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    drawn = b"BT 0 Tr 1 g " + font_name.encode() + b" 1 Tf " + numbers.encode() + b" Tm (" + escaped + b") Tj ET\n"
    return drawn, _latin(text).decode("cp1252")
