"""The DOCX adversarial corpus: one small Word file per place a name can hide.

Every case starts from the same body, which names the secret person and her
e-mail address in visible text (so detection finds them) and holds a sentence
with nothing to find (:data:`KEPT`). Each case then hides the same secrets in
one more place of the package (:data:`CASES`), built with python-docx and lxml.
``where`` is the archive member (or member prefix) that carries the hidden copy,
so a test can prove the input really has it there.

Run as a script to write the corpus into a directory::

    python -m tests.adversarial.docx_cases /tmp/docx-corpus
"""
from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree
from PIL import Image
from PIL.PngImagePlugin import PngInfo

NAME = "Imogen Tallowfield"
EMAIL = "imogen.tallowfield@example.org"
#: What must not survive anywhere in a redacted file, case-insensitively.
SECRET_WORDS = ("imogen", "tallowfield")
VISIBLE = f"A letter from {NAME}, the complainant, was read out. Her address is {EMAIL}."
KEPT = "The committee agreed to review the heating arrangements."
KEPT_HEADER = "Quarterly review minutes"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W_NS,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
}
DECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items())
OFFICE_2006 = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xml(snippet: str):
    """Parse a WordprocessingML snippet whose root needs the usual namespace declarations."""
    head, _, rest = snippet.partition(">")
    if head.endswith("/"):
        return parse_xml(f"{head[:-1]} {DECLS}/>{rest}")
    return parse_xml(f"{head} {DECLS}>{rest}")


def add_part(source, name: str, content_type: str, blob: bytes, reltype: str) -> Part:
    """A new part related from ``source`` (a part, or the package)."""
    package = source if not hasattr(source, "package") else source.package
    part = Part(PackURI(name), content_type, blob, package)
    source.relate_to(part, reltype)
    return part


def xml_blob(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body).encode()


