"""Redact a folder: mirror its tree, record every file, carry on past failures.

Each file's result is appended to ``manifest.jsonl`` in the output folder as
soon as it is known (path relative to the input folder, content hash, status,
findings by type, time, and the error in one line). A file that fails is
recorded and the batch goes on; unsupported files are recorded as skipped.
Symbolic links are not followed. (A later issue adds a process pool, resume
and Ray.)
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RedactorError, UsageError
from .formats import FORMATS
from .pipeline import Redactor, Request
from .policy import DEFAULT_PATH, load_path

MANIFEST = "manifest.jsonl"


@dataclass
class FileResult:
    file: str
    status: str  # done, failed, unsafe, withheld, skipped
    exit_code: int = 0
    error: str | None = None
    sha256: str | None = None
    by_type: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class BatchSummary:
    results: list[FileResult]
    seconds: float

    @property
    def counts(self) -> Counter[str]:
        return Counter(r.status for r in self.results)

    @property
    def by_type(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for r in self.results:
            total.update(r.by_type)
        return total

    @property
    def failed(self) -> bool:
        return any(r.status in ("failed", "unsafe") for r in self.results)


def input_files(in_dir: Path, out_dir: Path) -> Iterator[Path]:
    """Regular files under ``in_dir``, sorted, never following links, never inside ``out_dir``."""
    out_resolved = out_dir.resolve()
    for path in sorted(in_dir.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        if out_resolved == path.resolve().parent or out_resolved in path.resolve().parents:
            continue
        yield path


def run_batch(redactor: Redactor, in_dir: Path, out_dir: Path, *, path: str = DEFAULT_PATH,
              pipeline_file: Path | None = None, request: Request | None = None,
              on_result: Callable[[FileResult], None] | None = None) -> BatchSummary:
    """Redact every file under ``in_dir`` into ``out_dir``; ``request`` (or ``path``) says how."""
    request = request or Request(path=path, pipeline_file=pipeline_file)
    if not in_dir.is_dir():
        raise UsageError(f"input folder not found: {in_dir}")
    if out_dir.resolve() == in_dir.resolve():
        raise UsageError("the output folder must differ from the input folder")
    # a bad path, or one missing what it requires, is a usage error before any file is touched
    request.check(load_path(request.path, request.pipeline_file))
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    results: list[FileResult] = []
    with open(out_dir / MANIFEST, "a", encoding="utf-8") as manifest:
        for src in input_files(in_dir, out_dir):
            result = _one(redactor, src, in_dir, out_dir, request)
            results.append(result)
            manifest.write(json.dumps(result.__dict__) + "\n")
            manifest.flush()
            if on_result:
                on_result(result)
    return BatchSummary(results, time.perf_counter() - start)


def _one(redactor: Redactor, src: Path, in_dir: Path, out_dir: Path, request: Request) -> FileResult:
    rel = src.relative_to(in_dir)
    result = FileResult(file=rel.as_posix(), status="done")
    t = time.perf_counter()
    if src.suffix.lower() not in FORMATS:
        result.status, result.error = "skipped", f"unsupported file type {src.suffix.lower() or '(none)'}"
        return result
    try:
        result.sha256 = hashlib.sha256(src.read_bytes()).hexdigest()
        outcome = redactor.redact_file(src, out_dir / rel, request)
        result.by_type = outcome.by_type
    except RedactorError as exc:
        result.status = {4: "unsafe", 5: "withheld"}.get(exc.exit_code, "failed")
        result.exit_code, result.error = exc.exit_code, str(exc)
    except Exception as exc:  # one bad file never stops a batch
        result.status, result.exit_code, result.error = "failed", 1, f"internal error ({type(exc).__name__})"
    result.seconds = round(time.perf_counter() - t, 4)
    return result
