"""What the CLI shows people: progress and summary tables (rich), never document text."""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import ProgressColumn
from rich.table import Table
from rich.text import Text

from .engines.results import BatchSummary, FileResult

_out = Console()
_err = Console(stderr=True)


class BatchProgress:
    """What a batch shows while it runs: ``start(total, unchanged)`` once, then one call per file."""

    def __init__(self, on_start: Callable[[int, int], None], on_result: Callable[[FileResult], None]) -> None:
        self.start = on_start
        self.result = on_result

    def __call__(self, result: FileResult) -> None:
        self.result(result)


class _FilesPerSecond(ProgressColumn):
    def render(self, task: Any) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} files/s" if speed else "- files/s", style="progress.data.speed")


@contextmanager
def batch_progress(quiet: bool = False) -> Iterator[BatchProgress]:
    """A bar with counts, rate and ETA on a terminal; one plain line per file otherwise; nothing if quiet.

    Files a previous run finished (``unchanged``) move the bar but print no line of their own.
    """
    if quiet:
        yield BatchProgress(lambda total, unchanged: None, lambda result: None)
        return
    if not sys.stderr.isatty():
        seen = {"n": 0, "total": 0}

        def start(total: int, unchanged: int) -> None:
            seen["total"] = total
            note = f", {unchanged} unchanged since the last run" if unchanged else ""
            print(f"batch: {total} files{note}", file=sys.stderr, flush=True)

        def line(result: FileResult) -> None:
            seen["n"] += 1
            if result.status == "unchanged":
                return
            extra = f": {result.error}" if result.error else f" ({sum(result.by_type.values())} findings)"
            print(f"[{seen['n']}/{seen['total']}] {result.status} {result.file}{extra}", file=sys.stderr,
                  flush=True)
        yield BatchProgress(start, line)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  _FilesPerSecond(), TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[problems]}"), console=_err, transient=True) as progress:
        task = progress.add_task("redacting", total=None, problems="")
        problems: Counter[str] = Counter()

        def begin(total: int, unchanged: int) -> None:
            progress.update(task, total=total)

        def advance(result: FileResult) -> None:
            if result.status in ("failed", "unsafe"):
                problems[result.status] += 1
                progress.update(task, problems=", ".join(f"{n} {s}" for s, n in sorted(problems.items())))
            progress.advance(task)
        yield BatchProgress(begin, advance)


def print_batch_summary(summary: BatchSummary) -> None:
    """Files per status, findings per type, then each file that failed, was refused or withheld (never text)."""
    worked = sum(1 for r in summary.results if r.status != "unchanged")
    rate = f", {worked / summary.seconds:.1f} files/s" if summary.seconds > 0 and worked else ""
    engine = f"{summary.engine}, {summary.workers} worker{'s' if summary.workers != 1 else ''}"
    table = Table(title=f"{len(summary.results)} files in {summary.seconds:.1f} s ({engine}{rate})")
    table.add_column("status")
    table.add_column("files", justify="right")
    table.add_column("seconds (sum)", justify="right")
    for status, n in sorted(summary.counts.items()):
        spent = sum(r.seconds for r in summary.results if r.status == status)
        table.add_row(status, str(n), f"{spent:.1f}")
    _out.print(table)
    if summary.by_type:
        types = Table(title="findings by type")
        types.add_column("type")
        types.add_column("count", justify="right")
        for name, n in summary.by_type.most_common():
            types.add_row(name, str(n))
        _out.print(types)
    for r in summary.results:
        if r.status in ("failed", "unsafe", "withheld"):
            _out.print(f"[red]{r.status}[/red] {escape(r.file)}: {escape(r.error or '')}", highlight=False)


def print_evaluation(result: dict[str, Any]) -> None:
    for split, formats in result["splits"].items():
        for fmt, scores in formats.items():
            table = Table(title=f"{split} split, {fmt} ({scores['documents']} documents)")
            for col in ("type", "gold", "found", "precision", "recall", "F2"):
                table.add_column(col, justify="left" if col == "type" else "right")
            for name, s in scores["types"].items():
                table.add_row(name, str(s["gold"]), str(s["found"]), f"{s['precision']:.3f}",
                              f"{s['recall']:.3f}", f"{s['f2']:.3f}")
            o = scores["overall"]
            table.add_row("overall", str(o["gold"]), str(o["found"]), f"{o['precision']:.3f}",
                          f"{o['recall']:.3f}", f"{o['f2']:.3f}", style="bold")
            _out.print(table)
            _out.print(f"leak rate of written {fmt} outputs: {scores['leak_rate']:.2%} "
                       f"({scores['leaked']} of {scores['gold_spans']} gold spans still readable); "
                       f"not wholly covered by a removal: {scores['uncovered_rate']:.2%}")


def print_classification(file: str, classification: Any) -> None:
    """Document labels with score, paragraph and cue ids; then each section's labels (no text)."""
    table = Table(title=f"{file}: Confidential Matters" + ("  [flag: plp, para. 10]" if classification.plp else ""))
    for col in ("label", "score", "paragraph", "evidence"):
        table.add_column(col)
    for lab in classification.categories:
        cues = sorted({e.cue for e in lab.evidence})
        table.add_row(lab.label + (f" ({lab.category})" if lab.category else ""), f"{lab.score:.2f}",
                      lab.paragraph, ", ".join(cues))
    _out.print(table)
    sections = Table(title="sections")
    for col in ("characters", "opened by", "labels"):
        sections.add_column(col)
    for s in classification.sections:
        sections.add_row(f"{s.start}-{s.end}", s.kind, ", ".join(s.names) + (" [plp]" if s.plp else ""))
    _out.print(sections)


def print_paths(paths: Any) -> None:
    """One path per line (name, paragraph, recipient, description), plain so scripts can read it."""
    width = max(len(p.name) for p in paths)
    para = max(len(p.paragraph) for p in paths)
    for p in paths:
        needs = f" [requires {', '.join('--' + r.replace('_', '-') for r in p.requires)}]" if p.requires else ""
        print(f"{p.name:<{width}}  {p.paragraph:<{para}}  {p.description}{needs}")
