"""Confidential Matters classification (paragraph 5 of the code of conduct).

Each document, and each of its sections (:mod:`.sections`), gets the labels
``5a``, ``5b-minutes``, ``5b-committee``, ``5b-membership``, ``5b-elections``,
``5bc-disciplinary``, ``5d`` or ``none``, plus the flag ``plp`` (paragraph 10),
each with a score and its evidence.

Two spaCy parts decide together (``models/classification/categories.yaml``):

* a trained ``textcat_multilabel`` component (``models/classification/sections-model``,
  built by ``models/classification/train.py``), and
* a ``span_ruler`` of cue patterns, each with a weight and the paragraph it
  maps to; an organisation's own 5d categories add patterns of their own.

A label's score is ``1 - (1 - textcat) * prod(1 - cue weight)`` and holds at the
configured threshold. Evidence never quotes document text beyond the matched
cue phrase, which is vocabulary from the configuration.
"""
from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language

from ..errors import UsageError
from ..resources import load_yaml, model_file, model_yaml
from .sections import Section, split_sections

CATEGORIES = ("5a", "5b-minutes", "5b-committee", "5b-membership", "5b-elections", "5bc-disciplinary", "5d")
FLAG = "plp"
CHUNK_CHARS = 1_500  # the model reads a text in paragraph-sized chunks: its training texts are 25-250 words
MAX_CHUNKS = 40
CUE_CHARS = 1_000_000  # cue patterns read the whole text (a safety cap, not a window)
ONE_MATTER_CHARS = 20_000  # up to this length a letter or statement is read as one matter
MODEL_ALONE = 0.6  # without any cue, the trained model must be at least this sure
HEADER_CHARS = 400


@dataclass(frozen=True)
class Evidence:
    """Why a label holds: a cue (where it is, what it matched) or the trained model's score."""

    cue: str
    paragraph: str
    weight: float
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"cue": self.cue, "paragraph": self.paragraph, "weight": round(self.weight, 3)}
        if self.start is not None:
            out.update(start=self.start, end=self.end, text=self.text)
        return out


@dataclass
class Label:
    label: str
    score: float
    paragraph: str
    evidence: list[Evidence] = field(default_factory=list)
    category: str | None = None  # the organisation's name for a 5d category

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"label": self.label, "score": round(self.score, 3), "paragraph": self.paragraph,
                               "evidence": [e.to_json() for e in self.evidence]}
        if self.category:
            out["category"] = self.category
        return out


@dataclass
class SectionLabels:
    start: int
    end: int
    kind: str
    labels: list[Label]
    plp: bool = False

    @property
    def names(self) -> list[str]:
        return [lab.label for lab in self.labels]

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "plp": self.plp,
                "categories": [lab.to_json() for lab in self.labels]}


@dataclass
class Classification:
    """Document-level labels (the union of the sections' and the whole text's) and each section's."""

    categories: list[Label]
    sections: list[SectionLabels]
    plp: bool = False

    @property
    def names(self) -> list[str]:
        return [lab.label for lab in self.categories]

    def to_json(self, file: str | None = None) -> dict[str, Any]:
        return {"file": file, "categories": [lab.to_json() for lab in self.categories], "plp": self.plp,
                "sections": [s.to_json() for s in self.sections]}


@dataclass(frozen=True)
class _Cue:
    label: str
    weight: float
    paragraph: str
    category: str | None


