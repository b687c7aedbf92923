"""Tests for redactor.formats.eml: reading every header and part, writing in place, attachments, bad input.

These tests decide regions by hand (no NLP): :func:`decide` marks every
occurrence of the given strings, the format writes, and the output is checked
with the stdlib and with the corpus' independent scanner
(:func:`adversarial.eml_cases.views`).
"""
from __future__ import annotations

import base64
import quopri
import re
from email import message_from_bytes, policy

import pytest
from adversarial.eml_cases import docx_bytes, encoded_word, pdf_bytes, views, zip_bytes

from redactor.document import Decision, Document, Finding
from redactor.errors import RedactorError, UnreadableInput
from redactor.formats import format_for
from redactor.formats.eml import Eml, FieldRef, InnerRef, Mbox

NAME = "Zoë Okafor"
EMAIL = "zoe.okafor@example.org"
KEPT = "The committee agreed to review the heating arrangements."


def raw_message(body: str | bytes, ctype: str = "text/plain; charset=utf-8", cte: str = "7bit",
                headers: str = "", subject: str = "Case notes") -> bytes:
    """A single-part message; ``body`` is already encoded for ``cte`` (text is written as UTF-8)."""
    head = (f"From: Case Officer <officer@example.net>\nTo: Panel <panel@example.net>\nSubject: {subject}\n"
            f"Date: Mon, 3 Mar 2025 10:00:00 +0000\nMIME-Version: 1.0\n{headers}"
            f"Content-Type: {ctype}\nContent-Transfer-Encoding: {cte}\n\n")
    return head.encode("utf-8") + (body if isinstance(body, bytes) else body.encode("utf-8"))


def multipart(*parts: str, headers: str = "") -> bytes:
    boundary = "=_b_="
    body = "".join(f"--{boundary}\n{p}\n" for p in parts) + f"--{boundary}--\n"
    return (f"From: Case Officer <officer@example.net>\nTo: Panel <panel@example.net>\nSubject: Case notes\n"
            f"MIME-Version: 1.0\n{headers}Content-Type: multipart/mixed; boundary=\"{boundary}\"\n\n{body}").encode()


def text_part(text: str, ctype: str = "text/plain; charset=utf-8") -> str:
    return f"Content-Type: {ctype}\nContent-Transfer-Encoding: base64\n\n{base64.encodebytes(text.encode()).decode()}"


def attached(data: bytes, ctype: str, filename: str) -> str:
    return (f"Content-Type: {ctype}; name=\"{filename}\"\nContent-Transfer-Encoding: base64\n"
            f"Content-Disposition: attachment; filename=\"{filename}\"\n\n{base64.encodebytes(data).decode()}")


def decide(doc: Document, *values: str, replacement: str = "[REMOVED]") -> list[Decision]:
    """A decision for every occurrence of each value (values must not overlap)."""
    found = []
    for value in values:
        for m in re.finditer(re.escape(value), doc.text):
            finding = Finding(m.start(), m.end(), "PERSON", 1.0, "test")
            found.append(Decision(m.start(), m.end(), "PERSON", "replace", replacement, "test", (finding,)))
    return sorted(found, key=lambda d: d.start)


def redact(data: bytes, *values: str, replacement: str = "[REMOVED]", fmt=None) -> tuple[Document, bytes]:
    fmt = fmt or Eml()
    doc = fmt.read(data, "x.eml")
    return doc, fmt.write(doc, decide(doc, *values, replacement=replacement))


def survives(data: bytes, value: str, ext: str = ".eml") -> list[str]:
    """Where the independent scanner still finds ``value``."""
    return sorted({where for where, text in views(data, ext) if value.casefold() in text})


def bodies(data: bytes) -> list[str]:
    """The decoded text of every text part of ``data``."""
    msg = message_from_bytes(data, policy=policy.default)
    return [p.get_content() for p in msg.walk() if p.get_content_maintype() == "text"]


# ------------------------------------------------------------------ the format table


def test_eml_and_mbox_are_in_the_format_table() -> None:
    assert isinstance(format_for("a.EML"), Eml) and format_for("a.eml").media_type == "message/rfc822"
    assert isinstance(format_for("a.mbox"), Mbox) and format_for("a.mbox").media_type == "application/mbox"


# ------------------------------------------------------------------ headers


