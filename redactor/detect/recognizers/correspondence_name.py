"""Names in the places correspondence puts them.

* salutations: ``Dear Jane,`` / ``Dear Mr Okoro`` / ``Hi Jas,`` (a line of its own)
* sign-offs: the line after ``Yours sincerely,`` (or the rest of its line)
* ``Label: value`` lines whose label names a person (``From:``, ``Complainant:``,
  ``Panel members:``), each name of a list; the label's role is kept as metadata.
* the sender of each message of a pasted chat export (``[14/05 09:12] Tsang, Wing Yan: ...``).
* a bare sign-off in an e-mail chain: a name or initials alone at the end of a message
  (``Wiki``, ``Y.``, ``... keep it to process. TB``), right before the next message's header,
  a signature or the end of the text;
* the writer's and typist's initials after a letter's reference (``Ref: GLU-2025-114 (AaG/PAT)``);
* the member a case is brought against, in its title (``The Labour Party v. Jordan Heath``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..gazetteer import is_ordinary_word
from ..vocabulary import (
    NAME_WORD,
    NAME_WORD_RE,
    PARTICLES,
    data,
    is_date_word,
    is_stop,
    looks_like_name,
    name_run,
    titles_pattern,
    word_set,
)
from .base import CodeRecognizer

_NAME = name_run(1, 4)


@lru_cache(maxsize=1)
def _salutation() -> re.Pattern[str]:
    return re.compile(rf"\bDear[ \t]+(?:(?:{titles_pattern()})[ \t]+)?({_NAME})[ \t]*(?=[,:!\n]|$)", re.M)


@lru_cache(maxsize=1)
def _sign_off() -> re.Pattern[str]:
    offs = "|".join(re.escape(s) for s in sorted(data()["sign_offs"], key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?i:{offs})[ \t]*[,.:!]?[ \t]*(?:\n[ \t]*)*?(?:\n|[ \t]+)[ \t]*"
                      rf"(?:(?:{titles_pattern()})[ \t]+)?({_NAME})[ \t]*(?:,.*)?$", re.M)


#: A greeting line of a message: ``Hi Jas,``, ``Hello Tendai``.
_GREETING = re.compile(rf"(?m)^[ \t]*(?i:hi|hiya|hello|hey|morning|afternoon|evening)[ \t]+({NAME_WORD})"
                       rf"[ \t]*[,!:]?[ \t]*$")

_CHAT_LINE = re.compile(
    r"(?m)^[ \t]*\[?[ \t]*\d{1,2}[/.:-]\d{1,2}(?:[/.:-]\d{2,4})?(?:,?[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*\]?[ \t]*"
    r"[-\u2013]?[ \t]*([^:\n\[\]]{2,40}?)[ \t]*:(?=\s)")


#: A word of a chat display name: letters, with an apostrophe or hyphen inside, or an initial.
_DISPLAY_WORD = re.compile(r"[^\W\d_](?:[^\W\d_'\u2019\-]*[^\W\d_])?\.?")
#: A Slack or Teams export's message header: the sender's display name (an emoji code after it allowed),
#: then the time alone: ``Kelvin Leung :rose:  2:12 PM``, ``ricky szeto  2:30 PM``.
_SLACK_LINE = re.compile(r"(?m)^[ \t]*([^\W\d_][^\W\d_'\u2019\-]*(?: [^\W\d_][^\W\d_'\u2019\-.]*){0,3})"
                         r"(?:[ \t]+:[a-z_]+:)*[ \t]{2,}\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?[ \t]*$")


@lru_cache(maxsize=1)
def _field() -> re.Pattern[str]:
    labels = "|".join(re.escape(k) for k in sorted(data()["person_fields"], key=len, reverse=True))
    # a field starts a line; in a record card laid out in columns, one whose label has two words or a colon
    # ("Preferred name   Zuzka") may follow a column gap (a one-word label there is a table's header cell:
    # "Member   Apols"); its value ends at the line's end or at the next column gap
    multi = "|".join(re.escape(k) for k in sorted(data()["person_fields"], key=len, reverse=True) if " " in k)
    mid_line = rf"(?:(?<=[ \t]{{3}})|(?<=\S\t))(?:((?i:{labels}))[ \t]*:|((?i:{multi}))(?:[ \t]{{2,}}|\t))"
    return re.compile(rf"(?:^[ \t]*((?i:{labels}))(?:[ \t]*:|[ \t]{{2,}}|\t)|{mid_line})[ \t]*"
                      rf"(.+?)(?=[ \t]{{3,}}\S|\t|[ \t]*$)", re.M)


def _names_in_list(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Each name in a comma/semicolon/'and' separated list, skipping e-mail parts, brackets and titles."""
    value = text[start:end]
    blanked = re.sub(r"<[^>]*>|\S+@\S+|\([^)]*\)", lambda m: " " * len(m.group()), value)
    if "," not in blanked and ";" not in blanked and _office(value.split("<", 1)[0]):
        return  # "Mitcham and Morden CLP Secretary <secretary@...>": an office, not two people
    for part in re.finditer(r"[^,;()<>\"\[\]]+", blanked):
        for piece in re.finditer(r"(?:(?!\s+(?:and|&)\s+).)+", part.group()):
            tokens = list(re.finditer(r"\S+", piece.group()))
            while tokens and re.fullmatch(titles_pattern(), tokens[0].group()):
                tokens = tokens[1:]
            words = [t.group() for t in tokens]
            if not looks_like_name(words):
                words = _leading_name(words)
            if words and words[0].lower() not in word_set("generic_addressees"):
                base = start + part.start() + piece.start()
                yield base + tokens[0].start(), base + tokens[len(words) - 1].end()


