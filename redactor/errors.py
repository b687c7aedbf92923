"""Errors meant for the user, each with the exit code the CLI documents.

Every failure the user can cause or meet is one of these; the CLI prints
``str(error)`` as one line on stderr and exits with ``error.exit_code``.
Messages never contain text from the document being redacted.
"""
from __future__ import annotations


class RedactorError(Exception):
    """Base class: any other failure (exit 1)."""

    exit_code = 1


class UsageError(RedactorError):
    """The command line or an option is wrong (exit 2)."""

    exit_code = 2


class UnsupportedInput(RedactorError):
    """The input's type is not one redactor reads (exit 3)."""

    exit_code = 3


class UnreadableInput(RedactorError):
    """The input is missing, empty, corrupt, encrypted or otherwise unreadable (exit 3)."""

    exit_code = 3


class LimitExceeded(UnreadableInput):
    """The input goes over one of the limits of :mod:`redactor.limits` (exit 3).

    ``limit`` is the limit's option name (``pages``, ``stream-size``); the message says how
    to raise it.
    """

    def __init__(self, message: str, limit: str = "") -> None:
        super().__init__(message)
        self.limit = limit

    def __reduce__(self):  # pickled by the guard's child process with its limit name
        return (type(self), (str(self), self.limit))


class UnsafeToRedact(RedactorError):
    """redactor cannot guarantee the output is clean, so it writes nothing (exit 4)."""

    exit_code = 4


class Withheld(RedactorError):
    """The disclosure path withholds the whole document (exit 5); ``report`` says why."""

    exit_code = 5

    def __init__(self, message: str, report: dict | None = None) -> None:
        super().__init__(message)
        self.report = report


class PathDefinitionError(UsageError):
    """A disclosure-path file is invalid; the message names the file and the field."""


EXIT_CODES = {
    0: "written",
    1: "any other failure",
    2: "usage error",
    3: "unsupported or unreadable input",
    4: "refused as unsafe to redact",
    5: "withheld by the disclosure path",
}