def png(text: bool = True) -> bytes:
    """A small PNG; with ``text``, tEXt chunks naming the secret person."""
    info = PngInfo()
    if text:
        info.add_text("Author", NAME)
        info.add_text("Comment", f"Photo of {NAME} <{EMAIL}>")
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def jpeg() -> bytes:
    """A small JPEG with EXIF Artist and description naming the secret person."""
    exif = Image.Exif()
    exif[0x013B] = NAME  # Artist
    exif[0x010E] = f"Photo of {NAME}"  # ImageDescription
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (30, 30, 200)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def workbook() -> bytes:
    """A tiny .xlsx-like archive whose shared strings name the secret person."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/sharedStrings.xml", f"<sst><si><t>{NAME}</t></si><si><t>{EMAIL}</t></si></sst>")
    return buffer.getvalue()


# ---------------------------------------------------------------- one builder per vector


def body(document) -> None:
    """Nothing more: the secrets are only in the visible body."""


def split_runs(document) -> None:
    paragraph = document.add_paragraph(f"Later {NAME.split()[0][:3]}")
    paragraph.runs[0].bold = True
    paragraph.add_run(NAME.split()[0][3:] + " Tallow").italic = True
    paragraph.add_run("field").underline = True
    paragraph.add_run(" signed the statement.")


def table(document) -> None:
    grid = document.add_table(rows=1, cols=2)
    grid.cell(0, 0).text = f"Complainant: {NAME}"
    grid.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = f"Contact: {EMAIL}"


def headers_footers(document) -> None:
    first = document.sections[0]
    first.header.paragraphs[0].text = KEPT_HEADER
    first.footer.paragraphs[0].text = f"Prepared for {NAME}"
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = f"Private: {NAME}"
    document.settings.odd_and_even_pages_header_footer = True
    first.even_page_header.paragraphs[0].text = f"Contact {EMAIL}"
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = f"Annex about {NAME}"
    document.add_paragraph("Annex text.")


def _notes(document, kind: str) -> None:
    content_type = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
    add_part(
        document.part,
        f"/word/{kind}s.xml",
        content_type,
        xml_blob(
            f'<w:{kind}s xmlns:w="{W_NS}">'
            f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
            f'<w:{kind} w:id="1"><w:p><w:r><w:t xml:space="preserve">Source: {NAME}, {EMAIL}.</w:t></w:r></w:p>'
            f"</w:{kind}></w:{kind}s>"
        ),
        RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES,
    )
    paragraph = document.add_paragraph(f"See the {kind}")
    paragraph._p.append(xml(f'<w:r><w:{kind}Reference w:id="1"/></w:r>'))


def footnotes(document) -> None:
    _notes(document, "footnote")


def endnotes(document) -> None:
    _notes(document, "endnote")


def comments(document) -> None:
    run = document.add_paragraph("This point was discussed.").runs[0]
    document.add_comment(run, text=f"Check with {NAME} at {EMAIL}", author=NAME, initials="IT")
    add_part(
        document.part,
        "/word/people.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
        xml_blob(
            f'<w15:people xmlns:w15="{NS["w15"]}"><w15:person w15:author="{NAME}">'
            f'<w15:presenceInfo w15:providerId="AD" w15:userId="{EMAIL}"/></w15:person></w15:people>'
        ),
        "http://schemas.microsoft.com/office/2011/relationships/people",
    )
    add_part(
        document.part,
        "/word/commentsExtensible.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml",
        xml_blob(
            '<w16cex:commentsExtensible xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex"'
            ' xmlns:cr="http://schemas.microsoft.com/office/comments/2020/reactions">'
            '<w16cex:commentExtensible w16cex:durableId="1A2B3C4D" w16cex:dateUtc="2024-01-01T10:00:00Z">'
            f'<w16cex:extLst><cr:reactionInfo><cr:user cr:userId="{EMAIL}" cr:userName="{NAME}"/>'
            "</cr:reactionInfo></w16cex:extLst></w16cex:commentExtensible></w16cex:commentsExtensible>"
        ),
        "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
    )


def textbox_vml(document) -> None:
    paragraph = document.add_paragraph("Before the box ")
    paragraph._p.append(
        xml(
            "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
            f"<w:p><w:r><w:t>Boxed note on {NAME}</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )


def textbox_alternate(document) -> None:
    box = f"<w:txbxContent><w:p><w:r><w:t>Shape text: {NAME}, {EMAIL}</w:t></w:r></w:p></w:txbxContent>"
    document.add_paragraph("Shape follows").runs[0]._r.addnext(
        xml(
            "<w:r><mc:AlternateContent>"
            f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict><v:rect><v:textbox>{box}</v:textbox></v:rect></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )


def content_control(document) -> None:
    """A drop-down content control bound to a customXml part, with the name in its label and choices."""
    item = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/customXml/item1.xml")
    item._blob = xml_blob(f'<complaint xmlns="urn:example:complaint"><name>{NAME}</name><mail>{EMAIL}</mail></complaint>')
    document.element.body.sectPr.addprevious(
        xml(
            "<w:sdt><w:sdtPr>"
            f'<w:alias w:val="Complainant {NAME}"/><w:tag w:val="{EMAIL}"/>'
            '<w:dataBinding w:prefixMappings="xmlns:c=\'urn:example:complaint\'" w:xpath="/c:complaint[1]/c:name[1]"'
            ' w:storeItemID="{11111111-2222-3333-4444-555555555555}"/>'
            f'<w:dropDownList><w:listItem w:displayText="{NAME}" w:value="{EMAIL}"/>'
            '<w:listItem w:displayText="Someone else" w:value="other"/></w:dropDownList>'
            f"</w:sdtPr><w:sdtContent><w:p><w:r><w:t>Chosen: {NAME}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
    )


def hidden_text(document) -> None:
    paragraph = document.add_paragraph("Visible lead-in. ")
    paragraph._p.append(
        xml(f'<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">Hidden: {NAME} {EMAIL}</w:t></w:r>')
    )


def field_codes(document) -> None:
    """A HYPERLINK field whose code is split over two runs, and a simple field naming the person."""
    local, _, domain = EMAIL.partition("@")
    paragraph = document.add_paragraph("Write to ")
    for run in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:{local[:5]}</w:instrText></w:r>',
        f'<w:r><w:instrText xml:space="preserve">{local[5:]}@{domain}" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>her</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(xml(run))
    simple = document.add_paragraph("Set by ")
    simple._p.append(xml(f'<w:fldSimple w:instr=\' DOCPROPERTY "{NAME}" \'><w:r><w:t>the clerk</w:t></w:r></w:fldSimple>'))
    page = document.add_paragraph("Page ")
    page._p.append(xml('<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def tracked_changes(document) -> None:
    """Insertions, deletions, moves, formatting changes and a deleted row, all by the secret person."""
    by = f'w:author="{NAME}" w:date="2024-01-01T10:00:00Z"'
    paragraph = document.add_paragraph("Revised start ")
    for element in (
        f'<w:ins w:id="11" {by}><w:r><w:t xml:space="preserve">inserted words </w:t></w:r></w:ins>',
        f'<w:del w:id="12" {by}><w:r><w:delText>{NAME} said {EMAIL}</w:delText></w:r></w:del>',
        f'<w:r><w:rPr><w:b/><w:rPrChange w:id="13" {by}><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>'
        "<w:t xml:space=\"preserve\"> revised end</w:t></w:r>",
    ):
        paragraph._p.append(xml(element))
    paragraph._p.insert(0, xml(f'<w:pPr><w:pPrChange w:id="14" {by}><w:pPr/></w:pPrChange></w:pPr>'))
    moved = document.add_paragraph("Moved: ")
    moved._p.append(xml(f'<w:moveFrom w:id="15" {by}><w:r><w:delText>{NAME} moved this</w:delText></w:r></w:moveFrom>'))
    moved._p.append(xml(f'<w:moveTo w:id="16" {by}><w:r><w:t>moved sentence</w:t></w:r></w:moveTo>'))
    grid = document.add_table(rows=2, cols=1)
    grid.cell(0, 0).text = "Row that stays"
    grid.cell(1, 0).text = f"Deleted row about {NAME}"
    grid.rows[1]._tr.insert(0, xml(f'<w:trPr><w:del w:id="17" {by}/></w:trPr>'))


def hyperlink(document) -> None:
    paragraph = document.add_paragraph("E-mail: ")
    for target, text in ((f"mailto:{EMAIL}", EMAIL), ("https://example.org/people/imogen.tallowfield", "profile")):
        r_id = document.part.relate_to(target, RT.HYPERLINK, is_external=True)
        paragraph._p.append(
            xml(f'<w:hyperlink r:id="{r_id}" w:tooltip="Write to {NAME}"><w:r><w:t>{text}</w:t></w:r></w:hyperlink>')
        )
        paragraph.add_run(" or see the ")


def alt_text(document) -> None:
    document.add_picture(io.BytesIO(png(text=False)))
    inline = document.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
    inline.set("descr", f"Photo of {NAME}")
    inline.set("title", EMAIL)
    document.paragraphs[-1]._p.xpath(".//pic:cNvPr")[0].set("name", "imogen_tallowfield.png")


def picture_metadata(document) -> None:
    document.add_picture(io.BytesIO(jpeg()))
    document.add_picture(io.BytesIO(png(text=True)))


def properties(document) -> None:
    core = document.core_properties
    core.author, core.last_modified_by, core.title = NAME, NAME, f"Complaint by {NAME}"
    core.comments, core.keywords, core.subject = EMAIL, NAME, NAME
    package = document.part.package
    app = next(p for p in package.iter_parts() if p.content_type == CT.OFC_EXTENDED_PROPERTIES)
    root = etree.fromstring(app.blob)
    ns = root.nsmap[None]
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    for tag, value in (("Company", NAME), ("Manager", NAME), ("HyperlinkBase", f"mailto:{EMAIL}")):
        etree.SubElement(root, f"{{{ns}}}{tag}").text = value
    links = etree.SubElement(etree.SubElement(root, f"{{{ns}}}HLinks"), f"{{{vt}}}vector")
    etree.SubElement(links, f"{{{vt}}}lpwstr").text = f"mailto:{EMAIL}"
    app._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    add_part(
        package,
        "/docProps/custom.xml",
        CT.OFC_CUSTOM_PROPERTIES,
        xml_blob(
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
            f' xmlns:vt="{vt}"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="Client">'
            f"<vt:lpwstr>{NAME}</vt:lpwstr></property></Properties>"
        ),
        RT.CUSTOM_PROPERTIES,
    )
    thumbnail = next(p for p in package.iter_parts() if "thumbnail" in str(p.partname))
    thumbnail._blob = jpeg()


def custom_xml(document) -> None:
    item = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/customXml/item1.xml")
    item._blob = xml_blob(f"<contacts><person>{NAME}</person><mail>{EMAIL}</mail></contacts>")


def glossary(document) -> None:
    add_part(
        document.part,
        "/word/glossary/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml",
        xml_blob(
            f'<w:glossaryDocument xmlns:w="{W_NS}"><w:docParts><w:docPart><w:docPartPr><w:name w:val="Sig"/>'
            f"</w:docPartPr><w:docPartBody><w:p><w:r><w:t>Signed {NAME} {EMAIL}</w:t></w:r></w:p></w:docPartBody>"
            "</w:docPart></w:docParts></w:glossaryDocument>"
        ),
        f"{OFFICE_2006}/glossaryDocument",
    )


def embedded_object(document) -> None:
    """An OLE object (with a preview picture) and an embedded workbook, both naming the person."""
    ole_blob = b"\xd0\xcf\x11\xe0" + b"\0" * 60 + NAME.encode("utf-16-le") + b"\0\0" + EMAIL.encode() + b"\0" * 32
    ole = add_part(document.part, "/word/embeddings/oleObject1.bin",
                   "application/vnd.openxmlformats-officedocument.oleObject", ole_blob, RT.OLE_OBJECT)
    sheet = add_part(document.part, "/word/embeddings/Microsoft_Excel_Worksheet.xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook(), RT.PACKAGE)
    preview_id, _ = document.part.get_or_add_image(io.BytesIO(png(text=True)))
    ids = {part: rid for rid, rel in document.part.rels.items() if not rel.is_external
           for part in [rel.target_part] if part in (ole, sheet)}
    for part, prog in ((ole, "Package"), (sheet, "Excel.Sheet.12")):
        paragraph = document.add_paragraph("Object: ")
        paragraph._p.append(
            xml(
                f'<w:r><w:object><v:shape id="s{prog[0]}" style="width:40pt;height:40pt">'
                f'<v:imagedata r:id="{preview_id}" o:title=""/></v:shape>'
                f'<o:OLEObject Type="Embed" ProgID="{prog}" ShapeID="s{prog[0]}" DrawAspect="Icon"'
                f' ObjectID="_1" r:id="{ids[part]}"/></w:object></w:r>'
            )
        )


def settings(document) -> None:
    """An attached template under the person's user folder and a document variable with her name."""
    settings_part = next(p for p in document.part.package.iter_parts() if p.content_type == CT.WML_SETTINGS)
    r_id = settings_part.relate_to(
        "file:///C:/Users/Imogen%20Tallowfield/Templates/Letter.dotm", f"{OFFICE_2006}/attachedTemplate",
        is_external=True,
    )
    element = document.settings.element
    element.insert(0, xml(f'<w:attachedTemplate r:id="{r_id}"/>'))
    element.append(xml(f'<w:docVars><w:docVar w:name="Client" w:val="{NAME} {EMAIL}"/></w:docVars>'))


