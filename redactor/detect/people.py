"""People: gather the names found anywhere in a document, then find every mention.

Once a person is known (from ``--subject``/``--name``, spaCy NER, a title, a
salutation, a signature or a labelled field), every later mention is found
too: the full name (also split over a line break, in capitals, possessive),
the surname alone, the first name alone, and the initial form ``J. Smith``.

Words that are also ordinary words ("Rose", "Will", "Hope") are a name alone
only where spaCy tags them as a proper noun and the document never uses them
as an ordinary lower-case word.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Finding
from .gazetteer import is_common_word, is_ordinary_word
from .roles import normalise_role
from .vocabulary import (
    INITIALS_RE,
    NAME_WORD,
    NICKNAMED,
    PARTICLES,
    UPPER,
    data,
    is_stop,
    looks_like_name,
    titles_pattern,
    word_set,
)

PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
MENTION_SCORE = 0.8


@dataclass(frozen=True)
class KnownPerson:
    """A person the user names, with their role in the case and other forms of their name.

    ``role`` is one of :data:`~redactor.detect.roles.ROLES` (``other`` is accepted for
    ``third_party``), or ``None`` to let the document decide. ``aliases`` are other names
    the same person goes by (``Bob Hale``, ``Bobby``), found like the name itself.
    A role the user gives always wins over one inferred from the document.
    """

    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", normalise_role(self.role))
        aliases = (self.aliases,) if isinstance(self.aliases, str) else tuple(self.aliases)
        object.__setattr__(self, "aliases", tuple(a for a in aliases if a and a.strip()))


@dataclass
class Person:
    """One person of the document and every form of their name seen so far."""

    key: str
    forms: list[tuple[str, ...]] = field(default_factory=list)
    role: str | None = None
    aliases: set[str] = field(default_factory=set)
    #: Other names the user gave for this person (``("Bob", "Hale")``, ``("Bobby",)``).
    alias_forms: list[tuple[str, ...]] = field(default_factory=list)
    #: Whether ``role`` was given by the user (then nothing in the document changes it).
    role_given: bool = False
    #: (number of forms and alias forms, their lower-cased words, the longest form): forms only grow
    _folded: tuple = field(default=(), repr=False, compare=False)

    def _lowered(self) -> tuple[list[tuple[str, ...]], tuple[str, ...]]:
        """The forms lower-cased and the longest form, recomputed only when a form was added."""
        size = (len(self.forms), len(self.alias_forms))
        if not self._folded or self._folded[0] != size:
            lowered = [tuple(w.lower() for w in f) for f in (*self.alias_forms, *self.forms)]
            self._folded = (size, lowered, max(self.forms, key=len))
        return self._folded[1], self._folded[2]

    @property
    def surname(self) -> str:
        return self._lowered()[1][-1]

    @property
    def first_name(self) -> str | None:
        """The first word of the longest form that starts with a name, not an initial (``Dane`` of ``D. Ashman``
        and ``Dane Ashman``)."""
        for form in sorted(self.forms, key=len, reverse=True):
            if len(form) > 1 and not _is_initial(form[0]):
                return form[0]
        return None

    def matches(self, words: tuple[str, ...]) -> bool:
        """Whether ``words`` name this person (same surname, compatible first name, or a given alias)."""
        folded = tuple(w.lower() for w in words)
        lowered, longest = self._lowered()
        for known in lowered:
            if folded == known or (1 < len(folded) < len(known) and known[:len(folded)] == folded):
                return True  # a form already seen, or the given names of a longer one ("Filmon Tekle")
        if folded[-1] == longest[-1].lower() and len(words) > 1 and len(longest) > 1:
            mine = longest[0]
            return words[0][0].lower() == mine[0].lower() and (
                _is_initial(words[0]) or _is_initial(mine) or words[0].lower() == mine.lower())
        if folded[-1] == longest[-1].lower():
            return True
        return len(words) == 1 and self.first_name is not None and words[0].lower() == self.first_name.lower()


def _initials_of(alias: str, form: tuple[str, ...]) -> bool:
    """Whether ``alias`` is made of the capitals of ``form``, in order, first and surname initials included."""
    capitals = [c for w in form for c in w if c.isupper()]
    alias = "".join(c for c in alias if c.isupper())  # a particle's letter is lower case: MvD, AaG
    if not alias or not capitals or alias[0] != capitals[0] or form[-1][0] not in alias:
        return False
    pos = 0
    for letter in alias:
        try:
            pos = capitals.index(letter, pos) + 1
        except ValueError:
            return False
    return True


def _initials_begin(alias: str, form: tuple[str, ...]) -> bool:
    """Whether three initials begin with the two of a two-word name: ``FTG`` for Filmon Tekle (whose
    other name the document does not give with it)."""
    return len(alias) == 3 and len(form) == 2 and alias[:2] == form[0][0] + form[1][0]


def _is_initial(word: str) -> bool:
    return INITIALS_RE.fullmatch(word) is not None


_TITLE = re.compile(titles_pattern())


_SURNAME_FIRST = re.compile(r"^([A-Z][A-Z'\u2019\-]+(?: [A-Z][A-Z'\u2019\-]+)*),\s+(.+)$")
#: ``DANG Thi Mai``: the family name first, in capitals, then given names as written.
_FAMILY_FIRST = re.compile(r"^([A-Z][A-Z'\u2019\-]+)\s+((?:[A-Z][a-z][^\s]*\s*)+)$")


_BRACKETED = re.compile(r"[ \t]*\([^()]*\)")
#: A nickname in quotes inside a name: ``Maureen "Mo" Lister``.
_QUOTED = re.compile(r"[ \t]*[\"\u201c][^\"\u201c\u201d\n]{1,20}[\"\u201d]")


@lru_cache(maxsize=1)
def _role_after_comma() -> re.Pattern[str]:
    roles = "|".join(re.escape(r) for r in sorted(data()["role_nouns"], key=len, reverse=True))
    return re.compile(rf"(?i),[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+){{0,3}}(?:{roles})\b.*$", re.S)


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name, given name first, without titles, punctuation, possessive, a role in brackets
    (a table cell's ``Abena Frimpong-Manso (complainant)``) or after a comma (``Tove Lindholm, Senior
    Investigations Officer``)."""
    name = _role_after_comma().sub("", _QUOTED.sub("", _BRACKETED.sub("", name)))
    reordered = _SURNAME_FIRST.match(name.strip()) or _FAMILY_FIRST.match(name.strip())
    if reordered:
        name = f"{reordered.group(2)} {reordered.group(1)}"
    words = [w.strip(",;:") for w in name.split()]
    words = [re.sub(r"['\u2019]s$", "", w) for w in words if w and not _TITLE.fullmatch(w)]
    words = [w for w in words if w]
    while len(words) > 1 and words[0].lower() in word_set("kinship_nouns"):
        words.pop(0)  # "Husband Oluwaseun" as the NER reads a note: the name is Oluwaseun
    return tuple(words)


