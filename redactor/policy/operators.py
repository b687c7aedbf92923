"""What an action turns a removed region into: Presidio's anonymizer operators plus redactor's own.

* ``redact``: Presidio ``Replace`` with the path's mark (``[PERSON]``, ``[REDACTED 9(c)]``).
* ``mask``: Presidio ``Mask``.
* ``encrypt``: Presidio ``Encrypt`` (AES, key from ``REDACTOR_ENCRYPTION_KEY`` or a key file),
  written as ``[ENC:<ciphertext>]`` so ``redactor decrypt`` can find and reverse it.
* ``pseudonymise``: :class:`Pseudonyms`, consistent labels per person (``Member A``,
  ``Complainant 1``, ``Witness 2``) within a document and across a batch or case, and keyed
  tags for other values (``[EMAIL 3f9a1c]``), stable between runs with the same key.
* ``generalise``: a coarser value (a date becomes its year, a postcode its outward code).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import string
from collections.abc import Callable
from pathlib import Path

from presidio_anonymizer.operators import Decrypt, Encrypt, Mask, Replace

from ..errors import UsageError

ENCRYPTION_KEY_ENV = "REDACTOR_ENCRYPTION_KEY"
PSEUDONYM_KEY_ENV = "REDACTOR_PSEUDONYM_KEY"
ENCRYPTED = re.compile(r"\[ENC:([A-Za-z0-9+/=_-]{16,})\]")

ROLE_LABELS = {"subject": "Member", "complainant": "Complainant", "witness": "Witness", "officer": "Officer",
               "public_figure": "Public figure", "third_party": "Person"}
_TITLES = re.compile(r"^(mr|mrs|ms|miss|mx|dr|cllr|councillor|prof|professor|rev|sir|dame|lord|lady)\.?\s+", re.I)


def replace(original: str, mark: str) -> str:
    return Replace().operate(original, {"new_value": mark})


def mask(original: str) -> str:
    return Mask().operate(original, {"masking_char": "*", "chars_to_mask": len(original), "from_end": False})


def load_key(env: str, key_file: str | Path | None, purpose: str) -> str | None:
    """A key from ``key_file`` if given, else from the environment variable ``env``."""
    if key_file is not None:
        try:
            return Path(key_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise UsageError(f"cannot read {purpose} key file {key_file}: {exc.strerror}") from None
    return os.environ.get(env) or None


def _aes_key(key: str | None) -> str:
    if not key:
        raise UsageError(f"this path encrypts: give a key with --key-file or {ENCRYPTION_KEY_ENV} "
                         "(16, 24 or 32 characters)")
    if len(key.encode("utf-8")) not in (16, 24, 32):
        raise UsageError("the encryption key must be 16, 24 or 32 bytes long (AES-128/192/256)")
    return key


def encrypt(original: str, key: str | None) -> str:
    return f"[ENC:{Encrypt().operate(original, {'key': _aes_key(key)})}]"


def decrypt_text(text: str, key: str | None) -> tuple[str, int]:
    """Every ``[ENC:...]`` token of ``text`` decrypted; returns the text and how many were."""
    k = _aes_key(key)
    count = 0

    def plain(m: re.Match[str]) -> str:
        nonlocal count
        try:
            value = Decrypt().operate(m.group(1), {"key": k})
        except Exception:  # a wrong key or a damaged token: leave it as it is
            return m.group(0)
        count += 1
        return value

    return ENCRYPTED.sub(plain, text), count


def _person_key(name: str) -> str:
    name = _TITLES.sub("", re.sub(r"[’']s$", "", name.strip()))
    return " ".join(re.findall(r"\w+", name.casefold()))


class Pseudonyms:
    """Consistent pseudonyms for one run: share one instance across a batch or a case.

    People are numbered per role in order of first appearance (the case file's order first),
    so the same documents give the same labels in every run. A surname or first name alone
    is matched to a person already seen with that word. Other values get a keyed tag.
    """

    def __init__(self, key: str | None = None) -> None:
        self.key = (key or os.environ.get(PSEUDONYM_KEY_ENV) or secrets.token_hex(16)).encode("utf-8")
        self.keyed = bool(key or os.environ.get(PSEUDONYM_KEY_ENV))
        self._labels: dict[str, str] = {}
        self._counts: dict[str, int] = {}

    def person(self, name: str, role: str | None) -> str:
        key = _person_key(name)
        if key in self._labels:
            return self._labels[key]
        words = key.split()
        for known, label in self._labels.items():
            kw = known.split()
            if words and (set(words) <= set(kw) or set(kw) <= set(words)):
                self._labels[key] = label
                return label
        label = self._next(role or "third_party")
        self._labels[key] = label
        return label

    def _next(self, role: str) -> str:
        prefix = ROLE_LABELS.get(role, "Person")
        n = self._counts.get(prefix, 0)
        self._counts[prefix] = n + 1
        if prefix == "Member":
            letters = string.ascii_uppercase
            tag = letters[n] if n < 26 else letters[n // 26 - 1] + letters[n % 26]
            return f"{prefix} {tag}"
        return f"{prefix} {n + 1}"

    def value(self, entity_type: str, original: str) -> str:
        digest = hmac.new(self.key, f"{entity_type}:{_person_key(original)}".encode(), hashlib.sha256).hexdigest()
        return f"[{entity_type} {digest[:6]}]"

    def register(self, name: str, role: str | None) -> None:
        """Give a known party its label now (case-file order), before any document is read."""
        self.person(name, role)


_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_OUTWARD = re.compile(r"^\s*([A-Z]{1,2}\d[A-Z\d]?)\s*\d[A-Z]{2}\s*$", re.I)


def _date(original: str) -> str:
    m = _YEAR.search(original)
    return m.group(0) if m else "[DATE]"


def _postcode(original: str) -> str:
    m = _OUTWARD.match(original)
    return m.group(1).upper() if m else "[POSTCODE]"


#: entity type -> coarser value; a type without one is replaced by its mark
GENERALISERS: dict[str, Callable[[str], str]] = {
    "DATE": _date,
    "POSTCODE": _postcode,
    "PERSON": lambda _original: "a member",
    "ADDRESS": lambda _original: "[ADDRESS]",
}
