"""mbox files: messages one after another, each starting with a ``From `` line.

Each message is read, written and extracted as an e-mail of its own
(:mod:`.read`, :mod:`.write`, :mod:`.extract`); the composite Document wraps
their references with the message's number. Lines of a body that begin with
``From `` are escaped as ``>From `` (mboxrd), so the split is unambiguous. The
``From `` lines themselves hold the envelope sender and are written neutral.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...document import Block, Decision, Document
from ...errors import RedactorError, UnreadableInput
from .extract import message_parts
from .read import SEPARATOR, Inner, InnerRef, read_message
from .write import inner_decisions, write_message

#: the envelope line every redacted message gets.
ENVELOPE = b"From redactor Thu Jan  1 00:00:00 1970\n"
MAX_MESSAGES = 10_000
_FROM_LINE = re.compile(rb"^From [^\n]*\n?", re.M)


@dataclass
class MboxNative:
    """The messages of the file, each read as an e-mail, and where its text starts."""

    messages: list[Inner] = field(default_factory=list)


def split(data: bytes) -> list[bytes]:
    """The messages of an mbox file, envelope lines removed and ``>From`` escapes undone."""
    if not data.startswith(b"From "):
        raise UnreadableInput("not an mbox file: it does not start with a 'From ' line")
    lines = list(_FROM_LINE.finditer(data))
    if len(lines) > MAX_MESSAGES:
        raise UnreadableInput(f"mbox file has more than {MAX_MESSAGES} messages")
    ends = [m.start() for m in lines[1:]] + [len(data)]
    return [re.sub(rb"(?m)^>(>*From )", rb"\1", data[m.end():end]) for m, end in zip(lines, ends)]


def read_mbox(data: bytes, name: str, depth: int = 0) -> Document:
    native = MboxNative()
    text: list[str] = []
    refs: list = []
    blocks: list[Block] = []
    warnings: list[str] = []
    for n, raw in enumerate(split(data), 1):
        inner = read_message(raw, f"message-{n}.eml", depth + 1)
        if refs:
            text.append(SEPARATOR)
            refs.extend([None] * len(SEPARATOR))
        start = len(refs)
        text.append(inner.text)
        refs.extend(None if r is None else InnerRef(n, r) for r in inner.source_map)
        for block in inner.blocks:
            where = dict(block.where)
            part = where.pop("part", None)
            blocks.append(Block(start + block.start, start + block.end,
                                {"part": f"message {n}" + (f" / {part}" if part else ""), **where}))
        native.messages.append(Inner(n, f"message {n}", ".eml", None, inner, start))
        warnings.extend(f"message {n}: {w}" for w in inner.warnings)
    return Document(name=name, format="mbox", text="".join(text), source_map=refs, blocks=blocks, native=native,
                    warnings=warnings)


def write_mbox(doc: Document, decisions: Sequence[Decision]) -> bytes:
    if not isinstance(doc.native, MboxNative):
        raise RedactorError("internal error: this Document was not read as mbox")
    out = []
    for inner in doc.native.messages:
        body = write_message(inner.document, inner_decisions(inner, decisions)).replace(b"\r\n", b"\n")
        body = re.sub(rb"(?m)^(>*From )", rb">\1", body)
        out.append(ENVELOPE + body + (b"" if body.endswith(b"\n") else b"\n") + b"\n")
    return b"".join(out)


def mbox_parts(data: bytes, prefix: str = "") -> list[tuple[str, str]]:
    """The verifier's view: each message's parts, and the envelope lines."""
    out: list[tuple[str, str]] = []
    for n, m in enumerate(_FROM_LINE.finditer(data), 1):
        out.append((f"{prefix}message {n} envelope", m.group().decode("utf-8", "replace")))
    for n, raw in enumerate(split(data), 1):
        out.extend(message_parts(raw, f"{prefix}message {n} "))
    return out
