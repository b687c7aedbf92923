"""The role of every person in a document, with the reason for it.

Roles (``ROLES``): ``subject`` (the member the case is about), ``complainant``,
``witness``, ``officer`` (the organisation's staff, panels and officers acting in
role), ``public_figure`` (named in a public role; used sparingly) and
``third_party`` (everyone else, and the answer whenever the document is unclear).

A role the user gives (``--subject``, a case file) always wins. Otherwise the
document's cues decide, each with a weight (``models/roles.yaml``):

* the label of the field or table column a name stands in (``Respondent:``,
  ``Complainant``, ``Investigating officer``, ``Panel``; ``Member`` only beside a
  case reference);
* a title right after the name (``Jane Okoro, Regional Director``, ``(Chair)``,
  ``(complainant)``, the line under a signature);
* phrases around the name (``complaint made by X``, ``the case of X``, ``X has been
  placed under administrative suspension``, ``statement of X``, ``X has given a
  statement``, ``the investigating officer, X``);
* letters and e-mails: what the body says to its addressee (``a complaint about
  your conduct`` makes the addressee the subject, ``your complaint`` the
  complainant) and what the sender says of themselves (``I want to make a complaint``);
* an e-mail address of the organisation (``organisation_domains`` and the domains of
  its role mailboxes) makes its owner staff.

A person's score for a role is the sum over the distinct cues found of their
weights; the best role wins when it scores at least ``min_score`` and more than
any other. Then personal data is linked to the person it belongs to
(:func:`redactor.detect.tie.link_owners`) and takes that person's role.

Every reason is a fixed string: it never contains document text.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from ..document import Finding
from ..resources import model_yaml
from .lines import line_spans
from .types import kind
from .vocabulary import NAME_WORD_RE, data, titles_pattern

if TYPE_CHECKING:
    from .people import People

ROLES = ("subject", "complainant", "witness", "officer", "public_figure", "third_party")
DEFAULT_ROLE = "third_party"
GIVEN_REASON = "given by the user"
NO_CUE_REASON = "no role cue in the document"
CONFLICT_REASON = "cues for more than one role"
WEAK_REASON = "role cues too weak to decide"
LEFT_REACH = 220
NEGATION_REACH = 40  # "do not record this as a complaint against X": a negation this close before a phrase
RIGHT_REACH = 160
#: Findings whose presence makes a document a case file (public figures are named only outside one).
CASE_MARKERS = frozenset({"CASE_REF", "ALLEGATION", "SANCTION"})
#: What label_role gives for a label that names the subject only beside a case reference.
CASE_MEMBER = "case member"


@cache
def config() -> dict:
    return model_yaml("roles.yaml")


def normalise_role(role: str | None) -> str | None:
    """A role as one of ``ROLES`` (``other`` -> ``third_party``); ``None`` stays ``None``.

    Raises ``ValueError`` for anything else.
    """
    if role is None:
        return None
    key = str(role).strip().lower()
    key = config()["role_synonyms"].get(key, key)
    if key not in ROLES:
        raise ValueError(f"unknown role {role!r} (expected one of: {', '.join(ROLES)}, or other)")
    return key


@dataclass(frozen=True)
class Cue:
    role: str
    weight: float
    reason: str


@dataclass
class Segment:
    """A letter, or one message of an e-mail chain: who it is to and who wrote it."""

    start: int
    end: int
    addressees: tuple[str, ...] = ()
    author: str | None = None
    is_email: bool = False

    @property
    def addressee(self) -> str | None:
        """The one addressee ("you" is then clear), or None."""
        return self.addressees[0] if len(self.addressees) == 1 else None


@dataclass
class _Doc:
    """The text and its PERSON mentions, with the look-ups the cues need."""

    text: str
    findings: list[Finding]
    mentions: list[Finding] = field(default_factory=list)
    lines: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = sorted((f for f in self.findings if f.entity_type == "PERSON" and f.person),
                               key=lambda f: f.start)
        self._starts = [m.start for m in self.mentions]
        self.lines = line_spans(self.text)
        self._line_starts = [s for s, _ in self.lines]
        by_type: dict[str, list[Finding]] = defaultdict(list)
        for f in sorted(self.findings, key=lambda f: f.start):
            by_type[f.entity_type].append(f)
        self.by_type = by_type
        self._type_starts = {t: [f.start for f in fs] for t, fs in by_type.items()}
        self._type_reach = {t: max(f.end - f.start for f in fs) for t, fs in by_type.items()}
        self.case_file = any(by_type.get(t) for t in CASE_MARKERS)

    def line_index(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset) - 1

    def line_of(self, offset: int) -> tuple[int, int]:
        return self.lines[self.line_index(offset)]

    def mentions_in(self, start: int, end: int) -> list[Finding]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def has_type_in(self, types: Iterable[str], start: int, end: int) -> bool:
        """Whether a finding of one of ``types`` overlaps [start, end)."""
        for t in types:
            found = self.by_type.get(t, ())
            i = bisect.bisect_left(self._type_starts.get(t, []), start - self._type_reach.get(t, 0))
            while i < len(found) and found[i].start < end:
                if found[i].end > start:
                    return True
                i += 1
        return False

    def block_of(self, offset: int) -> tuple[int, int]:
        """Line indexes [first, last] of the run of non-blank lines holding ``offset``."""
        if not hasattr(self, "_blocks"):
            blocks: list[tuple[int, int]] = []
            first = 0
            for i, (s, e) in enumerate(self.lines):
                if not self.text[s:e].strip():
                    blocks.extend([(first, i - 1)] * (i - first) + [(i, i)])
                    first = i + 1
            blocks.extend([(first, len(self.lines) - 1)] * (len(self.lines) - first))
            self._blocks = blocks
        i = self.line_index(offset)
        return self._blocks[i] if i >= 0 else (0, 0)


# --- entry point ---------------------------------------------------------------------------------

#: Why a person the document's layout suggests as its subject is a third party after all.
NAMED_SUBJECT_REASON = "the user named the subject; the document's layout does not make another one"


def assign_roles(text: str, findings: list[Finding], people: People,
                 sentences: Sequence[tuple[int, int]] = ()) -> list[Finding]:
    """Give every PERSON finding its person's role and reason, and link personal data to its owner."""
    from .tie import link_owners, row_roles

    doc = _Doc(text, findings)
    segments = find_segments(doc)
    groups = name_groups(people, same_person_pairs(doc))
    names = {p.key: list(p.forms) + list(p.alias_forms) for p in people.people}
    findings = link_owners(text, findings, sentences, segments, names, groups)
    doc = _Doc(text, findings)
    cues: dict[str, list[Cue]] = defaultdict(list)
    for m in doc.mentions:
        cues[m.person].extend(mention_cues(doc, m))  # type: ignore[index]
    for key, cue in letter_cues(doc, segments):
        cues[key].append(cue)
    for key, cue in register_cues(doc):
        cues[key].append(cue)
    for key, cue in email_cues(doc, cues):
        cues[key].append(cue)

    pooled: dict[str, list[Cue]] = defaultdict(list)
    for key, found in cues.items():
        pooled[groups.get(key, key)].extend(found)
    given = {groups.get(p.key, p.key): p.role for p in people.people if p.role_given and p.role}
    decided: dict[str, tuple[str, str]] = {}
    subject_words = {w.lower().rstrip(".") for p in people.people if p.role_given and p.role == "subject"
                     for form in (*p.forms, *p.alias_forms) for w in form}
    for person in people.people:
        group = groups.get(person.key, person.key)
        if person.role_given and person.role:
            decided[person.key] = (person.role, GIVEN_REASON)
        elif group in given:
            decided[person.key] = (given[group], GIVEN_REASON)
        else:
            decided[person.key] = decide(pooled.get(group, []))
            if decided[person.key][0] == "subject" and subject_words and not _shares_a_name(person, subject_words):
                # the user named the member the document is about (a subject access request's requester):
                # no one whose name shares nothing with theirs is taken for them from the layout
                decided[person.key] = ("third_party", NAMED_SUBJECT_REASON)
    out = []
    for f in findings:
        if f.person in decided and f.entity_type != "PERSON" and decided[f.person][0] == "officer" \
                and kind(f.entity_type) == "disciplinary":
            out.append(replace(f, person=None))  # an officer acts in role: the allegation is not theirs
            continue
        if f.person in decided:
            role, reason = decided[f.person]
            if f.entity_type != "PERSON":
                reason = f"belongs to a {role.replace('_', ' ')} ({reason})"
            out.append(replace(f, role=role, role_reason=reason))
        else:
            out.append(f)
    return row_roles(text, out, {k: role for k, (role, _) in decided.items()})


