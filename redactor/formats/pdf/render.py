"""The safe fallback: a page becomes a black-boxed image of itself.

The page is rendered with pdfium, opaque black boxes are painted over the
glyphs of every decision (each box as wide as what it covers), and the page's
content is replaced by that image, so nothing of the original page (text,
vector graphics, hidden layers, annotations) survives on it. The glyph-exact
writer falls back to this for a page it cannot rewrite safely.
"""
from __future__ import annotations

import math
import zlib

import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFont

from .model import Box, display_to_user, normalise_box, user_box_to_display

#: rendering resolution of redacted pages.
RENDER_DPI = 200.0
#: cap on a rendered page's pixel count (huge pages are rendered at a lower resolution).
MAX_PIXELS = 40_000_000
#: resource name of a re-rendered page's image.
IMAGE_NAME = pikepdf.Name("/Im0")


def render_pages(pdf: pikepdf.Pdf, data: bytes, boxes: dict[int, list[tuple[Box, str | None]]]) -> None:
    """Replace every page that has boxes by a black-boxed image of itself."""
    if not boxes:
        return
    rendered = pdfium.PdfDocument(data)
    try:
        for number in sorted(boxes):
            page = rendered[number - 1]
            try:
                image, visible, rotation = render_redacted(page, boxes[number])
            finally:
                page.close()
            replace_with_image(pdf, pdf.pages[number - 1], image, visible, rotation)
    finally:
        rendered.close()


def render_redacted(page: pdfium.PdfPage, boxes: list[tuple[Box, str | None]]) -> tuple[Image.Image, Box, int]:
    """Render ``page`` (visible box, ``/Rotate`` applied, no annotations) and paint the boxes.

    Returns the RGB image, the visible box in user space and the rotation it was drawn with.
    """
    visible = normalise_box(page.get_bbox())
    rotation = page.get_rotation()
    width, height = page.get_width(), page.get_height()
    scale = min(RENDER_DPI / 72.0, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
    bitmap = page.render(scale=scale, draw_annots=False, may_draw_forms=False, rev_byteorder=True)
    image = bitmap.to_pil().convert("RGB")
    sx, sy = image.width / width, image.height / height
    draw = ImageDraw.Draw(image)
    for box, label in boxes:
        x0, top, x1, bottom = user_box_to_display(box, visible, rotation)
        pixels = (math.floor(x0 * sx), math.floor(top * sy), math.ceil(x1 * sx), math.ceil(bottom * sy))
        draw.rectangle(pixels, fill=(0, 0, 0))
        if label:
            _label(draw, pixels, label)
    return image, visible, rotation


def _label(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], label: str) -> None:
    """Print the reason code on a box in white, as large as the box's height allows; a label that
    does not fit is cut short (the box never grows, so it reveals nothing about what is under it)."""
    x0, top, x1, bottom = box
    size = max(6, int((bottom - top) * 0.7))
    font = ImageFont.load_default(size=size)
    room = (x1 - x0) - 4
    short = label.strip("[]").split()[-1] if label.strip("[]").split() else ""
    text = label if draw.textlength(label, font=font) <= room else short  # "[REDACTED 9(c)]", else "9(c)"
    while text and draw.textlength(text, font=font) > room:
        text = text[:-1]
    if text:
        draw.text((x0 + 2, top + (bottom - top - size) / 2), text, fill=(255, 255, 255), font=font)


def replace_with_image(pdf: pikepdf.Pdf, page: pikepdf.Page, image: Image.Image, visible: Box, rotation: int) -> None:
    """Empty ``page`` in place and make ``image`` its only content, covering the visible box.

    The page keeps its MediaBox, ``/Rotate`` and ``/UserUnit``; its CropBox becomes
    the visible box, so viewers show it at exactly the size they showed before.
    """
    obj = page.obj
    mediabox = pikepdf.Array([float(v) for v in page.mediabox])
    user_unit = obj.get("/UserUnit")
    for key in list(obj.keys()):
        if key not in ("/Type", "/Parent"):
            del obj[key]
    obj.Type = pikepdf.Name.Page
    obj.MediaBox = mediabox
    obj.CropBox = pikepdf.Array(list(visible))
    if rotation:
        obj.Rotate = rotation
    if user_unit is not None:
        obj.UserUnit = user_unit
    obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({str(IMAGE_NAME): _image_xobject(pdf, image)}))
    obj.Contents = pdf.make_stream(_placement(visible, rotation))


def _image_xobject(pdf: pikepdf.Pdf, image: Image.Image) -> pikepdf.Stream:
    """An 8-bit image XObject, Flate-compressed (lossless): gray when the page has no colour."""
    image = _compact(image)
    stream = pikepdf.Stream(pdf, b"")
    stream.write(zlib.compress(image.tobytes(), 6), filter=pikepdf.Name.FlateDecode)
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width = image.width
    stream.Height = image.height
    stream.ColorSpace = pikepdf.Name.DeviceGray if image.mode == "L" else pikepdf.Name.DeviceRGB
    stream.BitsPerComponent = 8
    return stream


def _compact(image: Image.Image) -> Image.Image:
    """The same pixels as one gray channel when red, green and blue are equal everywhere."""
    red, green, blue = image.split()
    if ImageChops.difference(red, green).getbbox() is None and ImageChops.difference(red, blue).getbbox() is None:
        return red
    return image


def _placement(visible: Box, rotation: int) -> bytes:
    """Content stream drawing the image so its top-left is the displayed top-left of ``visible``."""
    width = visible[2] - visible[0]
    height = visible[3] - visible[1]
    disp_w, disp_h = (height, width) if rotation % 180 else (width, height)
    ex, ey = display_to_user(0.0, disp_h, visible, rotation)  # image (0, 0): bottom-left
    ux, uy = display_to_user(disp_w, disp_h, visible, rotation)  # image (1, 0)
    vx, vy = display_to_user(0.0, 0.0, visible, rotation)  # image (0, 1)
    matrix = (ux - ex, uy - ey, vx - ex, vy - ey, ex, ey)
    numbers = " ".join(_number(v) for v in matrix)
    return f"q {numbers} cm {IMAGE_NAME} Do Q".encode("ascii")


def _number(value: float) -> str:
    """A PDF real without exponent notation."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
