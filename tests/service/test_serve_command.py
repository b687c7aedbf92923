"""`redactor serve` as a user runs it: the address check, the token file, worker processes, shutdown."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import one_line, run_module

TOKEN = "cli-token-0123456789abcdef"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def without_token_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("REDACTOR_TOKEN", "REDACTOR_TOKEN_FILE")}


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "example.org"])
def test_without_a_token_only_loopback_is_allowed(host):
    p = subprocess.run([sys.executable, "-m", "redactor", "serve", "--host", host, "--port", str(free_port())],
                       capture_output=True, text=True, timeout=120, env=without_token_env())
    assert p.returncode == 2 and one_line(p.stderr) and "refusing to listen" in p.stderr


def test_a_missing_or_empty_token_file_is_a_usage_error(tmp_path):
    assert run_module("serve", "--token-file", tmp_path / "none").returncode == 2
    (tmp_path / "empty").write_text("# no token here\n")
    p = run_module("serve", "--token-file", tmp_path / "empty")
    assert p.returncode == 2 and "holds no token" in p.stderr


def test_serve_with_a_token_file_on_all_addresses_with_two_workers(tmp_path):
    tokens = tmp_path / "tokens"
    tokens.write_text(f"# who and token\nalice {TOKEN}\n")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    port = free_port()
    env = {**without_token_env(), "TMPDIR": str(scratch)}
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "redactor", "serve", "--host", "0.0.0.0", "--port", str(port),
                               "--token-file", str(tokens), "--workers", "2", "--max-upload-mb", "1"],
                              stdout=log, stderr=subprocess.STDOUT, env=env,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # Ctrl-C, even
                              # when the test run itself was started in the background (SIGINT ignored)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=5).json()["status"] == "ok":
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, (tmp_path / "server.log").read_text()
            time.sleep(0.5)
        files = {"file": ("Quince-letter.txt", b"Dear Mr Quince, call 07700 900456.", "text/plain")}
        auth = {"Authorization": f"Bearer {TOKEN}"}
        for _ in range(4):  # both workers answer
            r = httpx.post(url + "/v1/redact", files=files, data={"path": "anonymise"}, headers=auth, timeout=120)
            assert r.status_code == 200 and b"Quince" not in r.content and b"07700" not in r.content
        assert httpx.post(url + "/v1/redact", files=files, timeout=60).status_code == 401
        big = {"file": ("big.txt", b"x" * (2 << 20), "text/plain")}
        assert httpx.post(url + "/v1/redact", files=big, headers=auth, timeout=60).status_code == 413
        private = sorted(scratch.glob("redactor-service-*"))
        assert len(private) == 2  # one private folder per worker, each emptied after its requests
        assert all(oct(p.stat().st_mode & 0o777) == "0o700" and not any(p.iterdir()) for p in private)
    finally:
        server.send_signal(signal.SIGINT)
        code = server.wait(timeout=60)
        log.close()
    output = (tmp_path / "server.log").read_text()
    assert code == 0, output
    assert not list(scratch.glob("redactor-service-*"))  # removed at shutdown
    assert "POST /v1/redact 200" in output
    assert "Quince" not in output and "07700" not in output and TOKEN not in output
