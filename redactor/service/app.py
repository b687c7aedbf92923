"""The FastAPI application: endpoints, error statuses, the upload limit and the private folder.

Errors are JSON ``{"error": "...", "exit_code": N}`` with the CLI's exit code:

======  ==========================================================  =========
status  when                                                        exit_code
======  ==========================================================  =========
400     a bad request: a missing file, an unknown path, an            2 or 3
        unreadable (corrupt, empty, encrypted) document
401     ``/v1/`` without a valid ``Authorization: Bearer`` token       2
413     an upload over the size limit                                   3
415     a file type redactor does not read                              3
422     unsafe to redact (e.g. the output failed verification)          4
451     withheld by the disclosure path (the body carries the report)   5
503     the request took longer than the time limit                     1
500     anything else (only the exception's type is logged)             1
======  ==========================================================  =========

Privacy: uploads are parsed in memory or, past 1 MB, in an unlinked file of the worker's
private folder (mode 0700), where any temporary file a library makes (OCR page images) goes
too; after every request the folder is emptied of everything older than the oldest request still
running (all of it when none is), and it is removed at shutdown. The access log names the
method, the route, the status and the time: never a file name, a query string or document text.
"""
from __future__ import annotations

import base64
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, api
from ..errors import RedactorError, UnreadableInput, UnsafeToRedact, UnsupportedInput, UsageError, Withheld
from ..pipeline import Redactor
from .settings import Settings

log = logging.getLogger("redactor.service")
T = TypeVar("T")

#: fields of the upload form that name people, by role (each may repeat).
PEOPLE_FIELDS = {"subject": "subject", "complainant": "complainant", "witness": "witness", "name": "names"}
TEXT_FIELDS = ("basis", "recipient", "permission_ref")


class Unauthorized(RedactorError):
    exit_code = 2


class TooLarge(RedactorError):
    exit_code = 3


class TimedOut(RedactorError):
    exit_code = 1


def status_of(exc: RedactorError) -> int:
    """The HTTP status of an error (the table in the module docstring)."""
    for kind, status in ((Unauthorized, 401), (TooLarge, 413), (TimedOut, 503), (UnsupportedInput, 415),
                         (UnsafeToRedact, 422), (Withheld, 451), (UnreadableInput, 400), (UsageError, 400)):
        if isinstance(exc, kind):
            return status
    return 500


def error_response(exc: RedactorError) -> JSONResponse:
    body: dict[str, Any] = {"error": str(exc), "exit_code": exc.exit_code}
    if isinstance(exc, Withheld) and exc.report is not None:
        body["report"] = exc.report
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthorized) else None
    return JSONResponse(body, status_code=status_of(exc), headers=headers)


class PrivateFolder:
    """The worker's private temporary folder (``tempfile.tempdir`` while the service runs, when the
    settings ask for it: ``redactor serve`` does)."""

    _lock = threading.Lock()
    _users = 0
    _path: str | None = None
    _previous: str | None = None

    def __init__(self) -> None:
        self.running: dict[int, float] = {}  # request number -> start time
        self._next = 0

    def open(self, redirect: bool = True) -> str:
        cls = type(self)
        with cls._lock:
            if cls._users == 0:
                cls._path = tempfile.mkdtemp(prefix="redactor-service-")  # mode 0700
                cls._previous = tempfile.tempdir
            if redirect:
                tempfile.tempdir = cls._path
            cls._users += 1
            assert cls._path is not None
            return cls._path

    def close(self) -> None:
        cls = type(self)
        with cls._lock:
            cls._users -= 1
            if cls._users == 0 and cls._path is not None:
                tempfile.tempdir = cls._previous
                shutil.rmtree(cls._path, ignore_errors=True)
                cls._path = None

    def begin(self) -> int:
        with self._lock:
            self._next += 1
            self.running[self._next] = time.time()
            return self._next

    def end(self, number: int) -> None:
        """A request finished: remove what no running request can own."""
        with self._lock:
            self.running.pop(number, None)
            oldest = min(self.running.values(), default=float("inf"))
            path = type(self)._path
        if path is None:
            return
        for entry in os.scandir(path):
            try:
                if entry.stat(follow_symlinks=False).st_mtime < oldest:
                    if entry.is_dir(follow_symlinks=False):
                        shutil.rmtree(entry.path, ignore_errors=True)
                    else:
                        os.unlink(entry.path)
            except OSError:
                pass


