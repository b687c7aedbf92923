"""Deciding: what the disclosure path does to each finding, as non-overlapping regions.

Each finding gets an action from the path (by the person's role, then by
entity type). Findings whose action changes the text are merged where they
overlap, so a region is removed whole; a region's label is that of its
longest finding. Replacement text comes from Presidio's anonymizer operators.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from presidio_anonymizer.operators import Mask, Replace

from ..detect.types import kind, placeholder
from ..document import Decision, Finding
from ..errors import UsageError
from .schema import DisclosurePath

SUPPORTED_ACTIONS = {"keep", "redact", "mask"}


@dataclass(frozen=True)
class Judgement:
    """One finding with the action the path gives it and why."""

    finding: Finding
    action: str
    reason: str


def judge(findings: Sequence[Finding], path: DisclosurePath) -> list[Judgement]:
    """The path's action and reason for every finding."""
    out = []
    for f in findings:
        action = path.action_for(f.entity_type, f.role)
        if action not in SUPPORTED_ACTIONS:
            raise UsageError(f"disclosure path {path.name!r} asks to {action} {f.entity_type}, "
                             "which this version of redactor cannot do yet")
        why = path.reasons.get(kind(f.entity_type), "removed by the disclosure path")  # type: ignore[call-overload]
        out.append(Judgement(f, action, f"{path.name} (para. {path.paragraph}): {why}"))
    return out


def decide(text: str, judgements: Sequence[Judgement]) -> list[Decision]:
    """Sorted, disjoint regions to change, each with its replacement text."""
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
    return [_region(text, g) for g in groups]


def _region(text: str, group: list[Judgement]) -> Decision:
    start = min(j.finding.start for j in group)
    end = max(j.finding.end for j in group)
    lead = max(group, key=lambda j: (j.finding.length, j.finding.score))
    action = "mask" if all(j.action == "mask" for j in group) else "redact"
    original = text[start:end]
    if action == "mask":
        replacement = Mask().operate(original, {"masking_char": "*", "chars_to_mask": len(original), "from_end": False})
    else:
        replacement = Replace().operate(original, {"new_value": placeholder(lead.finding.entity_type)})
    return Decision(start, end, lead.finding.entity_type, action, replacement, lead.reason,
                    tuple(j.finding for j in group))
