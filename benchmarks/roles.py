"""Role figures: how often a person found in a dev sample gets the role the gold gives them.

    .venv/bin/python benchmarks/roles.py [--errors] [--json]

Runs the Detector blind (no known people) on the TXT of every **dev** sample
(variants v1, v2, v5, v6, v7, v8). The held-out variants (v3, v4) are never
opened: their files are skipped by name before anything is read.

Each gold PERSON span with a role is matched to the PERSON finding that
overlaps it most; the finding's role (``None`` counts as ``third_party``) is
compared with the gold role (``other`` and ``x`` mean ``third_party``).
Printed: per-role precision and recall over the matched spans, overall
accuracy, the confusion matrix, how many gold spans no finding covers
(those count as neither right nor wrong), and how many personal-data findings
are linked to a person (the gold has no owners, so this is coverage, not accuracy). ``--errors`` lists the mismatches
(document, gold text, gold role, found role, reason), for tuning on dev only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLES = ROOT / "samples" / "documents"
DEV_VARIANTS = ("v1", "v2", "v5", "v6", "v7", "v8")
ROLES = ("subject", "complainant", "witness", "officer", "public_figure", "third_party")
GOLD_SYNONYMS = {"other": "third_party", "x": "third_party", None: "third_party"}


def dev_documents() -> list[Path]:
    """The TXT of every dev sample; held-out names are filtered before any file is opened."""
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        variant = re.search(r"-(v\d+)\.txt$", path.name)
        if variant and variant.group(1) in DEV_VARIANTS:
            out.append(path)
    return out


def gold_role(role: str | None) -> str:
    return GOLD_SYNONYMS.get(role, role)  # type: ignore[arg-type]


def score(detector, paths: list[Path]) -> dict:
    from redactor.detect.tie import is_owned_type
    from redactor.formats.text import PlainText

    pairs: list[tuple[str, str]] = []
    missed: Counter[str] = Counter()
    errors: list[dict] = []
    linked: Counter[str] = Counter()
    personal: Counter[str] = Counter()
    for path in paths:
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        doc = PlainText().read(text.encode("utf-8"), path.name)
        findings = detector.detect(doc)
        people = [f for f in findings if f.entity_type == "PERSON"]
        for f in findings:
            if f.entity_type != "PERSON" and is_owned_type(f.entity_type):
                personal[f.entity_type] += 1
                linked[f.entity_type] += f.person is not None
        for span in gold["spans"]:
            if span["type"] != "PERSON":
                continue
            expected = gold_role(span.get("role"))
            overlaps = [(min(f.end, span["end"]) - max(f.start, span["start"]), f) for f in people
                        if f.start < span["end"] and f.end > span["start"]]
            if not overlaps:
                missed[expected] += 1
                continue
            found = max(overlaps, key=lambda o: o[0])[1]
            predicted = found.role if found.role in ROLES else "third_party"
            pairs.append((expected, predicted))
            if expected != predicted:
                errors.append({"document": path.stem, "text": span["text"], "gold": expected, "found": predicted,
                               "reason": getattr(found, "role_reason", None)})
    return {"pairs": pairs, "missed": missed, "errors": errors, "linked": linked, "personal": personal}


def figures(result: dict) -> dict:
    pairs = result["pairs"]
    out: dict = {"roles": {}, "matched": len(pairs), "missed": sum(result["missed"].values())}
    for role in ROLES:
        tp = sum(1 for g, p in pairs if g == role and p == role)
        predicted = sum(1 for _, p in pairs if p == role)
        gold = sum(1 for g, _ in pairs if g == role)
        if not predicted and not gold:
            continue
        out["roles"][role] = {"precision": tp / predicted if predicted else 0.0, "recall": tp / gold if gold else 0.0,
                              "gold": gold, "predicted": predicted, "missed": result["missed"][role]}
    out["accuracy"] = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    out["confusion"] = {f"{g}->{p}": n for (g, p), n in sorted(Counter(pairs).items())}
    out["linked"] = {t: [result["linked"][t], n] for t, n in sorted(result["personal"].items())}
    return out


def print_table(fig: dict) -> None:
    print(f"{'role':<14} {'P':>5} {'R':>5} {'gold':>5} {'found':>6} {'uncovered':>9}")
    for role, r in fig["roles"].items():
        print(f"{role:<14} {r['precision']:5.2f} {r['recall']:5.2f} {r['gold']:5d} {r['predicted']:6d} "
              f"{r['missed']:9d}")
    print(f"accuracy {fig['accuracy']:.3f} over {fig['matched']} matched gold PERSON spans "
          f"({fig['missed']} not covered by any finding)")
    print("confusion (gold->found):", ", ".join(f"{k} {v}" for k, v in fig["confusion"].items()))
    linked = sum(a for a, _ in fig["linked"].values())
    total = sum(n for _, n in fig["linked"].values())
    print(f"personal-data findings linked to a person: {linked} of {total} "
          "(" + ", ".join(f"{t} {a}/{n}" for t, (a, n) in fig["linked"].items()) + ")")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the mismatches (dev only)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    from redactor.detect import Detector

    result = score(Detector(), dev_documents())
    fig = figures(result)
    if args.json:
        print(json.dumps(fig, indent=2))
    else:
        print_table(fig)
    if args.errors:
        for e in result["errors"]:
            print(f"{e['document']:<32} {e['text']!r:<32} gold={e['gold']:<12} found={e['found']:<12} {e['reason']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