def _office(value: str) -> bool:
    """Whether a field value names an office: its last word is an organisation or role word."""
    words = value.split()
    return len(words) > 2 and words[-1].lower().strip(".,:") in word_set("not_name_words")


def _leading_name(words: list[str]) -> list[str]:
    """The name at the start of a field value that goes on in prose: ``Gurpreet Bains reported ...``."""
    run: list[str] = []
    for w in words[:5]:
        if not NAME_WORD_RE.fullmatch(w) and w not in PARTICLES:
            break
        run.append(w)
    while len(run) >= 2 and not looks_like_name(run):
        run.pop()
    return run if len(run) >= 2 else []


#: Initials as a signature: ``TB``, ``AaG``, ``Y.``, ``J.K.``.
_INITIALS = r"[A-Z](?:[a-z]?[A-Z]){1,3}|[A-Z]\.(?:[A-Z]\.){0,2}"
#: A quoted line's marks: ``> > ``.
_QUOTE = r"(?:>[ \t]?)*"
#: What numbers a message of a chain: ``2.``, ``[3]``, ``Message 3``.
_MESSAGE_NUMBER = r"(?:\d{1,2}[.)]|\[\d{1,3}\]|(?i:message)[ \t]+\d{1,3})"
#: The start of the next message of a chain (a phone's "Sent from my iPhone" closes one too), or the end
#: of the text.
_NEXT_MESSAGE = (rf"(?=(?:[ \t]*\n)+[ \t]*(?:{_MESSAGE_NUMBER}[ \t]*\n?[ \t]*)?(?:From|Sent|To|Date)[ \t]*:"
                 rf"|(?:[ \t]*{_QUOTE}[ \t]*\n)*[ \t]*{_QUOTE}[ \t]*Sent from my\b"
                 r"|(?:[ \t]*\n)+[ \t]*On\b[^\n]*(?:\n[^\n]*)?wrote:|(?:[ \t]*\n)+[ \t]*(?:-{3,}|_{3,})|\s*\Z)")
#: A signature block under a sign-off: up to four short lines (name, role, organisation, telephone).
_SIGNATURE = r"(?:(?:[ \t]*\n){1,2}[ \t]*[A-Z][^\n]{0,60}(?:\n[ \t]*[A-Z0-9+(][^\n]{0,60}){0,3})"
#: One capital alone signing a message (``V``); never ``A``, ``I`` or a kiss.
_LETTER = r"[B-HJ-WYZ](?![\w.])"
#: What signs a message as initials: ``TB``, ``AaG``, ``Y.``, ``J.K.``, ``V``.
SIGNED_INITIALS = re.compile(rf"(?:{_INITIALS})(?![\w.])|{_LETTER}")
#: A name or initials alone on the last line of a message body (after a blank line), or at the end
#: of its last sentence; quoted lines of an earlier message included (``> V``).
_BARE_SIGN_OFF = re.compile(
    rf"(?:(?<=\n\n)|(?<=\n[ \t]\n)|(?<=\n>\n)|(?<=[.!?]\n)|(?<=[.!?])[ \t]+)[ \t]*{_QUOTE}[ \t]*"
    rf"((?:{_INITIALS})(?![\w.])|{_LETTER}|{NAME_WORD}(?:[ \t]{NAME_WORD})?)"
    rf"[ \t]*{_SIGNATURE}?{_NEXT_MESSAGE}")
#: The member a case is brought against, in the case's title: ``The Labour Party v. Jordan Heath``.
_CASE_TITLE = re.compile(rf"\b(?:Party|Labour|NEC|GLU)[ \t]+(?:v|vs|versus)\.?[ \t]+({name_run(2, 4)})")
#: A first name alone on a line right above the full name it begins (``Sky`` / ``Sky Ellison | Casework``).
_ABOVE_FULL_NAME = re.compile(rf"(?m)^[ \t]*({NAME_WORD})[ \t]*,?[ \t]*\n[ \t]*(\1[ \t]+{NAME_WORD})")
#: ``Ref: <reference> (AB/CD)``: the writer's and the typist's initials.
_REFERENCE_INITIALS = re.compile(
    rf"(?im)^[ \t]*(?:our[ \t]+|your[ \t]+)?ref(?:erence)?\.?[ \t]*:?[ \t]+\S+[ \t]+\((?-i:({_INITIALS}))"
    rf"(?:/(?-i:({_INITIALS})))?\)")


