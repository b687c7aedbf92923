"""Checks on the sample corpus in samples/ (see samples/README.md).

The gold files are the reference for evaluation, so these tests make sure
that they are internally consistent, that every gold span can be found in
all three renderings (TXT, DOCX, PDF), and that ``samples/generate.py``
reproduces the committed files byte for byte.
"""
from __future__ import annotations

import importlib.util
import ipaddress
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "documents"
GENERATOR = ROOT / "samples" / "generate.py"

_spec = importlib.util.spec_from_file_location("samples_generate", GENERATOR)
gen = importlib.util.module_from_spec(_spec)
sys.modules["samples_generate"] = gen
_spec.loader.exec_module(gen)

TYPES = {
    "PERSON", "EMAIL", "PHONE", "ADDRESS", "POSTCODE", "DATE", "NINO",
    "NHS_NUMBER", "MEMBERSHIP_NO", "CASE_REF", "IP_ADDRESS", "URL", "HANDLE",
    "ALLEGATION", "SANCTION", "HEALTH", "RELIGION", "ETHNICITY",
    "SEXUAL_ORIENTATION", "TRADE_UNION", "POLITICAL_OPINION",
}
ROLES = {"subject", "complainant", "witness", "officer", "other"}
SPLIT = {"v1": "dev", "v2": "dev", "v3": "heldout", "v4": "heldout", "v5": "dev", "v6": "dev",
         "v7": "dev", "v8": "dev", "v9": "dev", "v10": "dev", "v11": "dev", "v12": "dev",
         "v13": "dev", "v14": "dev", "v15": "dev", "v16": "dev", "v17": "dev", "v18": "dev",
         "v19": "dev", "v20": "dev", "v21": "dev", "v22": "dev",
         "v23": "dev", "v24": "dev",
         "v25": "dev", "v26": "dev"}
NAMES = [f"{k}-{v}" for k in gen.KINDS for v in SPLIT]
# first names that are also ordinary words; deliberately used in both splits
SHARED_WORD_NAMES = {"rose", "mark", "will", "hope"}


def norm(text: str) -> str:
    return " ".join(text.split())


def load(name: str) -> tuple[dict, str]:
    gold = json.loads((SAMPLES / f"{name}.gold.json").read_text(encoding="utf-8"))
    txt = (SAMPLES / f"{name}.txt").read_bytes().decode("utf-8")
    return gold, txt


def pdf_parts(name: str) -> tuple[int, list[str], list[str], list[str]]:
    """Per page: header band, body, footer band (bands as in generate.py)."""
    import pdfplumber

    heads, bodies, foots = [], [], []
    with pdfplumber.open(SAMPLES / f"{name}.pdf") as pdf:
        for page in pdf.pages:
            w, h = page.width, page.height
            heads.append(page.crop((0, 0, w, gen.PDF_HEADER_BAND)).extract_text() or "")
            bodies.append(page.crop((0, gen.PDF_HEADER_BAND, w, h - gen.PDF_FOOTER_BAND)).extract_text() or "")
            foots.append(page.crop((0, h - gen.PDF_FOOTER_BAND, w, h)).extract_text() or "")
        return len(pdf.pages), heads, bodies, foots


def docx_parts(name: str) -> dict[str, list[str]]:
    import docx

    d = docx.Document(str(SAMPLES / f"{name}.docx"))
    parts: dict[str, list[str]] = {"body": [], "tables": [], "header": [], "footer": []}
    parts["body"] = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                parts["tables"].append(cell.text)
    for s in d.sections:
        parts["header"] += [p.text for p in s.header.paragraphs]
        parts["footer"] += [p.text for p in s.footer.paragraphs]
        for t in s.header.tables + s.footer.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts["header"].append(cell.text)
    return parts


# --------------------------------------------------------------------------


def test_corpus_is_complete():
    golds = sorted(p.name[: -len(".gold.json")] for p in SAMPLES.glob("*.gold.json"))
    assert golds == sorted(NAMES)
    for name in NAMES:
        for ext in ("txt", "docx", "pdf"):
            assert (SAMPLES / f"{name}.{ext}").is_file(), f"{name}.{ext} missing"