def _shares_a_name(person, words: set[str]) -> bool:
    """Whether a word of the person's names is one of ``words`` (the named subject's), or the person is
    known only by initials (which could be theirs)."""
    forms = [*person.forms, *person.alias_forms]
    if {w.lower().rstrip(".") for form in forms for w in form} & words:
        return True
    return all(len(form) == 1 and form[0].isupper() and len(form[0].rstrip(".")) <= 4 for form in forms)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether name ``a`` (two words or more) starts name ``b``, word for word or initial for word."""
    if len(a) < 2 or len(a) > len(b):
        return False
    for x, y in zip(a, b):
        x, y = x.lower().rstrip("."), y.lower().rstrip(".")
        if x != y and not ((len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))):
            return False
    return True


def name_groups(people: People, pairs: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Person key -> the key of the group it is one person with (for roles and ownership).

    Two people of the document whose names agree word for word (or initial for word) up to
    the end of the shorter are one person: ``D. Bozarslan`` and ``Dilan Bozarslan``, or a
    name the NER ran on into the next line's label. So are the ``pairs`` (the surname and
    forename cells of one table row: :func:`same_person_pairs`).
    """
    parent = {p.key: p.key for p in people.people}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    longest = {p.key: max(p.forms, key=len) for p in people.people if p.forms}
    by_word: dict[tuple[int, str], list[str]] = defaultdict(list)  # (position, first letter) -> keys
    for key, form in longest.items():
        for k, word in enumerate(form, start=1):
            by_word[(k, word[:1].lower())].append(key)
    for a, form in longest.items():
        if len(form) < 2:
            continue
        for b in by_word[(len(form), form[-1][:1].lower())]:
            if b != a and _compatible(form, longest[b]):
                parent[find(b)] = find(a)
    for a, b in pairs:
        if a in parent and b in parent:
            parent[find(b)] = find(a)
    return {k: find(k) for k in parent}


