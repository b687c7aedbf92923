"""Case files: the parties of a case, their roles and the other names they go by.

A case file is YAML or JSON (chosen by the extension; ``.yaml``/``.yml``/``.json``,
anything else is read as YAML, of which JSON is a subset)::

    case: CMP-2024-0131        # optional
    parties:
      - name: Robert Hale
        role: subject
        aliases: [Bob Hale, Bobby]
      - {name: Amina Yusuf, role: complainant}

``role`` is one of subject, complainant, witness, officer, public_figure or
third_party (``other`` is read as third_party); without one, the document
decides the person's role. A role given here always wins over one inferred
from the document. ``aliases`` are other forms of the same person's name.

An invalid file raises :class:`~redactor.errors.UsageError` with one line naming
the file and the problem (never the names in it).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from .detect.people import KnownPerson
from .detect.roles import ROLES, normalise_role
from .errors import UsageError
from .resources import load_yaml

TOP_KEYS = frozenset({"case", "parties"})
PARTY_KEYS = frozenset({"name", "role", "aliases"})
MAX_BYTES = 1024 * 1024


def load_case(path: str | Path) -> list[KnownPerson]:
    """The parties listed in the case file at ``path``."""
    path = Path(path)
    data = _parse(path)
    where = f"case file {path}"
    if data is None:
        raise UsageError(f"{where}: the file is empty")
    if not isinstance(data, dict):
        raise UsageError(f"{where}: expected a mapping with a 'parties' list at the top level")
    unknown = sorted(str(k) for k in data if k not in TOP_KEYS)
    if unknown:
        raise UsageError(f"{where}: unknown key {unknown[0]!r} (expected 'case' and 'parties')")
    case = data.get("case")
    if case is not None and not isinstance(case, (str, int)):
        raise UsageError(f"{where}: 'case' must be a reference such as CMP-2024-0131")
    parties = data.get("parties")
    if parties is None:
        raise UsageError(f"{where}: no 'parties' list")
    if not isinstance(parties, list) or not parties:
        raise UsageError(f"{where}: 'parties' must be a non-empty list")
    people: list[KnownPerson] = []
    seen: dict[str, int] = {}
    for i, party in enumerate(parties, start=1):
        person = _party(party, f"{where}: party {i}")
        key = " ".join(person.name.lower().split())
        if key in seen:
            raise UsageError(f"{where}: party {i} has the same name as party {seen[key]}")
        seen[key] = i
        people.append(person)
    return people


def _parse(path: Path) -> Any:
    where = f"case file {path}"
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UsageError(f"{where}: larger than {MAX_BYTES // 1024} KB")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{where}: is a folder, not a file") from None
    except OSError as e:
        raise UsageError(f"{where}: cannot be read ({e.strerror or 'error'})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{where}: not UTF-8 text") from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text) if text.strip() else None
        except json.JSONDecodeError as e:
            raise UsageError(f"{where}: invalid JSON at line {e.lineno}, column {e.colno}") from None
    try:
        return load_yaml(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise UsageError(f"{where}: invalid YAML{at}") from None


def _party(party: Any, where: str) -> KnownPerson:
    if isinstance(party, str):
        raise UsageError(f"{where}: expected a mapping with 'name' and 'role', not a bare string")
    if not isinstance(party, dict):
        raise UsageError(f"{where}: expected a mapping with 'name' and 'role'")
    unknown = sorted(str(k) for k in party if k not in PARTY_KEYS)
    if unknown:
        raise UsageError(f"{where}: unknown key {unknown[0]!r} (expected name, role, aliases)")
    name = party.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UsageError(f"{where}: 'name' must be a non-empty string")
    role = party.get("role")
    if role is not None and not isinstance(role, str):
        raise UsageError(f"{where}: 'role' must be one of {', '.join(ROLES)}")
    try:
        role = normalise_role(role)
    except ValueError:
        raise UsageError(f"{where}: unknown role {role!r} (expected one of {', '.join(ROLES)})") from None
    aliases = party.get("aliases", [])
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise UsageError(f"{where}: 'aliases' must be a list of names")
    return KnownPerson(name.strip(), role, tuple(a.strip() for a in aliases))
