"""Detection never touches the network (tldextract's suffix list included)."""
import socket

import pytest


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_detection_runs_with_sockets_patched_to_fail(no_network):
    from redactor import Redactor
    from redactor.detect.engine import _build
    from redactor.detect.recognizers.email import offline_extractor

    _build.cache_clear()
    offline_extractor.cache_clear()
    outcome = Redactor().redact_bytes(b"Dear Ms Okoro, write to jane.okoro@example.co.uk or call 07700 900123.",
                                      "letter.txt", path="anonymise")
    text = outcome.output.decode()
    assert "jane.okoro@example.co.uk" not in text and "Okoro" not in text and "[EMAIL]" in text
