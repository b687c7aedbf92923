"""UK postal addresses: the street line, and the town (and county) lines that follow it.

A street line is a house number and a street name ending in a street word
(``14 Elm Grove``, ``Flat 3, 27 Church Road``). After it, each following
comma- or line-separated run of capitalised words up to the postcode is a
town or county line. A town directly before a postcode is also found when
there is no street line. Postcodes themselves are Presidio's UK recognizer's.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ..vocabulary import titles_pattern
from .base import CodeRecognizer

_STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Place|Pl|Crescent|Cres|Court|Ct|Gardens|Gdns|"
    "Grove|Terrace|Hill|Park|Square|Sq|Row|Mews|Walk|View|Rise|Green|Parade|Vale|Wharf|Quay|Gate|"
    "Boulevard|Broadway|Approach|Circus|Embankment|Esplanade|Fields|Yard|Hollow|Meadow|Meadows|Croft|"
    "Chase|Heights|Side|End|Wynd|Brae|Loan|Ffordd|Heol|Stryd"
)
_WORD = r"[A-Z][A-Za-z'\u2019\-]+"
#: Welsh street words come first: "14 Heol y Felin", "2 Ffordd yr Eglwys", "7 Lôn Las".
_WELSH_STREET = "Heol|Ffordd|Stryd|L\u00f4n|Lon|Rhodfa|Cilgant|Clos|Teras|Maes"
#: A flat before the street line: ``Flat 3``, ``Flat 1/R``, ``Flat 0/2``, ``Flat B``, Edinburgh's ``3F2`` and
#: ``PF1``, ``Ground Floor Flat``, ``Top Flat``.
_FLAT = (r"(?:(?:Flat|Apartment|Apt|Unit|Room)[ \t]+(?:\d+(?:/(?:\d+|[LR]))?[A-Za-z]?|[A-Z])"
         r"|(?:[1-9]|G|P|B)F\d{1,2}|\d{1,2}/\d{1,2}(?=,)"  # Glasgow's "2/1, 14 Caird Drive"
         r"|(?:Ground|Basement|Lower[ \t]+Ground|First|Second|Third|Top|Upper|Lower)[ \t]+(?:Floor[ \t]+)?Flat)")
STREET = re.compile(
    rf"\b(?:{_FLAT},?[ \t]+)?"
    rf"(?:(?:{_WORD}[ \t]+){{1,2}}(?:House|Court|Cottage|Lodge|Farm|Mansions|Buildings),?[ \t]+"
    rf"|The[ \t]+(?:{_WORD}[ \t]+)?{_WORD},[ \t]+)?"  # a house name first: "The Old Forge, 3 Church Lane"
    rf"\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?,?[ \t]+(?:(?:{_WORD}[ \t]+){{1,3}}(?:{_STREET_WORDS})\b\.?"
    rf"|(?:{_WELSH_STREET})[ \t]+(?:(?:y|yr|'r)[ \t]+)?{_WORD}(?:[ \t]+{_WORD})?)"
)
FLAT_IN_BUILDING = re.compile(
    rf"\b(?:Flat|Apartment|Apt|Unit|Room)[ \t]+\d+(?:/\d+)?[A-Za-z]?,?[ \t]+(?:{_WORD}[ \t]+){{1,2}}"
    r"(?:House|Court|Cottage|Lodge|Mansions|Buildings|Tower|Point|Heights|Apartments|Block)\b"
)
POSTCODE = r"(?:[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKPSTUW]?) {0,2}[0-9][ABD-HJLNP-UW-Z]{2}\b"
#: A town's words, small words of place names between them: ``Newcastle upon Tyne``, ``Stratford-upon-Avon``.
_TOWN = rf"{_WORD}(?:[ \t]+(?:(?:upon|on|in|under|le|by|next|the|sea|de)[ \t]+)*{_WORD}){{0,3}}"
_SEGMENT = re.compile(rf"(?:,[ \t]*\n?|[ \t]*\n)[ \t]*({_TOWN})(?=[ \t]*(?:,|\n|$|{POSTCODE}))")
_TOWN_BEFORE_POSTCODE = re.compile(rf"(?<![A-Za-z])({_WORD}(?:[ \t]+{_WORD}){{0,2}}),?[ \t]*\n?[ \t]*{POSTCODE}")
_POSTCODE_RE = re.compile(POSTCODE)
#: A column gap inside a match: the words come from different cells of a table row.
_ACROSS_CELLS = re.compile(r"\t| {3,}")
#: A house number that is the end of a reference or a code (``CMP-25-0415``): a letter, digit, hyphen or
#: slash right before it.
_IN_A_CODE = re.compile(r"[\w/\-](?=\d)")


#: A line of an address block: short, no sentence, no column gap, no e-mail or label.
_BLOCK_LINE = re.compile(r"[ \t]*(?![ \t])(?!(?i:c/o|fao|attn|by\s|private|confidential|tel|email|e-mail|mob)\b)"
                         r"[^\n:@]{2,45}?(?<![.;:])[ \t]*")
_BLOCK_GAP = re.compile(r"\S[ \t]{3,}\S|\t")


@cache
def _addressee() -> re.Pattern[str]:
    """The line an address block of a letter hangs from: a titled name, or a ``c/o`` line under one."""
    return re.compile(rf"[ \t]*(?:{titles_pattern()}[ \t]+\S|(?i:c/o|fao)\b)[^\n]*")


def _address_block(text: str) -> Iterable[tuple[int, int]]:
    """The lines of a letter's address block, between the addressee line and the postcode: ``Higher
    Laithe Cottage`` / ``Hurstwood Lane, Worsthorne`` / ``BURNLEY, Lancs`` / ``BB10 3LR``.

    A house name or a street without a number has no shape of its own; its place in the block says
    what it is. The block must hang from a titled addressee (``Mr H. Duckworth``), so a letterhead's
    own address is never taken.
    """
    for code in _POSTCODE_RE.finditer(text):
        line_start = text.rfind("\n", 0, code.start()) + 1
        line_end = text.find("\n", code.end())
        if text[code.end():line_end if line_end >= 0 else len(text)].strip():
            continue  # the postcode must end its line
        lines, end, hung = [], line_start - 1, False
        while end > 0 and len(lines) < 5:  # up the lines above, to the addressee
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            hung = _addressee().fullmatch(line) is not None
            if hung or not _BLOCK_LINE.fullmatch(line) or _BLOCK_GAP.search(line):
                break
            lines.append((start, end))
            end = start - 1
        if not hung:
            continue
        if text[line_start:code.start()].strip(" \t,"):
            lines.append((line_start, line_start + len(text[line_start:code.start()].rstrip(" \t,"))))
        if lines:
            for start, stop in lines:
                start += len(text[start:stop]) - len(text[start:stop].lstrip())
                if start < stop:
                    yield start, stop


#: A part of an address line before its town, within one cell: ``Orchard Cottage``, ``Hamp Street``,
#: ``Flat 6``, ``The Admiral's Landing``, ``12 Mill Row``.
_PART = re.compile(rf"(?:{_FLAT}|(?:\d{{1,4}}[A-Za-z]?[ \t]+)?(?:The[ \t]+)?{_WORD}(?:[ \t]+{_WORD}){{0,3}})")
#: Where the parts of an address line start: a cell gap, a line start, a label's colon.
_LINE_START = re.compile(r"(?:\t| {3,}|\n|^|:[ \t]*)$")


def _parts_before(text: str, town_start: int, most: int = 3) -> Iterable[tuple[int, int]]:
    """The comma-separated parts of the same line before a town and its postcode, when every part up to
    the start of the line or cell is a house name, a flat, a building or a street:
    ``Orchard Cottage, Hamp Street,`` + ``Bridgwater TA6 6JR``."""
    parts: list[tuple[int, int]] = []
    end = town_start
    for _ in range(most):
        comma = re.search(r",[ \t]*$", text[max(0, end - 4):end])
        if not comma:
            break
        part_end = end - (len(text[max(0, end - 4):end]) - comma.start())
        line_from = max(text.rfind("\n", 0, part_end) + 1, part_end - 60)
        head = text[line_from:part_end]
        cut = max(head.rfind(","), head.rfind("\t"), head.rfind("   ") + 2 if "   " in head else -1, head.rfind(":"))
        start = line_from + cut + 1
        while start < part_end and text[start] in " \t":
            start += 1
        if not _PART.fullmatch(text[start:part_end]):
            return
        parts.append((start, part_end))
        if _LINE_START.search(text[max(0, start - 3):start]) or start == line_from:
            yield from parts  # the whole line up to the town is address
            return
        end = start
    return


class UkAddressRecognizer(CodeRecognizer):
    ENTITY = "ADDRESS"
    SCORE = 0.75
    DOCUMENT_LEVEL = True  # the street, town and postcode lines can be separate paragraphs

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        for flat in FLAT_IN_BUILDING.finditer(text):
            yield flat.start(), flat.end(), {}
        for street in STREET.finditer(text):
            if _ACROSS_CELLS.search(street.group()) or _IN_A_CODE.search(text, max(0, street.start() - 1),
                                                                            street.start() + 1):
                continue  # "CMP-25-0415   Kwon Hye-jin   Ashleigh Lane": a reference and two cells, not a street
            yield street.start(), street.end(), {}
            pos = street.end()
            for _ in range(3):
                seg = _SEGMENT.match(text, pos)
                if not seg or _POSTCODE_RE.fullmatch(seg.group(1)):
                    break
                yield seg.start(1), seg.end(1), {}
                pos = seg.end()
        yield from ((start, end, {}) for start, end in _address_block(text))
        for town in _TOWN_BEFORE_POSTCODE.finditer(text):
            words = town.group(1).split()
            if len(words) <= 3 and not _POSTCODE_RE.fullmatch(town.group(1)):
                yield town.start(1), town.end(1), {}
                yield from ((start, end, {}) for start, end in _parts_before(text, town.start(1)))
