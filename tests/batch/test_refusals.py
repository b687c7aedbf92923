"""Links are refused, never followed, and nothing is written outside the output folder."""
from __future__ import annotations

import json
import os

import pytest

from redactor.engines.files import destination
from redactor.errors import UnsafeToRedact
from tests.batch.conftest import manifest
from tests.documents import write_txt


@pytest.mark.parametrize("name", ["../evil.txt", "a/../../evil.txt", "/etc/evil.txt", "a\\..\\b.txt",
                                  ""])
def test_a_name_that_would_lead_outside_the_output_folder_is_refused(tmp_path, name):
    with pytest.raises(UnsafeToRedact):
        destination(tmp_path, name)


@pytest.mark.parametrize("name", ["a.txt", "deep/er/a.txt", "with space/é.txt", "..hidden.txt"])
def test_an_ordinary_name_stays_inside_the_output_folder(tmp_path, name):
    assert tmp_path.resolve() in destination(tmp_path, name).resolve().parents


def test_symbolic_links_in_the_input_are_recorded_as_refused_and_never_followed(cli, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    write_txt(outside / "secret.txt")
    src = tmp_path / "in"
    src.mkdir()
    write_txt(src / "letter.txt")
    os.symlink(outside / "secret.txt", src / "link.txt")
    os.symlink(outside, src / "linked-folder")
    out = tmp_path / "out"
    code, stdout, _ = cli("batch", src, out, "--path", "anonymise", "--json")
    assert code == 1  # refusals are reported as failures
    assert json.loads(stdout)["status"] == {"done": 1, "unsafe": 2}
    by_file = {m["file"]: m for m in manifest(out)}
    assert "symbolic link" in by_file["link.txt"]["error"] and "symbolic link" in by_file["linked-folder"]["error"]
    assert sorted(p.name for p in out.iterdir()) == ["letter.txt", "manifest.jsonl"]


def test_a_link_in_the_output_tree_that_leads_outside_is_refused(cli, tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    write_txt(src / "sub" / "letter.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(elsewhere, out / "sub")
    code, stdout, _ = cli("batch", src, out, "--path", "anonymise", "--json")
    assert code == 1 and json.loads(stdout)["status"] == {"unsafe": 1}
    assert list(elsewhere.iterdir()) == []
    assert "outside the output folder" in manifest(out)[0]["error"]


def test_an_output_folder_inside_the_input_folder_is_not_read_as_input(cli, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    write_txt(src / "letter.txt")
    code, stdout, _ = cli("batch", src, src / "redacted", "--path", "anonymise", "--json")
    assert code == 0 and json.loads(stdout)["status"] == {"done": 1}
    code, stdout, _ = cli("batch", src, src / "redacted", "--path", "anonymise", "--json")
    assert json.loads(stdout)["status"] == {"unchanged": 1}


def test_two_batches_cannot_write_into_one_output_folder_at_once(tmp_path):
    from redactor.engines.manifest import Manifest
    from redactor.errors import UsageError

    with Manifest(tmp_path):
        with pytest.raises(UsageError, match="another batch"):
            Manifest(tmp_path).open()
