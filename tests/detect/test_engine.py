"""The analyzer: one per process, the right recognizers, only the spaCy components detection needs."""
import pytest

from redactor.detect.engine import DEFAULT_MODEL, analyzer
from redactor.errors import UsageError


def test_the_analyzer_is_built_once_per_process_and_model():
    assert analyzer() is analyzer(DEFAULT_MODEL)


def test_only_the_components_detection_needs_are_loaded():
    pipes = analyzer().nlp_engine.nlp["en"].pipe_names
    assert "ner" in pipes and "sentencizer" in pipes
    assert "parser" not in pipes


@pytest.mark.parametrize("name", ["UkNinoRecognizer", "NhsRecognizer", "UkPostcodeRecognizer", "PhoneRecognizer",
                                  "OfflineEmailRecognizer", "Membership number", "Case reference",
                                  "TitledNameRecognizer", "TableColumnRecognizer"])
def test_uk_and_redactor_recognizers_are_on(name):
    assert name in {r.name for r in analyzer().registry.recognizers}


@pytest.mark.parametrize("name", ["UsSsnRecognizer", "UsLicenseRecognizer", "UsPassportRecognizer",
                                  "UsBankRecognizer", "UsItinRecognizer", "EmailRecognizer"])
def test_us_only_recognizers_and_the_online_email_check_are_off(name):
    assert name not in {r.name for r in analyzer().registry.recognizers}


def test_a_model_that_is_not_installed_is_a_usage_error_naming_it():
    with pytest.raises(UsageError, match="no_such_model_xyz"):
        analyzer("no_such_model_xyz")


def test_the_cli_refuses_an_unknown_model_in_one_line(cli, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Dear Ms Okoro,\n")
    code, _, err = cli("redact", src, "-o", tmp_path / "b.txt", "--model", "no_such_model_xyz")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "no_such_model_xyz" in err
    assert not (tmp_path / "b.txt").exists()