class Classifier:
    """Loads the classification pipeline once; :meth:`classify` is then cheap per document."""

    def __init__(self, categories_file: str | Path | None = None, model_dir: str | Path | None = None) -> None:
        config = model_yaml("classification/categories.yaml")
        self.threshold: float = config["threshold"]
        self.meta: dict[str, dict[str, str]] = config["categories"]
        custom = list(config.get("custom") or [])
        if categories_file is not None:
            custom += _load_custom(Path(categories_file))
        self.nlp = spacy.load(model_dir) if model_dir is not None else _load_textcat("sections-model")
        combiner = model_file("classification/combiner.json")
        fitted = json.loads(combiner.read_text(encoding="utf-8")) if combiner.is_file() and model_dir is None else {}
        self.combiner: dict[str, dict] = fitted.get("labels", {})
        self.thresholds: dict[str, float] = {k: v["threshold"] for k, v in self.combiner.items()}
        self.cues: dict[str, _Cue] = {}
        patterns = []
        for label, entries in config["cues"].items():
            for entry in entries:
                patterns += self._pattern(label, entry, self.meta[label]["paragraph"], None)
        for cat in custom:
            for entry in cat["cues"]:
                patterns += self._pattern("5d", entry, cat.get("paragraph", "5(d)"), cat["name"])
        ruler = self.nlp.add_pipe("span_ruler", name="confidential_cues",
                                  config={"spans_key": "cues", "phrase_matcher_attr": "LOWER", "validate": True})
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]

    def _pattern(self, label: str, entry: dict, paragraph: str, category: str | None) -> list[dict]:
        """The span ruler's patterns for one cue (see :func:`_as_phrases`), all under its key."""
        cue_id = f"{category}:{entry['id']}" if category else entry["id"]
        key = f"{label}|{cue_id}"
        self.cues[key] = _Cue(label, float(entry["weight"]), paragraph, category)
        return [{"label": label, "pattern": pattern, "id": key}
                for pattern in _as_phrases(entry["pattern"], self.nlp.tokenizer)]

    # -- scoring -----------------------------------------------------------------------------------
    def cue_evidence(self, doc: Any, offset: int = 0) -> dict[str, Label]:
        """The cues found in one spaCy doc, grouped by label (score not yet set)."""
        found: dict[str, Label] = {}
        seen: list[tuple[str, int, int]] = []
        for span in sorted(doc.spans.get("cues", []), key=lambda sp: (sp.start_char, -sp.end_char)):
            if any(k == span.id_ and a < span.end_char and span.start_char < b for k, a, b in seen):
                continue  # overlapping matches of one cue are one piece of evidence
            seen.append((span.id_, span.start_char, span.end_char))
            cue = self.cues[span.id_]
            lab = found.setdefault(cue.label, Label(cue.label, 0.0, cue.paragraph))
            lab.evidence.append(Evidence(span.id_.split("|", 1)[1], cue.paragraph, cue.weight,
                                         offset + span.start_char, offset + span.end_char, span.text))
            lab.category = lab.category or cue.category
        return found

    def combine(self, name: str, p: float, own: Sequence[Evidence], present: set[str]) -> float:
        """A label's score from the textcat probability and the cues present in the text.

        With a fitted combiner (``combiner.json``: a logistic regression per label, fitted by
        train.py on cross-validated model predictions) the score is ``sigmoid(bias + a * logit(p)
        + sum of the learned weights of the cues present)``: every cue, of any label, has a learned
        weight for every label, so a confident "no" of the model or a cue that speaks against the
        label (an explainer, a parish council) counts. Without one (5d, which has no training
        data) it is the noisy-or of the model and the label's own cue weights from the
        configuration. Either way a label needs a cue for it or a model at least ``MODEL_ALONE`` sure.
        """
        fit = self.combiner.get(name)
        if fit is None:
            weights = {e.cue: e.weight for e in own}  # one weight per distinct cue
            if not weights and p < MODEL_ALONE:
                return 0.0
            return 1.0 - (1.0 - p) * math.prod(1.0 - w for w in weights.values() if w > 0)
        learned = fit["cues"]
        if p < MODEL_ALONE and not any(learned.get(k, self._prior(name, k)) > 0 for k in present
                                       if k.startswith(name + "|")):
            return 0.0  # no cue for it and an unsure model: no evidence, no label
        q = min(max(p, 1e-4), 1 - 1e-4)
        z = fit["bias"] + fit["model"] * math.log(q / (1 - q)) + sum(self._weight(name, k, learned) for k in present)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def model_scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """The trained model's score per label for each text: the highest over its paragraph-sized
        chunks, so a long letter is read the way the model was trained (short texts), and one
        paragraph about a case is enough."""
        chunked = [_chunks(t) for t in texts]
        flat = [c for chunks in chunked for c in chunks]
        with self.nlp.select_pipes(disable=["confidential_cues"]):
            cats = [d.cats for d in self.nlp.pipe(flat)]
        out, i = [], 0
        for chunks in chunked:
            part = cats[i:i + len(chunks)]
            i += len(chunks)
            out.append({k: max(c.get(k, 0.0) for c in part) for k in (part[0] if part else {})})
        return out

    def _weight(self, name: str, key: str, learned: dict[str, float]) -> float:
        """A cue's weight for a label: the learned one; the configured one if the combiner never saw
        the cue; and a cue configured as evidence *against* its label never counts for less than
        its configuration says (training data has few such texts, so the fit under-weights them)."""
        prior = self._prior(name, key)
        if key not in learned:
            return prior
        return min(learned[key], prior) if prior < 0 else learned[key]

    def _prior(self, name: str, key: str) -> float:
        """A cue the combiner never saw in training (new, or an organisation's): its configured weight
        as log-odds for its own label, nothing for the others."""
        cue = self.cues.get(key)
        if cue is None or cue.label != name:
            return 0.0
        w = max(-0.99, min(0.99, cue.weight))
        return math.log((1 + w) / (1 - w))

    def _score(self, doc: Any, offset: int, cats: dict[str, float] | None = None) -> dict[str, Label]:
        """Labels of one spaCy doc (a section or the whole text), offsets shifted into the document;
        ``cats`` are the model's scores when they were read from a shorter slice of the text."""
        found = self.cue_evidence(doc, offset)
        cats = doc.cats if cats is None else cats
        present = {f"{name}|{e.cue}" for name, lab in found.items() for e in lab.evidence}
        labels = {}
        for name in (*CATEGORIES, FLAG):
            lab = found.get(name)
            p = float(cats.get(name, 0.0))
            evidence = list(lab.evidence) if lab else []
            score = self.combine(name, p, evidence, present)
            if score < self.thresholds.get(name, self.threshold):
                continue
            paragraph = self.meta[name]["paragraph"] if lab is None else lab.paragraph
            if p >= 0.05:
                evidence.append(Evidence("textcat", paragraph, p))
            labels[name] = Label(name, score, paragraph, evidence, lab.category if lab else None)
        return labels

    def classify(self, text: str) -> Classification:
        sections = split_sections(text) or [Section(0, len(text), "start")]
        spans = [(s.start, s.end) for s in sections] + [(0, len(text))]
        distinct = list(dict.fromkeys(spans))  # a one-section text is read once, not as section and whole
        read = dict(zip(distinct, self.model_scores([text[a:b] for a, b in distinct])))
        with self.nlp.select_pipes(enable=["confidential_cues"]):
            cued = dict(zip(distinct, self.nlp.pipe(text[a:b][:CUE_CHARS] for a, b in distinct)))
        scored = [self._score(cued[span], span[0], read[span]) for span in spans]
        whole, per_section = scored[-1], scored[:-1]
        whole_own = set(whole)
        itemised = _itemised(sections)
        if not itemised and len(text) <= ONE_MATTER_CHARS:
            # a letter, statement or release reads as one matter: a section of it takes a topic only
            # if the whole text has it (the whole has more context than a slice of it); a marking
            # (5a) stays where it is
            for labels in per_section:
                for name in [n for n in labels if n not in whole and self.meta[n].get("scope") != "marking"]:
                    del labels[name]
        # otherwise a section's label is also the document's (minutes' items, the emails of a chain)
        for labels in per_section:
            for name, lab in labels.items():
                if name not in whole or lab.score > whole[name].score:
                    whole[name] = lab
        self._inherit(text, whole, per_section, sections, whole_own)
        out_sections = []
        for s, labels in zip(sections, per_section):
            plp = FLAG in labels and "5bc-disciplinary" in labels
            out_sections.append(SectionLabels(s.start, s.end, s.kind, _ordered(labels), plp))
        plp = FLAG in whole and "5bc-disciplinary" in whole
        return Classification(_ordered(whole), out_sections, plp)

    def _inherit(self, text: str, whole: dict[str, Label], per_section: list[dict[str, Label]],
                 sections: Sequence[Section], whole_own: set[str]) -> None:
        """Spread document-wide labels to sections: a marking in the header or footer covers the
        whole document; a document that reads as minutes or committee papers is so throughout;
        a single-topic document (a letter about one case, not minutes' items or a chain of
        emails) lends its topic to untopical sections."""
        n = len(text)
        for name, lab in whole.items():
            scope = self.meta.get(name, {}).get("scope", "topic")
            if scope == "marking":
                spread = any(e.start is not None and (e.start < HEADER_CHARS or e.start > n - HEADER_CHARS
                                                      or e.start < sections[0].end) for e in lab.evidence)
            elif scope == "document":  # the whole text reads as minutes, or most of its sections do
                spread = name in whole_own or sum(name in s for s in per_section) * 2 >= len(per_section)
            else:  # a letter or report about one matter; never the items of minutes or the emails of a chain
                topics = {t for s in per_section for t in s if self.meta.get(t, {}).get("scope") == "topic"}
                itemised = _itemised(sections)
                spread = topics <= {name, FLAG} and not itemised
            if not spread:
                continue
            for labels in per_section:
                if name not in labels and not (scope == "topic" and any(
                        self.meta.get(t, {}).get("scope") == "topic" for t in labels)):
                    labels[name] = Label(name, lab.score, lab.paragraph,
                                         [Evidence("document", lab.paragraph, lab.score)], lab.category)


