"""Redact a folder: mirror its tree, record every file, carry on past failures, resume after a crash.

``run_batch`` walks the input folder (links refused, never followed), decides for each file
whether a previous run already finished it (same content hash, same path and settings, its
copy still there), and hands the rest to an engine: in-process (``workers=1``), a pool of
worker processes, or Ray actors (:mod:`redactor.engines`). Results stream back as files
finish and are appended to ``manifest.jsonl`` in the output folder (status done, failed,
unsafe, withheld or skipped; content hash; path; findings by type; time; the error in one
line). Copies are written atomically, so a batch killed at any moment and run again finishes
the rest with nothing half-written and no file recorded twice.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import astuple
from pathlib import Path

from .engines.files import Entry, destination, sha256_of, stale_parts, walk
from .engines.labels import needs_order
from .engines.manifest import MANIFEST, Manifest
from .engines.results import FINISHED, BatchSummary, FileResult
from .engines.schedule import Task, schedule
from .engines.work import Job, now, refused
from .errors import RedactorError, UsageError
from .formats import FORMATS
from .pipeline import Redactor, Request
from .policy import DEFAULT_PATH, load_path

__all__ = ["run_batch", "BatchSummary", "FileResult", "MANIFEST", "ENGINES"]

ENGINES = ("local", "ray")


def run_batch(redactor: Redactor, in_dir: Path, out_dir: Path, *, path: str = DEFAULT_PATH,
              pipeline_file: Path | None = None, request: Request | None = None,
              on_result: Callable[[FileResult], None] | None = None,
              on_start: Callable[[int, int], None] | None = None, workers: int = 1, engine: str = "local",
              ray_address: str | None = None) -> BatchSummary:
    """Redact every file under ``in_dir`` into ``out_dir``; ``request`` (or ``path``) says how.

    ``workers`` processes (1: in this process, on ``redactor``'s loaded models) or Ray actors
    (``engine="ray"``) do the work; ``on_start(total, unchanged)`` is called once the tree is
    listed and ``on_result`` once per file as it finishes (and for each unchanged file).
    """
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    request = request or Request(path=path, pipeline_file=pipeline_file)
    if not in_dir.is_dir():
        raise UsageError(f"input folder not found: {in_dir}")
    if out_dir.resolve() == in_dir.resolve():
        raise UsageError("the output folder must differ from the input folder")
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: choose {' or '.join(ENGINES)}")
    # a bad path, or one missing what it requires, is a usage error before any file is touched
    disclosure = load_path(request.path, request.pipeline_file)
    request.check(disclosure)
    if engine == "ray":
        from .engines.ray_engine import _ray

        _ray()  # an engine that is not installed is a usage error before anything is written
    job = _job(redactor, request, in_dir.resolve(), out_dir.resolve(), ordered=needs_order(disclosure))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RedactorError(f"cannot create the output folder {out_dir}: {exc.strerror}") from None
    start = time.perf_counter()
    results: list[FileResult] = []
    book = redactor.pseudonyms  # the batch's one set of people's labels (see engines/labels.py)
    with Manifest(out_dir) as manifest:
        for part in stale_parts(out_dir):  # left by a write a crash interrupted: never a finished copy
            part.unlink(missing_ok=True)

        def record(result: FileResult) -> None:
            if result.path is None:
                result.path, result.pipeline_sha256, result.settings = job.path, job.pipeline_sha256, job.settings
            manifest.append(result)
            results.append(result)
            if on_result:
                on_result(result)

        entries = list(walk(in_dir, out_dir))
        tasks, resolved, unchanged, settled = _sort_out(entries, manifest, job)
        if on_start:
            on_start(len(entries), len(unchanged))
        for result in settled:
            record(result)
        for result in unchanged:
            results.append(result)
            if on_result:
                on_result(result)
        if any(t.kind != "replay" for t in tasks):
            transport = _engine(job, redactor, workers, engine, ray_address)
            try:
                schedule(tasks, resolved, transport, record, ordered=job.ordered, book=book)
            finally:
                transport.close()
    results.sort(key=lambda r: r.file)
    return BatchSummary(results, time.perf_counter() - start, workers=workers, engine=engine)


def _job(redactor: Redactor, request: Request, in_dir: Path, out_dir: Path, *, ordered: bool) -> Job:
    pipeline_sha = sha256_of(Path(request.pipeline_file)) if request.pipeline_file else None
    categories = request.categories_file or redactor.categories_file
    settings = {
        "model": redactor.model,
        "people": [astuple(p) for p in request.people],
        "basis": request.basis, "recipient": request.recipient, "permission_ref": request.permission_ref,
        "case": request.case,
        "categories": sha256_of(Path(categories)) if categories else None,
    }
    # every worker tags values with the batch's key: the user's, or this run's random one
    key = redactor.pseudonyms.key.decode("utf-8")
    return Job(in_dir=in_dir, out_dir=out_dir, request=request, model=redactor.model,
               categories_file=redactor.categories_file, pseudonym_key=key, ordered=ordered, path=request.path,
               pipeline_sha256=pipeline_sha,
               settings=hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()[:16])


def _sort_out(entries: list[Entry], manifest: Manifest, job: Job
              ) -> tuple[list[Task], set[int], list[FileResult], list[FileResult]]:
    """Which files go to a worker (tasks), and which are settled here: refused, unsupported, unchanged."""
    tasks: list[Task] = []
    resolved: set[int] = set()
    unchanged: list[FileResult] = []
    settled: list[FileResult] = []
    for index, entry in enumerate(entries):
        rel = entry.rel
        reason = entry.refused
        if reason is None:
            try:
                destination(job.out_dir, rel)
            except RedactorError as exc:
                reason = str(exc)
        if reason is not None:
            settled.append(refused(rel, reason, job))
            resolved.add(index)
            continue
        src = job.in_dir / rel
        supported = Path(rel).suffix.lower() in FORMATS
        previous = manifest.latest.get(rel)
        sha = sha256_of(src) if (previous is not None or not supported) else None
        if _unchanged(previous, sha, job):
            unchanged.append(FileResult(file=rel, status="unchanged", sha256=sha, path=job.path))
            if job.ordered and previous is not None and previous.status == "done":
                tasks.append(Task(index, rel, "replay"))  # its people still count for later files' labels
            else:
                resolved.add(index)
        elif not supported:
            settled.append(FileResult(file=rel, status="skipped", sha256=sha,
                                      error=f"unsupported file type {Path(rel).suffix.lower() or '(none)'}",
                                      finished=now()))
            resolved.add(index)
        else:
            tasks.append(Task(index, rel, "plan" if job.ordered else "run"))
    return tasks, resolved, unchanged, settled


def _unchanged(previous: FileResult | None, sha: str | None, job: Job) -> bool:
    """A previous run finished this file with the same content, path and settings, and its copy is there."""
    if previous is None or previous.status not in FINISHED or previous.sha256 != sha:
        return False
    if (previous.path, previous.pipeline_sha256, previous.settings) != (job.path, job.pipeline_sha256, job.settings):
        return False
    return previous.status != "done" or (job.out_dir / previous.file).is_file()


def _engine(job: Job, redactor: Redactor, workers: int, engine: str, ray_address: str | None):
    if engine == "ray":
        from .engines.ray_engine import RayActors

        return RayActors(job, workers, ray_address)
    from .engines.local import pool_for

    return pool_for(job, workers, redactor)
