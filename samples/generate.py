#!/usr/bin/env python3
"""Generate the redactor sample corpus: TXT, DOCX and PDF plus gold annotations.

Every document is written by hand in ``samples/source/<kind>-<variant>.src``
using a small block-and-inline markup (described below).  This script turns
each source into three renderings that carry the same text, and a gold file
whose offsets point into the decoded ``.txt``.

Usage::

    python samples/generate.py              # (re)writes samples/ next to this file
    python samples/generate.py --out DIR    # writes the corpus into DIR instead of samples/documents/

The output is deterministic: no clocks, no randomness, fixed DOCX core
properties and ZIP entry dates, ReportLab ``invariant=1``.

Source format
-------------
Lines starting with ``%%`` are comments.  ``@key value`` lines before the
first block set metadata (``@title``).  A block starts with ``== <type>``:

``header`` / ``footer``
    One line each; page header/footer in DOCX and PDF, first/last lines of TXT.
``title`` / ``heading``
    One line each, bold.
``para``
    Paragraphs separated by blank lines; source lines are joined with a space.
    Hard-wrapped at 72 columns in the TXT.
``lines``
    Every source line is an output line (addresses, email headers, sign-offs).
``list``
    Items start with ``- `` or ``N. ``; indented lines continue the item.
    Wrapped with a hanging indent in the TXT.
``table [widths=a,b,c] [size=N] [noheader]``
    One row per line, cells separated by `` | ``; the first row is a header
    row unless ``noheader``.

Inline markup: ``<b>..</b>``, ``<i>..</i>`` and gold spans ``{CODE|text}``
where CODE is one of the keys of ``CODES`` (``P.s`` = PERSON/subject, ...).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "source"

WRAP = 72
COL_GAP = "   "  # between TXT table columns

KINDS = [
    "notice-of-investigation",
    "suspension-letter",
    "outcome-letter",
    "witness-statement",
    "email-chain",
    "committee-minutes",
    "committee-paper",
    "membership-export",
    "election-data",
    "press-release",
]
VARIANTS = {"v1": "dev", "v2": "dev", "v3": "heldout", "v4": "heldout", "v5": "dev", "v6": "dev",
            "v7": "dev", "v8": "dev", "v9": "dev", "v10": "dev", "v11": "dev", "v12": "dev",
            "v13": "dev", "v14": "dev", "v15": "dev", "v16": "dev",
            "v17": "dev", "v18": "dev", "v19": "dev", "v20": "dev",
            "v21": "dev", "v22": "dev",
            "v23": "dev", "v24": "dev",
            "v25": "dev", "v26": "dev"}

TYPES = [
    "PERSON", "EMAIL", "PHONE", "ADDRESS", "POSTCODE", "DATE", "NINO",
    "NHS_NUMBER", "MEMBERSHIP_NO", "CASE_REF", "IP_ADDRESS", "URL", "HANDLE",
    "ALLEGATION", "SANCTION", "HEALTH", "RELIGION", "ETHNICITY",
    "SEXUAL_ORIENTATION", "TRADE_UNION", "POLITICAL_OPINION",
]
ROLES = ["subject", "complainant", "witness", "officer", "other"]

CODES = {
    "P.s": ("PERSON", "subject"),
    "P.c": ("PERSON", "complainant"),
    "P.w": ("PERSON", "witness"),
    "P.o": ("PERSON", "officer"),
    "P.x": ("PERSON", "other"),
    "EM": ("EMAIL", None),
    "PH": ("PHONE", None),
    "AD": ("ADDRESS", None),
    "PC": ("POSTCODE", None),
    "D": ("DATE", None),
    "NI": ("NINO", None),
    "NHS": ("NHS_NUMBER", None),
    "M": ("MEMBERSHIP_NO", None),
    "CR": ("CASE_REF", None),
    "IP": ("IP_ADDRESS", None),
    "URL": ("URL", None),
    "H": ("HANDLE", None),
    "AL": ("ALLEGATION", None),
    "SA": ("SANCTION", None),
    "HE": ("HEALTH", None),
    "RE": ("RELIGION", None),
    "ET": ("ETHNICITY", None),
    "SO": ("SEXUAL_ORIENTATION", None),
    "TU": ("TRADE_UNION", None),
    "PO": ("POLITICAL_OPINION", None),
}

# PDF geometry (points).  tests/test_samples.py crops pages with these bands so
# that body text can be read across page breaks without the running header and
# footer in between.
PDF_HEADER_BAND = 62    # distance from top edge: everything above is header
PDF_FOOTER_BAND = 56    # distance from bottom edge: everything below is footer
FIXED_DATE = dt.datetime(2024, 1, 1, 9, 0, 0)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------
# Inline markup


@dataclass
class Rich:
    """Plain text with formatting runs and gold spans (offsets into ``text``)."""

    text: str = ""
    runs: list[tuple[int, int, bool, bool]] = field(default_factory=list)
    spans: list[tuple[int, int, str, str | None]] = field(default_factory=list)

    def pieces(self):
        """(text, bold, italic) pieces covering ``text`` in order."""
        return [(self.text[a:b], bo, it) for a, b, bo, it in self.runs if b > a]


_TOKEN = re.compile(r"<b>|</b>|<i>|</i>|\{([A-Za-z.]+)\||\}|\\[{}<]")


def parse_inline(src: str, where: str) -> Rich:
    out = Rich()
    buf: list[str] = []
    bold = italic = False
    run_start = 0
    span: tuple[int, str] | None = None
    pos = 0

    def flush_run():
        nonlocal run_start
        n = sum(len(x) for x in buf)
        if n > run_start:
            out.runs.append((run_start, n, bold, italic))
        run_start = n

    for m in _TOKEN.finditer(src):
        buf.append(src[pos:m.start()])
        pos = m.end()
        tok = m.group(0)
        here = sum(len(x) for x in buf)
        if tok.startswith("\\"):
            buf.append(tok[1])
        elif tok in ("<b>", "</b>", "<i>", "</i>"):
            flush_run()
            if tok == "<b>":
                bold = True
            elif tok == "</b>":
                bold = False
            elif tok == "<i>":
                italic = True
            else:
                italic = False
        elif tok == "}":
            if span is None:
                raise ValueError(f"{where}: unmatched '}}' in {src!r}")
            start, code = span
            if here <= start:
                raise ValueError(f"{where}: empty span in {src!r}")
            typ, role = CODES[code]
            out.spans.append((start, here, typ, role))
            span = None
        else:
            code = m.group(1)
            if code not in CODES:
                raise ValueError(f"{where}: unknown span code {code!r}")
            if span is not None:
                raise ValueError(f"{where}: nested span in {src!r}")
            span = (here, code)
    buf.append(src[pos:])
    if span is not None:
        raise ValueError(f"{where}: unclosed span in {src!r}")
    flush_run()
    out.text = "".join(buf)
    for s, e, _typ, _ in out.spans:
        piece = out.text[s:e]
        if piece != piece.strip():
            raise ValueError(f"{where}: span {piece!r} has outer whitespace")
    return out


def split_lines(r: Rich) -> list[Rich]:
    """Split a Rich at newlines; spans that cross a line end are kept whole
    on the first line's Rich (with ``end`` past its text) via ``tail`` spans."""
    out: list[Rich] = []
    start = 0
    text = r.text
    bounds = []
    while True:
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl
        bounds.append((start, end))
        if nl < 0:
            break
        start = nl + 1
    for a, b in bounds:
        piece = Rich(text=text[a:b])
        for s, e, bo, it in r.runs:
            s2, e2 = max(s, a), min(e, b)
            if e2 > s2:
                piece.runs.append((s2 - a, e2 - a, bo, it))
        out.append(piece)
    # spans are attached relative to the block start (see render_txt)
    out[0].block_spans = list(r.spans)  # type: ignore[attr-defined]
    return out