@pytest.mark.parametrize("name", NAMES)
def test_gold_matches_txt(name):
    gold, txt = load(name)
    kind, variant = name.rsplit("-", 1)
    assert set(gold) == {"document", "kind", "split", "spans"}
    assert gold["document"] == name
    assert gold["kind"] == kind
    assert gold["split"] == SPLIT[variant]
    prev_end = 0
    for span in gold["spans"]:
        assert set(span) <= {"start", "end", "type", "role", "text"}
        assert span["type"] in TYPES, span
        if span["type"] == "PERSON":
            assert span.get("role") in ROLES, span
        else:
            assert "role" not in span, span
        assert isinstance(span["start"], int) and isinstance(span["end"], int)
        assert 0 <= span["start"] < span["end"] <= len(txt)
        assert txt[span["start"]:span["end"]] == span["text"], span
        assert span["text"] == span["text"].strip(), span
        assert span["start"] >= prev_end, f"overlapping spans at {span}"
        prev_end = span["end"]


def test_press_releases_have_no_spans():
    for variant in SPLIT:
        gold, _ = load(f"press-release-{variant}")
        assert gold["spans"] == []


@pytest.mark.parametrize("name", NAMES)
def test_person_roles_consistent_within_document(name):
    """One written form is one person, with one role; a title tells apart a couple (Mr and Mrs Duckworth)."""
    gold, txt = load(name)
    roles: dict[tuple[str, str], set[str]] = {}
    for span in gold["spans"]:
        if span["type"] == "PERSON":
            title = re.search(r"\b(Mrs?|Ms|Miss)\.?\s*$", txt[max(0, span["start"] - 6):span["start"]])
            key = (title.group(1) if title else "", norm(span["text"]))
            roles.setdefault(key, set()).add(span["role"])
    mixed = {k: v for k, v in roles.items() if len(v) > 1}
    assert not mixed


@pytest.mark.parametrize("name", NAMES)
def test_spans_found_in_pdf(name):
    gold, txt = load(name)
    pages, heads, bodies, foots = pdf_parts(name)
    assert 1 <= pages <= 3
    first_header = norm(txt.splitlines()[0])
    for head, foot in zip(heads, foots):
        assert norm(head).startswith(first_header), "header missing on a page"
        assert norm(foot), "footer missing on a page"
    text = norm(" ".join(heads) + " " + " ".join(bodies) + " " + " ".join(foots))
    missing = [s["text"] for s in gold["spans"] if norm(s["text"]) not in text]
    assert not missing


@pytest.mark.parametrize("name", NAMES)
def test_spans_found_in_docx(name):
    gold, _ = load(name)
    parts = docx_parts(name)
    assert parts["tables"], "DOCX should have at least one table"
    assert any(x.strip() for x in parts["header"]) and any(x.strip() for x in parts["footer"])
    text = norm("\n".join(sum(parts.values(), [])))
    missing = [s["text"] for s in gold["spans"] if norm(s["text"]) not in text]
    assert not missing


def _words(text: str, txt_layout: bool = False) -> Counter:
    if txt_layout:
        # the rule under a table's header row exists only in the TXT layout
        text = re.sub(r"^-+( +-+)*$", " ", text, flags=re.M)
    return Counter(text.split())


@pytest.mark.parametrize("name", NAMES)
def test_same_text_in_all_formats(name):
    """TXT, DOCX and PDF carry the same words (the PDF header/footer repeat per page)."""
    _, txt = load(name)
    parts = docx_parts(name)
    docx_words = _words("\n".join(parts["header"] + parts["body"] + parts["tables"] + parts["footer"]))
    assert docx_words == _words(txt, txt_layout=True)
    pages, heads, bodies, foots = pdf_parts(name)
    pdf_words = _words("\n".join([heads[0]] + bodies + [foots[0]]))
    txt_words = _words(txt, txt_layout=True)
    assert txt_words - pdf_words == Counter()
    # a table that runs onto the next page repeats its header row there, and nothing else is extra
    header_rows = Counter()
    for line in re.findall(r"^(.*)\n-+(?: +-+)*$", txt, flags=re.M):
        header_rows.update({w: pages - 1 for w in line.split()})
    assert pdf_words - txt_words <= header_rows


