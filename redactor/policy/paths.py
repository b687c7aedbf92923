"""Loading disclosure paths: the shipped ones by name, or an organisation's own file."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import PathDefinitionError, UsageError
from ..resources import load_yaml, pipeline_files
from .schema import DisclosurePath

DEFAULT_PATH = "public"


def parse_path(text: str, source: str) -> DisclosurePath:
    """Validate one path definition; errors name the file and the field."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise PathDefinitionError(f"{source}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise PathDefinitionError(f"{source}: a disclosure path must be a mapping of fields")
    try:
        return DisclosurePath.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise PathDefinitionError(f"{source}: field {where!r}: {first['msg']}") from None


@lru_cache(maxsize=1)
def shipped_paths() -> dict[str, DisclosurePath]:
    """Every path in ``pipelines/``, by name."""
    paths = {}
    for f in pipeline_files():
        path = parse_path(f.read_text(encoding="utf-8"), f"pipelines/{f.name}")
        paths[path.name] = path
    return paths


def load_path(name: str = DEFAULT_PATH, pipeline_file: str | Path | None = None) -> DisclosurePath:
    """A shipped path by name, or the path defined in ``pipeline_file``."""
    if pipeline_file is not None:
        p = Path(pipeline_file)
        try:
            return parse_path(p.read_text(encoding="utf-8"), str(p))
        except OSError as exc:
            raise UsageError(f"cannot read disclosure path file {p}: {exc.strerror}") from None
    paths = shipped_paths()
    if name not in paths:
        raise UsageError(f"unknown disclosure path {name!r}; known paths: {', '.join(sorted(paths))}")
    return paths[name]
