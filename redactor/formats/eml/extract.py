"""The verifier's view of a message, independent of the reader and the writer.

It parses with the stdlib's older ``compat32`` policy (not the ``default``
policy the reader uses), decodes headers with ``email.header.decode_header``
and walks every part itself. It yields, part by part: every header raw and
decoded, every preamble and epilogue, every leaf decoded from its transfer
encoding and charset (HTML as markup, with entities resolved, and as text with
its tags removed, so a name split by tags is whole again), the
file name parameters, attachments of a supported type through their own
format's extractor, anything else as its printable strings, and the raw
message. Part names are positions and well-known header names, never text.
"""
from __future__ import annotations

import html
import re
from email import message_from_bytes
from email import policy as email_policy
from email.header import decode_header, make_header
from email.message import Message
from pathlib import PurePosixPath

from ...errors import UnsupportedInput
from .structure import EXTENSION_OF_TYPE, MAX_DEPTH

#: header names shown as they are in part names; any other header is named by its position.
NAMED_HEADERS = frozenset({
    "from", "to", "cc", "bcc", "reply-to", "sender", "subject", "date", "mime-version", "content-type",
    "content-transfer-encoding", "content-disposition", "content-id", "content-language", "content-description",
    "received", "return-path", "message-id", "in-reply-to", "references",
})
#: tags that end a line (so words either side stay apart) and the rest, which vanish when rendered.
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|tr|td|th|h[1-6]|table|title|blockquote|pre|hr)\b[^>]*>", re.I)
_INLINE_TAG = re.compile(r"<[^>]*>")
_PRINTABLE = re.compile(r"[\x20-\x7e\u00a0-\uffff\t]{4,}")


def printable(data: bytes) -> str:
    """Runs of printable characters in ``data`` (UTF-8 if it is, else Latin-1; UTF-16 too when it has NULs)."""
    try:
        texts = [data.decode("utf-8")]
    except UnicodeDecodeError:
        texts = [data.decode("latin-1")]
    if data.count(b"\x00") > len(data) // 4:
        texts.append(data.decode("utf-16-le", "replace"))
    return "\n".join(m.group() for text in texts for m in _PRINTABLE.finditer(text))


def _text(value: object) -> str:
    text = str(value)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _decoded(value: str) -> str:
    try:
        return str(make_header(decode_header(value)))
    except Exception:
        return value


def _payload_text(raw: bytes, charset: str | None) -> str:
    for codec in (charset, "utf-8"):
        if codec:
            try:
                return raw.decode(codec)
            except (LookupError, UnicodeDecodeError):
                continue
    return raw.decode("latin-1")


def message_parts(data: bytes, prefix: str = "", depth: int = 0) -> list[tuple[str, str]]:
    """Every textual part of the message in ``data`` (see the module docstring)."""
    out = [(f"{prefix}raw message", data.decode("utf-8", "replace"))]
    try:
        msg = message_from_bytes(data, policy=email_policy.compat32)
    except Exception:
        return out + [(f"{prefix}raw message strings", printable(data))]
    if msg.get_unixfrom():
        out.append((f"{prefix}envelope", _text(msg.get_unixfrom())))
    try:
        _walk(msg, f"{prefix}part 1", depth, out)
    except Exception:  # a part the stdlib cannot walk: its printable strings are searched instead
        out.append((f"{prefix}raw message strings", printable(data)))
    return out


def _walk(node: Message, name: str, depth: int, out: list[tuple[str, str]]) -> None:
    for i, (key, value) in enumerate(node.items(), 1):
        label = f"{name} header {key if key.lower() in NAMED_HEADERS else f'#{i}'}"
        out.append((label, _text(value)))
        out.append((f"{label} decoded", _text(_decoded(_text(value)))))
    for attr in ("preamble", "epilogue"):
        if getattr(node, attr, None):
            out.append((f"{name} {attr}", _text(getattr(node, attr))))
    payload = node.get_payload()
    if isinstance(payload, list):
        if depth >= 2 * MAX_DEPTH:
            out.append((f"{name} (too deep)", _text(node.as_string())))
            return
        for k, child in enumerate(payload, 1):
            _walk(child, f"{name}.{k}", depth + 1, out)
        return
    decoded = node.get_payload(decode=True)
    raw = decoded if isinstance(decoded, bytes) else b""
    ctype = node.get_content_type()
    try:
        filename = node.get_filename() or ""
    except Exception:
        filename = ""
    if filename:
        out.append((f"{name} file name", _text(filename)))
    ext = PurePosixPath(filename.replace("\\", "/")).suffix.lower() if filename else EXTENSION_OF_TYPE.get(ctype, "")
    if (filename or str(node.get("content-disposition", "")).strip().lower().startswith("attachment")) and ext:
        inner = _inner_parts(raw, ext, f"{name} ({ext}) ", depth)
        if inner is not None:
            out.extend(inner)
            return
    if node.get_content_maintype() == "text":
        text = _payload_text(raw, node.get_content_charset())
        out.append((f"{name} {ctype}", text))
        if ctype == "text/html":
            out.append((f"{name} {ctype} unescaped", html.unescape(text)))
            out.append((f"{name} {ctype} text", html.unescape(_INLINE_TAG.sub("", _BLOCK_TAG.sub("\n", text)))))
    else:
        out.append((f"{name} {ctype} strings", printable(raw)))


def _inner_parts(raw: bytes, ext: str, prefix: str, depth: int) -> list[tuple[str, str]] | None:
    """An attachment through its own format's extractor (None: not a format redactor reads)."""
    from .. import format_for

    if ext == ".eml":
        return message_parts(raw, prefix, depth + 1)
    try:
        fmt = format_for(f"x{ext}")
    except UnsupportedInput:
        return None
    try:
        parts = getattr(fmt, "extract_parts", None)
        found = list(parts(raw)) if parts else [("text", fmt.extract_text(raw))]
    except Exception:  # the verifier never crashes on what it checks: the strings are searched instead
        return [(f"{prefix}strings", printable(raw))]
    return [(f"{prefix}{part}", text) for part, text in found]
