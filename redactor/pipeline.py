"""The whole path through the system, in one place.

``read -> detect -> judge -> decide -> write -> verify -> commit``

:class:`Redactor` loads the NLP models once and is reused for every document
(and is safe to share between threads: detection is serialised by a lock,
everything else works on per-call objects). It is the only thing the CLI, the
batch runner and, later, the service call.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .detect import DEFAULT_MODEL, Detector, KnownPerson
from .document import Decision, Document, Finding
from .errors import RedactorError, UnreadableInput, UsageError
from .formats import format_for
from .policy import DEFAULT_PATH, decide, judge, load_path
from .report import build_report
from .verify import verify_output

MAX_INPUT_BYTES = 200 * 1024 * 1024


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

    @property
    def by_type(self) -> dict[str, int]:
        return dict(self.report["summary"]["by_type"])


class Redactor:
    """Redacts documents along a disclosure path. Models load on first use, once."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        self._detector: Detector | None = None
        self._lock = threading.Lock()

    @property
    def detector(self) -> Detector:
        with self._lock:
            if self._detector is None:
                self._detector = Detector(self.model)
            return self._detector

    def redact_bytes(self, data: bytes, name: str, *, path: str = DEFAULT_PATH, subjects: Sequence[str] = (),
                     names: Sequence[str] = (), pipeline_file: str | Path | None = None) -> Outcome:
        """Redact a document given as bytes; ``name`` (its file name) chooses the format."""
        disclosure = load_path(path, pipeline_file)
        fmt = format_for(name)
        if len(data) > MAX_INPUT_BYTES:
            raise UnreadableInput(f"file is larger than the {MAX_INPUT_BYTES // 2**20} MB limit")
        seconds: dict[str, float] = {}
        t = time.perf_counter()
        doc = fmt.read(data, name)
        seconds["read"] = time.perf_counter() - t
        known = [KnownPerson(s, "subject") for s in subjects] + [KnownPerson(n, "other") for n in names]
        t = time.perf_counter()
        detector = self.detector
        with self._lock:
            findings = detector.detect(doc, known)
        seconds["detect"] = time.perf_counter() - t
        judgements = judge(findings, disclosure)
        decisions = decide(doc.text, judgements)
        t = time.perf_counter()
        output = fmt.write(doc, decisions)
        seconds["write"] = time.perf_counter() - t
        t = time.perf_counter()
        verification = verify_output(doc, decisions, fmt.extract_text(output))
        seconds["verify"] = time.perf_counter() - t
        report = build_report(doc, disclosure, judgements, decisions, model=self.model,
                              input_sha256=hashlib.sha256(data).hexdigest(), checked=verification.checked,
                              seconds=seconds)
        return Outcome("written", output, report, findings, decisions, doc)

    def redact_file(self, src: str | Path, dst: str | Path, *, path: str = DEFAULT_PATH,
                    subjects: Sequence[str] = (), names: Sequence[str] = (), report_path: str | Path | None = None,
                    pipeline_file: str | Path | None = None) -> Outcome:
        """Redact ``src`` into ``dst`` (same format); the input is never modified."""
        src, dst = Path(src), Path(dst)
        check_destination(src, dst, report_path)
        data = read_input(src)
        outcome = self.redact_bytes(data, src.name, path=path, subjects=subjects, names=names,
                                    pipeline_file=pipeline_file)
        write_atomically(dst, outcome.output)
        if report_path is not None:
            try:
                write_atomically(Path(report_path), json.dumps(outcome.report, indent=2).encode("utf-8"))
            except BaseException:
                dst.unlink(missing_ok=True)  # no output without its report when one was asked for
                raise
        outcome.output_path = dst
        return outcome


def read_input(src: Path) -> bytes:
    if not src.exists():
        raise UnreadableInput(f"no such file: {src}")
    if not src.is_file():
        raise UnreadableInput(f"not a regular file: {src}")
    try:
        size = src.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise UnreadableInput(f"file is larger than the {MAX_INPUT_BYTES // 2**20} MB limit")
        return src.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read {src}: {exc.strerror}") from None


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
