"""Package data: recognizer configuration under ``models/`` and disclosure paths under ``pipelines/``.

Both folders sit at the top of the repository and are installed as the
sub-packages ``redactor.models`` and ``redactor.pipelines`` (see
``pyproject.toml``), so a wheel installed anywhere finds them.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml


def model_file(name: str) -> Traversable:
    """A file under ``models/``."""
    return resources.files("redactor.models").joinpath(name)


def pipeline_files() -> list[Traversable]:
    """Every disclosure-path definition shipped with redactor."""
    folder = resources.files("redactor.pipelines")
    return sorted((f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml"))), key=lambda f: f.name)


#: libyaml's safe loader when PyYAML was built with it (ten times faster: cold start), else Python's.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML safely (no arbitrary objects); errors are PyYAML's ``yaml.YAMLError``."""
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


@cache
def model_yaml(name: str) -> Any:
    """Parsed YAML from ``models/`` (cached: these files never change at run time)."""
    return load_yaml(model_file(name).read_text(encoding="utf-8"))
