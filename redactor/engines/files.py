"""The input tree, walked without following links, and where each file's copy may go.

A symbolic link (to a file or a folder) is refused, never followed: it could lead out
of the folder the user chose, or make one file appear twice. An output must stay inside
the output folder once every folder on its way is resolved (a link planted in the output
tree is refused too). Files inside the output folder, when it lies within the input
folder, are not inputs.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import UnsafeToRedact

CHUNK = 1 << 20


@dataclass(frozen=True)
class Entry:
    """One name found under the input folder; ``refused`` says why it will not be read, if so."""

    rel: str
    refused: str | None = None


def walk(in_dir: Path, out_dir: Path) -> Iterator[Entry]:
    """Every file under ``in_dir`` in sorted order, links reported as refused, ``out_dir`` left out."""
    out_resolved = out_dir.resolve()
    for root, dirs, files in os.walk(in_dir, followlinks=False):
        base = Path(root)
        if base.resolve() == out_resolved:
            dirs[:] = []
            continue
        kept = []
        for name in sorted(dirs):
            if (base / name).is_symlink():
                yield Entry(_rel(base / name, in_dir), "symbolic link to a folder refused (not followed)")
            elif (base / name).resolve() != out_resolved:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = base / name
            if path.is_symlink():
                yield Entry(_rel(path, in_dir), "symbolic link refused (not followed)")
            elif path.is_file():
                yield Entry(_rel(path, in_dir))


def _rel(path: Path, in_dir: Path) -> str:
    return path.relative_to(in_dir).as_posix()


def destination(out_dir: Path, rel: str) -> Path:
    """Where the copy of ``rel`` goes; refuses a name or a folder link that would lead outside ``out_dir``."""
    parts = PurePosixPath(rel).parts
    if not parts or PurePosixPath(rel).is_absolute() or any(p in ("..", ".", "") for p in parts) or "\\" in rel:
        raise UnsafeToRedact("the file name would lead outside the output folder")
    dst = out_dir.joinpath(*parts)
    root = out_dir.resolve()
    parent = dst.parent.resolve()
    if parent != root and root not in parent.parents:
        raise UnsafeToRedact("the output would be written outside the output folder (a link in the output tree)")
    if dst.is_symlink():
        raise UnsafeToRedact("the output name is a symbolic link in the output folder")
    return dst


def sha256_of(path: Path) -> str:
    """The content hash of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def stale_parts(out_dir: Path) -> Iterator[Path]:
    """Temporary files left by an atomic write that a crash interrupted (``.<name>.<random>.part``)."""
    for root, _dirs, files in os.walk(out_dir, followlinks=False):
        for name in files:
            if name.startswith(".") and name.endswith(".part") and name.count(".") >= 3:
                yield Path(root) / name
