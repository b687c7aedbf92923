"""The hostile corpus: broken and malicious files in every format, built small.

Every bomb is built compressed, stream by stream, and never exists expanded on disk
or in memory: a 1 GiB PDF stream is 2 KB of doubly deflated zeros, a 1 GiB DOCX
member about 1 MB. Each :class:`Case` says what redactor must answer: the exit code,
a fragment of the one-line error, and any extra options.

    .venv/bin/python tests/hostile/corpus.py OUT_DIR     # write the corpus to look at
"""
from __future__ import annotations

import io
import random
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.documents import LETTER, write_docx, write_pdf  # noqa: E402

#: what the XXE case points at; its content must never appear in any output or error.
XXE_SECRET = "XXE-SECRET-Hyacinth-Oduya-77"


@dataclass
class Case:
    """One hostile file and the answer redactor owes it."""

    name: str
    filename: str
    build: Callable[[Path], bytes]
    exit_code: int
    message: str  # a fragment of the one-line error ('' for exit 0)
    options: list[str] = field(default_factory=list)
    secret: str = ""  # text that must appear in no output and no error


# --- base documents -------------------------------------------------------------------------

def good_pdf(tmp: Path) -> bytes:
    return write_pdf(tmp / "base.pdf").read_bytes()


def long_pdf(tmp: Path) -> bytes:
    """A well-formed 40-page letter: reading it needs tens of MiB however warm the process is."""
    from reportlab.pdfgen import canvas

    path = tmp / "long.pdf"
    page = canvas.Canvas(str(path))
    for _ in range(40):
        text = page.beginText(72, 780)
        for line in range(60):
            text.textLine(f"Line {line}: Ms Harriet Lindqvist-Moore wrote to the branch about the meeting.")
        page.drawText(text)
        page.showPage()
    page.save()
    return path.read_bytes()


def good_docx(tmp: Path) -> bytes:
    return write_docx(tmp / "base.docx").read_bytes()


def good_eml(body: str = LETTER) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Harriet Lindqvist-Moore <h.lm@example.org>"
    msg["To"] = "Bartholomew Quince <b.quince@example.net>"
    msg["Subject"] = "Your membership"
    msg.set_content(body)
    return msg.as_bytes()


# --- building blocks ------------------------------------------------------------------------

@cache
def deflated_zeros(size: int) -> bytes:
    """``size`` zero bytes deflated, built a megabyte at a time."""
    packer = zlib.compressobj(9)
    block = b"\0" * (1 << 20)
    out = [packer.compress(block) for _ in range(size >> 20)]
    out.append(packer.compress(b"\0" * (size % (1 << 20))))
    out.append(packer.flush())
    return b"".join(out)


