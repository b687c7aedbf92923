"""DOCX: read every visible story of a Word file, redact inside its runs, scrub everything else.

* :meth:`Docx.read` opens the file with python-docx, resolves its tracked
  changes (see :mod:`.revisions`) and walks the main document, headers, footers,
  footnotes, endnotes and comments (tables, content controls, text boxes and
  hidden text included) into one :class:`~redactor.document.Document`, one block
  per paragraph, with a :class:`DocxRef` for every character.
* :meth:`Docx.write` re-opens the original bytes (so the ``Document`` is never
  mutated and can be written again) and, in order: resolves tracked changes
  and rewrites the covered text nodes in place (:mod:`.rewrite`); drops the
  parts the recipient does not need (:mod:`.parts`); resolves tracked changes
  in the other parts; replaces removed values everywhere the reader does not
  read and the names of reviewers (:mod:`.scrub`); cuts the document
  properties down (:mod:`.metadata`) and strips picture metadata (:mod:`.media`).
* :meth:`Docx.extract_parts` is the verifier's independent view, member by
  member (:mod:`.extract`); :meth:`Docx.extract_text` joins it.

Every vector of a DOCX and where it is handled:

==============================================  ==================================================
body, tables, headers/footers, notes, comments  read, and redacted in place (:mod:`.rewrite`)
text boxes (VML, DrawingML and both copies)     read, and redacted in place
content controls                                text read and redacted; labels scrubbed; bindings,
                                                placeholders and list choices dropped (:mod:`.parts`)
hidden text (``w:vanish``)                      read, and redacted like visible text
tracked changes                                 resolved: deletions gone, insertions kept, records
                                                and their authors gone (:mod:`.revisions`)
comment authors and initials                    replaced / removed (:mod:`.scrub`)
field codes, hyperlink targets, alt text        removed values replaced (:mod:`.scrub`)
core, app and custom properties, thumbnail      cut to an allow-list / dropped (:mod:`.metadata`)
customXml, glossary, people, embeddings, OLE,   dropped whole (:mod:`.parts`)
ActiveX, macros, webSettings, signatures
attached template, document variables           dropped (:mod:`.parts`)
picture metadata (EXIF, XMP, PNG text)          stripped (:mod:`.media`)
DTDs and entities, member names leaving the     refused before any part is parsed, as are packages
package, ZIP bombs                              over the limits (:mod:`.container`)
==============================================  ==================================================
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ...document import Decision, Document
from ...errors import RedactorError
from ...limits import DEFAULT_LIMITS, Limits, current, using
from .container import guarded, open_word, save_word
from .extract import extract_parts, extract_text
from .layout import DocxRef, Layout, build_layout
from .media import strip_picture_metadata
from .metadata import clear_metadata
from .parts import drop_parts, dropped_kinds
from .revisions import resolve_revisions
from .rewrite import apply_decisions
from .scrub import clear_reviewers, scrub_hidden
from .trees import PartTrees

__all__ = ["Docx", "DocxNative", "DocxRef"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class DocxNative:
    """What the DOCX reader keeps for the writer.

    ``data`` is the original file; ``nodes`` the text nodes (``w:t`` / ``m:t``
    elements) that :attr:`DocxRef.node` indexes, from the reader's parse. The
    writer re-parses ``data`` and rebuilds an identical node list.
    """

    data: bytes
    nodes: list[Any] = field(repr=False)
    limits: Limits = DEFAULT_LIMITS  # the limits it was read under, for the writer's re-parse


#: What the reader warns about: content it does not read and the writer drops.
UNREAD_KINDS = {"aFChunk": "an imported chunk (altChunk)", "subDocument": "a sub-document"}


def _layout_of(data: bytes, limits: Limits | None = None) -> tuple[Any, PartTrees, Layout]:
    """Open ``data`` and walk it; every failure becomes UnreadableInput."""
    document = open_word(data, limits)
    trees = PartTrees(document.part.package)
    return document, trees, guarded(lambda: build_layout(document, trees))


def _redact_rest(trees: PartTrees, stories: list[str], removed: list[str]) -> None:
    """Every stage after the text is rewritten (see the module docstring)."""
    drop_parts(trees)
    for _, root in trees.xml_parts():
        resolve_revisions(root)
    scrub_hidden(trees, stories, removed)
    clear_reviewers(trees)
    clear_metadata(trees)
    strip_picture_metadata(trees)
    trees.commit()


class Docx:
    """The DOCX format (Word 2007+ ``.docx``)."""

    name = "docx"
    media_type = MEDIA_TYPE

    def read(self, data: bytes, name: str, *, limits: Limits | None = None, password: str | None = None) -> Document:
        """Parse ``data`` into a Document; raise UnreadableInput on bad input (``password`` is not used)."""
        with using(limits):
            return self._read(data, name, current())

    def _read(self, data: bytes, name: str, limits: Limits) -> Document:
        document, _, layout = _layout_of(data, limits)
        unread = [UNREAD_KINDS[k] for k in guarded(lambda: dropped_kinds(document.part.package)) if k in UNREAD_KINDS]
        return Document(
            name=name,
            format=self.name,
            text=layout.text,
            source_map=list(layout.source_map),
            blocks=layout.blocks,
            native=DocxNative(data=data, nodes=layout.nodes, limits=limits),
            warnings=[f"{what} is not read and is left out of the redacted copy" for what in unread],
        )

    def write(self, doc: Document, decisions: Sequence[Decision]) -> bytes:
        """Return a redacted copy of ``doc``'s source with every decision applied."""
        if not isinstance(doc.native, DocxNative):
            raise RedactorError("internal error: this Document was not read as DOCX")
        document, trees, layout = _layout_of(doc.native.data, doc.native.limits)
        if layout.text != doc.text:
            raise RedactorError("internal error: DOCX text changed between read and write")
        apply_decisions(layout, doc.source_map, decisions)
        removed = [doc.text[f.start:f.end] for d in decisions for f in d.findings]
        removed += [doc.text[d.start:d.end] for d in decisions]
        guarded(lambda: _redact_rest(trees, [story.name for story in layout.parts], removed))
        return save_word(document)

    def extract_text(self, data: bytes) -> str:
        """All text a recipient could recover from ``data``, joined (used to verify outputs)."""
        return extract_text(data)

    def extract_parts(self, data: bytes) -> list[tuple[str, str]]:
        """``(member name, text)`` for every member of ``data``: the verifier's view."""
        return extract_parts(data)
