"""Glyph-exact PDF writing: fonts, text state, images, forms, labels, and when it falls back.

Each test builds a small PDF (reportlab, or raw content with pikepdf), redacts a name
with :func:`write_pdf` and checks three things: the name is gone from every extractor
and from the file's bytes, the rest of the page still reads as text, and the page was
(or, for the fallback cases, was not) rewritten glyph-exact.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pdfplumber
import pikepdf
import pytest
from PIL import Image
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from redactor.document import Decision
from redactor.formats.pdf import Pdf
from redactor.formats.pdf import check as check_module
from redactor.formats.pdf.write import write_pdf

from .test_pdf import all_strings, assert_box_starts_at, decisions_for, pdfium_pages, plumber_pages

NAME = "Rosalind Pemberton"
BEFORE, AFTER = "Witness", "signed here today."
LINE = f"{BEFORE} {NAME} {AFTER}"
KEPT = "A second line mentions nobody at all."
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def one_page(draw) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def raw_page(content: str, fonts: dict | None = None, **resources) -> bytes:
    """One page drawing ``content`` with Helvetica as /F1 (plus ``fonts`` and other resources)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=letter)
    helvetica = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                   BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding)
    font_dict = pikepdf.Dictionary(F1=helvetica)
    for key, make in (fonts or {}).items():
        font_dict[key] = make(pdf)
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Font=font_dict, **{k: v(pdf) for k, v in resources.items()})
    pdf.pages[0].obj.Contents = pdf.make_stream(content.encode("latin-1"))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def redact(data: bytes, *needles: str, **options) -> tuple[bytes, list[str]]:
    doc = Pdf().read(data, "in.pdf")
    decisions = decisions_for(doc, *(needles or (NAME,)))
    if "label" in options:
        label = options.pop("label")
        decisions = [Decision(d.start, d.end, d.entity_type, d.action, d.replacement, d.reason, box_label=label)
                     for d in decisions]
    return write_pdf(doc, decisions, **options), doc.warnings


def text(data: bytes) -> str:
    return re.sub(r"[ \t]+", " ", Pdf().read(data, "out.pdf").text)


def assert_gone(data: bytes, *words: str) -> None:
    for source in plumber_pages(data) + pdfium_pages(data) + [all_strings(data)]:
        for word in words:
            assert word not in source, word


def assert_rewritten(data: bytes, warnings: list[str], kept: str = f"{BEFORE} {AFTER}") -> None:
    assert not [w for w in warnings if "re-rendered" in w], warnings
    assert_gone(data, "Rosalind", "Pemberton")
    assert kept in text(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/Font" in pdf.pages[0].obj.Resources


# --------------------------------------------------------------------------- fonts and text state


def test_truetype_subset_font_is_rewritten_glyph_exact() -> None:
    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))

    def draw(c: canvas.Canvas) -> None:
        c.setFont("DejaVu", 12)
        c.drawString(72, 700, LINE)
        c.drawString(72, 680, KEPT)
    data = one_page(draw)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        [font] = [f for f in pdf.pages[0].obj.Resources.Font.values() if "DejaVu" in str(f.BaseFont)]
        assert str(font.Subtype) == "/TrueType" and "+" in str(font.BaseFont), "sanity: an embedded subset"
    out, warnings = redact(data)
    assert_rewritten(out, warnings)
    assert KEPT in text(out)
    assert_box_starts_at(data, out, 0, "Rosalind")


@pytest.mark.parametrize("state", ["1 Tc", "4 Tw", "80 Tz", "2 Ts", "-1.5 Tc 6 Tw 120 Tz"])
def test_text_state_is_tracked(state: str) -> None:
    data = raw_page(f"BT /F1 12 Tf {state} 72 700 Td ({LINE}) Tj 0 -20 Td ({KEPT}) Tj ET")
    out, warnings = redact(data)
    assert_rewritten(out, warnings)
    assert KEPT in text(out)


def test_text_split_over_operators_and_quote_operators() -> None:
    content = (f"BT /F1 12 Tf 14 TL 72 700 Td ({BEFORE} Rosa) Tj (lind Pem) Tj [(ber) 40 (ton )] TJ ({AFTER}) Tj "
               f"({KEPT}) ' 2 0.5 (Last line, nothing here.) \" ET")
    data = raw_page(content)
    out, warnings = redact(data)
    assert_rewritten(out, warnings)
    assert KEPT in text(out) and "Last line, nothing here." in text(out)