def web_settings(document) -> None:
    part = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/webSettings.xml")
    part._blob = xml_blob(
        f'<w:webSettings xmlns:w="{W_NS}"><w:frameset><w:frame><w:name w:val="{NAME}"/>'
        f'<w:longDesc w:val="{EMAIL}"/></w:frame></w:frameset><w:optimizeForBrowser/></w:webSettings>'
    )


def macros(document) -> None:
    add_part(document.part, "/word/vbaProject.bin", "application/vnd.ms-office.vbaProject",
             b"Attribute VB_Name = \"Module1\"\r\n' " + NAME.encode() + b" " + EMAIL.encode(),
             "http://schemas.microsoft.com/office/2006/relationships/vbaProject")


def smart_tag(document) -> None:
    paragraph = document.add_paragraph("Tagged: ")
    paragraph._p.append(
        xml(
            '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName">'
            f'<w:smartTagPr><w:attr w:name="ProductID" w:val="{NAME}"/></w:smartTagPr>'
            f"<w:r><w:t>{NAME}</w:t></w:r></w:smartTag>"
        )
    )


def equation(document) -> None:
    paragraph = document.add_paragraph("Formula: ")
    paragraph._p.append(xml(f"<m:oMath><m:r><m:t>{NAME}</m:t></m:r></m:oMath>"))