_GIVEN_FIELD = re.compile(r"(?im)^[ \t]*(?:first[ \t]+names?|forenames?|given[ \t]+names?|first[ \t]+name\(s\)|"
                          r"forename\(s\))[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$")
_FAMILY_FIELD = re.compile(r"(?im)^[ \t]*(?:last[ \t]+name|surname|family[ \t]+name)[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$")
#: How many lines apart a record's given-name and family-name fields may be.
FIELD_REACH = 3


def names_from_fields(text: str) -> list[tuple[str, ...]]:
    """Whole names of records that split them into fields: ``First name(s): Filmon Tekle`` with
    ``Last name: GHEBREMEDHIN`` a line or two away is ``Filmon Tekle GHEBREMEDHIN``."""
    families = [(text.count("\n", 0, m.start()), m.group(1)) for m in _FAMILY_FIELD.finditer(text)]
    names = []
    for m in _GIVEN_FIELD.finditer(text):
        line = text.count("\n", 0, m.start())
        near = [value for at, value in families if abs(at - line) <= FIELD_REACH]
        if near:
            names.append(tuple(m.group(1).split()) + tuple(near[0].split()))
    return names


class People:
    """The people of one document, built up from findings and the user's list."""

    def __init__(self, known: Iterable[KnownPerson] = ()) -> None:
        self.people: list[Person] = []
        for known_person in known:
            words = name_words(known_person.name)
            if not words:
                continue
            person = self._known(words)
            if person is None:
                person = Person(key=f"person-{len(self.people) + 1}", forms=[words])
                self.people.append(person)
            if known_person.role and not person.role_given:
                person.role, person.role_given = known_person.role, True
            for alias in known_person.aliases:
                alias_words = name_words(alias)
                if alias_words and alias_words not in person.alias_forms and alias_words not in person.forms:
                    person.alias_forms.append(alias_words)

    def _known(self, words: tuple[str, ...]) -> Person | None:
        """The person already listed under exactly this name or alias (two people the user names
        are never merged because they share a surname)."""
        folded = tuple(w.lower() for w in words)
        for person in self.people:
            if any(folded == tuple(w.lower() for w in f) for f in person.forms + person.alias_forms):
                return person
        return None

    def add(self, words: tuple[str, ...], role: str | None = None, trusted: bool = False,
            whole: bool = False) -> Person | None:
        """The person ``words`` name, added if new. ``whole`` says the words are a complete name (a
        record's name fields put together), so one that extends a known name is that person."""
        if not trusted and not looks_like_name(list(words)):
            return None
        folded = tuple(w.lower() for w in words)
        for person in self.people if whole else ():  # "Filmon Tekle", then "Filmon Tekle GHEBREMEDHIN"
            if any(1 < len(f) < len(words) and folded[:len(f)] == tuple(w.lower() for w in f) for f in person.forms):
                person.forms.append(words)
                person.role = person.role or role
                return person
        for person in self.people:
            if person.matches(words):
                if words not in person.forms:
                    person.forms.append(words)
                person.role = person.role or role
                return person
        if len(words) > 1:
            for person in self.people:  # "Dear Darius," then "Darius Petrauskas": one person
                if all(len(f) == 1 for f in person.forms) and person.forms[0][0].lower() == words[0].lower():
                    person.forms.append(words)
                    person.role = person.role or role
                    return person
        person = Person(key=f"person-{len(self.people) + 1}", forms=[words], role=role)
        self.people.append(person)
        return person

    def add_aliases(self, text: str) -> None:
        """Other names a document gives a person.

        Initials in brackets (``Clodagh O'Meara (COM, Chair)``) or speaking in interview
        notes (``AP: I was not there.``, ``AP said``), a nickname it
        states (``Stavros Michailidis, who everyone calls Stav``) and a short form
        of the first name used on its own (``Ayo`` for Ayodele).
        """
        self._merge_initials()
        self._stated_nicknames(text)
        self._initials_in_use(text)
        speakers = {g for m in _SPEAKER_INITIALS.finditer(text) for g in m.groups() if g}
        # quoted nicknames, found once: (first word, nickname, last word, "") inside a name, or
        # (None, nickname, None, the words before it) after one in brackets
        nicknames = [(m.group(1), m.group(2), m.group(3), "") for m in NICKNAMED.finditer(text)]
        nicknames += [(None, m.group(1), None, text[max(0, m.start() - 80):m.start()])
                      for m in _NICK_AFTER.finditer(text)]
        runs = letter_runs(text)
        for person in self.people:
            for form in person.forms:
                if len(form) < 2:
                    continue
                name = r"[ \t]*\n?[ \t]*".join(re.escape(w) for w in form)
                initials = (rf"{name}[^()\n]{{0,60}}\([ \t]*({UPPER}{{2,4}}|[a-z]{{2,3}}(?=[ \t]*\)))\b",  # (DL), (sk)
                            rf"(?<![\w])({UPPER}{{2,4}})[ \t]*(?:=|:|\(|-)[ \t]*{name}",  # TK = Name / HN (Name
                            rf"^[ \t]*({UPPER}{{2,4}})[ \t]*\n[ \t]*{name}",  # initials signed above the name
                            rf"^[ \t]*({UPPER}{{2,4}})[ \t]+{name}",  # initials before the name: "IO Ilze Ozolina"
                            rf"(?<![\w])([a-z]{{2,3}})[ \t]*=[ \t]*{name}")  # a legend: "na = Nevzat Ahmedov"
                # The five forms all hold the name: look only around where the name stands (from the
                # start of the line before it), in one lookahead scan so their matches may overlap.
                any_form = re.compile("(?m)(?=" + "|".join(f"(?:{p})" for p in initials) + ")")
                for start, end in _around(text, re.compile(name), runs.get(_head(form[0]), ())):
                    for m in any_form.finditer(text[start:end]):
                        found = next(g for g in m.groups() if g)
                        if _initials_of(found.upper(), form):
                            person.aliases.add(found)
                person.aliases.update(s for s in speakers if _initials_of(s, form))
                if len(form) > 1:  # a nickname in quotes: Maureen "Mo" Lister, Siriporn Chaiyaporn ("Ploy")
                    for first, nick, last, before in nicknames:
                        last_words = [w.strip(",") for w in before.split()[-len(form):]]
                        named = (first == form[0] and last == form[-1]) if first else (
                            last_words in (list(form), [form[-1], *form[:-1]])  # or "Montgomery, Angus"
                            or (before.split() or [""])[-1].strip(",") == form[-1])  # "Cllr Muthanna ("Nanju")"
                        if named and not _initials_of(nick, form) and not is_stop(nick):
                            person.aliases.add(nick)
            first = person.first_name
            if first and len(first) >= 5:
                for m in re.finditer(rf"(?<![\w\-]){re.escape(first[:3])}[a-z]*(?![\w\-])", text):
                    short = m.group()
                    if 3 <= len(short) < len(first) and first.startswith(short) and not is_common_word(short):
                        person.aliases.add(short)

    def _stated_nicknames(self, text: str) -> None:
        """A nickname the document states after a name (``Kanokwan Srisuk (known in the branch as "Kwan")``,
        ``VERHAEGEN, Pieter-Jan (known as "PJ")``, ``..., who everyone calls Stav``) belongs to the person
        named last before the cue, within ALIAS_REACH characters (line breaks included)."""
        for m in _ALIAS_STATED.finditer(text):
            # within reach, or anywhere earlier on its line (a register row: "Name   ...   Known as Geordie")
            line_start = text.rfind("\n", 0, m.start()) + 1
            best = self._named_last(text[min(line_start, max(0, m.start() - ALIAS_REACH)):m.start()])
            if best is not None and not is_stop(m.group(1)):
                best.aliases.add(m.group(1))
        for m in _NICK_IN_A_CELL.finditer(text):  # TEAHAN, Maurice   ...   "Mossie". Is still Tory
            best = self._named_last(text[text.rfind("\n", 0, m.start()) + 1:m.start()])
            if best is not None and not is_stop(m.group(1)):
                best.aliases.add(m.group(1))

    def _named_last(self, window: str) -> Person | None:
        """The person whose full name (as written, or family name first) stands last in ``window``."""
        best, best_end = None, -1
        for person in self.people:
            for form in person.forms:
                if len(form) < 2:
                    continue
                for order in (form, (form[-1], *form[:-1])):  # as written, or family name first
                    words = r",?[ \t]*\n?[ \t]*".join(re.escape(w) for w in order)
                    for hit in re.finditer(rf"(?<![\w\-]){words}(?![\w\-])", window, re.I):
                        if hit.end() > best_end:
                            best, best_end = person, hit.end()
        return best

    def _initials_in_use(self, text: str) -> None:
        """Initials standing alone that are those of exactly one person named in full: a note or an e-mail
        refers to colleagues that way (``KA considers the evidence strong``, ``right for WT``,
        ``[LW: keep this wording]``, ``E.M. has been told``). Never an acronym the Party's paperwork uses
        (``acronyms``) or a word."""
        tokens = set(_CAPITALS.findall(text))
        if not tokens:
            return
        acronyms = word_set("acronyms") | word_set("not_name_words")
        by_initials: dict[str, list[Person]] = {}
        for person in self.people:
            for form in person.forms:  # "Wes Tovey", and "Rowena D" as a canvass sheet writes her
                if 2 <= len(form) <= 3 and not any(_is_initial(w) for w in form[:-1]):
                    by_initials.setdefault("".join(w[0] for w in form).upper(), []).append(person)
        for token in tokens:
            letters = token.replace(".", "")
            owners = by_initials.get(letters, [])
            if not owners or letters.lower() in acronyms or is_common_word(token):
                continue
            if len({p.surname for p in owners}) == 1:  # one person, however many entries they have
                for person in owners:
                    person.aliases.add(token)

    def _merge_initials(self) -> None:
        """A person known only by initials (``FTG`` in a log's By column) whose initials are those of
        a person named in full is that person: the initials become their alias (so a subject access
        copy keeps the requester's own initials)."""
        named = [p for p in self.people if any(len(f) > 1 for f in p.forms)]
        for person in list(self.people):
            if len(person.forms) != 1 or len(person.forms[0]) != 1 or person.role_given:
                continue
            word = person.forms[0][0]
            if not re.fullmatch(rf"{UPPER}{{2,4}}", word):
                continue
            owners = [p for p in named if any(_initials_of(word, f) or _initials_begin(word, f)
                                              for f in p.forms if len(f) > 1)]
            if len(owners) == 1:
                owners[0].aliases.add(word)
                owners[0].role = owners[0].role or person.role
                self.people.remove(person)

    def variants(self) -> list[tuple[Person, str, bool, str]]:
        """(person, regex, is_single_word, head) for every form to look for, longest first.

        Aliases (initials) match in capitals only and count as multi-word forms,
        so no word-likeness check applies to them. ``head`` is the form's first run of
        letters, lower-cased: a mention can only start where the text has that run.
        """
        out: list[tuple[Person, str, bool, str]] = []
        for person in self.people:
            out.extend((person, f"(?-i:{re.escape(alias)})", False, _head(alias)) for alias in person.aliases)
            # a nickname typed in lower case ("hi kasia") where it can be nothing else
            out.extend((person, f"(?-i:{re.escape(alias.lower())})", False, _head(alias)) for alias in person.aliases
                       if not alias.isupper() and alias[:1].isupper() and len(alias) >= 4
                       and not is_ordinary_word(alias.lower()))
            for alias in person.alias_forms:
                parts = [re.escape(w).replace(r"\.", r"\.?") for w in alias]
                out.append((person, r"[ \t]*\n?[ \t]*".join(parts), len(alias) == 1, _head(alias[0])))
            forms = {tuple(f) for f in person.forms}
            first = person.first_name
            if first:
                forms.add((first,))
                forms.add((first[0] + ".", person.surname))
            forms.add((person.surname,))
            longest = max(person.forms, key=len)
            if len(longest) > 2:
                forms.add(tuple(longest[1:]))  # the whole surname: "da Silva Pereira", "Mac an t-Saoir"
            family_first = (longest[-1], *longest[:-1]) if len(longest) > 1 else None
            forms.discard(family_first)
            for form in forms:
                parts = [re.escape(w).replace(r"\.", r"\.?") for w in form]
                out.append((person, r"[ \t]*\n?[ \t]*".join(parts) if len(parts) > 1 else parts[0], len(form) == 1,
                            _head(form[0])))
            if family_first:  # the family name first, with or without a comma: "DANG Thi Mai", "HO, Cheuk Yin"
                parts = [re.escape(w).replace(r"\.", r"\.?") for w in family_first]
                out.append((person, parts[0] + r",?[ \t]*\n?[ \t]*" + r"[ \t]*\n?[ \t]*".join(parts[1:]), False,
                            _head(family_first[0])))
        out.sort(key=lambda v: -len(v[1]))
        return out