class Service:
    """What one worker holds: its settings, its engine (models loaded once) and its private folder."""

    def __init__(self, settings: Settings, redactor: Redactor | None = None) -> None:
        self.settings = settings
        self.redactor = redactor
        self.folder = PrivateFolder()
        self.limiter = anyio.CapacityLimiter(settings.threads)
        self.ready = False

    def start(self) -> None:
        self.folder.open(redirect=self.settings.private_tempdir)
        if self.redactor is None:
            self.redactor = Redactor(self.settings.model) if self.settings.model else Redactor()
        # load every model now, not on the first request: a small document through the whole engine
        api.redact(b"Warm-up note for Alex Example, 07700 900000.", name="warm-up.txt", path="anonymise",
                   redactor=self.redactor)
        self.ready = True

    def stop(self) -> None:
        self.folder.close()

    def authorise(self, request: Request) -> str | None:
        """The caller's identity; raises :class:`Unauthorized` when tokens are set and none is valid."""
        if not self.settings.tokens:
            return None
        who = self.settings.identity(request.headers.get("authorization"))
        if who is None:
            raise Unauthorized("a valid 'Authorization: Bearer <token>' header is required")
        return who

    async def run(self, work: Callable[[Redactor], T]) -> T:
        """``work(engine)`` in a worker thread, with this request's own pseudonyms, within the time limit."""
        assert self.redactor is not None
        engine = api.isolated(self.redactor)
        number = self.folder.begin()

        def job() -> T:
            try:
                return work(engine)
            finally:
                self.folder.end(number)

        try:
            with anyio.fail_after(self.settings.timeout):
                return await anyio.to_thread.run_sync(job, abandon_on_cancel=True, limiter=self.limiter)
        except TimeoutError:
            raise TimedOut(f"the request took longer than the {self.settings.timeout:g} s limit; "
                           "try again or ask for a longer REDACTOR_REQUEST_TIMEOUT") from None


async def upload(request: Request, service: Service) -> tuple[bytes, str | None, dict[str, Any]]:
    """The uploaded ``file`` (its bytes and file name) and the other form fields."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        raise UsageError("send the document as multipart/form-data with a 'file' field")
    try:
        form = await request.form(max_files=1, max_fields=100)
    except TooLarge:
        raise
    except Exception:  # a malformed body; its content is never echoed
        raise UsageError("the multipart body could not be parsed") from None
    try:
        file = form.get("file")
        if file is None or isinstance(file, str):
            raise UsageError("the form has no 'file' field holding a document")
        data = await file.read()
        name = form.get("filename") or file.filename
        fields: dict[str, Any] = {}
        for key, option in PEOPLE_FIELDS.items():
            names = [v for v in form.getlist(key) if isinstance(v, str) and v.strip()]
            if names:
                fields[option] = names
        for key in TEXT_FIELDS:
            value = form.get(key)
            if isinstance(value, str) and value.strip():
                fields[key] = value.strip()
        path = form.get("path")
        fields["path"] = path.strip() if isinstance(path, str) and path.strip() else "public"
        for key in ("keep", "add", "reviewer"):
            value = form.get(key)
            if isinstance(value, str):
                fields[key] = value
    finally:
        await form.close()
    if not data:
        raise UnreadableInput("the uploaded file is empty")
    return data, (Path(name).name if isinstance(name, str) and name.strip() else None), fields


def redacted_name(name: str) -> str:
    path = Path(name)
    return f"{path.stem}.redacted{path.suffix}"


def document_response(result: api.Result) -> Response:
    assert result.output is not None
    filename = redacted_name(result.name)
    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace("?", "_").replace('"', "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return Response(result.output, media_type=result.media_type,
                    headers={"Content-Disposition": disposition, "Cache-Control": "no-store"})


def result_json(result: api.Result) -> dict[str, Any]:
    return {"status": result.status, "filename": redacted_name(result.name), "media_type": result.media_type,
            "document": base64.b64encode(result.output or b"").decode("ascii"), "report": result.report}


UPLOAD_SCHEMA = {
    "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["file"],
        "properties": {
            "file": {"type": "string", "format": "binary", "description": ".txt .md .docx .pdf .eml .mbox"},
            "path": {"type": "string", "default": "public", "description": "disclosure path (GET /v1/paths)"},
            "subject": {"type": "array", "items": {"type": "string"}, "description": "the member (repeatable)"},
            "complainant": {"type": "array", "items": {"type": "string"}},
            "witness": {"type": "array", "items": {"type": "string"}},
            "name": {"type": "array", "items": {"type": "string"}, "description": "any other person known"},
            "basis": {"type": "string"}, "recipient": {"type": "string"}, "permission_ref": {"type": "string"},
            "filename": {"type": "string", "description": "the file name, if the upload's is missing"},
        }}}}},
    "responses": {"400": {"description": "bad request"}, "401": {"description": "no valid token"},
                  "413": {"description": "over the size limit"}, "415": {"description": "unsupported type"},
                  "422": {"description": "unsafe to redact"}, "451": {"description": "withheld by the path"},
                  "503": {"description": "over the time limit"}},
}


class UploadLimit:
    """ASGI middleware: a request body over ``max_bytes`` is refused (413) before or while it is read."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        for key, value in scope.get("headers", []):
            if key == b"content-length" and value.isdigit() and int(value) > limit + 64 * 1024:
                await error_response(TooLarge(self.message()))(scope, receive, send)
                return
        seen = 0

        async def limited() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit + 64 * 1024:  # the form's own fields and boundaries get some room
                    raise TooLarge(self.message())
            return message

        await self.app(scope, limited, send)

    def message(self) -> str:
        return f"the upload is larger than the service's {self.max_bytes / 2**20:g} MB limit"


