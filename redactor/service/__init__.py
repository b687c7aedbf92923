"""The HTTP service (``redactor serve``): the API over HTTP, and a review page at ``/``.

``settings`` reads the configuration (tokens, limits), ``app`` builds the FastAPI application
(endpoints, errors, the upload limit, the private temporary folder), ``review`` adds the review
page and its two endpoints, ``serve`` checks the address and runs uvicorn. Every document goes
through :mod:`redactor.api`; nothing here redacts on its own.
"""
from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(*args: Any, **kwargs: Any) -> Any:
    """Build the FastAPI application (see :func:`redactor.service.app.create_app`)."""
    try:
        from .app import create_app as build
    except ImportError as exc:  # fastapi, uvicorn or python-multipart missing
        from ..errors import UsageError

        raise UsageError(f"the service needs its extra: pip install 'redactor[service]' ({exc.name} is missing)") \
            from None
    return build(*args, **kwargs)