def same_person_pairs(doc: _Doc) -> list[tuple[str, str]]:
    """People named in the name-part cells of one table row (``SURNAME | Forename``), or in the
    name-part fields of one block (``First name(s):``, ``Last name:``, ``Known as:``), or on one
    ``Name:`` line (``Name: Jane Okoro (known as "Jo")``): each set is one person."""
    parts = frozenset(k.lower() for k in config()["name_part_labels"])
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for m in doc.mentions:
        by_line[doc.line_index(m.start)].append(m)
    pairs: list[tuple[str, str]] = []
    blocks: dict[tuple[int, int], list[str]] = defaultdict(list)
    for found in by_line.values():
        label = field_label(doc, found[0].start)
        if label and normalise_label(label[0]) in parts:
            keys = [m.person for m in found]
            blocks[doc.block_of(found[0].start)].append(keys[0])  # type: ignore[arg-type]
            pairs.extend((keys[0], k) for k in keys[1:])  # type: ignore[misc]
            continue
        if len({m.person for m in found}) > 1 and all(
                normalise_label(column_heading(doc, m.start) or "") in parts for m in found):
            pairs.extend((found[0].person, m.person) for m in found[1:])  # type: ignore[misc]
    for keys in blocks.values():
        pairs.extend((keys[0], k) for k in keys[1:])
    return pairs


def decide(cues: Sequence[Cue]) -> tuple[str, str]:
    """The role the cues point to, and why; ``third_party`` when they are weak or disagree."""
    if not cues:
        return DEFAULT_ROLE, NO_CUE_REASON
    best: dict[tuple[str, str], Cue] = {}
    for cue in cues:
        key = (cue.role, cue.reason)
        if key not in best or cue.weight > best[key].weight:
            best[key] = cue
    scores: dict[str, float] = defaultdict(float)
    for cue in best.values():
        scores[cue.role] += cue.weight
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    role, score = ranked[0]
    if score < config()["min_score"]:
        return DEFAULT_ROLE, WEAK_REASON
    if len(ranked) > 1 and ranked[1][1] >= score:
        return DEFAULT_ROLE, CONFLICT_REASON
    strongest = max((c for c in best.values() if c.role == role), key=lambda c: c.weight)
    return role, strongest.reason


# --- cues at one mention -------------------------------------------------------------------------

def mention_cues(doc: _Doc, m: Finding) -> list[Cue]:
    """The cues around one mention of a person: its field or column, a title after it, phrases."""
    cues: list[Cue] = []
    title = _title_after(doc, m)
    if title:
        cues.append(title)
    label = _field_cue(doc, m) or _column_cue(doc, m)
    if label:
        cues.append(label)
    cues.extend(_phrase_cues(doc, m))
    return cues


@cache
def _title_re() -> re.Pattern[str]:
    return re.compile(rf"(?:(?:{titles_pattern()}|Cllrs|Councillors)[ \t]*)+$")


@dataclass(frozen=True)
class _Phrase:
    role: str
    weight: float
    reason: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    near: str | None
    branch: Cue | None  # the weaker cue when the phrase names a branch office ("the branch's Women's Officer")


@cache
def _phrases() -> list[_Phrase]:
    out = []
    for p in config()["phrases"]:
        branch = Cue(p["role"], float(p["branch_weight"]), p["branch_reason"]) if "branch_reason" in p else None
        out.append(_Phrase(p["role"], float(p["weight"]), p["reason"],
                           re.compile(p["before"], re.I) if "before" in p else None,
                           re.compile(p["after"], re.I) if "after" in p else None, p.get("requires_near"), branch))
    return out


@cache
def _branch_re() -> re.Pattern[str]:
    return _words_re(config()["branch_words"])


_ABBREVIATION = re.compile(r"\b(?:no|No|NO|ref|Ref|St|Mr|Mrs|Ms|Dr|Cllr|Revd|Prof|etc|approx)\.")


def _flat(s: str) -> str:
    """``s`` on one line, with the full stops of abbreviations (``no.``, ``Mr.``) blanked (same length)."""
    s = s.replace("\n", " ").replace("\t", " ")
    return _ABBREVIATION.sub(lambda m: m.group()[:-1] + " ", s)