#: A dotted initial, or initials, ending a paragraph after a sentence, as a note's writer signs it: ``... it is.
#: H.``, ``That's everything. - J.``, ``... I did not. IMK`` (never ``A.``/``I.``, an acronym, nor a letter after a
#: word: ``Annex C.``).
_INITIAL_ENDS_PARAGRAPH = re.compile(r"(?<=[.!?])[ \t]+(?:[-\u2013\u2014][ \t]*)?([B-HJ-WYZ]\.|[A-Z]{2,4})"
                                     r"(?=[ \t]*(?:\n[ \t]*\n|\Z))")


def _bare_sign_offs(text: str) -> Iterable[tuple[int, int]]:
    """Names and initials signing off a message of an e-mail chain (only in text with message headers), and
    a dotted initial ending a paragraph after a sentence (in any text)."""
    blocked = word_set("acronyms") | word_set("not_name_words")
    for m in _INITIAL_ENDS_PARAGRAPH.finditer(text):
        if m.group(1).endswith(".") or m.group(1).lower() not in blocked:  # "... I did not. IMK", never "... NEC"
            yield m.start(1), m.end(1)
    if not re.search(r"(?im)^[ \t]*(?:\d{1,2}[.)][ \t]*)?(?:from|sent)[ \t]*:", text):
        return
    for m in _BARE_SIGN_OFF.finditer(text):
        words = m.group(1).split()
        if SIGNED_INITIALS.fullmatch(m.group(1)) or (
                looks_like_name(words) and not any(is_ordinary_word(w) for w in words)):
            yield m.start(1), m.end(1)


class CorrespondenceNameRecognizer(CodeRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.88
    DOCUMENT_LEVEL = True  # a sign-off and the name under it can sit in different paragraphs

    def spans(self, text, nlp_artifacts) -> Iterable[tuple[int, int, dict]]:
        generic = word_set("generic_addressees")
        for m in _salutation().finditer(text):
            words = m.group(1).split()
            if looks_like_name(words) and words[0].lower() not in generic:
                yield m.start(1), m.end(1), {}
        for m in _GREETING.finditer(text):  # "Hi Jas," opening a message
            word = m.group(1)
            if word.lower() not in generic and not (is_stop(word) or is_ordinary_word(word)):
                yield m.start(1), m.end(1), {}
        for m in _sign_off().finditer(text):
            if looks_like_name(m.group(1).split()):
                yield m.start(1), m.end(1), {}
        for m in _CHAT_LINE.finditer(text):  # the sender of each message of a chat export
            sender = m.group(1)
            words = [w.strip(",") for w in sender.split()]
            # an exported chat's "[date, time] sender:" vouches for a display name in any case ("tenzin d", "bob")
            shaped = (all(NAME_WORD_RE.fullmatch(w) or re.fullmatch(r"[A-Z]\.?", w) for w in words)
                      or (m.group().lstrip().startswith("[") and all(_DISPLAY_WORD.fullmatch(w) for w in words)))
            if words and shaped and not any(w.lower() in word_set("not_name_words") for w in words) \
                    and not all(is_date_word(w) for w in words):
                yield m.start(1), m.end(1), {}
        for m in _SLACK_LINE.finditer(text):  # "ricky szeto  2:30 PM": a Slack or Teams message's sender
            words = m.group(1).split()
            if not any(w.lower() in word_set("not_name_words") or is_date_word(w) for w in words):
                yield m.start(1), m.end(1), {}
        for start, end in _bare_sign_offs(text):
            yield start, end, {}
        for m in _CASE_TITLE.finditer(text):
            if looks_like_name(m.group(1).split()):
                yield m.start(1), m.end(1), {"role": "subject"}
        for m in _ABOVE_FULL_NAME.finditer(text):  # "Sky" signing above "Sky Ellison | Casework Manager"
            if looks_like_name(m.group(2).split()) and not is_stop(m.group(1)):
                yield m.start(1), m.end(1), {}
                yield m.start(2), m.end(2), {}
        for m in _REFERENCE_INITIALS.finditer(text):
            for group in (1, 2):
                if m.group(group):
                    yield m.start(group), m.end(group), {}
        roles = {k.lower(): v for k, v in data()["person_fields"].items()}
        for m in _field().finditer(text):
            label = next(g for g in m.groups()[:3] if g)
            line_end = text.find("\n", m.end(4))
            value = m.group(4).strip()
            if (" " not in label.strip() and ":" not in m.group()[:m.start(4) - m.start()]
                    and text[m.end(4):line_end if line_end >= 0 else len(text)].strip()
                    and " " not in value and (is_ordinary_word(value) or value.lower() in roles)):
                continue  # "Name   Role   Present": a one-word label before a word is a table's header row
            role = roles.get(label.lower())
            for s, e in _names_in_list(text, m.start(4), m.end(4)):
                yield s, e, ({"role": role} if role else {})
