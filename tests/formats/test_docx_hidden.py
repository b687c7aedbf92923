"""Tests for the DOCX stages outside the text: revisions, dropped parts, scrubbing, pictures, the verifier's view."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from redactor.document import Decision, Finding
from redactor.formats.docx import Docx
from redactor.formats.docx.extract import printable_strings
from redactor.formats.docx.media import strip_jpeg, strip_png
from redactor.formats.docx.parts import relationship_kind
from redactor.formats.docx.revisions import resolve_revisions
from redactor.formats.docx.scrub import removal_pattern

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'
NAME = "Imogen Tallowfield"


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _redact(data: bytes, *needles: str) -> bytes:
    """Write ``data`` with every occurrence of every needle decided away (as a finding)."""
    doc = Docx().read(data, "x.docx")
    decisions = []
    for needle in needles:
        start = doc.text.find(needle)
        while start >= 0:
            finding = Finding(start, start + len(needle), "PERSON", 1.0, "test")
            decisions.append(Decision(start, start + len(needle), "PERSON", "redact", "[PERSON]", "test", (finding,)))
            start = doc.text.find(needle, start + 1)
    return Docx().write(doc, sorted(decisions, key=lambda d: d.start))


def _text(element) -> str:
    return "".join(element.itertext())


# ---------------------------------------------------------------- revisions

REVISIONS = [
    # (body of a w:p or w:tbl, text after resolution, tag that must be gone)
    ('<w:r><w:t>a</w:t></w:r><w:del w:author="X"><w:r><w:delText>gone</w:delText></w:r></w:del>', "a", "del"),
    ('<w:ins w:author="X"><w:r><w:t>kept</w:t></w:r></w:ins>', "kept", "ins"),
    ('<w:moveFrom w:author="X"><w:r><w:delText>old</w:delText></w:r></w:moveFrom>'
     '<w:moveTo w:author="X"><w:r><w:t>new</w:t></w:r></w:moveTo>', "new", "moveFrom"),
    ('<w:ins w:author="X"><w:r><w:t>in</w:t></w:r><w:del w:author="Y"><w:r><w:delText>out</w:delText></w:r></w:del></w:ins>',
     "in", "del"),
    ('<w:r><w:rPr><w:b/><w:rPrChange w:author="X"><w:rPr/></w:rPrChange></w:rPr><w:t>f</w:t></w:r>', "f", "rPrChange"),
    ('<w:pPr><w:rPr><w:del w:author="X"/></w:rPr></w:pPr><w:r><w:t>mark</w:t></w:r>', "mark", "del"),
    ('<w:moveFromRangeStart w:id="1" w:name="move1" w:author="X"/><w:r><w:t>r</w:t></w:r>'
     '<w:moveFromRangeEnd w:id="1"/>', "r", "moveFromRangeStart"),
]


@pytest.mark.parametrize(("content", "text", "gone"), REVISIONS)
def test_when_revisions_are_resolved_then_only_current_text_stays(content: str, text: str, gone: str) -> None:
    paragraph = etree.fromstring(f"<w:p {W}>{content}</w:p>")
    resolve_revisions(paragraph)
    assert _text(paragraph) == text
    assert paragraph.find(f".//{{{W_NS}}}{gone}") is None
    assert "X" not in etree.tostring(paragraph).decode().replace(W_NS, "")


def test_a_deleted_row_goes_and_a_table_left_empty_goes_too() -> None:
    cell = (f'<w:tc {W}><w:tbl><w:tr><w:trPr><w:del w:author="X"/></w:trPr><w:tc><w:p><w:r><w:t>old</w:t></w:r>'
            "</w:p></w:tc></w:tr></w:tbl></w:tc>")
    root = etree.fromstring(cell)
    resolve_revisions(root)
    assert root.find(f"{{{W_NS}}}tbl") is None
    assert root.find(f"{{{W_NS}}}p") is not None  # a cell still ends with a paragraph


# ---------------------------------------------------------------- scrub pattern


@pytest.mark.parametrize(
    ("values", "text", "expected"),
    [
        (["Tom"], "bottom of the page", "bottom of the page"),  # whole words only
        (["Tom"], "ask Tom.", "ask [X]."),
        ([NAME], "imogen_tallowfield.png", "[X].png"),
        ([NAME], "mailto:imogen.tallowfield@example.org", "mailto:[X]@example.org"),
        ([NAME], "IMOGEN   TALLOWFIELD", "[X]"),
        (["Imo\u200bgen Tallowfield"], "Imogen Tallowfield", "[X]"),  # the folded form is looked for too
        (["Al"], "Al", "Al"),  # too short to look for
    ],
)
def test_removal_pattern(values: list[str], text: str, expected: str) -> None:
    pattern = removal_pattern(values)
    assert (pattern.sub("[X]", text) if pattern else text) == expected


def test_field_keywords_are_never_replaced() -> None:
    document = docx.Document()
    document.add_paragraph("Mr Page wrote")
    paragraph = document.add_paragraph()
    paragraph._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    out = _redact(_saved(document), "Page")
    raw = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    assert 'w:instr=" PAGE "' in raw and "Mr [PERSON] wrote" in Docx().extract_text(out)


def test_a_field_code_split_over_runs_is_scrubbed_as_one() -> None:
    document = docx.Document()
    document.add_paragraph(f"Write to {NAME}")
    paragraph = document.add_paragraph()
    for run in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText> HYPERLINK "Imogen Tall</w:instrText>',
                '<w:instrText>owfield" </w:instrText>', '<w:fldChar w:fldCharType="end"/>'):
        paragraph._p.append(parse_xml(f"<w:r {W}>{run}</w:r>"))
    text = Docx().extract_text(_redact(_saved(document), NAME))
    assert "Tallowfield" not in text and 'HYPERLINK "[REDACTED]"' in text


# ---------------------------------------------------------------- parts


def test_relationship_kind() -> None:
    assert relationship_kind(RT.IMAGE) == "image"
    assert relationship_kind("http://schemas.microsoft.com/office/2011/relationships/people") == "people"


def test_an_imported_chunk_is_warned_about_and_dropped() -> None:
    document = docx.Document()
    document.add_paragraph("Body")
    chunk = Part(PackURI("/word/afchunk.mht"), "message/rfc822", f"Subject: {NAME}".encode(), document.part.package)
    r_id = document.part.relate_to(chunk, RT.A_F_CHUNK)
    document.element.body.sectPr.addprevious(
        parse_xml(f'<w:altChunk {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
                  f' r:id="{r_id}"/>'))
    data = _saved(document)
    doc = Docx().read(data, "x.docx")
    assert doc.warnings == ["an imported chunk (altChunk) is not read and is left out of the redacted copy"]
    out = Docx().write(doc, [])
    names = zipfile.ZipFile(io.BytesIO(out)).namelist()
    assert "word/afchunk.mht" not in names and b"altChunk" not in zipfile.ZipFile(io.BytesIO(out)).read(
        "word/document.xml")


def test_a_document_without_hidden_parts_keeps_its_parts() -> None:
    document = docx.Document()
    document.add_paragraph("Nothing to find here.")
    data = _saved(document)
    out = Docx().write(Docx().read(data, "x.docx"), [])
    kept = set(zipfile.ZipFile(io.BytesIO(out)).namelist())
    assert {"word/document.xml", "word/styles.xml", "word/settings.xml", "word/numbering.xml",
            "word/fontTable.xml", "word/theme/theme1.xml", "docProps/core.xml", "docProps/app.xml"} <= kept


# ---------------------------------------------------------------- pictures


def _picture(kind: str) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (4, 4), (1, 2, 3))
    if kind == "PNG":
        info = PngInfo()
        info.add_text("Author", NAME)
        image.save(buffer, "PNG", pnginfo=info)
    else:
        exif = Image.Exif()
        exif[0x013B] = NAME
        image.save(buffer, "JPEG", exif=exif.tobytes(), comment=NAME.encode())
    return buffer.getvalue()


@pytest.mark.parametrize(("kind", "strip"), [("PNG", strip_png), ("JPEG", strip_jpeg)])
def test_picture_metadata_is_stripped_and_the_picture_still_decodes(kind: str, strip) -> None:
    source = _picture(kind)
    assert NAME.encode() in source
    stripped = strip(source)
    assert NAME.encode() not in stripped
    with Image.open(io.BytesIO(stripped)) as image:
        image.load()
        assert image.size == (4, 4)


@pytest.mark.parametrize("strip", [strip_png, strip_jpeg])
def test_a_picture_that_does_not_parse_is_left_alone(strip) -> None:
    for blob in (b"", b"not a picture", b"\xff\xd8\xff\xe1\xff\xff", b"\x89PNG\r\n\x1a\n\0\0\0\xffIHDR"):
        assert strip(blob) == blob


# ---------------------------------------------------------------- the verifier's view


def test_extract_parts_names_every_member_and_never_text() -> None:
    document = docx.Document()
    document.add_paragraph(f"Hello {NAME}")
    data = _saved(document)
    parts = Docx().extract_parts(data)
    assert [name for name, _ in parts] == zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert Docx().extract_text(data) == "\n".join(text for _, text in parts)
    assert NAME in dict(parts)["word/document.xml"]


def test_extract_parts_shows_binary_strings_nested_archives_and_decoded_targets() -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", f"<sst><si><t>{NAME}</t></si></sst>")
    document = docx.Document()
    document.add_paragraph("Body")
    package = document.part.package
    document.part.relate_to(Part(PackURI("/word/embeddings/a.bin"), "application/octet-stream",
                                 b"\0\1\2" + NAME.encode("utf-16-le") + b"\0\0\3", package), RT.OLE_OBJECT)
    document.part.relate_to(Part(PackURI("/word/embeddings/b.xlsx"), "application/octet-stream",
                                 inner.getvalue(), package), RT.PACKAGE)
    document.part.relate_to("mailto:imogen.tallowfield%40example.org", RT.HYPERLINK, is_external=True)
    parts = dict(Docx().extract_parts(_saved(document)))
    assert NAME in parts["word/embeddings/a.bin"]
    assert NAME in parts["word/embeddings/b.xlsx!xl/sharedStrings.xml"]
    assert "mailto:imogen.tallowfield@example.org" in parts["word/_rels/document.xml.rels"]


def test_extract_parts_shows_text_attributes_but_not_structure() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Body")
    paragraph._p.append(parse_xml(f'<w:r {W}><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr>'
                                  f'<w:t>x</w:t></w:r>'))
    paragraph._p.append(parse_xml(f'<w:hyperlink {W} w:tooltip="Tip {NAME}"><w:r><w:t>y</w:t></w:r></w:hyperlink>'))
    text = dict(Docx().extract_parts(_saved(document)))["word/document.xml"]
    assert f"Tip {NAME}" in text and "Times New Roman" not in text


def test_printable_strings() -> None:
    blob = b"\0\x01abc\0" + b"Name: Zo\xc3\xab Smith\0" + "Ünïcode".encode("utf-16-le") + b"\xff"
    strings = printable_strings(blob).splitlines()
    assert "abc" not in strings  # shorter than the minimum run
    assert "Name: Zoë Smith" in strings
    assert "Ünïcode" in strings  # also after a NUL-terminated ASCII string ("h\0" looks like UTF-16 too)


def test_style_names_are_structure_but_a_form_field_name_is_text() -> None:
    from redactor.formats.docx.attributes import text_attributes

    root = etree.fromstring(
        f'<w:x {W}><w:style w:styleId="Strong"><w:name w:val="Strong"/></w:style>'
        f'<w:ffData><w:name w:val="Strong_Field"/></w:ffData></w:x>'
    )
    assert [value for _, _, value in text_attributes(root)] == ["Strong_Field"]
