"""Run the CLI in a fresh process and measure it: exit code, output, wall time, peak memory."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: generous bounds: these catch a hang or a bomb going off, they are not speed targets.
MAX_SECONDS = 60.0
MAX_BYTES = 2 << 30


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_bytes: int  # the largest resident set of the CLI or any process it waited for


def run_cli(*args: str | Path, cwd: Path | None = None) -> Run:
    """``python -m redactor ARGS`` in a new process, measured.

    ``peak_bytes`` comes from ``os.wait4`` on the process: its peak resident set, into which
    Linux folds the peaks of the processes it waited for itself (the guard's fork), as
    ``getrusage(RUSAGE_CHILDREN)`` would around the run, but for this run alone.
    """
    start = time.monotonic()
    with open(os.devnull, "rb") as devnull:
        proc = subprocess.Popen([sys.executable, "-m", "redactor", *map(str, args)], stdin=devnull,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    out, err = _drain(proc)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(proc.returncode, out, err, time.monotonic() - start, usage.ru_maxrss * 1024)


def _drain(proc: subprocess.Popen) -> tuple[str, str]:
    """Read both pipes to their end without reaping the process (so ``wait4`` can)."""
    import selectors

    chunks: dict[int, list[bytes]] = {1: [], 2: []}
    streams = {proc.stdout: 1, proc.stderr: 2}
    with selectors.DefaultSelector() as sel:
        for stream in streams:
            sel.register(stream, selectors.EVENT_READ)
        deadline = time.monotonic() + 2 * MAX_SECONDS
        while sel.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                proc.kill()
                raise AssertionError("redactor did not finish in time")
            for key, _ in sel.select(remaining):
                data = os.read(key.fileobj.fileno(), 1 << 16)
                if data:
                    chunks[streams[key.fileobj]].append(data)
                else:
                    sel.unregister(key.fileobj)
    for stream in streams:
        stream.close()
    return (b"".join(chunks[1]).decode("utf-8", "replace"), b"".join(chunks[2]).decode("utf-8", "replace"))


def one_line(err: str) -> bool:
    lines = [ln for ln in err.strip().splitlines() if ln.strip()]
    return len(lines) == 1 and "Traceback" not in err
