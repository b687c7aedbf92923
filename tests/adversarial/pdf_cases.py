"""An adversarial corpus of small PDFs: one file per place a PDF can hide personal data.

Every case draws the same visible page (a statement naming :data:`NAME` and giving
:data:`EMAIL`, so detection finds both, and a :data:`KEPT` sentence naming nobody) and
then hides the same secrets in one more place: metadata, annotations, form fields,
hidden layers, invisible or covered text, fonts the writer must decode, an older
revision... A redacted copy must keep none of them anywhere and still read
:data:`KEPT`. Builders use reportlab for the page and pikepdf for what reportlab cannot
make; :func:`build_all` writes every case into a folder.
"""
from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

NAME = "Margaret Thornbury"
EMAIL = "m.thornbury@example.org"
LIGATURE_NAME = "Gareth Griffiths"
SECRETS = (NAME, "Thornbury", EMAIL)
STATEMENT = f"Statement from {NAME} about the meeting."
CONTACT = f"She can be reached at {EMAIL} for follow-up."
KEPT = "The panel reviewed the evidence and closed the matter."
LINES = (STATEMENT, CONTACT, KEPT)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HIDDEN = f"Note: {NAME} {EMAIL}"


@dataclass(frozen=True)
class Case:
    """One vector: how to build it, and a check that the input really hides the secret there."""

    name: str
    build: Callable[[], bytes]
    planted: Callable[[pikepdf.Pdf, bytes], bool]
    secrets: tuple[str, ...] = SECRETS
    kept: str = KEPT


# --------------------------------------------------------------------------- building blocks


def page(extra: Callable[[canvas.Canvas], None] | None = None, compress: bool = True, **info: str) -> bytes:
    """The visible statement page (Helvetica 12), with ``extra`` drawn after it."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, pageCompression=1 if compress else 0)
    for key, value in info.items():
        getattr(c, f"set{key.capitalize()}")(value)
    c.setFont("Helvetica", 12)
    for i, line in enumerate(LINES):
        c.drawString(72, 700 - 20 * i, line)
    if extra:
        extra(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def edit(data: bytes, change: Callable[[pikepdf.Pdf], None]) -> bytes:
    """``data`` changed by ``change`` and saved whole."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def font_name(pdf: pikepdf.Pdf) -> str:
    """The resource name of the page's Helvetica."""
    return next(iter(pdf.pages[0].obj.Resources.Font.keys()))


def literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def append_content(pdf: pikepdf.Pdf, content: str) -> None:
    pdf.pages[0].contents_add(pdf.make_stream(content.encode("latin-1")), prepend=False)


def strings_of(pdf: pikepdf.Pdf) -> str:
    """Every string of the file as text (metadata, annotations, actions...)."""
    found: list[str] = []
    seen: set[tuple[int, int]] = set()

    def walk(obj: object, depth: int) -> None:
        if depth > 40:
            return
        if isinstance(obj, pikepdf.Object) and obj.is_indirect:
            if obj.objgen in seen:
                return
            seen.add(obj.objgen)
        if isinstance(obj, pikepdf.String):
            found.append(str(obj))
        elif isinstance(obj, pikepdf.Array):
            for item in obj:
                walk(item, depth + 1)
        elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for value in obj.values():
                walk(value, depth + 1)

    walk(pdf.trailer, 0)
    return "\n".join(found)


def streams_of(pdf: pikepdf.Pdf) -> str:
    parts = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            try:
                parts.append(obj.read_bytes().decode("latin-1"))
            except pikepdf.PdfError:
                continue
    return "\n".join(parts)


# --------------------------------------------------------------------------- metadata and document parts


def _metadata() -> bytes:
    data = page(author=NAME, title=f"Statement of {NAME}", subject=EMAIL, keywords=f"{NAME}, {EMAIL}")
    return edit(data, lambda pdf: pdf.docinfo.__setitem__("/Reviewer", pikepdf.String(NAME)))