def _left(doc: _Doc, m: Finding) -> tuple[str, int]:
    """The text before a mention within its paragraph, titles dropped, and where it starts."""
    lo = max(0, m.start - LEFT_REACH)
    para = doc.text.rfind("\n\n", lo, m.start)
    if para >= 0:
        lo = para + 2
    left = doc.text[lo:m.start]
    t = _title_re().search(left)
    if t:
        left = left[:t.start()]
    return _flat(left), lo


def _right(doc: _Doc, m: Finding) -> str:
    hi = min(len(doc.text), m.end + RIGHT_REACH)
    para = doc.text.find("\n\n", m.end, hi)
    return _flat(doc.text[m.end:para if para >= 0 else hi])


def _other_person_between(doc: _Doc, m: Finding, start: int, end: int) -> bool:
    return any(o.person != m.person for o in doc.mentions_in(start, end))


_NEGATION = re.compile(r"(?i)\b(?:not|never)\b|n[\u2019']t\b")


def _list_head(doc: _Doc, m: Finding) -> Finding:
    """The first name of the list ``m`` ends (``A, B and C``, ``A (chair) with B``): a phrase before
    the list applies to every name in it."""
    head = m
    while True:
        before = doc.mentions_in(max(0, head.start - 80), head.start)
        before = [p for p in before if p.end <= head.start]
        if not before:
            return head
        p = before[-1]
        if "\n\n" in doc.text[p.end:head.start] or not _is_list_of_names(doc, p.end, head.start) \
                or not re.search(r"[,;&]|\b(?:and|with)\b", doc.text[p.end:head.start]):
            return head
        head = p


def _phrase_cues(doc: _Doc, m: Finding) -> list[Cue]:
    head = _list_head(doc, m)
    left, lo = _left(doc, head)
    right = _right(doc, m)
    possessive = re.match(r"['\u2019]s\b", right) is not None
    cues = []
    for phrase in _phrases():
        if phrase.before is not None:
            hit = phrase.before.search(left)
            if hit is None or possessive:
                continue
            gap = hit.start("gap") if "gap" in phrase.before.groupindex and hit.start("gap") >= 0 else hit.end()
            if _other_person_between(doc, m, lo + hit.start(), lo + gap):
                continue
            if phrase.near and not re.search(phrase.near, left[max(0, hit.start() - 200):hit.end()], re.I):
                continue
            sentence = max(left.rfind(". ", 0, hit.start()), left.rfind("? ", 0, hit.start()), 0)
            if _NEGATION.search(left, max(sentence, hit.start() - NEGATION_REACH), hit.end()):
                continue  # "do not log it as a complaint against X"
        elif phrase.after is not None:
            hit = phrase.after.match(right)
            if hit is None or _other_person_between(doc, m, m.end, m.end + hit.end()):
                continue
        else:
            continue
        if phrase.branch and _branch_re().search(hit.group()):
            cues.append(phrase.branch)
        else:
            cues.append(Cue(phrase.role, phrase.weight, phrase.reason))
    return cues


# Titles after a name --------------------------------------------------------------------------------

def _words_re(words: Iterable[str]) -> re.Pattern[str]:
    alternation = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w-])(?:{alternation})(?![\w-])")


@cache
def _title_sets() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, re.Pattern[str]],
                           re.Pattern[str]]:
    """Staff and office titles, case titles, apposition stops (each with its pattern, compiled once)
    and public titles."""
    c = config()
    stops = {stop: re.compile(rf"(?i)(?<![\w-]){re.escape(stop)}(?![\w-])")
             for stop in frozenset(c["apposition_stops"])}
    return (_words_re(c["staff_titles"]), _words_re(c["office_titles"]),
            {k.lower(): v for k, v in c["case_titles"].items()}, stops,
            re.compile(r"^\s*,?\s*(?:" + "|".join(re.escape(t) for t in c["public_titles"]) + r")\b"))


def title_cue(phrase: str, reason_staff: str, reason_office: str, reason_case: str) -> Cue | None:
    """The cue a title gives (``Senior Investigations Officer``, ``Chair``, ``complainant``), if any."""
    staff, office, case_titles, stops, _ = _title_sets()
    phrase = phrase.strip(" \t,-|:()")
    words = phrase.split()
    if not words or words[0].lower() in stops:
        return None
    lowered = " ".join(words).lower()
    if lowered in case_titles:
        return Cue(case_titles[lowered], 4, reason_case)
    for stop in stops.values():  # a title only before any verb or relative clause
        hit = stop.search(phrase)
        if hit:
            phrase = phrase[:hit.start()]
    if staff.search(phrase) and not _branch_re().search(phrase):
        return Cue("officer", 3, reason_staff)
    if staff.search(phrase):
        return Cue("officer", 2, reason_office)
    if office.search(phrase):
        return Cue("officer", 2, reason_office)
    return None


_TITLE_REASONS = ("named with a staff title", "named with a branch office", "named with a case role")
_BRACKET = re.compile(r"^[ \t]*\([ \t]*(?:[A-Z]{2,4}[ \t]*,[ \t]*)?([^()\n]{1,60})\)")
_APPOSITION = re.compile(r"^[ \t]*(?:,|\||[-\u2013\u2014](?=[ \t]))[ \t]*(?:the[ \t]+|our[ \t]+|a[ \t]+|an[ \t]+)?"
                         r"([^,.;()\n|]{1,60})")


