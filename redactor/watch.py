"""``redactor watch INPUT_DIR OUTPUT_DIR``: redact every file dropped into a folder.

watchdog reports files created, changed or moved into ``INPUT_DIR``; a file is taken once it is
complete: its size and modification time have not changed for ``settle`` seconds (a copy still
being written waits). Each goes through :func:`redactor.api.redact`:

* written: the redacted copy at the same relative path in ``OUTPUT_DIR``, its report beside it
  (``NAME.report.json``);
* withheld by the path: ``OUTPUT_DIR/_withheld/NAME.reason.txt`` (one line) and the report there;
* failed (unreadable, unsupported, unsafe...): ``OUTPUT_DIR/_failed/NAME.reason.txt`` with the
  one-line reason. The input itself is never moved, changed or copied: an unredacted document
  has no place in the output folder.

Every result is appended to ``OUTPUT_DIR/.redactor-watch.jsonl`` (file, content hash, options,
status). At start-up the whole input folder is scanned, so files that arrived while the watcher
was down are processed and files already written or withheld with the same content and options
are not redone (failed ones are tried again once). Ctrl-C or SIGTERM stops it between files.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import api
from .errors import RedactorError, UsageError
from .pipeline import Redactor, Request, write_atomically

STATE = ".redactor-watch.jsonl"
FAILED = "_failed"
WITHHELD = "_withheld"
#: names of files still being written by common tools, and hidden files: never taken.
SKIP_SUFFIXES = (".part", ".tmp", ".crdownload", ".swp", ".partial", ".download")


def options_key(request: Request) -> str:
    """A short hash of what changes the output: the path and the people, by role."""
    spec = json.dumps([request.path, str(request.pipeline_file or ""),
                       sorted((p.name, p.role) for p in request.people),
                       request.basis, request.recipient, request.permission_ref], sort_keys=True)
    return hashlib.sha256(spec.encode("utf-8")).hexdigest()[:16]


@dataclass
class Pending:
    size: int = -1
    mtime: int = -1
    since: float = 0.0


@dataclass
class Watcher:
    """Watches ``input_dir`` and redacts each complete file into ``output_dir`` (see the module)."""

    input_dir: Path
    output_dir: Path
    request: Request = field(default_factory=Request)
    redactor: Redactor | None = None
    settle: float = 2.0
    poll: float = 0.5
    say: Callable[[str], None] = print
    pending: dict[Path, Pending] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.input_dir, self.output_dir = Path(self.input_dir).resolve(), Path(self.output_dir).resolve()
        if not self.input_dir.is_dir():
            raise UsageError(f"the input folder {self.input_dir} does not exist")
        if self.output_dir == self.input_dir or self.output_dir.is_relative_to(self.input_dir) or \
                self.input_dir.is_relative_to(self.output_dir):
            raise UsageError("the input and output folders must be separate (neither inside the other)")
        try:
            self.output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create the output folder {self.output_dir}: {exc.strerror}") from None
        self.options = options_key(self.request)
        self.finished = self._load_state()
        self._lock = threading.Lock()
        self.counts: dict[str, int] = {}

    # -- state --------------------------------------------------------------------------------
    def _load_state(self) -> dict[str, tuple[str, str]]:
        """For each file, the (content hash + options, status) of its last result."""
        latest: dict[str, tuple[str, str]] = {}
        state = self.output_dir / STATE
        if state.exists():
            for line in state.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                    latest[entry["file"]] = (entry["key"], entry["status"])
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a crash
        return latest

    def _record(self, rel: str, key: str, status: str, **extra: Any) -> None:
        entry = {"file": rel, "key": key, "status": status,
                 "at": datetime.now(UTC).isoformat(timespec="seconds"), **extra}
        with (self.output_dir / STATE).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry) + "\n")
        self.finished[rel] = (key, status)
        self.counts[status] = self.counts.get(status, 0) + 1

    # -- noticing files -----------------------------------------------------------------------
    def wanted(self, path: Path) -> bool:
        try:
            rel = path.relative_to(self.input_dir)
        except ValueError:
            return False
        return not any(part.startswith((".", "~$")) for part in rel.parts) and \
            not path.name.lower().endswith(SKIP_SUFFIXES)

    def notice(self, path: str | Path) -> None:
        """A file may have been created or changed: (re)start waiting for it to settle."""
        path = Path(path)
        if path.is_dir() and not path.is_symlink():
            self.scan(path)
            return
        if self.wanted(path):
            with self._lock:
                self.pending[path] = Pending()

    def scan(self, folder: Path | None = None) -> None:
        """Every file under ``folder`` (default: the input folder), as if each had just arrived."""
        for path in sorted((folder or self.input_dir).rglob("*")):
            if path.is_file() and not path.is_symlink():
                self.notice(path)

    # -- processing ---------------------------------------------------------------------------
    def step(self) -> int:
        """Process every pending file that has settled; returns how many were processed."""
        now = time.monotonic()
        ready = []
        with self._lock:
            for path, seen in list(self.pending.items()):
                try:
                    stat = path.lstat()
                except OSError:
                    del self.pending[path]  # gone again
                    continue
                if (stat.st_size, stat.st_mtime_ns) != (seen.size, seen.mtime):
                    self.pending[path] = Pending(stat.st_size, stat.st_mtime_ns, now)
                elif now - seen.since >= self.settle:
                    ready.append(path)
                    del self.pending[path]
        for path in ready:
            try:
                self.process(path)
            except Exception as exc:  # e.g. the output folder became unwritable: say so, keep watching
                self.say(f"failed {path.name}: {type(exc).__name__}: {exc}")
        return len(ready)

    def process(self, path: Path) -> str | None:
        """Redact one complete file; returns its status, or None when it was already done."""
        rel = path.relative_to(self.input_dir).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            return self._failed(rel, "-", f"cannot read the file: {exc.strerror}")
        key = hashlib.sha256(data).hexdigest() + ":" + self.options
        previous = self.finished.get(rel)
        if previous is not None and previous[0] == key and previous[1] in ("written", "withheld"):
            return None
        output = self.output_dir / rel
        report = self.output_dir / (rel + ".report.json")
        try:
            result = api.redact(data, name=path.name, path=self.request, redactor=self.redactor)
        except RedactorError as exc:
            return self._failed(rel, key, str(exc))
        except Exception as exc:  # one bad file never stops the watcher
            return self._failed(rel, key, f"internal error ({type(exc).__name__})")
        if result.status == "withheld":
            self._note(WITHHELD, rel, result.message or "withheld by the disclosure path", result.report)
            self._clear(FAILED, rel)
            self._record(rel, key, "withheld")
            self.say(f"withheld {rel}: {result.message}")
            return "withheld"
        assert result.output is not None and result.report is not None
        try:
            write_atomically(report, json.dumps(result.report, indent=2).encode("utf-8"))
            write_atomically(output, result.output)
        except RedactorError as exc:
            report.unlink(missing_ok=True)
            return self._failed(rel, key, str(exc))
        self._clear(FAILED, rel)
        self._clear(WITHHELD, rel)
        self._record(rel, key, "written", removed=result.report["summary"]["removed"])
        self.say(f"written {rel} ({result.report['summary']['removed']} removed)")
        return "written"

    def _note(self, folder: str, rel: str, reason: str, report: dict[str, Any] | None = None) -> None:
        target = self.output_dir / folder / (rel + ".reason.txt")
        write_atomically(target, (" ".join(reason.split()) + "\n").encode("utf-8"))
        if report is not None:
            write_atomically(self.output_dir / folder / (rel + ".report.json"),
                             json.dumps(report, indent=2).encode("utf-8"))

    def _clear(self, folder: str, rel: str) -> None:
        for suffix in (".reason.txt", ".report.json"):
            (self.output_dir / folder / (rel + suffix)).unlink(missing_ok=True)

    def _failed(self, rel: str, key: str, reason: str) -> str:
        self._note(FAILED, rel, reason)
        self._record(rel, key, "failed", error=reason)
        self.say(f"failed {rel}: {reason}")
        return "failed"

    # -- running ------------------------------------------------------------------------------
    def run(self, stop: threading.Event | None = None, *, once: bool = False) -> dict[str, int]:
        """Scan, then watch until ``stop`` is set (or, with ``once``, until nothing is pending)."""
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.event_type in ("created", "modified", "moved", "closed"):
                    target = getattr(event, "dest_path", "") or event.src_path
                    watcher.notice(target if isinstance(target, str) else target.decode())

        stop = stop or threading.Event()
        observer = Observer()
        observer.schedule(Handler(), str(self.input_dir), recursive=True)
        observer.start()
        try:
            self.scan()  # after the observer starts, so nothing arriving in between is missed
            while not stop.is_set():
                self.step()
                if once and not self.pending:
                    break
                stop.wait(self.poll)
        finally:
            observer.stop()
            observer.join(timeout=5)
        return dict(self.counts)


def watch(input_dir: Path, output_dir: Path, request: Request, redactor: Redactor | None = None, *,
          settle: float = 2.0, once: bool = False, say: Callable[[str], None] = print) -> dict[str, int]:
    """Run a :class:`Watcher` until Ctrl-C or SIGTERM (or, with ``once``, until the folder is done)."""
    import signal

    stop = threading.Event()
    watcher = Watcher(input_dir, output_dir, request, redactor or api.engine(), settle=settle, say=say)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        return watcher.run(stop, once=once)
    except KeyboardInterrupt:
        stop.set()
        return dict(watcher.counts)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
