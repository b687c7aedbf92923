"""Writing a redacted copy of a message.

The original bytes are parsed again (the Document is never mutated), and:

* headers outside :data:`~.headers.KEPT` are dropped; the kept headers the reader
  showed are rendered again from their fields with the decided regions replaced;
* plain and HTML bodies with a change are re-encoded with their transfer encoding
  and charset (UTF-8 when the charset cannot hold a replacement; quoted-printable
  when 7bit cannot); HTML comments and script content are dropped, and removed
  values left in tag attributes are replaced (:func:`~.markup.scrub_tags`);
* attachments of a supported type are written by their own format with the
  decisions that fall inside them, shifted to their offsets; every attachment's
  file name becomes ``attachment-N.ext``; unsupported parts are removed;
* Content-Type and Content-Disposition keep only parameters without free text;
  multipart preambles and epilogues are dropped.
"""
from __future__ import annotations

import html
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from email import base64mime, quoprimime
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.utils import collapse_rfc2231_value
from typing import Any

from ...document import Decision, Document
from ...errors import RedactorError
from ...limits import using
from . import headers
from .markup import scrub_tags, visible
from .read import EmlNative, FieldRef, Inner, header_fields
from .structure import OUT_POLICY, Part, charset_of, decode_text, guarded, parse, parts_of, transfer_encoding

#: headers a MIME part (not the message itself) keeps.
PART_KEPT = frozenset({"content-type", "content-transfer-encoding", "content-disposition", "content-id",
                       "content-language"})
#: edits of one field: (start, end) of its decoded text -> what replaces that slice.
Edits = dict[tuple[int, int], str]


def write_message(doc: Document, decisions: Sequence[Decision]) -> bytes:
    """The redacted message (see the module docstring)."""
    native = doc.native
    if not isinstance(native, EmlNative):
        raise RedactorError("internal error: this Document was not read as e-mail")
    with guarded(), using(native.limits):
        return _write_message(doc, native, decisions)


def _write_message(doc: Document, native: EmlNative, decisions: Sequence[Decision]) -> bytes:
    msg = parse(native.data)
    parts = parts_of(msg, native.depth)
    if {p.index for p in parts if p.kind == "inner"} != set(native.inners):
        raise RedactorError("internal error: e-mail parts changed between read and write")
    edits = field_edits(doc, decisions)
    removed = removed_values(doc, decisions)
    doomed: list[Part] = []
    for part in parts:
        if part.kind == "plain":
            _write_plain(part, edits.get((part.index, ("body",)), {}))
        elif part.kind == "html":
            _write_html(part, edits.get((part.index, ("body",)), {}), removed)
        elif part.kind == "inner":
            _write_inner(part, native.inners[part.index], decisions)
        elif part.kind == "unsupported":
            doomed.append(part)
    for part in doomed:
        _remove(part)
    _rebuild_part_headers(msg, parts, {id(msg): _message_headers(msg, edits)})
    return serialise(msg, "\r\n" if native.data.count(b"\r\n") * 2 > native.data.count(b"\n") else "\n")


def field_edits(doc: Document, decisions: Sequence[Decision]) -> dict[tuple[int, tuple], Edits]:
    """For every header field and body a decision touches, the slices to replace.

    A decision's replacement goes where its first character was; its other
    characters, in whichever fields they are, are deleted.
    """
    edits: dict[tuple[int, tuple], Edits] = defaultdict(dict)
    for d in decisions:
        first = True
        for ref in doc.refs(d.start, d.end):
            if isinstance(ref, FieldRef):
                slot = edits[(ref.part, ref.field)]
                text = d.replacement if first else ""
                if not slot.get((ref.start, ref.end)):
                    slot[(ref.start, ref.end)] = text
            first = False
    return edits


def apply(text: str, edits: Edits, escape: bool = False) -> str:
    """``text`` with each edited slice replaced, back to front."""
    out = text
    for (start, end), new in sorted(edits.items(), reverse=True):
        out = out[:start] + (html.escape(new) if escape else new) + out[end:]
    return out


def removed_values(doc: Document, decisions: Sequence[Decision]) -> list[tuple[str, str]]:
    """``(removed text, its replacement)`` for every decision and finding."""
    pairs = []
    for d in decisions:
        pairs.append((doc.text[d.start:d.end], d.replacement))
        pairs.extend((doc.text[f.start:f.end], d.replacement) for f in d.findings)
    return pairs


def _message_headers(msg: EmailMessage, edits: dict[tuple[int, tuple], Edits]) -> list[tuple[str, str]]:
    """The message's kept headers, in order, those the reader showed rendered from their fields."""
    shown = {(name.lower(), occurrence): (name, found) for name, occurrence, found in header_fields(msg)}
    seen: dict[str, int] = defaultdict(int)
    kept = []
    for name, value in msg.raw_items():
        lower = name.lower()
        if lower not in headers.KEPT:
            continue
        if lower in headers.REWRITTEN:
            occurrence = seen[lower]
            seen[lower] += 1
            canonical, found = shown[(lower, occurrence)]
            changed: dict[headers.Key, str] = {}
            for key, text in found:
                slot = (0, ("header", canonical, occurrence, key))
                if key is not None and slot in edits:
                    changed[key] = apply(text, edits[slot])
            value = headers.render(canonical, found, changed)
        kept.append((name, value))
    return kept


