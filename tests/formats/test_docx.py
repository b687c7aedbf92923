"""Tests for redactor.formats.docx: reading every story, redacting in runs, metadata, bad input."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Inches
from lxml import etree

from redactor.document import Decision, Document, Finding
from redactor.errors import UnreadableInput, UnsafeToRedact
from redactor.formats import format_for
from redactor.formats.docx import Docx, DocxNative, DocxRef

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: Every string a recipient must not see once redacted, by where the fixture puts it.
SECRETS = {
    "body": "Jane Doe",  # split over a bold and an italic run
    "table": "Mark Twain",
    "nested": "Nora Nested",
    "header": "Hank Header",
    "first_header": "Fred First",
    "even_header": "Eve Even",
    "footer": "Fiona Footer",
    "footnote": "Fanny Footnote",
    "endnote": "Ernie Endnote",
    "comment": "Carl Comment",
    "textbox": "Betty Boxed",
    "alternate": "Alma Alternate",  # a Word-style text box: mc:Choice and mc:Fallback copies
    "hyphen": "Anna-Lee",  # w:noBreakHyphen between two runs
}
DELETED = "Dave Deleted"  # a tracked deletion: never read, removed whole
PROPERTIES = {"author": "Alice Author", "title": "Secret Title", "last_modified_by": "Bob Modifier"}
APP_SECRETS = ("Acme Secret Corp", "Manny Manager")
CUSTOM_SECRET = "Custom Cathy"


# ---------------------------------------------------------------- fixture building


def _notes_part(package, kind: str, text: str) -> Part:
    """A footnotes/endnotes part (python-docx has no API for them) with note id 1."""
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:{kind}s {W}>"
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:id="1"><w:p><w:r><w:t xml:space="preserve">Note about {text}.</w:t></w:r></w:p>'
        f"</w:{kind}></w:{kind}s>"
    )
    content_type = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
    return Part(PackURI(f"/word/{kind}s.xml"), content_type, xml.encode(), package)


def _add_note(document, kind: str, text: str) -> None:
    """Add a footnote or endnote part and a reference to it in a new body paragraph."""
    part = _notes_part(document.part.package, kind, text)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)
    paragraph = document.add_paragraph(f"See the {kind}")
    paragraph._p.append(parse_xml(f'<w:r {W}><w:{kind}Reference w:id="1"/></w:r>'))


def _add_textbox(document) -> None:
    """A paragraph with text before and after an inline VML text box."""
    paragraph = document.add_paragraph("Before box ")
    paragraph._p.append(
        parse_xml(
            f"<w:r {W} {V}><w:pict><v:shape><v:textbox><w:txbxContent>"
            f"<w:p><w:r><w:t>Box holds {SECRETS['textbox']}</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    paragraph.add_run(" after box")


def _add_alternate_textbox(document) -> None:
    """A text box as Word writes it: a DrawingML copy and a VML fallback copy."""
    box = f"<w:txbxContent><w:p><w:r><w:t>Alt {SECRETS['alternate']}</w:t></w:r></w:p></w:txbxContent>"
    document.add_paragraph("Shape here").runs[0]._r.addnext(
        parse_xml(
            f"<w:r {W} {V} {MC} {WPS}><mc:AlternateContent>"
            f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict><v:rect><v:textbox>{box}</v:textbox></v:rect></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )


def _add_hyphenated_name(document) -> None:
    """'Met Anna-Lee today' where the hyphen is a w:noBreakHyphen element."""
    paragraph = document.add_paragraph("Met Anna")
    paragraph._p.append(parse_xml(f"<w:r {W}><w:noBreakHyphen/></w:r>"))
    paragraph.add_run("Lee today")


def _add_tracked_deletion(document) -> None:
    """A paragraph whose middle is a tracked deletion (w:del / w:delText)."""
    paragraph = document.add_paragraph("Kept start ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {W} w:id="90" w:author="Tracker"><w:r>'
            f"<w:delText>{DELETED}</w:delText></w:r></w:del>"
        )
    )
    paragraph.add_run(" kept end")


def _add_headers_and_footers(document) -> None:
    """Default, first-page and even-page headers, and a default footer."""
    section = document.sections[0]
    section.header.paragraphs[0].text = f"Header {SECRETS['header']} top"
    section.footer.paragraphs[0].text = f"Footer {SECRETS['footer']} bottom"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = f"First {SECRETS['first_header']}"
    document.settings.odd_and_even_pages_header_footer = True
    section.even_page_header.paragraphs[0].text = f"Even {SECRETS['even_header']}"


def _add_table(document) -> None:
    """A table with a name in a cell and a nested table in another cell."""
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = f"Witness {SECRETS['table']} said"
    nested = table.cell(0, 1).add_table(rows=1, cols=1)
    nested.cell(0, 0).text = f"Inner {SECRETS['nested']} cell"


def _add_split_name(document) -> None:
    """'Report about Jane Doe filed Monday.' with 'Jane' bold and ' Doe' italic."""
    paragraph = document.add_paragraph("Report about ")
    paragraph.add_run("Jane").bold = True
    paragraph.add_run(" Doe").italic = True
    paragraph.add_run(" filed Monday.")


def _set_properties(document) -> None:
    """Core properties, app.xml Company/Manager and a custom.xml part."""
    for field, value in PROPERTIES.items():
        setattr(document.core_properties, field, value)
    package = document.part.package
    app = next(p for p in package.iter_parts() if p.content_type == CT.OFC_EXTENDED_PROPERTIES)
    root = etree.fromstring(app.blob)
    ns = root.nsmap[None]
    for tag, value in zip(("Company", "Manager"), APP_SECRETS):
        etree.SubElement(root, f"{{{ns}}}{tag}").text = value
    app._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client">'
        f"<vt:lpwstr>{CUSTOM_SECRET}</vt:lpwstr></property></Properties>"
    )
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, custom.encode(), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def build_docx() -> bytes:
    """A DOCX with a secret in every story part, split runs, tabs, breaks and properties."""
    document = docx.Document()
    _add_split_name(document)
    tabbed = document.add_paragraph("Name:")
    tabbed.paragraph_format.tab_stops.add_tab_stop(Inches(2))  # a w:tab that is no character
    tabbed.add_run().add_tab()
    tabbed.add_run("Tom Tabby")
    broken = document.add_paragraph("Line Larry")
    broken.add_run().add_break()
    broken.add_run("Lane second line")
    _add_table(document)
    _add_textbox(document)
    _add_alternate_textbox(document)
    _add_hyphenated_name(document)
    _add_tracked_deletion(document)
    comment_run = document.add_paragraph("Commented text").runs[0]
    document.add_comment(comment_run, text=f"Ask {SECRETS['comment']}", author="Rita", initials="RR")
    _add_note(document, "footnote", SECRETS["footnote"])
    _add_note(document, "endnote", SECRETS["endnote"])
    _add_headers_and_footers(document)
    _set_properties(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def decide(doc: Document, *needles: str, replacement: str = "[PERSON]") -> list[Decision]:
    """One decision for every occurrence of every needle in ``doc.text``, sorted."""
    decisions = []
    for needle in needles:
        start = doc.text.find(needle)
        assert start >= 0, f"{needle!r} not in text"
        while start >= 0:
            decisions.append(Decision(start, start + len(needle), "PERSON", "redact", replacement, "test"))
            start = doc.text.find(needle, start + 1)
    return sorted(decisions, key=lambda d: d.start)


def paragraph_with(document, needle: str):
    """The first body paragraph of a python-docx document whose text contains ``needle``."""
    return next(p for p in document.paragraphs if needle in p.text)


@pytest.fixture(scope="module")
def source() -> bytes:
    return build_docx()


@pytest.fixture(scope="module")
def doc(source: bytes) -> Document:
    return Docx().read(source, "case.docx")


@pytest.fixture(scope="module")
def redacted(doc: Document) -> bytes:
    return Docx().write(doc, decide(doc, *SECRETS.values(), "Tom Tabby"))


# ---------------------------------------------------------------- read


def test_format_table_finds_docx() -> None:
    fmt = format_for("Case.DOCX")
    assert isinstance(fmt, Docx)
    assert fmt.name == "docx"
    assert fmt.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize("where", sorted(SECRETS))
def test_read_includes_text_of_every_part(doc: Document, where: str) -> None:
    assert SECRETS[where] in doc.text


def test_read_document_shape(doc: Document) -> None:
    assert doc.name == "case.docx" and doc.format == "docx"
    assert len(doc.source_map) == len(doc.text)
    assert isinstance(doc.native, DocxNative)
    parts = {block.where["part"] for block in doc.blocks}
    assert {"word/document.xml", "word/footnotes.xml", "word/endnotes.xml", "word/comments.xml"} <= parts
    assert sum(p.startswith("word/header") for p in parts) == 3
    assert any(p.startswith("word/footer") for p in parts)
    assert doc.blocks[0].where == {"part": "word/document.xml", "paragraph": 0}
    assert doc.text.startswith("Report about Jane Doe filed Monday.\nName:\tTom Tabby\n")


def test_blocks_are_paragraphs_joined_by_newline_or_by_tab_within_a_table_row(doc: Document) -> None:
    for before, after in zip(doc.blocks, doc.blocks[1:]):
        assert after.start == before.end + 1
        assert doc.text[before.end] in "\n\t " and doc.source_map[before.end] is None
    assert "\t" in doc.text  # the fixture has a table: its rows read as tab-separated cells
    block = doc.block_at(doc.text.index(SECRETS["header"]))
    assert block is not None and block.where["part"].startswith("word/header")
    assert doc.text[block.start : block.end] == f"Header {SECRETS['header']} top"


def test_source_map_points_at_text_nodes(doc: Document) -> None:
    nodes = doc.native.nodes
    for position, ref in enumerate(doc.source_map):
        if ref is not None:
            assert isinstance(ref, DocxRef)
            assert nodes[ref.node].text[ref.offset] == doc.text[position]


def test_split_name_maps_to_two_nodes(doc: Document) -> None:
    start = doc.text.index("Jane Doe")
    refs = doc.source_map[start : start + len("Jane Doe")]
    assert {ref.node for ref in refs} == {refs[0].node, refs[-1].node}
    assert refs[0].node != refs[-1].node
    assert refs[4].offset == 0  # " Doe" starts its own node


def test_tabs_and_breaks_read_as_characters_without_refs(doc: Document) -> None:
    tab = doc.text.index("Name:\tTom")
    assert doc.source_map[tab + len("Name:")] is None
    brk = doc.text.index("Line Larry\nLane")
    assert doc.source_map[brk + len("Line Larry")] is None


def test_textbox_is_its_own_paragraph(doc: Document) -> None:
    assert "Before box  after box" in doc.text
    box = doc.block_at(doc.text.index(SECRETS["textbox"]))
    assert box is not None and doc.text[box.start : box.end] == f"Box holds {SECRETS['textbox']}"


def test_both_copies_of_a_word_textbox_are_read(doc: Document) -> None:
    assert doc.text.count(f"Alt {SECRETS['alternate']}") == 2
    assert "Shape here\n" in doc.text


def test_no_break_hyphen_reads_as_hyphen(doc: Document) -> None:
    position = doc.text.index("Met Anna-Lee today") + len("Met Anna")
    assert doc.source_map[position] is None


def test_tracked_deletion_is_not_read(doc: Document) -> None:
    """Deleted text is not what the recipient gets: the reader skips it, the writer removes it."""
    assert "Kept start  kept end" in doc.text
    assert DELETED not in doc.text


# ---------------------------------------------------------------- write


@pytest.mark.parametrize("secret", [*SECRETS.values(), "Tom Tabby", DELETED, "Rita"])
def test_write_removes_secret_from_every_part(redacted: bytes, secret: str) -> None:
    assert secret not in Docx().extract_text(redacted)


def test_write_output_reopens_with_python_docx(redacted: bytes) -> None:
    document = docx.Document(io.BytesIO(redacted))
    assert paragraph_with(document, "Report about").text == "Report about [PERSON] filed Monday."
    assert document.sections[0].header.paragraphs[0].text == "Header [PERSON] top"
    assert document.sections[0].footer.paragraphs[0].text == "Footer [PERSON] bottom"
    assert document.tables[0].cell(0, 0).text == "Witness [PERSON] said"


def test_write_keeps_surrounding_text_everywhere(redacted: bytes) -> None:
    text = Docx().extract_text(redacted)
    for expected in (
        "Report about [PERSON] filed Monday.",
        "Name:\t[PERSON]",
        "Inner [PERSON] cell",
        "Box holds [PERSON]",
        "Kept start  kept end",
        "Alt [PERSON]",
        "Met [PERSON] today",
        "Note about [PERSON].",
        "Ask [PERSON]",
        "First [PERSON]",
        "Even [PERSON]",
    ):
        assert expected in text


def test_write_keeps_formatting_of_receiving_run(redacted: bytes) -> None:
    runs = paragraph_with(docx.Document(io.BytesIO(redacted)), "Report about").runs
    receiving = next(run for run in runs if "[PERSON]" in run.text)
    assert receiving.text == "[PERSON]"
    assert receiving.bold is True and not receiving.italic
    assert any(run.italic for run in runs)  # the emptied italic run is still there


def test_write_rereads_with_same_structure(redacted: bytes, doc: Document) -> None:
    again = Docx().read(redacted, "out.docx")
    assert [b.where for b in again.blocks] == [b.where for b in doc.blocks]
    assert "[PERSON]" in again.text and "Jane" not in again.text


def test_write_clears_properties(redacted: bytes) -> None:
    properties = docx.Document(io.BytesIO(redacted)).core_properties
    for field in ("author", "title", "last_modified_by", "subject", "keywords", "comments"):
        assert getattr(properties, field) == ""
    text = Docx().extract_text(redacted)
    for secret in (*PROPERTIES.values(), *APP_SECRETS, CUSTOM_SECRET):
        assert secret not in text
    names = zipfile.ZipFile(io.BytesIO(redacted)).namelist()
    assert "docProps/custom.xml" not in names
    assert "docProps/app.xml" in names
    assert not any(name.startswith("docProps/thumbnail") for name in names)


def test_fixture_really_carries_the_secrets(source: bytes) -> None:
    """Guards the write tests: every secret is in the input as extract_text sees it."""
    text = Docx().extract_text(source)
    for secret in (*SECRETS.values(), DELETED, *PROPERTIES.values(), *APP_SECRETS, CUSTOM_SECRET):
        assert secret in text
    assert "Rita" in text  # comment author, an attribute value


def test_write_does_not_change_input_or_document(source: bytes, doc: Document) -> None:
    copy = bytes(source)
    text_before = doc.text
    Docx().write(doc, decide(doc, "Mark Twain"))
    assert source == copy and doc.text == text_before
    assert doc.native.nodes[doc.source_map[doc.text.index("Jane")].node].text == "Jane"
    second = Docx().write(doc, [])
    assert "Mark Twain" in Docx().extract_text(second)  # earlier write left no trace


def test_write_removes_breaks_inside_a_decision(doc: Document) -> None:
    out = Docx().write(doc, decide(doc, "Larry\nLane"))
    paragraph = paragraph_with(docx.Document(io.BytesIO(out)), "Line ")
    assert paragraph.text == "Line [PERSON] second line"
    assert not paragraph._p.xpath(".//w:br")


def test_write_several_decisions_in_one_node(doc: Document) -> None:
    out = Docx().write(doc, decide(doc, "Report", "Monday", replacement="[X]"))
    paragraph = paragraph_with(docx.Document(io.BytesIO(out)), "about")
    assert paragraph.text == "[X] about Jane Doe filed [X]."


def test_write_sets_xml_space_preserve(source: bytes, doc: Document) -> None:
    original = paragraph_with(docx.Document(io.BytesIO(source)), "Line Larry")._p.xpath(".//w:t")[0]
    assert original.text == "Line Larry" and original.get(XML_SPACE) is None
    out = Docx().write(doc, decide(doc, "Line", replacement=""))
    edited = paragraph_with(docx.Document(io.BytesIO(out)), "Larry")._p.xpath(".//w:t")[0]
    assert edited.text == " Larry" and edited.get(XML_SPACE) == "preserve"


# ---------------------------------------------------------------- bad input


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _with_member(source: bytes, name: str, data: bytes) -> bytes:
    """``source`` with one archive member replaced."""
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[name] = data
    return _zip(members)


BAD_INPUTS = {
    "empty": (b"", "empty file"),
    "random": (os.urandom(2048).replace(b"PK", b"pk"), "not a valid DOCX: not a ZIP archive"),
    "text": (b"Jane Doe lives at 1 Main St.\n" * 20, "not a valid DOCX: not a ZIP archive"),
    "ole": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "encrypted or legacy Word file: "),
    "no_document": (_zip({"hello.txt": b"Jane Doe"}), "not a valid DOCX: no word/document.xml"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_read_refuses_bad_input(kind: str) -> None:
    data, message = BAD_INPUTS[kind]
    with pytest.raises(UnreadableInput) as caught:
        Docx().read(data, "bad.docx")
    text = str(caught.value)
    assert text.startswith(message) and "\n" not in text and "Jane" not in text


@pytest.mark.parametrize("kind", sorted(set(BAD_INPUTS) - {"no_document"}))
def test_extract_text_refuses_bad_input(kind: str) -> None:
    """extract_text reads any archive of XML parts, so only container damage is refused."""
    data, message = BAD_INPUTS[kind]
    with pytest.raises(UnreadableInput, match=message):
        Docx().extract_text(data)


def test_read_refuses_malformed_part_without_leaking_text(source: bytes) -> None:
    broken = _with_member(source, "word/document.xml", b"<w:document><w:t>Jane Doe</w:document>")
    with pytest.raises(UnreadableInput) as caught:
        Docx().read(broken, "broken.docx")
    assert str(caught.value).startswith("corrupt DOCX: ") and "Jane" not in str(caught.value)
    with pytest.raises(UnreadableInput, match="corrupt DOCX"):
        Docx().extract_text(broken)


def test_read_refuses_malformed_blob_part(source: bytes) -> None:
    broken = _with_member(source, "word/footnotes.xml", b"<w:footnotes><oops>")
    with pytest.raises(UnreadableInput, match="^corrupt DOCX: "):
        Docx().read(broken, "broken.docx")


def test_read_refuses_entity_expansion(source: bytes, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET FILE")
    evil = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<w:footnotes {W}><w:footnote w:id="1"><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    ).encode()
    data = _with_member(source, "word/footnotes.xml", evil)
    with pytest.raises(UnsafeToRedact) as caught:  # a DTD in any part is refused before parsing (issue 8)
        Docx().read(data, "evil.docx")
    assert "TOP SECRET FILE" not in str(caught.value) and "DTD" in str(caught.value)
    assert "TOP SECRET FILE" not in Docx().extract_text(data)  # the verifier's parser leaves it inert


def test_read_refuses_truncated_archive(source: bytes) -> None:
    with pytest.raises(UnreadableInput):
        Docx().read(source[: len(source) // 2], "cut.docx")


def _with_mailto_link(address: str) -> bytes:
    """A DOCX whose paragraph holds a mailto: hyperlink and a HYPERLINK field code to ``address``."""
    import docx as python_docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = python_docx.Document()
    p = d.add_paragraph("Write to ")
    r_id = d.part.relate_to(f"mailto:{address}", RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = address
    run.append(t)
    link.append(run)
    p._p.append(link)
    field = d.add_paragraph()._p
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.text = f' HYPERLINK "mailto:{address}" '
    instr_run.append(instr)
    field.append(instr_run)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_removed_address_is_also_gone_from_hyperlink_targets_and_field_codes() -> None:
    data = _with_mailto_link("jane.okoro@example.org")
    doc = Docx().read(data, "x.docx")
    start = doc.text.index("jane.okoro@example.org")
    finding = Finding(start, start + 22, "EMAIL", 1.0, "test")
    out = Docx().write(doc, [Decision(start, start + 22, "EMAIL", "redact", "[EMAIL]", "test", (finding,))])
    assert "jane.okoro" not in Docx().extract_text(out).lower()
