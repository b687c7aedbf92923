"""Disclosure paths are data: validated files, loaded by name, deciding per finding."""
import pytest

from redactor.document import Finding
from redactor.errors import PathDefinitionError, UsageError
from redactor.policy import decide, judge, load_path, shipped_paths

VALID = """
name: local-test
title: Test
paragraph: "9(e)"
description: test path
entities: {PERSON: keep, EMAIL: mask}
"""


def test_the_foundation_paths_are_shipped_and_valid():
    assert {"public", "anonymise"} <= set(shipped_paths())
    assert load_path().name == "public"
    assert load_path("anonymise").never_withhold


@pytest.mark.parametrize("text, field", [
    (VALID.replace("name: local-test", "name: Local Test"), "name"),
    (VALID.replace("PERSON: keep", "PERSON: shred"), "entities.PERSON"),
    (VALID.replace("PERSON: keep", "PERSONS: keep"), "entities"),
    (VALID + "colour: blue\n", "colour"),
    (VALID.replace('paragraph: "9(e)"\n', ""), "paragraph"),
])
def test_an_invalid_path_file_is_refused_naming_the_file_and_field(tmp_path, text, field):
    f = tmp_path / "mine.yaml"
    f.write_text(text)
    with pytest.raises(PathDefinitionError) as err:
        load_path(pipeline_file=f)
    assert str(f) in str(err.value) and repr(field) in str(err.value)
    assert "\n" not in str(err.value)


def test_an_unknown_path_name_lists_the_known_ones():
    with pytest.raises(UsageError, match="public"):
        load_path("no-such-path")


def test_an_organisation_path_decides_keep_and_mask(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(VALID)
    path = load_path(pipeline_file=f)
    text = "Jane Okoro <jane@example.org>"
    findings = [Finding(0, 10, "PERSON", 0.9, "t"), Finding(12, 28, "EMAIL", 1.0, "t")]
    decisions = decide(text, judge(findings, path))
    assert [(d.start, d.end, d.action, d.replacement) for d in decisions] == [(12, 28, "mask", "*" * 16)]


def test_overlapping_findings_are_removed_as_one_region_labelled_by_the_longest():
    text = "It is alleged that Jane Okoro shouted."
    findings = [Finding(0, len(text), "ALLEGATION", 0.7, "t"), Finding(19, 29, "PERSON", 0.9, "t")]
    decisions = decide(text, judge(findings, load_path("public")))
    assert len(decisions) == 1
    assert decisions[0].replacement == "[ALLEGATION]"
    assert "public" in decisions[0].reason and "5(b)" in decisions[0].reason