def _xmp() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:creator"] = [NAME]
            meta["dc:description"] = EMAIL
    return edit(page(), change)


def _annotation(pdf: pikepdf.Pdf, **entries: object) -> pikepdf.Dictionary:
    annot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Rect=pikepdf.Array([300, 500, 500, 560]),
                                                 **entries))
    page_obj = pdf.pages[0].obj
    if "/Annots" not in page_obj:
        page_obj.Annots = pdf.make_indirect(pikepdf.Array())
    page_obj.Annots.append(annot)
    return annot


def _appearance(pdf: pikepdf.Pdf, text: str) -> pikepdf.Stream:
    """A normal-appearance stream showing ``text`` in Helvetica."""
    stream = pdf.make_stream(f"BT /Helv 10 Tf 2 20 Td ({literal(text)}) Tj ET".encode("latin-1"))
    stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    stream.BBox = pikepdf.Array([0, 0, 200, 60])
    stream.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)))
    return stream


def _link_mailto() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        _annotation(pdf, Subtype=pikepdf.Name.Link, Contents=pikepdf.String(NAME),
                    A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(f"mailto:{EMAIL}")))
    return edit(page(), change)


def _freetext() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        _annotation(pdf, Subtype=pikepdf.Name.FreeText, Contents=pikepdf.String(HIDDEN),
                    DA=pikepdf.String("/Helv 10 Tf 0 g"),
                    AP=pikepdf.Dictionary(N=_appearance(pdf, HIDDEN)))
    return edit(page(), change)


def _note_with_popup() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        note = _annotation(pdf, Subtype=pikepdf.Name.Text, Contents=pikepdf.String(HIDDEN), T=pikepdf.String(NAME))
        popup = _annotation(pdf, Subtype=pikepdf.Name.Popup, Parent=note, Contents=pikepdf.String(EMAIL))
        note.Popup = popup
    return edit(page(), change)


def _acroform() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        field = _annotation(pdf, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Tx, T=pikepdf.String("complainant"),
                            V=pikepdf.String(NAME), DV=pikepdf.String(EMAIL),
                            AP=pikepdf.Dictionary(N=_appearance(pdf, NAME)), P=pdf.pages[0].obj)
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field]), DA=pikepdf.String("/Helv 10 Tf 0 g"))
    return edit(page(), change)


def _outline() -> bytes:
    def extra(c: canvas.Canvas) -> None:
        c.bookmarkPage("p1")
        c.addOutlineEntry(f"Statement of {NAME} ({EMAIL})", "p1")
    return page(extra)


def _embedded_file() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.attachments["statement.txt"] = pikepdf.AttachedFileSpec(pdf, HIDDEN.encode(), description=NAME)
    return edit(page(), change)


def _javascript() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"app.alert('{HIDDEN}')"))
        pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(
            Names=pikepdf.Array([pikepdf.String("greet"), pdf.make_indirect(script)])))
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"// {EMAIL}"))
    return edit(page(), change)


def _page_labels() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Dictionary(
            S=pikepdf.Name.D, P=pikepdf.String(f"{NAME} {EMAIL} "))]))
    return edit(page(), change)


def _hidden_layer() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        group = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Notes")))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=pikepdf.Array([group]), D=pikepdf.Dictionary(
            OFF=pikepdf.Array([group]), Order=pikepdf.Array([group])))
        pdf.pages[0].obj.Resources.Properties = pikepdf.Dictionary(oc1=group)
        append_content(pdf, f"/OC /oc1 BDC BT {font_name(pdf)} 12 Tf 72 560 Td ({literal(HIDDEN)}) Tj ET EMC")
    return edit(page(), change)


