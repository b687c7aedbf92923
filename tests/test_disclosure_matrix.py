"""One case through every disclosure path: what each path keeps and what it removes.

The case (tests/fixtures/case/): Mrs Odette Marchbanks complained about Mr Gareth
Penhaligon; Mr Declan Fairweather was a witness; Priya Ramaswamy is the investigating
officer. Four documents: a notice of investigation (marked STRICTLY CONFIDENTIAL), CLP
executive minutes with a disciplinary item, the outcome letter to the complainant, and a
branch membership export. The parties are given as the user would (a case file), so
these tests are about the policies; role inference from context is tested elsewhere.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from redactor.api import isolated
from redactor.detect import KnownPerson
from redactor.errors import UsageError, Withheld
from redactor.pipeline import Request

CASE = Path(__file__).parent / "fixtures" / "case"
PARTIES = (KnownPerson("Gareth Penhaligon", "subject"), KnownPerson("Odette Marchbanks", "complainant"),
           KnownPerson("Declan Fairweather", "witness"), KnownPerson("Priya Ramaswamy", "officer"))
SUBJECT_IDS = ["Penhaligon", "Gareth", "L4417203", "TR14 8QB", "Tregenna", "gareth.response@glu-example.org.uk"]
NOTICE, MINUTES, OUTCOME, EXPORT = ("notice-of-investigation.txt", "minutes-with-disciplinary-item.txt",
                                    "outcome-letter.txt", "membership-export.txt")


@pytest.fixture(scope="module")
def run(redactor_engine):
    # the case's own pseudonyms: labels numbered from 1 whatever the session redacted before
    engine = isolated(redactor_engine)

    def go(doc: str, path: str, **options) -> str:
        request = Request(path=path, people=PARTIES, **options)
        outcome = engine.redact_bytes((CASE / doc).read_bytes(), doc, request)
        return outcome.output.decode("utf-8")
    return go


def withheld(run, doc, path, **options) -> str:
    with pytest.raises(Withheld) as err:
        run(doc, path, **options)
    return str(err.value)


def absent(text: str, *values: str) -> None:
    left = [v for v in values if v.lower() in text.lower()]
    assert not left, f"still in the output: {left}"


# -- public (default): Confidential Matters are withheld ------------------------------------------------

@pytest.mark.parametrize("doc, category", [(NOTICE, "5bc-disciplinary"), (OUTCOME, "5bc-disciplinary"),
                                           (MINUTES, "5b-minutes"), (EXPORT, "5b-membership")])
def test_public_withholds_every_document_of_the_case(run, doc, category):
    message = withheld(run, doc, "public")
    assert "para." in message and "paths that would permit disclosure" in message
    assert category in message or "5a" in message or "5bc-disciplinary" in message


# -- anonymise: people and disciplinary detail gone, the rest kept, never withheld ---------------------

@pytest.mark.parametrize("doc", [NOTICE, MINUTES, OUTCOME, EXPORT])
def test_anonymise_removes_every_party_and_never_withholds(run, doc):
    text = run(doc, "anonymise")
    absent(text, "Penhaligon", "Marchbanks", "Fairweather", "Ramaswamy", "L4417203", "TR14 8QB")


def test_anonymise_keeps_what_is_not_about_a_person(run):
    assert "litter pick and street stall in Camborne town centre" in run(MINUTES, "anonymise")


# -- legal-obligation (9a) ---------------------------------------------------------------------------

def test_legal_obligation_requires_a_basis(run):
    with pytest.raises(UsageError, match="--basis"):
        run(NOTICE, "legal-obligation")


def test_legal_obligation_keeps_the_case_and_its_parties(run):
    text = run(NOTICE, "legal-obligation", basis="court order 2025/117")
    assert "Gareth Penhaligon" in text and "Odette Marchbanks" in text and "L4417203" in text
    assert "It is alleged that" in text


# -- member-support (9b) -----------------------------------------------------------------------------

def test_member_support_requires_a_recipient(run):
    with pytest.raises(UsageError, match="--recipient"):
        run(NOTICE, "member-support")


def test_member_support_keeps_the_member_and_pseudonymises_complainant_and_witness(run):
    text = run(NOTICE, "member-support", recipient="union representative")
    assert "Gareth Penhaligon" in text and "L4417203" in text and "It is alleged that" in text
    absent(text, "Marchbanks", "Fairweather")
    assert "Complainant 1" in text and "Witness 1" in text


def test_member_support_keeps_the_case_item_of_minutes_and_withholds_the_other_items(run):
    text = run(MINUTES, "member-support", recipient="solicitor")
    assert "formal warning" in text and "Penhaligon" in text
    absent(text, "4,210", "litter pick", "Marchbanks")
    assert "[WITHHELD" in text


def test_member_support_withholds_the_membership_export(run):
    withheld(run, EXPORT, "member-support", recipient="solicitor")


# -- third-party-notice (9c) -------------------------------------------------------------------------

def test_third_party_notice_leaves_only_the_fact_of_an_investigation(run):
    text = run(NOTICE, "third-party-notice")
    absent(text, *SUBJECT_IDS, "Camborne and Redruth CLP", "Pool Branch", "3 February 2025", "24 February 2025",
           "Marchbanks", "Fairweather", "shouted", "liar")
    assert "under investigation" in text and "[REDACTED 9(c)]" in text


def test_third_party_notice_removes_the_outcome(run):
    text = run(OUTCOME, "third-party-notice")
    absent(text, *SUBJECT_IDS, "upheld", "formal warning", "shouted")


# -- media-correction (9d) ---------------------------------------------------------------------------

def test_media_correction_keeps_the_member_and_drops_third_parties_and_evidence(run):
    text = run(OUTCOME, "media-correction")
    assert "Penhaligon" in text and "upheld" in text
    absent(text, "Marchbanks", "Fairweather", "Wheal Harmony", "TR15 1AB", "heard Mr Penhaligon shout")


def test_media_correction_withholds_membership_records(run):
    withheld(run, EXPORT, "media-correction")


# -- internal-officer (9e) ---------------------------------------------------------------------------

def test_internal_officer_requires_a_recipient_and_redacts_minimally(run):
    with pytest.raises(UsageError, match="--recipient"):
        run(NOTICE, "internal-officer")
    text = run(NOTICE, "internal-officer", recipient="GLU case officer")
    for kept in ("Gareth Penhaligon", "Odette Marchbanks", "Declan Fairweather", "L4417203", "It is alleged that"):
        assert kept in text


# -- complainant-outcome (9f) ------------------------------------------------------------------------

def test_complainant_outcome_keeps_only_the_outcome(run):
    text = run(OUTCOME, "complainant-outcome")
    assert "The panel upheld your complaint." in text
    assert "Odette Marchbanks" in text or "Mrs Marchbanks" in text
    absent(text, "Penhaligon", "Fairweather", "shouted", "liar", "heard", "written response",
           "Governance and Legal Unit")


# -- committee-preparation and committee-report-back (6) ---------------------------------------------

def test_committee_preparation_withholds_strictly_confidential_material(run):
    message = withheld(run, NOTICE, "committee-preparation")
    assert "5a" in message


def test_committee_preparation_keeps_minutes_that_are_not_strictly_confidential(run):
    text = run(MINUTES, "committee-preparation")
    assert "Penhaligon" in text and "litter pick" in text


def test_committee_report_back_keeps_decisions_and_drops_people_and_detail(run):
    text = run(MINUTES, "committee-report-back")
    assert "formal warning" in text and "litter pick" in text
    absent(text, "Penhaligon", "Marchbanks", "Tresize", "Pascoe", "shouted", "liar")
    withheld(run, EXPORT, "committee-report-back")


# -- nec-permission (8) ------------------------------------------------------------------------------

def test_nec_permission_requires_a_reference_and_records_it(redactor_engine, run):
    with pytest.raises(UsageError, match="--permission-ref"):
        run(NOTICE, "nec-permission")
    request = Request(path="nec-permission", people=PARTIES, permission_ref="GS/2025/14")
    outcome = redactor_engine.redact_bytes((CASE / NOTICE).read_bytes(), NOTICE, request)
    text = outcome.output.decode()
    assert outcome.report["path"]["permission_ref"] == "GS/2025/14"
    assert "Penhaligon" in text
    absent(text, "Marchbanks", "Fairweather")
    withheld(run, EXPORT, "nec-permission", permission_ref="GS/2025/14")


# -- subject-access ----------------------------------------------------------------------------------

def test_subject_access_requires_the_requester():
    from redactor.policy import load_path

    with pytest.raises(UsageError, match="--subject"):
        Request(path="subject-access").check(load_path("subject-access"))


def test_subject_access_keeps_the_requesters_data_and_no_one_elses(run):
    text = run(EXPORT, "subject-access")
    assert "Gareth Penhaligon" in text and "L4417203" in text
    absent(text, "Marchbanks", "Fairweather", "Angwin", "L5520914", "odette.m@", "07700 900288", "Chapel Row")
