"""Policy: disclosure paths (data in ``pipelines/``) and the decisions they produce."""
from .decide import Judgement, decide, judge
from .paths import DEFAULT_PATH, load_path, shipped_paths
from .schema import DisclosurePath

__all__ = ["DEFAULT_PATH", "DisclosurePath", "Judgement", "decide", "judge", "load_path", "shipped_paths"]
