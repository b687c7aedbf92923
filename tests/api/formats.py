"""The test letter in every format the integrations take, and a leak check on any output."""
from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from redactor.formats import format_for
from tests.documents import LETTER, write_docx, write_pdf, write_txt

#: values of the letter that every path used in these tests removes
REMOVED = ("Bartholomew", "L4471902", "07700 900456", "b.quince@example.net")


def write_md(path: Path) -> Path:
    return write_txt(path, "# Complaint\n\n" + LETTER)


def write_eml(path: Path) -> Path:
    message = EmailMessage()
    message["From"] = "Harriet Lindqvist-Moore <h.lindqvist@example.org>"
    message["To"] = "b.quince@example.net"
    message["Subject"] = "Your membership"
    message.set_content(LETTER)
    path.write_bytes(message.as_bytes())
    return path


WRITERS = {".txt": write_txt, ".md": write_md, ".docx": write_docx, ".pdf": write_pdf, ".eml": write_eml}


def leaked(ext: str, output: bytes) -> list[str]:
    """The removed values still readable in ``output`` (a file of format ``ext``)."""
    text = format_for(f"x{ext}").extract_text(output)
    return [value for value in REMOVED if value in text]
