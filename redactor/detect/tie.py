"""Keep disciplinary, special-category and date findings only where they are about a person.

"Administrative suspension" in a press release about the rules is not
personal data; "you are placed under administrative suspension" is. A finding
of a tied type (``tied_types`` in ``models/detection.yaml``) survives when

* its sentence, or one of the two before it (or, for a sanction or an allegation, the two after
  it), holds a person's name, an identifier (``identifier_anchors``: a membership number, a case
  reference...) or a word that points at a person (``person_anchors``: you, he, she...), or
* the document names a person and the finding stands on a short line of its
  own or in a table cell: a heading, a subject line, a register entry.

A ``DATE_MENTION`` also survives in a case file (a document that names a
person and has a case reference, a membership number, an allegation or a
sanction); a surviving one becomes a ``DATE``.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from ..document import Finding
from .vocabulary import data

#: Findings that make a document a case file, in which every date of a named person's case counts.
CASE_MARKERS = frozenset({"CASE_REF", "MEMBERSHIP_NO", "ALLEGATION", "SANCTION"})
WINDOW = 2  # sentences before the finding's own that still tie it to a person
#: Types tied by the sentence after theirs too: "This is a formal notice of investigation. The Party has
#: received a complaint about your conduct."
FORWARD_TYPES = frozenset({"SANCTION", "ALLEGATION"})
FORWARD = 2  # sentences after theirs that tie them (a numbered paragraph's number is a sentence of its own)
SHORT_LINE = 60


@lru_cache(maxsize=1)
def _anchor() -> re.Pattern[str]:
    words = sorted(data()["person_anchors"], key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)
    return re.compile(r"(?i)(?<![\w'])(?:" + alternation + r")(?!\w)")


def _on_short_line(text: str, f: Finding) -> bool:
    """Whether the finding stands on a short line or in a table cell (tabs separate cells)."""
    start = max(text.rfind("\n", 0, f.start), text.rfind("\t", 0, f.start)) + 1
    ends = [i for i in (text.find("\n", f.end), text.find("\t", f.end)) if i >= 0]
    end = min(ends) if ends else len(text)
    return len(text[start:end].strip()) < SHORT_LINE


def _on_a_row_with(text: str, f: Finding, person_in) -> bool:
    """Whether the finding stands on a table row (``_ROW_GAP``) that names a person (``person_in``), however
    long its notes cell: ``GOVIER, Blossom   ...   Lovely. ... Reckons the Greens are the only ones...``."""
    line_start, line_end = text.rfind("\n", 0, f.start) + 1, text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(_ROW_GAP.search(text[line_start:line_end].strip())) and person_in(line_start, line_end)


def tied_to_person(text: str, findings: list[Finding], sentences: Sequence[tuple[int, int]]) -> list[Finding]:
    tied = set(data()["tied_types"])
    untied = set(data()["untied_recognizers"])
    anchors = set(data()["identifier_anchors"])
    people = sorted((f for f in findings if f.entity_type in anchors), key=lambda f: f.start)
    people_starts = [p.start for p in people]
    case_document = any(f.entity_type in CASE_MARKERS for f in findings)

    def person_in(s: int, e: int) -> bool:
        """Whether a person anchor overlaps [s, e): anchors are short, so look just before s too."""
        i = bisect.bisect_left(people_starts, s - 200)
        while i < len(people) and people[i].start < e:
            if people[i].end > s:
                return True
            i += 1
        return False

    starts = [s for s, _ in sentences]
    kept = []
    for f in findings:
        if f.entity_type not in tied or f.recognizer in untied:
            kept.append(f)
            continue
        i = bisect.bisect_right(starts, f.start) - 1
        s = sentences[max(i - WINDOW, 0)][0] if i >= 0 else f.start
        last = min(i + FORWARD, len(sentences) - 1) if f.entity_type in FORWARD_TYPES else i
        e = max(sentences[last][1] if i >= 0 else f.end, f.end)
        s = min(s, f.start)
        if (_anchor().search(text, s, e) or person_in(s, e)
                or (people and _on_short_line(text, f))
                or _on_a_row_with(text, f, person_in)
                or (f.entity_type == "DATE_MENTION" and people and case_document)):
            kept.append(replace(f, entity_type="DATE") if f.entity_type == "DATE_MENTION" else f)
    return kept


# --- ownership: whose personal data a finding is ----------------------------------------------------
#
# A finding of personal data takes the person it belongs to (``Finding.person``) where that is
# clear from the layout or the sentence, first rule first:
#
# 1. right beside a name: ``Jane Okoro (membership no. L123)``, ``Jane Okoro <j.okoro@...>``,
#    ``membership no. L123 (J. Okoro)``;
# 2. on the same table row or ``Label: value`` line as exactly one person;
# 3. on a table row with no name but an identifier that belongs to someone (a second table of a
#    membership export keyed by membership number);
# 4. in a block of ``Label: value`` lines about one person (the one in its ``Name:`` field, or else
#    the one in a field that gives a role, such as ``Investigating officer``);
# 5. in the address block under a name on a line of its own;
# 6. an e-mail address whose local part matches one person's name;
# 7. in a sentence: the one person it names (when it says nothing of "I" or "you"); "you" in a
#    letter or message with one addressee; "I" in one with a known writer; "he"/"she" when the
#    sentence before, in the same paragraph, names exactly one person.
#
# Then a value found again elsewhere (the same e-mail address, membership number...) belongs to
# the same person. ``redactor.detect.roles`` gives the linked findings the owner's role.

#: Identifier types that belong to a person (case references are about a case, not a person).
OWNED_IDENTIFIERS = frozenset({"EMAIL", "PHONE", "POSTCODE", "MEMBERSHIP_NO", "HANDLE", "NINO", "NHS_NUMBER",
                               "URL", "IP_ADDRESS", "FINANCIAL"})
OWNED_KINDS = frozenset({"personal", "special", "disciplinary"})
ADDRESS_BLOCK_TYPES = frozenset({"ADDRESS", "POSTCODE", "EMAIL", "PHONE"})
BESIDE_REACH = 70
SIGNATURE_LINE = 60  # a line of a signature block with nothing to link (a title) is at most this long
_FIRST = re.compile(r"(?<![\w'])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\w'])")
_SECOND = re.compile(r"(?i)(?<![\w'])(?:you|your|yours|yourself)(?![\w'])")
_THIRD = re.compile(r"(?i)(?<![\w'])(?:he|she|him|her|his|hers|himself|herself)(?![\w'])")
_ROW_GAP = re.compile(r"\t|\S[ \t]{2,}\S")


def is_owned_type(entity_type: str) -> bool:
    from .types import kind

    if entity_type in OWNED_IDENTIFIERS:
        return True
    return kind(entity_type) in OWNED_KINDS and entity_type != "DATE_MENTION"


def link_owners(text: str, findings: list[Finding], sentences: Sequence[tuple[int, int]] = (),
                segments: Sequence = (), names: Mapping[str, Iterable[tuple[str, ...]]] | None = None,
                same: Mapping[str, str] | None = None) -> list[Finding]:
    """The findings with ``person`` set on personal data whose owner is clear (rules above).

    ``segments`` are the letters and messages of the document (``redactor.detect.roles.Segment``:
    start, end, addressee, author), for "you" and "I". ``names`` are the forms of each person's
    name (person key -> word tuples), for e-mail local parts; by default, the words of their mentions.
    ``same`` maps a person key to the key of the person it is the same as (a surname and a
    forename cell of one row); a finding is linked to that key.
    """
    return _Owners(text, findings, sentences, segments, names, same or {}).linked()


class _Owners:
    """One pass of link_owners over a document: the rules in order, each on what is still unowned."""

    def __init__(self, text: str, findings: list[Finding], sentences: Sequence[tuple[int, int]],
                 segments: Sequence, names: Mapping[str, Iterable[tuple[str, ...]]] | None,
                 same: Mapping[str, str]) -> None:
        from .lines import line_spans

        self.text, self.findings, self.sentences, self.segments = text, findings, sentences, segments
        self.lines = line_spans(text)
        self.line_starts = [s for s, _ in self.lines]
        self.mentions = sorted((replace(f, person=same.get(f.person, f.person)) for f in findings  # type: ignore[arg-type]
                                if f.entity_type == "PERSON" and f.person), key=lambda f: f.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.owned = [i for i, f in enumerate(findings) if f.person is None and is_owned_type(f.entity_type)]
        self.owner: dict[int, str] = {}  # index in findings -> person key
        self.on_line: dict[int, list[int]] = defaultdict(list)  # line -> indexes of the owned findings on it
        for i in self.owned:
            self.on_line[self.line_no(findings[i].start)].append(i)
        self.identifiers_on_line: dict[int, list[Finding]] = defaultdict(list)
        for f in findings:
            if f.entity_type in OWNED_IDENTIFIERS:
                self.identifiers_on_line[self.line_no(f.start)].append(f)
        self._rows: dict[int, bool] = {}
        self.names = names

    # look-ups ------------------------------------------------------------------------------------
    def line_no(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def persons_in(self, start: int, end: int) -> list[Finding]:
        i = bisect.bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            out.append(self.mentions[i])
            i += 1
        return out

    def keys_in(self, start: int, end: int) -> set[str]:
        return {m.person for m in self.persons_in(start, end)}  # type: ignore[misc]

    def is_row(self, n: int) -> bool:
        """A table row or a ``Label: value`` line (not prose)."""
        if n not in self._rows:
            s, e = self.lines[n]
            line = self.text[s:e]
            self._rows[n] = bool(_ROW_GAP.search(line.strip())
                                 or re.match(r"^[ \t]*[A-Za-z][\w '/()&.?-]{0,40}:[ \t]*\S", line))
        return self._rows[n]

    def is_field(self, n: int) -> bool:
        """A ``Label: value`` line or a two-cell row (a field), not a row of a wider table."""
        s, e = self.lines[n]
        line = self.text[s:e].strip()
        if re.match(r"^[A-Za-z][\w '/()&.?-]{0,40}:[ \t]*\S", line):
            return True
        return len(re.split(r"\t|(?:(?<=[^\s.!?])|(?<=[Nn]o\.))[ \t]{2,}(?=\S)", line)) == 2

    def blank(self, n: int) -> bool:
        s, e = self.lines[n]
        return not self.text[s:e].strip()

    def unowned(self) -> list[int]:
        return [i for i in self.owned if i not in self.owner]

    # the rules -----------------------------------------------------------------------------------
    def linked(self) -> list[Finding]:
        for rule in (self.beside_a_name, self.on_a_row, self.keyed_rows, self.field_blocks, self.address_blocks,
                     self.email_local_parts, self.contact_phrases, self.in_sentences, self.same_values):
            rule()
        return [replace(f, person=self.owner[i]) if i in self.owner else f for i, f in enumerate(self.findings)]

    def beside_a_name(self) -> None:
        """``Name (membership no. L123)``, ``Name <email>``, ``Name, membership number L123``, ``L123 (Name)``."""
        text = self.text
        for i in self.unowned():
            f = self.findings[i]
            before = [m for m in self.persons_in(max(0, f.start - BESIDE_REACH), f.start) if m.end <= f.start]
            if before:
                m = before[-1]
                gap = text[m.end:f.start]
                opened = gap.count("(") > gap.count(")") or gap.count("<") > gap.count(">")
                labelled = re.fullmatch(r"[ \t]*[,:\-\u2013][ \t]*(?:[\w.]+[ \t]){0,3}[ \t]*", gap)
                if "\n\n" not in gap and (opened or labelled) \
                        and not re.search(r"[.;!?](?:\s|$)", re.sub(r"\b(?:no|No|NO)\.", "no", gap)):
                    self.owner[i] = m.person  # type: ignore[assignment]
                    continue
            after = self.persons_in(f.end, f.end + 12)
            if after and re.fullmatch(r"[ \t]*\([ \t]*", text[f.end:after[0].start]):
                self.owner[i] = after[0].person  # type: ignore[assignment]

    def on_a_row(self) -> None:
        """The same table row or field line as exactly one person."""
        for i in self.unowned():
            n = self.line_no(self.findings[i].start)
            if self.is_row(n):
                keys = self.keys_in(*self.lines[n])
                if len(keys) == 1:
                    self.owner[i] = keys.pop()

    def owners_by_value(self) -> dict[str, str]:
        """Each owned identifier's value and its (first) owner."""
        by_value: dict[str, str] = {}
        for i, person in self.owner.items():
            f = self.findings[i]
            if f.entity_type in OWNED_IDENTIFIERS:
                by_value.setdefault(_value(self.text, f), person)
        return by_value

    def keyed_rows(self) -> None:
        """A row with no name, keyed by an identifier that belongs to someone (a membership export's second table)."""
        key_owner = self.owners_by_value()
        if not key_owner:
            return
        for i in self.unowned():
            n = self.line_no(self.findings[i].start)
            if not self.is_row(n) or self.keys_in(*self.lines[n]):
                continue
            for g in self.identifiers_on_line[n]:
                if _value(self.text, g) in key_owner:
                    self.owner[i] = key_owner[_value(self.text, g)]
                    break

    def field_blocks(self) -> None:
        """A block of ``Label: value`` lines about one person (their name field, or the only person in it)."""
        decided: dict[int, str | None] = {}  # first line of a block -> its person
        starts: dict[int, int] = {}  # line -> first line of its block
        for i in self.unowned():
            n = self.line_no(self.findings[i].start)
            if not self.is_field(n) or self.keys_in(*self.lines[n]):
                continue
            first = n
            while first > 0 and first not in starts and not self.blank(first - 1) and self.is_field(first - 1):
                first -= 1
            first = starts.get(first, first)
            starts[n] = first
            if first not in decided:
                last = n
                while last + 1 < len(self.lines) and not self.blank(last + 1) and self.is_field(last + 1):
                    last += 1
                block = self.persons_in(self.lines[first][0], self.lines[last][1])
                labelled = [(m, _who_field(self.text, self.lines[self.line_no(m.start)][0], m.start)) for m in block]
                keys = {m.person for m, what in labelled if what == "name"} \
                    or {m.person for m, what in labelled if what == "role"}
                decided[first] = keys.pop() if len(keys) == 1 else None  # type: ignore[assignment]
            if decided[first]:
                self.owner[i] = decided[first]  # type: ignore[assignment]

    def address_blocks(self) -> None:
        """The lines of an address, or of a signature (title, phone, e-mail), under a name on a line of its own.

        The block runs to the next blank line or the next name; a line with nothing to link
        must be short (a job title), not prose.
        """
        text = self.text
        for m in self.mentions:
            n = self.line_no(m.start)
            s, e = self.lines[n]
            rest = re.sub(r"\([^()]*\)", "", text[m.end:e])  # "Jane Okoro (she/her)"
            if _strip_titles(text[s:m.start]) + rest.strip(" ,.") != "":
                continue
            k = n + 1
            while k < len(self.lines) and k <= n + 8 and not self.blank(k) and not self.keys_in(*self.lines[k]):
                hits = [i for i in self.on_line.get(k, ()) if self.findings[i].entity_type in ADDRESS_BLOCK_TYPES]
                ks, ke = self.lines[k]
                if not hits and len(text[ks:ke].strip()) > SIGNATURE_LINE:
                    break
                for i in hits:
                    self.owner.setdefault(i, m.person)  # type: ignore[arg-type]
                k += 1

    def email_local_parts(self) -> None:
        """An e-mail address whose local part spells one person's name."""
        forms: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        if self.names is None:
            for m in self.mentions:
                forms[m.person].add(tuple(re.split(r"[\s,]+", self.text[m.start:m.end])))  # type: ignore[index]
        else:
            for key, found in self.names.items():
                forms[key].update(found)
        folded = {k: {tuple(_fold(w) for w in form if _fold(w)) for form in fs} for k, fs in forms.items()}
        for i in self.unowned():
            f = self.findings[i]
            if f.entity_type == "EMAIL":
                person = _email_owner(self.text[f.start:f.end], folded)
                if person:
                    self.owner[i] = person

    def contact_phrases(self) -> None:
        """A phone number or e-mail address given as someone's: ``contact me on ...``, ``my direct line, ...``,
        ``you can reach Ainhoa on ...``, ``his mobile is ...`` (him: the one person the sentence before names)."""
        text = self.text
        starts = [s for s, _ in self.sentences]
        for i in self.unowned():
            f = self.findings[i]
            if f.entity_type not in ("PHONE", "EMAIL"):
                continue
            lo = max(0, f.start - 80)
            chars = list(text[lo:f.start].replace("\n", " "))
            before = [m for m in self.persons_in(lo, f.start) if m.end <= f.start]
            for m in before:
                chars[m.start - lo:m.end - lo] = "\x00" * (m.end - m.start)
            hit = _CONTACT.search("".join(chars))
            if not hit:
                continue
            person = None
            if hit.group("name"):
                person = next((m.person for m in reversed(before) if m.end - lo == hit.end("name")), None)
            else:
                segment = next((g for g in self.segments if g.start <= f.start < g.end), None)
                word = hit.group("who").lower()
                if word in ("me", "my") and segment is not None:
                    person = segment.author
                elif word in ("your",) and segment is not None:
                    person = segment.addressee
                elif word in ("him", "his", "her") and self.sentences:
                    k = bisect.bisect_right(starts, f.start) - 1
                    here = self.keys_in(self.sentences[k][0], f.start) if k >= 0 else set()
                    if len(here) == 1:
                        person = here.pop()
                    elif not here and k > 0:
                        previous = self.keys_in(*self.sentences[k - 1])
                        person = previous.pop() if len(previous) == 1 else None
            if person:
                self.owner[i] = person

    def in_sentences(self) -> None:
        """The one person a sentence names; "you" and "I" in a letter; "he"/"she" after a sentence naming one."""
        if not self.sentences:
            return
        text = self.text
        starts = [s for s, _ in self.sentences]
        for i in self.unowned():
            f = self.findings[i]
            if self.is_row(self.line_no(f.start)):
                continue
            k = bisect.bisect_right(starts, f.start) - 1
            if k < 0:
                continue
            s, e = self.sentences[k]
            e = max(e, f.end)
            if _RELATIVE.search(text, max(0, f.start - 40), f.start):
                continue  # "her son's autism", "his brother is seriously ill"
            possessive = _POSSESSIVE.search(text, max(0, f.start - 60), f.start)
            if possessive:  # "Ms Okoro's suspension" is hers; "the councillor's sexuality" is not the sentence's
                named = [m for m in self.persons_in(possessive.start(), possessive.end())
                         if m.end == possessive.start() + len(possessive.group(1))]
                if named:
                    self.owner[i] = named[-1].person  # type: ignore[assignment]
                continue
            person = _sentence_owner(text, s, e, self.persons_in, self.segments, f)
            if person is None and k > 0 and _THIRD.search(text, s, e) and not self.keys_in(s, e) \
                    and not _FIRST.search(text, s, e) and not _SECOND.search(text, s, e):
                ps, pe = self.sentences[k - 1]
                previous = self.keys_in(ps, pe)
                if len(previous) == 1 and "\n\n" not in text[pe:s] and not self.is_row(self.line_no(ps)):
                    person = previous.pop()
            if person:
                self.owner[i] = person

    def same_values(self) -> None:
        """The same value found again elsewhere belongs to the same person."""
        by_value = self.owners_by_value()
        for i in self.unowned():
            f = self.findings[i]
            if f.entity_type in OWNED_IDENTIFIERS and _value(self.text, f) in by_value:
                self.owner[i] = by_value[_value(self.text, f)]


