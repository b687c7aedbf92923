"""Local engines: in-process (``--workers 1``) and a pool of worker processes (``--workers N``).

Each pool worker is a fresh process (``spawn``: no state shared with the parent, the same
on Linux and macOS) that builds its :class:`~redactor.engines.work.FileWorker` once, loading
the models, then answers messages on its own pipe. The parent waits on every pipe and every
process's sentinel at once, so a worker killed mid-file is noticed at once, its file recorded
as failed and the worker started again; the pool itself never breaks. A worker whose parent
dies (``kill -9``) sees its pipe close and exits.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import RedactorError
from ..pipeline import Redactor
from .schedule import Died
from .work import FileWorker, Job, Reply


class InProcess:
    """One worker in the caller's process, on the caller's Redactor (models it already loaded)."""

    size = 1

    def __init__(self, job: Job, redactor: Redactor) -> None:
        self.worker = FileWorker(job, redactor)
        self._replies: list[tuple[int, Reply | Died]] = []

    def send(self, worker: int, message: tuple) -> None:
        self._replies.append((worker, self.worker.handle(message)))

    def receive(self, timeout: float) -> list[tuple[int, Reply | Died]]:
        replies, self._replies = self._replies, []
        return replies

    def restart(self, worker: int) -> None:  # pragma: no cover (the caller's process cannot die and go on)
        pass

    def close(self) -> None:
        self.worker.release()


class WorkerFailed(RedactorError):
    """A worker could not start (e.g. the model is not installed); carries that error's exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def worker_main(conn: Connection, job: Job) -> None:
    """A pool process: build the worker once, then answer messages until the pipe closes."""
    from ..cli import _quiet_libraries

    _quiet_libraries()
    try:
        worker = FileWorker(job)
        worker.warm()
    except RedactorError as exc:
        conn.send(("init-failed", exc.exit_code, str(exc)))
        return
    except Exception as exc:
        conn.send(("init-failed", 1, f"worker could not start ({type(exc).__name__})"))
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the parent went away
            return
        if message is None:
            return
        conn.send(worker.handle(message))


class ProcessPool:
    """``size`` worker processes, each with its own pipe."""

    def __init__(self, job: Job, size: int) -> None:
        self.job = job
        self.size = size
        self._ctx = mp.get_context("spawn")
        self._procs: list[Any] = [None] * size
        self._conns: list[Connection | None] = [None] * size
        for worker in range(size):
            self._start(worker)

    def _start(self, worker: int) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker_main, args=(child, self.job), daemon=True,
                                 name=f"redactor-worker-{worker}")
        with _one_thread_each():
            proc.start()
        child.close()
        self._procs[worker], self._conns[worker] = proc, parent

    def send(self, worker: int, message: tuple) -> None:
        conn = self._conns[worker]
        assert conn is not None
        try:
            conn.send(message)
        except (BrokenPipeError, OSError):
            pass  # the worker is dead; its sentinel reports it on the next receive

    def receive(self, timeout: float) -> list[tuple[int, Reply | Died]]:
        by_handle: dict[Any, tuple[int, str]] = {}
        for worker, (proc, conn) in enumerate(zip(self._procs, self._conns)):
            by_handle[conn] = (worker, "conn")
            by_handle[proc.sentinel] = (worker, "sentinel")
        out: list[tuple[int, Reply | Died]] = []
        dead: set[int] = set()
        for handle in wait(list(by_handle), timeout):
            worker, what = by_handle[handle]
            if what == "sentinel" or worker in dead:
                continue
            conn = self._conns[worker]
            assert conn is not None
            try:
                while conn.poll():
                    reply = conn.recv()
                    if isinstance(reply, tuple) and reply and reply[0] == "init-failed":
                        raise WorkerFailed(reply[2], reply[1])
                    out.append((worker, reply))
            except (EOFError, OSError):
                dead.add(worker)
        for worker, proc in enumerate(self._procs):
            if worker in dead or not proc.is_alive():
                proc.join(timeout=1)
                out.append((worker, Died(f"exit code {proc.exitcode}")))
        return out

    def restart(self, worker: int) -> None:
        conn = self._conns[worker]
        if conn is not None:
            conn.close()
        self._start(worker)

    def close(self) -> None:
        for conn in self._conns:
            if conn is None:
                continue
            try:
                conn.send(None)
            except OSError:
                pass
        for proc in self._procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)
        for conn in self._conns:
            if conn is not None:
                conn.close()

    def pids(self) -> list[int]:
        return [p.pid for p in self._procs if p is not None]


#: Numerical libraries' thread pools: one thread per worker process, or N workers would each start
#: one thread per core and fight over the cores (the user's own setting wins).
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _one_thread_each() -> Iterator[None]:
    added = [name for name in THREAD_VARIABLES if name not in os.environ]
    os.environ.update({name: "1" for name in added})
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def pool_for(job: Job, workers: int, redactor: Redactor) -> InProcess | ProcessPool:
    """In-process for one worker (no start-up cost, the caller's models), else a process pool."""
    if workers <= 1:
        return InProcess(job, redactor)
    return ProcessPool(job, workers)


__all__ = ["InProcess", "ProcessPool", "WorkerFailed", "pool_for", "worker_main"]