def _title_after(doc: _Doc, m: Finding) -> Cue | None:
    """A title in brackets or after a comma right after the name, or on the line under a signature."""
    text = doc.text
    right = text[m.end:m.end + 80]
    _, _, _, _, public = _title_sets()
    if public.match(right) and not doc.case_file and re.match(r"^\s*,?\s*[A-Z]", right):
        return Cue("public_figure", 3, "named with a public office")
    hit = _BRACKET.match(right)
    if hit:
        cue = title_cue(hit.group(1), *_TITLE_REASONS)
        if cue:
            return cue
    hit = _APPOSITION.match(right)
    if hit:
        cue = title_cue(hit.group(1), *_TITLE_REASONS)
        if cue:
            return cue
    ls, le = doc.line_of(m.start)
    line = text[ls:le]
    rest = (line[:m.start - ls] + line[m.end - ls:])
    rest = _title_re().sub("", rest.strip()) if rest.strip() else ""
    if rest.strip(" \t,.") or doc.line_index(m.start) + 1 >= len(doc.lines):
        return None
    ns, ne = doc.lines[doc.line_index(m.start) + 1]
    below = text[ns:ne]
    below = re.split(r"[,|]", below, maxsplit=1)[0]
    signed = _signed(doc, ls)
    cue = title_cue(below, "signatory of an official letter" if signed else "named with a staff title",
                    "signatory with a branch office" if signed else "named with a branch office",
                    "named with a case role")
    return cue


@cache
def _sign_off_re() -> re.Pattern[str]:
    offs = "|".join(re.escape(s) for s in sorted(data()["sign_offs"], key=len, reverse=True))
    return re.compile(rf"(?im)^[ \t]*(?:{offs})[ \t]*[,.:!]?[ \t]*$")


def _signed(doc: _Doc, line_start: int) -> bool:
    """Whether a sign-off (``Yours sincerely,``) stands within the three lines above."""
    i = doc.line_index(line_start)
    for j in range(max(0, i - 3), i):
        s, e = doc.lines[j]
        if _sign_off_re().match(doc.text[s:e]):
            return True
    return False


# Fields and columns --------------------------------------------------------------------------------

@cache
def _field_tables() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    c = config()
    return ({k.lower(): v for k, v in c["field_roles"].items()}, frozenset(k.lower() for k in c["case_member_fields"]),
            frozenset(k.lower() for k in c["name_fields"]))


_LABEL_NOISE = re.compile(r"\([^)]*\)|[#\d]+|[^\w'\u2019/ -]")


def normalise_label(label: str) -> str:
    label = " ".join(_LABEL_NOISE.sub(" ", label).split()).lower()
    return label[4:] if label.startswith("the ") else label


def label_role(label: str) -> tuple[str | None, str]:
    """(role, matched key) for a field label or column heading; role None if it gives none.

    The role is ``CASE_MEMBER`` for a label (``Member``) that makes the subject only
    beside a case reference.
    """
    roles, case_members, _ = _field_tables()
    label = normalise_label(label)
    if not label:
        return None, ""
    if label in case_members:
        return CASE_MEMBER, label
    if label in roles:
        return roles[label], label
    prefixes = [k for k in roles if label.startswith(k + " ")]
    if prefixes:
        key = max(prefixes, key=len)
        return roles[key], key
    staff, office, _, _, _ = _title_sets()
    last = label.split()[-1]
    if staff.fullmatch(last) or office.fullmatch(last):
        return "officer", last
    return None, label


_LABEL = re.compile(r"(?m)(?:^|(?<=[.;|])[ \t]+|\t|(?<=\S)[ \t]{2,})[ \t]*"
                    r"([A-Za-z][\w'\u2019 /&.?-]{0,50}?(?:\([^()\n]{0,30}\))?)[ \t]*(?::|\t|[ \t]{2,})[ \t]*")


def _is_list_of_names(doc: _Doc, start: int, end: int) -> bool:
    """Whether text[start:end] holds only names, titles, brackets and list punctuation."""
    chars = list(doc.text[start:end])
    for o in doc.mentions_in(start, end):
        chars[o.start - start:o.end - start] = "\x00" * (o.end - o.start)
    rest = "".join(chars)
    # a word of a name that the mention next to it does not cover ("Tharshini" of "Tharshini Vigneswaran")
    beside, brackets, titles, filler = _list_patterns()
    rest = beside.sub(" ", rest).replace("\x00", " ")
    rest = titles.sub(" ", brackets.sub(" ", rest))
    return filler.fullmatch(rest) is not None


