"""Hiding places in plain text and Markdown: every hidden form of a known secret is removed.

Each case puts the secrets in the visible text (so detection knows them) and again in one
hiding place. After ``redact``, an independent scan of the output (NFKC-folded, invisible
characters dropped, case-folded) finds none of them, ``verify`` agrees, and the sentence
with nothing to remove is still there, word for word.
"""
from __future__ import annotations

import unicodedata

import pytest

from redactor.verify import fold

NAME, EMAIL = "Imogen Tallowfield", "imogen.tallowfield@example.org"
KEEP = "The hearing will take place in the spring."
VISIBLE = f"Dear Ms {NAME},\n\nPlease write to {EMAIL} about the meeting.\n\n{KEEP}\n\n"

CASES = {
    "zero-width space inside the surname": "Tal\u200blowfield also called.",
    "zero-width joiner and word joiner": "Imogen Tallow\u200dfi\u2060eld also called.",
    "full-width forms": "Ｉｍｏｇｅｎ Ｔａｌｌｏｗｆｉｅｌｄ also called.",
    "soft hyphen": "Imogen Tallow\u00adfield also called.",
    "hyphenated across a line break": "Then Imogen Tallow-\nfield also called.",
    "split across a line break": "Then Imogen\nTallowfield also called.",
    "no-break space between the names": "Imogen\u00a0Tallowfield also called.",
    "bidirectional isolate around the name": "Then \u2066Imogen Tallowfield\u2069 also called.",
    "upper case": "IMOGEN TALLOWFIELD ALSO CALLED.",
    "possessive": "Tallowfield's letter arrived.",
    "byte-order mark inside": "Imogen Tallow\ufefffield also called.",
    "e-mail with a zero-width space": "Write to imogen.tallow\u200bfield@example.org too.",
}
MARKDOWN_CASES = {
    "link target": f"See [the letter](mailto:{EMAIL}) for details.",
    "HTML comment": f"<!-- from {NAME} -->",
    "code block": f"```\ncontact: {EMAIL}\n```",
    "link title": f'[notes](https://example.org/notes "by {NAME}")',
}


def scan(text: str) -> list[str]:
    """Secrets an independent scan still finds in ``text``."""
    folded = fold(unicodedata.normalize("NFKC", text))
    return [s for s in ("tallowfield", EMAIL) if s in folded]


@pytest.mark.parametrize(("name", "hiding"), [*((".txt", h) for h in CASES.values()),
                                              *((".md", h) for h in MARKDOWN_CASES.values())],
                         ids=[*(f"txt: {c}" for c in CASES), *(f"md: {c}" for c in MARKDOWN_CASES)])
def test_hiding_places(redactor_engine, name, hiding):
    outcome = redactor_engine.redact_bytes((VISIBLE + hiding + "\n").encode(), "x" + name, path="anonymise")
    out = outcome.output.decode()
    assert scan(out) == []
    assert KEEP in out


def test_verify_agrees_on_every_text_case(cli, tmp_path):
    for i, hiding in enumerate(CASES.values()):
        src, out = tmp_path / f"case{i}.txt", tmp_path / f"out{i}.txt"
        src.write_text(VISIBLE + hiding + "\n", encoding="utf-8")
        assert cli("redact", src, "-o", out, "--path", "anonymise")[0] == 0
        assert cli("verify", src, out, "--path", "anonymise")[0] == 0, hiding
        assert cli("verify", src, src, "--path", "anonymise")[0] == 4, hiding
