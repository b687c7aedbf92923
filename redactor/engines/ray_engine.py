"""``--engine ray``: the batch's workers as Ray actors, on a local Ray or a cluster.

Each actor builds one :class:`~redactor.engines.work.FileWorker` (models loaded once per
actor) and answers the same messages as a pool process, so the parent's loop
(:mod:`.schedule`) and the outputs are the same as the local engine's. Workers read the
input and write the copies themselves: on a cluster, both folders must be paths every node
sees (a shared file system) and redactor must be installed on every node. Ray is an optional
extra: ``pip install 'redactor[ray]'``.
"""
from __future__ import annotations

from typing import Any

from ..errors import UsageError
from .schedule import Died
from .work import FileWorker, Job, Reply


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install 'redactor[ray]'") from None
    return ray


class RayActors:
    """``size`` actors; Ray is started here unless the caller already started it."""

    def __init__(self, job: Job, size: int, address: str | None = None) -> None:
        ray = self._ray = _ray()
        self.size = size
        self._started = False
        if not ray.is_initialized():
            options: dict[str, Any] = {"address": address, "include_dashboard": False, "log_to_driver": False,
                                       "logging_level": "ERROR"}
            if address is None:
                options["num_cpus"] = size
            ray.init(**options)
            self._started = True

        class Actor:
            def __init__(self, job: Job) -> None:
                from ..cli import _quiet_libraries

                _quiet_libraries()
                self.worker = FileWorker(job)
                self.worker.warm()

            def handle(self, message: tuple) -> Reply:
                return self.worker.handle(message)

        self._actor = ray.remote(num_cpus=1, max_restarts=0)(Actor)
        self.job = job
        self._actors: list[Any] = [self._actor.remote(job) for _ in range(size)]
        self._pending: dict[Any, int] = {}

    def send(self, worker: int, message: tuple) -> None:
        self._pending[self._actors[worker].handle.remote(message)] = worker

    def receive(self, timeout: float) -> list[tuple[int, Reply | Died]]:
        ray = self._ray
        if not self._pending:
            return []
        ready, _ = ray.wait(list(self._pending), num_returns=1, timeout=timeout)
        out: list[tuple[int, Reply | Died]] = []
        for ref in ready:
            worker = self._pending.pop(ref)
            try:
                out.append((worker, ray.get(ref)))
            except ray.exceptions.RayActorError as exc:
                if _init_error(exc) is not None:
                    raise _init_error(exc) from None
                out.append((worker, Died(f"actor died: {type(exc).__name__}")))
        return out

    def restart(self, worker: int) -> None:
        self._pending = {ref: w for ref, w in self._pending.items() if w != worker}
        try:
            self._ray.kill(self._actors[worker])
        except Exception:
            pass
        self._actors[worker] = self._actor.remote(self.job)

    def close(self) -> None:
        for actor in self._actors:
            try:
                self._ray.kill(actor)
            except Exception:
                pass
        if self._started:
            self._ray.shutdown()


def _init_error(exc: BaseException) -> BaseException | None:
    """The RedactorError an actor's constructor raised (e.g. the model is not installed), if that is why it died."""
    from ..errors import RedactorError

    cause = getattr(exc, "cause", None) or exc.__cause__
    seen = 0
    while cause is not None and seen < 5:
        if isinstance(cause, RedactorError):
            return cause
        cause = getattr(cause, "cause", None) or cause.__cause__
        seen += 1
    return None
