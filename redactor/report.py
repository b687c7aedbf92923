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


def build_report(doc: Document, path: DisclosurePath, judgements: Sequence[Judgement],
                 decisions: Sequence[Decision], *, model: str, input_sha256: str, checked: int,
                 seconds: dict[str, float], status: str = "written") -> dict[str, Any]:
    hasher = Hasher()
    changed = [j for j in judgements if j.action != "keep"]
    people: dict[str, dict[str, Any]] = {}
    for j in judgements:
        f = j.finding
        if f.person:
            entry = people.setdefault(f.person, {"person": f.person, "role": f.role, "mentions": 0})
            entry["mentions"] += 1
    return {
        "redactor": __version__,
        "status": status,
        "input": {"format": doc.format, "sha256": input_sha256, "characters": len(doc.text),
                  "blocks": len(doc.blocks)},
        "path": {"name": path.name, "version": path.version, "paragraph": path.paragraph, "title": path.title},
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
            }
            for j in judgements
        ],
        "hash": {"algorithm": "hmac-sha256", "salt": hasher.salt,
                 "key": "REDACTOR_REPORT_KEY" if hasher.salt is None else "salt"},
        "verification": {"removed_values_checked": checked, "leaks": 0},
        "warnings": list(doc.warnings),
        "seconds": {k: round(v, 4) for k, v in seconds.items()},
    }
