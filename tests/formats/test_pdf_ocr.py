"""Scanned pages: OCR finds the words, findings are painted out of the image, nothing passes unchecked."""
from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from redactor.errors import UnsafeToRedact
from redactor.formats.pdf import ocr

pytestmark = pytest.mark.skipif(not ocr.available(), reason="Tesseract (tesseract-ocr, tesseract-ocr-eng) missing")

LINES = ["Dear Ms Imogen Tallowfield, please call 07700 900123.",
         "The hearing will take place in the spring."]


def typed_pdf(lines=LINES, *, invisible_layer: bool = False, under: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    if under is not None:
        page.drawImage(_image_reader(under), 0, 0, width=595.27, height=841.89)
    text = page.beginText(72, 700)
    text.setFont("Helvetica", 12)
    if invisible_layer:
        text.setTextRenderMode(3)
    for line in lines:
        text.textLine(line)
    page.drawText(text)
    page.save()
    return buffer.getvalue()


def _image_reader(png: bytes):
    from reportlab.lib.utils import ImageReader

    return ImageReader(io.BytesIO(png))


def page_image(pdf: bytes, scale: float = 200 / 72) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()


def scanned_pdf(lines=LINES) -> bytes:
    """An image-only PDF: the typed page, rasterised, as the scanner would give it."""
    out = io.BytesIO()
    page_image(typed_pdf(lines)).save(out, format="PDF", resolution=200.0)
    return out.getvalue()


def ocr_text(pdf: bytes) -> str:
    """An independent reading of the output: render it and OCR the pixels."""
    return " ".join(w.text for w in ocr.recognise(page_image(pdf, 300 / 72).convert("L")))


def test_a_scanned_page_is_read_by_ocr(redactor_engine):
    doc = redactor_engine.plan_bytes(scanned_pdf(), "scan.pdf", path="anonymise").document
    assert "Tallowfield" in doc.text and "hearing will take place" in doc.text
    assert any("read by OCR" in w for w in doc.warnings)


def test_findings_are_painted_out_of_the_scan(redactor_engine):
    outcome = redactor_engine.redact_bytes(scanned_pdf(), "scan.pdf", path="anonymise")
    seen = ocr_text(outcome.output)
    assert "Tallowfield" not in seen and "900123" not in seen
    assert "hearing will take place in the spring" in seen
    assert any("scanned page" in w for w in outcome.report["warnings"])


def test_without_ocr_a_scanned_page_is_refused(redactor_engine, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(UnsafeToRedact, match="scanned image"):
        redactor_engine.redact_bytes(scanned_pdf(), "scan.pdf", path="anonymise")


def test_a_scan_with_an_ocr_text_layer_loses_both_the_words_and_their_pixels(redactor_engine):
    scan = io.BytesIO()
    page_image(typed_pdf()).save(scan, format="PNG")
    layered = typed_pdf(invisible_layer=True, under=scan.getvalue())
    outcome = redactor_engine.redact_bytes(layered, "layered.pdf", path="anonymise")
    assert "Tallowfield" not in ocr_text(outcome.output)
    text = "\n".join(t for _, t in redactor_engine.plan_bytes(outcome.output, "o.pdf", path="anonymise")
                     .format.extract_parts(outcome.output))
    assert "Tallowfield" not in text
    assert "hearing will take place" in text