class AccessLog:
    """ASGI middleware: one line per request (method, route template, status, milliseconds); an
    unexpected exception becomes a 500 whose log line names only its type."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]
        sent = [False]

        async def record(message: Any) -> None:
            if message["type"] == "http.response.start":
                status[0], sent[0] = message["status"], True
            await send(message)

        try:
            await self.app(scope, receive, record)
        except Exception as exc:  # contained here, so no server log prints its message (it may quote a document)
            log.error("internal error (%s)", type(exc).__name__)
            if not sent[0]:
                await JSONResponse({"error": f"internal error ({type(exc).__name__})", "exit_code": 1},
                                   status_code=500)(scope, receive, send)
                status[0] = 500
        finally:
            route = scope.get("route")
            log.info("%s %s %d %.0fms", scope["method"], getattr(route, "path", "(no route)"), status[0],
                     (time.perf_counter() - started) * 1000)


def create_app(settings: Settings | None = None, redactor: Redactor | None = None) -> FastAPI:
    """The application; ``redactor`` shares an already loaded engine (tests), else each worker loads one."""
    settings = settings or Settings.from_environment()
    service = Service(settings, redactor)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        await anyio.to_thread.run_sync(service.start)
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(title="redactor", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Leak-proof redaction of personal data and Confidential Matters. Errors are "
                              "JSON {\"error\", \"exit_code\"}; a withheld document is 451.")
    app.state.service = service
    app.add_middleware(UploadLimit, max_bytes=settings.max_bytes)
    app.add_middleware(AccessLog)

    @app.exception_handler(RedactorError)
    async def on_redactor_error(request: Request, exc: RedactorError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail), "exit_code": 2}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "invalid request parameters", "exit_code": 2}, status_code=400)

    @app.get("/healthz", tags=["service"])
    async def healthz() -> dict[str, Any]:
        """Liveness and readiness: the models are loaded once the service answers."""
        return {"status": "ok" if service.ready else "starting", "version": __version__,
                "auth": bool(settings.tokens), "max_upload_mb": settings.max_bytes / 2**20,
                "timeout_seconds": settings.timeout}

    @app.get("/v1/paths", tags=["redaction"])
    async def list_paths(request: Request) -> list[dict[str, Any]]:
        """The disclosure paths (name, paragraph, title, recipient, description, requirements)."""
        service.authorise(request)
        return api.paths()

    @app.post("/v1/redact", tags=["redaction"], openapi_extra=UPLOAD_SCHEMA,
              response_class=Response, responses={200: {"description": "the redacted document (same format); "
                                                                         "with ?report=true JSON"}})
    async def redact(request: Request, report: bool = False) -> Response:
        """Redact the uploaded document; ``?report=true`` returns JSON with the report and the document
        (base64)."""
        service.authorise(request)
        data, name, fields = await upload(request, service)
        for key in ("keep", "add", "reviewer"):
            fields.pop(key, None)
        result = await service.run(lambda engine: api.redact(data, name=name, redactor=engine, **fields))
        if result.status == "withheld":
            raise Withheld(result.message or "withheld by the disclosure path", report=result.report)
        if report:
            return JSONResponse(result_json(result), headers={"Cache-Control": "no-store"})
        return document_response(result)

    @app.post("/v1/classify", tags=["redaction"], openapi_extra=UPLOAD_SCHEMA)
    async def classify(request: Request) -> JSONResponse:
        """The document's Confidential Matters categories, per section, with scores and evidence."""
        service.authorise(request)
        data, name, _ = await upload(request, service)
        classification = await service.run(lambda engine: api.classify(data, name=name, redactor=engine))
        return JSONResponse(classification.to_json(None), headers={"Cache-Control": "no-store"})

    from .review import add_review

    add_review(app, service)
    return app


def app_from_environment() -> FastAPI:
    """The factory uvicorn workers call (``redactor serve`` sets the environment)."""
    logging.basicConfig(level=logging.INFO, format="redactor: %(message)s")
    return create_app()


def parse_json_list(value: str | None, what: str) -> list[Any]:
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except ValueError:
        raise UsageError(f"'{what}' must be a JSON list") from None
    if not isinstance(parsed, list):
        raise UsageError(f"'{what}' must be a JSON list")
    return parsed
