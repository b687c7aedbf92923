"""The HTTP service through a real uvicorn on loopback: upload, download, every error status, tokens, limits."""
from __future__ import annotations

import base64
import io
import json
import logging
import zipfile

import httpx
import pytest

from redactor.formats import format_for
from tests.api.formats import leaked
from tests.documents import LETTER
from tests.service.conftest import TOKEN, serve

ANONYMISE = {"path": "anonymise"}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def post(server, endpoint, name, data, fields=None, headers=None, **params):
    files = {"file": (name, data, "application/octet-stream")}
    return httpx.post(server.url + endpoint, files=files, data=fields or {}, headers=headers or {}, params=params,
                      timeout=120)


def test_health_answers_once_the_models_are_loaded(open_server):
    r = httpx.get(open_server.url + "/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["auth"] is False


@pytest.mark.parametrize("ext", [".txt", ".md", ".docx", ".pdf", ".eml"])
def test_when_a_document_is_uploaded_then_its_redacted_copy_comes_back_in_its_format(open_server, documents, ext):
    src = documents[ext]
    r = post(open_server, "/v1/redact", src.name, src.read_bytes(), ANONYMISE)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == format_for(src).media_type
    assert r.headers["content-disposition"].startswith(f'attachment; filename="letter.redacted{ext}"')
    assert r.headers["cache-control"] == "no-store"
    assert not leaked(ext, r.content)


def test_when_the_report_is_asked_for_then_json_carries_it_and_the_document(open_server, documents):
    src = documents[".docx"]
    r = post(open_server, "/v1/redact", src.name, src.read_bytes(), ANONYMISE, report="true")
    body = r.json()
    assert r.status_code == 200 and body["status"] == "written" and body["filename"] == "letter.redacted.docx"
    assert body["report"]["summary"]["removed"] >= 5
    assert not leaked(".docx", base64.b64decode(body["document"]))


def test_people_fields_reach_the_engine(open_server):
    text = b"Minutes. Jo Bloggs attended. Mr Quinn spoke."
    r = post(open_server, "/v1/redact", "m.txt", text, {"path": "subject-access", "subject": ["Jo Bloggs"]},
             report="true")
    assert r.status_code == 200, r.text
    people = {p["role"] for p in r.json()["report"]["people"]}
    assert "subject" in people


def test_a_file_name_with_any_characters_is_returned_safely(open_server):
    r = post(open_server, "/v1/redact", "Lettre d’été; x=1.txt", b"Call 07700 900456.", ANONYMISE)
    disposition = r.headers["content-disposition"]
    assert r.status_code == 200 and "filename*=UTF-8''Lettre%20d%E2%80%99%C3%A9t%C3%A9%3B%20x%3D1.redacted.txt" in \
        disposition
    assert disposition.count('"') == 2 and disposition.isascii()


def test_classify_paths_and_openapi(open_server, documents):
    r = post(open_server, "/v1/classify", "letter.txt", documents[".txt"].read_bytes())
    assert r.status_code == 200 and "5bc-disciplinary" in [c["label"] for c in r.json()["categories"]]
    names = [p["name"] for p in httpx.get(open_server.url + "/v1/paths").json()]
    assert "public" in names and "anonymise" in names
    schema = httpx.get(open_server.url + "/openapi.json").json()
    assert {"/healthz", "/v1/redact", "/v1/classify", "/v1/paths", "/v1/review"} <= set(schema["paths"])
    assert "multipart/form-data" in schema["paths"]["/v1/redact"]["post"]["requestBody"]["content"]


def dtd_docx(documents) -> bytes:
    """The letter as a DOCX whose main part declares a DTD (the shape of an XXE attack)."""
    source = zipfile.ZipFile(documents[".docx"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY x "y">]>', 1)
            target.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("case, status, exit_code", [
    ("no file", 400, 2), ("not multipart", 400, 2), ("unknown path", 400, 2), ("unsupported type", 415, 3),
    ("corrupt pdf", 400, 3), ("empty file", 400, 3), ("unsafe docx", 422, 4), ("withheld", 451, 5),
])
def test_each_failure_has_its_status_and_exit_code(open_server, documents, case, status, exit_code):
    url = open_server.url + "/v1/redact"
    if case == "no file":
        r = httpx.post(url, data={"path": "public"}, files={"other": ("x.txt", b"x")})
    elif case == "not multipart":
        r = httpx.post(url, json={"file": "hello"})
    elif case == "unknown path":
        r = post(open_server, "/v1/redact", "a.txt", b"hello", {"path": "no-such-path"})
    elif case == "unsupported type":
        r = post(open_server, "/v1/redact", "a.xyz", b"hello")
    elif case == "corrupt pdf":
        r = post(open_server, "/v1/redact", "a.pdf", b"%PDF-1.7 broken")
    elif case == "empty file":
        r = post(open_server, "/v1/redact", "a.txt", b"")
    elif case == "unsafe docx":
        r = post(open_server, "/v1/redact", "a.docx", dtd_docx(documents), ANONYMISE)
    else:
        r = post(open_server, "/v1/redact", "letter.txt", documents[".txt"].read_bytes(), {"path": "public"})
    body = r.json()
    assert (r.status_code, body["exit_code"]) == (status, exit_code), body
    assert body["error"] and "Traceback" not in body["error"]
    if case == "withheld":
        assert body["report"]["status"] == "withheld" and "5bc-disciplinary" in body["error"]


def test_without_a_valid_token_every_v1_endpoint_is_401(token_server):
    for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": TOKEN}):
        r = post(token_server, "/v1/redact", "a.txt", b"Call 07700 900456.", headers=headers)
        assert r.status_code == 401 and r.json()["exit_code"] == 2 and r.headers["www-authenticate"] == "Bearer"
        assert httpx.get(token_server.url + "/v1/paths", headers=headers).status_code == 401
    assert httpx.get(token_server.url + "/healthz").json()["auth"] is True  # health and the page need no token
    assert httpx.get(token_server.url + "/").status_code == 200
    ok = post(token_server, "/v1/redact", "a.txt", b"Call 07700 900456.", ANONYMISE, headers=AUTH)
    assert ok.status_code == 200 and b"07700" not in ok.content


def test_an_upload_over_the_limit_is_413_whether_its_length_is_declared_or_not(token_server):
    big = b"The branch meets on Tuesdays. " * 40_000  # 1.2 MB, over the 1 MB limit
    r = post(token_server, "/v1/redact", "big.txt", big, headers=AUTH)
    assert r.status_code == 413 and r.json()["exit_code"] == 3

    boundary = "redactor-test-boundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    def chunks():  # no Content-Length: the limit is counted while reading
        yield head
        for i in range(0, len(big), 64 * 1024):
            yield big[i:i + 64 * 1024]
        yield tail

    r = httpx.post(token_server.url + "/v1/redact", content=chunks(), timeout=60,
                   headers={**AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413 and r.json()["exit_code"] == 3


def test_a_request_over_the_time_limit_is_503(redactor_engine):
    server = serve(redactor_engine, timeout=0.001)
    try:
        r = post(server, "/v1/redact", "a.txt", LETTER.encode(), ANONYMISE)
        assert r.status_code == 503 and "limit" in r.json()["error"]
    finally:
        server.stop()


def test_nothing_of_a_document_reaches_the_service_logs(open_server, caplog):
    caplog.set_level(logging.DEBUG)
    secret_name = "Bartholomew-Quince-grievance.txt"
    text = ("Bartholomew Quince phoned 07700 900456 about his grievance.\n" * 50).encode()
    assert post(open_server, "/v1/redact", secret_name, text, ANONYMISE, report="true").status_code == 200
    assert post(open_server, "/v1/redact", secret_name[:-4] + ".pdf", b"%PDF broken", ANONYMISE).status_code == 400
    assert post(open_server, "/v1/redact?name=Quince", secret_name, b"x", {"path": "nope"}).status_code == 400
    server_side = [r for r in caplog.records if r.name.startswith(("redactor", "uvicorn"))]
    logged = "\n".join(record.getMessage() for record in server_side)
    assert "POST /v1/redact 200" in logged and "POST /v1/redact 400" in logged
    for value in ("Bartholomew", "Quince", "07700", "grievance"):
        assert value not in logged


def test_the_review_endpoints_record_who_changed_what(token_server):
    text = "Dear Ms Okoro,\nplease call me on 07700 900123 about flat 4B.\n"
    r = post(token_server, "/v1/review", "a.txt", text.encode(), ANONYMISE, headers=AUTH)
    proposal = r.json()
    assert r.status_code == 200 and proposal["text"] == text
    phone = next(p for p in proposal["removals"] if p["type"] == "PHONE")
    start = text.index("flat 4B")
    fields = {**ANONYMISE, "keep": json.dumps([[phone["start"], phone["end"]]]),
              "add": json.dumps([[start, start + 7, "ADDRESS"]]), "reviewer": "Dana Reviewer"}
    r = post(token_server, "/v1/review/redact", "a.txt", text.encode(), fields, headers=AUTH)
    body = r.json()
    assert r.status_code == 200, body
    out = base64.b64decode(body["document"]).decode()
    assert "07700 900123" in out and "flat 4B" not in out
    assert body["report"]["review"]["reviewer"] == {"name": "Dana Reviewer", "token": "alice"}
    bad = post(token_server, "/v1/review/redact", "a.txt", text.encode(), {**ANONYMISE, "keep": "[[1]]"},
               headers=AUTH)
    assert bad.status_code == 400 and bad.json()["exit_code"] == 2
