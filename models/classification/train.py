"""Train redactor's two text classifiers from the labelled examples in this folder.

    python models/classification/train.py                       # everything
    python models/classification/train.py sections combiner     # some of it

* ``sections-model``: Confidential Matters categories of a section (multi-label,
  ``textcat_multilabel``) plus the ``plp`` flag, from ``train.jsonl``.
* ``combiner.json``: how a section's label score weighs the model against the cue
  patterns of ``categories.yaml``: a logistic regression per label over
  cross-validated (5-fold) model predictions and cue features, and the threshold
  that maximises that label's F1 out of fold.
* ``sentences-model``: the kind of a sentence of a disciplinary text (outcome,
  allegation, evidence, procedure, other; ``textcat``), from ``sentences-train.jsonl``.

Every seventh example is kept aside as spaCy's development set (for choosing
the best checkpoint); ``heldout.jsonl`` and ``sentences-heldout.jsonl`` are never
read here: they measure the result (``benchmarks/classification.py``).
Training is deterministic: fixed seed, fixed order, CPU.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
CATEGORIES = ["5a", "5b-minutes", "5b-committee", "5b-membership", "5b-elections", "5bc-disciplinary", "5d", "plp"]
KINDS = ["outcome", "allegation", "evidence", "procedure", "other"]


def section_cats(row: dict) -> dict[str, float]:
    cats = {c: 0.0 for c in CATEGORIES}
    for label in row["cats"]:
        if label != "none":
            cats[label] = 1.0
    cats["plp"] = 1.0 if row.get("plp") else 0.0
    return cats


def sentence_cats(row: dict) -> dict[str, float]:
    return {k: 1.0 if row["label"] == k else 0.0 for k in KINDS}


MODELS = {
    "sections": (["train.jsonl", "train-more.jsonl", "train-third.jsonl"], "sections.cfg", section_cats),
    "sentences": (["sentences-train.jsonl", "sentences-more.jsonl"], "sentences.cfg", sentence_cats),
}
FOLDS = 5


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def training_rows(name: str) -> list[dict]:
    return [row for f in MODELS[name][0] if (HERE / f).exists() for row in read_jsonl(HERE / f)]


def to_docbin(rows: list[dict], cats, nlp) -> DocBin:
    db = DocBin()
    for row in rows:
        doc = nlp.make_doc(row["text"])
        doc.cats = cats(row)
        db.add(doc)
    return db


def train(name: str, rows: list[dict] | None = None, out: Path | None = None) -> Path:
    """Train model ``name`` on ``rows`` (default: its training file) into ``out`` (default: shipped place)."""
    _, cfg, cats = MODELS[name]
    rows = training_rows(name) if rows is None else rows
    dev = [r for i, r in enumerate(rows) if i % 7 == 3]
    train_rows = [r for i, r in enumerate(rows) if i % 7 != 3]
    nlp = spacy.blank("en")
    out = out or HERE / f"{name}-model"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        to_docbin(train_rows, cats, nlp).to_disk(t / "train.spacy")
        to_docbin(dev, cats, nlp).to_disk(t / "dev.spacy")
        spacy_train(HERE / cfg, t / "out", overrides={"paths.train": str(t / "train.spacy"),
                                                       "paths.dev": str(t / "dev.spacy")})
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(t / "out" / "model-best", out)
    print(f"{name}: {len(train_rows)} training and {len(dev)} development examples -> {out}")
    return out


def fit_combiner() -> Path:
    """Fit the per-label combiner on out-of-fold predictions of models trained without each fold.

    Features of a text for label L: the fold model's log-odds for L, and one indicator per cue
    (of any label) of categories.yaml present in the text. The threshold is the one that
    maximises L's F1 out of fold, with the classifier's evidence gate applied.
    """
    sys.path.insert(0, str(HERE.parent.parent))
    from redactor.classify import MODEL_ALONE, Classifier

    rows = training_rows("sections")
    logits: dict[str, list[float]] = {c: [] for c in CATEGORIES}
    present: list[set[str]] = []
    truth: dict[str, list[int]] = {c: [] for c in CATEGORIES}
    for k in range(FOLDS):
        fit = [r for i, r in enumerate(rows) if i % FOLDS != k]
        test = [r for i, r in enumerate(rows) if i % FOLDS == k]
        with tempfile.TemporaryDirectory() as tmp:
            clf = Classifier(model_dir=train("sections", fit, Path(tmp) / "model"))
            scores = clf.model_scores([r["text"] for r in test])  # as the classifier reads a text
            for row, doc, cats in zip(test, clf.nlp.pipe(r["text"] for r in test), scores):
                found = clf.cue_evidence(doc)
                present.append({f"{name}|{e.cue}" for name, lab in found.items() for e in lab.evidence})
                gold = section_cats(row)
                for c in CATEGORIES:
                    q = min(max(float(cats.get(c, 0.0)), 1e-4), 1 - 1e-4)
                    logits[c].append(float(np.log(q / (1 - q))))
                    truth[c].append(int(gold[c]))
    vocabulary = sorted(set().union(*present))
    cues = np.array([[1.0 if key in keys else 0.0 for key in vocabulary] for keys in present])
    labels = {}
    for c in CATEGORIES:
        y = np.array(truth[c], dtype=float)
        if y.sum() < 5:  # no training data for it (5d): the classifier falls back to noisy-or
            continue
        x = np.hstack([np.array(logits[c])[:, None], cues])
        bias, weights = logistic_regression(x, y)
        scores = 1 / (1 + np.exp(-(bias + x @ weights)))
        own = np.array([1.0 if key.startswith(c + "|") and w > 0 else 0.0 for key, w in zip(vocabulary, weights[1:])])
        has_cue = (cues @ own) > 0  # a cue for this label that the fit counts in its favour
        gate = float(np.log(MODEL_ALONE / (1 - MODEL_ALONE)))
        scores[(~has_cue) & (x[:, 0] < gate)] = 0.0  # the classifier's evidence gate: no cue for it, model unsure
        threshold, f1 = best_threshold(scores, y)
        labels[c] = {"bias": round(float(bias), 5), "model": round(float(weights[0]), 5),
                     "cues": {key: round(float(w), 4) for key, w in zip(vocabulary, weights[1:]) if abs(w) >= 0.01},
                     "threshold": threshold, "positives": int(y.sum()), "out_of_fold_f1": f1}
    if os.environ.get("REDACTOR_DUMP_OOF"):  # for development: out-of-fold features, to study errors
        Path(os.environ["REDACTOR_DUMP_OOF"]).write_text(json.dumps(
            {"logits": logits, "present": [sorted(p) for p in present], "truth": truth, "labels": labels}),
            encoding="utf-8")
    out = HERE / "combiner.json"
    out.write_text(json.dumps({"folds": FOLDS, "examples": len(rows),
                               "features": "logit(textcat) and one indicator per cue of categories.yaml",
                               "labels": labels}, indent=1) + "\n", encoding="utf-8")
    print(f"combiner: {len(rows)} out-of-fold examples -> {out}")
    return out


def logistic_regression(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[float, np.ndarray]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    penalty = np.diag([0.0] + [l2] * x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(a @ w)))
        gradient = a.T @ (p - y) + penalty @ w
        hessian = a.T @ (a * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    return w[0], w[1:]


def best_threshold(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The threshold in [0.2, 0.8] with the best F1 (ties to the one nearest 0.5), and that F1."""
    best = (-1.0, 0.0, 0.5)
    for t in np.arange(0.2, 0.81, 0.05):
        predicted = scores >= t
        tp = float((predicted & (y == 1)).sum())
        f1 = 2 * tp / (predicted.sum() + y.sum()) if tp else 0.0
        best = max(best, (round(f1, 4), -abs(t - 0.5), round(float(t), 2)))
    return best[2], best[0]


STEPS = {"sections": lambda: train("sections"), "combiner": fit_combiner, "sentences": lambda: train("sentences")}

if __name__ == "__main__":
    for step in sys.argv[1:] or list(STEPS):
        STEPS[step]()
