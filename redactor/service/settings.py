"""The service's configuration: tokens, the upload limit and the time limit, from the environment.

``redactor serve`` turns its options into these variables so that every uvicorn worker process
reads the same configuration:

* ``REDACTOR_TOKEN`` (one token) or ``REDACTOR_TOKEN_FILE`` (one token a line, optionally after a
  name: ``alice 3f9a...``; ``#`` starts a comment). The name, or ``token-<first 8 hex of its
  SHA-256>``, is the identity recorded in a review's report.
* ``REDACTOR_MAX_UPLOAD_MB`` (default 50), ``REDACTOR_REQUEST_TIMEOUT`` seconds (default 120),
  ``REDACTOR_MODEL`` (a spaCy model name).
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError

DEFAULT_MAX_MB = 50
DEFAULT_TIMEOUT = 120.0


@dataclass(frozen=True)
class Settings:
    tokens: dict[str, str] = field(default_factory=dict)  # token -> identity
    max_bytes: int = DEFAULT_MAX_MB * 2**20
    timeout: float = DEFAULT_TIMEOUT
    model: str | None = None
    threads: int = 4  # documents worked on at once in one worker (detection itself is serialised)
    #: make the worker's private folder the process's temporary folder (``tempfile.tempdir``), so that
    #: spooled uploads and any library's temporary files land there; ``redactor serve`` always does
    #: (its worker processes are its own), an app embedded in another program need not
    private_tempdir: bool = False

    @classmethod
    def from_environment(cls) -> Settings:
        tokens: dict[str, str] = {}
        if os.environ.get("REDACTOR_TOKEN_FILE"):
            tokens.update(read_tokens(Path(os.environ["REDACTOR_TOKEN_FILE"])))
        if os.environ.get("REDACTOR_TOKEN", "").strip():
            token = os.environ["REDACTOR_TOKEN"].strip()
            tokens[token] = anonymous_identity(token)
        return cls(tokens=tokens, max_bytes=int(float(os.environ.get("REDACTOR_MAX_UPLOAD_MB", DEFAULT_MAX_MB))
                                                * 2**20),
                   timeout=float(os.environ.get("REDACTOR_REQUEST_TIMEOUT", DEFAULT_TIMEOUT)),
                   model=os.environ.get("REDACTOR_MODEL") or None, private_tempdir=True)

    def identity(self, authorization: str | None) -> str | None:
        """The identity of a valid ``Authorization: Bearer`` header, else None (every token is compared,
        each in constant time)."""
        if not authorization or not authorization.startswith("Bearer "):
            return None
        given = authorization[len("Bearer "):].strip().encode("utf-8")
        found = None
        for token, who in self.tokens.items():
            if hmac.compare_digest(given, token.encode("utf-8")):
                found = who
        return found


def anonymous_identity(token: str) -> str:
    return "token-" + hashlib.sha256(token.encode("utf-8")).hexdigest()[:8]


def read_tokens(path: Path) -> dict[str, str]:
    """Tokens of a token file: ``TOKEN`` or ``NAME TOKEN`` a line; blank lines and ``#`` comments skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read the token file {path}: {exc.strerror}") from None
    tokens: dict[str, str] = {}
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        who, _, token = line.rpartition(" ")
        if len(token) < 16:
            raise UsageError(f"a token in {path} is shorter than 16 characters")
        tokens[token] = who.strip() or anonymous_identity(token)
    if not tokens:
        raise UsageError(f"the token file {path} holds no token")
    return tokens


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
