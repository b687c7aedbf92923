"""How much one file may cost: sizes, counts, depths, time and memory, each with a default.

Documents come from outside, and some are built to hurt the tool that opens them (a
decompression bomb, a billion laughs, a page tree that loops, a message nested two
thousand deep). Every reader checks what it opens against one :class:`Limits` and
refuses a file over any of them with :class:`LimitExceeded` (exit 3), whose one line
names the limit and how to raise it (``--limit pages=N``). Sizes are counted while
decompressing, never after: a bomb is stopped at the limit, not once it has filled
memory.

The limits in force travel with the :class:`~redactor.pipeline.Request` and are made
current for the duration of a read (:func:`using`), so a reader nested inside another
(a PDF attached to an e-mail) checks the same limits without every layer passing them
on; :func:`current` gives them (the defaults outside any :func:`using`).
"""
from __future__ import annotations

import contextvars
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace

from .errors import LimitExceeded, UsageError

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30
#: libxml2 refuses deeper XML itself unless its "huge" mode is on, which redactor never turns on.
XML_DEPTH_CEILING = 256


@dataclass(frozen=True)
class Limits:
    """What one file may cost. ``0`` turns a time or memory limit off; every other limit must be positive.

    Each field is one ``--limit NAME=VALUE`` (the name with dashes: ``file_size`` is
    ``file-size``); sizes take ``K``, ``M`` or ``G`` (``--limit stream-size=1G``).
    """

    #: bytes of the input file itself
    file_size: int = 200 * MIB
    #: pages of a PDF
    pages: int = 2000
    #: bytes of any one decompressed stream: a PDF stream (Flate chains decoded as they are
    #: counted), the members of a DOCX/ZIP package together, one decoded e-mail part
    stream_size: int = 256 * MIB
    #: members of a ZIP package (DOCX)
    zip_members: int = 10_000
    #: how many times larger than its compressed size a ZIP member may be
    zip_ratio: int = 200
    #: nesting of XML elements in a DOCX part (libxml2 refuses more than 256 anyway)
    xml_depth: int = XML_DEPTH_CEILING
    #: nesting of MIME containers (multipart, message/rfc822, attached messages)
    mime_depth: int = 20
    #: MIME leaves of one message
    mime_parts: int = 2000
    #: pixels (width x height) of one image in a PDF
    image_pixels: int = 200_000_000
    #: characters of text read from one file
    text_length: int = 10_000_000
    #: wall-clock seconds for one file (0: no limit)
    seconds: float = 300
    #: memory one file may add to the process, in bytes (0: no limit)
    memory: int = 4 * GIB

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value < 0 or (value == 0 and f.name not in OPTIONAL):
                raise UsageError(f"the {option_name(f.name)} limit must be positive, not {value}")
        if self.xml_depth > XML_DEPTH_CEILING:
            raise UsageError(f"the xml-depth limit cannot be above {XML_DEPTH_CEILING} "
                             "(libxml2's own ceiling, which redactor never lifts)")

    def check(self, name: str, value: int | float, what: str) -> None:
        """Raise :class:`LimitExceeded` when ``value`` is over the limit ``name`` (a field name)."""
        limit = getattr(self, name)
        if limit and value > limit:
            raise exceeded(name, limit, what)

    def with_options(self, options: list[tuple[str, str]]) -> Limits:
        """A copy with ``[(name, value), ...]`` from ``--limit NAME=VALUE`` applied."""
        changes: dict[str, int | float] = {}
        for name, value in options:
            field_name = name.strip().lower().replace("-", "_")
            if field_name not in FIELD_NAMES:
                raise UsageError(f"unknown limit {name!r}: choose from {', '.join(NAMES)}")
            changes[field_name] = parse_value(field_name, value)
        return replace(self, **changes)


#: limits that 0 turns off
OPTIONAL = frozenset({"seconds", "memory"})
#: limits whose values are sizes in bytes (``K``, ``M``, ``G`` suffixes accepted)
SIZES = frozenset({"file_size", "stream_size", "memory"})
FIELD_NAMES = tuple(f.name for f in fields(Limits))
NAMES = tuple(name.replace("_", "-") for name in FIELD_NAMES)
DEFAULT_LIMITS = Limits()
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?", re.I)
_UNITS = {"": 1, "b": 1, "k": KIB, "m": MIB, "g": GIB}


def option_name(field_name: str) -> str:
    """``stream-size`` for the field ``stream_size``."""
    return field_name.replace("_", "-")


def parse_value(field_name: str, value: str) -> int | float:
    """A limit's value from the command line: a number, a size with a unit, or seconds."""
    text = value.strip()
    if field_name in SIZES:
        match = _SIZE.fullmatch(text)
        if match:
            return int(float(match.group(1)) * _UNITS[(match.group(2) or "").lower()[:1]])
    else:
        try:
            number = float(text)
        except ValueError:
            number = -1.0
        if field_name == "seconds" and number >= 0:
            return number
        if number >= 0 and number.is_integer():
            return int(number)
    raise UsageError(f"bad value {value!r} for the {option_name(field_name)} limit: expected a number"
                     + (" with an optional K, M or G" if field_name in SIZES else ""))


def parse_option(text: str) -> tuple[str, str]:
    """``("pages", "5")`` from ``pages=5``."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise UsageError(f"--limit takes NAME=VALUE (e.g. pages=5000), not {text!r}")
    return name, value


def shown(field_name: str, value: int | float) -> str:
    """A limit's value as the user would write it (``256 MiB``, ``300``)."""
    if field_name in SIZES:
        for unit, size in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
            if value >= size and value % size == 0:
                return f"{int(value // size)} {unit}"
        return f"{int(value)} bytes"
    return f"{value:g}" if isinstance(value, float) else str(value)


def exceeded(field_name: str, limit: int | float, what: str, relation: str = "over") -> LimitExceeded:
    """The one-line error for ``what`` going over ``limit``: it names the limit and how to raise it.

    ``exceeded("pages", 2000, "the PDF has 2500 pages,")`` reads "the PDF has 2500 pages, over
    the pages limit of 2000: raise it with --limit pages=N".
    """
    name = option_name(field_name)
    return LimitExceeded(f"{what} {relation} the {name} limit of {shown(field_name, limit)}: "
                         f"raise it with --limit {name}=N", limit=name)


_CURRENT: contextvars.ContextVar[Limits] = contextvars.ContextVar("redactor_limits", default=DEFAULT_LIMITS)


def current() -> Limits:
    """The limits in force for the read under way (:data:`DEFAULT_LIMITS` outside any)."""
    return _CURRENT.get()


@contextmanager
def using(limits: Limits | None) -> Iterator[Limits]:
    """Make ``limits`` current inside the block (``None`` keeps the ones in force)."""
    if limits is None:
        yield current()
        return
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)