#: A run of letters: where a mention of a name can start.
_LETTERS = re.compile(r"[^\W\d_]+")


def _head(word: str) -> str:
    """The first run of letters of ``word``, lower-cased (``o`` for O'Brien, ``j`` for J.)."""
    m = _LETTERS.search(word)
    return m.group().lower() if m else ""


#: How far after a name its initials in brackets may end (``Name, Officer (DL)``).
INITIALS_REACH = 90


def _around(text: str, name: re.Pattern[str], starts: Iterable[int]) -> set[tuple[int, int]]:
    """Windows of ``text`` around each occurrence of ``name`` starting at one of ``starts``: from the
    start of the line before it to INITIALS_REACH characters after it."""
    windows = set()
    for at in starts:
        occurrence = name.match(text, at)
        if occurrence:
            line = text.rfind("\n", 0, at)
            begin = text.rfind("\n", 0, line) + 1 if line > 0 else 0
            windows.add((begin, min(len(text), occurrence.end() + INITIALS_REACH)))
    return windows


@lru_cache(maxsize=1)
def letter_runs(text: str) -> Mapping[str, list[int]]:
    """Where each run of letters of ``text`` starts, by its lower-cased form (one pass over the text;
    the aliases and then the mentions of one document read the same index, so the last one is kept).
    Read only."""
    runs: dict[str, list[int]] = {}
    for m in _LETTERS.finditer(text):
        runs.setdefault(m.group().lower(), []).append(m.start())
    return runs


