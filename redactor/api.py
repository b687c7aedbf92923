"""The Python API: the one entry point the CLI's integrations, the service and the watcher call.

Redact a document given as a path, bytes or a binary file object, along a disclosure path:

    >>> import redactor
    >>> letter = b"Dear Ms Okoro,\\nplease call me on 07700 900123.\\n"
    >>> result = redactor.redact(letter, name="letter.txt", path="anonymise")
    >>> result.status, result.by_type
    ('written', {'PERSON': 1, 'PHONE': 1})
    >>> print(result.output.decode())
    Dear Ms [PERSON],
    please call me on [PHONE].
    <BLANKLINE>

A withheld document is a result too (status ``"withheld"``, exit code 5, no output); every other
failure raises a :class:`~redactor.errors.RedactorError` whose ``exit_code`` the CLI documents:

    >>> redactor.redact(b"%PDF-1.7 but not really", name="broken.pdf")
    Traceback (most recent call last):
    ...
    redactor.errors.UnreadableInput: ...

Without ``name`` the format is sniffed from the bytes (PDF, DOCX, e-mail, mbox, else UTF-8 text):

    >>> redactor.sniff(b"%PDF-1.7 ..."), redactor.sniff(b"From: a@example.org\\nSubject: hi\\n\\nbody")
    ('document.pdf', 'document.eml')

:func:`check` says what a path would still remove (counts by type, never text), :func:`review`
proposes the removals for a person to adjust and :func:`redact_reviewed` applies their changes:

    >>> redactor.check(letter, name="letter.txt", path="anonymise").counts
    {'PERSON': 1, 'PHONE': 1}

Every function takes ``redactor=`` (a :class:`~redactor.pipeline.Redactor`); without it they share
one per process (:func:`engine`), which loads the models once and is safe to share between threads.
"""
from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import threading
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .errors import UnsupportedInput, UsageError, Withheld
from .pipeline import Redactor, Request, check_destination, read_input, write_atomically

#: what :func:`redact` accepts as a document.
Source = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO
Names = str | Sequence[str]

__all__ = ["CheckResult", "Proposal", "ProposedRemoval", "Result", "Source", "check", "classify", "engine",
           "isolated", "paths", "redact", "redact_reviewed", "review", "sniff"]


@dataclass
class Result:
    """The outcome of redacting one document.

    ``status`` is ``"written"`` (``output`` holds the redacted copy, ``output_path`` where it was
    written if you asked) or ``"withheld"`` (no copy; ``message`` says why, ``report`` too).
    ``findings`` are the report's findings (type, offsets, action, reason; never the text).
    """

    status: str
    name: str
    media_type: str
    output: bytes | None
    report: dict[str, Any] | None
    output_path: Path | None = None
    report_path: Path | None = None
    message: str | None = None

    @property
    def findings(self) -> list[dict[str, Any]]:
        return list((self.report or {}).get("findings", []))

    @property
    def by_type(self) -> dict[str, int]:
        """Findings the path removes, counted by type."""
        counts: dict[str, int] = {}
        for f in self.findings:
            if f["action"] != "keep":
                counts[f["type"]] = counts.get(f["type"], 0) + 1
        return dict(sorted(counts.items()))

    @property
    def exit_code(self) -> int:
        return 0 if self.status == "written" else Withheld.exit_code


@dataclass(frozen=True)
class ProposedRemoval:
    """One removal the path proposes, for a person to review (offsets into ``Proposal.text``)."""

    start: int
    end: int
    type: str
    action: str
    reason: str
    category: str | None = None
    role: str | None = None

    @property
    def id(self) -> str:
        return f"{self.start}-{self.end}"


@dataclass
class Proposal:
    """What redacting would remove, before anything is written (see :func:`review`)."""

    name: str
    path: str
    text: str
    removals: list[ProposedRemoval] = field(default_factory=list)
    status: str = "proposed"  # or "withheld"
    message: str | None = None
    categories: list[str] = field(default_factory=list)


