"""The e-mail adversarial corpus: one small message per place a name can hide.

Every case starts from the same message: a plain body (base64, so a naive search
of the raw bytes finds nothing) that names the secret person and her address in
visible text, so detection finds them, plus a sentence with nothing to find
(:data:`KEPT`). Each case then hides the same secrets in one more place
(:data:`CASES`). ``where`` is the location prefix of :func:`views` that carries
the hidden copy, so a test can prove the input really has it there.

:func:`views` is the tests' own scanner, independent of redactor: it parses with
the stdlib, walks every part, decodes every header and payload, opens DOCX
attachments as ZIP archives and PDF attachments with pypdfium2 and zlib, and
adds the raw bytes.

Run as a script to write the corpus into a directory::

    python -m tests.adversarial.eml_cases /tmp/eml-corpus
"""
from __future__ import annotations

import base64
import html
import io
import quopri
import re
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from pathlib import Path
from urllib.parse import unquote

NAME = "Imogen Tallowfield"
EMAIL = "imogen.tallowfield@example.org"
#: What must not survive anywhere in a redacted file, case-insensitively.
SECRET_WORDS = ("imogen", "tallowfield")
VISIBLE = f"A letter from {NAME}, the complainant, was read out. Her address is {EMAIL}."
KEPT = "The committee agreed to review the heating arrangements."
BOUNDARY = "=_case_boundary_="


# ------------------------------------------------------------------ building blocks


def b64(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return base64.encodebytes(data).decode("ascii")


def part(body: str, ctype: str = "text/plain; charset=utf-8", cte: str = "base64", extra: str = "") -> str:
    """One MIME part (headers, blank line, already-encoded body)."""
    return f"Content-Type: {ctype}\nContent-Transfer-Encoding: {cte}\n{extra}\n{body}"


def visible_part() -> str:
    return part(b64(f"{VISIBLE}\n\n{KEPT}\n"))


def attachment(data: bytes, ctype: str, filename: str) -> str:
    return part(b64(data), ctype, "base64", f'Content-Disposition: attachment; filename="{filename}"\n')


def message(parts: list[str], headers: str = "", subject: str = "Case notes", sender: str = "Case Officer <officer@example.net>",
            preamble: str = "", epilogue: str = "") -> bytes:
    """A multipart/mixed message of ``parts`` (each a string from :func:`part`)."""
    head = (f"From: {sender}\nTo: Panel Secretary <secretary@example.net>\nSubject: {subject}\n"
            f"Date: Mon, 3 Mar 2025 10:00:00 +0000\nMIME-Version: 1.0\n{headers}"
            f'Content-Type: multipart/mixed; boundary="{BOUNDARY}"\n\n')
    body = preamble + "".join(f"\n--{BOUNDARY}\n{p}" for p in parts) + f"\n--{BOUNDARY}--\n" + epilogue
    return (head + body).encode("utf-8")


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(*lines: str) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=1)
    for i, line in enumerate(lines):
        page.drawString(72, 720 - 18 * i, line)
    page.save()
    return out.getvalue()


