"""Case files: the parties of a case with their roles and aliases, in YAML or JSON; invalid ones refused."""
import json

import pytest

from redactor.case import load_case
from redactor.detect import KnownPerson
from redactor.errors import UsageError
from redactor.formats.text import PlainText

CASE_YAML = """\
case: CMP-2026-0417        # optional
parties:
  - name: Roderick Penhallow
    role: subject
    aliases: [Rod Penhallow, Dickie]
  - {name: Amara Lindqvist, role: complainant}
  - name: Jonas Achterberg
    role: other
  - name: Saoirse Delacroix
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_yaml_case_file_lists_the_parties_with_roles_and_aliases(tmp_path):
    people = load_case(write(tmp_path, "case.yaml", CASE_YAML))
    assert people == [
        KnownPerson("Roderick Penhallow", "subject", ("Rod Penhallow", "Dickie")),
        KnownPerson("Amara Lindqvist", "complainant"),
        KnownPerson("Jonas Achterberg", "third_party"),  # "other" is read as third_party
        KnownPerson("Saoirse Delacroix", None),  # no role: the document decides
    ]


def test_a_json_case_file_reads_the_same(tmp_path):
    data = {"parties": [{"name": "Roderick Penhallow", "role": "subject", "aliases": ["Dickie"]},
                        {"name": "Amara Lindqvist", "role": "witness"}]}
    people = load_case(write(tmp_path, "case.json", json.dumps(data)))
    assert people == [KnownPerson("Roderick Penhallow", "subject", ("Dickie",)),
                      KnownPerson("Amara Lindqvist", "witness")]


def test_the_parties_of_a_case_file_drive_detection(tmp_path, detector):
    people = load_case(write(tmp_path, "case.yml", CASE_YAML))
    text = ("Dear Ms Lindqvist,\n\nWe have received a complaint about you from Dickie, who says you "
            "shouted at him.\n\nYours sincerely,\nHarriet Okonjo-Blake\nCase Officer\n")
    doc = PlainText().read(text.encode(), "x.txt")
    found = {doc.text[f.start:f.end]: (f.role, f.role_reason) for f in detector.detect(doc, people)
             if f.entity_type == "PERSON"}
    # the document reads as a letter to the subject, but the case file says otherwise
    assert found["Lindqvist"] == ("complainant", "given by the user")
    assert found["Dickie"] == ("subject", "given by the user")


@pytest.mark.parametrize("name, text, problem", [
    ("empty.yaml", "", "empty"),
    ("list.yaml", "- name: Amara Lindqvist\n", "mapping"),
    ("noparties.yaml", "case: CMP-1\n", "'parties'"),
    ("emptyparties.yaml", "parties: []\n", "non-empty list"),
    ("unknown.yaml", "parties: [{name: Amara Lindqvist}]\nsubjects: []\n", "unknown key 'subjects'"),
    ("noname.yaml", "parties:\n  - role: subject\n", "party 1: 'name'"),
    ("blankname.yaml", "parties:\n  - {name: '  ', role: subject}\n", "party 1: 'name'"),
    ("badrole.yaml", "parties:\n  - {name: Amara Lindqvist, role: witness}\n  - {name: Jonas Achterberg, role: boss}\n",
     "party 2: unknown role 'boss'"),
    ("boolrole.yaml", "parties:\n  - {name: Amara Lindqvist, role: yes}\n", "party 1: 'role'"),
    ("badaliases.yaml", "parties:\n  - {name: Amara Lindqvist, aliases: {a: b}}\n", "'aliases'"),
    ("partykey.yaml", "parties:\n  - {name: Amara Lindqvist, email: a@b.example}\n", "unknown key 'email'"),
    ("bare.yaml", "parties:\n  - Amara Lindqvist\n", "bare string"),
    ("duplicate.yaml", "parties:\n  - {name: Amara Lindqvist}\n  - {name: amara  lindqvist}\n",
     "party 2 has the same name as party 1"),
    ("syntax.yaml", "parties: [\n  {name: Amara\n", "invalid YAML"),
    ("syntax.json", '{"parties": [', "invalid JSON"),
    ("case.yaml", "case: [1, 2]\nparties: [{name: Amara Lindqvist}]\n", "'case'"),
])
def test_an_invalid_case_file_is_a_usage_error_naming_the_file_and_the_problem(tmp_path, name, text, problem):
    path = write(tmp_path, name, text)
    with pytest.raises(UsageError) as caught:
        load_case(path)
    message = str(caught.value)
    assert name in message
    assert problem in message
    assert "\n" not in message
    assert caught.value.exit_code == 2


def test_a_missing_case_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match=r"missing\.yaml: no such file"):
        load_case(tmp_path / "missing.yaml")


def test_a_case_file_that_is_not_text_is_a_usage_error(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_bytes(b"\xff\xfe\x00parties")
    with pytest.raises(UsageError, match="not UTF-8"):
        load_case(path)


def test_an_error_never_repeats_the_names_in_the_file(tmp_path):
    path = write(tmp_path, "case.yaml", "parties:\n  - {name: Amara Lindqvist, role: boss}\n")
    with pytest.raises(UsageError) as caught:
        load_case(path)
    assert "Lindqvist" not in str(caught.value)