#: Two or three capitals standing alone, as initials do (not part of a reference, a code or an acronym run).
_CAPITALS = re.compile(rf"(?<![\w\-/.#&])((?:{UPPER}\.){{2,3}}|{UPPER}{{2,3}})(?![\w\-/#&]|\.\w)")
#: A nickname in quotes in brackets after a name: ``Siriporn Chaiyaporn ("Ploy")``.
_NICK_AFTER = re.compile(rf"[ \t]*\([ \t]*[\"\u201c]({NAME_WORD})[\"\u201d]"
                         r"(?:,?[ \t]+[^()\"\u201c\u201d\n]{1,40})?[ \t]*\)")  # ("Nanju" to most of the branch)
#: A person's initials, a particle's in lower case included: ``PN``, ``MvD``, ``AaG``.
_INITIALS = rf"{UPPER}(?:{UPPER}|[a-z]{{1,2}}{UPPER}){{1,3}}"
#: Initials that speak, as interview notes write them: ``AP: I was not there.``, ``MF asked again.``
_SPEAKER_INITIALS = re.compile(
    rf"(?m)(?:(?:^|(?<=[.!?] ))[ \t]*({UPPER}{{2,3}})[ \t]*:"
    rf"|(?<![\w\-])({UPPER}{{2,3}})[ \t]+(?=(?:said|says|asked|asks|stated|"
    rf"confirmed|replied|explained|told|denied|agreed|added|responded|clarified|noted|accepted|admitted|insisted|"
    rf"claimed|recalled|described|showed|read|is|was|has|had|rang|wrote|emailed|called|sent|thinks|wants)\b)"
    # initials doing or signing the work: "prepared by CW", "Checked by PN", "PN to chase", "DA / TM"
    rf"|(?<![\w\-])(?i:by|per|cc:?|from|to)[ \t]+({_INITIALS})(?![\w\-])"
    rf"|(?:^|[.?!;:][ \t]+)[ \t]*({_INITIALS})[ \t]+(?=(?:to|will)[ \t]+[a-z])"
    rf"|(?<![\w\-])({_INITIALS})[ \t]*/[ \t]*({_INITIALS})(?![\w\-/]))")