def _actual_text() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.pages[0].obj.Resources.Properties = pikepdf.Dictionary(mc0=pikepdf.Dictionary(Alt=pikepdf.String(EMAIL)))
        font = font_name(pdf)
        append_content(pdf, f"/Span << /ActualText ({literal(NAME)}) >> BDC BT {font} 12 Tf 72 560 Td (A figure) Tj "
                            f"ET EMC /Figure /mc0 BDC 72 520 40 20 re S EMC "
                            f"/Span << /Alt ({literal(HIDDEN)}) /E ({literal(EMAIL)}) >> BDC EMC")
    return edit(page(), change)


def _hidden_text(operators: str) -> Callable[[], bytes]:
    """A builder adding the secrets drawn with ``operators`` set (render mode, colour, size...)."""
    def build() -> bytes:
        def change(pdf: pikepdf.Pdf) -> None:
            append_content(pdf, f"q BT {font_name(pdf)} 12 Tf {operators} 72 560 Td ({literal(HIDDEN)}) Tj ET Q")
        return edit(page(), change)
    return build


def _tiny_text() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        append_content(pdf, f"BT {font_name(pdf)} 1 Tf 72 560 Td ({literal(HIDDEN)}) Tj ET")
    return edit(page(), change)


def _photo() -> ImageReader:
    image = Image.new("RGB", (200, 40), (90, 120, 200))
    for x in range(0, 200, 9):
        for y in range(40):
            image.putpixel((x, y), (250, 250, 40))
    return ImageReader(image)


def _under_image() -> bytes:
    def extra(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 12)
        c.drawString(72, 560, HIDDEN)
        c.drawImage(_photo(), 60, 550, width=400, height=30)
    return page(extra)


def _under_shape() -> bytes:
    def extra(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 12)
        c.drawString(72, 560, HIDDEN)
        c.setFillColorRGB(1, 1, 1)
        c.rect(60, 550, 400, 30, stroke=0, fill=1)
    return page(extra)


def _outside_cropbox() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.pages[0].obj.CropBox = pikepdf.Array([0, 200, 612, 792])
        append_content(pdf, f"BT {font_name(pdf)} 12 Tf 72 100 Td ({literal(HIDDEN)}) Tj ET")
    return edit(page(), change)


def _form_xobject() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.beginForm("note")
    c.setFont("Helvetica", 12)
    c.drawString(72, 560, HIDDEN)
    c.endForm()
    c.setFont("Helvetica", 12)
    for i, line in enumerate(LINES):
        c.drawString(72, 700 - 20 * i, line)
    c.doForm("note")
    c.showPage()
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "A second page showing the same note.")
    c.doForm("note")
    c.showPage()
    c.save()
    return buf.getvalue()


def _kerning() -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        font = font_name(pdf)
        kerned = [("Statement from Mar", 15), ("garet Thorn", -20), ("bury about the meet", 30), ("ing.", 0)]
        array = " ".join(f"({literal(t)}) {k}" if k else f"({literal(t)})" for t, k in kerned)
        contact = "[(She can be reached at m.thorn) 25 (bury@exam) -10 (ple.org for follow-up.)]"
        pdf.pages[0].Contents = pdf.make_stream(
            f"BT {font} 12 Tf 72 700 Td [{array}] TJ 0 -20 Td {contact} TJ 0 -20 Td ({literal(KEPT)}) Tj ET".encode())
    return edit(page(), change)


def _incremental_update() -> bytes:
    old = page(lambda c: c.drawString(72, 560, HIDDEN), compress=False)
    with pikepdf.open(io.BytesIO(old)) as pdf:
        contents = pdf.pages[0].obj.Contents
        objnum, gen = contents.objgen
        size, root = int(pdf.trailer.Size), pdf.trailer.Root.objgen
        font = font_name(pdf)
    new = "BT {} 12 Tf 72 700 Td ({}) Tj 0 -20 Td ({}) Tj 0 -20 Td ({}) Tj ET".format(
        font, *(literal(line) for line in LINES)).encode()
    prev = int(re.findall(rb"startxref\s+(\d+)", old)[-1])
    offset = len(old) + 1
    body = b"\n%d %d obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (objnum, gen, len(new), new)
    xref_at = len(old) + len(body)
    xref = b"xref\n%d 1\n%010d %05d n \n" % (objnum, offset, gen)
    trailer = b"trailer\n<< /Size %d /Root %d %d R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        size, root[0], root[1], prev, xref_at)
    return old + body + xref + trailer


