"""A non-editable install of the built wheel works from any folder (package data included)."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    return next(out.glob("redactor-*.whl"))


@pytest.mark.slow
def test_the_wheel_carries_the_recognizers_and_the_paths(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "redactor/models/recognizers.yaml" in names
    assert "redactor/models/entities.yaml" in names
    assert "redactor/pipelines/public.yaml" in names and "redactor/pipelines/anonymise.yaml" in names
    assert "redactor/py.typed" in names
    assert "redactor/formats/docx/__init__.py" in names and "redactor/formats/pdf/__init__.py" in names
    assert "redactor/classify/__init__.py" in names
    assert "redactor/models/classification/categories.yaml" in names
    assert "redactor/models/classification/sections-model/config.cfg" in names
    assert "redactor/models/classification/sentences-model/config.cfg" in names
    assert {"redactor/pipelines/subject-access.yaml", "redactor/pipelines/third-party-notice.yaml"} <= set(names)


@pytest.mark.slow
def test_the_installed_wheel_redacts_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    src = tmp_path / "letter.txt"
    src.write_text("Dear Ms Okoro,\nplease call 07700 900123.\n")
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = ("import redactor, sys; assert redactor.__file__.startswith(sys.argv[1]), redactor.__file__;"
            "from redactor.cli import main; sys.exit(main(['redact', 'letter.txt', '-o', 'out.txt', '--path', 'anonymise']))")
    p = subprocess.run([sys.executable, "-c", code, str(target)], cwd=tmp_path, env=env, capture_output=True,
                       text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    out = (tmp_path / "out.txt").read_text()
    assert "Okoro" not in out and "07700" not in out
