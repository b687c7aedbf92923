"""DOCX: read every visible story of a Word file, redact inside its runs, clear its metadata.

* :meth:`Docx.read` opens the file with python-docx and walks the main document,
  headers, footers, footnotes, endnotes and comments (text boxes and tables
  included) into one :class:`~redactor.document.Document`, one block per
  paragraph, with a :class:`DocxRef` for every character.
* :meth:`Docx.write` re-opens the original bytes (so the ``Document`` is never
  mutated and can be written again), rewrites the covered text nodes in place
  (see :mod:`.rewrite`), replaces removed values in hyperlink targets, field
  codes and alt text (see :mod:`.scrub`), clears document properties (see
  :mod:`.metadata`) and saves.
* :meth:`Docx.extract_text` is the independent verifier (see :mod:`.extract`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ...document import Decision, Document
from ...errors import RedactorError
from .container import guarded, open_word, save_word
from .extract import extract_text
from .layout import DocxRef, Layout, build_layout
from .metadata import clear_metadata
from .rewrite import apply_decisions
from .scrub import scrub_hidden

__all__ = ["Docx", "DocxNative", "DocxRef"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class DocxNative:
    """What the DOCX reader keeps for the writer.

    ``data`` is the original file; ``nodes`` the text nodes (``w:t`` /
    ``w:delText`` elements) that :attr:`DocxRef.node` indexes, from the reader's
    parse. The writer re-parses ``data`` and rebuilds an identical node list.
    """

    data: bytes
    nodes: list[Any] = field(repr=False)


def _layout_of(data: bytes) -> tuple[Any, Layout]:
    """Open ``data`` and walk it; every failure becomes UnreadableInput."""
    document = open_word(data)
    return document, guarded(lambda: build_layout(document))


class Docx:
    """The DOCX format (Word 2007+ ``.docx``)."""

    name = "docx"
    media_type = MEDIA_TYPE

    def read(self, data: bytes, name: str) -> Document:
        """Parse ``data`` into a Document; raise UnreadableInput on bad input."""
        _, layout = _layout_of(data)
        return Document(
            name=name,
            format=self.name,
            text=layout.text,
            source_map=list(layout.source_map),
            blocks=layout.blocks,
            native=DocxNative(data=data, nodes=layout.nodes),
        )

    def write(self, doc: Document, decisions: Sequence[Decision]) -> bytes:
        """Return a redacted copy of ``doc``'s source with every decision applied."""
        if not isinstance(doc.native, DocxNative):
            raise RedactorError("internal error: this Document was not read as DOCX")
        document, layout = _layout_of(doc.native.data)
        if layout.text != doc.text:
            raise RedactorError("internal error: DOCX text changed between read and write")
        apply_decisions(layout, doc.source_map, decisions)
        scrub_hidden(document, (doc.text[f.start:f.end] for d in decisions for f in d.findings))
        clear_metadata(document)
        return save_word(document)

    def extract_text(self, data: bytes) -> str:
        """All text a recipient could recover from ``data`` (used to verify outputs)."""
        return extract_text(data)