# --------------------------------------------------------------------------- a CID font (Identity-H)


def _cid_font(pdf: pikepdf.Pdf, used: str, ligatures: dict[str, str]) -> tuple[pikepdf.Dictionary, Callable[[str], bytes]]:
    """DejaVu Sans as a Type0 font with Identity-H, and an encoder (ligatures first) for ``used`` text."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    ttf = TTFontFile(str(DEJAVU))
    scale = 1000.0 / ttf.unitsPerEm
    unicode_of: dict[int, str] = {}

    def glyph(text: str) -> int:
        code = ord(ligatures[text]) if text in ligatures else ord(text)
        gid = ttf.charToGlyph[code]
        unicode_of[gid] = text
        return gid

    def encode(text: str) -> bytes:
        out = b""
        i = 0
        while i < len(text):
            lig = next((k for k in ligatures if text.startswith(k, i)), None)
            piece = lig or text[i]
            out += glyph(piece).to_bytes(2, "big")
            i += len(piece)
        return out

    encode(used)
    widths = pikepdf.Array()
    for gid in sorted(unicode_of):
        widths.extend([gid, pikepdf.Array([round(ttf.hmetrics[gid][0] * scale)])])
    bfchar = "\n".join(f"<{gid:04X}> <{''.join(f'{ord(ch):04X}' for ch in text)}>" for gid, text in sorted(unicode_of.items()))
    tounicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(unicode_of)} beginbfchar\n{bfchar}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n")
    fontfile = pdf.make_stream(DEJAVU.read_bytes())
    descriptor = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/DejaVuSans"),
                                    Flags=32, FontBBox=pikepdf.Array([round(v * scale) for v in ttf.bbox]),
                                    ItalicAngle=0, Ascent=round(ttf.ascent), Descent=round(ttf.descent),
                                    CapHeight=round(ttf.capHeight), StemV=80, FontFile2=fontfile)
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2, BaseFont=pikepdf.Name("/DejaVuSans"),
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"),
                                         Supplement=0),
        FontDescriptor=descriptor, CIDToGIDMap=pikepdf.Name.Identity, W=widths, DW=1000)
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/DejaVuSans"),
                              Encoding=pikepdf.Name("/Identity-H"), DescendantFonts=pikepdf.Array([descendant]),
                              ToUnicode=pdf.make_stream(tounicode.encode()))
    return pdf.make_indirect(font), encode


def _cid_page(lines: tuple[str, ...], ligatures: dict[str, str]) -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        font, encode = _cid_font(pdf, "".join(lines), ligatures)
        pdf.pages[0].obj.Resources.Font.CID = font
        shows = " 0 -20 Td ".join(f"<{encode(line).hex()}> Tj" for line in lines)
        pdf.pages[0].Contents = pdf.make_stream(f"BT /CID 12 Tf 72 700 Td {shows} ET".encode())
    return edit(page(), change)


def _cid() -> bytes:
    return _cid_page(LINES, {})


LIGATURE_LINES = (f"Statement from {LIGATURE_NAME} about the meeting.", CONTACT, KEPT)


def _ligature() -> bytes:
    return _cid_page(LIGATURE_LINES, {"ffi": "\ufb03", "fi": "\ufb01"})


# --------------------------------------------------------------------------- the corpus


def _has(text: str) -> bool:
    return NAME in text or EMAIL in text


def _identity_h(pdf: pikepdf.Pdf) -> bool:
    return any(str(font.get("/Encoding")) == "/Identity-H" for font in pdf.pages[0].obj.Resources.Font.values())


def _one_glyph_for(data: bytes, text: str) -> bool:
    """Whether pdfplumber reads ``text`` from a single glyph (a ligature)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as plumber:
        return any(char["text"] == text for char in plumber.pages[0].chars)