@cache
def _list_patterns() -> tuple[re.Pattern[str], ...]:
    """What :func:`_is_list_of_names` strips (a name word beside a mention, brackets, titles) and the
    list punctuation that may remain; compiled once (the titles' alternation is long)."""
    return (re.compile(rf"{NAME_WORD_RE.pattern}[ \t]+(?=\x00|$)|(?<=\x00)[ \t]+{NAME_WORD_RE.pattern}"),
            re.compile(r"\([^()]*\)"), re.compile(titles_pattern() + r"|\bCllrs\b|\bCouncillors\b"),
            re.compile(r"[\s,;&/]*(?:(?:and|or|with)\b[\s,;&/]*)*"))


def field_label(doc: _Doc, offset: int) -> tuple[str, int] | None:
    """The label of the ``Label: value`` field (or two-cell row) whose value holds ``offset``."""
    ls, _ = doc.line_of(offset)
    best = None
    for hit in _LABEL.finditer(doc.text, ls, offset):
        if hit.end() <= offset and _is_list_of_names(doc, hit.end(), offset):
            best = (hit.group(1), hit.start(1))
    return best


def _field_cue(doc: _Doc, m: Finding) -> Cue | None:
    found = field_label(doc, _list_head(doc, m).start)
    if not found:
        return None
    role, key = label_role(found[0])
    if role == CASE_MEMBER:
        first, last = doc.block_of(m.start)
        if doc.has_type_in(("CASE_REF",), doc.lines[first][0], doc.lines[last][1]):
            return Cue("subject", 3, "named as the member in a case's field block")
        return None
    if role is None:
        if key in _field_tables()[2]:
            first, last = doc.block_of(m.start)
            labels = " ".join(field_label_text(doc, i) for i in range(first, last + 1))
            if re.search(r"(?i)\bcomplain", labels):
                return Cue("complainant", 3, "named in the name field of a complaint form")
            if _is_statement(doc.text):
                return Cue("witness", 3, "named in the name field of a witness statement")
        return None
    return Cue(role, 3, f"labelled '{key}'")


def field_label_text(doc: _Doc, line: int) -> str:
    """The label at the start of a line (``Who is your complaint about?``), or ''."""
    s, e = doc.lines[line]
    hit = re.match(r"[ \t]*([A-Za-z][^:\t\n]{0,60}?)[ \t]*(?::|\t|[ \t]{2,})", doc.text[s:e])
    return hit.group(1) if hit else ""


_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]+-{2,})+[ \t]*$|^[ \t]*-{1,}(?:[ \t]+-{1,})+[ \t]*$")


def column_heading(doc: _Doc, offset: int) -> str | None:
    """The heading of the table column holding ``offset`` (tables with a dashed rule, or tab-separated)."""
    first, _ = doc.block_of(offset)
    i = doc.line_index(offset)
    text = doc.text
    if i <= first:
        return None
    ls, le = doc.lines[i]
    tab_head, rule_head = _table_heads(doc, first)
    if "\t" in text[ls:le]:
        if tab_head is None or tab_head >= i:
            return None
        hs, he = doc.lines[tab_head]
        cells = text[hs:he].split("\t")
        column = text[ls:offset].count("\t")
        return cells[column].strip() if column < len(cells) else None
    if rule_head is None or rule_head + 1 >= i:
        return None
    rs, re_ = doc.lines[rule_head + 1]
    hs, he = doc.lines[rule_head]
    bounds = [(x.start(), x.end()) for x in re.finditer(r"-+", text[rs:re_])]
    col = offset - ls
    index = max((k for k, (s, _) in enumerate(bounds) if s - 1 <= col), default=None)
    if index is None:
        return None
    end = bounds[index + 1][0] if index + 1 < len(bounds) else None
    header = text[hs + bounds[index][0]: hs + end if end is not None else he]
    return header.strip() or None


def _table_heads(doc: _Doc, first: int) -> tuple[int | None, int | None]:
    """For the block starting at line ``first``: its first tab-separated line, and the first line
    with a dashed rule under it (the header of a text table); cached per block."""
    cache: dict[int, tuple[int | None, int | None]] = doc.__dict__.setdefault("_heads", {})
    if first not in cache:
        _, last = doc.block_of(doc.lines[first][0])
        text = doc.text
        tab = next((h for h in range(first, last + 1) if "\t" in text[doc.lines[h][0]:doc.lines[h][1]]), None)
        rule = next((h for h in range(first, last) if _RULE.match(text[doc.lines[h + 1][0]:doc.lines[h + 1][1]])),
                    None)
        cache[first] = (tab, rule)
    return cache[first]


def _column_cue(doc: _Doc, m: Finding) -> Cue | None:
    heading = column_heading(doc, m.start)
    if not heading:
        return None
    role, key = label_role(heading)
    if role == CASE_MEMBER:
        ls, le = doc.line_of(m.start)
        if doc.has_type_in(("CASE_REF",), ls, le):
            return Cue("subject", 3, "named as the member against a case reference")
        return None
    if role is None:
        return None
    return Cue(role, 3, f"in a column headed '{key}'")


