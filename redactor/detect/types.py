"""redactor's canonical entity types (``models/entities.yaml``) and their Presidio names."""
from __future__ import annotations

from functools import lru_cache

from ..resources import model_yaml


@lru_cache(maxsize=1)
def entity_types() -> dict[str, dict]:
    return model_yaml("entities.yaml")


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    table = {}
    for name, spec in entity_types().items():
        table[name] = name
        for alias in spec.get("presidio", []):
            table[alias] = name
    return table


def canonical(presidio_type: str) -> str | None:
    """The canonical type for a Presidio entity name, or None if redactor ignores it."""
    return _aliases().get(presidio_type)


def placeholder(entity_type: str) -> str:
    return entity_types().get(entity_type, {}).get("placeholder", f"[{entity_type}]")


def kind(entity_type: str) -> str:
    return entity_types().get(entity_type, {}).get("kind", "personal")