def test_when_headers_are_rfc2047_encoded_then_the_text_has_them_decoded() -> None:
    data = raw_message("Hello.\n", headers=f"Cc: {encoded_word(NAME, q=True)} <{EMAIL}>, other@example.net\n",
                       subject="Re: " + encoded_word(f"About {NAME}"))
    doc = Eml().read(data, "x.eml")
    assert f"Cc: {NAME} <{EMAIL}>, other@example.net" in doc.text
    assert f"Subject: Re: About {NAME}" in doc.text
    start = doc.text.index(f"Subject: Re: About {NAME}")
    assert doc.where(start, start + 5) == {"part": "header Subject"}
    assert doc.source_map[start] is None  # the label is the reader's, not the message's
    assert isinstance(doc.source_map[start + len("Subject: ")], FieldRef)


def test_when_a_display_name_is_replaced_then_the_header_is_re_encoded() -> None:
    data = raw_message("Hello.\n", headers=f"Reply-To: {encoded_word(NAME, q=True)} <{EMAIL}>\n",
                       subject=encoded_word(f"Complaint about {NAME}"))
    _, out = redact(data, NAME, replacement="Ｍember A")
    msg = message_from_bytes(out, policy=policy.default)
    assert str(msg["Reply-To"]) == f"Ｍember A <{EMAIL}>"
    assert str(msg["Subject"]) == "Complaint about Ｍember A"
    assert out.isascii()  # non-ASCII went out as RFC 2047 encoded words
    assert survives(out, NAME) == []


def test_when_an_address_is_replaced_then_the_display_name_stays() -> None:
    _, out = redact(raw_message("Hello.\n", headers=f"Cc: Zed Example <{EMAIL}>\n"), EMAIL, replacement="[EMAIL]")
    assert message_from_bytes(out, policy=policy.compat32)["Cc"] == "Zed Example <[EMAIL]>"


def test_only_headers_the_recipient_needs_survive() -> None:
    dropped = {
        "Received": "from mail.example.org by mx.example.net; Mon, 3 Mar 2025",
        "Return-Path": f"<{EMAIL}>",
        "Message-ID": "<abc@mail.example.org>",
        "In-Reply-To": "<abd@mail.example.org>",
        "References": "<abd@mail.example.org>",
        "DKIM-Signature": "v=1; a=rsa-sha256; d=example.org",
        "X-Mailer": "Example Mail 1.0",
        "Bcc": f"Secret <{EMAIL}>",
        "Sender": f"Secret <{EMAIL}>",
        "Content-Description": "Notes by someone",
    }
    data = raw_message("Hello.\n", headers="".join(f"{k}: {v}\n" for k, v in dropped.items()))
    doc, out = redact(data)
    assert f"Bcc: Secret <{EMAIL}>" in doc.text  # read, so that detection knows the name...
    msg = message_from_bytes(out, policy=policy.compat32)
    assert [k for k in dropped if k in msg] == []  # ...and dropped
    assert {"From", "To", "Subject", "Date", "MIME-Version", "Content-Type"} <= set(msg.keys())
    assert msg["Date"] == "Mon, 3 Mar 2025 10:00:00 +0000"


# ------------------------------------------------------------------ bodies and encodings

ENCODED_BODIES = {
    "7bit": lambda text: text.encode("ascii"),
    "8bit": lambda text: text.encode("utf-8"),
    "base64": lambda text: base64.encodebytes(text.encode("utf-8")),
    "quoted-printable": lambda text: quopri.encodestring(text.encode("utf-8")),
}


@pytest.mark.parametrize("cte", sorted(ENCODED_BODIES))
def test_when_a_body_is_redacted_then_it_keeps_its_transfer_encoding(cte: str) -> None:
    text = f"Dear Zed Quill,\n\nZed Quill wrote on Monday.\n\n{KEPT}\n" + ("" if cte == "7bit" else "Café.\n")
    data = raw_message(ENCODED_BODIES[cte](text), cte=cte)
    doc, out = redact(data, "Zed Quill")
    assert text in doc.text
    part = message_from_bytes(out, policy=policy.default)
    assert part["Content-Transfer-Encoding"] == cte
    assert part.get_content_charset() == "utf-8"
    assert part.get_content() == text.replace("Zed Quill", "[REMOVED]")


def test_when_7bit_cannot_hold_the_replacement_then_quoted_printable() -> None:
    _, out = redact(raw_message("Dear Zed Quill,\n"), "Zed Quill", replacement="Témoin 1")
    part = message_from_bytes(out, policy=policy.default)
    assert part["Content-Transfer-Encoding"] == "quoted-printable"
    assert part.get_content() == "Dear Témoin 1,\n"


