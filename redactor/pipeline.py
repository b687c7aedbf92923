"""The whole path through the system, in one place.

``read -> detect -> judge -> decide -> write -> verify -> commit``

:class:`Redactor` loads the NLP models once and is reused for every document
(and is safe to share between threads: detection is serialised by a lock,
everything else works on per-call objects). It is the only thing the CLI, the
batch runner and, later, the service call.

Hostile input is bounded twice: every reader checks the :class:`~redactor.limits.Limits`
of the request (sizes counted while decompressing, page and part counts, depths), and
:meth:`Redactor.redact_file` runs the whole file in a forked child under the wall-time and
memory limits (:mod:`redactor.guard`), so a parser stuck in C code is killed, not waited for.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .classify import Classification, Classifier
from .classify.sentences import SentenceClassifier
from .detect import DEFAULT_MODEL, Detector, KnownPerson
from .document import Decision, Document, Finding
from .errors import RedactorError, UnreadableInput, UsageError, Withheld
from .formats import Format, format_for
from .guard import run_guarded
from .limits import DEFAULT_LIMITS, Limits, exceeded, using
from .normalise import finding_to_original, judgements_to_original, view_of
from .policy import DEFAULT_PATH, DisclosurePath, Judgement, decide, judge, load_path, shipped_paths
from .policy.content import WithheldDocument, judge_sections, judge_sentences
from .policy.decide import Context
from .policy.operators import ENCRYPTION_KEY_ENV, Pseudonyms, load_key
from .policy.schema import REQUIREMENT_OPTIONS
from .report import build_report
from .verify import Verification, check, extract_parts, spans_from_report, verify_output


@dataclass(frozen=True)
class Request:
    """What the user asks for besides the document: the disclosure path and what it needs.

    ``people`` are the parties the user names, with their roles and aliases (``--subject``,
    ``--complainant``, ``--witness``, ``--name``, ``--case``). ``basis``, ``recipient`` and
    ``permission_ref`` are recorded in the report, and a path may require them. ``limits`` bound
    what reading one file may cost (:mod:`redactor.limits`); ``password`` opens an encrypted PDF
    (never recorded anywhere).
    """

    path: str = DEFAULT_PATH
    pipeline_file: str | Path | None = None
    people: tuple[KnownPerson, ...] = ()
    basis: str | None = None
    recipient: str | None = None
    permission_ref: str | None = None
    case: str | None = None
    categories_file: str | Path | None = None
    key_file: str | Path | None = None
    limits: Limits = DEFAULT_LIMITS
    password: str | None = field(default=None, repr=False)

    @classmethod
    def make(cls, path: str = DEFAULT_PATH, subjects: Sequence[str] = (), names: Sequence[str] = (),
             people: Sequence[KnownPerson] = (), **options: Any) -> Request:
        known = tuple(people) + tuple(KnownPerson(s, "subject") for s in subjects) + tuple(
            KnownPerson(n, "third_party") for n in names)
        return cls(path=path, people=known, **options)

    def check(self, disclosure: DisclosurePath) -> None:
        """Refuse to use a path without what it requires (``requires:`` in its file)."""
        given = {"basis": self.basis, "recipient": self.recipient, "permission_ref": self.permission_ref,
                 "subject": any(p.role == "subject" for p in self.people) or None}
        missing = [REQUIREMENT_OPTIONS[r] for r in disclosure.requires if not given.get(r)]
        if missing:
            raise UsageError(f"the disclosure path {disclosure.name!r} requires {' and '.join(missing)}")


@dataclass
class Outcome:
    """The result of redacting one document."""

    status: str
    output: bytes
    report: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    document: Document | None = None
    output_path: Path | None = None
    classification: Classification | None = None

    @property
    def by_type(self) -> dict[str, int]:
        return dict(self.report["summary"]["by_type"])


#: what :meth:`Redactor.warm` runs once: a short letter with the usual kinds of personal data and a
#: labelled list of names (role fields and lists fill caches of their own).
WARM_LETTER = (b"Dear Ms Jane Smith,\n\nThank you for your letter of 3 March 2025 about the branch meeting. "
               b"Please call me on 07700 900123 or write to jane.smith@example.org, 14 Elm Grove, Leeds LS6 2AB.\n\n"
               b"Present: Cllr Amrit Lall and Jane Smith\n\n"
               b"Yours sincerely,\nAmrit Lall\n")


@dataclass
class Plan:
    """What redacting one document would do, before anything is written.

    ``view`` is the normalised view detection read (``document`` itself when nothing needed
    normalising); ``findings``, ``judgements`` and ``decisions`` were made on the view and are
    given in offsets of the original ``document`` (the classification's offsets stay on the view).
    """

    request: Request
    disclosure: DisclosurePath
    format: Any
    data: bytes
    document: Document
    view: Document
    findings: list[Finding]
    judgements: list[Judgement]
    decisions: list[Decision]
    classification: Classification
    withheld: WithheldDocument | None
    seconds: dict[str, float]
    model: str = ""

    def write(self, decisions: Sequence[Decision] | None = None) -> tuple[bytes, Verification]:
        """Write the redacted copy (under the request's limits) and verify it before anyone keeps it.

        The one place every caller (redact, review, the batch's ordered writer) writes and checks;
        raises UnsafeToRedact when a removed value survives. Timings go to ``seconds``.
        """
        decisions = self.decisions if decisions is None else decisions
        t = time.perf_counter()
        with using(self.request.limits):
            output = self.format.write(self.document, decisions)
        self.seconds["write"] = time.perf_counter() - t
        t = time.perf_counter()
        verification = verify_output(self.document, decisions, extract_parts(self.format, output))
        self.seconds["verify"] = time.perf_counter() - t
        return output, verification

    def report(self, *, checked: int, status: str = "written",
               decisions: Sequence[Decision] | None = None) -> dict[str, Any]:
        return build_report(self.document, self.disclosure, self.judgements,
                            self.decisions if decisions is None else decisions, model=self.model,
                            input_sha256=hashlib.sha256(self.data).hexdigest(), checked=checked,
                            seconds=self.seconds, status=status, classification=self.classification,
                            request=self.request)


class Redactor:
    """Redacts documents along a disclosure path. Models load on first use, once.

    One instance shares its pseudonyms across every document it redacts, so a batch or a
    case gets the same ``Member A`` / ``Witness 2`` throughout.
    """

    def __init__(self, model: str = DEFAULT_MODEL, *, categories_file: str | Path | None = None,
                 pseudonym_key: str | None = None) -> None:
        self.model = model
        self.categories_file = categories_file
        self._models: dict[str, Any] = {}
        self._lock = threading.Lock()
        self.pseudonyms = Pseudonyms(pseudonym_key)
        self._warm_run = False
        self._guarded_runs = 0  # guarded runs so far: the second one prefills the caches (see warm)

    def _loaded(self, name: str, load: Callable[[], Any]) -> Any:
        """A model loaded on first use, once, under the lock."""
        with self._lock:
            if name not in self._models:
                self._models[name] = load()
                if not gc.isenabled():  # the CLI's start-up pause is over (see cli.main)
                    gc.freeze()
                    gc.enable()
            return self._models[name]

    @property
    def detector(self) -> Detector:
        return self._loaded("detector", lambda: Detector(self.model))

    @property
    def classifier(self) -> Classifier:
        return self._loaded("classifier", lambda: Classifier(self.categories_file))

    @property
    def sentence_classifier(self) -> SentenceClassifier:
        return self._loaded("sentences", SentenceClassifier)

    def classify_bytes(self, data: bytes, name: str, *, limits: Limits | None = None,
                       password: str | None = None) -> tuple[Document, Classification]:
        """Read a document and classify it (no detection, nothing written)."""
        doc = read_document(format_for(name), data, name, limits or DEFAULT_LIMITS, password)
        classifier = self.classifier
        with self._lock:
            return doc, classifier.classify(doc.text)

    def classify_file(self, src: str | Path, *, limits: Limits | None = None,
                      password: str | None = None) -> Classification:
        """Read and classify ``src`` in a guarded child (:mod:`redactor.guard`): its classification."""
        limits = limits or DEFAULT_LIMITS
        src = Path(src)
        format_for(src)
        data = read_input(src, limits)
        classifier = self.classifier  # loaded here, once, and shared with the child

        def work() -> Classification:
            self._lock = threading.Lock()  # a lock another thread held at the fork stays held in the child
            doc = read_document(format_for(src), data, src.name, limits, password)
            return classifier.classify(doc.text)

        return run_guarded(work, limits)

    def sentence_kinds(self, text: str, start: int, end: int) -> list:
        sc = self.sentence_classifier
        with self._lock:
            return sc.classify(text, sc.split(text, start, end))

    def plan_bytes(self, data: bytes, name: str, request: Request | None = None, **options: Any) -> Plan:
        """Read, detect, classify, judge and decide, writing nothing: what redacting would remove.

        Everything after reading works on the document's normalised view (:mod:`redactor.normalise`);
        ``Plan.decisions`` are mapped back to the original text for the writer.
        """
        request = request or Request.make(**options)
        disclosure = load_path(request.path, request.pipeline_file)
        request.check(disclosure)
        fmt = format_for(name)
        request.limits.check("file_size", len(data), f"the file has {len(data)} bytes,")
        seconds: dict[str, float] = {}
        t = time.perf_counter()
        doc = read_document(fmt, data, name, request.limits, request.password)
        view = view_of(doc)
        seconds["read"] = time.perf_counter() - t
        for person in request.people:
            if person.role in ("subject", "complainant", "witness", "officer"):
                self.pseudonyms.register(person.name, person.role)
        t = time.perf_counter()
        detector = self.detector
        with self._lock:
            findings = detector.detect(view, list(request.people))
        seconds["detect"] = time.perf_counter() - t
        t = time.perf_counter()
        classifier = self.classifier
        with self._lock:
            classification = classifier.classify(view.text)
        sections, withheld = judge_sections(view.text, classification, disclosure)
        sentences = judge_sentences(view.text, classification, disclosure, self.sentence_kinds)
        seconds["classify"] = time.perf_counter() - t
        judgements = judgements_to_original(view, doc, judge(findings, disclosure) + sections + sentences)
        decisions: list[Decision] = []
        if withheld is None:  # decided on the original text, so replacements come from what was read
            context = Context(self.pseudonyms, load_key(ENCRYPTION_KEY_ENV, request.key_file, "encryption"))
            decisions = decide(doc.text, judgements, disclosure, context)
        return Plan(request, disclosure, fmt, data, doc, view, [finding_to_original(view, doc, f) for f in findings],
                    judgements, decisions, classification, withheld, seconds, self.model)

    def redact_bytes(self, data: bytes, name: str, request: Request | None = None, **options: Any) -> Outcome:
        """Redact a document given as bytes; ``name`` (its file name) chooses the format.

        Pass a :class:`Request`, or its fields as keywords (``path=``, ``subjects=``, ``names=``...).
        Raises :class:`~redactor.errors.Withheld` (carrying the report) when the path withholds it.
        """
        plan = self.plan_bytes(data, name, request, **options)
        if plan.withheld is not None:
            report = plan.report(status="withheld", decisions=[], checked=0)
            raise Withheld(withheld_message(plan.withheld, plan.disclosure), report=report)
        output, verification = plan.write()
        report = plan.report(checked=verification.checked)
        return Outcome("written", output, report, plan.findings, plan.decisions, plan.document,
                       classification=plan.classification)

    def redact_bytes_guarded(self, data: bytes, name: str, request: Request | None = None,
                             **options: Any) -> Outcome:
        """:meth:`redact_bytes` in a forked child under the request's wall-time and memory limits.

        The models are loaded here first and shared with the child; the pseudonyms the child gives
        out come back to this Redactor; the Outcome's Document comes back without its ``native``.
        This is what a batch engine calls to make one poisoned file cost only its own time.
        """
        request = request or Request.make(**options)
        self.warm(request, prefill=self._guarded_runs > 0)
        self._guarded_runs += 1

        def work() -> tuple[Outcome, Pseudonyms]:
            self._lock = threading.Lock()  # a lock another thread held at the fork stays held in the child
            return portable(self.redact_bytes(data, name, request)), self.pseudonyms

        outcome, pseudonyms = run_guarded(work, request.limits)
        if pseudonyms is not self.pseudonyms:  # the child's labels (same key) become this Redactor's
            self.pseudonyms.__dict__.update(pseudonyms.__dict__)
        return outcome

    def verify_file(self, original: str | Path, redacted: str | Path, request: Request | None = None, *,
                    report: dict[str, Any] | None = None) -> Verification:
        """Check that nothing ``original`` should lose survives anywhere in ``redacted``.

        With ``report`` (the JSON report written when ``redacted`` was made) the removed
        spans are the report's findings, on this original's text (the report must belong to
        this original). Without one, the original is read and detected again and the
        personal data the ``request``'s path would remove is looked for (Confidential
        Matter sections are not: a withheld document has no redacted copy to check).
        Returns the :class:`~redactor.verify.Verification`; its ``leaks`` name parts, never text.
        """
        original, redacted = Path(original), Path(redacted)
        request = request or Request()
        fmt = format_for(original)
        if type(format_for(redacted)) is not type(fmt):
            raise UsageError(f"the redacted file must have the original's format ({original.suffix.lower()})")
        data, output = read_input(original, request.limits), read_input(redacted, request.limits)
        if report is None:
            self.warm(request, prefill=False)

        def work() -> Verification:
            self._lock = threading.Lock()  # a lock another thread held at the fork stays held in the child
            if report is not None:
                text = read_document(fmt, data, original.name, request.limits, request.password).text
                spans = spans_from_report(text, data, report)
            else:
                plan = self.plan_bytes(data, original.name, request)
                text = plan.document.text
                spans = [(j.finding.start, j.finding.end, j.finding.entity_type)
                         for j in judge(plan.findings, plan.disclosure) if j.action != "keep"]
            with using(request.limits):
                return check(text, spans, extract_parts(fmt, output))

        return run_guarded(work, request.limits)

    def warm(self, request: Request | None = None, prefill: bool = True) -> None:
        """Load the models now, so that guarded children share them instead of loading their own.

        The sentence classifier is loaded only when the request's path removes sentences by kind.
        With ``prefill`` a small letter is planned once too, filling the caches every child would
        otherwise fill for itself; a single guarded run skips it (its one child fills them once),
        and the second run of the same Redactor does it, for all that follow.
        """
        self.detector, self.classifier  # noqa: B018 - loading is the point
        if request is not None:
            try:
                disclosure = load_path(request.path, request.pipeline_file)
            except RedactorError:
                return  # reported when the work reads the path
            if any(action == "redact" for action in disclosure.sentences.values()):
                self.sentence_classifier  # noqa: B018
        if prefill and not self._warm_run:
            self._warm_run = True
            self._run_once(request)


    def _run_once(self, request: Request | None) -> None:
        """Plan one small letter, so every cache filled on first use (name lists, compiled patterns)
        is filled here, once, rather than in every guarded child. Its pseudonyms are thrown away."""
        own, self.pseudonyms = self.pseudonyms, Pseudonyms(None)
        try:
            for warm in ([replace(request, people=())] if request is not None else []) + [Request()]:
                try:
                    self.plan_bytes(WARM_LETTER, "warm.txt", warm)
                    return
                except RedactorError:
                    continue
        finally:
            self.pseudonyms = own

    def redact_file(self, src: str | Path, dst: str | Path, request: Request | None = None, *,
                    report_path: str | Path | None = None, **options: Any) -> Outcome:
        """Redact ``src`` into ``dst`` (same format); the input is never modified.

        A withheld document writes no copy; its report (if asked for) is still written.
        The work runs in a forked child under the request's wall-time and memory limits
        (:mod:`redactor.guard`); the pseudonyms it gives out come back to this Redactor.
        """
        src, dst = Path(src), Path(dst).resolve()
        check_destination(src, dst, report_path)
        request = request or Request.make(**options)
        data = read_input(src, request.limits)
        try:
            outcome = self.redact_bytes_guarded(data, src.name, request)
        except Withheld as exc:
            if report_path is not None and exc.report is not None:
                write_atomically(Path(report_path), json.dumps(exc.report, indent=2).encode("utf-8"))
            raise
        write_atomically(dst, outcome.output)
        if report_path is not None:
            try:
                write_atomically(Path(report_path), json.dumps(outcome.report, indent=2).encode("utf-8"))
            except BaseException:
                dst.unlink(missing_ok=True)  # no output without its report when one was asked for
                raise
        outcome.output_path = dst
        return outcome

    def redact_with_overrides(self, data: bytes, name: str, request: Request | None = None, *,
                              drop: Sequence[tuple[int, int]] | set[tuple[int, int]] = (),
                              add: Sequence[tuple[int, int, str]] = (),
                              reviewer: dict[str, Any] | None = None, **options: Any) -> Outcome:
        """Redact as :meth:`redact_bytes` does, after a person has reviewed the plan.

        ``drop`` holds the ``(start, end)`` spans (original offsets, as in :attr:`Plan.judgements`
        and the report) of proposed removals the reviewer unticked: those findings are kept.
        ``add`` holds ``(start, end, entity_type)`` spans the reviewer marked as missed: they are
        redacted. Everything else is the engine's own path: plan, decide, write, verify (a value
        removed elsewhere may survive only where the reviewer kept it). The report gains a
        ``review`` entry: who (``reviewer``), when, and each change by type and offsets, never text.
        A withheld document stays withheld (:class:`~redactor.errors.Withheld`).
        """
        from dataclasses import replace
        from datetime import UTC, datetime

        plan = self.plan_bytes(data, name, request, **options)
        if plan.withheld is not None:
            report = plan.report(status="withheld", decisions=[], checked=0)
            raise Withheld(withheld_message(plan.withheld, plan.disclosure), report=report)
        doc = plan.document
        dropped = {(int(s), int(e)) for s, e in drop}
        proposed = {(j.finding.start, j.finding.end) for j in plan.judgements if j.action != "keep"}
        if dropped - proposed:
            raise UsageError("a span the reviewer unticked is not a proposed removal of this document "
                             "(was the page made for another file or path?)")
        changes: list[dict[str, Any]] = []
        judgements: list[Judgement] = []
        for j in plan.judgements:
            f = j.finding
            if (f.start, f.end) in dropped and j.action != "keep":
                changes.append({"change": "kept", "type": f.entity_type, "start": f.start, "end": f.end,
                                "was": j.action})
                j = replace(j, action="keep", reason=f"kept by the reviewer (the path would {j.action} it)")
            judgements.append(j)
        findings = list(plan.findings)
        for start, end, entity_type in add:
            start, end = int(start), int(end)
            if not 0 <= start < end <= len(doc.text) or not doc.text[start:end].strip():
                raise UsageError(f"an added span ({start}-{end}) is empty or outside the document's text")
            if not entity_type.replace("_", "").isalnum() or not entity_type.isupper():
                raise UsageError("an added span's type must be an upper-case entity type such as PERSON")
            finding = Finding(start, end, entity_type, 1.0, "reviewer")
            findings.append(finding)
            judgements.append(Judgement(finding, "redact", "added by the reviewer"))
            changes.append({"change": "added", "type": entity_type, "start": start, "end": end})
        context = Context(self.pseudonyms, load_key(ENCRYPTION_KEY_ENV, plan.request.key_file, "encryption"))
        decisions = decide(doc.text, judgements, plan.disclosure, context)
        output, verification = plan.write(decisions)
        reviewed = replace(plan, judgements=judgements, decisions=decisions, findings=findings)
        report = reviewed.report(checked=verification.checked)
        report["review"] = {"reviewer": dict(reviewer or {}),
                            "at": datetime.now(UTC).isoformat(timespec="seconds"),
                            "proposed": len(proposed), "kept": sum(c["change"] == "kept" for c in changes),
                            "added": sum(c["change"] == "added" for c in changes), "changes": changes}
        return Outcome("written", output, report, findings, decisions, doc, classification=plan.classification)


def withheld_message(withheld: WithheldDocument, disclosure: DisclosurePath) -> str:
    """One line: the category, its paragraph, and the shipped paths that would disclose it."""
    permitting = [p.name for p in shipped_paths().values()
                  if p.name != disclosure.name and p.category_action(withheld.label) in ("keep", "disclose")]
    return (f"withheld by the {disclosure.name!r} path: the document is a Confidential Matter "
            f"({withheld.label}, para. {withheld.paragraph}); paths that would permit disclosure: "
            f"{', '.join(permitting) or 'none'}")


def portable(outcome: Outcome) -> Outcome:
    """``outcome`` without the reader's parsed handle (``Document.native``), so it can be pickled."""
    if outcome.document is not None and outcome.document.native is not None:
        outcome = replace(outcome, document=replace(outcome.document, native=None))
    return outcome


def read_document(fmt: Format, data: bytes, name: str, limits: Limits = DEFAULT_LIMITS,
                  password: str | None = None) -> Document:
    """``fmt.read`` under ``limits`` (made current for nested readers), then the text-length limit."""
    with using(limits):
        doc = fmt.read(data, name, password=password) if password else fmt.read(data, name)
    if len(doc.text) > limits.text_length:
        raise exceeded("text_length", limits.text_length, f"the file has {len(doc.text)} characters of text,")
    return doc


def read_input(src: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of ``src``: a regular file within the file-size limit, read once and never opened for writing."""
    src = Path(src)
    if not src.exists():
        raise UnreadableInput(f"no such file: {src}")
    if not src.is_file():
        raise UnreadableInput(f"not a regular file: {src}")
    try:
        size = src.stat().st_size
        limits.check("file_size", size, f"the file has {size} bytes,")
        with src.open("rb") as fh:
            data = fh.read(limits.file_size + 1)  # a file growing while read is still cut at the limit
    except OSError as exc:
        raise UnreadableInput(f"cannot read {src}: {exc.strerror}") from None
    limits.check("file_size", len(data), f"the file has more than {limits.file_size} bytes,")
    return data


def check_destination(src: Path, dst: Path, report_path: str | Path | None) -> None:
    """Refuse an output that would overwrite the input or change the format."""
    format_for(src)
    targets = [dst] + ([Path(report_path)] if report_path is not None else [])
    for target in targets:
        if target.resolve() == src.resolve() or (target.exists() and src.exists() and os.path.samefile(target, src)):
            raise UsageError("the output would overwrite the input: choose another -o/--report path")
    if dst.suffix.lower() != src.suffix.lower():
        raise UsageError(f"the output must keep the input's format ({src.suffix.lower()}), "
                         f"not {dst.suffix or '(none)'}")
    if dst.is_dir():
        raise UsageError(f"the output {dst} is a folder: give a file name")


def write_atomically(dst: Path, data: bytes) -> None:
    """Write ``data`` to ``dst`` through a temporary file in the same folder and a rename."""
    try:
        dst.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".part", dir=dst.parent)
    except OSError as exc:
        raise RedactorError(f"cannot write to {dst.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dst)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RedactorError(f"cannot write {dst}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
