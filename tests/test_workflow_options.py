"""Options around a disclosure: case files, pseudonyms across a batch, encryption and its reversal,
an organisation's own (5d) categories."""
from __future__ import annotations

import json

from documents import write_txt

NOTICE = """Dear Mr Penhaligon,

Notice of investigation

We have received a complaint about your conduct from Mrs Odette Marchbanks. It is alleged that you shouted
at Mrs Marchbanks at a branch meeting. Mr Declan Fairweather has given a statement to the investigating officer.

Yours sincerely,
Priya Ramaswamy
Investigating Officer
"""

CASE = """case: GLU-2025-00412
parties:
  - {name: Gareth Penhaligon, role: subject}
  - {name: Odette Marchbanks, role: complainant, aliases: [Detty]}
  - {name: Declan Fairweather, role: witness}
"""


def test_a_case_file_gives_roles_and_the_report_says_each_persons_role_and_why(cli, tmp_path):
    src = write_txt(tmp_path / "notice.txt", NOTICE)
    case = tmp_path / "case.yaml"
    case.write_text(CASE)
    out, report = tmp_path / "out.txt", tmp_path / "report.json"
    code, _, err = cli("redact", src, "-o", out, "--path", "member-support", "--case", case,
                       "--recipient", "union representative", "--report", report)
    assert code == 0, err
    text = out.read_text()
    assert "Penhaligon" in text and "Complainant 1" in text and "Witness 1" in text and "Marchbanks" not in text
    data = json.loads(report.read_text())
    roles = {p["role"] for p in data["people"]}
    assert {"subject", "complainant", "witness"} <= roles
    assert all(p["why"] for p in data["people"])
    assert data["path"]["recipient"] == "union representative" and data["path"]["case"] == "case"
    assert "Marchbanks" not in report.read_text()


def test_pseudonyms_are_the_same_across_the_files_of_a_batch(cli, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    write_txt(root / "a.txt", NOTICE)
    write_txt(root / "b.txt", "Note for file.\n\nMrs Odette Marchbanks telephoned about her complaint against "
                              "Mr Gareth Penhaligon. Mr Declan Fairweather will be interviewed.\n")
    code, _, err = cli("batch", root, tmp_path / "out", "--path", "nec-permission", "--permission-ref", "GS/1",
                       "--subject", "Gareth Penhaligon", "--quiet")
    assert code == 0, err
    a, b = (tmp_path / "out" / "a.txt").read_text(), (tmp_path / "out" / "b.txt").read_text()
    for text in (a, b):
        assert "Marchbanks" not in text and "Fairweather" not in text
    labels_a = {w for w in ("Complainant 1", "Witness 1", "Person 1", "Person 2") if w in a}
    labels_b = {w for w in ("Complainant 1", "Witness 1", "Person 1", "Person 2") if w in b}
    assert labels_a and labels_a == labels_b


ENCRYPTING = """name: encrypt-people
title: Encrypted names for authorised review
paragraph: "9(e)"
description: people encrypted, reversible with the key
default_action: keep
never_withhold: true
entities: {PERSON: encrypt}
"""


def test_encrypted_values_are_gone_from_the_copy_and_come_back_with_the_key(cli, tmp_path):
    src = write_txt(tmp_path / "notice.txt", NOTICE)
    path_file, key = tmp_path / "encrypt.yaml", tmp_path / "key"
    path_file.write_text(ENCRYPTING)
    key.write_text("0123456789abcdef0123456789abcdef")
    out, back = tmp_path / "out.txt", tmp_path / "back.txt"
    code, _, err = cli("redact", src, "-o", out, "--pipeline", path_file, "--key-file", key)
    assert code == 0, err
    assert "Marchbanks" not in out.read_text() and "[ENC:" in out.read_text()
    code, _, err = cli("decrypt", out, "-o", back, "--key-file", key)
    assert code == 0, err
    assert "Odette Marchbanks" in back.read_text() and "[ENC:" not in back.read_text()
    wrong = tmp_path / "wrong"
    wrong.write_text("f" * 32)
    code, _, _ = cli("decrypt", out, "-o", tmp_path / "still.txt", "--key-file", wrong)
    assert "Marchbanks" not in (tmp_path / "still.txt").read_text()


def test_a_path_that_encrypts_refuses_to_run_without_a_key(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("REDACTOR_ENCRYPTION_KEY", raising=False)
    src = write_txt(tmp_path / "notice.txt", NOTICE)
    path_file = tmp_path / "encrypt.yaml"
    path_file.write_text(ENCRYPTING)
    code, _, err = cli("redact", src, "-o", tmp_path / "out.txt", "--pipeline", path_file)
    assert code == 2 and "key" in err and not (tmp_path / "out.txt").exists()


CUSTOM = """custom:
  - name: donor records
    paragraph: "5(d)"
    cues:
      - {id: donor-list, weight: 0.9, pattern: [{LOWER: {IN: [donor, donors]}}, {LOWER: {IN: [list, records, register]}}]}
"""


def test_an_organisations_own_category_is_labelled_5d_and_withheld_by_the_public_path(cli, tmp_path):
    src = write_txt(tmp_path / "donors.txt", "Donor register for the spring dinner, as agreed with the treasurer.\n")
    cats = tmp_path / "custom.yaml"
    cats.write_text(CUSTOM)
    code, out, _ = cli("classify", src, "--json", "--categories", cats)
    assert code == 0
    labels = {c["label"]: c for c in json.loads(out)["categories"]}
    assert labels["5d"]["category"] == "donor records" and labels["5d"]["paragraph"] == "5(d)"
    code, _, err = cli("redact", src, "-o", tmp_path / "out.txt", "--categories", cats)
    assert code == 5 and "5d" in err
    code, out, _ = cli("classify", src, "--json")
    assert "5d" not in {c["label"] for c in json.loads(out)["categories"]}


PLP = """Dear Ms Harrowgate,

Following the complaint about your remarks in the chamber, the Chief Whip has suspended the Labour whip
from you with immediate effect, under the Standing Orders of the Parliamentary Labour Party, pending an
investigation into the allegation that you bullied a member of your staff.
"""


def test_plp_material_is_flagged_and_the_report_says_paragraph_8_does_not_apply(cli, tmp_path):
    src = write_txt(tmp_path / "plp.txt", PLP)
    code, out, _ = cli("classify", src, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["plp"] is True
    report = tmp_path / "report.json"
    code, _, err = cli("redact", src, "-o", tmp_path / "out.txt", "--path", "anonymise", "--report", report)
    assert code == 0, err
    notes = json.loads(report.read_text())["notes"]
    assert any("paragraph 8" in n and "10" in n for n in notes)