def test_when_the_charset_cannot_hold_the_replacement_then_utf8() -> None:
    data = raw_message(base64.encodebytes(f"Dear {NAME},\nCafé.\n".encode("iso-8859-1")),
                       ctype="text/plain; charset=iso-8859-1", cte="base64")
    doc, out = redact(data, NAME, replacement="Ｍember A")
    assert f"Dear {NAME}," in doc.text
    part = message_from_bytes(out, policy=policy.default)
    assert part.get_content_charset() == "utf-8" and part.get_content() == "Dear Ｍember A,\nCafé.\n"


def test_when_the_charset_can_hold_the_replacement_then_it_is_kept() -> None:
    data = raw_message(base64.encodebytes(f"Dear {NAME},\n".encode("iso-8859-1")),
                       ctype="text/plain; charset=iso-8859-1", cte="base64")
    _, out = redact(data, NAME, replacement="Zoë A")
    part = message_from_bytes(out, policy=policy.default)
    assert part.get_content_charset() == "iso-8859-1" and part.get_content() == "Dear Zoë A,\n"


def test_a_body_without_decisions_is_left_byte_for_byte() -> None:
    encoded = quopri.encodestring(f"{KEPT}\nCafé au lait, très bien.\n".encode())
    _, out = redact(raw_message(encoded, cte="quoted-printable"), "nothing to find here")
    assert encoded.decode() in out.decode()


def test_when_the_input_uses_crlf_then_so_does_the_output() -> None:
    data = raw_message(f"Dear {NAME},\n{KEPT}\n").replace(b"\n", b"\r\n")
    _, out = redact(data, NAME)
    assert b"\r\n" in out and b"\n" not in out.replace(b"\r\n", b"")


def test_a_raw_8bit_header_is_read_as_utf8() -> None:
    data = raw_message("Hello.\n", subject=f"About {NAME}")
    doc, out = redact(data, NAME)
    assert f"Subject: About {NAME}" in doc.text
    assert str(message_from_bytes(out, policy=policy.default)["Subject"]) == "About [REMOVED]"


# ------------------------------------------------------------------ HTML

HTML = (f'<html><head><title>Notes</title><style>p {{ color: red }}</style></head><body>'
        f'<p>Dear <b>Zo</b>&euml; Okafor,</p><p>{KEPT}</p>'
        f'<p><a href="mailto:{EMAIL}?subject=Hi" title="Write to {NAME}">write</a> '
        f'<img src="cid:logo" alt="Photo of {NAME}"></p>'
        f'<!-- drafted by {NAME} --><script>var who = "{NAME}";</script>'
        f'<p><a href="https://example.org/people/{NAME}">profile</a></p></body></html>')


def test_html_visible_text_and_shown_attributes_are_read() -> None:
    doc = Eml().read(raw_message(base64.encodebytes(HTML.encode()), "text/html; charset=utf-8", "base64"), "x.eml")
    assert f"Dear {NAME}," in doc.text and KEPT in doc.text
    assert f"mailto:{EMAIL}?subject=Hi" in doc.text
    assert f"Write to {NAME}" in doc.text and f"Photo of {NAME}" in doc.text
    assert "drafted by" not in doc.text and "var who" not in doc.text and "color" not in doc.text
    wheres = {(b.where["part"], b.where.get("attribute")) for b in doc.blocks}
    assert ("body 1 text/html", "href") in wheres and ("body 1 text/html", "alt") in wheres


def test_html_is_redacted_in_place_and_hidden_markup_dropped() -> None:
    data = raw_message(base64.encodebytes(HTML.encode()), "text/html; charset=utf-8", "base64")
    _, out = redact(data, NAME, EMAIL)
    markup = bodies(out)[0]
    assert "<p>Dear <b>[REMOVED]</b>,</p>" in markup  # the name split by a tag and an entity
    assert f"<p>{KEPT}</p>" in markup
    assert 'href="mailto:[REMOVED]?subject=Hi"' in markup and 'title="Write to [REMOVED]"' in markup
    assert 'alt="Photo of [REMOVED]"' in markup
    assert 'href="https://example.org/people/[REMOVED]"' in markup  # scrubbed though never shown
    assert "<!--" not in markup and "var who" not in markup and "<style>p { color: red }</style>" in markup
    assert survives(out, "Okafor") == []


