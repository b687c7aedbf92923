"""Fonts as the glyph-exact writer needs them: codes, widths, and the text pdfminer reads.

The writer must see exactly the glyphs pdfplumber saw, so decoding, Unicode
mapping and the widths used for *matching* come from pdfminer's own font
objects, built from the pikepdf font dictionary. Renderers (and so the rewrite)
use the font's ``/Widths`` when it has them, which pdfminer ignores for the
standard 14 font names; :meth:`Font.advance` is that renderer's width.

Only fonts whose codes can be cut back into bytes one glyph at a time are
supported: simple fonts (1 byte a code) and Type0 fonts with ``/Identity-H``
(2 bytes a code). Anything else raises :class:`Unsupported`, and the page
falls back to the re-render.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pikepdf
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import LIT

SIMPLE = frozenset({"/Type1", "/MMType1", "/TrueType"})
#: standard 14 names: a simple font with one of these needs no /Widths.
STANDARD_14 = frozenset({
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Symbol", "ZapfDingbats",
})
#: nesting limit when copying a font dictionary for pdfminer (fonts are shallow).
MAX_DEPTH = 12


class Unsupported(Exception):
    """A page the glyph-exact writer cannot rewrite safely; ``str()`` is the reason (no document text)."""


@dataclass(frozen=True)
class Code:
    """One glyph of a string: its bytes ``[start, end)`` in the string and its code."""

    start: int
    end: int
    cid: int


class Font:
    """A font resource: splits strings into glyph codes and gives their widths and text."""

    def __init__(self, spec: pikepdf.Dictionary) -> None:
        subtype = str(spec.get("/Subtype", ""))
        if subtype == "/Type3":
            raise Unsupported("Type3 font")
        if subtype == "/Type0":
            if str(spec.get("/Encoding", "")) != "/Identity-H":
                raise Unsupported("font encoding (CMap) not supported")
            self.width_bytes = 2
        elif subtype in SIMPLE:
            self.width_bytes = 1
            base = str(spec.get("/BaseFont", ""))[1:]
            if "/Widths" not in spec and base not in STANDARD_14:
                raise Unsupported("font without widths")
        else:
            raise Unsupported("unknown font type")
        self.miner: PDFFont = PDFResourceManager(caching=False).get_font(None, _miner_dict(spec))
        if self.miner.is_vertical():
            raise Unsupported("vertical text")
        self.widths = _simple_widths(spec) if self.width_bytes == 1 else None
        self.multibyte = self.width_bytes > 1
        self.descent = float(self.miner.get_descent())

    def codes(self, data: bytes) -> Iterator[Code]:
        """The glyph codes of a string, with where each one sits in it (a trailing odd byte is dropped)."""
        step = self.width_bytes
        for start in range(0, len(data) - step + 1, step):
            yield Code(start, start + step, int.from_bytes(data[start : start + step], "big"))

    def text(self, cid: int) -> str:
        """The text pdfminer gives the glyph (``(cid:N)`` when it has no Unicode mapping)."""
        try:
            return str(self.miner.to_unichr(cid))
        except PDFUnicodeNotDefined:
            return f"(cid:{cid})"

    def miner_width(self, cid: int) -> float:
        """The width pdfminer (so pdfplumber) uses, in text space units of a 1-point font."""
        return float(self.miner.char_width(cid))

    def advance(self, cid: int) -> float:
        """The width a renderer uses: ``/Widths`` when present, else pdfminer's metrics."""
        if self.widths is not None:
            first, values = self.widths
            if 0 <= cid - first < len(values):
                return values[cid - first]
        return self.miner_width(cid)


def _simple_widths(spec: pikepdf.Dictionary) -> tuple[int, list[float]] | None:
    """``(FirstChar, widths in text space)`` of a simple font, or None without ``/Widths``."""
    widths = spec.get("/Widths")
    if not isinstance(widths, pikepdf.Array):
        return None
    return int(spec.get("/FirstChar", 0)), [float(w) / 1000.0 for w in widths]


def _miner_dict(obj: pikepdf.Dictionary) -> dict[str, Any]:
    """A pikepdf dictionary as pdfminer's own objects (names as literals, streams decoded)."""
    return {key[1:]: _miner(value, 0) for key, value in obj.items() if key != "/Parent"}


def _miner(obj: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise Unsupported("font dictionary too deep")
    if isinstance(obj, pikepdf.Name):
        return LIT(str(obj)[1:])
    if isinstance(obj, pikepdf.String):
        return bytes(obj)
    if isinstance(obj, pikepdf.Array):
        return [_miner(v, depth + 1) for v in obj]
    if isinstance(obj, pikepdf.Stream):
        attrs = {k[1:]: _miner(v, depth + 1) for k, v in obj.stream_dict.items()
                 if k not in ("/Filter", "/DecodeParms", "/Length", "/Parent")}
        return PDFStream(attrs, obj.read_bytes())
    if isinstance(obj, pikepdf.Dictionary):
        return {k[1:]: _miner(v, depth + 1) for k, v in obj.items() if k != "/Parent"}
    if isinstance(obj, Decimal):
        return float(obj)
    if isinstance(obj, (bool, int, float)) or obj is None:
        return obj
    return None
