"""redactor: leak-proof redaction of personal data and Confidential Matters.

    >>> import redactor
    >>> result = redactor.redact("letter.docx", output="letter.redacted.docx", path="public",
    ...                          subject=["Jane Okoro"], report="letter.report.json")  # doctest: +SKIP
    >>> result.status, result.by_type                                                   # doctest: +SKIP
    ('written', {'EMAIL': 1, 'PERSON': 3})

:mod:`redactor.api` is the API (:func:`redact`, :func:`check`, :func:`review`,
:func:`redact_reviewed`, :func:`classify_document`, :func:`paths`, :func:`sniff`); :class:`Redactor` is
the engine behind it (models load once; safe to share between threads). The heavy parts (spaCy,
Presidio, format libraries) are imported only when used.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["CheckResult", "Outcome", "Proposal", "Redactor", "Request", "Result", "__version__", "check",
           "classify_document", "load_path", "paths", "redact", "redact_reviewed", "review", "sniff"]

_API = ("redact", "review", "redact_reviewed", "check", "paths", "sniff", "Result", "Proposal", "CheckResult")

if TYPE_CHECKING:
    from .api import CheckResult, Proposal, Result, check, paths, redact, redact_reviewed, review, sniff
    from .api import classify as classify_document
    from .pipeline import Outcome, Redactor, Request
    from .policy import load_path


def __getattr__(name: str) -> Any:
    if name in ("Redactor", "Outcome", "Request"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in _API:
        from . import api

        return getattr(api, name)
    if name == "classify_document":  # ``redactor.classify`` is the classification package
        from .api import classify

        return classify
    if name == "load_path":
        from .policy import load_path

        return load_path
    raise AttributeError(name)