def raw_pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"", xref_shift: int = 0,
            with_xref: bool = True) -> bytes:
    """A PDF written by hand: ``objects[i]`` is object ``i + 1``'s body; offsets computed (or shifted)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if with_xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % (offset + xref_shift)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, start)
    return bytes(out)


def _page_objects(content: bytes, extra_page: bytes = b"") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R " + extra_page + b">>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


HELLO = b"BT /F1 12 Tf 72 720 Td (The meeting room is on the second floor.) Tj ET"


def pdf_flate_bomb(tmp: Path) -> bytes:
    """A page whose content stream inflates to 1 GiB through two FlateDecode stages (about 2 KB on disk)."""
    data = zlib.compress(deflated_zeros(1 << 30), 9)
    objects = _page_objects(HELLO)
    objects[3] = (b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(data) + data
                  + b"\nendstream")
    return raw_pdf(objects)


def pdf_page_tree_loop(tmp: Path) -> bytes:
    objects = _page_objects(HELLO)
    objects[1] = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"
    return raw_pdf(objects)


def pdf_xref_loop(tmp: Path) -> bytes:
    """An xref section whose /Prev points back at itself."""
    body = raw_pdf(_page_objects(HELLO))
    start = int(body.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    return body.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % start)


def pdf_broken_xref(tmp: Path) -> bytes:
    """Every cross-reference offset wrong by 7 bytes: qpdf rebuilds the table by scanning."""
    return raw_pdf(_page_objects(HELLO), xref_shift=7)


def pdf_no_xref(tmp: Path) -> bytes:
    return raw_pdf(_page_objects(HELLO), with_xref=False)


def pdf_deep_nesting(tmp: Path) -> bytes:
    """A page dictionary holding 100,000 nested arrays."""
    return raw_pdf(_page_objects(HELLO, extra_page=b"/Deep " + b"[" * 100_000 + b"]" * 100_000 + b" "))


def pdf_huge_image(tmp: Path) -> bytes:
    """An image XObject that claims 100,000 x 100,000 pixels (1 KB of data)."""
    pixels = zlib.compress(b"\0" * 1024)
    objects = _page_objects(HELLO + b" q 100 0 0 100 72 500 cm /Im1 Do Q",
                            extra_page=b"")
    objects[2] = objects[2].replace(b"/Font << /F1 5 0 R >>", b"/Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >>")
    objects.append(b"<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels
                   + b"\nendstream")
    return raw_pdf(objects)


def pdf_unrepairable(tmp: Path) -> bytes:
    return b"%PDF-1.7\n" + random.Random(7).randbytes(4000) + b"\n%%EOF\n"


def encrypted(user: str, owner: str = "owner-pw") -> Callable[[Path], bytes]:
    def build(tmp: Path) -> bytes:
        import pikepdf

        out = io.BytesIO()
        with pikepdf.open(io.BytesIO(good_pdf(tmp))) as pdf:
            pdf.save(out, encryption=pikepdf.Encryption(user=user, owner=owner))
        return out.getvalue()
    return build


def truncated(build: Callable[[Path], bytes]) -> Callable[[Path], bytes]:
    return lambda tmp: build(tmp)[: len(build(tmp)) // 2]


def random_bytes(size: int, seed: int) -> Callable[[Path], bytes]:
    return lambda tmp: random.Random(seed).randbytes(size)


def _zip(members: dict[str, bytes], *, store: set[str] = frozenset()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_STORED if name in store else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def docx_members(tmp: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(good_docx(tmp))) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def docx_with(name: str, data: bytes) -> Callable[[Path], bytes]:
    def build(tmp: Path) -> bytes:
        return _zip({**docx_members(tmp), name: data})
    return build


def docx_member_bomb(size: int) -> Callable[[Path], bytes]:
    """A DOCX with one extra member of ``size`` zero bytes, written pre-deflated (never expanded)."""
    def build(tmp: Path) -> bytes:
        base = _zip(docx_members(tmp))
        deflated = deflated_zeros(size)
        return _append_deflated(base, "word/media/zeros.bin", deflated, size)
    return build


def _append_deflated(archive: bytes, name: str, deflated: bytes, size: int) -> bytes:
    """``archive`` with a member whose deflated bytes are given (its CRC computed by streaming zeros)."""
    crc = 0
    block = b"\0" * (1 << 20)
    for _ in range(size >> 20):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(b"\0" * (size % (1 << 20)), crc)
    raw = deflated[2:-4]  # zlib framing off: ZIP stores raw deflate
    source = io.BytesIO(archive)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED  # written stored, then patched to deflated below
        new.writestr(info, raw)
    return _patch_member(out.getvalue(), name, crc, len(raw), size)


def _patch_member(data: bytes, name: str, crc: int, compressed: int, size: int) -> bytes:
    """Mark ``name`` as deflated with the true CRC and sizes, in its local and central headers."""
    import struct

    buf = bytearray(data)
    encoded = name.encode()
    pos = 0
    while True:
        local = buf.find(b"PK\x03\x04", pos)
        if local < 0:
            break
        name_len = struct.unpack_from("<H", buf, local + 26)[0]
        if bytes(buf[local + 30: local + 30 + name_len]) == encoded:
            struct.pack_into("<H", buf, local + 8, 8)
            struct.pack_into("<III", buf, local + 14, crc, compressed, size)
        pos = local + 4
    pos = 0
    while True:
        central = buf.find(b"PK\x01\x02", pos)
        if central < 0:
            break
        name_len = struct.unpack_from("<H", buf, central + 28)[0]
        if bytes(buf[central + 46: central + 46 + name_len]) == encoded:
            struct.pack_into("<H", buf, central + 10, 8)
            struct.pack_into("<III", buf, central + 16, crc, compressed, size)
        pos = central + 4
    return bytes(buf)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(10))}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(entities)}]>'
            f'<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>').encode()


def xxe(secret_path: Path) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret_path}">]>'
            f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>').encode()


def docx_xxe(tmp: Path) -> bytes:
    secret = tmp / "xxe-secret.txt"
    secret.write_text(XXE_SECRET)
    return docx_with("word/document.xml", xxe(secret))(tmp)


def docx_deep_xml(tmp: Path) -> bytes:
    deep = "<w:r>" * 5000 + "</w:r>" * 5000
    return docx_with("word/document.xml", f'<w:document {W}><w:body><w:p>{deep}</w:p></w:body></w:document>'.encode())(tmp)


def docx_many_members(tmp: Path) -> bytes:
    members = docx_members(tmp)
    members.update({f"customXml/item{i}.xml": b"" for i in range(10_001)})
    return _zip(members)


def legacy_doc(tmp: Path) -> bytes:
    """The first sector of an OLE compound file: what Word 97-2003 writes."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(480)


# --- e-mail -----------------------------------------------------------------------------------

