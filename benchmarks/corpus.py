"""A synthetic corpus for throughput benchmarks: letters, minutes and e-mails, as TXT, DOCX and PDF.

    .venv/bin/python benchmarks/corpus.py OUT_DIR [--documents 30] [--seed 7] [--formats txt,docx,pdf]

Documents are written from templates filled by Faker (``en_GB``): names, addresses,
phone numbers, e-mail addresses, membership numbers, case references, dates and the
disciplinary sentences redactor is for. They are for timing, not for scoring (no gold):
the hand-written samples in ``samples/documents`` are what detection is measured on.
The same seed gives the same corpus; ``big_pdf`` writes the 100-page text PDF of the PDF
benchmark.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import random
from pathlib import Path

from faker import Faker

KINDS = ("letter", "minutes", "email")
#: the day the corpus is written "on": dates are drawn around it, not around today, so a seed gives the same texts
#: whenever it runs
TODAY = dt.date(2025, 6, 30)
NOW = dt.datetime(2025, 6, 30, 12, 0)
YEAR = dt.timedelta(days=365)


def _person(fake: Faker) -> dict[str, str]:
    first, last = fake.first_name(), fake.last_name()
    return {"name": f"{first} {last}", "first": first, "last": last, "title": random.choice(["Mr", "Ms", "Dr", "Cllr"]),
            "email": f"{first[0].lower()}.{last.lower()}@{fake.free_email_domain()}",
            "phone": f"07700 9{random.randint(0, 99999):05d}", "member": f"L{random.randint(1000000, 9999999)}",
            "street": fake.street_address(), "town": fake.city(), "postcode": fake.postcode()}


def letter(fake: Faker) -> str:
    s, o, w = _person(fake), _person(fake), _person(fake)
    date = fake.date_between(TODAY - 2 * YEAR, TODAY).strftime("%d %B %Y")
    ref = f"NCC-{random.randint(2020, 2026)}-{random.randint(100, 9999):04d}"
    body = [
        f"{s['title']} {s['name']}\n{s['street']}\n{s['town']}\n{s['postcode']}",
        f"Our ref: {ref}\nMembership number: {s['member']}\n{date}",
        f"Dear {s['title']} {s['last']},",
        "Notice of investigation",
        f"I am writing to inform you that a complaint has been received about your conduct. It is alleged that on "
        f"{date} you posted abusive comments about {w['name']} on social media and sent messages to another member "
        f"that were intimidating. {fake.paragraph(nb_sentences=4)}",
        f"You have been placed under administrative suspension while the investigation takes place. "
        f"{fake.paragraph(nb_sentences=5)} {w['first']} has been asked to provide a witness statement.",
        f"If you have any questions please contact me on {o['phone']} or at {o['email']}. "
        f"{fake.paragraph(nb_sentences=3)}",
        f"Yours sincerely,\n{o['name']}\nGovernance and Legal Unit",
    ]
    return "\n\n".join(body) + "\n"


def minutes(fake: Faker) -> str:
    people = [_person(fake) for _ in range(6)]
    date = fake.date_between(TODAY - 2 * YEAR, TODAY).strftime("%d %B %Y")
    lines = [f"Minutes of the {fake.city()} branch meeting, {date}",
             "Present: " + ", ".join(p["name"] for p in people[:4]),
             "Apologies: " + ", ".join(p["name"] for p in people[4:])]
    for n in range(1, 6):
        lines.append(f"{n}. {fake.sentence(nb_words=4).rstrip('.')}")
        lines.append(f"{people[n % 6]['first']} reported that {fake.paragraph(nb_sentences=4)} "
                     f"{people[(n + 1) % 6]['name']} ({people[(n + 1) % 6]['email']}) agreed to follow it up.")
    lines.append(f"Disciplinary matter: {people[1]['name']} (membership no. {people[1]['member']}) has been issued "
                 f"a formal warning following a complaint by {people[2]['name']}. {fake.paragraph(nb_sentences=3)}")
    lines.append(f"Next meeting: {fake.date_between(TODAY, TODAY + YEAR).strftime('%d %B %Y')}. "
                 f"Contact the secretary on {people[0]['phone']}.")
    return "\n\n".join(lines) + "\n"


def email(fake: Faker) -> str:
    a, b, c = _person(fake), _person(fake), _person(fake)
    parts = []
    for sender, to in ((a, b), (b, a), (a, c)):
        parts.append(f"From: {sender['name']} <{sender['email']}>\nTo: {to['name']} <{to['email']}>\n"
                     f"Date: {fake.date_time_between(NOW - YEAR, NOW).strftime('%a, %d %b %Y %H:%M')}\n"
                     f"Subject: Re: complaint about {c['name']}\n\n"
                     f"Hi {to['first']},\n\n{fake.paragraph(nb_sentences=5)} {c['first']} told me they are "
                     f"receiving treatment for depression and asked that this stays private. "
                     f"{fake.paragraph(nb_sentences=3)}\n\nCall me on {sender['phone']}.\n\n{sender['first']}")
    return "\n\n-----Original message-----\n".join(parts) + "\n"


WRITERS = {"letter": letter, "minutes": minutes, "email": email}


def docx_bytes(text: str) -> bytes:
    import docx

    d = docx.Document()
    for para in text.split("\n\n"):
        d.add_paragraph(para)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def pdf_bytes(text: str, *, pages: list[str] | None = None) -> bytes:
    """``text`` as flowing paragraphs, or each of ``pages`` on a page of its own."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]

    def para(chunk: str) -> Paragraph:
        return Paragraph(chunk.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                         .replace("\n", "<br/>"), style)

    story: list = []
    if pages is None:
        story = [para(chunk) for chunk in text.split("\n\n")]
    else:
        for page in pages:
            story += [para(chunk) for chunk in page.split("\n\n")] + [PageBreak()]
        story.pop()
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title="", author="").build(story)
    return buf.getvalue()


def texts(documents: int, seed: int = 7) -> list[tuple[str, str]]:
    """``documents`` (name, text) pairs, kinds in turn."""
    random.seed(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    return [(f"{KINDS[i % 3]}-{i:05d}", WRITERS[KINDS[i % 3]](fake)) for i in range(documents)]


def make_corpus(out_dir: Path, documents: int, *, seed: int = 7, formats: tuple[str, ...] = ("txt", "docx", "pdf")
                ) -> list[Path]:
    """Write ``documents`` files into ``out_dir`` (formats in turn, a subfolder per kind); returns their paths."""
    paths = []
    for i, (name, text) in enumerate(texts(documents, seed)):
        fmt = formats[(i // len(KINDS)) % len(formats)]
        path = out_dir / name.split("-")[0] / f"{name}.{fmt}"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode() if fmt == "txt" else docx_bytes(text) if fmt == "docx" else pdf_bytes(text)
        path.write_bytes(data)
        paths.append(path)
    return paths


def big_pdf(path: Path, pages: int = 100, seed: int = 11) -> Path:
    """A text PDF of ``pages`` pages: one letter-sized block of text per page."""
    blocks = [text.split("\n\n", 4)[-1][:2200] for _name, text in texts(pages, seed)]
    path.write_bytes(pdf_bytes("", pages=blocks))
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--documents", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--formats", default="txt,docx,pdf")
    args = ap.parse_args()
    paths = make_corpus(args.out_dir, args.documents, seed=args.seed, formats=tuple(args.formats.split(",")))
    print(f"{len(paths)} documents written to {args.out_dir}")


if __name__ == "__main__":
    main()