@dataclass
class CheckResult:
    """What a path would still remove from a document: counts by type, never text."""

    name: str
    counts: dict[str, int]
    withheld: str | None = None  # the category that would withhold the whole document

    @property
    def clean(self) -> bool:
        return not self.counts and self.withheld is None


_engine: Redactor | None = None
_engine_lock = threading.Lock()
#: PDFium (PDF text, rendering, verification) must never run in two threads at once, not even on two
#: documents: that corrupts or crashes the process. An e-mail may carry a PDF attachment. So calls that
#: may reach it take turns (the rest of the engine serialises detection with its own lock).
_PDFIUM = threading.RLock()
_PDFIUM_FORMATS = frozenset({".pdf", ".eml", ".mbox"})


def _turn(name: str) -> contextlib.AbstractContextManager[Any]:
    return _PDFIUM if Path(name).suffix.lower() in _PDFIUM_FORMATS else contextlib.nullcontext()


def engine() -> Redactor:
    """The process's shared :class:`Redactor` (default model), made on first use."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = Redactor()
        return _engine


def isolated(redactor: Redactor) -> Redactor:
    """A view of ``redactor`` sharing its loaded models (and their lock) but with its own pseudonyms.

    The service gives each request one, so no pseudonym numbering carries from one user's
    document to another's.
    """
    from .policy.operators import Pseudonyms

    twin = copy.copy(redactor)
    own = redactor.pseudonyms
    twin.pseudonyms = Pseudonyms(own.key.decode("utf-8") if own.keyed else None)
    return twin


def sniff(data: bytes) -> str:
    """A file name whose extension names the format of ``data``: PDF, DOCX, mbox, e-mail or text."""
    head = bytes(data[:4096])
    if head.lstrip(b"\r\n\t ").startswith(b"%PDF-"):
        return "document.pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            if "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist():
                return "document.docx"
        except zipfile.BadZipFile:
            pass
        raise UnsupportedInput("the upload is a ZIP archive but not a Word document: give its name")
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        if len(head) == 4096:  # a multi-byte character cut at the end of the sample
            try:
                text = head[:4090].decode("utf-8")
            except UnicodeDecodeError:
                text = None  # type: ignore[assignment]
        else:
            text = None  # type: ignore[assignment]
    if text is None or "\x00" in text:
        raise UnsupportedInput("cannot tell the document's format: give its file name (name=...)")
    if text.startswith("From "):
        return "document.mbox"
    first = text.split("\n\n", 1)[0].splitlines()
    headers = {line.split(":", 1)[0].strip().lower() for line in first if ":" in line and not line[0].isspace()}
    if first and {"from", "to", "subject", "date", "message-id", "mime-version", "received"} & headers and all(
            (":" in line and " " not in line.split(":", 1)[0]) or line[:1].isspace() for line in first):
        return "document.eml"
    return "document.txt"


def load(src: Source, name: str | None = None) -> tuple[bytes, str]:
    """The bytes of ``src`` and the file name that chooses its format."""
    if isinstance(src, (str, os.PathLike)):
        path = Path(src)
        return read_input(path), name or path.name
    if isinstance(src, (bytes, bytearray, memoryview)):
        data = bytes(src)
    elif hasattr(src, "read"):
        data = src.read()
        if not isinstance(data, bytes):
            raise UsageError("open the file in binary mode ('rb')")
        own = getattr(src, "name", None)
        if name is None and isinstance(own, str) and Path(own).suffix:
            name = Path(own).name
    else:
        raise UsageError(f"cannot redact a {type(src).__name__}: give a path, bytes or a binary file object")
    return data, Path(name).name if name else sniff(data)


def request(path: str = "public", *, subject: Names = (), complainant: Names = (), witness: Names = (),
            names: Names = (), case: str | os.PathLike[str] | None = None, basis: str | None = None,
            recipient: str | None = None, permission_ref: str | None = None,
            pipeline: str | os.PathLike[str] | None = None, categories: str | os.PathLike[str] | None = None,
            key_file: str | os.PathLike[str] | None = None, **extra: Any) -> Request:
    """A :class:`~redactor.pipeline.Request`: the path and the people the user names, by role
    (``extra`` are further fields of the Request, such as ``limits``)."""
    from .detect import KnownPerson

    people: list[KnownPerson] = []
    case_id = None
    if case is not None:
        from .case import load_case

        people += load_case(Path(case))
        case_id = Path(case).stem
    for role, given in (("subject", subject), ("complainant", complainant), ("witness", witness),
                        ("third_party", names)):
        people += [KnownPerson(n, role) for n in ([given] if isinstance(given, str) else given) if n.strip()]
    return Request(path=path, pipeline_file=pipeline, people=tuple(people), basis=basis, recipient=recipient,
                   permission_ref=permission_ref, case=case_id, categories_file=categories, key_file=key_file,
                   **extra)


def _request(path: str | Request, subject: Names, options: dict[str, Any]) -> Request:
    """``path`` itself when it is a whole :class:`~redactor.pipeline.Request` (the CLI builds one)."""
    if isinstance(path, Request):
        if subject or options:
            raise UsageError("give either a Request or the path and people options, not both")
        return path
    return request(path, subject=subject, **options)


def _media_type(name: str) -> str:
    from .formats import format_for

    return format_for(name).media_type


def redact(src: Source, *, path: str | Request = "public", subject: Names = (), name: str | None = None,
           output: str | os.PathLike[str] | None = None, report: bool | str | os.PathLike[str] = True,
           redactor: Redactor | None = None, **options: Any) -> Result:
    """Redact ``src`` (a path, bytes or a binary file object) along the disclosure path ``path``
    (a path's name, or a whole :class:`~redactor.pipeline.Request`).

    ``subject`` names the member the document is about (a name or a list); ``complainant=``,
    ``witness=``, ``names=`` (other people), ``case=``, ``basis=``, ``recipient=``,
    ``permission_ref=``, ``pipeline=``, ``categories=`` and ``key_file=`` are the CLI's options.
    ``name`` gives the file name (its extension chooses the format) of bytes or a file object;
    without it the format is sniffed. With ``output`` the copy is written there too (atomically;
    never over the input), and with ``report`` a path the JSON report is written there;
    ``report=False`` leaves it out of the result.
    """
    redactor = redactor or engine()
    data, name = load(src, name)
    if output is not None and isinstance(src, (str, os.PathLike)):
        check_destination(Path(src), Path(output), report if isinstance(report, (str, os.PathLike)) else None)
    req = _request(path, subject, options)
    report_path = Path(report) if isinstance(report, (str, os.PathLike)) else None
    media_type = _media_type(name)
    try:
        with _turn(name):
            outcome = redactor.redact_bytes(data, name, req)
    except Withheld as exc:
        if report_path is not None and exc.report is not None:
            write_atomically(report_path, json.dumps(exc.report, indent=2).encode("utf-8"))
        return Result("withheld", name, media_type, None, exc.report if report is not False else None,
                      report_path=report_path, message=str(exc))
    return _finish(outcome.output, outcome.report, name, media_type, output, report, report_path)


def _finish(data: bytes, report_json: dict[str, Any], name: str, media_type: str,
            output: str | os.PathLike[str] | None, report: bool | str | os.PathLike[str],
            report_path: Path | None) -> Result:
    output_path = Path(output) if output is not None else None
    if output_path is not None:
        write_atomically(output_path, data)
    if report_path is not None:
        try:
            write_atomically(report_path, json.dumps(report_json, indent=2).encode("utf-8"))
        except BaseException:
            if output_path is not None:
                output_path.unlink(missing_ok=True)  # no copy without the report that was asked for
            raise
    return Result("written", name, media_type, data, report_json if report is not False else None,
                  output_path=output_path, report_path=report_path)


def review(src: Source, *, path: str | Request = "public", subject: Names = (), name: str | None = None,
           redactor: Redactor | None = None, **options: Any) -> Proposal:
    """The removals the path proposes for ``src``, with the text they apply to (nothing is written).

    Offsets index ``Proposal.text``, the document's text as read; pass the ones a person unticks
    and the spans they add to :func:`redact_reviewed`.
    """
    redactor = redactor or engine()
    data, name = load(src, name)
    with _turn(name):
        plan = redactor.plan_bytes(data, name, _request(path, subject, options))
    categories = [lab.label for lab in plan.classification.categories]
    if plan.withheld is not None:
        from .pipeline import withheld_message

        return Proposal(name, plan.disclosure.name, plan.document.text, [], "withheld",
                        withheld_message(plan.withheld, plan.disclosure), categories)
    removals = sorted({(j.finding.start, j.finding.end): ProposedRemoval(
        j.finding.start, j.finding.end, j.finding.entity_type, j.action, j.reason, j.category, j.finding.role)
        for j in plan.judgements if j.action != "keep"}.values(), key=lambda r: (r.start, -r.end))
    return Proposal(name, plan.disclosure.name, plan.document.text, removals, categories=categories)


def redact_reviewed(src: Source, *, keep: Sequence[tuple[int, int]] = (), add: Sequence[tuple[int, int, str]] = (),
                    reviewer: dict[str, Any] | None = None, path: str | Request = "public", subject: Names = (),
                    name: str | None = None, redactor: Redactor | None = None, **options: Any) -> Result:
    """Redact ``src`` after a review: ``keep`` the ``(start, end)`` proposals a person unticked, ``add``
    ``(start, end, type)`` spans they marked; the report records ``reviewer``, the time and each change.

        >>> import redactor
        >>> letter = b"Dear Ms Okoro,\\nplease call me on 07700 900123 about flat 4B.\\n"
        >>> proposal = redactor.review(letter, name="letter.txt", path="anonymise")
        >>> [(r.type, proposal.text[r.start:r.end]) for r in proposal.removals]
        [('PERSON', 'Okoro'), ('PHONE', '07700 900123')]
        >>> phone = next(r for r in proposal.removals if r.type == "PHONE")
        >>> flat = proposal.text.index("flat 4B")
        >>> result = redactor.redact_reviewed(letter, name="letter.txt", path="anonymise",
        ...     keep=[(phone.start, phone.end)], add=[(flat, flat + 7, "ADDRESS")], reviewer={"name": "DPO"})
        >>> print(result.output.decode().strip())
        Dear Ms [PERSON],
        please call me on 07700 900123 about [ADDRESS].
        >>> result.report["review"]["kept"], result.report["review"]["added"]
        (1, 1)
    """
    redactor = redactor or engine()
    data, name = load(src, name)
    with _turn(name):
        outcome = redactor.redact_with_overrides(data, name, _request(path, subject, options),
                                                 drop=set(map(tuple, keep)), add=list(add), reviewer=reviewer)
    return _finish(outcome.output, outcome.report, name, _media_type(name), None, True, None)


def check(src: Source, *, path: str | Request = "public", subject: Names = (), name: str | None = None,
          redactor: Redactor | None = None, **options: Any) -> CheckResult:
    """What ``path`` would still remove from ``src``: findings by type, and a category that would
    withhold it whole. A document it leaves unchanged is ``clean``."""
    redactor = redactor or engine()
    data, name = load(src, name)
    with _turn(name):
        plan = redactor.plan_bytes(data, name, _request(path, subject, options))
    if plan.withheld is not None:
        return CheckResult(name, {}, plan.withheld.label)
    counts: dict[str, int] = {}
    for j in plan.judgements:
        if j.action != "keep":
            counts[j.finding.entity_type] = counts.get(j.finding.entity_type, 0) + 1
    return CheckResult(name, dict(sorted(counts.items())))


def classify(src: Source, *, name: str | None = None, redactor: Redactor | None = None) -> Any:
    """The document's Confidential Matters categories (a :class:`~redactor.classify.Classification`)."""
    redactor = redactor or engine()
    data, name = load(src, name)
    with _turn(name):
        return redactor.classify_bytes(data, name)[1]


def paths() -> list[dict[str, Any]]:
    """The shipped disclosure paths: name, paragraph, title, recipient, description, requirements."""
    from .policy import shipped_paths

    return [{"name": p.name, "paragraph": p.paragraph, "title": p.title, "recipient": p.recipient,
             "description": p.description, "requires": list(p.requires)} for p in shipped_paths().values()]