def zip_bytes(text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("notes.txt", text)
    return out.getvalue()


def qp_body() -> str:
    """Quoted-printable with the surname cut by a soft line break and a letter as ``=XX``."""
    line = "Notes of the meeting held on the third of March with several people: " + NAME + " attended."
    encoded = quopri.encodestring(f"{VISIBLE.replace(NAME, 'the complainant')}\n{line}\n\n{KEPT}\n".encode()).decode()
    cut = encoded.index("Tallow") + 4
    return encoded[:cut] + "=\n" + encoded[cut:].replace("field", "=66ield", 1)


def encoded_word(text: str, q: bool = False) -> str:
    if q:
        return "=?utf-8?q?" + "".join(c if c.isalnum() else f"={ord(c):02X}" for c in text).replace("=20", "_") + "?="
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def nested_message() -> bytes:
    inner = (f"From: {encoded_word(NAME, q=True)} <{EMAIL}>\nTo: Panel <panel@example.net>\n"
             f"Subject: Statement\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
             f"Content-Transfer-Encoding: base64\n\n{b64('Statement by ' + NAME + '.')}")
    return message([visible_part(), part(inner, "message/rfc822", "7bit",
                                         'Content-Disposition: attachment; filename="statement.eml"\n')])


def html_part(markup: str) -> str:
    return part(b64(markup), "text/html; charset=utf-8")


@dataclass(frozen=True)
class Case:
    """A message that hides the secrets in ``where`` (a :func:`views` location prefix)."""

    where: str
    build: Callable[[], bytes]
    ext: str = ".eml"


CASES: dict[str, Case] = {
    "base64_body": Case("body text/plain", lambda: message([visible_part()])),
    "quoted_printable_body": Case("body text/plain", lambda: message([visible_part(), part(qp_body(), cte="quoted-printable")])),
    "encoded_subject": Case("header subject", lambda: message([visible_part()], subject="Re: " + encoded_word(NAME))),
    "encoded_display_name": Case("header from", lambda: message([visible_part()], sender=f"{encoded_word(NAME, q=True)} <{EMAIL}>")),
    "encoded_cc_group": Case("header cc", lambda: message([visible_part()], headers=f"Cc: Panel: {encoded_word(NAME)} <{EMAIL}>;\n")),
    "html_mailto": Case("body text/html", lambda: message([visible_part(), html_part(
        f'<p>Please <a href="mailto:{EMAIL}?subject=Hearing">write</a> to us.</p>')])),
    "html_split_by_tags": Case("body text/html", lambda: message([visible_part(), html_part(
        "<p>Later Imo<b>gen</b> Tallow<i>fi</i>&#101;ld signed.</p>")])),
    "html_title_and_alt": Case("body text/html", lambda: message([visible_part(), html_part(
        f'<p title="{NAME}">Photo: <img src="cid:x" alt="Portrait of {NAME}"></p>')])),
    "html_comment_and_script": Case("body text/html", lambda: message([visible_part(), html_part(
        f"<p>Minutes</p><!-- drafted by {NAME} --><script>var who = '{EMAIL}';</script>")])),
    "html_link_target": Case("body text/html", lambda: message([visible_part(), html_part(
        f'<p><a href="https://example.org/people/{NAME}">profile</a></p>')])),
    "received_and_x_headers": Case("header received", lambda: message([visible_part()], headers=(
        f"Received: from mail.example.org (HELO {EMAIL}) by mx.example.net; Mon, 3 Mar 2025\n"
        f"Return-Path: <{EMAIL}>\nX-Original-Sender: {NAME} <{EMAIL}>\nMessage-ID: <{EMAIL}>\n"
        f"Content-Description: {NAME}\n"))),
    "txt_attachment": Case("attachment .txt", lambda: message([visible_part(), attachment(
        f"Notes kept by {NAME}.\n".encode(), "text/plain; charset=utf-8", "notes.txt")])),
    "docx_attachment": Case("attachment .docx", lambda: message([visible_part(), attachment(
        docx_bytes(f"Statement of {NAME}.", KEPT), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "statement.docx")])),
    "pdf_attachment": Case("attachment .pdf", lambda: message([visible_part(), attachment(
        pdf_bytes(f"Statement of {NAME}.", "Nothing else."), "application/pdf", "statement.pdf")])),
    "attachment_file_name": Case("file name", lambda: message([visible_part(), attachment(
        b"Agenda: heating.\n", f'text/plain; name="{NAME} agenda.txt"', f"{NAME} agenda.txt")])),
    "attachment_file_name_rfc2231": Case("file name", lambda: message([visible_part(), part(
        b64(b"Agenda.\n"), "text/plain", "base64",
        "Content-Disposition: attachment; filename*=utf-8''Imogen%20Tallowfield.txt\n")])),
    "nested_message": Case("header from", nested_message),
    "unsupported_attachment": Case("attachment .zip", lambda: message([visible_part(), attachment(
        zip_bytes(f"Notes kept by {NAME}."), "application/zip", "notes.zip")])),
    "preamble_and_epilogue": Case("preamble", lambda: message([visible_part()], preamble=f"Forwarded for {NAME}.\n",
                                                               epilogue=f"Sent by {EMAIL}\n")),
    "mbox": Case("body text/plain", lambda: b"From MAILER-DAEMON Mon Mar  3 10:00:00 2025\n" + message([visible_part()])
                 + f"\nFrom {EMAIL} Mon Mar  3 11:00:00 2025\n".encode() + message([part(qp_body(), cte="quoted-printable")]),
                 ext=".mbox"),
}


def build(case: str) -> bytes:
    return CASES[case].build()


# ------------------------------------------------------------------ the independent scanner

_TAG = re.compile(r"<[^>]*>")
_FROM_LINE = re.compile(rb"(?m)^From .*\n")


def _header_text(value: str) -> str:
    try:
        decoded = str(make_header(decode_header(value)))
    except Exception:
        decoded = value
    return f"{value}\n{decoded}"


def _payload_views(ctype: str, filename: str, data: bytes) -> Iterator[tuple[str, str]]:
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                yield "member", archive.read(info).decode("utf-8", "ignore")
    elif data[:5] == b"%PDF-":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(data)
        yield "text", "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
            try:
                yield "stream", zlib.decompress(m.group(1)).decode("latin-1")
            except zlib.error:
                yield "stream", m.group(1).decode("latin-1")
    yield "bytes", data.decode("utf-8", "ignore")


def views(data: bytes, ext: str = ".eml") -> list[tuple[str, str]]:
    """``(location, text)``: everything a recipient could read in ``data``, each text case-folded,
    entity- and percent-decoded, and also with tags and all whitespace stripped."""
    found: list[tuple[str, str]] = [("raw", data.decode("utf-8", "ignore"))]
    messages = [data]
    if ext == ".mbox":
        found += [("envelope", m.group().decode()) for m in _FROM_LINE.finditer(data)]
        messages = [m for m in _FROM_LINE.split(data) if m.strip()]
    for raw in messages:
        for node in message_from_bytes(raw, policy=policy.compat32).walk():
            found += [(f"header {k.lower()}", _header_text(str(v))) for k, v in node.items()]
            found += [(attr, getattr(node, attr)) for attr in ("preamble", "epilogue") if getattr(node, attr, None)]
            filename = node.get_filename() or ""
            if filename:
                found.append(("file name", filename))
            if node.is_multipart():
                continue
            payload = node.get_payload(decode=True) or b""
            ctype = node.get_content_type()
            if filename or node.get_content_disposition() == "attachment":
                where = f"attachment {Path(filename).suffix.lower() or ctype}"
            else:
                where = f"body {ctype}"
            found += [(f"{where} {kind}", text) for kind, text in _payload_views(ctype, filename, payload)]
    out = []
    for where, text in found:
        text = html.unescape(unquote(text)).casefold()
        out += [(where, text), (where, re.sub(r"\s+", "", _TAG.sub("", text)))]
    return out


def leaks(data: bytes, ext: str = ".eml") -> list[str]:
    """``location: word`` for every secret word found anywhere in ``data``."""
    return sorted({f"{where}: {word}" for where, text in views(data, ext) for word in SECRET_WORDS if word in text})


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case, spec in CASES.items():
        path = folder / f"{case}{spec.ext}"
        path.write_bytes(spec.build())
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "eml-corpus")):
        print(written)
