"""The organisation's own contact details are not personal data.

An e-mail address whose local part names an office (``press@``,
``membership@``, ``secretary.branch@``: ``role_mailboxes``) and an address on
the same line as one of the organisation's public postcodes
(``public_postcodes``, organisation configuration in ``models/detection.yaml``)
are left in the document.
"""
from __future__ import annotations

import re

from ..document import Finding
from .vocabulary import data, word_set

ADDRESS_TYPES = frozenset({"ADDRESS", "POSTCODE"})


def is_role_mailbox(address: str) -> bool:
    local = address.split("@", 1)[0].lower()
    first = re.split(r"[._\-+]", local)[0]
    return first in word_set("role_mailboxes")


def _public_lines(text: str) -> list[tuple[int, int]]:
    lines = []
    for postcode in data()["public_postcodes"]:
        pattern = r"\s*".join(re.escape(p) for p in postcode.split())
        for m in re.finditer(rf"(?<![A-Z0-9]){pattern}(?![A-Z0-9])", text):
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            lines.append((start, end if end >= 0 else len(text)))
    return lines


def drop_organisation_contacts(text: str, findings: list[Finding]) -> list[Finding]:
    public = _public_lines(text)
    kept = []
    for f in findings:
        if f.entity_type == "EMAIL" and is_role_mailbox(text[f.start:f.end]):
            continue
        if f.entity_type in ADDRESS_TYPES and any(s <= f.start and f.end <= e for s, e in public):
            continue
        kept.append(f)
    return kept