def eml_nested(depth: int) -> Callable[[Path], bytes]:
    """``depth`` multiparts, each inside the last, with one text part at the bottom."""
    def build(tmp: Path) -> bytes:
        head = [b"From: a@example.org\r\nTo: b@example.org\r\nSubject: nested\r\nMIME-Version: 1.0\r\n"]
        tail = []
        for level in range(depth):
            boundary = b"b%d" % level
            head.append(b'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n--%s\r\n' % (boundary, boundary))
            tail.append(b"\r\n--%s--\r\n" % boundary)
        head.append(b"Content-Type: text/plain\r\n\r\nHello.\r\n")
        return b"".join(head) + b"".join(reversed(tail))
    return build


def eml_many_parts(count: int) -> Callable[[Path], bytes]:
    def build(tmp: Path) -> bytes:
        parts = b"".join(b"--sep\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(count))
        return (b"From: a@example.org\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
                b'Content-Type: multipart/mixed; boundary="sep"\r\n\r\n' + parts + b"--sep--\r\n")
    return build


def eml_attachment(filename: str, build_inner: Callable[[Path], bytes]) -> Callable[[Path], bytes]:
    def build(tmp: Path) -> bytes:
        msg = EmailMessage()
        msg["From"] = "a@example.org"
        msg["Subject"] = "attached"
        msg.set_content("See attached.")
        maintype, subtype = ("application", "pdf") if filename.endswith(".pdf") else (
            "application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
        msg.add_attachment(build_inner(tmp), maintype=maintype, subtype=subtype, filename=filename)
        return msg.as_bytes()
    return build


def eml_raw(body: bytes) -> Callable[[Path], bytes]:
    return lambda tmp: body


BAD_BASE64 = (b"From: a@example.org\r\nSubject: b64\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n"
              b"Content-Transfer-Encoding: base64\r\n\r\n!!!not*base64@@@ SGVsbG8=\r\n====\r\n")
BAD_QP = (b"From: a@example.org\r\nSubject: qp\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n"
          b"Content-Transfer-Encoding: quoted-printable\r\n\r\nBroken =ZZ escapes =\r\n=E9=\r\n")
BAD_CHARSET = (b"From: a@example.org\r\nSubject: =?x-unknown-charset?B?!!!?=\r\nMIME-Version: 1.0\r\n"
               b"Content-Type: text/plain; charset=\"x-no-such-charset\"\r\n\r\nCaf\xe9 au lait.\r\n")
BAD_HEADERS = (b"From: =?utf-8?Q?=FF=FE?= <<<@@>>>\r\nTo: ,,,;;;<\r\nSubject: =?utf-8?B?////?=\r\n"
               b"Content-Type: multipart/mixed\r\n\r\nno boundary parameter at all\r\n")


def eml_base64_bomb(tmp: Path) -> bytes:
    """A base64 attachment (a PDF) whose content stream inflates to 1 GiB."""
    return eml_attachment("report.pdf", pdf_flate_bomb)(tmp)


def eml_docx_bomb(tmp: Path) -> bytes:
    return eml_attachment("notes.docx", docx_member_bomb(300 << 20))(tmp)


# --- the table ----------------------------------------------------------------------------------

CASES: list[Case] = [
    # empty, truncated, random, wrong extension
    Case("zero-byte text", "empty.txt", lambda t: b"", 3, "empty file"),
    Case("zero-byte pdf", "empty.pdf", lambda t: b"", 3, "empty file"),
    Case("zero-byte docx", "empty.docx", lambda t: b"", 3, "empty file"),
    Case("zero-byte eml", "empty.eml", lambda t: b"", 3, "empty file"),
    Case("truncated pdf", "truncated.pdf", truncated(good_pdf), 3, "truncated PDF"),
    Case("truncated docx", "truncated.docx", truncated(good_docx), 3, "not a valid DOCX"),
    Case("random bytes pdf", "random.pdf", random_bytes(4096, 1), 3, "not a PDF"),
    Case("random bytes docx", "random.docx", random_bytes(4096, 2), 3, "not a ZIP archive"),
    Case("random bytes txt", "random.txt", random_bytes(4096, 3), 3, "binary content"),
    Case("random bytes eml", "random.eml", random_bytes(4096, 4), 3, "e-mail"),
    Case("pdf named docx", "letter.docx", good_pdf, 3, "not a ZIP archive"),
    Case("docx named pdf", "letter.pdf", good_docx, 3, "not a PDF"),
    Case("zip named eml", "letter.eml", good_docx, 3, "e-mail"),
    Case("png named txt", "photo.txt", lambda t: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, 3, "binary content"),
    Case("unknown extension", "payload.exe", lambda t: b"MZ" + bytes(100), 3, "unsupported file type"),
    # encrypted and damaged PDFs
    Case("encrypted pdf (user password)", "locked.pdf", encrypted("user-pw"), 3, "a password is required"),
    Case("encrypted pdf, wrong password", "locked2.pdf", encrypted("user-pw"), 3, "password given with --password is wrong",
         ["--password", "not-it"]),
    Case("xref without a table", "noxref.pdf", pdf_no_xref, 0, ""),
    Case("xref loop", "xref-loop.pdf", pdf_xref_loop, 0, ""),
    Case("broken xref (repaired)", "broken-xref.pdf", pdf_broken_xref, 0, ""),
    Case("unrepairable pdf", "garbage.pdf", pdf_unrepairable, 3, "corrupt PDF"),
    Case("page-tree loop", "page-loop.pdf", pdf_page_tree_loop, 3, "corrupt PDF"),
    Case("deeply nested pdf arrays", "deep.pdf", pdf_deep_nesting, 3, "corrupt PDF"),
    Case("pdf flate bomb (1 GiB, two stages)", "bomb.pdf", pdf_flate_bomb, 3, "stream-size limit"),
    Case("pdf image 100000 x 100000", "huge-image.pdf", pdf_huge_image, 3, "image-pixels limit"),
    Case("pdf over a lowered pages limit", "two-pages.pdf", good_pdf, 3, "pages limit of 1", ["--limit", "pages=1"]),
    # DOCX / ZIP
    Case("docx member bomb (1 GiB)", "bomb.docx", docx_member_bomb(1 << 30), 3, "stream-size limit"),
    Case("docx member ratio", "ratio.docx", docx_member_bomb(64 << 20), 3, "zip-ratio limit"),
    Case("docx with 10,001 members", "members.docx", docx_many_members, 3, "zip-members limit"),
    Case("billion laughs", "laughs.docx", docx_with("word/document.xml", billion_laughs()), 4, "DTD"),
    Case("xxe to a local file", "xxe.docx", docx_xxe, 4, "DTD", secret=XXE_SECRET),
    Case("path-traversal member", "traversal.docx", docx_with("../../evil.txt", b"owned"), 4, "outside"),
    Case("absolute member name", "absolute.docx", docx_with("/etc/evil.txt", b"owned"), 4, "outside"),
    Case("deep xml (5,000 levels)", "deep.docx", docx_deep_xml, 3, "xml-depth limit"),
    Case("legacy .doc renamed .docx", "legacy.docx", legacy_doc, 3, "legacy Word file"),
    # e-mail
    Case("2,000 nested MIME parts", "nested.eml", eml_nested(2000), 3, "mime-depth limit"),
    Case("2,001 MIME parts", "parts.eml", eml_many_parts(2001), 3, "mime-parts limit"),
    Case("base64 attachment bomb (pdf)", "bomb-attachment.eml", eml_base64_bomb, 3, "stream-size limit"),
    Case("base64 attachment bomb (docx)", "docx-attachment.eml", eml_docx_bomb, 3, "stream-size limit"),
    Case("malformed base64 body", "bad-base64.eml", eml_raw(BAD_BASE64), 0, ""),
    Case("malformed quoted-printable", "bad-qp.eml", eml_raw(BAD_QP), 0, ""),
    Case("unknown charsets", "bad-charset.eml", eml_raw(BAD_CHARSET), 0, ""),
    Case("garbage headers, multipart without boundary", "bad-headers.eml", eml_raw(BAD_HEADERS), 3,
         "boundary is missing"),
    Case("mbox of garbage", "garbage.mbox", lambda t: b"From x\n" + bytes(range(1, 256)) * 8, 3, "no headers"),
    # wall time and memory
    Case("over a lowered seconds limit", "slow.txt", lambda t: LETTER.encode(), 3, "seconds limit of 0.01",
         ["--limit", "seconds=0.01"]),
    Case("over a lowered memory limit", "hungry.pdf", long_pdf, 3, "memory limit of 20 MiB", ["--limit", "memory=20M"]),
    Case("over a lowered text-length limit", "long.txt", lambda t: LETTER.encode(), 3, "text-length limit of 100",
         ["--limit", "text-length=100"]),
    Case("over a lowered file-size limit", "big.txt", lambda t: LETTER.encode(), 3, "file-size limit of 100 bytes",
         ["--limit", "file-size=100"]),
]


def write_corpus(folder: Path, cases: list[Case] = CASES) -> dict[str, Path]:
    """Write every case's file into ``folder``; returns case name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / ".scratch"
    scratch.mkdir(exist_ok=True)
    written = {}
    for case in cases:
        path = folder / case.filename
        path.write_bytes(case.build(scratch))
        written[case.name] = path
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for name, path in write_corpus(target).items():
        print(f"{path.stat().st_size:>10}  {path.name:<28} {name}")