def test_rotated_and_scaled_text_is_rewritten() -> None:
    content = (f"q 1.2 0 0 0.9 20 -40 cm BT /F1 11 Tf 0 1 -1 0 400 200 Tm ({LINE}) Tj ET Q "
               f"BT /F1 12 Tf 72 700 Td ({KEPT}) Tj ET")
    data = raw_page(content)
    out, warnings = redact(data)
    assert not warnings
    assert_gone(out, "Rosalind", "Pemberton")
    assert KEPT in text(out) and "signed here today." in text(out)


def test_type3_font_falls_back_to_the_re_render_for_that_page_only() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, LINE)
    c.showPage()
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, f"Page two names {NAME} too.")
    c.showPage()
    c.save()

    def type3(pdf: pikepdf.Pdf) -> None:
        glyph = pdf.make_stream(b"500 0 0 0 500 700 d1 0 0 500 700 re f")
        font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3,
                                  FontBBox=pikepdf.Array([0, 0, 500, 700]),
                                  FontMatrix=pikepdf.Array([0.001, 0, 0, 0.001, 0, 0]),
                                  CharProcs=pikepdf.Dictionary(box=glyph),
                                  Encoding=pikepdf.Dictionary(Differences=pikepdf.Array([65, pikepdf.Name.box])),
                                  FirstChar=65, LastChar=65, Widths=pikepdf.Array([500]), Resources=pikepdf.Dictionary())
        page = pdf.pages[0]
        page.obj.Resources.Font.T3 = font
        page.contents_add(pdf.make_stream(b"BT /T3 12 Tf 72 600 Td (AAA) Tj ET"))
    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        type3(pdf)
        out = io.BytesIO()
        pdf.save(out)
    data = out.getvalue()
    result, warnings = redact(data)
    assert warnings == ["page 1 re-rendered as an image: Type3 font"]
    assert_gone(result, "Rosalind", "Pemberton")
    assert plumber_pages(result)[0] == ""
    assert "Page two names too." in re.sub(r"\s+", " ", plumber_pages(result)[1]), "page 2 stays vector text"


def test_vertical_cid_font_falls_back() -> None:
    def cid_v(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
        descendant = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2,
                                        BaseFont=pikepdf.Name("/Vert"), CIDSystemInfo=pikepdf.Dictionary(
                                            Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"),
                                            Supplement=0), DW=1000)
        return pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/Vert"),
                                  Encoding=pikepdf.Name("/Identity-V"), DescendantFonts=pikepdf.Array([descendant]))
    data = raw_page(f"BT /F1 12 Tf 72 700 Td ({LINE}) Tj ET BT /V 12 Tf 400 700 Td <0041> Tj ET", fonts={"/V": cid_v})
    out, warnings = redact(data)
    assert warnings == ["page 1 re-rendered as an image: font encoding (CMap) not supported"]
    assert_gone(out, "Rosalind", "Pemberton")


def test_a_failed_self_check_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("redactor.formats.pdf.write.check", lambda page, expected: "self-check failed (test)")
    data = raw_page(f"BT /F1 12 Tf 72 700 Td ({LINE}) Tj ET")
    out, warnings = redact(data)
    assert warnings == ["page 1 re-rendered as an image: self-check failed (test)"]
    assert_gone(out, "Rosalind", "Pemberton")
    assert check_module.check is not None


def test_self_check_catches_a_glyph_the_writer_left() -> None:
    data = raw_page(f"BT /F1 12 Tf 72 700 Td ({LINE}) Tj ET")
    doc = Pdf().read(data, "in.pdf")
    out = write_pdf(doc, decisions_for(doc, NAME))
    with pdfplumber.open(io.BytesIO(data)) as original, pdfplumber.open(io.BytesIO(out)) as redacted:
        expected = check_module.Expected(
            tuple((c["text"], (c["x0"], c["top"], c["x1"], c["bottom"])) for c in redacted.pages[0].chars), "")
        assert check_module.check(redacted.pages[0], expected) is None
        assert check_module.check(original.pages[0], expected) is not None


# --------------------------------------------------------------------------- images, forms, labels


def _striped(size: tuple[int, int] = (240, 40)) -> Image.Image:
    image = Image.new("RGB", size, (200, 210, 230))
    for x in range(0, size[0], 6):
        for y in range(size[1]):
            image.putpixel((x, y), (250, 200, 20))
    return image


def _image_objects(data: bytes) -> list[np.ndarray]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [np.asarray(pikepdf.PdfImage(obj).as_pil_image().convert("RGB")) for obj in pdf.objects
                if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image]


