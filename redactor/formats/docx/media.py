"""Pictures keep their pixels and lose their metadata.

A photograph or screenshot pasted into Word carries its own metadata: EXIF
(camera owner, ``Artist``, ``XPAuthor``, GPS position), XMP (creator, the
original file's path), IPTC captions, comments, PNG text chunks. None of it is
shown by Word and none of it is needed to show the picture, so it is removed:

* JPEG: every ``APPn`` segment except JFIF (``APP0``), an ICC colour profile
  (``APP2 ICC_PROFILE``) and Adobe's colour transform (``APP14``); every ``COM``;
* PNG: the ``tEXt``, ``zTXt``, ``iTXt``, ``eXIf`` and ``tIME`` chunks.

A file that does not parse as expected is left as it is; the verifier, which
reads the strings of every binary part, still checks it.
"""
from __future__ import annotations

import struct

from .trees import PartTrees

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_DROPPED = frozenset({b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"})
JPEG_APP0, JPEG_APP2, JPEG_APP14, JPEG_COM, JPEG_SOS = 0xE0, 0xE2, 0xEE, 0xFE, 0xDA
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD9)})


def _keep_jpeg_segment(marker: int, payload: bytes) -> bool:
    if marker == JPEG_COM:
        return False
    if 0xE0 <= marker <= 0xEF:
        return marker in (JPEG_APP0, JPEG_APP14) or (marker == JPEG_APP2 and payload.startswith(b"ICC_PROFILE\0"))
    return True


def strip_jpeg(blob: bytes) -> bytes:
    """``blob`` without its metadata segments, or unchanged if it is not a well-formed JPEG."""
    if not blob.startswith(b"\xff\xd8"):
        return blob
    out, i = [b"\xff\xd8"], 2
    while i + 4 <= len(blob):
        if blob[i] != 0xFF:
            return blob
        marker = blob[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in _JPEG_STANDALONE:
            out.append(blob[i : i + 2])
            i += 2
            continue
        (length,) = struct.unpack(">H", blob[i + 2 : i + 4])
        end = i + 2 + length
        if length < 2 or end > len(blob):
            return blob
        if marker == JPEG_SOS:  # entropy-coded data follows: copy the rest as it is
            out.append(blob[i:])
            return b"".join(out)
        if _keep_jpeg_segment(marker, blob[i + 4 : end]):
            out.append(blob[i:end])
        i = end
    return blob


def strip_png(blob: bytes) -> bytes:
    """``blob`` without its text and time chunks, or unchanged if it is not a well-formed PNG."""
    if not blob.startswith(PNG_SIGNATURE):
        return blob
    out, i = [PNG_SIGNATURE], len(PNG_SIGNATURE)
    while i + 12 <= len(blob):
        (length,) = struct.unpack(">I", blob[i : i + 4])
        kind = blob[i + 4 : i + 8]
        end = i + 12 + length
        if end > len(blob):
            return blob
        if kind not in PNG_DROPPED:
            out.append(blob[i:end])
        i = end
        if kind == b"IEND":
            return b"".join(out)
    return blob


STRIPPERS = {"image/jpeg": strip_jpeg, "image/png": strip_png}


def strip_picture_metadata(trees: PartTrees) -> None:
    """Remove the metadata of every JPEG and PNG picture in the package."""
    for part in trees.package.iter_parts():
        strip = STRIPPERS.get(part.content_type)
        if strip is not None:
            part._blob = strip(part.blob)  # noqa: SLF001 (python-docx has no blob setter)
