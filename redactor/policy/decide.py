"""Deciding: what the disclosure path does to each finding, as non-overlapping regions.

Each finding gets an action from the path (its rules, then the person's role, then the
entity type); content judgements (withheld sections, removed sentences) come from
:mod:`.content`. Findings whose action changes the text are merged where they overlap, so
a region is changed whole, by the strongest action in it (withhold > redact > encrypt >
mask > generalise > pseudonymise); the region's label is that of its longest finding.
The replacement text comes from :mod:`.operators` (Presidio's operators and redactor's own).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..detect.types import kind, placeholder
from ..document import Decision, Finding
from . import operators
from .schema import DisclosurePath

STRENGTH = {"pseudonymise": 1, "generalise": 2, "mask": 3, "encrypt": 4, "redact": 5, "withhold": 6}


@dataclass(frozen=True)
class Judgement:
    """One finding with the action the path gives it and why."""

    finding: Finding
    action: str
    reason: str
    category: str | None = None  # for a withheld section: the category that withheld it...
    category_paragraph: str | None = None  # ...and that category's paragraph of the code


@dataclass
class Context:
    """What operators need beyond the text: pseudonyms shared across a batch, the encryption key,
    and each person's longest name in the document (what a pseudonym is keyed on)."""

    pseudonyms: operators.Pseudonyms = field(default_factory=operators.Pseudonyms)
    encryption_key: str | None = None
    names: dict[str, str] = field(default_factory=dict)


def judge(findings: Sequence[Finding], path: DisclosurePath) -> list[Judgement]:
    """The path's action and reason for every finding."""
    out = []
    for f in findings:
        action, own_reason = path.action_for(f.entity_type, f.role)
        why = own_reason or path.reasons.get(kind(f.entity_type), "removed by the disclosure path")  # type: ignore[call-overload]
        if action == "keep":
            why = own_reason or "kept: the disclosure path permits it"
        out.append(Judgement(f, action, f"{path.name} (para. {path.paragraph}): {why}"))
    return out


def decide(text: str, judgements: Sequence[Judgement], path: DisclosurePath | None = None,
           context: Context | None = None) -> list[Decision]:
    """Sorted, disjoint regions to change, each with its replacement text."""
    context = context or Context()
    for j in judgements:
        f = j.finding
        if f.entity_type == "PERSON" and f.person:
            best = context.names.get(f.person, "")
            if len(text[f.start:f.end]) > len(best):
                context.names[f.person] = text[f.start:f.end]
    changing = sorted((j for j in judgements if j.action != "keep"), key=lambda j: (j.finding.start, -j.finding.end))
    groups: list[list[Judgement]] = []
    end = -1
    for j in changing:
        if groups and j.finding.start < end:
            groups[-1].append(j)
            end = max(end, j.finding.end)
        else:
            groups.append([j])
            end = j.finding.end
    return [_region(text, g, path, context) for g in groups]


def _region(text: str, group: list[Judgement], path: DisclosurePath | None, context: Context) -> Decision:
    start = min(j.finding.start for j in group)
    end = max(j.finding.end for j in group)
    strongest = max(group, key=lambda j: STRENGTH.get(j.action, 5))
    action = strongest.action
    lead = strongest if action == "withhold" else max(
        (j for j in group if j.action == action), key=lambda j: (j.finding.length, j.finding.score))
    f = lead.finding
    original = text[start:end]
    marks = path.marks if path is not None else None
    label = placeholder(f.entity_type).strip("[]")
    paragraph = path.paragraph if path is not None else ""
    mark = (marks.text if marks else "[{label}]").format(label=label, paragraph=paragraph)
    if action == "withhold":
        template = marks.withheld if marks else "[WITHHELD: {category}]"
        replacement = template.format(category=lead.category or "confidential",
                                      paragraph=lead.category_paragraph or paragraph, label=label)
    elif action == "mask":
        replacement = operators.mask(original)
    elif action == "encrypt":
        replacement = operators.encrypt(original, context.encryption_key)
    elif action == "pseudonymise" and _one_value(text, group):
        if f.entity_type == "PERSON":
            replacement = context.pseudonyms.person(context.names.get(f.person or "", original), f.role)
        else:
            replacement = context.pseudonyms.value(f.entity_type, original)
    elif action == "generalise" and f.entity_type in operators.GENERALISERS and _one_value(text, group):
        replacement = operators.GENERALISERS[f.entity_type](original)
    else:
        action = "redact" if action in ("pseudonymise", "generalise") else action
        replacement = operators.replace(original, mark)
    box_label = None
    if marks is not None and marks.pdf_labels:
        box_label = replacement if action in ("redact", "withhold") else mark
    return Decision(start, end, f.entity_type, action, replacement, lead.reason, tuple(j.finding for j in group),
                    box_label)


def _one_value(text: str, group: list[Judgement]) -> bool:
    """Every finding of the group covers the same value (a pseudonym or generalisation stays exact)."""
    lead = group[0].finding
    return all(j.finding.entity_type == lead.entity_type and (j.finding.person == lead.person or (
        j.finding.start, j.finding.end) == (lead.start, lead.end)) for j in group)
