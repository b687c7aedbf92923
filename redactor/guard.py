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
_PR_SET_PDEATHSIG = 1
#: how often the parent looks at the child's address space, how close to the cap counts as at it,
#: and how long a child may stay there before it is stopped as over the memory limit.
_POLL = 0.25
_AT_CAP = 8 << 20
_AT_CAP_GRACE = 3.0


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
    cap = _memory_cap(limits.memory)
    read_end, write_end = os.pipe()
    gc.freeze()  # the child's collector then never walks (and so never copies) the parent's objects
    try:
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _child(write_end, work, limits, cap)
    finally:
        gc.unfreeze()
    os.close(write_end)
    try:
        payload, status = _collect(read_end, pid, limits, cap)
    finally:
        os.close(read_end)
    return _answer(payload, status, limits)


def _child(fd: int, work: Callable[[], Any], limits: Limits, cap: int | None) -> None:
    """Do the work, write the pickled answer to ``fd`` and leave with ``os._exit``."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the parent reports it, the child just goes
        # an error in a finalizer (a reader's generator closed as the memory cap bites) would print an
        # "Exception ignored in" traceback on stderr; the child's answer is the one line the user sees
        sys.unraisablehook = _quiet_unraisable
        _die_with_parent()
        if cap is not None:
            try:
                resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
            except (ValueError, OSError):
                pass  # a stricter hard limit is already in place
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


def _quiet_unraisable(unraisable: Any) -> None:
    """Say nothing of an exception raised where no caller can catch it (unless REDACTOR_DEBUG is set)."""
    if os.environ.get("REDACTOR_DEBUG"):
        sys.__unraisablehook__(unraisable)


def _memory_cap(memory: int) -> int | None:
    """The child's address-space cap: what this process maps now (the child starts with the same) plus ``memory``."""
    if not memory:
        return None
    mapped = _mapped(os.getpid())
    return None if mapped is None else mapped + memory  # unknown: leave it to the wall-time limit


def _mapped(pid: int) -> int | None:
    """The address space process ``pid`` maps, in bytes (Linux), or None."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _die_with_parent() -> None:
    """Ask Linux to kill the child if the parent dies (killed mid-file), so no orphan runs on."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the parent's own kill on timeout still applies


def _portable(exc: RedactorError) -> RedactorError:
    """``exc`` if it pickles back to the same class, else a RedactorError with its message and exit code."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        plain = RedactorError(str(exc))
        plain.exit_code = exc.exit_code
        return plain


def _collect(fd: int, pid: int, limits: Limits, cap: int | None) -> tuple[bytes, int]:
    """Read the child's answer until it closes the pipe or a limit is hit; reap it. Returns (bytes, status).

    Besides the wall-time limit, the child's address space is watched: some C code (seen in the
    ``regex`` module) spins instead of failing when its allocations are refused at the cap, so a
    child that stays at its cap for :data:`_AT_CAP_GRACE` seconds is stopped as over the memory limit.
    """
    deadline = time.monotonic() + limits.seconds if limits.seconds else None
    chunks: list[bytes] = []
    reaped = False
    at_cap_since: float | None = None
    try:
        while True:
            now = time.monotonic()
            remaining = None if deadline is None else deadline - now
            if remaining is not None and remaining <= 0:
                _kill(pid)
                reaped = True
                raise exceeded("seconds", limits.seconds, "the file took", "longer than")
            if cap is not None:
                mapped = _mapped(pid)
                at_cap_since = (at_cap_since or now) if mapped is not None and mapped >= cap - _AT_CAP else None
                if at_cap_since is not None and now - at_cap_since > _AT_CAP_GRACE:
                    _kill(pid)
                    reaped = True
                    raise exceeded("memory", limits.memory, "the file needed", "more memory than")
            wait = _POLL if remaining is None else min(remaining, _POLL)
            ready, _, _ = select.select([fd], [], [], wait if cap is not None else remaining)
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
            _kill(pid)


def _kill(pid: int) -> None:
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