def _value(text: str, f: Finding) -> str:
    return re.sub(r"\s+", "", text[f.start:f.end]).lower()


def _strip_titles(s: str) -> str:
    from .vocabulary import titles_pattern

    return re.sub(titles_pattern(), "", s).strip(" \t,.")


def _who_field(text: str, line_start: int, offset: int) -> str | None:
    """What the field holding the mention at ``offset`` says of it: ``"name"`` (``Name:``,
    ``Respondent``...), ``"role"`` (``Investigating officer``...) or None."""
    from .roles import config, normalise_label

    label = re.match(r"[ \t]*([A-Za-z][\w' /()&.?-]{0,40}?)[ \t]*(?::|\t|[ \t]{2,})", text[line_start:offset])
    if not label:
        return None
    key = normalise_label(label.group(1))
    if key in {k.lower() for k in config()["name_fields"]}:
        return "name"
    if key in {k.lower() for k in config()["field_roles"]}:
        return "role"
    return None


def _fold(word: str) -> str:
    import unicodedata

    word = unicodedata.normalize("NFKD", word)
    return re.sub(r"[^a-z]", "", word.encode("ascii", "ignore").decode().lower())


def row_roles(text: str, findings: list[Finding], role_of: Mapping[str, str]) -> list[Finding]:
    """Personal data with no one owner, on a table row or field line naming several people, takes the
    role they share (``role_of``: person key -> role), officers apart (they act in role: a log line's
    staff initials); when they share none but no one of them is a subject, it is third-party data
    (a complaints-log row naming the complainant and the respondent, read by someone else).
    """
    owners = _Owners(text, findings, (), (), None, {})
    out = list(findings)
    for i in owners.owned:
        f = findings[i]
        n = owners.line_no(f.start)
        if f.role or not owners.is_row(n):
            continue
        roles = {role_of.get(k) for k in owners.keys_in(*owners.lines[n])} - {"officer"}
        if len(roles) < 1 or None in roles:
            continue
        role = roles.pop() if len(roles) == 1 else ("third_party" if "subject" not in roles else None)
        if role:
            out[i] = replace(f, role=role, role_reason=f"on a row about a {role.replace('_', ' ')}, "
                                                       f"with no one owner")
    return out


