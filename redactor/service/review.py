"""The review page at ``/``: a person sees every proposed removal, adjusts them, and downloads.

``GET /`` serves one server-rendered page (``page/review.html``, with the paths filled in) and
``/review.js`` and ``/review.css`` beside it: no asset from anywhere else (the page's Content
Security Policy allows only this origin). The page talks to two endpoints, which need the token
like every ``/v1/`` endpoint:

* ``POST /v1/review``: the upload form; returns the document's text and the proposed removals
  (offsets, type, action, category, reason) or, for a withheld document, why.
* ``POST /v1/review/redact``: the same upload plus ``keep`` (a JSON list of ``[start, end]``
  proposals the reviewer unticked), ``add`` (``[start, end, type]`` spans they selected) and
  ``reviewer`` (their name); returns the redacted document (base64) and the report, whose
  ``review`` entry records who (the name and the token's identity), when, and each change.

Nothing is kept between the two calls: the browser sends the document again.
"""
from __future__ import annotations

import html
from dataclasses import asdict
from importlib import resources
from string import Template
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .. import api
from ..errors import UsageError
from .app import UPLOAD_SCHEMA, Service, parse_json_list, result_json, upload

#: types a reviewer can give to text they select.
ADD_TYPES = ("PERSON", "ADDRESS", "EMAIL", "PHONE", "DATE", "MEMBERSHIP_NO", "CASE_REF", "HEALTH", "ALLEGATION",
             "STATEMENT")
PAGE_HEADERS = {"Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
                                           "base-uri 'none'; frame-ancestors 'none'",
                "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


def _asset(name: str) -> str:
    return resources.files("redactor.service").joinpath("page", name).read_text(encoding="utf-8")


def render_page(auth: bool) -> str:
    options = "\n".join(
        f'<option value="{html.escape(p["name"])}"{" selected" if p["name"] == "public" else ""}>'
        f'{html.escape(p["name"])} (para. {html.escape(str(p["paragraph"]))})</option>' for p in api.paths())
    types = "\n".join(f'<option value="{t}">{t}</option>' for t in ADD_TYPES)
    return Template(_asset("review.html")).substitute(path_options=options, type_options=types,
                                                      auth_hidden="" if auth else " hidden")


def add_review(app: FastAPI, service: Service) -> None:
    """Add the page, its assets and its two endpoints to ``app``."""
    auth = bool(service.settings.tokens)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(render_page(auth), headers=PAGE_HEADERS)

    @app.get("/review.js", include_in_schema=False)
    async def script() -> Response:
        return Response(_asset("review.js"), media_type="text/javascript", headers=PAGE_HEADERS)

    @app.get("/review.css", include_in_schema=False)
    async def style() -> Response:
        return Response(_asset("review.css"), media_type="text/css", headers=PAGE_HEADERS)

    @app.post("/v1/review", tags=["review"], openapi_extra=UPLOAD_SCHEMA)
    async def propose(request: Request) -> JSONResponse:
        """The document's text and every removal the path proposes, for a person to review."""
        service.authorise(request)
        data, name, fields = await upload(request, service)
        for key in ("keep", "add", "reviewer"):
            fields.pop(key, None)
        proposal = await service.run(lambda engine: api.review(data, name=name, redactor=engine, **fields))
        body: dict[str, Any] = asdict(proposal)
        body["removals"] = [{**asdict(r), "id": r.id} for r in proposal.removals]
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    @app.post("/v1/review/redact", tags=["review"], openapi_extra=UPLOAD_SCHEMA)
    async def apply(request: Request) -> JSONResponse:
        """Redact after review: ``keep`` and ``add`` (JSON lists) and ``reviewer`` are recorded in the report."""
        who = service.authorise(request)
        data, name, fields = await upload(request, service)
        try:
            keep = [(int(s), int(e)) for s, e in parse_json_list(fields.pop("keep", None), "keep")]
            add = [(int(s), int(e), str(t)) for s, e, t in parse_json_list(fields.pop("add", None), "add")]
        except (TypeError, ValueError):
            raise UsageError("'keep' must list [start, end] pairs and 'add' [start, end, type] triples") from None
        reviewer = {"name": (fields.pop("reviewer", "") or "").strip()[:200] or None, "token": who}
        result = await service.run(lambda engine: api.redact_reviewed(
            data, name=name, keep=keep, add=add, reviewer=reviewer, redactor=engine, **fields))
        return JSONResponse(result_json(result), headers={"Cache-Control": "no-store"})