def test_image_pixels_under_a_box_are_painted_in_a_copy() -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 12)
        c.drawString(72, 700, LINE)
        c.drawImage(ImageReader(_striped()), 60, 690, width=480, height=30)
        c.drawString(72, 600, KEPT)
        c.showPage()
        c.setFont("Helvetica", 12)
        c.drawString(72, 700, "The same picture on a page with nothing to remove.")
        c.drawImage(ImageReader(_striped()), 60, 690, width=480, height=30)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    draw(c)
    c.showPage()
    c.save()
    data = buf.getvalue()
    out, warnings = redact(data)
    assert_rewritten(out, warnings, kept=KEPT)
    images = _image_objects(out)
    assert len(images) == 2, "page 1 draws a painted copy, page 2 the original"
    black = [int(((img == 0).all(axis=2)).sum()) for img in images]
    assert sorted(black)[0] == 0 and sorted(black)[1] > 200


def test_inline_image_under_a_box_becomes_a_painted_xobject() -> None:
    pixels = _striped((60, 10)).tobytes()
    inline = (f"q 300 0 0 20 60 695 cm BI /W 60 /H 10 /CS /RGB /BPC 8 /F /AHx ID "
              f"{pixels.hex()}> EI Q")
    data = raw_page(f"BT /F1 12 Tf 72 700 Td ({LINE}) Tj ET {inline} BT /F1 12 Tf 72 600 Td ({KEPT}) Tj ET")
    out, warnings = redact(data)
    assert_rewritten(out, warnings, kept=KEPT)
    [image] = _image_objects(out)
    assert ((image == 0).all(axis=2)).sum() > 20
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert b"BI" not in pdf.pages[0].Contents.read_bytes()


def test_form_used_on_two_pages_is_copied_before_editing() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.beginForm("note")
    c.setFont("Helvetica", 12)
    c.drawString(72, 500, "Form text stays here.")
    c.endForm()
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, LINE)
    c.doForm("note")
    c.showPage()
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Nothing to remove on this page.")
    c.doForm("note")
    c.showPage()
    c.save()
    data = buf.getvalue()
    doc = Pdf().read(data, "forms.pdf")
    first_page = [d for d in decisions_for(doc, NAME, "stays") if d.start < doc.blocks[0].end]
    assert len(first_page) == 2
    out = write_pdf(doc, first_page)
    assert not doc.warnings
    pages = plumber_pages(out)
    assert "Form text here." in re.sub(r"\s+", " ", pages[0]) and "stays" not in pages[0]
    assert "Form text stays here." in pages[1], "the other use of the form is untouched"
    assert_gone(out, "Rosalind")


def test_labels_are_fixed_text_and_boxes_keep_one_width() -> None:
    data = raw_page(f"BT /F1 12 Tf 72 700 Td ({LINE}) Tj 0 -20 Td (And Li signed too.) Tj ET")
    out, warnings = redact(data, NAME, "Li", label="[REDACTED 9(c)]")
    assert not warnings
    page = text(out)
    assert page.count("[REDACTED 9(c)]") == 2
    assert "Rosalind" not in page and " Li " not in page
    with pdfplumber.open(io.BytesIO(out)) as pdf:
        rects = [(r["x1"] - r["x0"]) for r in pdf.pages[0].rects]
    assert len(rects) == 2 and abs(rects[0] - rects[1]) < 0.01


def test_text_outside_the_crop_box_is_read_and_removed() -> None:
    content = f"BT /F1 12 Tf 72 700 Td ({LINE}) Tj ET BT /F1 12 Tf 72 100 Td (Outside: {NAME}) Tj ET " \
              f"BT /F1 12 Tf 700 700 Td (Beyond the media box: {NAME}) Tj ET"
    pdf = pikepdf.open(io.BytesIO(raw_page(content)))
    pdf.pages[0].obj.CropBox = pikepdf.Array([0, 200, 612, 792])
    buf = io.BytesIO()
    pdf.save(buf)
    data = buf.getvalue()
    doc = Pdf().read(data, "crop.pdf")
    assert doc.text.count(NAME) == 3, "pdfplumber reports text outside the crop box and the media box"
    out, warnings = redact(data)
    assert not warnings
    assert_gone(out, "Rosalind", "Pemberton")
    assert "Outside:" in text(out) and "Beyond the media box:" in text(out)


# --------------------------------------------------------------------------- hidden content


