"""A PDF checked against the limits before anything decodes it: pages, stream sizes, image sizes.

qpdf (when the reader re-saves the file), pdfminer (when it reads a page) and pdfium
(when it renders one) all decode streams whole; a FlateDecode stream of a few
kilobytes can inflate to gigabytes, and a chain of two to terabytes. So every stream
is decoded here first, as a stream: Flate stages through ``zlib.decompressobj`` with
a bounded output, chunk by chunk, each stage's count checked against ``stream-size``
as it grows (the bytes are counted and dropped, never kept). A filter redactor does
not decode here is bounded by the most it can expand (:data:`EXPANSION`); image
codecs end the chain, and an image is bounded by ``image-pixels`` instead.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator

import pikepdf

from ...limits import Limits, exceeded

FLATE = frozenset({"/FlateDecode", "/Fl"})
#: image codecs: what they decode to is bounded by the image's width and height.
IMAGE_CODECS = frozenset({"/DCTDecode", "/DCT", "/JPXDecode", "/CCITTFaxDecode", "/CCF", "/JBIG2Decode"})
#: the most each other filter can expand its input (ASCII85's ``z`` is 4 bytes; a RunLength
#: byte pair up to 128; a 12-bit LZW code up to the 2,560 bytes of its longest possible string).
EXPANSION = {"/ASCIIHexDecode": 1, "/AHx": 1, "/ASCII85Decode": 4, "/A85": 4, "/RunLengthDecode": 128,
             "/RL": 128, "/LZWDecode": 2560, "/LZW": 2560, "/Crypt": 1}
_IN_CHUNK = 1 << 16
_OUT_CHUNK = 1 << 20


def check_pdf(pdf: pikepdf.Pdf, limits: Limits) -> None:
    """Refuse ``pdf`` if it has more pages, bigger decoded streams or larger images than ``limits`` allow."""
    pages = len(pdf.pages)
    limits.check("pages", pages, f"the PDF has {pages} pages,")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            check_stream(obj, limits)


def check_stream(stream: pikepdf.Stream, limits: Limits) -> None:
    """Decode ``stream``'s filters as far as they go here, counting; refuse it over ``stream-size``."""
    info = stream.stream_dict
    if info.get("/Subtype") == "/Image":
        _check_image(info, limits)
    filters = _filters(info.get("/Filter"))
    if not filters:
        return
    try:
        raw = stream.read_raw_bytes()
    except pikepdf.PdfError:
        return  # unreadable data: qpdf reports it (or skips the stream) later
    size = len(raw)
    chunks: Iterator[bytes] = iter([raw])
    for index, name in enumerate(filters):
        if name in IMAGE_CODECS:
            return
        if name in FLATE:
            chunks = _inflate(chunks, limits)
            continue
        size = _drain(chunks) * EXPANSION.get(name, 1)
        bound = size
        for later in filters[index + 1:]:
            if later in IMAGE_CODECS:
                break
            bound *= EXPANSION.get(later, 1) if later not in FLATE else 1032  # zlib's own ceiling
        if bound > limits.stream_size:
            raise exceeded("stream_size", limits.stream_size,
                           f"a stream of the PDF ({name[1:]}) could decode to {bound} bytes,")
        return
    _drain(chunks)


def _filters(value: object) -> list[str]:
    if isinstance(value, pikepdf.Name):
        return [str(value)]
    if isinstance(value, pikepdf.Array):
        return [str(item) for item in value if isinstance(item, pikepdf.Name)]
    return []


def _inflate(chunks: Iterator[bytes], limits: Limits) -> Iterator[bytes]:
    """Inflate a stream of chunks, never more than :data:`_OUT_CHUNK` at a time, counting as it goes."""
    inflater = zlib.decompressobj()
    total = 0
    try:
        for chunk in chunks:
            for start in range(0, len(chunk), _IN_CHUNK):
                data = chunk[start:start + _IN_CHUNK]
                while data:
                    out = inflater.decompress(data, _OUT_CHUNK)
                    total += len(out)
                    _over(total, limits)
                    if out:
                        yield out
                    data = inflater.unconsumed_tail
                    if inflater.eof:
                        return
        out = inflater.flush()
        total += len(out)
        _over(total, limits)
        if out:
            yield out
    except zlib.error:
        return  # damaged data: decoders stop where it breaks, as here


def _over(total: int, limits: Limits) -> None:
    if total > limits.stream_size:
        raise exceeded("stream_size", limits.stream_size, "a stream of the PDF inflates", "past")


def _drain(chunks: Iterator[bytes]) -> int:
    """Run the pipeline to its end; the bytes that came out."""
    return sum(len(chunk) for chunk in chunks)


def _check_image(info: pikepdf.Dictionary, limits: Limits) -> None:
    try:
        width, height = int(info.get("/Width", 0)), int(info.get("/Height", 0))
    except (TypeError, ValueError, OverflowError):
        return  # no usable size: the renderers refuse the image themselves
    limits.check("image_pixels", width * height, f"an image of the PDF is {width} x {height} pixels,")