def _email_owner(address: str, names: dict[str, set[tuple[str, ...]]]) -> str | None:
    """The one person whose surname (or first name and initial) the local part of ``address`` spells."""
    local = _fold(address.split("@", 1)[0])
    parts = [p for p in re.split(r"[._\-+\d]+", address.split("@", 1)[0].lower()) if p]
    scores: dict[str, int] = {}
    for person, forms in names.items():
        words = {w for form in forms for w in form if len(w) >= 3}
        surnames = {form[-1] for form in forms if form and len(form[-1]) >= 3}
        joined = {"".join(form[1:]) for form in forms if len(form) > 2}  # particles: "ni" + "fhlannagain"
        score = 0
        if any(s in local for s in surnames | joined):
            score = 2
        elif any(w == _fold(p) for w in words for p in parts):
            score = 1
        if score:
            scores[person] = score
    if not scores:
        return None
    top = max(scores.values())
    best = [p for p, s in scores.items() if s == top]
    return best[0] if len(best) == 1 else None


def _sentence_owner(text: str, s: int, e: int, persons_in, segments: Sequence, f: Finding) -> str | None:
    """Whose a finding is, from its sentence alone (None when the sentence leaves any doubt).

    * the one person the sentence names, when no "I" or "you" is in it and no "he"/"she" comes
      before the name (``He attached a letter from his GP, Dr X, ... he has depression`` is not X's);
    * "you" in a letter or message to one person, when there is no "I" (and, but for allegations
      and sanctions, which "you" is the subject of, no "he"/"she" or other name either);
    * "I" in one with a known writer, when there is no "you", "he" or "she".
    """
    mentions = persons_in(s, e)
    keys = {m.person for m in mentions}
    first = _FIRST.search(text, s, e) is not None
    second = _SECOND.search(text, s, e) is not None
    third = _THIRD.search(text, s, e)
    if len(keys) == 1 and not first and not second:
        if third and third.start() < mentions[0].start:
            return None
        return keys.pop()
    segment = next((g for g in segments if g.start <= s < g.end), None)
    if keys:
        # "It is alleged that you shouted at Mrs X": an allegation or sanction put to "you" is the addressee's
        if segment is not None and second and not first and kind_of(f.entity_type) == "disciplinary" \
                and segment.addressee and segment.addressee not in keys:
            return segment.addressee
        return None
    if segment is None:
        return None
    if second and not first and (not third or kind_of(f.entity_type) == "disciplinary"):
        return segment.addressee
    if first and not second and not third:
        return segment.author
    return None