def _as_phrases(pattern: Any, tokenizer: Any) -> list[Any]:
    """A token pattern of plain words (``[{LOWER: word or {IN: [...]}}, ...]``) as the phrases it spells.

    spaCy's Matcher tries every token pattern at every token of the text; the PhraseMatcher
    looks each token up once, whatever the number of phrases. A pattern of lower-case words
    and word sets, without operators, matches exactly the phrases of its combinations when
    the tokenizer reads each phrase as those words, so it is given to the span ruler as those
    phrases (its ``phrase_matcher_attr`` is ``LOWER``; it merges one cue's matches). Any
    other pattern is kept as it is.
    """
    if isinstance(pattern, str):
        return [pattern]
    choices = []
    for token in pattern:
        value = token.get("LOWER") if set(token) == {"LOWER"} else None
        if isinstance(value, dict) and set(value) == {"IN"}:
            value = value["IN"]
        words = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        if not words or not all(isinstance(w, str) and w == w.lower() for w in words):
            return [pattern]
        choices.append(dict.fromkeys(words))
    phrases = [list(words) for words in itertools.product(*choices)]
    if any([t.text for t in tokenizer(" ".join(words))] != words for words in phrases):
        return [pattern]
    return [" ".join(words) for words in phrases]


def _itemised(sections: Sequence[Section]) -> bool:
    """Minutes' agenda items or a chain of emails, rather than a letter with a numbered heading."""
    return any(s.kind == "message" for s in sections) or sum(s.kind == "item" for s in sections) >= 2


