"""Reading a message into one composite Document.

The text is, in order: the headers of :data:`~.headers.READ` (``From: ...``),
each plain body, each HTML body's visible text and then its shown attribute
values, and the text of each attachment and nested message of a supported
type, read by its own format. Every character maps to a :class:`FieldRef`
(a slice of a header field or of a decoded body) or an :class:`InnerRef`
(an inner format's reference, wrapped with the part it belongs to).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...document import Block, Document
from ...limits import DEFAULT_LIMITS, Limits, current
from ..text import paragraphs
from . import headers
from .markup import visible
from .structure import Part, decode_text, guarded, nested_bytes, parse, parts_of, payload_bytes

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class FieldRef:
    """A character of a header field or a body: ``[start, end)`` of that field's decoded text.

    ``part`` is 0 for the message's own headers, else the :class:`~.structure.Part` index;
    ``field`` is ``("header", name, occurrence, key)`` or ``("body",)`` (for HTML, the
    slice is of the decoded markup).
    """

    part: int
    field: tuple[Any, ...]
    start: int
    end: int


@dataclass(frozen=True)
class InnerRef:
    """A character of an attachment or nested message: the inner format's own reference."""

    part: int
    ref: Any


@dataclass
class Inner:
    """An attachment or nested message read by its own format, and where its text starts."""

    part: int
    label: str
    ext: str
    format: Any
    document: Document
    start: int


@dataclass
class EmlNative:
    """What the writer needs: the original bytes, how deep they sit, and the inner Documents."""

    data: bytes
    depth: int
    inners: dict[int, Inner] = field(default_factory=dict)
    limits: Limits = DEFAULT_LIMITS  # the limits it was read under, for the writer's re-parse


@dataclass
class _Builder:
    text: list[str] = field(default_factory=list)
    refs: list[Any] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    @property
    def length(self) -> int:
        return len(self.refs)

    def separate(self) -> None:
        if self.refs:
            self.text.append(SEPARATOR)
            self.refs.extend([None] * len(SEPARATOR))

    def add(self, text: str, refs: list[Any], where: dict[str, Any], split: bool = False) -> None:
        """One block (or, with ``split``, one per paragraph) of ``text`` mapped by ``refs``."""
        if not text.strip():
            return
        self.separate()
        start = self.length
        self.text.append(text)
        self.refs.extend(refs)
        for block in paragraphs(text) if split else [Block(0, len(text), {})]:
            extra = {"paragraph": block.where["paragraph"]} if split else {}
            self.blocks.append(Block(start + block.start, start + block.end, {**where, **extra}))

    def document(self, name: str, fmt: str, native: Any, warnings: list[str]) -> Document:
        return Document(name=name, format=fmt, text="".join(self.text), source_map=self.refs,
                        blocks=self.blocks, native=native, warnings=warnings)


def header_fields(msg: Any) -> list[tuple[str, int, headers.Fields]]:
    """``(name, occurrence, fields)`` for every header the reader shows, in the message's order.

    A header the stdlib's structured parser chokes on (it can raise on odd
    addresses) is shown whole, decoded as unstructured text.
    """
    names = {h.lower(): h for h in headers.READ}
    seen: dict[str, int] = {}
    out = []
    for raw_name, raw in msg.raw_items():
        name = names.get(raw_name.lower())
        if name is None:
            continue
        occurrence = seen[name] = seen.get(name, -1) + 1
        try:
            found = headers.fields(msg.policy.header_fetch_parse(raw_name, raw))
        except Exception:
            found = [(("text",), headers.unstructured(raw))]
        out.append((name, occurrence, found))
    return out


def read_message(data: bytes, name: str, depth: int = 0, format_name: str = "eml") -> Document:
    """The composite Document of one message (``depth`` counts the containers around it)."""
    with guarded():
        return _read_message(data, name, depth, format_name)


def _read_message(data: bytes, name: str, depth: int, format_name: str) -> Document:
    msg = parse(data)
    builder = _Builder()
    native = EmlNative(data=data, depth=depth, limits=current())
    warnings: list[str] = []
    for header, occurrence, found in header_fields(msg):
        label = f"{header}: "
        text: list[str] = [label]
        refs: list[Any] = [None] * len(label)
        for key, value in found:
            text.append(value)
            refs.extend([None] * len(value) if key is None else
                        [FieldRef(0, ("header", header, occurrence, key), i, i + 1) for i in range(len(value))])
        builder.add("".join(text), refs, {"part": f"header {header}"})
    for part in parts_of(msg, depth):
        _read_part(part, builder, native, warnings)
    return builder.document(name, format_name, native, warnings)


def _read_part(part: Part, builder: _Builder, native: EmlNative, warnings: list[str]) -> None:
    where = {"part": part.label}
    if part.kind == "plain":
        text, _ = decode_text(part.message)
        builder.add(text, [FieldRef(part.index, ("body",), i, i + 1) for i in range(len(text))], where, split=True)
    elif part.kind == "html":
        markup, _ = decode_text(part.message)
        shown = visible(markup)
        refs = [None if s is None else FieldRef(part.index, ("body",), *s) for s in shown.spans]
        builder.add(shown.text, refs, where, split=True)
        for attribute, text, spans in shown.attributes:
            builder.add(text, [FieldRef(part.index, ("body",), *s) for s in spans], {**where, "attribute": attribute})
    elif part.kind == "inner":
        _read_inner(part, builder, native, warnings)
    elif part.kind == "unsupported":
        warnings.append(f"{part.label} removed: unsupported type")


def _read_inner(part: Part, builder: _Builder, native: EmlNative, warnings: list[str]) -> None:
    from .. import format_for

    fmt = format_for(f"x{part.ext}")
    neutral = f"attachment-{part.index}{part.ext}"
    if part.ext == ".eml" or hasattr(fmt, "read_nested"):
        data = nested_bytes(part.message) if part.message.get_content_type() == "message/rfc822" else \
            payload_bytes(part.message)
        inner = fmt.read_nested(data, neutral, part.depth + 1)  # type: ignore[attr-defined]
    else:
        inner = fmt.read(payload_bytes(part.message), neutral)
    builder.separate()
    start = builder.length
    builder.text.append(inner.text)
    builder.refs.extend(None if r is None else InnerRef(part.index, r) for r in inner.source_map)
    for block in inner.blocks:
        where = dict(block.where)
        inner_part = where.pop("part", None)
        label = part.label if inner_part is None else f"{part.label} / {inner_part}"
        builder.blocks.append(Block(start + block.start, start + block.end, {"part": label, **where}))
    native.inners[part.index] = Inner(part.index, part.label, part.ext, fmt, inner, start)
    warnings.extend(f"{part.label}: {w}" for w in inner.warnings)
