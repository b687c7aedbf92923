"""Authorised reversal: decrypting the values a path with ``encrypt`` wrote into a copy.

The copy is read with its format's reader, every ``[ENC:...]`` token becomes a
decision whose replacement is the plain value, and the same format's writer
writes the result: the same machinery that redacted it, run the other way.
"""
from __future__ import annotations

from pathlib import Path

from .document import Decision
from .errors import UsageError
from .formats import format_for
from .pipeline import check_destination, read_input, write_atomically
from .policy.operators import ENCRYPTED, ENCRYPTION_KEY_ENV, decrypt_text, load_key

REVERSIBLE = {".txt", ".md", ".docx"}


def decrypt_file(src: str | Path, dst: str | Path, key_file: str | Path | None = None) -> int:
    """Write ``src`` with its encrypted values decrypted to ``dst``; returns how many were."""
    src, dst = Path(src), Path(dst)
    check_destination(src, dst, None)
    if src.suffix.lower() not in REVERSIBLE:
        raise UsageError(f"decrypt reads {', '.join(sorted(REVERSIBLE))} copies; a PDF carries no encrypted text")
    key = load_key(ENCRYPTION_KEY_ENV, key_file, "encryption")
    fmt = format_for(src.name)
    doc = fmt.read(read_input(src), src.name)
    decisions = []
    for m in ENCRYPTED.finditer(doc.text):
        plain, n = decrypt_text(m.group(0), key)
        if n:
            decisions.append(Decision(m.start(), m.end(), "ENCRYPTED", "decrypt", plain, "authorised reversal"))
    write_atomically(dst, fmt.write(doc, decisions))
    return len(decisions)