CASES: tuple[Case, ...] = (
    Case("metadata", _metadata, lambda pdf, data: _has(str(pdf.docinfo.get("/Author", "")))),
    Case("xmp", _xmp, lambda pdf, data: "/Metadata" in pdf.Root and _has(pdf.Root.Metadata.read_bytes().decode())),
    Case("link-mailto", _link_mailto, lambda pdf, data: _has(strings_of(pdf))),
    Case("freetext", _freetext, lambda pdf, data: _has(strings_of(pdf))),
    Case("note-popup", _note_with_popup, lambda pdf, data: _has(strings_of(pdf))),
    Case("acroform", _acroform, lambda pdf, data: _has(str(pdf.Root.AcroForm.Fields[0].V))),
    Case("outline", _outline, lambda pdf, data: "/Outlines" in pdf.Root and _has(strings_of(pdf))),
    Case("embedded-file", _embedded_file, lambda pdf, data: _has(pdf.attachments["statement.txt"].get_file()
                                                                   .read_bytes().decode())),
    Case("javascript", _javascript, lambda pdf, data: "/JavaScript" in pdf.Root.Names and _has(strings_of(pdf))),
    Case("page-labels", _page_labels, lambda pdf, data: _has(strings_of(pdf))),
    Case("hidden-layer", _hidden_layer, lambda pdf, data: "/OCProperties" in pdf.Root and HIDDEN in streams_of(pdf)),
    Case("actualtext-alt", _actual_text, lambda pdf, data: NAME in streams_of(pdf) and EMAIL in strings_of(pdf)),
    Case("render-mode-3", _hidden_text("3 Tr"), lambda pdf, data: "3 Tr" in streams_of(pdf)),
    Case("white-text", _hidden_text("1 1 1 rg"), lambda pdf, data: "1 1 1 rg" in streams_of(pdf)),
    Case("tiny-text", _tiny_text, lambda pdf, data: " 1 Tf" in streams_of(pdf)),
    Case("under-image", _under_image, lambda pdf, data: HIDDEN in streams_of(pdf)),
    Case("under-shape", _under_shape, lambda pdf, data: HIDDEN in streams_of(pdf)),
    Case("outside-cropbox", _outside_cropbox, lambda pdf, data: "/CropBox" in pdf.pages[0].obj),
    Case("form-xobject", _form_xobject, lambda pdf, data: "/XObject" in pdf.pages[0].obj.Resources),
    Case("cid-identity-h", _cid, lambda pdf, data: _identity_h(pdf)),
    Case("kerning-tj", _kerning, lambda pdf, data: "(garet Thorn)" in streams_of(pdf)),
    Case("ligature", _ligature, lambda pdf, data: _identity_h(pdf) and _one_glyph_for(data, "ffi"),
         secrets=(LIGATURE_NAME, "Griffiths", EMAIL)),
    Case("incremental-update", _incremental_update, lambda pdf, data: data.count(b"%%EOF") == 2
         and HIDDEN.encode() in data),
)


def build_all(folder: Path) -> dict[str, Path]:
    """Write every case to ``folder``; returns the path of each by case name."""
    paths = {}
    for case in CASES:
        path = folder / f"{case.name}.pdf"
        path.write_bytes(case.build())
        paths[case.name] = path
    return paths


def raw_streams(data: bytes) -> list[bytes]:
    """Every Flate stream found in the raw bytes, reachable or not (old revisions included)."""
    found = []
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            found.append(zlib.decompressobj().decompress(data[match.end():]))
        except zlib.error:
            continue
    return found
