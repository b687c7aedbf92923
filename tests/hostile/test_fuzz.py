"""A short bounded pass of the fuzzer (``tests/hostile/fuzz.py``) over the PDF and DOCX readers.

hypothesis picks the sample file and the mutation seed; every round runs in a guarded child,
so a hang or a crash is a failing example (saved under ``tests/hostile/crashes/``), not a
stuck CI. The long run is ``.venv/bin/python tests/hostile/fuzz.py --seconds 600``.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactor.errors import RedactorError
from tests.hostile.fuzz import exercise, one_round, seeds

EXAMPLES = int(os.environ.get("REDACTOR_FUZZ_EXAMPLES", "25"))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_mutated_file_is_read_written_and_checked_or_refused_in_one_line(fmt: str) -> None:
    bases = seeds(fmt)

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
              database=None)
    @given(st.integers(0, len(bases) - 1), st.integers(0, 2**32 - 1))
    def check(base: int, seed: int) -> None:
        finding = one_round(fmt, bases[base], seed)
        assert finding is None, f"{finding.kind}: {finding.detail} (saved as {finding.saved})"

    check()


#: files the fuzzer found, each named for the bug it caught, kept so the bug stays fixed.
FOUND = sorted((Path(__file__).parent / "data").glob("*.*"))


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_a_file_the_fuzzer_found_is_handled(path: Path) -> None:
    """pdf-name-not-utf8: a name that is not UTF-8 crashed the verifier's view (UnicodeDecodeError)."""
    try:
        exercise(path.suffix[1:], path.read_bytes())
    except RedactorError:
        pass
