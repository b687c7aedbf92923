"""The organisation's own contact details are not personal data.

An e-mail address whose local part names an office (``press@``,
``membership@``, ``secretary.branch@``: ``role_mailboxes``), an address on
the same line as one of the organisation's public postcodes
(``public_postcodes``), and the phone numbers, e-mail addresses and references
on the organisation's own contact lines (``Press Office: ...``,
``organisation_line_cues``) are left in the document, and so are the phone numbers and
references of a press release that names no one (``Ref: PR/2025/031``, the press line), and the
addresses it gives (a venue's, the office's). All of it is
organisation configuration in ``models/detection.yaml``.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..document import Finding
from .lines import line_spans
from .vocabulary import data, word_set

ADDRESS_TYPES = frozenset({"ADDRESS", "POSTCODE"})
CONTACT_TYPES = frozenset({"PHONE", "EMAIL", "CASE_REF", "ADDRESS", "POSTCODE", "URL"})
CONTACT_LINE_MAX = 160


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


def _contact_lines(text: str, findings: list[Finding]) -> list[tuple[int, int]]:
    """The organisation's own contact lines.

    A short line that starts with a cue (``Press Office: ...``, ``Promoted by ...``), perhaps
    after a short label (``Contact: Press Office, ...``), or names one in brackets
    (``... (regional office)``), or that holds a role mailbox and no other e-mail address.
    A cue inside prose does not count.
    """
    cue = "|".join(re.escape(c) for c in data()["organisation_line_cues"])
    labelled = re.compile(rf"(?im)^[ \t]*(?:[\w ]{{1,25}}:[ \t]*)?(?:{cue})|\((?:{cue})\)")
    emails = sorted((f for f in findings if f.entity_type == "EMAIL"), key=lambda f: f.start)
    email_starts = [f.start for f in emails]
    lines = []
    for start, end in line_spans(text):
        if end - start > CONTACT_LINE_MAX:
            continue
        on_line = emails[bisect.bisect_left(email_starts, start):bisect.bisect_left(email_starts, end)]
        roles = [f for f in on_line if is_role_mailbox(text[f.start:f.end])]
        if labelled.search(text, start, end) or (roles and len(roles) == len(on_line)):
            lines.append((start, end))
    return lines


#: In a release that names no one, findings of these types can only be the organisation's own (its press
#: line, its references, its web pages), a public venue's (``the launch is at the Hope Street depot, Salford
#: M5 4BU``), its dates, or about groups of people (``many Muslim and Orthodox Jewish women``): no one they
#: could be about.
RELEASE_TYPES = frozenset({"PHONE", "CASE_REF", "ADDRESS", "POSTCODE", "URL", "DATE", "DATE_MENTION", "HEALTH",
                           "RELIGION", "ETHNICITY", "SEXUAL_ORIENTATION", "TRADE_UNION", "POLITICAL_OPINION"})


@lru_cache(maxsize=1)
def _release_cue() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in data()["release_cues"])
    return re.compile(rf"(?i)(?<!\w)(?:{cues})(?!\w)")


def is_release(text: str) -> bool:
    """Whether the text presents itself as a release for publication (``release_cues``)."""
    return _release_cue().search(text) is not None


def _anonymous_release(text: str, findings: list[Finding]) -> bool:
    """Whether the text is a release for publication (``release_cues``) that names no person (no finding of
    the ``identifier_anchors`` types, which tie everything around them to a person)."""
    anchors = set(data()["identifier_anchors"])
    if any(g.entity_type in anchors for g in findings):
        return False
    return _release_cue().search(text) is not None


def drop_organisation_contacts(text: str, findings: list[Finding]) -> list[Finding]:
    public = _public_lines(text)
    contact = _contact_lines(text, findings)
    release = _anonymous_release(text, findings)
    kept = []
    for f in findings:
        if f.entity_type == "EMAIL" and is_role_mailbox(text[f.start:f.end]):
            continue
        if f.entity_type == "EMAIL" and not any(s <= f.start and f.end <= e for s, e in contact):
            kept.append(f)
            continue
        if f.entity_type in ADDRESS_TYPES and any(s <= f.start and f.end <= e for s, e in public):
            continue
        if f.entity_type in CONTACT_TYPES and any(s <= f.start and f.end <= e for s, e in contact):
            continue
        if release and f.entity_type in RELEASE_TYPES:
            continue  # a release that names no one: its numbers, references and venues are the organisation's
        kept.append(f)
    return kept
