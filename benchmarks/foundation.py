"""Foundation figures: cold start of a single-file run, and warm time per sample format.

    .venv/bin/python benchmarks/foundation.py [--repeat 3]

Cold start: ``redactor redact`` on a one-paragraph letter in a fresh process
(import, model load, redaction, verification), median of ``--repeat`` runs.
Per format: every sample document of that format redacted in one warm
process along the ``public`` path, median seconds per document and per page.
These are figures for the README and closing notes, not tests: nothing here
asserts a time.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "documents"
LETTER = "Dear Ms Okoro,\n\nPlease call me on 07700 900123 about case NCC-2024-0173.\n\nYours sincerely,\nJane Smith\n"


def cold_start(repeat: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "letter.txt"
        src.write_text(LETTER)
        for i in range(repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "redactor", "redact", str(src), "-o", str(Path(tmp) / f"o{i}.txt"),
                            "--path", "anonymise"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def per_format() -> dict[str, tuple[int, float, float]]:
    from redactor import Redactor

    redactor = Redactor()
    redactor.redact_bytes(LETTER.encode(), "warm.txt", path="anonymise")  # load models outside the timing
    out: dict[str, tuple[int, float, float]] = {}
    for ext in ("txt", "docx", "pdf"):
        per_doc, per_page = [], []
        for src in sorted(SAMPLES.glob(f"*.{ext}")):
            data = src.read_bytes()
            t = time.perf_counter()
            outcome = redactor.redact_bytes(data, src.name, path="anonymise")  # never withheld: every file timed
            elapsed = time.perf_counter() - t
            pages = outcome.report["input"]["blocks"] if ext == "pdf" else 1
            per_doc.append(elapsed)
            per_page.append(elapsed / max(pages, 1))
        out[ext] = (len(per_doc), statistics.median(per_doc), statistics.median(per_page))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"cold start, single-file redact (median of {args.repeat}): {cold_start(args.repeat):.2f} s")
    print("| format | documents | median s/document | median s/page |")
    print("| --- | ---: | ---: | ---: |")
    for ext, (n, doc_s, page_s) in per_format().items():
        print(f"| {ext} | {n} | {doc_s:.3f} | {page_s:.3f} |")


if __name__ == "__main__":
    main()
