"""Dates of birth and dates tied to a person's case.

A date is a ``DATE`` outright when its sentence, line or block has a
date-of-birth cue (a "Date of birth" column header). Any other date is a
``DATE_MENTION``: it becomes a DATE only if it is about a person, which the
detector decides with the other tied types (``redactor.detect.tie``): a
letter's date, a hearing date and an e-mail's ``Sent:`` line are; a press
release's publication date is not.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..vocabulary import data
from .base import CodeRecognizer, sentence_bounds

_MONTHS = ("Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           "Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
           # Welsh, as bilingual letters date them: "14 Ebrill 2025"
           "Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr")
_MONTH = (rf"(?:{_MONTHS}|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|"
          r"SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)")
_ORDINAL_WORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                 r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
                 r"(?:twenty|thirty)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes|s)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)"
_DAY = rf"(?:{_WEEKDAY}(?:day)?\.?,?\s+)?"
#: A year after a day and month: "2025", "'25", and "25" unless a lower-case word follows ("2 June 25 people");
#: a table's column gap or a tab may follow ("01 Jul 25      no meetings", "01 Jul 25<tab>no meetings").
_YEAR = r"(?:\d{4}|['\u2019]\d{2}|\d{2}(?! [a-z]))"
DATE = re.compile(
    rf"\b{_DAY}(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|-|\u2013|&)\s*)?"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+{_YEAR})?\b"
    # month first ("May 2, 2025"); never across a full stop that ends a line ("in May." / "2. Minutes")
    rf"|\b{_DAY}{_MONTH}(?:\.?[ \t]+|[ \t]*\n[ \t]*)\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    rf"|(?<![\d.]){_DAY}\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})\b(?![.\-/]\d)"
    # ISO, with a time as systems print it ("2025-10-16T21:37"); year first with / or a month name
    r"|\b\d{4}-\d{1,2}-\d{1,2}(?:T\d{2}:\d{2}(?::\d{2})?)?(?!\w)|\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])\b(?![-/]\d)|\b(?:19|20)\d{2}\.\d{2}\.\d{2}\b(?!\.\d)"
    rf"|\b(?:19|20)\d{{2}}/\d{{1,2}}/\d{{1,2}}\b(?!/\d)|\b(?:19|20)\d{{2}}-{_MONTH}-\d{{1,2}}\b"
    # spaced out as forms are filled in: "06 10 2025", "14 . 7 . 2025"; compact: "04MAR25"
    r"|(?<![\d.])(?<!\d )\d{1,2}(?: ?[/.\-] ?| )\d{1,2}(?: ?[/.\-] ?| )(?:19|20)\d{2}\b(?![.\-/]\d)"
    rf"|\b\d{{2}}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d{{2}}(?:\d{{2}})?\b"
    # a month and a short year: "lapsed Jan '25"
    rf"|\b{_MONTH}\.?\s+['\u2019]\d{{2}}\b"
    rf"|\b\d{{1,2}}-{_MONTH}-(?:\d{{4}}|\d{{2}})\b"
    rf"|\b(?i:{_ORDINAL_WORD})\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"
    rf"|\b{_WEEKDAY}(?:day)?\s+\d{{1,2}}(?:st|nd|rd|th)\b"
    r"|(?<![\d/.])\d{1,2}/\d{1,2}(?=,?\s+\d{1,2}:\d{2})"
    # a weekday and a day/month: "Mon 19/5", "Thurs. 27/3"
    rf"|\b{_WEEKDAY}(?:day)?\.?\s+\d{{1,2}}[/.]\d{{1,2}}\b(?![/.]\d)"
    # "on the 2nd" (a day of the month a letter has already named), "your letter of the 3rd inst."
    r"|(?<=on the )\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:floor|time|occasion|of\s+the|day\s+of\s+the))"
    r"|\b\d{1,2}(?:st|nd|rd|th)\s+inst\b\.?"
    # a day/month with no year after a word that dates something: "by email 3/11", "received 10/3", "on 5/4"
    r"|(?:(?<=\bon )|(?<=\bemail )|(?<=received )|(?<=\bdated )|(?<=rec'd )|(?<=\bsent )|(?<=\bSent )"
    r"|(?<=complaint of )|(?<=letter of )|(?<=spoke to (?:him|her) )|(?<=\bw/e ))\d{1,2}/\d{1,2}\b(?![/.]\d)"
    # a weekday relative to the writing: "last Tues", "next Weds", "on wednesday"
    rf"|(?:(?<=\blast )|(?<=\bLast )|(?<=\bnext )|(?<=\bNext )|(?<=\bthis )|(?<=\bon ))"
    rf"(?:{_WEEKDAY}(?:day)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b(?:(?<!day)\.)?"
    # a legal form's date: "this 14th day of July 2025"; a Roman month: "20.v.2025"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)\s+day\s+of\s+{_MONTH}(?:,?\s+\d{{4}})?\b"
    r"|\b\d{1,2}([./])(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2}|x|I{1,3}|IV|VI{0,3}|IX|XI{0,2}|X)\1\d{2,4}\b"
    # a day of the month alone, after a named date: "the 4th of February I think, or the 5th", "(the 26th?"
    r"|(?<=\bthe )\d{1,2}(?:st|nd|rd|th)\b(?=\s*[?.,)]|\s+(?:for|when|until|till|onwards|to|and|or|at|I|we|he|she)\b)"
)
@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternation(words: list[str]) -> re.Pattern[str]:
        return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + ")")
    return alternation(data()["date_of_birth_cues"]), alternation(data()["case_date_cues"])


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, line_end if line_end >= 0 else len(text)


class CaseDateRecognizer(CodeRecognizer):
    ENTITY = "DATE"
    EXTRA_ENTITIES = ("DATE_MENTION",)
    SCORE = 0.7

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        dob, _ = _cues()
        whole_block_dob = dob.search(text) is not None
        sentences = sentence_bounds(text, nlp_artifacts)
        for m in DATE.finditer(text):
            s, e = next(((s, e) for s, e in sentences if s <= m.start() < e), (0, len(text)))
            ls, le = _line(text, m.start(), m.end())
            line = text[ls:le]
            of_birth = whole_block_dob or dob.search(text[s:e]) or dob.search(line)
            yield m.start(), m.end(), ({} if of_birth else {"entity": "DATE_MENTION"})
