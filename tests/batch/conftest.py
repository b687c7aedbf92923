"""Folders to batch, and ways to compare what two batches wrote."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

#: A fixed key, so pseudonymised values are the same in every run being compared.
KEY_ENV = {"REDACTOR_PSEUDONYM_KEY": "batch-tests-key"}


def sample_tree(root: Path, names: list[str], *, nested: bool = True) -> Path:
    """Copy ``names`` from samples/documents into ``root``, half of them in a subfolder."""
    root.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        target = root / "sub" / name if nested and i % 2 else root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / name, target)
    return root


def outputs(out_dir: Path) -> dict[str, object]:
    """Every copy under ``out_dir`` by relative path: its bytes, or for a DOCX its parts' bytes.

    A DOCX's zip stamps the time of writing on each member, so two correct runs differ in
    those bytes only; the parts are what must be identical.
    """
    found: dict[str, object] = {}
    for path in sorted(out_dir.rglob("*")):
        if not path.is_file() or path.name == "manifest.jsonl":
            continue
        rel = path.relative_to(out_dir).as_posix()
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                found[rel] = {n: z.read(n) for n in sorted(z.namelist())}
        else:
            found[rel] = path.read_bytes()
    return found


def manifest(out_dir: Path) -> list[dict]:
    """Every line of the manifest, each of which must be valid JSON."""
    return [json.loads(line) for line in (out_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def start_batch(*args: object, env: dict | None = None) -> subprocess.Popen:
    """``python -m redactor batch ...`` in its own process group, as a user would start it."""
    return subprocess.Popen([sys.executable, "-m", "redactor", "batch", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **KEY_ENV, **(env or {})}, start_new_session=True)


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux /proc)."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@pytest.fixture
def pseudonym_key(monkeypatch):
    for name, value in KEY_ENV.items():
        monkeypatch.setenv(name, value)
