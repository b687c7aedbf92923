"""Small documents built in the tests, in every format, with known secrets."""
from __future__ import annotations

import io
from pathlib import Path

LETTER = """Dear Mr Bartholomew Quince,

Membership number: L4471902
Our ref: NCC-2027-0311

I am writing about the complaint made about your conduct. It is alleged that you sent
abusive messages to another member. Please contact me on 07700 900456 or at
b.quince@example.net if anything is unclear. Mr Quince's reply is due soon.

The meeting room is on the second floor.

Yours sincerely,
Harriet Lindqvist-Moore
"""
SECRETS = ["Bartholomew", "Quince", "L4471902", "NCC-2027-0311", "07700 900456", "b.quince@example.net",
           "Lindqvist-Moore", "abusive messages"]
KEPT = "The meeting room is on the second floor."
PAGE_TWO = "Annex: the branch meets on the first Tuesday of each month in the library."


def write_txt(path: Path, text: str = LETTER) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_docx(path: Path, text: str = LETTER) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.author = "Harriet Lindqvist-Moore"
    d.core_properties.title = "Quince investigation"
    d.sections[0].header.paragraphs[0].text = "Governance and Legal Unit - ref NCC-2027-0311"
    for para in text.split("\n\n"):
        d.add_paragraph(para.replace("\n", " "))
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Member"
    table.rows[0].cells[1].text = "Bartholomew Quince"
    d.save(str(path))
    return path


def write_pdf(path: Path, text: str = LETTER, page_two: str = PAGE_TWO) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setAuthor("Harriet Lindqvist-Moore")
    c.setTitle("Quince investigation")
    y = 800
    for line in text.splitlines():
        c.drawString(60, y, line)
        y -= 16
    c.showPage()
    c.drawString(60, 800, page_two)
    c.showPage()
    c.save()
    return path


def encrypted_pdf(path: Path) -> Path:
    import pikepdf

    plain = io.BytesIO()
    write_pdf(path)
    with pikepdf.open(path) as pdf:
        pdf.save(plain, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    path.write_bytes(plain.getvalue())
    return path
