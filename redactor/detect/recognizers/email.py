"""Presidio's EmailRecognizer with its domain check kept offline.

Presidio validates an address's domain with ``tldextract.extract``, whose
default extractor fetches the public-suffix list over HTTP. This one uses the
suffix-list snapshot shipped inside the tldextract package and never a cache
or the network.
"""
from __future__ import annotations

from functools import lru_cache

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer


@lru_cache(maxsize=1)
def offline_extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    """Email addresses, validated against the bundled public-suffix snapshot."""

    def validate_result(self, pattern_text: str) -> bool:
        return offline_extractor()(pattern_text).fqdn != ""