def kind_of(entity_type: str) -> str:
    from .types import kind

    return kind(entity_type)


#: What comes right before a phone number or e-mail address given as someone's: "contact me on",
#: "my direct line,", "reach Ainhoa on", "his mobile is", "write to her at" (a name only right
#: after a verb of contacting: "a call from Joan: ..." is not Joan's number).
_CONTACT = re.compile(
    r"(?:(?<![\w'])(?P<who>[Mm]e|[Mm]y|[Hh]im|[Hh]is|[Hh]er|[Yy]our)(?![\w'])"
    r"|(?i:contact|reach|call|ring|phone|text|e-?mail|write\s+to)\s+(?P<name>\x00+))"
    r"(?:[ ,:(]|(?i:on|at|is|by|or|directly|direct|line|mobile|phone|telephone|number|landline|email|e-mail|"
    r"the|a|office|home|work|personal))*$")

#: A finding right after a possessive (``X's``, ``the councillor's``), perhaps with one word between.
_POSSESSIVE = re.compile(r"(\S+)['\u2019]s?\s+(?:\w+\s+)?$")

#: A finding right after one of these is about a relative, not the person the sentence names.
_RELATIVE = re.compile(r"(?i)\b(?:his|her|their|my|your)\s+(?:\w+\s+)?(?:son|daughter|husband|wife|partner|brother|"
                       r"sister|mother|father|mum|dad|child|children|kids?|family|grandson|granddaughter|"
                       r"grandmother|grandfather|parents?|niece|nephew|cousin|uncle|aunt|friend|neighbour)"
                       r"(?:[\u2019']s)?\s*(?:\w+\s+){0,2}$")