def _is_statement(text: str) -> bool:
    """Whether the document is a witness statement, a witness form or a record of a witness interview."""
    head = text[:600]
    return re.search(r"(?i)\b(?:witness\s+statement|statement\s+of\s+(?:evidence|witness)|"
                     r"witness\s+(?:evidence\s+)?form|witness\s+(?:evidence|interview)|interview\s+record)\b",
                     head) is not None and re.search(r"(?i)\bwitness", head) is not None


_SANCTION_COLUMN = re.compile(r"(?i)\b(?:status|sanctions?|outcome|recommendations?|decision|penalty|disciplinary)\b")


def register_cues(doc: _Doc) -> list[tuple[str, Cue]]:
    """The one person on a table row whose status, sanction or outcome column holds a sanction is the
    member it is imposed on (a note or comment column says nothing of whom)."""
    out = []
    for f in doc.by_type.get("SANCTION", ()):
        ls, le = doc.line_of(f.start)
        heading = column_heading(doc, f.start) or ""
        if not _SANCTION_COLUMN.search(heading):
            continue
        keys = _persons(doc, ls, le)
        if len(keys) == 1:
            out.append((keys[0], Cue("subject", 3, "on a register row with a sanction")))
    return out


# --- letters and e-mails ---------------------------------------------------------------------------

_HEADER = re.compile(r"^[ \t]*(From|To|Cc|Bcc|Sent|Date|Subject|Re)[ \t]*:", re.I)
_GREETING = re.compile(r"^[ \t]*(?:Dear|Hi|Hello|Hey|Good[ \t]+(?:morning|afternoon|evening))\b(.*)$", re.I)
_PLURAL = re.compile(r"(?i)\b(?:both|all|everyone|colleagues|team|friends|comrades|members|sirs|madam|"
                     r"sir\s*(?:/|or)\s*madam)\b")


def find_segments(doc: _Doc) -> list[Segment]:
    """The letters and messages of a document, each with its addressee and author where they are clear."""
    text = doc.text
    starts: list[tuple[int, int, int]] = []  # (segment start, header block end line, from-line index)
    i = 0
    while i < len(doc.lines):
        s, e = doc.lines[i]
        if _HEADER.match(text[s:e]):
            j = i
            from_line = None
            while j < len(doc.lines) and _HEADER.match(text[doc.lines[j][0]:doc.lines[j][1]]):
                if _HEADER.match(text[doc.lines[j][0]:doc.lines[j][1]]).group(1).lower() == "from":
                    from_line = j
                j += 1
            if from_line is not None:
                starts.append((s, j, from_line))
            i = j
        else:
            i += 1
    segments: list[Segment] = []
    bounds = [0] + [s for s, _, _ in starts] + [len(text)]
    for k in range(len(bounds) - 1):
        start, end = bounds[k], bounds[k + 1]
        if end <= start:
            continue
        seg = Segment(start, end)
        header_lines: list[int] = []
        if k > 0:
            _, header_end, from_line = starts[k - 1]
            seg.is_email = True
            first_line = doc.line_index(start)
            header_lines = list(range(first_line, header_end))
            seg.author = _single_person(doc, *doc.lines[from_line])
            for j in header_lines:
                ls, le = doc.lines[j]
                if _HEADER.match(text[ls:le]).group(1).lower() == "to":
                    seg.addressees = _persons(doc, ls, le)
        greeting = _greeting(doc, start, end)
        if greeting is not None:
            gs, ge = greeting
            named = _persons(doc, gs, ge)
            if _PLURAL.search(text[gs:ge]):
                seg.addressees = ()  # "Dear Sirs", "Hi both": not one person
            elif named:
                seg.addressees = named
            elif not seg.is_email:
                block = _address_block_person(doc, start, gs)
                seg.addressees = (block,) if block else ()
        if seg.author is None:
            seg.author = _signatory(doc, start, end) or _statement_author(doc, start, end)
        segments.append(seg)
    return segments


def _single_person(doc: _Doc, start: int, end: int) -> str | None:
    keys = _persons(doc, start, end)
    return keys[0] if len(keys) == 1 else None


def _persons(doc: _Doc, start: int, end: int) -> tuple[str, ...]:
    """The distinct people mentioned in [start, end), in order."""
    return tuple(dict.fromkeys(m.person for m in doc.mentions_in(start, end)))  # type: ignore[misc]


def _greeting(doc: _Doc, start: int, end: int) -> tuple[int, int] | None:
    first = doc.line_index(start)
    for i in range(first, min(len(doc.lines), first + 40)):
        s, e = doc.lines[i]
        if s >= end:
            break
        if _GREETING.match(doc.text[s:e]):
            return s, e
    return None


def _address_block_person(doc: _Doc, start: int, end: int) -> str | None:
    """The person named on a line of their own above address lines, before the greeting."""
    for m in doc.mentions_in(start, end):
        ls, le = doc.line_of(m.start)
        line = _title_re().sub("", doc.text[ls:m.start].strip()) + doc.text[m.end:le].strip(" ,")
        if line.strip():
            continue
        i = doc.line_index(m.start) + 1
        if i < len(doc.lines) and doc.has_type_in(("ADDRESS", "POSTCODE"), *doc.lines[i]):
            return m.person
    return None