def _chunks(text: str) -> list[str]:
    """Paragraph-aligned pieces of ``text`` of at most about ``CHUNK_CHARS`` (at least one, at most MAX_CHUNKS)."""
    if len(text) <= CHUNK_CHARS:
        return [text]
    pieces, current = [], ""
    for para in text.split("\n\n"):
        while len(para) > CHUNK_CHARS:
            head, para = para[:CHUNK_CHARS], para[CHUNK_CHARS:]
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if current and len(current) + len(para) + 2 > CHUNK_CHARS:
            pieces.append(current)
            current = para
        else:
            current = f"{current}\n\n{para}" if current else para
    if current:
        pieces.append(current)
    return pieces[:MAX_CHUNKS] or [text[:CHUNK_CHARS]]


def _ordered(labels: dict[str, Label]) -> list[Label]:
    """The labels by score, the flag left out; ``none`` when there is none."""
    real = [lab for name, lab in labels.items() if name != FLAG]
    if not real:
        return [Label("none", 1.0, "", [Evidence("no-cue", "", 1.0)])]
    return sorted(real, key=lambda lab: -lab.score)


def _load_textcat(name: str) -> Language:
    path = Path(str(model_file(f"classification/{name}")))
    if not (path / "config.cfg").exists():
        raise UsageError(f"the classification model {name} is missing; run models/classification/train.py")
    # The saved tokenizer is the English default the config builds anyway (same rules and patterns, checked
    # when trained); reading it back from disk again would only repeat its 2,700 special cases (cold start).
    return spacy.load(path, exclude=["tokenizer"])


def _load_custom(path: Path) -> list[dict]:
    """An organisation's own 5d categories: ``custom: [{name, paragraph?, cues: [...]}]``."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read categories file {path}: {exc}") from None
    cats = data.get("custom") if isinstance(data, dict) else None
    if not isinstance(cats, list):
        raise UsageError(f"{path}: expected a list under 'custom'")
    for i, cat in enumerate(cats):
        if not isinstance(cat, dict) or "name" not in cat or not isinstance(cat.get("cues"), list):
            raise UsageError(f"{path}: custom[{i}] needs a 'name' and a list of 'cues'")
        for j, cue in enumerate(cat["cues"]):
            if not isinstance(cue, dict) or not {"id", "weight", "pattern"} <= set(cue):
                raise UsageError(f"{path}: custom[{i}].cues[{j}] needs 'id', 'weight' and 'pattern'")
    return cats


__all__ = ["CATEGORIES", "Classification", "Classifier", "Evidence", "Label", "SectionLabels"]

