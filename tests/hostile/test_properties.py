"""Properties of the text and e-mail readers, over inputs hypothesis makes up.

Whatever bytes they are given, the readers return a Document or raise a RedactorError (a
one-line error with an exit code), never anything else; what they read, they write back
unchanged when nothing is removed, in the input's own encoding.
"""
from __future__ import annotations

import os
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from redactor.document import Decision
from redactor.errors import LimitExceeded, RedactorError
from redactor.formats.eml import Eml, Mbox
from redactor.formats.text import PlainText, decode
from redactor.limits import Limits

#: examples per property; a long run: REDACTOR_HYPOTHESIS_EXAMPLES=5000
SETTINGS = settings(max_examples=int(os.environ.get("REDACTOR_HYPOTHESIS_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow], database=None)
#: printable text without control characters (which a text file may not be made of)
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=300)
LATIN = st.text(st.characters(min_codepoint=32, max_codepoint=0x24F, blacklist_categories=("Cc", "Cs")),
                min_size=1, max_size=200)


def _reads_or_refuses(fmt, data: bytes) -> None:
    """Read ``data``; if it reads, write it back with nothing removed. Only RedactorErrors may escape."""
    try:
        doc = fmt.read(data, "x" + {"text": ".txt", "eml": ".eml", "mbox": ".mbox"}[fmt.name])
    except RedactorError as exc:
        assert "\n" not in str(exc) and exc.exit_code in (1, 3, 4)
        return
    assert len(doc.source_map) == len(doc.text)
    try:
        fmt.write(doc, [])
    except RedactorError:
        pass


@SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes_are_read_as_text_or_refused_in_one_line(data: bytes) -> None:
    _reads_or_refuses(PlainText(), data)


@SETTINGS
@given(PRINTABLE.filter(lambda t: t.strip()), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_text_comes_back_byte_for_byte_in_its_own_encoding(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    doc = PlainText().read(data, "x.txt")
    assert PlainText().write(doc, []) == data


@SETTINGS
@given(st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=2, max_size=200),
       st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_without_a_bom_is_recognised_and_kept(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert decode(data) == (text, decode(data)[1]) and decode(data)[1].encoding == encoding
    assert PlainText().write(PlainText().read(data, "x.txt"), []) == data


@SETTINGS
@given(LATIN, st.sampled_from(["utf-8", "utf-16", "cp1252"]), st.data())
def test_a_removal_keeps_the_encoding_and_the_rest_of_the_text(text: str, encoding: str, data) -> None:
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    doc = PlainText().read(raw, "x.txt")
    start = data.draw(st.integers(0, len(doc.text) - 1))
    end = data.draw(st.integers(start + 1, len(doc.text)))
    out = PlainText().write(doc, [Decision(start, end, "PERSON", "redact", "[X]", "test")])
    expected = doc.text[:start] + "[X]" + doc.text[end:]
    source = doc.native  # the input's encoding and BOM, which the copy keeps
    assert out.startswith(source.bom) and out[len(source.bom):].decode(source.encoding) == expected


@SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes_are_read_as_email_or_refused_in_one_line(data: bytes) -> None:
    _reads_or_refuses(Eml(), data)


@SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes_after_a_from_line_are_read_as_mbox_or_refused(data: bytes) -> None:
    _reads_or_refuses(Mbox(), b"From sender Thu Jan  1 00:00:00 1970\n" + data)


NAMES = st.text(st.characters(min_codepoint=32, max_codepoint=0x17F, blacklist_categories=("Cc", "Cs"),
                              blacklist_characters='"\\<>,;:@()[].'),  # '.': the stdlib's builder chokes
                min_size=1, max_size=30).map(str.strip).filter(bool)
BODIES = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF, blacklist_categories=("Cc", "Cs")) | st.just("\n"),
                 min_size=1, max_size=400).filter(lambda t: t.strip())


@SETTINGS
@given(NAMES, BODIES, st.sampled_from(["utf-8", "iso-8859-1", "us-ascii"]),
       st.sampled_from(["7bit", "8bit", "base64", "quoted-printable"]))
def test_a_well_formed_message_is_read_and_written_back_the_same(name: str, body: str, charset: str,
                                                                  cte: str) -> None:
    try:
        body.encode(charset)
    except UnicodeEncodeError:
        assume(False)
    msg = EmailMessage()
    msg["From"] = f"{name} <sender@example.org>"
    msg["Subject"] = name
    msg.set_content(body, charset=charset, cte=cte if cte != "7bit" or charset == "us-ascii" else "8bit")
    data = msg.as_bytes()
    doc = Eml().read(data, "x.eml")
    assert " ".join(body.split()) in " ".join(doc.text.split())
    again = Eml().read(Eml().write(doc, []), "y.eml")
    # Whitespace may move: the stdlib's address parser reads a space between two adjacent encoded
    # words of a display name (``=?utf-8?b?..?= =?utf-8?b?..?=``), and folding turns runs of
    # no-break spaces into one space. Every other character must come back.
    assert "".join(again.text.split()) == "".join(doc.text.split())


def test_a_display_name_the_stdlib_cannot_build_is_still_read_and_written() -> None:
    data = b"From: . <a@example.org>\nTo: .. <b@example.org>\nSubject: x\n\nhello\n"
    doc = Eml().read(data, "x.eml")
    assert "hello" in doc.text and Eml().read(Eml().write(doc, []), "y.eml").text == doc.text


def _nested(depth: int) -> bytes:
    head, tail = [b"From: a@example.org\nSubject: nested\nMIME-Version: 1.0\n"], []
    for level in range(depth):
        head.append(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (level, level))
        tail.append(b"\n--b%d--\n" % level)
    head.append(b"Content-Type: text/plain\n\nHello.\n")
    return b"".join(head) + b"".join(reversed(tail))


@SETTINGS
@given(st.integers(0, 60), st.integers(1, 40))
def test_nesting_is_read_up_to_the_mime_depth_limit_and_refused_past_it(depth: int, limit: int) -> None:
    data = _nested(depth)
    if depth <= limit:
        assert "Hello." in Eml().read(data, "x.eml", limits=Limits(mime_depth=limit)).text
    else:
        with pytest.raises(LimitExceeded, match=f"mime-depth limit of {limit}"):
            Eml().read(data, "x.eml", limits=Limits(mime_depth=limit))


@SETTINGS
@given(st.data())
def test_a_damaged_message_is_read_or_refused_in_one_line(data) -> None:
    msg = EmailMessage()
    msg["From"] = "Jane Smith <jane@example.org>"
    msg["Subject"] = "Your case"
    msg.set_content("Dear Jane,\n\nYour membership number is L4471902.\n")
    msg.add_attachment(b"Dear Jane, the notes.\n", maintype="text", subtype="plain", filename="notes.txt")
    raw = bytearray(msg.as_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        at = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if op == "flip" and raw:
            raw[at] = data.draw(st.integers(0, 255))
        elif op == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=20))
        elif op == "delete":
            del raw[at:at + data.draw(st.integers(1, 20))]
        else:
            del raw[at:]
    _reads_or_refuses(Eml(), bytes(raw))
