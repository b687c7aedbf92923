"""Fuzz the PDF and DOCX readers (and their writers and verifier views) with mutated sample files.

Each round takes a sample file, mutates it (bytes flipped, inserted, deleted, duplicated or
cut; for a PDF also numbers, names and brackets swapped for hostile ones; for a DOCX the
mutation lands inside one member, re-zipped, so the XML parsers are reached and not only
the ZIP reader), then reads it, writes a copy with its first word removed, and reads that
copy back with the verifier's extractor: all in a guarded child (:mod:`redactor.guard`)
with a time and memory limit. A RedactorError is a correct answer; any other exception,
a hang past the time limit or a child that dies is a finding, saved with its traceback
under ``tests/hostile/crashes/``.

    .venv/bin/python tests/hostile/fuzz.py --seconds 600              # both formats, 10 minutes
    .venv/bin/python tests/hostile/fuzz.py --format docx --rounds 500 --seed 7

``tests/hostile/test_fuzz.py`` runs a short pass of the same rounds in CI.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import random
import re
import sys
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from redactor.document import Decision  # noqa: E402
from redactor.errors import LimitExceeded, RedactorError  # noqa: E402
from redactor.formats import format_for  # noqa: E402
from redactor.guard import run_guarded  # noqa: E402
from redactor.limits import Limits, using  # noqa: E402
from redactor.verify import extract_parts  # noqa: E402

SAMPLES = ROOT / "samples" / "documents"
CRASHES = Path(__file__).resolve().parent / "crashes"
#: each round's budget: generous, so a finding is a real hang, not a slow machine.
ROUND_LIMITS = Limits(seconds=30, memory=1 << 30)
_WORD = re.compile(r"\w{3,}")
_PDF_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?![\w.])")
_PDF_NAME = re.compile(rb"/[A-Za-z][A-Za-z0-9]*")
HOSTILE_NUMBERS = [b"0", b"-1", b"1", b"2147483648", b"99999999999", b"-2147483649", b"65535", b"3.4e38"]
HOSTILE_NAMES = [b"/FlateDecode", b"/Pages", b"/Page", b"/Kids", b"/Parent", b"/Type0", b"/Identity-H",
                 b"/ObjStm", b"/XRef", b"/Prev", b"/Length", b"/Filter", b"/Encrypt", b"/Annots", b"/Contents"]


@dataclass
class Finding:
    format: str
    seed: int
    kind: str  # the exception's type, "hang" or "died"
    detail: str
    saved: Path | None = None


def seeds(fmt: str) -> list[bytes]:
    """The files mutated: the smallest sample documents of the format (a mix of kinds)."""
    files = sorted(SAMPLES.glob(f"*.{fmt}"), key=lambda p: p.stat().st_size)
    return [p.read_bytes() for p in files[:6]]


def mutate_bytes(data: bytes, rng: random.Random, rounds: int | None = None) -> bytes:
    buf = bytearray(data)
    for _ in range(rounds or rng.randint(1, 6)):
        if not buf:
            buf += rng.randbytes(rng.randint(1, 64))
            continue
        at = rng.randrange(len(buf))
        op = rng.random()
        if op < 0.35:
            buf[at] = rng.randrange(256)
        elif op < 0.55:
            buf[at:at] = rng.randbytes(rng.randint(1, 32))
        elif op < 0.75:
            del buf[at:at + rng.randint(1, 256)]
        elif op < 0.9:
            end = min(len(buf), at + rng.randint(1, 512))
            buf[at:at] = bytes(buf[at:end]) * rng.randint(1, 8)
        else:
            del buf[at:]
    return bytes(buf)


def mutate_pdf(data: bytes, rng: random.Random) -> bytes:
    """Byte damage, or a structural lie: a number, a name or a bracket run swapped in."""
    op = rng.random()
    if op < 0.4:
        return mutate_bytes(data, rng)
    if op < 0.65:
        return _replace_one(data, _PDF_NUMBER, rng.choice(HOSTILE_NUMBERS), rng)
    if op < 0.85:
        return _replace_one(data, _PDF_NAME, rng.choice(HOSTILE_NAMES), rng)
    at = rng.randrange(len(data))
    depth = rng.choice([10, 300, 5000])
    return data[:at] + b"[" * depth + b"]" * depth + data[at:]


def _replace_one(data: bytes, pattern: re.Pattern[bytes], new: bytes, rng: random.Random) -> bytes:
    matches = list(pattern.finditer(data))
    if not matches:
        return data
    match = rng.choice(matches)
    return data[:match.start()] + new + data[match.end():]


def mutate_docx(data: bytes, rng: random.Random) -> bytes:
    """Mostly damage inside one member (re-zipped), sometimes the archive's own bytes."""
    if rng.random() < 0.2:
        return mutate_bytes(data, rng)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = [name for name in members if name.endswith((".xml", ".rels"))]
    name = rng.choice(xml if xml and rng.random() < 0.85 else list(members))
    members[name] = _mutate_xml(members[name], rng) if name in xml and rng.random() < 0.5 else \
        mutate_bytes(members[name], rng)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, blob in members.items():
            archive.writestr(member, blob)
    return out.getvalue()


