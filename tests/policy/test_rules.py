"""Disclosure-path rules: first match wins over roles, entities and the default; content is judged by category."""
import pytest

from redactor.classify import Classification, Label, SectionLabels
from redactor.document import Finding
from redactor.errors import PathDefinitionError
from redactor.policy import decide, judge, load_path, shipped_paths
from redactor.policy.content import judge_sections
from redactor.policy.decide import Context
from redactor.policy.operators import Pseudonyms
from redactor.policy.paths import parse_path

PATHS = {"public", "anonymise", "legal-obligation", "member-support", "third-party-notice", "media-correction",
         "internal-officer", "complainant-outcome", "committee-preparation", "committee-report-back",
         "nec-permission", "subject-access"}


def test_every_path_of_the_code_is_shipped_and_cites_its_paragraph():
    paths = shipped_paths()
    assert PATHS <= set(paths)
    for name in PATHS:
        assert paths[name].paragraph and paths[name].description


@pytest.mark.parametrize("name, needs", [("legal-obligation", "basis"), ("nec-permission", "permission_ref"),
                                         ("subject-access", "subject"), ("member-support", "recipient"),
                                         ("internal-officer", "recipient")])
def test_paths_that_rest_on_a_statement_require_it(name, needs):
    assert needs in load_path(name).requires


def _path(extra: str):
    return parse_path("name: t\ntitle: t\nparagraph: '9'\ndescription: t\n" + extra, "t.yaml")


def test_the_first_matching_rule_decides():
    path = _path("""
default_action: redact
rules:
  - {role: subject, action: keep}
  - {kind: special, action: mask}
entities: {EMAIL: keep}
""")
    assert path.action_for("HEALTH", "subject")[0] == "keep"
    assert path.action_for("HEALTH", "witness")[0] == "mask"
    assert path.action_for("EMAIL", "witness")[0] == "keep"
    assert path.action_for("PHONE", None)[0] == "redact"


def test_a_rule_with_an_unknown_entity_type_is_refused_naming_the_field():
    with pytest.raises(PathDefinitionError, match="rules"):
        _path("rules:\n  - {entity: NAMES, action: keep}\n")


def test_a_path_cannot_both_never_withhold_and_withhold_a_category():
    with pytest.raises(PathDefinitionError, match="never_withhold"):
        _path("never_withhold: true\ncategories: {5a: withhold}\n")


def test_pseudonyms_are_consistent_for_every_mention_of_a_person():
    text = "Amina Yusuf complained. Ms Yusuf was thanked. Jo Price was a witness."
    findings = [Finding(0, 11, "PERSON", 0.9, "t", person="p1", role="complainant"),
                Finding(27, 32, "PERSON", 0.9, "t", person="p1", role="complainant"),
                Finding(46, 54, "PERSON", 0.9, "t", person="p2", role="witness")]
    path = load_path("member-support")
    decisions = decide(text, judge(findings, path), path, Context(Pseudonyms("k")))
    assert [d.replacement for d in decisions] == ["Complainant 1", "Complainant 1", "Witness 1"]


def _classification(text: str, cut: int, first: list[str], second: list[str]) -> Classification:
    def labels(names):
        return [Label(n, 0.9, "5(b)") for n in names] or [Label("none", 1.0, "")]
    sections = [SectionLabels(0, cut, "start", labels(first)), SectionLabels(cut, len(text), "heading", labels(second))]
    return Classification(labels(sorted(set(first + second))), sections)


def test_public_withholds_a_confidential_section_and_keeps_the_rest():
    text = "Branch newsletter: litter pick on Saturday, all welcome.\n\nMinutes: the treasurer reported arrears of three members."
    cut = text.index("Minutes")
    regions, whole = judge_sections(text, _classification(text, cut, [], ["5b-minutes"]), load_path("public"))
    assert whole is None
    assert [(j.finding.start, j.action, j.category) for j in regions] == [(cut, "withhold", "5b-minutes")]


def test_public_withholds_a_document_that_is_wholly_a_confidential_matter():
    text = "Notice of investigation. " * 4 + "\n\n" + "You are alleged to have breached the rules. " * 3
    cut = text.index("You")
    _, whole = judge_sections(text, _classification(text, cut, ["5bc-disciplinary"], ["5bc-disciplinary"]),
                              load_path("public"))
    assert whole is not None and whole.label == "5bc-disciplinary"


def test_a_disclosed_category_overrides_another_that_would_withhold():
    text = "Disputes Panel minutes: the panel heard the member's case and upheld the complaint in full."
    c = _classification(text, 30, ["5b-minutes", "5b-committee", "5bc-disciplinary"],
                        ["5b-minutes", "5b-committee", "5bc-disciplinary"])
    regions, whole = judge_sections(text, c, load_path("member-support"))
    assert regions == [] and whole is None
    regions, whole = judge_sections(text, c, load_path("public"))
    assert whole is not None


def test_a_path_can_print_its_reason_code_on_pdf_boxes():
    text = "Write to Jane Okoro."
    findings = [Finding(9, 19, "PERSON", 0.9, "t")]
    labelled = decide(text, judge(findings, load_path("third-party-notice")), load_path("third-party-notice"))
    plain = decide(text, judge(findings, load_path("anonymise")), load_path("anonymise"))
    assert labelled[0].replacement == "[REDACTED 9(c)]" and labelled[0].box_label == "[REDACTED 9(c)]"
    assert plain[0].replacement == "[PERSON]" and plain[0].box_label is None


def test_a_labelled_pdf_box_shows_white_text_and_an_unlabelled_one_is_solid(tmp_path):
    import pypdfium2 as pdfium
    from documents import write_pdf

    from redactor.formats.pdf.write import render_redacted

    src = write_pdf(tmp_path / "in.pdf")
    page = pdfium.PdfDocument(str(src))[0]
    box = (72.0, 600.0, 300.0, 620.0)
    solid, *_ = render_redacted(page, [(box, None)])
    labelled, *_ = render_redacted(page, [(box, "[REDACTED 9(c)]")])
    def white(image):
        return image.convert("L").histogram()[255]

    assert solid.size == labelled.size and solid.tobytes() != labelled.tobytes()
    assert white(labelled) > white(solid)  # the label is white text printed on the black box


def test_a_withheld_section_cites_the_paragraph_of_its_category():
    text = "Branch newsletter: litter pick on Saturday, all welcome.\n\nMinutes: the treasurer reported arrears of three members."
    cut = text.index("Minutes")
    regions, _ = judge_sections(text, _classification(text, cut, [], ["5b-minutes"]), load_path("public"))
    [decision] = decide(text, regions, load_path("public"))
    assert decision.replacement == "[WITHHELD: 5b-minutes, para. 5(b)]"
