"""Plain text and Markdown: decode, split into paragraphs, splice replacements.

The encoding is detected (a BOM; UTF-16 without one, by its zero bytes; UTF-8;
then Windows-1252/Latin-1) and kept in the output, as are line endings. Binary
content is refused, whatever the file is called. Blocks are paragraphs (blank-line separated),
split further at line ends when very long, so spaCy sees sensible units.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Block, Decision, Document, TextRef
from ..errors import UnreadableInput
from ..limits import Limits

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n")
_MAX_BLOCK = 10_000
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


@dataclass(frozen=True)
class TextSource:
    """What the writer needs to give the output the input's encoding."""

    encoding: str
    bom: bytes


def decode(data: bytes) -> tuple[str, TextSource]:
    """Decode bytes to text, refusing what is not text."""
    if not data:
        raise UnreadableInput("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), TextSource(encoding, bom)
            except UnicodeDecodeError:
                raise UnreadableInput(f"not valid {encoding} text despite its byte-order mark") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16)), TextSource(utf16, b"")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise UnreadableInput("binary content, not text (NUL bytes)")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return _checked(text), TextSource(encoding, b"")


def _checked(text: str) -> str:
    """``text``, unless its start has too many control characters to be text."""
    controls = sum(1 for ch in text[:65536] if ord(ch) in _CONTROL)
    if controls > max(8, len(text[:65536]) // 100):
        raise UnreadableInput("binary content, not text (control characters)")
    return text


def _utf16_without_bom(data: bytes) -> str:
    """``utf-16-le`` or ``-be`` when every other byte of the start is zero (mostly Latin text), else ''."""
    head = data[:65536]
    if len(head) < 4 or len(data) % 2:
        return ""
    high_odd, high_even = head[1::2].count(0), head[0::2].count(0)
    pairs = len(head) // 2
    if high_odd >= 0.9 * pairs and high_even == 0:
        return "utf-16-le"
    if high_even >= 0.9 * pairs and high_odd == 0:
        return "utf-16-be"
    return ""


def paragraphs(text: str) -> list[Block]:
    """Blank-line separated paragraphs, long ones cut at line ends."""
    blocks: list[Block] = []
    start = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        _add_paragraph(blocks, text, start, end)
        if brk:
            start = brk.end()
    return blocks


def _add_paragraph(blocks: list[Block], text: str, start: int, end: int) -> None:
    while end - start > _MAX_BLOCK:
        cut = text.rfind("\n", start, start + _MAX_BLOCK)
        cut = cut + 1 if cut > start else start + _MAX_BLOCK
        blocks.append(Block(start, cut, {"paragraph": len(blocks) + 1}))
        start = cut
    if text[start:end].strip():
        blocks.append(Block(start, end, {"paragraph": len(blocks) + 1}))


def splice(text: str, decisions: Sequence[Decision]) -> str:
    """Replace each decided span by its replacement, back to front."""
    out = text
    for d in sorted(decisions, key=lambda d: d.start, reverse=True):
        out = out[: d.start] + d.replacement + out[d.end:]
    return out


class PlainText:
    """``.txt`` files."""

    name = "text"
    media_type = "text/plain"

    def read(self, data: bytes, name: str, *, limits: Limits | None = None, password: str | None = None) -> Document:
        text, source = decode(data)
        return Document(
            name=name,
            format=self.name,
            text=text,
            source_map=[TextRef(i) for i in range(len(text))],
            blocks=paragraphs(text),
            native=source,
        )

    def write(self, doc: Document, decisions: Sequence[Decision]) -> bytes:
        source: TextSource = doc.native
        return source.bom + splice(doc.text, decisions).encode(source.encoding, errors="strict")

    def extract_text(self, data: bytes) -> str:
        return decode(data)[0]


class Markdown(PlainText):
    """``.md`` files: Markdown is text; link targets and code are text too."""

    name = "markdown"
    media_type = "text/markdown"
