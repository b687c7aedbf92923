"""The report: what was removed and why, never the removed text in clear.

Each finding carries its type, location (page or paragraph), score, the
recognizer that found it, the action and the reason (the disclosure path and
its paragraph of the code). Removed text appears only as a keyed hash and a
length: HMAC-SHA256 with the key from ``REDACTOR_REPORT_KEY`` if set (then
the key is not in the report), otherwise with a random salt stored in the
report so a holder of the original can check a value.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections import Counter
from collections.abc import Sequence
from typing import Any

from . import __version__
from .document import Decision, Document
from .policy import DisclosurePath, Judgement


class Hasher:
    def __init__(self) -> None:
        env = os.environ.get("REDACTOR_REPORT_KEY")
        self.key = env.encode() if env else secrets.token_bytes(16)
        self.salt = None if env else self.key.hex()

    def __call__(self, value: str) -> str:
        return hmac.new(self.key, value.encode("utf-8"), hashlib.sha256).hexdigest()

    @classmethod
    def of_report(cls, report: dict[str, Any]) -> Hasher | None:
        """The hasher that made ``report``'s ``text_hmac`` values, if its key is at hand."""
        spec = report.get("hash") or {}
        hasher = cls.__new__(cls)
        if spec.get("salt"):
            hasher.key, hasher.salt = bytes.fromhex(spec["salt"]), spec["salt"]
        elif os.environ.get("REDACTOR_REPORT_KEY"):
            hasher.key, hasher.salt = os.environ["REDACTOR_REPORT_KEY"].encode(), None
        else:
            return None
        return hasher


PLP_NOTE = ("material flagged plp: a disciplinary matter under the Standing Orders of the Parliamentary "
            "Labour Party, to which paragraph 8 of the code does not apply (para. 10)")


def build_report(doc: Document, path: DisclosurePath, judgements: Sequence[Judgement],
                 decisions: Sequence[Decision], *, model: str, input_sha256: str, checked: int,
                 seconds: dict[str, float], status: str = "written", classification: Any = None,
                 request: Any = None) -> dict[str, Any]:
    hasher = Hasher()
    changed = [j for j in judgements if j.action != "keep"]
    people: dict[str, dict[str, Any]] = {}
    for j in judgements:
        f = j.finding
        if f.person:
            entry = people.setdefault(f.person, {"person": f.person, "role": f.role or "third_party",
                                                 "why": getattr(f, "role_reason", None), "mentions": 0,
                                                 "action": j.action})
            entry["mentions"] += 1
    notes = list(path.notes)
    if classification is not None and classification.plp:
        notes.append(PLP_NOTE)
    return {
        "redactor": __version__,
        "status": status,
        "input": {"format": doc.format, "sha256": input_sha256, "characters": len(doc.text),
                  "blocks": len(doc.blocks)},
        "path": {"name": path.name, "version": path.version, "paragraph": path.paragraph, "title": path.title,
                 "recipient": (request.recipient if request is not None and request.recipient else path.recipient),
                 "basis": request.basis if request is not None else None,
                 "permission_ref": request.permission_ref if request is not None else None,
                 "case": request.case if request is not None else None},
        "classification": _classification(classification),
        "notes": notes,
        "model": model,
        "summary": {
            "findings": len(judgements),
            "removed": len(changed),
            "regions": len(decisions),
            "by_type": dict(sorted(Counter(j.finding.entity_type for j in judgements).items())),
            "by_action": dict(sorted(Counter(j.action for j in judgements).items())),
        },
        "people": list(people.values()),
        "findings": [
            {
                "type": j.finding.entity_type,
                "start": j.finding.start,
                "end": j.finding.end,
                "location": doc.where(j.finding.start, j.finding.end),
                "score": j.finding.score,
                "recognizer": j.finding.recognizer,
                "person": j.finding.person,
                "role": j.finding.role,
                "action": j.action,
                "reason": j.reason,
                "length": j.finding.length,
                "text_hmac": hasher(doc.text[j.finding.start:j.finding.end]),
                **({"category": j.category} if j.category else {}),
            }
            for j in judgements
        ],
        "hash": {"algorithm": "hmac-sha256", "salt": hasher.salt,
                 "key": "REDACTOR_REPORT_KEY" if hasher.salt is None else "salt"},
        "verification": {"removed_values_checked": checked, "leaks": 0},
        "warnings": list(doc.warnings),
        "seconds": {k: round(v, 4) for k, v in seconds.items()},
    }


def _classification(classification: Any) -> dict[str, Any] | None:
    """Labels with scores and the ids and offsets of their cues (cue phrases are configuration, but
    the report keeps to ids and offsets all the same)."""
    if classification is None:
        return None

    def labels(items: Any) -> list[dict[str, Any]]:
        return [{"label": lab.label, "score": round(lab.score, 3), "paragraph": lab.paragraph,
                 "evidence": [{"cue": e.cue, "start": e.start, "end": e.end} for e in lab.evidence]}
                for lab in items]

    return {"categories": labels(classification.categories), "plp": classification.plp,
            "sections": [{"start": s.start, "end": s.end, "labels": s.names} for s in classification.sections]}
