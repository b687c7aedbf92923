"""One result per input file, with its status and reason, and the summary of a batch."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Statuses a manifest records. ``unchanged`` is never written: it is a file this run left alone.
STATUSES = ("done", "failed", "unsafe", "withheld", "skipped")
#: A file recorded with one of these, whose content and settings have not changed, is not redone.
FINISHED = frozenset({"done", "withheld", "skipped"})


@dataclass
class FileResult:
    """What happened to one file: ``status`` is done, failed, unsafe, withheld or skipped.

    ``sha256`` is the content the result is for; ``path``, ``pipeline_sha256`` and ``settings``
    say how it was redacted (the disclosure path, the hash of a ``--pipeline`` file, and a hash
    of every other option that changes the output), so a re-run knows whether it may skip it.
    ``error`` is one line and never holds document text.
    """

    file: str
    status: str
    exit_code: int = 0
    error: str | None = None
    sha256: str | None = None
    by_type: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    path: str | None = None
    pipeline_sha256: str | None = None
    settings: str | None = None
    finished: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileResult:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class BatchSummary:
    """Every file of one run (``unchanged`` for those a previous run had finished) and the wall time."""

    results: list[FileResult]
    seconds: float
    workers: int = 1
    engine: str = "local"

    @property
    def counts(self) -> Counter[str]:
        return Counter(r.status for r in self.results)

    @property
    def by_type(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for r in self.results:
            if r.status != "unchanged":
                total.update(r.by_type)
        return total

    @property
    def failed(self) -> bool:
        return any(r.status in ("failed", "unsafe") for r in self.results)

    def to_json(self) -> dict[str, Any]:
        worked = [r for r in self.results if r.status != "unchanged"]
        return {"files": len(self.results), "status": dict(self.counts), "by_type": dict(self.by_type),
                "seconds": round(self.seconds, 2), "files_per_second": round(len(worked) / self.seconds, 2)
                if self.seconds > 0 else None, "workers": self.workers, "engine": self.engine}
