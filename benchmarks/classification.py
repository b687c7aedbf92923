"""Classification quality on a labelled set: per-category precision, recall, F1 and macro-F1.

    .venv/bin/python benchmarks/classification.py                 # held-out sets (the README figures)
    .venv/bin/python benchmarks/classification.py --split cv      # 5-fold cross-validation on the training sets
    .venv/bin/python benchmarks/classification.py --split train   # the training sets (a sanity check)
    .venv/bin/python benchmarks/classification.py --json

Sections are classified by the full classifier (cue patterns + trained textcat) as one
document each; sentence kinds by the sentence classifier. The held-out files were written
independently of the training files and are never used to train.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "models" / "classification"
LABELS = ["5a", "5b-minutes", "5b-committee", "5b-membership", "5b-elections", "5bc-disciplinary", "none", "plp"]
KINDS = ["outcome", "allegation", "evidence", "procedure", "other"]


def read(name: str) -> list[dict]:
    return [json.loads(x) for x in (HERE / name).read_text(encoding="utf-8").splitlines() if x.strip()]


def prf(pairs: list[tuple[set[str], set[str]]], label: str) -> dict[str, float]:
    tp = sum(1 for gold, got in pairs if label in gold and label in got)
    fp = sum(1 for gold, got in pairs if label not in gold and label in got)
    fn = sum(1 for gold, got in pairs if label in gold and label not in got)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "support": tp + fn}


def section_pairs(rows: list[dict], model_dir: Path | None = None) -> list[tuple[set[str], set[str]]]:
    from redactor.classify import Classifier

    clf = Classifier(model_dir=model_dir)
    pairs = []
    for row in rows:
        c = clf.classify(row["text"])
        got = set(c.names) | ({"plp"} if c.plp else set())
        gold = set(row["cats"]) | ({"plp"} if row.get("plp") else set())
        pairs.append((gold, got))
    return pairs


def sentence_pairs(rows: list[dict], model_dir: Path | None = None) -> list[tuple[set[str], set[str]]]:
    from redactor.classify.sentences import SentenceClassifier

    sc = SentenceClassifier()
    if model_dir is not None:
        import spacy

        sc.textcat = spacy.load(model_dir)
    return [({row["label"]}, {sc.classify(row["text"], [(0, len(row["text"]))])[0].kind}) for row in rows]


def cross_validated(name: str, rows: list[dict], folds: int = 5) -> list[tuple[set[str], set[str]]]:
    """Pairs for every row, each predicted by a model trained without its fold."""
    import tempfile

    sys.path.insert(0, str(HERE))
    from train import train  # models/classification/train.py

    pairs = []
    for k in range(folds):
        test = [r for i, r in enumerate(rows) if i % folds == k]
        fit = [r for i, r in enumerate(rows) if i % folds != k]
        with tempfile.TemporaryDirectory() as tmp:
            model = train(name, fit, Path(tmp) / "model")
            pairs += (section_pairs if name == "sections" else sentence_pairs)(test, model)
    return pairs


def evaluate_sections(rows: list[dict], pairs: list | None = None) -> dict:
    pairs = pairs if pairs is not None else section_pairs(rows)
    per = {label: prf(pairs, label) for label in LABELS}
    categories = [lab for lab in LABELS if lab != "plp"]
    macro = sum(per[lab]["f1"] for lab in categories) / len(categories)
    exact = sum(1 for gold, got in pairs if gold == got) / len(pairs)
    return {"documents": len(rows), "per_label": per, "macro_f1": round(macro, 3), "exact_match": round(exact, 3)}


def evaluate_sentences(rows: list[dict], pairs: list | None = None) -> dict:
    pairs = pairs if pairs is not None else sentence_pairs(rows)
    per = {k: prf(pairs, k) for k in KINDS}
    macro = sum(per[k]["f1"] for k in KINDS) / len(KINDS)
    accuracy = sum(1 for gold, got in pairs if gold == got) / len(pairs)
    return {"sentences": len(rows), "per_kind": per, "macro_f1": round(macro, 3), "accuracy": round(accuracy, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["heldout", "train", "cv"], default="heldout")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.split == "cv":
        rows, sent = read("train.jsonl"), read("sentences-train.jsonl")
        result = {"split": "cv", "sections": evaluate_sections(rows, cross_validated("sections", rows)),
                  "sentences": evaluate_sentences(sent, cross_validated("sentences", sent))}
    else:
        sections_file = "heldout.jsonl" if args.split == "heldout" else "train.jsonl"
        result = {"split": args.split, "sections": evaluate_sections(read(sections_file)),
                  "sentences": evaluate_sentences(read(f"sentences-{args.split}.jsonl"))}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    s = result["sections"]
    print(f"Sections ({s['documents']} labelled texts, {args.split}): macro-F1 {s['macro_f1']}, "
          f"exact match {s['exact_match']}")
    print("| label | precision | recall | F1 | support |\n|---|---|---|---|---|")
    for label, m in s["per_label"].items():
        print(f"| {label} | {m['precision']:.2f} | {m['recall']:.2f} | {m['f1']:.2f} | {m['support']} |")
    t = result["sentences"]
    print(f"\nSentence kinds ({t['sentences']} sentences): macro-F1 {t['macro_f1']}, accuracy {t['accuracy']}")
    print("| kind | precision | recall | F1 | support |\n|---|---|---|---|---|")
    for kind, m in t["per_kind"].items():
        print(f"| {kind} | {m['precision']:.2f} | {m['recall']:.2f} | {m['f1']:.2f} | {m['support']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
