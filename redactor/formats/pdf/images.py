"""Painting image pixels out under a redaction box, in a copy of the image.

A box drawn over an image hides it on screen, but the image's own samples
would still hold the redacted area for anyone who extracts the image. So the
samples under each box are set to zero (black in gray and RGB, the first
palette entry of an indexed image, no ink in CMYK: the opaque box on top hides
the colour either way) in a new copy, which then replaces that one use of the
image; other uses keep the original. A soft mask is painted the same way.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import pikepdf
from PIL import Image, ImageDraw

from .content import ImageUse, Matrix, apply
from .fonts import Unsupported
from .layout import Redaction

#: colour spaces by name and their number of components.
COMPONENTS = {"/DeviceGray": 1, "/CalGray": 1, "/DeviceRGB": 3, "/CalRGB": 3, "/Lab": 3, "/DeviceCMYK": 4,
              "/G": 1, "/RGB": 3, "/CMYK": 4, "/I": 1, "/Indexed": 1, "/Separation": 1}
#: entries of an image dictionary a painted copy does not take over.
DROP = ("/Length", "/Filter", "/DecodeParms", "/SMask", "/Metadata", "/Alternates", "/OPI")


def paint(pdf: pikepdf.Pdf, use: ImageUse, boxes: Sequence[Redaction],
          resources: pikepdf.Dictionary) -> pikepdf.Stream | None:
    """A painted copy of the image drawn by ``use``, or None when no box touches it."""
    inverse = _invert(use.ctm)
    if inverse is None:
        return None
    polygons = []
    for box in boxes:
        points = [apply(inverse, x, y) for x, y in box.corners()]
        us, vs = [p[0] for p in points], [p[1] for p in points]
        if max(us) > 0 and min(us) < 1 and max(vs) > 0 and min(vs) < 1:
            polygons.append(points)
    if not polygons:
        return None
    if use.name is None:
        return _inline(pdf, use.image, polygons)
    return _xobject(pdf, use.image, polygons, resources)


def _invert(m: Matrix) -> Matrix | None:
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def _mask(width: int, height: int, polygons: list[list[tuple[float, float]]]) -> np.ndarray:
    """Which pixels lie under a box (unit-square polygons; the image's first row is at the top)."""
    canvas = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(canvas)
    for points in polygons:
        pixels = [(u * width, (1 - v) * height) for u, v in points]
        draw.polygon(pixels, fill=255, outline=255, width=2)
    return np.asarray(canvas) > 0


def _components(space: object, resources: pikepdf.Dictionary) -> int:
    if isinstance(space, pikepdf.Name) and str(space) not in COMPONENTS:
        named = resources.get("/ColorSpace")
        space = named.get(str(space)) if isinstance(named, pikepdf.Dictionary) else None
    if isinstance(space, pikepdf.Array) and len(space) > 0:
        family = str(space[0])
        if family == "/ICCBased":
            return int(space[1].get("/N", 0))
        if family == "/DeviceN":
            return len(space[1])
        space = space[0]
    if space is not None and str(space) in COMPONENTS:
        return COMPONENTS[str(space)]
    raise Unsupported("image colour space not supported")


def _zero(data: bytes, width: int, height: int, comps: int, bpc: int, mask: np.ndarray) -> bytes:
    """``data`` (rows padded to whole bytes) with every sample of the masked pixels set to zero."""
    stride = (width * comps * bpc + 7) // 8
    if len(data) < stride * height:
        raise Unsupported("image data is short")
    rows = np.frombuffer(data[: stride * height], dtype=np.uint8).reshape(height, stride).copy()
    if bpc >= 8:
        step = comps * bpc // 8
        pixels = rows[:, : width * step].reshape(height, width, step)
        pixels[mask] = 0
        rows[:, : width * step] = pixels.reshape(height, width * step)
        return rows.tobytes()
    bits = np.unpackbits(rows, axis=1)
    pixels = bits[:, : width * comps * bpc].reshape(height, width, comps * bpc)
    pixels[mask] = 0
    bits[:, : width * comps * bpc] = pixels.reshape(height, width * comps * bpc)
    return np.packbits(bits, axis=1).tobytes()


def _xobject(pdf: pikepdf.Pdf, image: pikepdf.Stream, polygons: list, resources: pikepdf.Dictionary) -> pikepdf.Stream:
    width, height = int(image.get("/Width", 0)), int(image.get("/Height", 0))
    if image.get("/ImageMask") is True:
        comps, bpc = 1, 1
    else:
        comps, bpc = _components(image.get("/ColorSpace"), resources), int(image.get("/BitsPerComponent", 8))
    if bpc not in (1, 2, 4, 8, 16):
        raise Unsupported("image format not supported")
    try:
        data = image.read_bytes(decode_level=pikepdf.StreamDecodeLevel.all)
    except pikepdf.PdfError:
        raise Unsupported("image format not supported") from None
    mask = _mask(width, height, polygons)
    copy = _stream(pdf, _zero(data, width, height, comps, bpc, mask), image)
    smask = image.get("/SMask")
    if isinstance(smask, pikepdf.Stream):
        copy.SMask = _xobject(pdf, smask, polygons, resources)
    return copy


def _stream(pdf: pikepdf.Pdf, data: bytes, like: pikepdf.Stream) -> pikepdf.Stream:
    """A Flate-compressed image stream with ``like``'s dictionary."""
    stream = pikepdf.Stream(pdf, b"")
    for key, value in like.stream_dict.items():
        if key not in DROP:
            stream[key] = value
    stream.write(zlib.compress(data, 6), filter=pikepdf.Name.FlateDecode)
    return stream


def _inline(pdf: pikepdf.Pdf, image: pikepdf.PdfInlineImage, polygons: list) -> pikepdf.Stream:
    """An inline image, painted, as a new image XObject (gray, RGB or CMYK, 8 bits)."""
    if image.image_mask:
        raise Unsupported("inline image mask under a box")
    try:
        pil = image.as_pil_image()
    except Exception:  # pikepdf/PIL raise many kinds on unusual images
        raise Unsupported("inline image format not supported") from None
    if pil.mode not in ("L", "RGB", "CMYK"):
        pil = pil.convert("RGB")
    mask = _mask(pil.width, pil.height, polygons)
    pixels = np.asarray(pil).copy()
    pixels[mask] = 0
    stream = pikepdf.Stream(pdf, b"")
    stream.write(zlib.compress(pixels.tobytes(), 6), filter=pikepdf.Name.FlateDecode)
    stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    stream.Width, stream.Height, stream.BitsPerComponent = pil.width, pil.height, 8
    stream.ColorSpace = pikepdf.Name({"L": "/DeviceGray", "RGB": "/DeviceRGB", "CMYK": "/DeviceCMYK"}[pil.mode])
    return stream