#: A nickname stated after a name: ``known as "PJ"``, ``known in the branch as "Kwan"``, ``who everyone calls
#: Stav``, ``nicknamed Tex``, ``goes by Bex`` (group 1: the nickname).
#: Words after which "called" names someone ("a lad called Deano", "is called Stav"); after a name it is a verb
#: ("Ellen Wilkinson called Jarrow 'the town that was murdered'").
_CALLED_AFTER = "|".join(rf"(?<=\b{w} )" for w in ("is", "was", "are", "were", "be", "been", "being", "also", "often",
                                                    "usually", "always", "everyone", "who", "man", "woman", "lad",
                                                    "girl", "guy", "bloke", "member", "neighbour", "friend", "just"))
#: A nickname in quotes opening a notes cell of a person's row: ``   "Mossie". Is still Tory``.
_NICK_IN_A_CELL = re.compile(rf"(?:\t| {{3,}})[\"\u201c]({NAME_WORD})[\"\u201d][.,;:]")
_ALIAS_STATED = re.compile(
    rf"\b(?:(?i:known)(?:\s+(?:in|at|to|around|among)\s+[^\"\u201c\n(),.]{{1,30}}?)?\s+as|(?i:real\s+name)"
    rf"|refers?\s+to\s+(?:you|him|her|them)(?:\s+throughout)?\s+as|calls?(?:\s+(?:him|her|them|me|us))?"
    rf"|(?:{_CALLED_AFTER})called|nicknamed|goes\s+by)\s+[\"'\u201c\u2018]?({NAME_WORD})(?![\w\-])")
