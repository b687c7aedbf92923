"""The limits: defaults, ``--limit NAME=VALUE``, and the one-line message that says how to raise one."""
from __future__ import annotations

import pytest

from redactor.errors import LimitExceeded, UsageError
from redactor.limits import DEFAULT_LIMITS, NAMES, Limits, current, exceeded, parse_option, using


@pytest.mark.parametrize("option, field, value", [
    ("pages=5000", "pages", 5000),
    ("stream-size=1G", "stream_size", 1 << 30),
    ("file-size=512M", "file_size", 512 << 20),
    ("memory=1.5G", "memory", int(1.5 * (1 << 30))),
    ("memory=0", "memory", 0),
    ("seconds=2.5", "seconds", 2.5),
    ("seconds=0", "seconds", 0),
    ("MIME_DEPTH=40", "mime_depth", 40),
    ("xml-depth=64", "xml_depth", 64),
])
def test_when_a_limit_is_given_then_only_it_changes(option: str, field: str, value: object) -> None:
    limits = DEFAULT_LIMITS.with_options([parse_option(option)])
    assert getattr(limits, field) == value
    assert limits == Limits(**{field: value})


@pytest.mark.parametrize("option, message", [
    ("bogus=1", "unknown limit 'bogus'"),
    ("pages=0", "must be positive"),
    ("pages=-3", "bad value"),
    ("pages=2.5", "bad value"),
    ("stream-size=lots", "bad value"),
    ("xml-depth=1000", "cannot be above 256"),
])
def test_when_a_limit_is_wrong_then_it_is_a_usage_error(option: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        DEFAULT_LIMITS.with_options([parse_option(option)])


@pytest.mark.parametrize("text", ["pages", "=5", "pages="])
def test_a_limit_option_needs_a_name_and_a_value(text: str) -> None:
    with pytest.raises(UsageError, match="NAME=VALUE"):
        parse_option(text)


def test_every_limit_has_a_name_the_readme_documents() -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Limits and hostile input", 1)[1].split("\n## ", 1)[0]
    for name in NAMES:
        assert f"`{name}`" in section, f"the README does not document the {name} limit"


def test_the_message_names_the_limit_and_how_to_raise_it() -> None:
    error = exceeded("pages", 2000, "the PDF has 2500 pages,")
    assert isinstance(error, LimitExceeded) and error.exit_code == 3 and error.limit == "pages"
    assert str(error) == "the PDF has 2500 pages, over the pages limit of 2000: raise it with --limit pages=N"
    assert "256 MiB" in str(exceeded("stream_size", 256 << 20, "a stream inflates", "past"))


def test_limits_are_current_only_inside_using() -> None:
    lowered = Limits(pages=3)
    assert current() is DEFAULT_LIMITS
    with using(lowered):
        assert current() is lowered
        with using(None):
            assert current() is lowered
    assert current() is DEFAULT_LIMITS


def test_a_reader_given_limits_checks_them() -> None:
    from redactor.formats.eml import Eml

    message = b"From: a@example.org\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n" + b"".join(
        b"--b\nContent-Type: text/plain\n\npart\n" for _ in range(5)) + b"--b--\n"
    assert Eml().read(message, "x.eml").text
    with pytest.raises(LimitExceeded, match="mime-parts limit of 3"):
        Eml().read(message, "x.eml", limits=Limits(mime_parts=3))


def test_a_lowered_xml_depth_is_checked_in_every_part(tmp_path) -> None:
    from redactor.formats.docx import Docx
    from tests.hostile.corpus import good_docx

    data = good_docx(tmp_path)
    assert Docx().read(data, "a.docx").text
    with pytest.raises(LimitExceeded, match="nests its XML deeper than the xml-depth limit of 4: raise it"):
        Docx().read(data, "a.docx", limits=Limits(xml_depth=4))


@pytest.mark.parametrize("command", ["redact", "verify", "classify", "batch"])
def test_every_file_command_takes_limits_and_a_password(command: str) -> None:
    from redactor.cli import build_parser

    argv = {"redact": ["in.pdf", "-o", "out.pdf"], "verify": ["a.pdf", "b.pdf"], "classify": ["a.pdf"],
            "batch": ["in", "out"]}[command]
    args = build_parser().parse_args([command, *argv, "--limit", "pages=5", "--limit", "seconds=9",
                                      "--password", "pw"])
    assert args.limit == [("pages", "5"), ("seconds", "9")] and args.password == "pw"


def test_a_bad_limit_on_the_command_line_is_exit_2_in_one_line(cli, tmp_path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("hello")
    code, _, err = cli("redact", src, "-o", tmp_path / "b.txt", "--limit", "pagez=3")
    assert code == 2 and "unknown limit 'pagez'" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("redact", src, "-o", tmp_path / "b.txt", "--limit", "pages")
    assert code == 2 and "NAME=VALUE" in err and len(err.strip().splitlines()) == 1