def _write_plain(part: Part, edits: Edits) -> None:
    if edits:
        text, _ = decode_text(part.message)
        set_text(part.message, apply(text, edits))


def _write_html(part: Part, edits: Edits, removed: list[tuple[str, str]]) -> None:
    markup, _ = decode_text(part.message)
    hidden: Edits = {span: "" for span in visible(markup).hidden}
    new = scrub_tags(apply(markup, {**hidden, **edits}, escape=True), removed)
    if new != markup:
        set_text(part.message, new)


def set_text(node: EmailMessage, text: str) -> None:
    """Give a text part new text: its charset if it can hold it (else UTF-8), its transfer encoding."""
    declared = node.get_content_charset()
    codec = charset_of(node)
    try:
        data, charset = text.encode(codec or "utf-8"), (declared or "us-ascii") if codec else "utf-8"
    except UnicodeEncodeError:
        data, charset = text.encode("utf-8"), "utf-8"
    cte = transfer_encoding(node)
    if cte == "7bit" and not data.isascii():
        cte = "quoted-printable"
    if cte == "base64":
        payload = base64mime.body_encode(data)
    elif cte == "quoted-printable":
        payload = quoprimime.body_encode(data.decode("latin-1"))
    else:
        payload = data.decode("ascii", "surrogateescape")
    node.set_payload(payload)
    del node["Content-Transfer-Encoding"]
    node["Content-Transfer-Encoding"] = cte
    node.set_param("charset", charset)


def inner_decisions(inner: Inner, decisions: Sequence[Decision]) -> list[Decision]:
    """The decisions inside an attachment's text, shifted (and clipped) to its own offsets."""
    lo, hi = inner.start, inner.start + len(inner.document.text)
    out = []
    for d in decisions:
        if d.end <= lo or d.start >= hi:
            continue
        findings = tuple(replace(f, start=max(f.start, lo) - lo, end=min(f.end, hi) - lo)
                         for f in d.findings if f.end > lo and f.start < hi)
        out.append(replace(d, start=max(d.start, lo) - lo, end=min(d.end, hi) - lo, findings=findings,
                           replacement=d.replacement if d.start >= lo else ""))
    return out


def _write_inner(part: Part, inner: Inner, decisions: Sequence[Decision]) -> None:
    """The attachment written by its own format; its errors propagate (fail closed)."""
    data = inner.format.write(inner.document, inner_decisions(inner, decisions))
    node = part.message
    del node["Content-Transfer-Encoding"]
    if node.get_content_type() == "message/rfc822":
        node.set_payload([parse(data)])
    else:
        node.set_payload(base64mime.body_encode(data))
        node["Content-Transfer-Encoding"] = "base64"


def _remove(part: Part) -> None:
    """Take an unsupported part out of its multipart (the message itself becomes empty text)."""
    siblings = part.parent.get_payload() if part.parent is not None else None
    if isinstance(siblings, list):
        siblings.remove(part.message)
        return
    node = part.message
    for name in list(node.keys()):
        if name.lower().startswith("content-"):
            del node[name]
    node["Content-Type"] = "text/plain; charset=us-ascii"
    node.set_payload("")


def _rebuild_part_headers(msg: EmailMessage, parts: list[Part], headers_of: dict[int, list[tuple[str, str]]]) -> None:
    """Every container and kept leaf: only allowed headers, free-text parameters gone, neutral file names."""
    named = {id(p.message): f"attachment-{p.index}{p.ext}" for p in parts if p.kind in ("inner", "empty")}
    stack: list[Any] = [msg]
    while stack:
        node = stack.pop()
        kept = headers_of.get(id(node))
        if kept is None:
            kept = [(n, v) for n, v in node.raw_items() if n.lower() in PART_KEPT]
        new = []
        for name, value in kept:
            lower = name.lower()
            if lower == "content-type":
                value = _content_type(node, named.get(id(node)))
            elif lower == "content-disposition":
                value = _disposition(node, named.get(id(node)))
            new.append((name, value))
        if id(node) in named and not any(n.lower() == "content-disposition" for n, _ in new):
            new.append(("Content-Disposition", _disposition(node, named[id(node)])))
        for name in set(node.keys()):
            del node[name]
        for name, value in new:
            node.set_raw(name, value)
        if node.is_multipart() and node.get_content_type() != "message/rfc822":
            node.preamble = node.epilogue = None
            stack.extend(node.get_payload())


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _content_type(node: EmailMessage, neutral: str | None) -> str:
    value = node.get_content_type()
    for param in headers.KEPT_PARAMS:
        found = node.get_param(param)
        if found is None or found == "":
            continue
        text = collapse_rfc2231_value(found) if isinstance(found, tuple) else str(found)
        if text.isascii() and "\n" not in text:
            value += f"; {param}={_quoted(text)}"
    if neutral and node.get_param("name") is not None:
        value += f"; name={_quoted(neutral)}"
    return value


def _disposition(node: EmailMessage, neutral: str | None) -> str:
    value = node.get_content_disposition() or "attachment"
    if neutral:
        value += f"; filename={_quoted(neutral)}"
    return value


def serialise(msg: EmailMessage, linesep: str) -> bytes:
    """The message as bytes: raw values as they are, 8-bit content as it came."""
    out = io.BytesIO()
    BytesGenerator(out, mangle_from_=False, policy=OUT_POLICY.clone(linesep=linesep)).flatten(msg, unixfrom=False)
    return out.getvalue()