#: How far before the cue the name may stand.
ALIAS_REACH = 60


def find_mentions(text: str, people: People, tags: Mapping[int, str],
                  vouched: frozenset[tuple[int, int]] = frozenset()) -> list[Finding]:
    """Every mention in ``text`` of every person in ``people``. A mention inside a span where a recognizer
    found the name (``vouched``) stands even when the word could be an ordinary one (a chat sender ``bob``,
    ``dot`` of the name cell ``smallridge, dot``)."""
    lower_words = set(re.findall(r"(?<![\w\-.@/])[a-z][\w'\-]*(?![\w\-@/]|\.\w)", text))
    taken = bytearray(len(text))
    where_found = bytearray(len(text))  # inside a span a recognizer found: "dot" of the cell "smallridge, dot"
    for start, end in vouched:
        where_found[start:end] = b"\x01" * (end - start)
    found: list[Finding] = []
    runs = letter_runs(text)
    for person, pattern, single, head in people.variants():
        mention = re.compile(rf"(?<![\w\-])(?:{pattern})(?![\w\-])", re.I)
        # try the pattern only where its first run of letters stands, not at every character
        for m in filter(None, (mention.match(text, at) for at in runs.get(head, ()))):
            if any(taken[m.start():m.end()]):
                continue
            if not all(where_found[m.start():m.end()]) and not _acceptable(m, single, tags, lower_words):
                continue
            start, end = _widen(text, m.start(), m.end(), taken)
            taken[start:end] = b"\x01" * (end - start)
            found.append(Finding(start, end, "PERSON", MENTION_SCORE, "PersonMentions",
                                 person=person.key, role=person.role))
    return found


