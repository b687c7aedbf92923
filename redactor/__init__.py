"""redactor: leak-proof redaction of personal data and Confidential Matters.

    >>> import redactor
    >>> r = redactor.Redactor()                      # loads the spaCy model once, on first use
    >>> outcome = r.redact_file("letter.docx", "letter.redacted.docx", path="public", subjects=["Jane Okoro"])
    >>> outcome.report["summary"]["by_type"]

The heavy parts (spaCy, Presidio, format libraries) are imported only when used.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Redactor", "Outcome", "load_path", "__version__"]

if TYPE_CHECKING:
    from .pipeline import Outcome, Redactor
    from .policy import load_path


def __getattr__(name: str) -> Any:
    if name in ("Redactor", "Outcome"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "load_path":
        from .policy import load_path

        return load_path
    raise AttributeError(name)