def xml_comment(document) -> None:
    document.element.body.insert(0, etree.Comment(f" drafted by {NAME} {EMAIL} "))


def bookmark(document) -> None:
    paragraph = document.add_paragraph()
    for element in (
        '<w:bookmarkStart w:id="7" w:name="Imogen_Tallowfield"/>',
        "<w:r><w:t>Bookmarked paragraph.</w:t></w:r>",
        '<w:bookmarkEnd w:id="7"/>',
        '<w:hyperlink w:anchor="Imogen_Tallowfield"><w:r><w:t> (jump)</w:t></w:r></w:hyperlink>',
    ):
        paragraph._p.append(xml(element))


def legacy_form_field(document) -> None:
    paragraph = document.add_paragraph("Name field: ")
    for run in (
        f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Imogen_Tallowfield"/>'
        f'<w:helpText w:type="text" w:val="Ask {EMAIL}"/><w:textInput><w:default w:val="{NAME}"/>'
        "</w:textInput></w:ffData></w:fldChar></w:r>",
        '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{NAME}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(xml(run))


def wordart(document) -> None:
    paragraph = document.add_paragraph("Banner: ")
    paragraph._p.append(
        xml(f'<w:r><w:pict><v:shape alt="{NAME}"><v:textpath string="Welcome {NAME}"/></v:shape></w:pict></w:r>')
    )


@dataclass(frozen=True)
class Case:
    """One vector: how to add it, and the member (or prefix) of the input that holds the hidden copy."""

    build: Callable[[object], None]
    where: str


CASES: dict[str, Case] = {
    "body": Case(body, "word/document.xml"),
    "split_runs": Case(split_runs, "word/document.xml"),
    "table": Case(table, "word/document.xml"),
    "headers_footers": Case(headers_footers, "word/header"),
    "footnotes": Case(footnotes, "word/footnotes.xml"),
    "endnotes": Case(endnotes, "word/endnotes.xml"),
    "comments": Case(comments, "word/comments.xml"),
    "people": Case(comments, "word/people.xml"),
    "comment_reactions": Case(comments, "word/commentsExtensible.xml"),
    "textbox_vml": Case(textbox_vml, "word/document.xml"),
    "textbox_alternate": Case(textbox_alternate, "word/document.xml"),
    "content_control": Case(content_control, "customXml/item1.xml"),
    "hidden_text": Case(hidden_text, "word/document.xml"),
    "field_codes": Case(field_codes, "word/document.xml"),
    "tracked_changes": Case(tracked_changes, "word/document.xml"),
    "hyperlink": Case(hyperlink, "word/_rels/document.xml.rels"),
    "alt_text": Case(alt_text, "word/document.xml"),
    "picture_metadata": Case(picture_metadata, "word/media/"),
    "properties": Case(properties, "docProps/"),
    "thumbnail": Case(properties, "docProps/thumbnail"),
    "custom_xml": Case(custom_xml, "customXml/"),
    "glossary": Case(glossary, "word/glossary/"),
    "embedded_object": Case(embedded_object, "word/embeddings/"),
    "settings": Case(settings, "word/settings.xml"),
    "attached_template": Case(settings, "word/_rels/settings.xml.rels"),
    "web_settings": Case(web_settings, "word/webSettings.xml"),
    "macros": Case(macros, "word/vbaProject.bin"),
    "smart_tag": Case(smart_tag, "word/document.xml"),
    "equation": Case(equation, "word/document.xml"),
    "xml_comment": Case(xml_comment, "word/document.xml"),
    "bookmark": Case(bookmark, "word/document.xml"),
    "legacy_form_field": Case(legacy_form_field, "word/document.xml"),
    "wordart": Case(wordart, "word/document.xml"),
}


def build(case: str) -> bytes:
    """The DOCX for ``case``: the common body, then the case's hidden copy."""
    document = docx.Document()
    document.add_paragraph(VISIBLE)
    document.add_paragraph(KEPT)
    CASES[case].build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_corpus(directory: Path) -> list[Path]:
    """Write every case as ``<case>.docx`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in CASES:
        path = directory / f"{case}.docx"
        path.write_bytes(build(case))
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_corpus(Path(sys.argv[1])):
        print(written)