_LEFT = re.compile(r"(?:(?<![\w.])[A-Z]\.[ \t]?|(?<![\w\-])(?:" + "|".join(PARTICLES) + r")[ \t]+)+$")
#: An initial after a mention (``Jas D``), or initials after a comma as a register writes a name
#: family name first (``Ratnayake, N.``, ``SUDHAN, T. M.``).
_RIGHT = re.compile(r"[ \t]+(?!I\b)[A-Z]\.?(?=[\s,;:)\-]|$)|,[ \t]*[A-Z]\.(?:[ \t]?[A-Z]\.){0,2}(?=[\s,;:)]|$)")


def _widen(text: str, start: int, end: int, taken: bytearray) -> tuple[int, int]:
    """Take in the initials or particle before a mention (``O. Okoro``, ``da Silva``) and an initial after it
    (``Jas D``), which are part of the name as written."""
    left = _LEFT.search(text, max(0, start - 12), start)
    if left and not any(taken[left.start():start]):
        start = left.start()
    right = _RIGHT.match(text, end)
    if right and not any(taken[end:right.end()]):
        end = right.end()
    return start, end


def _acceptable(m: re.Match[str], single: bool, tags: Mapping[int, str], lower_words: set[str]) -> bool:
    matched = m.group()
    if matched.islower():
        # a known name typed in lower case ("spoke to priya", "tomasz kowalski said"): only where
        # it can be nothing else
        text, start, end = m.string, m.start(), m.end()
        if text[start - 1:start] in (".", "@", "/", "_") or re.match(r"[.@_/]\w", text[end:end + 2]):
            return False  # part of an e-mail address, a handle or a URL
        return not single or not (is_ordinary_word(matched) or len(matched) < 3)
    if not single:
        return True
    word = matched.lower()
    if word in word_set("blocked_given_names"):  # "Sunday" of "Sunday Skillicorn" alone: not "Sunday's stall"
        return _subject_of_a_verb(m, tags) or re.match(r",?[ \t]+who\b", m.string[m.end():m.end() + 8]) is not None
    # used as an ordinary lower-case word (not in an e-mail address or URL); a name that is no English word
    # written in lower case elsewhere ("savio welcomed everyone") is the name typed in haste, not a word
    lower_use = word in lower_words and is_ordinary_word(word)
    if is_stop(word):  # "Will reported that ...", never "Will you ..." or "Will be"
        return tags.get(m.start()) in PROPER_NOUN_TAGS or _subject_of_a_verb(m, tags, _PAST_OR_THIRD_PERSON_TAGS)
    if word in word_set("word_names") or lower_use:
        return tags.get(m.start()) in PROPER_NOUN_TAGS or _subject_of_a_verb(m, tags)
    return True