# --------------------------------------------------------------------------
# Source parsing


@dataclass
class Block:
    kind: str
    items: list  # list[Rich] or, for tables, list[list[Rich]]
    opts: dict = field(default_factory=dict)


@dataclass
class Doc:
    name: str
    kind: str
    variant: str
    meta: dict
    header: list[Rich]
    footer: list[Rich]
    blocks: list[Block]

    @property
    def split(self) -> str:
        return VARIANTS[self.variant]


def parse_source(path: Path) -> Doc:
    name = path.stem
    kind, variant = name.rsplit("-", 1)
    if kind not in KINDS or variant not in VARIANTS:
        raise ValueError(f"unexpected source name {path.name}")
    meta: dict[str, str] = {}
    raw_blocks: list[tuple[str, dict, list[str]]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("%%"):
            continue
        if line.startswith("== "):
            parts = line[3:].split()
            opts = {}
            for p in parts[1:]:
                k, _, v = p.partition("=")
                opts[k] = v if v else True
            raw_blocks.append((parts[0], opts, []))
            continue
        if not raw_blocks:
            if line.startswith("@"):
                k, _, v = line[1:].partition(" ")
                meta[k] = v.strip()
            elif line.strip():
                raise ValueError(f"{path.name}:{lineno}: text before first block")
            continue
        raw_blocks[-1][2].append(line.rstrip())

    header: list[Rich] = []
    footer: list[Rich] = []
    blocks: list[Block] = []
    for bkind, opts, lines in raw_blocks:
        where = f"{path.name} [{bkind}]"
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if bkind in ("header", "footer"):
            target = header if bkind == "header" else footer
            target.extend(parse_inline(x.strip(), where) for x in lines if x.strip())
        elif bkind in ("title", "heading"):
            for x in lines:
                if x.strip():
                    blocks.append(Block(bkind, [parse_inline(x.strip(), where)]))
        elif bkind == "para":
            paras, cur = [], []
            for x in lines + [""]:
                if x.strip():
                    cur.append(x.strip())
                elif cur:
                    paras.append(" ".join(cur))
                    cur = []
            for p in paras:
                blocks.append(Block("para", [parse_inline(p, where)]))
        elif bkind == "lines":
            # parsed as one piece so that a span may run over a line end
            joined = parse_inline("\n".join(x.strip() for x in lines), where)
            blocks.append(Block("lines", split_lines(joined)))
        elif bkind == "list":
            items: list[str] = []
            for x in lines:
                if not x.strip():
                    continue
                if x.startswith((" ", "\t")) and items:
                    items[-1] += " " + x.strip()
                else:
                    items.append(x.strip())
            blocks.append(Block("list", [parse_inline(i, where) for i in items]))
        elif bkind == "table":
            rows = []
            for x in lines:
                if x.strip():
                    rows.append([parse_inline(c.strip(), where) for c in x.strip().split(" | ")])
            ncol = len(rows[0])
            for r in rows:
                if len(r) != ncol:
                    raise ValueError(f"{where}: ragged table row {[c.text for c in r]}")
            if "widths" in opts:
                w = [float(v) for v in str(opts["widths"]).split(",")]
                if len(w) != ncol:
                    raise ValueError(f"{where}: widths do not match columns")
                opts["widths"] = w
            blocks.append(Block("table", rows, opts))
        else:
            raise ValueError(f"{where}: unknown block type")
    if not header or not footer:
        raise ValueError(f"{path.name}: header and footer are required")
    return Doc(name, kind, variant, meta, header, footer, blocks)


# --------------------------------------------------------------------------
# TXT rendering (offsets are computed here; gold spans point into this text)


def wrap_rich(r: Rich, width: int = WRAP, indent: str = "") -> tuple[str, list[int]]:
    """Greedy wrap at spaces; returns the text and a map old index -> new index."""
    s = r.text
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", s)]
    breaks: set[int] = set()  # indices of spaces that become line breaks
    col = 0
    prev_end = None
    for ws, we in words:
        wlen = we - ws
        if prev_end is None:
            col = wlen
        else:
            gap = ws - prev_end
            if col + gap + wlen > width:
                # break at the first space of the gap
                breaks.add(prev_end)
                col = len(indent) + wlen
            else:
                col += gap + wlen
        prev_end = we
    out: list[str] = []
    mapping: list[int] = []
    n = 0
    for i, ch in enumerate(s):
        mapping.append(n)
        if i in breaks:
            piece = "\n" + indent
        else:
            piece = ch
        out.append(piece)
        n += len(piece)
    mapping.append(n)
    return "".join(out), mapping


def render_txt(doc: Doc) -> tuple[str, list[dict]]:
    parts: list[str] = []
    spans: list[dict] = []
    pos = 0

    def emit(text: str, rich: Rich | None = None, mapping: list[int] | None = None):
        nonlocal pos
        if rich is not None:
            for s, e, typ, role in rich.spans:
                a = mapping[s] if mapping else s
                b = (mapping[e - 1] + 1) if mapping else e
                spans.append({"start": pos + a, "end": pos + b, "type": typ, "role": role})
        parts.append(text)
        pos += len(text)

    for h in doc.header:
        emit(h.text, h)
        emit("\n")
    for block in doc.blocks:
        emit("\n")
        if block.kind in ("title", "heading", "para"):
            r = block.items[0]
            text, mapping = wrap_rich(r)
            emit(text, r, mapping)
            emit("\n")
        elif block.kind == "lines":
            joined = Rich(text="\n".join(r.text for r in block.items),
                          spans=block.items[0].block_spans)
            emit(joined.text, joined)
            emit("\n")
        elif block.kind == "list":
            for r in block.items:
                m = re.match(r"(-|[A-Z]?\d+\.|\([a-z]\))\s+", r.text)
                indent = " " * (m.end() if m else 0)
                text, mapping = wrap_rich(r, indent=indent)
                emit(text, r, mapping)
                emit("\n")
        elif block.kind == "table":
            rows = block.items
            ncol = len(rows[0])
            widths = [max(len(row[c].text) for row in rows) for c in range(ncol)]
            for ri, row in enumerate(rows):
                for ci, cell in enumerate(row):
                    if ci:
                        emit(COL_GAP)
                    emit(cell.text, cell)
                    if ci < ncol - 1:
                        emit(" " * (widths[ci] - len(cell.text)))
                emit("\n")
                if ri == 0 and not block.opts.get("noheader"):
                    emit(COL_GAP.join("-" * w for w in widths) + "\n")
    emit("\n")
    for f in doc.footer:
        emit(f.text, f)
        emit("\n")
    txt = "".join(parts)
    gold = []
    for sp in sorted(spans, key=lambda d: (d["start"], d["end"])):
        item = {"start": sp["start"], "end": sp["end"], "type": sp["type"]}
        if sp["role"]:
            item["role"] = sp["role"]
        item["text"] = txt[sp["start"]:sp["end"]]
        gold.append(item)
    for a, b in zip(gold, gold[1:]):
        if b["start"] < a["end"]:
            raise ValueError(f"{doc.name}: overlapping spans {a} {b}")
    return txt, gold


# --------------------------------------------------------------------------
# DOCX rendering


def render_docx(doc: Doc) -> bytes:
    from docx import Document as Docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt

    d = Docx()
    normal = d.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)

    def add_runs(par, rich: Rich, size=None, bold_all=False):
        for text, bo, it in rich.pieces():
            run = par.add_run(text)
            run.bold = bo or bold_all or None
            run.italic = it or None
            if size:
                run.font.size = Pt(size)

    def tight(par, after=0):
        par.paragraph_format.space_after = Pt(after)
        par.paragraph_format.space_before = Pt(0)

    for part, lines in ((sec.header, doc.header), (sec.footer, doc.footer)):
        part.is_linked_to_previous = False
        first = True
        for r in lines:
            par = part.paragraphs[0] if first else part.add_paragraph()
            first = False
            add_runs(par, r, size=8)
            tight(par)

    for block in doc.blocks:
        if block.kind == "title":
            par = d.add_paragraph()
            add_runs(par, block.items[0], size=14, bold_all=True)
            tight(par, 8)
        elif block.kind == "heading":
            par = d.add_paragraph()
            add_runs(par, block.items[0], size=11, bold_all=True)
            tight(par, 4)
        elif block.kind == "para":
            par = d.add_paragraph()
            add_runs(par, block.items[0])
            tight(par, 8)
        elif block.kind == "lines":
            for i, r in enumerate(block.items):
                par = d.add_paragraph()
                add_runs(par, r)
                tight(par, 8 if i == len(block.items) - 1 else 0)
        elif block.kind == "list":
            for r in block.items:
                par = d.add_paragraph()
                par.paragraph_format.left_indent = Cm(0.8)
                par.paragraph_format.first_line_indent = Cm(-0.6)
                add_runs(par, r)
                tight(par, 4)
        elif block.kind == "table":
            rows = block.items
            ncol = len(rows[0])
            table = d.add_table(rows=len(rows), cols=ncol)
            table.style = d.styles["Table Grid"]
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            size = float(block.opts.get("size", 9))
            widths = block.opts.get("widths")
            total = 16.6
            for ri, row in enumerate(rows):
                for ci, cell in enumerate(row):
                    c = table.cell(ri, ci)
                    if widths:
                        c.width = Cm(total * widths[ci] / sum(widths))
                    par = c.paragraphs[0]
                    add_runs(par, cell, size=size,
                             bold_all=(ri == 0 and not block.opts.get("noheader")))
            d.add_paragraph()

    cp = d.core_properties
    cp.title = doc.meta.get("title", doc.name)
    cp.author = "Redactor sample corpus"
    cp.last_modified_by = "Redactor sample corpus"
    cp.subject = doc.kind
    cp.comments = "Synthetic document: every person, number and address is invented."
    cp.keywords = doc.split
    cp.revision = 1
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE

    raw = io.BytesIO()
    d.save(raw)
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed entry dates so the bytes do not depend on the clock."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------
# PDF rendering


