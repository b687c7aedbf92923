"""The format table: one module per format, looked up by file extension.

Each format module defines a class implementing :class:`Format` and is listed
in ``FORMATS`` by import path, so heavy dependencies (pdfplumber, python-docx)
are imported only when a file of that type is opened. A new format is one new
module plus one line here; nothing else dispatches on file type.
"""
from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..document import Decision, Document
from ..errors import UnsupportedInput
from ..limits import Limits


@runtime_checkable
class Format(Protocol):
    """What every format module provides."""

    name: str
    media_type: str

    def read(self, data: bytes, name: str, *, limits: Limits | None = None, password: str | None = None) -> Document:
        """Parse ``data`` into a Document; raise UnreadableInput on bad input.

        ``limits`` (else :func:`redactor.limits.current`) bound what reading may cost; a file
        over one raises :class:`~redactor.errors.LimitExceeded`. ``password`` opens an
        encrypted file where the format can (PDF); other formats ignore it.
        """

    def write(self, doc: Document, decisions: Sequence[Decision]) -> bytes:
        """Return a redacted copy of ``doc``'s source with every decision applied."""

    def extract_text(self, data: bytes) -> str:
        """All text a recipient could recover from ``data``, joined (used to verify outputs)."""

    def extract_parts(self, data: bytes) -> list[tuple[str, str]]:
        """Everything textual in ``data``, part by part: ``(part name, text)``.

        This is the verifier's view, read with a different extractor from the
        one the writer used and covering every place a recipient could look
        (every stream and string of a PDF, every part of a DOCX, every header
        and MIME part of an e-mail). Part names never contain document text.
        """


#: extension -> "module:Class"; the module is imported on first use.
FORMATS: dict[str, str] = {
    ".txt": "redactor.formats.text:PlainText",
    ".md": "redactor.formats.text:Markdown",
    ".markdown": "redactor.formats.text:Markdown",
    ".docx": "redactor.formats.docx:Docx",
    ".pdf": "redactor.formats.pdf:Pdf",
    ".eml": "redactor.formats.eml:Eml",
    ".mbox": "redactor.formats.eml:Mbox",
}


def supported_extensions() -> list[str]:
    return sorted(FORMATS)


@cache
def _load(target: str) -> Format:
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls()


def format_for(path: str | Path) -> Format:
    """The format that reads and writes ``path``, chosen by its extension."""
    ext = Path(path).suffix.lower()
    target = FORMATS.get(ext)
    if target is None:
        known = ", ".join(supported_extensions())
        raise UnsupportedInput(f"unsupported file type {ext or '(none)'!r}: redactor reads {known}")
    return _load(target)