def test_hidden_layer_content_is_dropped_and_visible_layers_stay() -> None:
    def change(pdf: pikepdf.Pdf) -> None:
        off = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Off")))
        on = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("On")))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=pikepdf.Array([off, on]),
                                                   D=pikepdf.Dictionary(OFF=pikepdf.Array([off])))
        pdf.pages[0].obj.Resources.Properties = pikepdf.Dictionary(hid=off, vis=on)
    data = raw_page("/OC /hid BDC BT /F1 12 Tf 72 600 Td (Hidden layer words) Tj ET 72 580 100 10 re f EMC "
                    "/OC /vis BDC BT /F1 12 Tf 72 560 Td (Visible layer words) Tj ET EMC "
                    "/P << /ActualText (Secret actual text) /MCID 0 >> BDC BT /F1 12 Tf 72 540 Td (Shown) Tj ET EMC")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        buf = io.BytesIO()
        pdf.save(buf)
    data = buf.getvalue()
    doc = Pdf().read(data, "layers.pdf")
    out = write_pdf(doc, [])
    assert "Hidden layer words" in doc.text, "sanity: pdfplumber reads hidden layers"
    assert "Hidden layer" not in all_strings(out) and "Secret actual" not in all_strings(out)
    assert "Visible layer words" in text(out) and "Shown" in text(out)
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "/OCProperties" not in pdf.Root
        content = pdf.pages[0].Contents.read_bytes()
        assert b" re n" in content.replace(b"\n", b" "), "the hidden path is ended without painting"


def test_unused_resources_are_not_carried_along() -> None:
    def extra(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
        form = pdf.make_stream(b"BT /F1 12 Tf 0 0 Td (Never drawn secret) Tj ET")
        form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, pikepdf.Array([0, 0, 100, 100])
        return pikepdf.Dictionary(Unused=form)
    data = raw_page(f"BT /F1 12 Tf 72 700 Td ({KEPT}) Tj ET", XObject=extra)
    out = write_pdf(Pdf().read(data, "unused.pdf"), [])
    assert "Never drawn" not in all_strings(out)


def _image_stream(pdf: pikepdf.Pdf, kind: str) -> pikepdf.Stream:
    """A 60x10 image of ``kind``, every sample non-zero, so painted samples show as zeros."""
    width, height = 60, 10
    if kind == "jpeg":
        buf = io.BytesIO()
        Image.new("RGB", (width, height), (200, 180, 90)).save(buf, "JPEG", quality=95)
        stream = pikepdf.Stream(pdf, buf.getvalue())
        stream.Filter = pikepdf.Name.DCTDecode
        stream.ColorSpace, stream.BitsPerComponent = pikepdf.Name.DeviceRGB, 8
    else:
        space, bpc, data = {
            "rgb": (pikepdf.Name.DeviceRGB, 8, b"\xc8\x96\x32" * width * height),
            "gray": (pikepdf.Name.DeviceGray, 8, b"\xaa" * width * height),
            "gray-1bit": (pikepdf.Name.DeviceGray, 1, b"\xff" * ((width + 7) // 8) * height),
            "cmyk": (pikepdf.Name.DeviceCMYK, 8, b"\x20\x40\x60\x10" * width * height),
            "indexed": (pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, 1,
                                       pikepdf.String(b"\x00\x00\x00\xff\xcc\x00")]), 8, b"\x01" * width * height),
            "mask": (None, 1, b"\xff" * ((width + 7) // 8) * height),
        }[kind]
        stream = pikepdf.Stream(pdf, data)
        if space is None:
            stream.ImageMask = True
        else:
            stream.ColorSpace, stream.BitsPerComponent = space, bpc
    stream.Type, stream.Subtype, stream.Width, stream.Height = (pikepdf.Name.XObject, pikepdf.Name.Image, width,
                                                                height)
    return stream


@pytest.mark.parametrize("kind", ["rgb", "gray", "gray-1bit", "cmyk", "indexed", "mask", "jpeg"])
def test_image_samples_under_a_box_are_zeroed_whatever_the_format(kind: str) -> None:
    content = (f"BT /F1 12 Tf 72 700 Td ({LINE}) Tj ET q 360 0 0 30 60 690 cm /Im1 Do Q "
               f"BT /F1 12 Tf 72 600 Td ({KEPT}) Tj ET")
    data = raw_page(content, XObject=lambda pdf: pikepdf.Dictionary(Im1=_image_stream(pdf, kind)))
    out, warnings = redact(data)
    assert_rewritten(out, warnings, kept=KEPT)
    with pikepdf.open(io.BytesIO(out)) as pdf:
        [image] = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == pikepdf.Name.Image]
        samples = image.read_bytes()
    if kind in ("gray-1bit", "mask"):
        samples = np.unpackbits(np.frombuffer(samples, dtype=np.uint8)).tobytes()
    assert samples.count(0) > len(samples) // 20, "samples under the box are zero"
    assert samples.count(0) < len(samples), "samples outside the box are kept"
