"""Print the README's evaluation tables from ``redactor evaluate --json`` output.

    .venv/bin/redactor evaluate samples/documents --json > eval.json
    .venv/bin/python benchmarks/evaluation_table.py eval.json
"""
from __future__ import annotations

import json
import sys

FORMATS = ("txt", "docx", "pdf")


def cell(s: dict | None) -> str:
    return f"{s['precision']:.2f} / {s['recall']:.2f} / {s['f2']:.2f} ({s['gold']})" if s else "-"


def table(result: dict, split: str) -> str:
    scores = result["splits"][split]
    lines = [f"**{split}** ({scores['txt']['documents']} documents per format)", "",
             "| type | " + " | ".join(f"{f}: P / R / F2 (gold)" for f in FORMATS) + " |",
             "| --- | --- | --- | --- |"]
    types = sorted(set().union(*(scores[f]["types"] for f in FORMATS)))
    for t in types:
        lines.append(f"| {t} | " + " | ".join(cell(scores[f]["types"].get(t)) for f in FORMATS) + " |")
    lines.append("| **overall** | " + " | ".join(cell(scores[f]["overall"]) for f in FORMATS) + " |")
    lines.append("| **uncovered** | " + " | ".join(
        f"{scores[f]['uncovered_rate']:.1%} ({scores[f]['uncovered']})" for f in FORMATS) + " |")
    lines.append("| **leak rate** | " + " | ".join(
        f"{scores[f]['leak_rate']:.1%} ({scores[f]['leaked']})" for f in FORMATS) + " |")
    return "\n".join(lines)


def main() -> None:
    result = json.loads(open(sys.argv[1], encoding="utf-8").read())
    print("\n\n".join(table(result, split) for split in ("dev", "heldout") if split in result["splits"]))


if __name__ == "__main__":
    main()
