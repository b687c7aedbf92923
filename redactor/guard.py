"""Run the work for one file in a child process, under the wall-time and memory limits.

A parser can hang or balloon inside C code (qpdf, pdfium, libxml2), where no signal
handler or Python check ever runs. So :func:`run_guarded` forks: the child caps its own
address space (``RLIMIT_AS``: what it already maps plus ``Limits.memory``), does the
work and sends back the pickled result, or the :class:`~redactor.errors.RedactorError`
it raised; the parent waits at most ``Limits.seconds`` and kills the child when time is
up. The child shares the parent's loaded models copy-on-write, so nothing is loaded
again; the cost is one fork (a few milliseconds, measured in ``tests/hostile``).

``os.fork`` is called directly rather than through ``multiprocessing``: a daemonic pool
worker (a batch engine) may not start ``multiprocessing`` children, and the child here
must leave with ``os._exit`` whatever happens, without running the parent's exit hooks.
Where there is no ``fork`` (Windows), or both limits are 0, the work runs in-process.
"""
from __future__ import annotations

import builtins
import gc
import os
import pickle
import resource
import select
import signal
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from . import errors
from .errors import LimitExceeded, RedactorError, UnreadableInput
from .limits import Limits, current, exceeded, shown

T = TypeVar("T")
_CHUNK = 1 << 20


def run_guarded(work: Callable[[], T], limits: Limits | None = None) -> T:
    """``work()``, run in a forked child under ``limits.seconds`` and ``limits.memory``.

    Returns what ``work`` returned (it must pickle); re-raises the RedactorError it raised
    (with its exit code, and a :class:`~redactor.errors.Withheld`'s report); raises
    :class:`~redactor.errors.LimitExceeded` when the child runs out of time or memory.
    """
    limits = limits or current()
    if not (limits.seconds or limits.memory) or not hasattr(os, "fork"):
        return work()
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    gc.freeze()  # the child's collector then never walks (and so never copies) the parent's objects
    try:
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _child(write_end, work, limits)
    finally:
        gc.unfreeze()
    os.close(write_end)
    try:
        payload, status = _collect(read_end, pid, limits)
    finally:
        os.close(read_end)
    return _answer(payload, status, limits)


def _child(fd: int, work: Callable[[], Any], limits: Limits) -> None:
    """Do the work, write the pickled answer to ``fd`` and leave with ``os._exit``."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the parent reports it, the child just goes
        _cap_memory(limits.memory)
        try:
            answer: tuple = ("ok", work())
        except MemoryError:
            answer = ("error", exceeded("memory", limits.memory, "the file needed", "more memory than"), None)
        except RedactorError as exc:
            answer = ("error", _portable(exc), getattr(exc, "report", None))
        except RecursionError:
            answer = ("error", UnreadableInput("the file is nested too deeply to be read"), None)
        except BaseException as exc:  # noqa: BLE001 - reported by the parent as an internal error
            if os.environ.get("REDACTOR_DEBUG"):
                traceback.print_exc()
            answer = ("crash", type(exc).__name__)
        try:
            blob = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            blob = pickle.dumps(("error", exceeded("memory", limits.memory, "the file needed",
                                                   "more memory than"), None))
        except Exception as exc:  # noqa: BLE001 - a result that does not pickle is our bug
            blob = pickle.dumps(("crash", f"unpicklable result: {type(exc).__name__}"))
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
    except BaseException:  # noqa: BLE001 - whatever happens, the child must not return
        code = 1
    finally:
        os._exit(code)


def _cap_memory(memory: int) -> None:
    """Limit the child's address space to what it maps now plus ``memory`` bytes."""
    if not memory:
        return
    try:
        with open("/proc/self/statm") as fh:
            mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return  # no way to know what is mapped already: leave it to the wall-time limit
    cap = mapped + memory
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):
        pass  # a stricter hard limit is already in place


def _portable(exc: RedactorError) -> RedactorError:
    """``exc`` if it pickles back to the same class, else a RedactorError with its message and exit code."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        plain = RedactorError(str(exc))
        plain.exit_code = exc.exit_code
        return plain


def _collect(fd: int, pid: int, limits: Limits) -> tuple[bytes, int]:
    """Read the child's answer until it closes the pipe or time is up; reap it. Returns (bytes, status)."""
    deadline = time.monotonic() + limits.seconds if limits.seconds else None
    chunks: list[bytes] = []
    reaped = False
    try:
        while True:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                reaped = True
                raise exceeded("seconds", limits.seconds, "the file took", "longer than")
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
        reaped = True
        return b"".join(chunks), status
    finally:
        if not reaped:  # interrupted (Ctrl-C) or failed: never leave the child running
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass


def _answer(payload: bytes, status: int, limits: Limits) -> Any:
    """The child's result, or its error raised here."""
    if not payload:
        raise _died(status, limits)
    answer = pickle.loads(payload)
    if answer[0] == "ok":
        return answer[1]
    if answer[0] == "error":
        exc, report = answer[1], answer[2]
        if report is not None and isinstance(exc, errors.Withheld):
            exc.report = report
        raise exc
    raise _crash(answer[1])


def _crash(name: str) -> Exception:
    """An exception of the child's builtin type (the CLI names it), else a RuntimeError; never its message."""
    builtin = getattr(builtins, name, None)
    if isinstance(builtin, type) and issubclass(builtin, Exception):
        try:
            return builtin(f"in the guarded child: {name}")
        except TypeError:  # a type whose constructor wants more (UnicodeDecodeError)
            pass
    return RuntimeError(f"in the guarded child: {name}")


def _died(status: int, limits: Limits) -> RedactorError:
    """The error for a child that left without an answer (killed by a signal, or out of memory)."""
    if os.WIFSIGNALED(status):
        cause = f"signal {os.WTERMSIG(status)}"
    else:
        cause = f"exit status {os.WEXITSTATUS(status) if os.WIFEXITED(status) else status}"
    if limits.memory:
        return LimitExceeded(f"reading the file stopped abnormally ({cause}), most likely over the memory limit "
                             f"of {shown('memory', limits.memory)}: raise it with --limit memory=N", limit="memory")
    return UnreadableInput(f"reading the file stopped abnormally ({cause})")