def _signatory(doc: _Doc, start: int, end: int) -> str | None:
    for hit in _sign_off_re().finditer(doc.text, start, end):
        nxt = doc.line_index(hit.end()) + 1
        for j in range(nxt, min(len(doc.lines), nxt + 4)):
            s, e = doc.lines[j]
            if s >= end:
                break
            person = _single_person(doc, s, e)
            if person:
                return person
    signed = re.compile(r"(?im)^[ \t]*signed(?:[ \t]+by)?[ \t]*:")
    for hit in signed.finditer(doc.text, start, end):
        ls, le = doc.line_of(hit.start())
        person = _single_person(doc, hit.end(), le)
        if person:
            return person
    return None


def _statement_author(doc: _Doc, start: int, end: int) -> str | None:
    if not _is_statement(doc.text):
        return None
    for m in doc.mentions_in(start, min(end, start + 1500)):
        if re.search(r"(?:^|[.\n])[ \t]*I,[ \t]*$", doc.text[max(0, m.start - 10):m.start]):
            return m.person  # "I, Jane Okoro, of 3 Mill Lane, will say as follows"
        found = field_label(doc, m.start)
        if found and normalise_label(found[0]) in _field_tables()[2]:
            return m.person
        left = doc.text[max(0, m.start - 20):m.start]
        if re.search(r"(?i)\bstatement\s+of\s+(?:(?:" + titles_pattern() + r")\s+)?$", left):
            return m.person
    return None


@cache
def _letter_patterns() -> tuple[dict[str, list[re.Pattern[str]]], dict[str, list[re.Pattern[str]]],
                                dict[str, list[tuple[re.Pattern[str], str]]]]:
    c = config()
    addressed = {r: [re.compile(p, re.I) for p in ps] for r, ps in c["addressed"].items()}
    first = {r: [re.compile(p) if p.startswith(r"\bI") else re.compile(p, re.I) for p in ps]
             for r, ps in c["first_person"].items()}
    reasons = {r: [(re.compile(p, re.I), reason) for p, reason in rs] for r, rs in c["addressed_reasons"].items()}
    return addressed, first, reasons


def _best(counts: dict[str, int]) -> str | None:
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def letter_cues(doc: _Doc, segments: Sequence[Segment]) -> list[tuple[str, Cue]]:
    """Cues for the addressee and the author of each letter or message from what its body says."""
    addressed, first, reasons = _letter_patterns()
    out: list[tuple[str, Cue]] = []
    for seg in segments:
        body = _flat(doc.text[seg.start:seg.end])
        if seg.addressees:
            counts = {role: sum(1 for p in ps if p.search(body)) for role, ps in addressed.items()}
            role = _best(counts)
            if role:
                reason = next(r for p, r in reasons[role] if p.search(body))
                if seg.is_email:
                    reason = reason.replace("a letter", "an e-mail")
                out.extend((key, Cue(role, 3, reason)) for key in seg.addressees)
        if seg.author:
            counts = {role: sum(1 for p in ps if p.search(body)) for role, ps in first.items()}
            role = _best(counts)
            if role:
                out.append((seg.author, Cue(role, 3, f"writer of a message as the {role}")))
            elif not seg.is_email and _is_statement(doc.text):
                out.append((seg.author, Cue("witness", 3, "author of a witness statement")))
    return out


# --- e-mail addresses of the organisation -----------------------------------------------------------

_EMAIL = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")


def organisation_domains(text: str) -> set[str]:
    """Configured domains of the organisation, and those of the role mailboxes in the text."""
    from .organisation import is_role_mailbox

    domains = {d.lower() for d in config()["organisation_domains"]}
    for hit in _EMAIL.finditer(text):
        if is_role_mailbox(hit.group()):
            domains.add(hit.group(1).lower())
    return domains


def email_cues(doc: _Doc, cues: dict[str, list[Cue]] | None = None) -> list[tuple[str, Cue]]:
    """Owners of an e-mail address of the organisation are staff.

    The organisation's domains are those configured, those of its role mailboxes in the text,
    and those of people the document names with a staff title (never a public mail domain).
    """
    domains = organisation_domains(doc.text)
    public = {d.lower() for d in config()["public_mail_domains"]}
    staff = {k for k, found in (cues or {}).items()
             if any(c.role == "officer" and c.weight >= 3 for c in found)}
    for f in doc.by_type.get("EMAIL", ()):
        if f.person in staff:
            domain = doc.text[f.start:f.end].rsplit("@", 1)[-1].lower().rstrip(".>")
            if domain not in public:
                domains.add(domain)
    out = []
    for f in doc.by_type.get("EMAIL", ()):
        if not f.person:
            continue
        domain = doc.text[f.start:f.end].rsplit("@", 1)[-1].lower().rstrip(".>")
        if domain in domains:
            out.append((f.person, Cue("officer", 2, "has an e-mail address of the organisation")))
    return out
