"""Per-path checks on the sample documents (both splits), as the README reports them.

    .venv/bin/python benchmarks/paths.py [--formats txt,docx,pdf] [--json]

* public: press releases come out unchanged (written, nothing removed; document metadata is always cleared).
* third-party-notice (9c): notices of investigation and suspension letters leak no identifier of
  the subject.
* subject-access: membership exports, requested by the member under investigation (the gold
  subject), keep the requester's data and leak no one else's.
* complainant-outcome (9f): outcome letters keep every outcome sentence and leak no allegation,
  evidence or witness (sentence gold: samples/sentence-kinds.gold.json).

Roles are not given: redactor infers them (except the requester, which subject access needs).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "samples" / "documents"


def run(formats: list[str]) -> dict:
    from redactor import Redactor
    from redactor.detect import KnownPerson
    from redactor.errors import RedactorError
    from redactor.formats import format_for
    from redactor.path_checks import Tally, only_requester, outcome_only, subject_not_identified
    from redactor.pipeline import Request

    sentences = json.loads((ROOT / "samples" / "sentence-kinds.gold.json").read_text(encoding="utf-8")) if (
        ROOT / "samples" / "sentence-kinds.gold.json").exists() else {}
    r = Redactor()
    table: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    press: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for gold_file in sorted(DOCS.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        stem, split, kind = gold_file.name[: -len(".gold.json")], gold["split"], gold["kind"]
        text = (DOCS / f"{stem}.txt").read_text(encoding="utf-8")
        subject = next((s["text"] for s in gold["spans"] if s["type"] == "PERSON" and s.get("role") == "subject"),
                       None)
        for fmt in formats:
            src = DOCS / f"{stem}.{fmt}"
            data = src.read_bytes()

            def redact(path: str, people=(), _data=data, _name=src.name) -> str | None:
                try:
                    out = r.redact_bytes(_data, _name, Request(path=path, people=tuple(people))).output
                except RedactorError:
                    return None
                return format_for(_name).extract_text(out)

            key = f"{split}/{fmt}"
            if kind == "press-release":  # written, with nothing removed (metadata is always cleared)
                press[key][0] += 1
                try:
                    outcome = r.redact_bytes(data, src.name, Request(path="public"))
                    press[key][1] += outcome.report["summary"]["removed"] == 0
                except RedactorError:
                    pass
            if kind in ("notice-of-investigation", "suspension-letter"):
                out = redact("third-party-notice")
                table["third-party-notice"][key].add(subject_not_identified(text, gold["spans"], out or ""))
            if kind == "membership-export" and subject:
                out = redact("subject-access", [KnownPerson(subject, "subject")])
                table["subject-access"][key].add(only_requester(text, gold["spans"], out or "", subject))
            if kind == "outcome-letter" and stem in sentences:
                out = redact("complainant-outcome")
                table["complainant-outcome"][key].add(outcome_only(text, sentences[stem], out or "", gold["spans"]))
    return {"press_releases_unchanged": {k: {"documents": v[0], "unchanged": v[1]} for k, v in press.items()},
            "paths": {p: {k: t.to_json() for k, t in rows.items()} for p, rows in table.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--formats", default="txt,docx,pdf")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = run(args.formats.split(","))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print("| check | split/format | result |\n|---|---|---|")
    for key, v in sorted(result["press_releases_unchanged"].items()):
        print(f"| public: press release unchanged | {key} | {v['unchanged']}/{v['documents']} |")
    for path, rows in result["paths"].items():
        for key, t in sorted(rows.items()):
            kept = f", kept {t['kept']}/{t['must_stay']}" if t["must_stay"] else ""
            print(f"| {path} | {key} | leaked {t['leaked']}/{t['must_go']}{kept} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
