"""People's pseudonyms in file order, whichever worker redacts which file.

``Member A``, ``Complainant 1``, ``Witness 2`` are numbered in order of first appearance
across the batch (:class:`~redactor.policy.operators.Pseudonyms`), so they depend on the
order files are decided in. With several workers, each worker plans its file recording
the people it would label (:class:`RecordingPseudonyms`); the parent replays those calls
file by file, in the batch's sorted order, on the batch's one ``Pseudonyms``
(:func:`replay`), and the worker decides again with the labels it gets back
(:class:`ReplayedPseudonyms`). The outputs are those of a one-by-one run. Other values'
tags (``[EMAIL 3f9a1c]``) are keyed, not numbered, and need no replay: every worker gets
the batch's key. Only paths that pseudonymise people pay for the round trip (:func:`needs_order`).
"""
from __future__ import annotations

from ..errors import RedactorError
from ..policy import DisclosurePath
from ..policy.operators import ROLE_LABELS, Pseudonyms

Call = tuple[str, "str | None"]
Label = tuple[str, "str | None", str]


def needs_order(disclosure: DisclosurePath) -> bool:
    """Whether ``disclosure`` pseudonymises people for any role (then labels depend on file order)."""
    roles: list[str | None] = [None, *ROLE_LABELS]
    return any(disclosure.action_for("PERSON", role)[0] == "pseudonymise" for role in roles)


class RecordingPseudonyms(Pseudonyms):
    """Pseudonyms that also note every person asked for, in order, until :meth:`take`."""

    def __init__(self, key: str | None = None) -> None:
        super().__init__(key)
        self.calls: list[Call] = []

    def person(self, name: str, role: str | None) -> str:
        self.calls.append((name, role))
        return super().person(name, role)

    def take(self) -> list[Call]:
        calls, self.calls = self.calls, []
        return calls


class ReplayedPseudonyms(Pseudonyms):
    """Pseudonyms that give each person the label the batch's replay gave them."""

    def __init__(self, key: str | None, labels: list[Label]) -> None:
        super().__init__(key)
        self.table = {(name, role): label for name, role, label in labels}

    def person(self, name: str, role: str | None) -> str:
        try:
            return self.table[(name, role)]
        except KeyError:  # decide asked for someone planning did not: never guess a label
            raise RedactorError("pseudonyms out of step between planning and writing") from None


def replay(book: Pseudonyms, calls: list[Call]) -> list[Label]:
    """Ask ``book`` for every call of one file, in order; the labels the file's decisions must use."""
    return [(name, role, book.person(name, role)) for name, role in calls]
