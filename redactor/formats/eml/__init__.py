"""E-mail: ``.eml`` messages (RFC 5322 / MIME) and ``.mbox`` files of them.

* :mod:`.structure` parses with the stdlib ``email`` package and numbers the parts;
* :mod:`.read` builds one composite Document: the From/To/Cc/Bcc/Reply-To/Sender/
  Subject headers (RFC 2047 decoded), plain bodies, HTML bodies' visible text and
  shown attributes (:mod:`.markup`), and attachments and nested messages of a
  supported type read by their own format;
* :mod:`.write` writes a redacted copy: only safe headers kept, bodies re-encoded,
  attachments written by their own format under neutral names, unsupported
  attachments removed (each one listed in ``Document.warnings``);
* :mod:`.extract` is the verifier's independent view (compat32 parser);
* :mod:`.mbox` applies all of this to each message of an mbox file.

The package is not called ``email`` so that it never shadows the stdlib.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...document import Decision, Document
from ...limits import Limits, using
from .extract import message_parts
from .mbox import mbox_parts, read_mbox, write_mbox
from .read import EmlNative, FieldRef, InnerRef, read_message
from .write import write_message

__all__ = ["Eml", "EmlNative", "FieldRef", "InnerRef", "Mbox"]


def _joined(parts: list[tuple[str, str]]) -> str:
    return "\n".join(text for _, text in parts)


class Eml:
    """The e-mail format (see :class:`redactor.formats.Format`)."""

    name = "eml"
    media_type = "message/rfc822"

    def read(self, data: bytes, name: str, *, limits: Limits | None = None, password: str | None = None) -> Document:
        """One composite Document; UnreadableInput on malformed input, LimitExceeded past a limit."""
        with using(limits):
            return read_message(data, name)

    def read_nested(self, data: bytes, name: str, depth: int) -> Document:
        """Read a message found ``depth`` containers deep (an attachment or ``message/rfc822`` part)."""
        return read_message(data, name, depth)

    def write(self, doc: Document, decisions: Sequence[Decision]) -> bytes:
        """The redacted message (see :mod:`.write`); an attachment's format errors propagate."""
        return write_message(doc, decisions)

    def extract_parts(self, data: bytes) -> list[tuple[str, str]]:
        """Every header, MIME part and attachment, decoded (see :mod:`.extract`)."""
        return message_parts(data)

    def extract_text(self, data: bytes) -> str:
        return _joined(self.extract_parts(data))


class Mbox:
    """mbox files: each message treated as an ``.eml`` (see :mod:`.mbox`)."""

    name = "mbox"
    media_type = "application/mbox"

    def read(self, data: bytes, name: str, *, limits: Limits | None = None, password: str | None = None) -> Document:
        with using(limits):
            return read_mbox(data, name)

    def read_nested(self, data: bytes, name: str, depth: int) -> Document:
        return read_mbox(data, name, depth)

    def write(self, doc: Document, decisions: Sequence[Decision]) -> bytes:
        return write_mbox(doc, decisions)

    def extract_parts(self, data: bytes) -> list[tuple[str, str]]:
        return mbox_parts(data)

    def extract_text(self, data: bytes) -> str:
        return _joined(self.extract_parts(data))
