"""A real uvicorn on a loopback port, in a thread of the test process (sharing the loaded engine)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from tests.api.formats import WRITERS

TOKEN = "test-token-0123456789abcdef"


class Server:
    """uvicorn serving ``app`` on 127.0.0.1 and a free port until :meth:`stop`."""

    def __init__(self, app) -> None:
        import uvicorn

        self.app = app
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def serve(engine, **settings):
    from redactor.service import create_app
    from redactor.service.settings import Settings

    return Server(create_app(Settings(**settings), redactor=engine)).start()


@pytest.fixture(scope="package")
def open_server(redactor_engine):
    server = serve(redactor_engine)
    yield server
    server.stop()


@pytest.fixture(scope="package")
def token_server(redactor_engine):
    server = serve(redactor_engine, tokens={TOKEN: "alice"}, max_bytes=1 << 20)
    yield server
    server.stop()


@pytest.fixture(scope="package")
def documents(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("service-docs")
    return {ext: write(folder / f"letter{ext}") for ext, write in WRITERS.items()}
