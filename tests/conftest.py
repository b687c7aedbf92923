"""Shared fixtures: the NLP engine loads once per test session."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "documents"


@pytest.fixture(scope="session")
def redactor_engine():
    from redactor import Redactor

    return Redactor()


@pytest.fixture(scope="session")
def detector(redactor_engine):
    return redactor_engine.detector


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from redactor.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def run_module(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m redactor`` in a fresh process, as a user would."""
    return subprocess.run([sys.executable, "-m", "redactor", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def one_line(err: str) -> bool:
    lines = [ln for ln in err.strip().splitlines() if ln.strip()]
    return len(lines) == 1 and "Traceback" not in err