def _mutate_xml(blob: bytes, rng: random.Random) -> bytes:
    """Move, duplicate or drop a tag, so the XML stays nearly well-formed and reaches the walkers."""
    tags = list(re.finditer(rb"<[^<>]{1,200}>", blob))
    if not tags:
        return mutate_bytes(blob, rng)
    tag = rng.choice(tags)
    op = rng.random()
    if op < 0.4:
        return blob[:tag.start()] + blob[tag.end():]
    if op < 0.7:
        return blob[:tag.end()] + tag.group() * rng.randint(1, 50) + blob[tag.end():]
    other = rng.choice(tags)
    return blob[:other.start()] + tag.group() + blob[other.start():]


MUTATORS: dict[str, Callable[[bytes, random.Random], bytes]] = {"pdf": mutate_pdf, "docx": mutate_docx}


def exercise(fmt_name: str, data: bytes) -> int:
    """Read ``data``, write it with its first word removed, and extract the copy: the characters read."""
    fmt = format_for(f"x.{fmt_name}")
    with using(Limits()):
        doc = fmt.read(data, f"fuzz.{fmt_name}")
        word = _WORD.search(doc.text)
        decisions = [Decision(word.start(), word.end(), "PERSON", "redact", "[PERSON]", "fuzz")] if word else []
        out = fmt.write(doc, decisions)
        extract_parts(fmt, out)
    return len(doc.text)


def one_round(fmt: str, base: bytes, seed: int) -> Finding | None:
    """Mutate ``base`` with ``seed`` and exercise it in a guarded child; a Finding if it went wrong."""
    data = MUTATORS[fmt](base, random.Random(seed))
    try:
        run_guarded(lambda: exercise(fmt, data), ROUND_LIMITS)
    except LimitExceeded as exc:
        if exc.limit in ("seconds", "memory"):
            return _save(Finding(fmt, seed, "hang" if exc.limit == "seconds" else "memory", str(exc)), data)
        return None
    except RedactorError:
        return None
    except Exception as exc:  # noqa: BLE001 - that is what a fuzzer is for
        return _save(Finding(fmt, seed, type(exc).__name__, "".join(traceback.format_exception_only(exc)).strip()),
                     data)
    return None


def _save(finding: Finding, data: bytes) -> Finding:
    CRASHES.mkdir(exist_ok=True)
    path = CRASHES / f"{finding.format}-{finding.kind}-{hashlib.sha256(data).hexdigest()[:12]}.{finding.format}"
    path.write_bytes(data)
    finding.saved = path
    return finding


def fuzz(formats: list[str], *, seconds: float | None = None, rounds: int | None = None, seed: int = 0,
         report: Callable[[str], None] = lambda line: None) -> tuple[int, list[Finding]]:
    """Run rounds over ``formats`` until ``seconds`` or ``rounds`` run out: (rounds run, findings)."""
    for name in formats:
        format_for(f"x.{name}")  # imported here, once, so that every child shares the modules
    bases = {name: seeds(name) for name in formats}
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds if seconds else None
    done, findings = 0, []
    while (rounds is None or done < rounds) and (deadline is None or time.monotonic() < deadline):
        fmt = formats[done % len(formats)]
        round_seed = rng.randrange(1 << 32)
        finding = one_round(fmt, rng.choice(bases[fmt]), round_seed)
        done += 1
        if finding:
            findings.append(finding)
            report(f"FINDING {finding.format} seed={finding.seed} {finding.kind}: {finding.detail} -> {finding.saved}")
        if done % 100 == 0:
            report(f"{done} rounds, {len(findings)} findings")
    return done, findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=("pdf", "docx", "all"), default="all")
    parser.add_argument("--seconds", type=float, help="stop after this long (default: 60 unless --rounds)")
    parser.add_argument("--rounds", type=int, help="stop after this many rounds")
    parser.add_argument("--seed", type=int, default=int(time.time()), help="the run's seed (printed; reuse to repeat)")
    args = parser.parse_args(argv)
    formats = ["pdf", "docx"] if args.format == "all" else [args.format]
    from redactor.cli import _quiet_libraries

    _quiet_libraries()  # qpdf's and pdfminer's warnings, as the CLI silences them
    seconds = args.seconds if args.seconds or args.rounds else 60.0
    print(f"fuzzing {', '.join(formats)} with seed {args.seed}", flush=True)
    start = time.monotonic()
    done, findings = fuzz(formats, seconds=seconds, rounds=args.rounds, seed=args.seed,
                          report=lambda line: print(line, flush=True))
    print(f"{done} rounds in {time.monotonic() - start:.0f} s: {len(findings)} findings", flush=True)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
