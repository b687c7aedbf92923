"""Plain text: encodings are detected and kept, binary is refused, paragraphs are blocks."""
import codecs

import pytest

from redactor.document import Decision
from redactor.errors import UnreadableInput
from redactor.formats import format_for
from redactor.formats.text import PlainText, decode

TXT = PlainText()


@pytest.mark.parametrize("data, encoding", [
    ("Café Müller".encode(), "utf-8"),
    (codecs.BOM_UTF8 + "Café".encode(), "utf-8"),
    (codecs.BOM_UTF16_LE + "Café".encode("utf-16-le"), "utf-16-le"),
    ("Caf\u00e9 \u2019quoted\u2019".encode("cp1252"), "cp1252"),
])
def test_when_text_is_decoded_then_its_encoding_is_recognised(data, encoding):
    text, source = decode(data)
    assert text.startswith("Caf")
    assert source.encoding == encoding


@pytest.mark.parametrize("bom, encoding", [
    (b"", "utf-8"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (b"", "cp1252"),
])
def test_when_written_then_the_output_keeps_the_input_encoding_and_bom(bom, encoding):
    data = bom + "Dear Jane Okoro, caf\u00e9 \u2019ok\u2019".encode(encoding)
    doc = TXT.read(data, "x.txt")
    start = doc.text.index("Jane Okoro")
    out = TXT.write(doc, [Decision(start, start + 10, "PERSON", "redact", "[PERSON]", "test")])
    assert out.startswith(bom)
    text, source = decode(out)
    assert text == doc.text.replace("Jane Okoro", "[PERSON]")
    assert source.encoding == encoding


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
])
def test_when_input_is_not_text_then_it_is_refused(data, message):
    with pytest.raises(UnreadableInput, match=message):
        TXT.read(data, "x.txt")


def test_paragraphs_are_blocks_and_line_endings_survive():
    data = b"First line\r\nstill first.\r\n\r\nSecond paragraph.\r\n"
    doc = TXT.read(data, "x.txt")
    assert [doc.text[b.start:b.end] for b in doc.blocks] == ["First line\r\nstill first.", "Second paragraph.\r\n"]
    assert TXT.write(doc, []) == data


def test_markdown_is_registered_as_text():
    assert format_for("notes.md").name == "markdown"
    assert format_for("NOTES.TXT").name == "text"
