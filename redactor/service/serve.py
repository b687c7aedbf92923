"""``redactor serve``: check the address and the token, then run uvicorn (one process per worker).

Without a token (``--token-file`` or ``REDACTOR_TOKEN``) the service listens only on loopback:
anything else is refused before a socket is opened. Each worker process builds the app from
the environment (:func:`redactor.service.app.app_from_environment`) and loads the models once,
at start-up. uvicorn's access log is off: the app's own log line names no file and no query.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import UsageError
from .settings import Settings, is_loopback, read_tokens


def serve(host: str = "127.0.0.1", port: int = 8000, *, token_file: Path | None = None, workers: int = 1,
          max_upload_mb: float | None = None, timeout: float | None = None, model: str | None = None) -> int:
    try:
        import uvicorn

        from . import app as _app  # noqa: F401  (fastapi and python-multipart are importable)
    except ImportError as exc:
        raise UsageError(f"the service needs its extra: pip install 'redactor[service]' ({exc.name} is missing)") \
            from None
    if token_file is not None:
        read_tokens(token_file)  # refuse an unreadable or empty file now, not in every worker
        os.environ["REDACTOR_TOKEN_FILE"] = str(token_file.resolve())
    if max_upload_mb is not None:
        os.environ["REDACTOR_MAX_UPLOAD_MB"] = str(max_upload_mb)
    if timeout is not None:
        os.environ["REDACTOR_REQUEST_TIMEOUT"] = str(timeout)
    if model:
        os.environ["REDACTOR_MODEL"] = model
    settings = Settings.from_environment()
    if not settings.tokens and not is_loopback(host):
        raise UsageError(f"refusing to listen on {host} without a token: give --token-file FILE or set "
                         "REDACTOR_TOKEN, or listen on 127.0.0.1")
    uvicorn.run("redactor.service.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                access_log=False, log_level="info", server_header=False, timeout_graceful_shutdown=10)
    return 0