def test_html_replacements_are_escaped() -> None:
    data = raw_message(f"<p>Dear {NAME}</p>", "text/html; charset=utf-8", "8bit")
    _, out = redact(data, NAME, replacement="<A & B>")
    assert "<p>Dear &lt;A &amp; B&gt;</p>" in bodies(out)[0]


# ------------------------------------------------------------------ attachments

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ATTACHMENTS = {
    ".txt": (lambda: f"Notes kept by {NAME}.\n{KEPT}\n".encode(), "text/plain"),
    ".docx": (lambda: docx_bytes(f"Statement of {NAME}.", KEPT), DOCX_TYPE),
    ".pdf": (lambda: pdf_bytes(f"Statement of {NAME}.", KEPT), "application/pdf"),
}


@pytest.mark.parametrize("ext", sorted(ATTACHMENTS))
def test_a_supported_attachment_is_read_and_redacted_by_its_own_format(ext: str) -> None:
    build, ctype = ATTACHMENTS[ext]
    data = multipart(text_part(f"See the attached statement of {NAME}."), attached(build(), ctype, f"{NAME}{ext}"))
    doc, out = redact(data, NAME)
    start = doc.text.index(f"Statement of {NAME}" if ext != ".txt" else f"Notes kept by {NAME}")
    assert isinstance(doc.source_map[start], InnerRef)
    assert doc.where(start, start + 1)["part"].startswith(f"attachment 1 ({ext})")
    assert doc.native.inners[2].document.format == format_for(f"x{ext}").name
    assert survives(out, "Okafor") == []
    msg = message_from_bytes(out, policy=policy.default)
    inner = next(p for p in msg.walk() if p.get_content_disposition() == "attachment")
    assert inner.get_filename() == f"attachment-2{ext}" and inner.get_param("name") == f"attachment-2{ext}"
    text = format_for(f"x{ext}").extract_text(inner.get_payload(decode=True))
    assert "[REMOVED]" in text or ext == ".pdf"  # a PDF draws a box instead
    assert KEPT in " ".join(text.split())


def test_a_nested_message_is_read_and_redacted_as_an_email() -> None:
    inner = raw_message(f"Statement by {NAME}.\n{KEPT}\n", headers=f"Cc: {encoded_word(NAME)} <{EMAIL}>\n")
    data = multipart(text_part("Forwarded."),
                     f"Content-Type: message/rfc822\nContent-Disposition: attachment\n\n{inner.decode()}")
    doc, out = redact(data, NAME)
    start = doc.text.index(f"Cc: {NAME}")
    assert doc.where(start, start + 1) == {"part": "attachment 1 (.eml) / header Cc"}
    assert survives(out, NAME) == []
    nested = next(p for p in message_from_bytes(out, policy=policy.default).walk()
                  if p.get_content_type() == "message/rfc822").get_payload(0)
    assert nested.get_content() == f"Statement by [REMOVED].\n{KEPT}\n"
    assert [(a.display_name, a.addr_spec) for a in nested["Cc"].addresses] == [("[REMOVED]", EMAIL)]
    assert "Received" not in nested and nested["Date"]


def test_an_unsupported_attachment_is_removed_and_listed() -> None:
    data = multipart(text_part(KEPT), attached(zip_bytes(NAME), "application/zip", f"{NAME}.zip"),
                     attached(b"\x89PNG\r\n", "image/png", "photo.png"))
    doc, out = redact(data)
    assert doc.warnings == ["attachment 1 (.zip) removed: unsupported type",
                            "attachment 2 (.png) removed: unsupported type"]
    types = [p.get_content_type() for p in message_from_bytes(out, policy=policy.default).walk()]
    assert types == ["multipart/mixed", "text/plain"]
    assert survives(out, "Okafor") == [] and bodies(out) == [KEPT]


def test_a_message_that_is_only_an_unsupported_attachment_becomes_empty() -> None:
    data = raw_message(base64.encodebytes(zip_bytes(NAME)).decode(), "application/zip", "base64")
    doc, out = redact(data)
    assert doc.warnings == ["attachment 1 (.zip) removed: unsupported type"]
    assert survives(out, "Okafor") == [] and bodies(out) == [""]


def test_an_attachment_name_never_reaches_a_location_or_warning() -> None:
    data = multipart(text_part(KEPT), attached(b"Notes.\n", "text/plain", f"{NAME}.txt"),
                     attached(b"PK", "application/x-unknown", f"{NAME}.okafor"))
    doc = Eml().read(data, "x.eml")
    assert "Okafor" not in repr([b.where for b in doc.blocks]) + repr(doc.warnings)
    assert doc.warnings == ["attachment 2 (unknown type) removed: unsupported type"]


