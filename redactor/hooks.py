"""`redactor check FILE...`: does any file still hold what the disclosure path would remove? (hooks, CI)

For a pre-commit hook, a CI step or a last look before release. Each file is read and planned
along the path (nothing is written); a file is *clean* when the path would remove nothing from it
and would not withhold it. One line per file, with counts by type, never the text:

    minutes.docx: PERSON 4, EMAIL 1
    notice.txt: withheld as 5bc-disciplinary (the whole document is a Confidential Matter)
    press-release.md: clean

Exit 1 when any file is not clean or cannot be read (a file that cannot be read cannot be shown
clean), else 0. Files of a type redactor does not read are skipped (a hook's ``files`` pattern
normally keeps them out).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from . import api
from .errors import RedactorError, UnsupportedInput
from .formats import FORMATS
from .pipeline import Redactor, Request


def check_files(files: Sequence[Path], request: Request, redactor: Redactor | None = None,
                say: Callable[[str], None] = print) -> int:
    """Check every file, saying one line each; returns the exit code (1 if any is not clean)."""
    code = 0
    for file in files:
        if file.suffix.lower() not in FORMATS:
            say(f"{file}: skipped (redactor does not read {file.suffix or 'files without an extension'})")
            continue
        try:
            result = api.check(file, path=request, redactor=redactor)
        except UnsupportedInput as exc:
            say(f"{file}: skipped ({exc})")
            continue
        except RedactorError as exc:
            say(f"{file}: cannot be checked: {exc}")
            code = 1
            continue
        if result.withheld:
            say(f"{file}: withheld as {result.withheld} (the whole document is a Confidential Matter)")
            code = 1
        elif result.counts:
            say(f"{file}: " + ", ".join(f"{kind} {count}" for kind, count in result.counts.items()))
            code = 1
        else:
            say(f"{file}: clean")
    return code
