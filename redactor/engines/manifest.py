"""``manifest.jsonl``: one JSON line per file result, appended by the batch's parent process only.

A line is written whole with one ``write`` and flushed to disk after the output it records
has been renamed into place, so after a crash (``kill -9`` at any moment) the manifest
holds every finished file and at most one torn last line. Opening the manifest cuts that
line off; a file without a line is simply redone. The latest line for a file wins.
An exclusive lock keeps two batches from writing into the same output folder at once.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import IO

from ..errors import RedactorError, UsageError
from .results import FileResult

MANIFEST = "manifest.jsonl"

try:
    import fcntl
except ImportError:  # pragma: no cover (Windows: no lock, one batch at a time is up to the user)
    fcntl = None  # type: ignore[assignment]


#: how long a batch waits for the output folder's lock before it says another batch has it.
LOCK_WAIT = 10.0


class Manifest:
    """The record of a batch's output folder: ``latest[file]`` is the last result written for it."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST
        self.latest: dict[str, FileResult] = {}
        self.dropped = 0  # lines that could not be read (a torn last line, a hand edit)
        self._fh: IO[bytes] | None = None

    def __enter__(self) -> Manifest:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> None:
        try:
            self._fh = open(self.path, "a+b")
        except OSError as exc:
            raise RedactorError(f"cannot write the manifest {self.path}: {exc.strerror}") from None
        if fcntl is not None and not self._lock():
            self._fh.close()
            raise UsageError(f"another batch is writing to {self.path.parent}")
        self._load()

    def _lock(self) -> bool:
        """Take the folder's lock, waiting up to :data:`LOCK_WAIT` seconds: the forked child of a batch
        that was just killed still holds the lock it inherited until it notices and exits."""
        assert self._fh is not None and fcntl is not None
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except OSError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.2)

    def _load(self) -> None:
        assert self._fh is not None
        self._fh.seek(0)
        data = self._fh.read()
        good_end = 0
        offset = 0
        for raw in data.splitlines(keepends=True):
            offset += len(raw)
            try:
                if not raw.endswith(b"\n"):
                    raise ValueError("torn line")
                result = FileResult.from_json(json.loads(raw))
            except (ValueError, TypeError):
                self.dropped += 1
                continue
            self.latest[result.file] = result
            good_end = offset
        if good_end < len(data) and not data[good_end:].strip(b"\n").count(b"\n"):
            # only the tail is unreadable: a line torn by a crash; cut it so the file stays valid JSONL
            self._fh.truncate(good_end)
        elif data and not data.endswith(b"\n"):
            self._fh.write(b"\n")

    def append(self, result: FileResult) -> None:
        """Record ``result`` durably (one write, flushed and synced)."""
        assert self._fh is not None, "manifest not open"
        line = (json.dumps(result.to_json(), ensure_ascii=False) + "\n").encode("utf-8")
        self._fh.write(line)
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.latest[result.file] = result

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def read_manifest(out_dir: Path) -> list[dict]:
    """Every readable line of ``out_dir``'s manifest, in order (for scripts and tests)."""
    path = out_dir / MANIFEST
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out
