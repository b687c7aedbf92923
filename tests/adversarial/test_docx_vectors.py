"""Every DOCX vector of the adversarial corpus: no secret survives, and nothing more is lost.

For each case of :mod:`tests.adversarial.docx_cases` the whole pipeline runs on
the anonymise path (detection, decisions, writing and the pipeline's own
verification). The output is then scanned independently of redactor's code:
every member of the archive (and of any archive inside it) is decoded as UTF-8
and as UTF-16LE, entity- and percent-decoded, and searched case-insensitively,
as it is and with every XML tag and all whitespace stripped.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from urllib.parse import unquote

import docx
import pytest

from redactor.formats.docx import Docx

from .docx_cases import CASES, EMAIL, KEPT, KEPT_HEADER, NAME, SECRET_WORDS, VISIBLE, build, write_corpus

_TAG = re.compile(r"<[^>]*>")


def members(data: bytes, prefix: str = "", depth: int = 0) -> Iterator[tuple[str, bytes]]:
    """Every member of the ZIP archive ``data``, and of the archives inside it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            blob = archive.read(info)
            yield prefix + info.filename, blob
            if depth < 2 and blob[:4] == b"PK\x03\x04":
                yield from members(blob, f"{prefix}{info.filename}!", depth + 1)


def views(blob: bytes) -> list[str]:
    """The ways a reader could decode ``blob``, each also with tags and whitespace stripped."""
    decoded = [blob.decode("utf-8", "ignore"), blob.decode("utf-16-le", "ignore"), blob[1:].decode("utf-16-le", "ignore")]
    out = []
    for text in decoded:
        text = html.unescape(unquote(text)).casefold()
        out += [text, re.sub(r"\s+", "", _TAG.sub("", text))]
    return out


def leaks(data: bytes) -> list[str]:
    """``member: word`` for every secret word found anywhere in ``data``."""
    return [f"{name}: {word}" for name, blob in members(data) for text in [" ".join(views(blob))]
            for word in SECRET_WORDS if word in text]


