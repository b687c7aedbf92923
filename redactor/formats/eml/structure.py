"""The shape of a message: parsing, its parts in order, and what each part is.

The reader and the writer both call :func:`parse` and :func:`parts_of` on the
same bytes, so they see the same parts with the same numbers and the same
decoded text (:func:`decode_text`); the writer checks that it does.
"""
from __future__ import annotations

import codecs
import mimetypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import PurePosixPath

from ...errors import RedactorError, UnreadableInput, UnsupportedInput
from ...limits import DEFAULT_LIMITS, current, exceeded

#: MIME containers nested deeper than the ``mime-depth`` limit, or more leaves than ``mime-parts``,
#: are refused; a part whose encoded payload could decode past ``stream-size`` is never decoded.
#: (The verifier, :mod:`.extract`, shows what lies deeper than twice the default depth raw.)
MAX_DEPTH = DEFAULT_LIMITS.mime_depth
#: how the writer serialises: raw header values are written as they are (no re-folding),
#: and 8-bit headers and bodies go back out as the bytes they came in as.
OUT_POLICY = policy.default.clone(refold_source="none", utf8=True)
#: the extension an attachment without a usable file name gets from its media type.
EXTENSION_OF_TYPE = {
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "message/rfc822": ".eml",
}
#: transfer encodings the writer can produce; anything else is written as base64.
ENCODINGS = ("7bit", "8bit", "base64", "quoted-printable")


@dataclass
class Part:
    """A leaf of the MIME tree (or a nested message), numbered in walk order from 1.

    ``kind`` is ``plain`` or ``html`` (a body), ``inner`` (an attachment or nested
    message of a format redactor reads), ``empty`` (an attachment without bytes) or
    ``unsupported``. ``label`` names it in reports (``body 1 text/plain``,
    ``attachment 2 (.docx)``): an index and a media type or extension, never text.
    """

    index: int
    message: EmailMessage
    parent: EmailMessage | None
    kind: str
    label: str
    ext: str
    depth: int


@contextmanager
def guarded() -> Iterator[None]:
    """Turn whatever the stdlib raises on a malformed message into one line of UnreadableInput."""
    try:
        yield
    except RedactorError:
        raise
    except RecursionError:
        raise _too_deep() from None
    except Exception as exc:
        raise UnreadableInput(f"malformed e-mail message ({type(exc).__name__})") from None


def _too_deep() -> RedactorError:
    """The error for a message nested past the ``mime-depth`` limit (or past what the stdlib parser can recurse)."""
    return exceeded("mime_depth", current().mime_depth, "the e-mail's MIME parts nest", "deeper than")


def parse(data: bytes) -> EmailMessage:
    """Parse ``data`` as an RFC 5322 message, refusing what is not one."""
    if not data.strip():
        raise UnreadableInput("empty file")
    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
    except RecursionError:
        raise _too_deep() from None
    except Exception as exc:  # the parser is lenient; anything it still raises means garbage
        raise UnreadableInput(f"not a readable e-mail message ({type(exc).__name__})") from None
    if not msg.keys():
        raise UnreadableInput("not an e-mail message: no headers")
    return msg  # type: ignore[return-value]


def parts_of(msg: EmailMessage, depth: int = 0) -> list[Part]:
    """Every leaf and nested message of ``msg`` in order, classified (see :class:`Part`)."""
    parts: list[Part] = []
    counters = {"body": 0, "attachment": 0}
    _walk(msg, None, depth, parts, counters)
    return parts