@pytest.mark.parametrize("name", NAMES)
def test_docx_header_footer_and_tables_are_in_txt(name):
    _, txt = load(name)
    parts = docx_parts(name)
    lines = txt.splitlines()
    header = [x for x in parts["header"] if x.strip()]
    footer = [x for x in parts["footer"] if x.strip()]
    assert lines[: len(header)] == header
    assert lines[len(lines) - len(footer):] == footer
    flat = norm(txt)
    for cell in parts["tables"]:
        assert norm(cell) in flat


def _nhs_valid(digits: str) -> bool:
    if len(digits) != 10:
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


_NINO = re.compile(r"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d\d ?\d\d ?\d\d ?[A-D]$")


def _ipv6_ok(text: str) -> bool:
    """A well-formed IPv6 address, written as such (not an IPv4 one)."""
    try:
        return isinstance(ipaddress.ip_address(text), ipaddress.IPv6Address)
    except ValueError:
        return False


def test_identifier_formats():
    seen = Counter()
    for name in NAMES:
        gold, _ = load(name)
        for span in gold["spans"]:
            t = norm(span["text"])
            if span["type"] == "NHS_NUMBER":
                assert re.fullmatch(r"\d{3} \d{3} \d{4}", t), t
                assert _nhs_valid(t.replace(" ", "")), f"bad NHS check digit: {t}"
            elif span["type"] == "NINO":
                assert _NINO.match(t), t
            elif span["type"] == "IP_ADDRESS":
                if ":" in t:
                    assert _ipv6_ok(t), t
                else:
                    assert re.fullmatch(r"(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}", t), t
            elif span["type"] == "EMAIL":
                # e-mail addresses are case-insensitive: records print some in capitals
                assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)*\.(com|net|org)", t, re.I), t
                assert "example." in t.lower(), t
            seen[(span["type"], gold["split"])] += 1
    for split in ("dev", "heldout"):
        for typ in TYPES:
            assert seen[(typ, split)] > 0, f"no {typ} span in the {split} split"


def test_name_pools_are_disjoint_between_splits():
    tokens: dict[str, set[str]] = {"dev": set(), "heldout": set()}
    for name in NAMES:
        gold, _ = load(name)
        for span in gold["spans"]:
            if span["type"] == "PERSON":
                for tok in re.findall(r"[^\W\d_]{3,}", span["text"]):
                    tokens[gold["split"]].add(tok.lower())
    shared = (tokens["dev"] & tokens["heldout"]) - SHARED_WORD_NAMES
    assert not shared


def test_corpus_features_present_in_both_splits():
    for split, variants in (("dev", ("v1", "v2", "v5", "v6")), ("heldout", ("v3", "v4"))):
        texts, first_names, wrapped = [], set(), 0
        for name in NAMES:
            if name[-2:] not in variants:
                continue
            gold, txt = load(name)
            texts.append(txt)
            for span in gold["spans"]:
                if span["type"] == "PERSON":
                    first_names.add(span["text"].split()[0].lower())
                if "\n" in span["text"]:
                    wrapped += 1
        corpus = norm("\n".join(texts))
        for phrase in ("rose garden", "Mark the date", "will", "hope", "Will this change"):
            assert phrase.lower() in corpus.lower(), (split, phrase)
        assert SHARED_WORD_NAMES <= first_names, (split, SHARED_WORD_NAMES - first_names)
        assert wrapped >= 10, f"too few spans broken across lines in {split}"


def test_generator_reproduces_committed_files(tmp_path):
    """Regenerating from another folder gives the committed files byte for byte.

    The committed files come from an earlier run, so this also shows that the
    output does not depend on the clock, the working directory or hash seeds.
    """
    out = tmp_path / "out"
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out)],
                   check=True, cwd=tmp_path, capture_output=True)
    produced = sorted(p.name for p in out.iterdir())
    assert len(produced) == 4 * len(NAMES)
    for fname in produced:
        assert (out / fname).read_bytes() == (SAMPLES / fname).read_bytes(), \
            f"{fname} differs: rerun samples/generate.py (or the generator is not deterministic)"
