"""What a worker does with one file: read it, plan, decide, write the copy, verify it.

A :class:`FileWorker` holds one :class:`~redactor.pipeline.Redactor` (models loaded once,
when the worker starts) and answers three messages, the same in-process, in a pool process
or in a Ray actor:

* ``("run", index, rel)``: redact the file in one go (paths that do not number people).
* ``("plan", index, rel, write)``: plan it and return the people it would label; the plan
  is kept until ``finish`` (or, with ``write=False``, dropped: a finished file replayed
  so later files number people as a one-by-one run would).
* ``("finish", index, labels)``: decide again with the batch's labels, write, verify.

Every failure becomes a :class:`FileResult` with a status and a one-line reason.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import RedactorError, Withheld
from ..pipeline import Plan, Redactor, Request, read_input, withheld_message, write_atomically
from ..policy import decide
from ..policy.decide import Context
from ..policy.operators import ENCRYPTION_KEY_ENV, load_key
from .files import destination
from .labels import Call, Label, RecordingPseudonyms, ReplayedPseudonyms
from .results import FileResult


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to know, picklable: folders, request, model, the batch's key."""

    in_dir: Path
    out_dir: Path
    request: Request
    model: str
    categories_file: str | Path | None
    pseudonym_key: str
    ordered: bool
    path: str
    pipeline_sha256: str | None
    settings: str


@dataclass
class Reply:
    """A worker's answer: a final ``result``, the people ``calls`` its plan made, or both.

    ``pending`` is true when the worker keeps the plan and waits for ``finish``.
    """

    index: int
    result: FileResult | None = None
    calls: list[Call] | None = None
    pending: bool = False


class FileWorker:
    """One worker's state: the Redactor and the plans waiting for their labels."""

    def __init__(self, job: Job, redactor: Redactor | None = None) -> None:
        self.job = job
        self.redactor = redactor or Redactor(job.model, categories_file=job.categories_file,
                                             pseudonym_key=job.pseudonym_key)
        self._own_pseudonyms = self.redactor.pseudonyms
        self.recorder: RecordingPseudonyms | None = None
        if job.ordered:
            self.recorder = RecordingPseudonyms(job.pseudonym_key)
            self.redactor.pseudonyms = self.recorder
        self.plans: dict[int, tuple[Plan, FileResult, float]] = {}

    def warm(self) -> None:
        """Load the models now, once, rather than on the first file."""
        for model in ("detector", "classifier", "sentence_classifier"):
            getattr(self.redactor, model)

    def release(self) -> None:
        """Give the Redactor its own pseudonyms back (in-process batches)."""
        self.redactor.pseudonyms = self._own_pseudonyms

    def handle(self, message: tuple) -> Reply:
        kind, index = message[0], message[1]
        if kind == "run":
            return Reply(index, self.run(message[2]))
        if kind == "plan":
            return self.plan(index, message[2], write=message[3])
        if kind == "finish":
            return Reply(index, self.finish(index, message[2]))
        raise ValueError(f"unknown message {kind!r}")

    def _result(self, rel: str) -> FileResult:
        return FileResult(file=rel, status="done", path=self.job.path, pipeline_sha256=self.job.pipeline_sha256,
                          settings=self.job.settings)

    def _read(self, rel: str, result: FileResult) -> tuple[bytes, Path]:
        src = self.job.in_dir / rel
        if src.is_symlink():
            raise RedactorError("symbolic link refused (not followed)")
        data = read_input(src)
        result.sha256 = hashlib.sha256(data).hexdigest()
        return data, destination(self.job.out_dir, rel)

    def run(self, rel: str) -> FileResult:
        result, start = self._result(rel), time.perf_counter()
        try:
            data, dst = self._read(rel, result)
            outcome = self.redactor.redact_bytes_guarded(data, Path(rel).name, self.job.request)
            write_atomically(destination(self.job.out_dir, rel), outcome.output)
            result.by_type = outcome.by_type
        except Exception as exc:  # one bad file never stops a batch
            failed(result, exc)
        return finished(result, time.perf_counter() - start)

    def plan(self, index: int, rel: str, *, write: bool) -> Reply:
        assert self.recorder is not None
        result, start = self._result(rel), time.perf_counter()
        self.recorder.take()
        try:
            data, _dst = self._read(rel, result)
            plan = self.redactor.plan_bytes(data, Path(rel).name, self.job.request)
            calls = self.recorder.take()
            if not write:
                return Reply(index, None, calls)
            if plan.withheld is not None:
                raise Withheld(withheld_message(plan.withheld, plan.disclosure))
        except Exception as exc:
            calls = self.recorder.take()
            if not write:  # a finished file that cannot be replayed keeps its record
                return Reply(index, None, calls)
            failed(result, exc)
            return Reply(index, finished(result, time.perf_counter() - start), calls)
        self.plans[index] = (plan, result, time.perf_counter() - start)
        return Reply(index, None, calls, pending=True)

    def finish(self, index: int, labels: list[Label]) -> FileResult:
        plan, result, spent = self.plans.pop(index)
        start = time.perf_counter()
        try:
            context = Context(ReplayedPseudonyms(self.job.pseudonym_key, labels),
                              load_key(ENCRYPTION_KEY_ENV, plan.request.key_file, "encryption"))
            decisions = decide(plan.document.text, plan.judgements, plan.disclosure, context)
            output, verification = plan.write(decisions)
            report = plan.report(checked=verification.checked, decisions=decisions)
            write_atomically(destination(self.job.out_dir, result.file), output)
            result.by_type = dict(report["summary"]["by_type"])
        except Exception as exc:
            failed(result, exc)
        return finished(result, spent + time.perf_counter() - start)

    def drop(self, index: int) -> None:
        self.plans.pop(index, None)


def failed(result: FileResult, exc: BaseException) -> None:
    """Fill ``result`` from an exception: a RedactorError's status and line, else an internal error."""
    if isinstance(exc, RedactorError):
        result.status = {4: "unsafe", 5: "withheld"}.get(exc.exit_code, "failed")
        result.exit_code, result.error = exc.exit_code, one_line(str(exc))
    else:
        result.status, result.exit_code, result.error = "failed", 1, f"internal error ({type(exc).__name__})"


def finished(result: FileResult, seconds: float) -> FileResult:
    return replace(result, seconds=round(seconds, 4), finished=now())


def one_line(message: str) -> str:
    return " ".join(message.split())


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def refused(rel: str, reason: str, job: Any) -> FileResult:
    """A file the parent will not hand to a worker (a link, a name leading out of the output folder)."""
    return FileResult(file=rel, status="unsafe", exit_code=4, error=reason, path=job.path,
                      pipeline_sha256=job.pipeline_sha256, settings=job.settings, finished=now())