def _walk(node: EmailMessage, parent: EmailMessage | None, depth: int, parts: list[Part],
          counters: dict[str, int]) -> None:
    limits = current()
    if depth > limits.mime_depth:
        raise _too_deep()
    if len(parts) >= limits.mime_parts:
        raise exceeded("mime_parts", limits.mime_parts, "the e-mail has more parts", "than")
    ctype = node.get_content_type()
    if node.get_content_maintype() == "multipart":
        children = node.get_payload()
        if not isinstance(children, list):
            raise UnreadableInput("malformed multipart e-mail: its boundary is missing")
        for child in children:
            if not isinstance(child, EmailMessage):
                raise UnreadableInput("malformed multipart e-mail: a part is not a message")
            _walk(child, node, depth + 1, parts, counters)
        return
    index = len(parts) + 1
    filename = _filename(node)
    attached = bool(filename) or node.get_content_disposition() == "attachment"
    if ctype in ("text/plain", "text/html") and not attached:
        counters["body"] += 1
        kind = "plain" if ctype == "text/plain" else "html"
        parts.append(Part(index, node, parent, kind, f"body {counters['body']} {ctype}", "", depth))
        return
    counters["attachment"] += 1
    ext = _extension(filename, ctype)
    kind = "inner" if ext and _supported(ext) else "unsupported"
    if kind == "inner" and ctype != "message/rfc822" and not payload_bytes(node):
        kind = "empty"
    shown = ext if kind != "unsupported" else _known_extension(filename, ctype)
    parts.append(Part(index, node, parent, kind, f"attachment {counters['attachment']} ({shown})", ext, depth))


def _filename(node: EmailMessage) -> str:
    try:
        return node.get_filename() or ""
    except Exception:  # a malformed RFC 2231 parameter: the part is then nameless
        return ""


def _extension(filename: str, ctype: str) -> str:
    """The extension that chooses the attachment's format: its file name's, else its media type's."""
    suffix = PurePosixPath(filename.replace("\\", "/")).suffix.lower() if filename else ""
    if suffix and _supported(suffix):
        return suffix
    return EXTENSION_OF_TYPE.get(ctype, suffix if not filename else "")


def _supported(ext: str) -> bool:
    from .. import format_for

    try:
        format_for(f"x{ext}")
    except UnsupportedInput:
        return False
    return True


def _known_extension(filename: str, ctype: str) -> str:
    """An extension safe to show in a report: a well-known one, or the media type's, never free text."""
    suffix = PurePosixPath(filename.replace("\\", "/")).suffix.lower() if filename else ""
    if suffix in mimetypes.types_map:
        return suffix
    guessed = mimetypes.guess_extension(ctype) if "/" in ctype else None
    return guessed or "unknown type"


def payload_bytes(node: EmailMessage) -> bytes:
    """A leaf's payload with its transfer encoding undone (never decoded past the ``stream-size`` limit)."""
    encoded = node.get_payload()
    if isinstance(encoded, str):
        bound = len(encoded) * 3 // 4 if transfer_encoding(node) == "base64" else len(encoded)
        current().check("stream_size", bound, f"a part of the e-mail decodes to {bound} bytes,")
    try:
        data = node.get_payload(decode=True)
    except Exception:
        raise UnreadableInput("an e-mail part cannot be decoded") from None
    return data if isinstance(data, bytes) else b""


def nested_bytes(node: EmailMessage) -> bytes:
    """The bytes of a nested ``message/rfc822`` part (parsed or still encoded)."""
    payload = node.get_payload()
    if isinstance(payload, list):
        if not payload or not isinstance(payload[0], EmailMessage):
            return b""
        try:
            return payload[0].as_bytes(policy=OUT_POLICY)
        except RecursionError:
            raise _too_deep() from None
        except Exception:
            raise UnreadableInput("a nested e-mail message cannot be read") from None
    return payload_bytes(node)


def charset_of(node: EmailMessage) -> str:
    """The part's declared charset as a Python codec name ('' when unknown or absent)."""
    declared = node.get_content_charset() or "us-ascii"
    try:
        return codecs.lookup(declared).name
    except LookupError:
        return ""


def decode_text(node: EmailMessage) -> tuple[str, str]:
    """A text part's text and the codec that decodes it: the declared one if it fits, else UTF-8, else cp1252."""
    raw = payload_bytes(node)
    for codec in (charset_of(node), "utf-8", "cp1252"):
        if not codec:
            continue
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def transfer_encoding(node: EmailMessage) -> str:
    """The part's transfer encoding, as one the writer can produce."""
    cte = str(node.get("content-transfer-encoding", "7bit")).strip().lower()
    if cte == "binary":
        return "8bit"
    return cte if cte in ENCODINGS else "base64"
