"""The parent's loop: hand files to workers, replay people's labels in file order, record results.

Engines differ only in how a message reaches a worker (:class:`Transport`); this loop is
the same for in-process, pool and Ray runs, which is why their outputs are the same.
Results stream back as each file finishes and the parent alone appends them to the
manifest. A worker that dies (killed, out of memory, a crash in a native library) costs
only the files it held: they are recorded as failed and the worker is started again.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ..policy.operators import Pseudonyms
from .labels import Call, replay
from .results import FileResult
from .work import Reply, finished

#: How far ahead of the first file still waiting for its labels workers may plan, per worker.
WINDOW_PER_WORKER = 4


class Died:
    """A worker went away; ``reason`` is one line (its exit code or the engine's error)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


class Transport(Protocol):
    """How messages reach ``size`` workers and how their replies come back."""

    size: int

    def send(self, worker: int, message: tuple) -> None: ...

    def receive(self, timeout: float) -> list[tuple[int, Reply | Died]]: ...

    def restart(self, worker: int) -> None: ...

    def close(self) -> None: ...


@dataclass
class Task:
    index: int
    rel: str
    kind: str  # run, plan (redact it) or replay (a finished file, for its people only)


@dataclass
class _State:
    outstanding: dict[int, list[tuple[int, str, str]]] = field(default_factory=dict)  # worker -> (index, rel, kind)
    holding: dict[int, tuple[int, str]] = field(default_factory=dict)  # index -> (worker, rel): plan awaits labels
    calls: dict[int, list[Call]] = field(default_factory=dict)  # index -> people its plan asked for
    next_replay: int = 0


def schedule(tasks: list[Task], resolved: set[int], transport: Transport, record: Callable[[FileResult], None], *,
             ordered: bool, book: Pseudonyms) -> None:
    """Run ``tasks`` on ``transport``'s workers, calling ``record`` with every final result.

    ``resolved`` are the indexes settled without a worker (skipped, refused, unchanged):
    they have no people to replay. With ``ordered``, each planned file's people are
    replayed on ``book`` in index order before its worker may write it.
    """
    queue = deque(sorted(tasks, key=lambda t: t.index))
    state = _State(outstanding={w: [] for w in range(transport.size)})
    window = WINDOW_PER_WORKER * transport.size
    for index in resolved:
        state.calls[index] = []

    def advance() -> None:
        while state.next_replay in state.calls:
            index = state.next_replay
            labels = replay(book, state.calls.pop(index))
            if index in state.holding:
                worker, rel = state.holding.pop(index)
                transport.send(worker, ("finish", index, labels))
                state.outstanding[worker].append((index, rel, "finish"))
            state.next_replay += 1

    if ordered:
        advance()
    while queue or any(state.outstanding.values()) or state.holding:
        for worker, held in state.outstanding.items():
            if held or not queue:
                continue
            if ordered and queue[0].index >= state.next_replay + window:
                break
            task = queue.popleft()
            if task.kind == "run":
                transport.send(worker, ("run", task.index, task.rel))
            else:
                transport.send(worker, ("plan", task.index, task.rel, task.kind == "plan"))
            held.append((task.index, task.rel, task.kind))
        for worker, reply in transport.receive(timeout=1.0):
            if isinstance(reply, Died):
                _bury(worker, reply.reason, state, record, ordered)
                transport.restart(worker)
                continue
            held = state.outstanding[worker]
            for i, item in enumerate(held):
                if item[0] == reply.index:
                    rel = item[1]
                    del held[i]
                    break
            else:
                continue  # a reply for a file already given up on
            if reply.calls is not None or (ordered and reply.result is not None):
                state.calls[reply.index] = reply.calls or []
            if reply.pending:
                state.holding[reply.index] = (worker, rel)
            if reply.result is not None:
                record(reply.result)
        if ordered:
            advance()


def _bury(worker: int, reason: str, state: _State, record: Callable[[FileResult], None], ordered: bool) -> None:
    """Record every file a dead worker held as failed; let the order move past them."""
    lost = state.outstanding[worker]
    state.outstanding[worker] = []
    lost += [(index, rel, "held") for index, (w, rel) in list(state.holding.items()) if w == worker]
    for index, rel, kind in lost:
        state.holding.pop(index, None)
        if ordered and kind != "finish" and index not in state.calls and index >= state.next_replay:
            state.calls[index] = []
        if kind != "replay":
            record(finished(FileResult(file=rel, status="failed", exit_code=1,
                                       error=f"worker process died ({reason})"), 0.0))
