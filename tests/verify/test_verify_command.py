"""`redactor verify ORIGINAL REDACTED [--report]`: exit 0 on a clean copy, 4 naming the part on a leak."""
from __future__ import annotations

import json

import pytest
from docx import Document as WordDocument

from redactor.verify import Leak, check, describe, fold

LETTER = ("Dear Ms Imogen Tallowfield,\n\nPlease call me on 07700 900123 or write to "
          "imogen.tallowfield@example.org.\n\nThe hearing will take place in the spring.\n\n"
          "Yours sincerely,\nDesmond Okafor-Reyes\n")
SECRETS = ["Tallowfield", "07700 900123", "imogen.tallowfield@example.org", "Okafor-Reyes"]


@pytest.fixture
def letter(tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text(LETTER, encoding="utf-8")
    return src


@pytest.fixture
def redacted(cli, letter, tmp_path):
    out, report = tmp_path / "out.txt", tmp_path / "report.json"
    code, _, err = cli("redact", letter, "-o", out, "--path", "anonymise", "--report", report)
    assert code == 0, err
    return out, report


def test_a_clean_copy_verifies(cli, letter, redacted):
    code, _, err = cli("verify", letter, redacted[0])
    assert code == 0, err
    assert "clean" in err


def test_the_original_itself_is_a_leak(cli, letter):
    code, _, err = cli("verify", letter, letter)
    assert code == 4
    assert "leak" in err and "PERSON" in err
    assert not any(s.lower() in err.lower() for s in SECRETS)  # the part and type, never the text


def test_a_copy_with_one_value_put_back_is_a_leak(cli, letter, redacted, tmp_path):
    tampered = tmp_path / "tampered.txt"
    tampered.write_text(redacted[0].read_text() + "\nPS from Okafor-Reyes\n", encoding="utf-8")
    code, _, err = cli("verify", letter, tampered)
    assert code == 4 and "PERSON" in err


def test_a_hidden_form_of_a_value_is_still_a_leak(cli, letter, redacted, tmp_path):
    tampered = tmp_path / "tampered.txt"
    tampered.write_text(redacted[0].read_text() + "\nTallow\u200bfield\n", encoding="utf-8")
    assert cli("verify", letter, tampered)[0] == 4


def test_with_the_report_the_report_decides_what_was_removed(cli, letter, redacted):
    out, report = redacted
    assert cli("verify", letter, out, "--report", report)[0] == 0
    assert cli("verify", letter, letter, "--report", report)[0] == 4


def test_a_report_of_another_file_is_refused(cli, letter, redacted, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(LETTER + "P.S.\n", encoding="utf-8")
    code, _, err = cli("verify", other, redacted[0], "--report", redacted[1])
    assert code == 2 and "different original" in err


def test_a_report_whose_offsets_do_not_match_is_refused(cli, letter, redacted, tmp_path):
    report = json.loads(redacted[1].read_text())
    for finding in report["findings"]:
        finding["start"] += 1
        finding["end"] += 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(report))
    code, _, err = cli("verify", letter, redacted[0], "--report", bad)
    assert code == 2 and "do not match" in err


def test_formats_must_match(cli, letter, tmp_path):
    other = tmp_path / "out.md"
    other.write_text("x")
    assert cli("verify", letter, other)[0] == 2


def test_a_docx_leak_names_the_part(cli, tmp_path):
    src = tmp_path / "letter.docx"
    document = WordDocument()
    for line in LETTER.split("\n\n"):
        document.add_paragraph(line)
    document.save(src)
    out = tmp_path / "out.docx"
    assert cli("redact", src, "-o", out, "--path", "anonymise")[0] == 0
    assert cli("verify", src, out)[0] == 0
    code, _, err = cli("verify", src, src)
    assert code == 4 and "word/document.xml" in err


def test_a_value_kept_elsewhere_may_appear_as_often_as_it_is_kept():
    text = "Smith wrote. Smith replied."
    spans = [(0, 5, "PERSON")]  # the first Smith removed, the second kept
    assert not check(text, spans, [("text", "[PERSON] wrote. Smith replied.")]).leaks
    assert check(text, spans, [("text", "Smith wrote. Smith replied.")]).leaks == (Leak("PERSON", "text"),)


def test_whole_words_only():
    assert not check("Tom came.", [(0, 3, "PERSON")], [("word/customXml.xml", "customxml tomato")]).leaks


def test_the_message_is_one_line_of_types_and_parts():
    message = describe([Leak("PERSON", f"object {i}") for i in range(8)])
    assert "\n" not in message and "and 3 more" in message


def test_fold_joins_what_a_reader_would_join():
    assert fold("TALLOW-\nfield\u200b  X") == "tallowfield x"