#: Verb tags that make a capitalised word before them its subject: ``Summer can be reached``, ``Sterling is``.
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: The verb tags a name that is also a function word takes after it: ``Will reported``, ``May says``.
_PAST_OR_THIRD_PERSON_TAGS = frozenset({"VBD", "VBZ", "VBN"})  # a modal takes no VBN: "Will reported"
#: Words before a word-name that make it the ordinary word: ``last Summer was``, ``the Sterling fell``.
_NOT_A_NAME_BEFORE = re.compile(r"(?i)(?:\b(?:the|a|an|this|that|last|next|every|each|in|of|by|for|our|your|their|"
                                r"his|her|its|my)|['\u2019]s)[ \t]+$")


def _subject_of_a_verb(m: re.Match[str], tags: Mapping[int, str], verbs: frozenset[str] = _FINITE_VERB_TAGS) -> bool:
    """Whether a known person's name that is also a word (``Summer``) stands, capitalised, as the subject of
    a finite verb, with no article or preposition before it: the NER tags such a word a common noun at the
    start of a sentence, where it is the person."""
    text, end = m.string, m.end()
    if not m.group()[:1].isupper() or _NOT_A_NAME_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return False
    following = re.compile(r"[ \t]+(?=\w)").match(text, end)
    return following is not None and tags.get(following.end()) in verbs


#: A capital and a full stop standing alone (``K. rang back``, ``rang K. on Thursday``, ``K.'s evidence``,
#: ``Y.`` signing a message): never one of a run of initials (``J. K. Rowling``) or the pronoun I.
_LONE_INITIAL = re.compile(r"(?m)(?<![\w.'\u2019\-])([A-HJ-Z])\.(?=['\u2019]s\b|[ \t]+[a-z]|[ \t]*$)")
#: What may stand before a lone initial on its line: nothing, a bullet or a bracket, the end of a sentence,
#: or a word in lower case (``rang K.``, ``told K.``); a capitalised word before it makes a label
#: (``Plan B.``, ``Annex C.``).
_BEFORE_INITIAL = re.compile(r"(?:^|[-*\u2022(>][ \t]*|(?<![\w\-])[a-z]+[ \t]+|[.!?:;][\"'\u201d\u2019)]?[ \t]+)$")


def initial_mentions(text: str, people: People, taken: Iterable[tuple[int, int]]) -> list[Finding]:
    """A person written as the initial of their first name alone, as notes do (``K. was 2 seats away``).

    Only where exactly one person of the document has a first name (or a nickname) starting with that
    letter, and only in the places a name can stand: at the start of a note's line, after a verb in lower
    case, before a possessive, or alone on its line as a signature.
    """
    owners: dict[str, set[str]] = {}
    for person in people.people:
        firsts = {person.first_name or ""} | {a for a in person.aliases if not a.isupper()}
        firsts |= {f[0] for f in person.alias_forms if len(f[0]) > 1}
        for first in filter(None, firsts):
            owners.setdefault(first[0].upper(), set()).add(person.key)
    busy = bytearray(len(text))
    for start, end in taken:
        busy[start:end] = b"\x01" * (end - start)
    found: list[Finding] = []
    by_key = {p.key: p for p in people.people}
    for m in _LONE_INITIAL.finditer(text):
        keys = owners.get(m.group(1), set())
        if len(keys) != 1 or any(busy[m.start():m.end()]):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        if not _BEFORE_INITIAL.search(before):
            continue
        if text[m.end():m.end() + 1] in ("", "\n", " ", "\t") and not text[m.end():].lstrip(" \t")[:1].isalpha() \
                and not text[m.end():m.end() + 2].startswith(("'", "\u2019")) and before.strip(" \t>") != "":
            continue  # at the end of a line, only alone on it (a signature), never closing a sentence
        person = by_key[next(iter(keys))]
        found.append(Finding(m.start(), m.end(), "PERSON", MENTION_SCORE, "PersonMentions",
                             person=person.key, role=person.role))
    return found
