"""Every engine writes the same copies: in-process, a pool of 2 workers, and Ray actors.

People's pseudonyms are numbered in file order across the batch however many workers
share the files (engines/labels.py), so the comparison includes a path that pseudonymises.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from tests.batch.conftest import manifest, outputs, sample_tree

FILES = ["notice-of-investigation-v1.txt", "witness-statement-v1.txt", "outcome-letter-v1.docx",
         "email-chain-v2.txt", "suspension-letter-v1.pdf", "committee-minutes-v1.txt"]
PATHS = {
    "anonymise": ["--path", "anonymise"],
    "nec-permission (pseudonymises people)": ["--path", "nec-permission", "--permission-ref", "GS/2025/14"],
}
HAS_RAY = importlib.util.find_spec("ray") is not None


def batch(cli, src, out, options, *extra):
    code, stdout, stderr = cli("batch", src, out, *options, "--json", *extra)
    assert code == 0, stderr
    return json.loads(stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return sample_tree(tmp_path_factory.mktemp("corpus") / "in", FILES)


@pytest.mark.slow
@pytest.mark.parametrize("options", list(PATHS.values()), ids=list(PATHS))
def test_two_workers_write_the_same_copies_as_one(cli, corpus, tmp_path, options, pseudonym_key):
    one = batch(cli, corpus, tmp_path / "one", options)
    two = batch(cli, corpus, tmp_path / "two", options, "--workers", "2")
    assert two["workers"] == 2 and one["status"] == two["status"]
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert sorted(m["file"] for m in manifest(tmp_path / "two")) == sorted(m["file"] for m in manifest(tmp_path / "one"))


@pytest.mark.slow
def test_pseudonyms_name_the_same_person_alike_in_every_file_with_two_workers(cli, tmp_path, pseudonym_key):
    from tests.test_workflow_options import NOTICE

    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):  # the same people in every file, so a worker's own numbering would show
        (src / f"{i}-a.txt").write_text(NOTICE)
        (src / f"{i}-b.txt").write_text("Note for file.\n\nMrs Odette Marchbanks telephoned about her complaint "
                                         "against Mr Gareth Penhaligon. Mr Declan Fairweather will be interviewed.\n")
    options = ["--path", "nec-permission", "--permission-ref", "GS/1", "--subject", "Gareth Penhaligon"]
    batch(cli, src, tmp_path / "one", options)
    batch(cli, src, tmp_path / "two", options, "--workers", "2")
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    texts = [p.read_text() for p in sorted((tmp_path / "two").glob("*-b.txt"))]
    assert len(set(texts)) == 1 and "Marchbanks" not in texts[0]


@pytest.mark.slow
@pytest.mark.skipif(not HAS_RAY, reason="Ray is not installed (pip install 'redactor[ray]'); scripts/setup installs it")
def test_ray_actors_write_the_same_copies_as_the_local_engine(cli, corpus, tmp_path, pseudonym_key):
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        for name, options in PATHS.items():
            local = batch(cli, corpus, tmp_path / name / "local", options)
            on_ray = batch(cli, corpus, tmp_path / name / "ray", options, "--engine", "ray", "--workers", "2")
            assert on_ray["engine"] == "ray" and on_ray["status"] == local["status"]
            assert outputs(tmp_path / name / "local") == outputs(tmp_path / name / "ray"), name
    finally:
        ray.shutdown()


def test_an_unknown_engine_or_no_workers_is_a_usage_error(cli, corpus, tmp_path):
    code, _, err = cli("batch", corpus, tmp_path / "out", "--workers", "0")
    assert code == 2 and "at least 1" in err
    code, _, err = cli("batch", corpus, tmp_path / "out", "--engine", "spark")
    assert code == 2
    assert not (tmp_path / "out").exists()


def test_ray_without_ray_installed_names_the_extra(monkeypatch, cli, corpus, tmp_path):
    import builtins

    real = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray":
            raise ImportError("no ray")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    code, _, err = cli("batch", corpus, tmp_path / "out", "--path", "anonymise", "--engine", "ray")
    assert code == 2 and "redactor[ray]" in err