def test_multipart_preamble_and_epilogue_are_dropped() -> None:
    data = multipart(text_part(KEPT)).replace(b'\n\n--=_b_=\n', f"\n\nForwarded for {NAME}.\n--=_b_=\n".encode(), 1)
    data += f"Sent by {NAME}\n".encode()
    assert len(survives(data, "Okafor")) > 0
    _, out = redact(data)
    assert survives(out, "Okafor") == [] and bodies(out) == [KEPT]


def test_when_an_attachment_cannot_be_written_then_the_error_propagates(monkeypatch) -> None:
    from redactor.formats.text import PlainText

    def refuse(self, doc, decisions):
        raise RedactorError("inner failure")

    monkeypatch.setattr(PlainText, "write", refuse)
    data = multipart(text_part(KEPT), attached(b"Notes.\n", "text/plain", "notes.txt"))
    doc = Eml().read(data, "x.eml")
    with pytest.raises(RedactorError, match="inner failure"):
        Eml().write(doc, [])


# ------------------------------------------------------------------ the verifier's view


def test_extract_parts_has_every_header_raw_and_decoded_and_names_no_text() -> None:
    data = multipart(text_part(f"<p>{KEPT}</p>", "text/html; charset=utf-8"),
                     attached(docx_bytes(f"Statement of {NAME}."), DOCX_TYPE, "s.docx"),
                     headers=f"X-Note: {encoded_word(NAME)}\nReceived: from {EMAIL}\n")
    parts = Eml().extract_parts(data)
    names = [n for n, _ in parts]
    assert "part 1 header X-Note" not in names and any(n.endswith("decoded") for n in names)
    assert any(NAME in t for n, t in parts if n.endswith("decoded"))
    assert any(encoded_word(NAME) in t for n, t in parts if not n.endswith("decoded"))
    assert any(f"<p>{KEPT}</p>" in t for n, t in parts if "text/html" in n)
    assert any(f"Statement of {NAME}" in t for n, t in parts if "(.docx)" in n)
    assert not any("Okafor" in n or "okafor" in n for n in names)
    assert Eml().extract_text(data).count(KEPT) >= 1


# ------------------------------------------------------------------ mbox


def test_an_mbox_is_redacted_message_by_message() -> None:
    first = raw_message(f"Dear {NAME},\n>From the start.\n")
    second = raw_message(f"{KEPT}\n", headers=f"Cc: {NAME} <{EMAIL}>\n")
    data = b"From MAILER-DAEMON Mon Mar  3 10:00:00 2025\n" + first + b"\n" + \
        f"From {EMAIL} Mon Mar  3 11:00:00 2025\n".encode() + second
    doc, out = redact(data, NAME, fmt=Mbox())
    start = doc.text.index(f"Cc: {NAME}")
    assert doc.where(start, start + 1) == {"part": "message 2 / header Cc"}
    assert out.count(b"\nFrom ") + out.startswith(b"From ") == 2
    assert b">From the start." in out and EMAIL.encode() in out  # the address was not decided
    assert survives(out, NAME, ".mbox") == []
    assert [p for p in Mbox().extract_parts(out) if "envelope" in p[0] and EMAIL in p[1]] == []
    again = Mbox().read(out, "x.mbox")
    assert "From the start." in again.text and KEPT in again.text


# ------------------------------------------------------------------ bad input

DEEP = b"".join(f"Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n".encode() for i in range(30))
BAD = {
    "empty": b"",
    "blank": b"\n\n  \n",
    "no headers": b"just some words\nand more\n",
    "a pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    "multipart without its boundary": b"From: a@example.org\nContent-Type: multipart/mixed\n\nbody\n",
    "too deeply nested": b"From: a@example.org\nMIME-Version: 1.0\n" + DEEP + b"text\n",
    "a corrupt docx attachment": multipart(text_part("Hi."), attached(b"PK\x03\x04garbage", DOCX_TYPE, "a.docx")),
    "an mbox without a From line": b"Subject: x\n\nbody\n",
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_malformed_input_is_unreadable_with_one_line(case: str) -> None:
    fmt = Mbox() if "mbox" in case else Eml()
    with pytest.raises(UnreadableInput) as info:
        fmt.read(BAD[case], "x.eml")
    assert "\n" not in str(info.value) and "Traceback" not in str(info.value)