def _markup(rich: Rich) -> str:
    out = []
    for text, bo, it in rich.pieces():
        t = escape(text)
        if it:
            t = f"<i>{t}</i>"
        if bo:
            t = f"<b>{t}</b>"
        out.append(t)
    return "".join(out)


def render_pdf(doc: Doc) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    page_w, page_h = A4
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=7)
    line = ParagraphStyle("line", parent=body, spaceAfter=0)
    title = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=14,
                           leading=18, spaceAfter=10)
    heading = ParagraphStyle("heading", parent=body, fontName="Helvetica-Bold", fontSize=11,
                             leading=14, spaceBefore=4, spaceAfter=5)
    item = ParagraphStyle("item", parent=body, leftIndent=16, firstLineIndent=-12, spaceAfter=4)

    header_lines = [h.text for h in doc.header]
    footer_lines = [f.text for f in doc.footer]

    def decorate(canvas, _doc):
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 8)
        y = page_h - 28
        for i, t in enumerate(header_lines):
            canvas.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 8)
            canvas.drawString(20 * mm, y, t)
            y -= 10
        canvas.setStrokeColor(colors.grey)
        canvas.line(20 * mm, page_h - PDF_HEADER_BAND + 6, page_w - 20 * mm, page_h - PDF_HEADER_BAND + 6)
        canvas.line(20 * mm, PDF_FOOTER_BAND - 6, page_w - 20 * mm, PDF_FOOTER_BAND - 6)
        canvas.setFont("Helvetica", 7.5)
        y = PDF_FOOTER_BAND - 20
        for t in footer_lines:
            canvas.drawString(20 * mm, y, t)
            y -= 10
        canvas.restoreState()

    story = []
    frame_w = page_w - 40 * mm
    for block in doc.blocks:
        if block.kind == "title":
            story.append(Paragraph(_markup(block.items[0]), title))
        elif block.kind == "heading":
            story.append(Paragraph(_markup(block.items[0]), heading))
        elif block.kind == "para":
            story.append(Paragraph(_markup(block.items[0]), body))
        elif block.kind == "lines":
            for r in block.items:
                if r.text.strip():
                    story.append(Paragraph(_markup(r), line))
                else:
                    story.append(Spacer(1, 8))
            story.append(Spacer(1, 7))
        elif block.kind == "list":
            for r in block.items:
                story.append(Paragraph(_markup(r), item))
        elif block.kind == "table":
            rows = block.items
            size = float(block.opts.get("size", 9))
            cell = ParagraphStyle("cell", parent=body, fontSize=size, leading=size * 1.25,
                                  spaceAfter=0)
            cellb = ParagraphStyle("cellb", parent=cell, fontName="Helvetica-Bold")
            noheader = bool(block.opts.get("noheader"))
            data = [[Paragraph(_markup(c), cellb if (ri == 0 and not noheader) else cell)
                     for c in row] for ri, row in enumerate(rows)]
            widths = block.opts.get("widths")
            col_w = [frame_w * w / sum(widths) for w in widths] if widths else None
            t = Table(data, colWidths=col_w, repeatRows=0 if noheader else 1, hAlign="LEFT")
            style = [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
            if not noheader:
                style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")))
            t.setStyle(TableStyle(style))
            story.append(t)
            story.append(Spacer(1, 9))

    out = io.BytesIO()
    pdf = SimpleDocTemplate(
        out, pagesize=A4, invariant=1,
        leftMargin=20 * mm, rightMargin=20 * mm,
        topMargin=PDF_HEADER_BAND + 10, bottomMargin=PDF_FOOTER_BAND + 4,
        title=doc.meta.get("title", doc.name), author="Redactor sample corpus",
        subject=doc.kind, creator="samples/generate.py",
    )
    pdf.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()


# --------------------------------------------------------------------------


def gold_json(gold: dict) -> str:
    """JSON with one span per line (stable, diff-friendly)."""
    head = ", ".join(f"{json.dumps(k)}: {json.dumps(gold[k], ensure_ascii=False)}"
                     for k in ("document", "kind", "split"))
    if not gold["spans"]:
        return "{" + head + ',\n "spans": []}\n'
    lines = [" " + json.dumps(sp, ensure_ascii=False) for sp in gold["spans"]]
    return "{" + head + ',\n "spans": [\n' + ",\n".join(lines) + "\n ]}\n"


def build(doc: Doc) -> dict[str, bytes]:
    txt, spans = render_txt(doc)
    try:
        txt.encode("cp1252")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{doc.name}: character outside WinAnsi: {exc}") from None
    if doc.kind == "press-release" and spans:
        raise ValueError(f"{doc.name}: the press release must carry no personal data")
    gold = {"document": doc.name, "kind": doc.kind, "split": doc.split, "spans": spans}
    return {
        f"{doc.name}.txt": txt.encode("utf-8"),
        f"{doc.name}.docx": render_docx(doc),
        f"{doc.name}.pdf": render_pdf(doc),
        f"{doc.name}.gold.json": gold_json(gold).encode("utf-8"),
    }


def sources(only: list[str] | None = None) -> list[Path]:
    paths = []
    for kind in KINDS:
        for variant in VARIANTS:
            if only and f"{kind}-{variant}" not in only:
                continue
            p = SOURCE_DIR / f"{kind}-{variant}.src"
            if not p.exists():
                raise FileNotFoundError(p)
            paths.append(p)
    return paths


def generate(out_dir: Path, only: list[str] | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sources(only):
        doc = parse_source(path)
        for fname, data in build(doc).items():
            target = out_dir / fname
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=HERE / "documents", help="output folder (default: samples/documents/)")
    ap.add_argument("--only", action="append", metavar="KIND-VARIANT",
                    help="render only this document (repeatable), e.g. outcome-letter-v9")
    args = ap.parse_args(argv)
    written = generate(args.out.resolve(), args.only)
    print(f"wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