def member_text(data: bytes, name: str) -> str:
    """The text of one member with tags stripped and whitespace collapsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        raw = html.unescape(_TAG.sub(" ", archive.read(name).decode("utf-8")))
    return re.sub(r"\s+", " ", raw)


@pytest.fixture(scope="module")
def redacted(redactor_engine) -> dict[str, bytes]:
    """Lazily redacted outputs, one per case (each built and redacted once per module)."""

    class Outputs(dict):
        def __missing__(self, case: str) -> bytes:
            outcome = redactor_engine.redact_bytes(build(case), f"{case}.docx", path="anonymise")
            self[case] = outcome.output
            return outcome.output

    return Outputs()


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_input_really_hides_the_secret_there(case: str) -> None:
    """Guards the corpus: the hidden copy is in the member the case names."""
    where = [leak for leak in leaks(build(case)) if leak.startswith(CASES[case].where)]
    assert where, f"{case}: no secret in {CASES[case].where}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_when_redacted_then_no_secret_survives_anywhere(case: str, redacted: dict[str, bytes]) -> None:
    assert leaks(redacted[case]) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_when_redacted_then_the_verifier_view_has_no_secret(case: str, redacted: dict[str, bytes]) -> None:
    for name, text in Docx().extract_parts(redacted[case]):
        assert not any(word in text.casefold() for word in SECRET_WORDS), name


@pytest.mark.parametrize("case", sorted(CASES))
def test_when_redacted_then_kept_text_survives(case: str, redacted: dict[str, bytes]) -> None:
    body = member_text(redacted[case], "word/document.xml")
    assert KEPT in body
    assert "A letter from" in body and "the complainant, was read out. Her address is" in body
    docx.Document(io.BytesIO(redacted[case]))  # python-docx still opens it


def test_a_header_without_findings_is_unchanged(redacted: dict[str, bytes]) -> None:
    source = build("headers_footers")
    header = next(name for name, blob in members(source) if name.startswith("word/header") and KEPT_HEADER.encode() in blob)
    assert member_text(redacted["headers_footers"], header) == member_text(source, header)
    sections = docx.Document(io.BytesIO(redacted["headers_footers"])).sections
    assert sections[0].header.paragraphs[0].text == KEPT_HEADER
    assert sections[0].footer.paragraphs[0].text.startswith("Prepared for ")
    assert sections[1].header.paragraphs[0].text.startswith("Annex about ")


def test_a_name_split_across_formatted_runs_is_replaced_in_place(redacted: dict[str, bytes]) -> None:
    paragraph = next(p for p in docx.Document(io.BytesIO(redacted["split_runs"])).paragraphs if "signed" in p.text)
    assert paragraph.text.startswith("Later ") and paragraph.text.endswith(" signed the statement.")
    assert "Later Imo" not in paragraph.text
    assert paragraph.runs[0].bold  # the first run keeps its formatting and receives the replacement
    assert [bool(r.italic) for r in paragraph.runs][:2] == [False, True]  # the emptied runs are still there


def test_tracked_changes_are_resolved(redacted: dict[str, bytes]) -> None:
    out = redacted["tracked_changes"]
    body = member_text(out, "word/document.xml")
    assert "Revised start inserted words revised end" in body
    assert "moved sentence" in body and "Row that stays" in body and "Deleted row" not in body
    raw = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    for tag in ("w:ins ", "w:del ", "w:delText", "w:moveFrom", "w:moveTo", "w:rPrChange", "w:pPrChange", "w:author"):
        assert f"<{tag}" not in raw and f" {tag}=" not in raw, tag


def test_comments_stay_with_a_neutral_author(redacted: dict[str, bytes]) -> None:
    out = redacted["comments"]
    comments = zipfile.ZipFile(io.BytesIO(out)).read("word/comments.xml").decode()
    assert 'w:author="Reviewer"' in comments and "w:initials" not in comments
    assert "Check with " in member_text(out, "word/comments.xml")


@pytest.mark.parametrize(
    ("case", "gone"),
    [
        ("people", "word/people.xml"),
        ("comment_reactions", "word/commentsExtensible.xml"),
        ("custom_xml", "customXml/item1.xml"),
        ("glossary", "word/glossary/document.xml"),
        ("embedded_object", "word/embeddings/oleObject1.bin"),
        ("embedded_object", "word/embeddings/Microsoft_Excel_Worksheet.xlsx"),
        ("web_settings", "word/webSettings.xml"),
        ("macros", "word/vbaProject.bin"),
        ("properties", "docProps/custom.xml"),
        ("thumbnail", "docProps/thumbnail.jpeg"),
    ],
)
def test_parts_the_recipient_does_not_need_are_dropped_whole(case: str, gone: str, redacted: dict[str, bytes]) -> None:
    out = redacted[case]
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        assert gone not in archive.namelist()
        everything = b"".join(archive.read(name) for name in archive.namelist() if name.endswith((".xml", ".rels")))
    assert gone.encode() not in everything  # no relationship, no content-type override


def test_an_embedded_object_goes_with_its_preview(redacted: dict[str, bytes]) -> None:
    out = redacted["embedded_object"]
    body = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml")
    assert b"w:object" not in body and b"OLEObject" not in body
    assert not [n for n in zipfile.ZipFile(io.BytesIO(out)).namelist() if n.startswith("word/media/")]


def test_field_keywords_survive(redacted: dict[str, bytes]) -> None:
    raw = zipfile.ZipFile(io.BytesIO(redacted["field_codes"])).read("word/document.xml").decode()
    assert 'w:instr=" PAGE "' in raw and "HYPERLINK" in raw and "DOCPROPERTY" in raw


def test_pictures_keep_their_pixels(redacted: dict[str, bytes]) -> None:
    from PIL import Image

    with zipfile.ZipFile(io.BytesIO(redacted["picture_metadata"])) as archive:
        pictures = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert len(pictures) == 2
    for blob in pictures:
        with Image.open(io.BytesIO(blob)) as image:
            assert image.size == (8, 8)
            image.load()


def test_the_corpus_writes_one_file_per_case(tmp_path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    assert sorted(p.stem for p in paths) == sorted(CASES)
    assert all(NAME.encode() in p.read_bytes() or zipfile.is_zipfile(p) for p in paths)
    assert EMAIL in VISIBLE and NAME in VISIBLE
