"""HTML bodies: the text a reader sees, mapped character by character into the markup.

:func:`visible` walks the decoded markup with the stdlib's ``HTMLParser`` and
returns the visible text (whitespace collapsed as a browser would, a line
break at each block element) with, for each character, the ``(start, end)``
slice of markup it came from (an entity such as ``&amp;`` is one character
from several). Attribute values a reader can also see or follow (``title``,
``alt``, ``aria-label`` and ``mailto:`` links) come separately, mapped the same
way. Comments and script content are listed as :attr:`Markup.hidden` so the
writer can drop them: nobody needs them, and detection never read them.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: a slice of the markup
Span = tuple[int, int]
BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "hr", "title", "section", "article", "header", "footer", "address", "dd", "dt", "body", "center",
})
SHOWN_ATTRIBUTES = frozenset({"title", "alt", "aria-label"})
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


@dataclass
class Markup:
    """The visible text of an HTML body and where each of its characters lives in the markup."""

    text: str = ""
    spans: list[Span | None] = field(default_factory=list)
    #: (attribute name, its text, a span per character)
    attributes: list[tuple[str, str, list[Span]]] = field(default_factory=list)
    #: slices a redacted copy drops: comments, script content
    hidden: list[Span] = field(default_factory=list)


def unescape(raw: str, base: int) -> tuple[str, list[Span]]:
    """``raw`` with character references resolved, and each character's span (offset by ``base``)."""
    chars: list[str] = []
    spans: list[Span] = []
    i = 0
    for m in _ENTITY.finditer(raw):
        for k in range(i, m.start()):
            chars.append(raw[k])
            spans.append((base + k, base + k + 1))
        value = html.unescape(m.group())
        chars.extend(value)
        spans.extend([(base + m.start(), base + m.end())] * len(value))
        i = m.end()
    for k in range(i, len(raw)):
        chars.append(raw[k])
        spans.append((base + k, base + k + 1))
    return "".join(chars), spans


class _Walker(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self.markup = markup
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", markup)]
        self.out = Markup()
        self.chars: list[str] = []
        self.skipping = ""  # "script" (content dropped from the copy) or "style" (kept, not text)
        self.pending: int | None = None  # start of an entity or a hidden slice, closed by the next event

    def _pos(self) -> int:
        line, col = self.getpos()
        pos = self.line_starts[line - 1] + col
        if self.pending is not None:
            self.out.hidden.append((self.pending, pos))
            self.pending = None
        return pos

    def _emit(self, text: str, spans: list[Span]) -> None:
        for ch, span in zip(text, spans):
            if ch.isspace():
                if not self.chars or self.chars[-1].isspace():
                    continue
                ch = " "
            self.chars.append(ch)
            self.out.spans.append(span)

    def _break(self, lines: int) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.out.spans.pop()
        trailing = 0
        while trailing < len(self.chars) and self.chars[-1 - trailing] == "\n":
            trailing += 1
        if self.chars and trailing < lines:
            self.chars.extend("\n" * (lines - trailing))
            self.out.spans.extend([None] * (lines - trailing))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        pos = self._pos()
        raw = self.get_starttag_text() or ""
        if tag in BLOCK_TAGS:
            self._break(2)
        elif tag == "br":
            self._break(1)
        if tag in ("script", "style"):
            self.skipping = tag
        for m in _ATTRIBUTE.finditer(raw, len(tag) + 1):
            name = m.group(1).lower()
            group = next(g for g in (2, 3, 4) if m.group(g) is not None)
            text, spans = unescape(m.group(group), pos + m.start(group))
            if name in SHOWN_ATTRIBUTES or (name == "href" and text.strip().lower().startswith("mailto:")):
                if text.strip():
                    self.out.attributes.append((name, text, spans))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        self.skipping = ""

    def handle_endtag(self, tag: str) -> None:
        self._pos()
        if tag == self.skipping:
            self.skipping = ""
        if tag in BLOCK_TAGS:
            self._break(2)

    def handle_data(self, data: str) -> None:
        pos = self._pos()
        if self.skipping:
            if self.skipping == "script":
                self.out.hidden.append((pos, pos + len(data)))
            return
        self._emit(data, [(pos + k, pos + k + 1) for k in range(len(data))])

    def _reference(self) -> None:
        pos = self._pos()
        m = _ENTITY.match(self.markup, pos)
        end = m.end() if m else pos + 1
        text, spans = unescape(self.markup[pos:end], pos)
        self._emit(text, spans)

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def handle_comment(self, data: str) -> None:
        self.pending = self._pos()

    def handle_decl(self, decl: str) -> None:
        self._pos()

    def handle_pi(self, data: str) -> None:
        self.pending = self._pos()

    def unknown_decl(self, data: str) -> None:
        self.pending = self._pos()


def visible(markup: str) -> Markup:
    """The visible text of ``markup`` with its map (see the module docstring)."""
    walker = _Walker(markup)
    walker.feed(markup)
    walker.close()
    if walker.pending is not None:
        walker.out.hidden.append((walker.pending, len(markup)))
    while walker.chars and walker.chars[-1].isspace():
        walker.chars.pop()
        walker.out.spans.pop()
    walker.out.text = "".join(walker.chars)
    return walker.out


_TAG = re.compile(r"<[^>]*>")


def scrub_tags(markup: str, replacements: list[tuple[str, str]]) -> str:
    """Every removed value left in a tag's attributes (links, ``data-`` values) replaced, ignoring case.

    ``replacements`` are ``(value, replacement)`` pairs; values are matched as
    whole words, as written and with HTML escaping, longest first.
    """
    pairs = sorted(((v, r) for v, r in replacements if len(v.strip()) >= 3), key=lambda p: -len(p[0]))
    if not pairs:
        return markup
    forms = "|".join(re.escape(form) for v, _ in pairs for form in {v, html.escape(v)})
    pattern = re.compile(rf"(?<!\w)(?:{forms})(?!\w)", re.I)
    lookup = {form.casefold(): html.escape(r) for v, r in pairs for form in {v, html.escape(v)}}
    return _TAG.sub(lambda tag: pattern.sub(lambda m: lookup.get(m.group().casefold(), ""), tag.group()), markup)
