"""Removed values outside the text the reader reads, and the names of reviewers.

A name or e-mail address removed from the text often survives elsewhere in
the package. :func:`scrub_hidden` replaces every occurrence of a removed value
(case-insensitively, as whole words, with its words joined by spaces, dots,
hyphens, underscores or nothing) in:

* external relationship targets (a ``mailto:`` hyperlink, a linked file's path),
  also when percent-encoded;
* the text-bearing attributes of every XML part (:mod:`.attributes`: alt text,
  tooltips, content-control labels, form-field defaults, bookmark names, VML
  WordArt...); bookmark names get a bookmark-safe mark;
* field codes (``w:instrText``, joined across the runs of one field, and
  ``w:fldSimple/@w:instr``), never touching the field's keyword (``PAGE``);
* every other text node the reader does not read: all the text of non-story
  parts (charts, diagrams, settings) and of elements other than ``w:t`` / ``m:t``
  in story parts.

:func:`clear_reviewers` replaces every ``author`` attribute left after tracked
changes are resolved (a comment's) with :data:`REVIEWER`, and removes
``initials``, ``userId``, ``providerId`` and ``userName``: they name people whatever detection
found.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote

from .attributes import BOOKMARK_NAMES, local, text_attributes
from .layout import MATH_TEXT, P, T
from .namespaces import w
from .trees import PartTrees, node_text, part_name, set_node_text

MARK = "[REDACTED]"
BOOKMARK_MARK = "Redacted"
REVIEWER = "Reviewer"
INSTR_TEXT = w("instrText")
FLD_CHAR = w("fldChar")
#: A removed value's words may be joined like this in a target, a file name or an id.
_JOIN = r"[\s._\-]*"
#: Field keywords a removed value must never replace (a person called Page, Date or Seq).
FIELD_KEYWORDS = frozenset(
    """ADDRESSBLOCK ADVANCE ASK AUTHOR AUTONUM AUTONUMLGL AUTONUMOUT AUTOTEXT AUTOTEXTLIST BARCODE
    BIBLIOGRAPHY BIDIOUTLINE CITATION COMMENTS COMPARE CREATEDATE DATABASE DATE DISPLAYBARCODE DOCPROPERTY
    DOCVARIABLE EDITTIME EQ FILENAME FILESIZE FILLIN FORMCHECKBOX FORMDROPDOWN FORMTEXT GOTOBUTTON
    GREETINGLINE HYPERLINK IF INCLUDEPICTURE INCLUDETEXT INDEX INFO KEYWORDS LASTSAVEDBY LINK LISTNUM
    MACROBUTTON MERGEBARCODE MERGEFIELD MERGEREC MERGESEQ NEXT NEXTIF NOTEREF NUMCHARS NUMPAGES NUMWORDS
    PAGE PAGEREF PRINT PRINTDATE PRIVATE QUOTE RD REF REVNUM SAVEDATE SECTION SECTIONPAGES SEQ SET
    SKIPIF STYLEREF SUBJECT SYMBOL TA TC TEMPLATE TIME TITLE TOA TOC USERADDRESS USERINITIALS USERNAME
    XE""".split()
)
#: Attributes that name a person whatever detection found (after revisions are resolved).
REVIEWER_ATTRIBUTES = frozenset({"initials", "userId", "providerId", "userName"})


def _forms(value: str) -> set[str]:
    """A removed value as written and folded (NFKC, invisible characters dropped)."""
    folded = "".join(c for c in unicodedata.normalize("NFKC", value) if unicodedata.category(c) != "Cf")
    return {form.strip() for form in (value, folded) if len(form.strip()) >= 3}


def removal_pattern(values: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive whole-word pattern for every removed value, longest first."""
    forms = sorted({form for value in values for form in _forms(value)}, key=len, reverse=True)
    if not forms:
        return None
    alternatives = "|".join(_JOIN.join(re.escape(word) for word in form.split()) for form in forms)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _replace(pattern: re.Pattern[str], text: str, mark: str = MARK, keep_keywords: bool = False) -> str:
    def substitute(match: re.Match[str]) -> str:
        if keep_keywords and match.group(0).upper() in FIELD_KEYWORDS:
            return match.group(0)
        return mark

    return pattern.sub(substitute, text)


def _scrub_targets(trees: PartTrees, pattern: re.Pattern[str]) -> None:
    """Replace removed values in every external relationship target."""
    package = trees.package
    for rels in [package.rels, *(part.rels for part in package.iter_parts())]:
        for rel in rels.values():
            if not rel.is_external:
                continue
            target = rel.target_ref
            for form in (target, unquote(target)):
                if pattern.search(form):
                    rel._target = _replace(pattern, form)  # noqa: SLF001 (no public setter)
                    break


def _scrub_attributes(root: Any, pattern: re.Pattern[str]) -> None:
    for element, name, value in text_attributes(root):
        if not pattern.search(value):
            continue
        key = (local(element.tag), local(name))
        mark = BOOKMARK_MARK if key in BOOKMARK_NAMES else MARK
        element.set(name, _replace(pattern, value, mark, keep_keywords=key[1] == "instr"))


def _field_codes(root: Any) -> list[list[Any]]:
    """``w:instrText`` nodes grouped by field: consecutive, with no ``w:fldChar`` between."""
    groups: list[list[Any]] = []
    for paragraph in root.iter(P):
        current: list[Any] = []
        for element in paragraph.iter(INSTR_TEXT, FLD_CHAR):
            if next(element.iterancestors(P), None) is not paragraph:
                continue
            if element.tag == FLD_CHAR:
                if current:
                    groups.append(current)
                current = []
            else:
                current.append(element)
        if current:
            groups.append(current)
    return groups


def _scrub_field_codes(root: Any, pattern: re.Pattern[str]) -> None:
    """Replace removed values in field codes, joining a code split over several runs."""
    for group in _field_codes(root):
        joined = "".join(node_text(node) or "" for node in group)
        scrubbed = _replace(pattern, joined, keep_keywords=True)
        if scrubbed != joined:
            for node in group:
                set_node_text(node, "")
            set_node_text(group[0], scrubbed)


def _scrub_text(root: Any, pattern: re.Pattern[str], skip: frozenset[str]) -> None:
    """Replace removed values in the text and tails of every element not in ``skip``."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        text = node_text(element)
        if element.tag not in skip and text and pattern.search(text):
            set_node_text(element, _replace(pattern, text))
        if element.tail and pattern.search(element.tail):
            element.tail = _replace(pattern, element.tail)


def scrub_hidden(trees: PartTrees, stories: Iterable[str], removed: Iterable[str]) -> None:
    """Replace every removed value everywhere the reader does not read (see the module docstring).

    ``stories`` names the story parts, whose ``w:t`` / ``m:t`` text the writer already redacted.
    """
    pattern = removal_pattern(removed)
    if pattern is None:
        return
    story_names = set(stories)
    _scrub_targets(trees, pattern)
    for part, root in trees.xml_parts():
        _scrub_attributes(root, pattern)
        _scrub_field_codes(root, pattern)
        read = part_name(part) in story_names
        _scrub_text(root, pattern, frozenset({T, MATH_TEXT, INSTR_TEXT}) if read else frozenset({INSTR_TEXT}))


def clear_reviewers(trees: PartTrees) -> None:
    """Replace every ``author`` with :data:`REVIEWER`; remove initials and account ids."""
    for _, root in trees.xml_parts():
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for name in list(element.attrib):
                if local(name) == "author":
                    element.set(name, REVIEWER)
                elif local(name) in REVIEWER_ATTRIBUTES:
                    del element.attrib[name]
