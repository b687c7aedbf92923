"""What the CLI shows people: progress and summary tables (rich), never document text."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.table import Table

from .batch import BatchSummary, FileResult

_out = Console()
_err = Console(stderr=True)


@contextmanager
def batch_progress(quiet: bool = False) -> Iterator[Callable[[FileResult], None]]:
    """A callback per finished file: a live count on a terminal, one plain line otherwise."""
    if quiet:
        yield lambda result: None
        return
    if not sys.stderr.isatty():
        def line(result: FileResult) -> None:
            extra = f": {result.error}" if result.error else f" ({sum(result.by_type.values())} findings)"
            print(f"{result.status} {result.file}{extra}", file=sys.stderr, flush=True)
        yield line
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} files"),
                  TimeElapsedColumn(), console=_err, transient=True) as progress:
        task = progress.add_task("redacting", total=None)
        yield lambda result: progress.advance(task)


def print_batch_summary(summary: BatchSummary) -> None:
    table = Table(title=f"{len(summary.results)} files in {summary.seconds:.1f} s")
    table.add_column("status")
    table.add_column("files", justify="right")
    for status, n in sorted(summary.counts.items()):
        table.add_row(status, str(n))
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
            _out.print(f"[red]{r.status}[/red] {r.file}: {r.error}")


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
