"""Roles: every person found gets a role with a reason, and personal data is linked to its owner.

The texts are small invented documents; each test states one rule.
"""
import re

import pytest

from redactor.detect import KnownPerson
from redactor.detect.roles import ROLES, normalise_role
from redactor.formats.text import PlainText


def detect(detector, text, known=()):
    doc = PlainText().read(text.encode(), "x.txt")
    return doc.text, detector.detect(doc, list(known))


def role_of(detector, text, name, known=()):
    """(role, reason) of the person mentioned as ``name`` (every mention of them must agree)."""
    text, findings = detect(detector, text, known)
    found = {(f.role, f.role_reason) for f in findings if f.entity_type == "PERSON" and text[f.start:f.end] == name}
    assert len(found) == 1, f"{name!r}: {found or 'not found'}"
    return found.pop()


def owner_of(detector, text, value, known=()):
    """The first mention of the person the finding ``value`` is linked to (None if unlinked), and its role."""
    text, findings = detect(detector, text, known)
    finding = next(f for f in findings if f.entity_type != "PERSON" and text[f.start:f.end] == value)
    if finding.person is None:
        return None, finding.role
    mention = next(f for f in findings if f.entity_type == "PERSON" and f.person == finding.person)
    return text[mention.start:mention.end], finding.role


NOTICE = """Our ref: GLU-2026-0042

Mr Teodor Halvorsen
12 Quarry Bank Road
Stockport
SK4 2AB

Dear Mr Halvorsen,

Notice of investigation

The Party has received a complaint about your conduct. This letter is your formal notice of
investigation. It is alleged that you shouted at another member at the branch meeting.

Yours sincerely,

Wilhelmina Ashcombe
Regional Director, North West
"""

OUTCOME = """Dear Ms Pemberton-Oakes,

Outcome of your complaint

Thank you for your patience while the panel considered your complaint. The panel found the
charge proved and issued a formal warning.

Yours sincerely,

Lucian Farquharson
Complaints Manager
"""


# --- letters: the addressee and the signatory ------------------------------------------------------

def test_the_addressee_of_a_notice_of_investigation_is_the_subject(detector):
    assert role_of(detector, NOTICE, "Halvorsen") == ("subject", "addressee of a notice of investigation")


def test_the_addressee_of_an_outcome_letter_about_their_complaint_is_the_complainant(detector):
    role, reason = role_of(detector, OUTCOME, "Pemberton-Oakes")
    assert role == "complainant"
    assert "complaint" in reason


def test_the_signatory_of_an_official_letter_is_an_officer(detector):
    assert role_of(detector, NOTICE, "Wilhelmina Ashcombe") == ("officer", "signatory of an official letter")


def test_the_addressee_of_a_letter_that_says_nothing_of_the_case_keeps_the_default(detector):
    text = "Dear Mr Halvorsen,\n\nThank you for your help with the summer fete.\n\nBest wishes,\nJune Okafor-Lindqvist\n"
    assert role_of(detector, text, "Halvorsen")[0] == "third_party"


def test_an_email_to_a_member_about_their_suspension_makes_them_the_subject(detector):
    text = ("From: Casimir Brandauer <casimir.brandauer@labour.org.uk>\n"
            "To: Ottoline Varga <ottoline.varga@mailbox.example.net>\n"
            "Subject: Your membership\n\n"
            "Dear Ottoline,\n\n"
            "I am writing to tell you that you have been placed under administrative suspension.\n\n"
            "Casimir\n")
    assert role_of(detector, text, "Ottoline Varga")[0] == "subject"


def test_the_sender_who_writes_to_make_a_complaint_is_the_complainant(detector):
    text = ("From: Ottoline Varga <ottoline.varga@mailbox.example.net>\n"
            "To: Casimir Brandauer <casimir.brandauer@mailbox.example.net>\n"
            "Subject: Branch meeting\n\n"
            "Hi Casimir,\n\n"
            "I want to make a complaint about what was said at the meeting.\n\n"
            "Ottoline\n")
    assert role_of(detector, text, "Ottoline Varga")[0] == "complainant"


# --- phrases -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, role", [
    ("The complaint was submitted by Ms Rosalind Ekwueme on 3 March.", "Rosalind Ekwueme", "complainant"),
    ("A complaint from Mr Barnaby Quist reached the office last week.", "Barnaby Quist", "complainant"),
    ("Mr Barnaby Quist has complained to the regional office.", "Barnaby Quist", "complainant"),
    ("We have received a complaint about Cllr Hortensia Blom.", "Hortensia Blom", "subject"),
    ("The region confirmed that Cllr Hortensia Blom has been placed under administrative suspension.",
     "Hortensia Blom", "subject"),
    ("The hearing in the case of Mr Evander Kowalczyk is listed for June.", "Evander Kowalczyk", "subject"),
    ("The panel read the statement of Mrs Imelda Vasquez-Hart before the hearing.", "Imelda Vasquez-Hart", "witness"),
    ("A branch member, Mr Leopold Achterberg, has given a short written account.", "Leopold Achterberg", "witness"),
    ("The investigating officer, Ms Saoirse Delacroix, will contact you.", "Saoirse Delacroix", "officer"),
    ("The investigation will be carried out by Ms Saoirse Delacroix.", "Saoirse Delacroix", "officer"),
])
def test_phrases_around_a_name_give_its_role(detector, sentence, name, role):
    assert role_of(detector, sentence + "\n", name)[0] == role


@pytest.mark.parametrize("line, name", [
    ("Please contact Augustin Ferreira-Lamb, Regional Director, with any questions.", "Augustin Ferreira-Lamb"),
    ("Augustin Ferreira-Lamb (Senior Investigations Officer) attended.", "Augustin Ferreira-Lamb"),
])
def test_a_staff_title_after_a_name_makes_an_officer(detector, line, name):
    assert role_of(detector, line + "\n", name) == ("officer", "named with a staff title")


def test_a_branch_office_is_a_weaker_cue_than_a_case_role(detector):
    text = "The complaint was made by Ms Philippa Undset, secretary of Eastgate branch, on 2 May.\n"
    assert role_of(detector, text, "Philippa Undset")[0] == "complainant"


def test_a_negated_phrase_gives_no_role(detector):
    text = "Please do not record this as a complaint against Ms Rosalind Ekwueme.\n"
    assert role_of(detector, text, "Rosalind Ekwueme")[0] == "third_party"


# --- labelled fields and tables ------------------------------------------------------------------------

@pytest.mark.parametrize("label, role", [
    ("Respondent", "subject"),
    ("Member under investigation", "subject"),
    ("Complainant", "complainant"),
    ("Witness", "witness"),
    ("Investigating officer", "officer"),
    ("Panel", "officer"),
])
def test_a_labelled_field_gives_its_role(detector, label, role):
    text = f"Case ref: NCC-2026-0077\n{label}: Mr Florian Castellanos\nHearing: 4 June 2026\n"
    role_found, reason = role_of(detector, text, "Florian Castellanos")
    assert role_found == role
    assert label.lower() in reason


def test_every_name_in_a_labelled_list_gets_the_role(detector):
    text = "Panel members: Ingrid Solberg (chair), Matthias Oyelaran, Perpetua Villiers\n"
    for name in ("Matthias Oyelaran", "Perpetua Villiers"):
        assert role_of(detector, text, name)[0] == "officer"


def test_member_is_the_subject_only_beside_a_case_reference(detector):
    case = "Case ref       NCC-2026-0091\nStatus         Open\nMember         Mr Desmond Fairclough\n"
    listing = "Branch         Eastgate\nJoined         2019\nMember         Mr Desmond Fairclough\n"
    assert role_of(detector, case, "Desmond Fairclough")[0] == "subject"
    assert role_of(detector, listing, "Desmond Fairclough")[0] == "third_party"


def test_a_table_column_headed_with_a_role_gives_it(detector):
    text = ("Case ref        Complainant              Respondent\n"
            "-------------   ----------------------   ----------------------\n"
            "NCC-2026-0101   Ms Annika Thorvaldsen    Mr Gideon Ramaswamy\n")
    assert role_of(detector, text, "Annika Thorvaldsen")[0] == "complainant"
    assert role_of(detector, text, "Gideon Ramaswamy")[0] == "subject"


def test_a_role_in_brackets_beats_the_column_heading(detector):
    text = ("Witness                              Called by    Attendance\n"
            "----------------------------------   ----------   ----------\n"
            "Annika Thorvaldsen (complainant)     Presenter    By video\n"
            "Gideon Ramaswamy                     Presenter    In person\n")
    assert role_of(detector, text, "Annika Thorvaldsen")[0] == "complainant"
    assert role_of(detector, text, "Gideon Ramaswamy")[0] == "witness"


def test_minutes_present_list_officers_by_office_others_third_parties(detector):
    text = ("Minutes of the branch meeting, 2 April 2026\n\n"
            "Present: Ingrid Solberg (Chair), Matthias Oyelaran (Secretary), Perpetua Villiers, Desmond Fairclough\n"
            "Apologies: Gideon Ramaswamy\n")
    assert role_of(detector, text, "Ingrid Solberg")[0] == "officer"
    assert role_of(detector, text, "Matthias Oyelaran")[0] == "officer"
    assert role_of(detector, text, "Perpetua Villiers")[0] == "third_party"
    assert role_of(detector, text, "Gideon Ramaswamy")[0] == "third_party"


def test_a_register_row_with_a_sanction_names_its_subject(detector):
    text = ("Name                   Branch     Status\n"
            "--------------------   --------   -------------------------\n"
            "Mr Gideon Ramaswamy    Eastgate   Administrative suspension\n"
            "Ms Perpetua Villiers   Eastgate   Active\n")
    assert role_of(detector, text, "Gideon Ramaswamy")[0] == "subject"
    assert role_of(detector, text, "Perpetua Villiers")[0] == "third_party"


# --- defaults, conflicts and reasons -------------------------------------------------------------------

def test_a_person_without_any_cue_is_a_third_party_with_a_reason(detector):
    assert role_of(detector, "Ms Cordula Whitlock-Ames ran the raffle.\n", "Cordula Whitlock-Ames") == (
        "third_party", "no role cue in the document")


def test_cues_for_two_case_roles_make_a_third_party(detector):
    text = ("Complainant: Mr Barnaby Quist\n\n"
            "We have received a complaint about Mr Barnaby Quist.\n")
    assert role_of(detector, text, "Barnaby Quist") == ("third_party", "cues for more than one role")


def test_every_person_has_a_role_and_no_reason_quotes_the_document(detector):
    text, findings = detect(detector, NOTICE + OUTCOME)
    people = [f for f in findings if f.entity_type == "PERSON"]
    assert people
    words = {w.lower() for f in people for w in re.findall(r"\w+", text[f.start:f.end])}
    for f in people:
        assert f.role in ROLES
        assert f.role_reason
        assert not words & {w.lower() for w in re.findall(r"\w+", f.role_reason)}


def test_a_public_figure_is_named_only_outside_a_case_file(detector):
    statement = "Rosamund Achebe-Holt MP welcomed the new community centre.\n"
    assert role_of(detector, statement, "Rosamund Achebe-Holt")[0] == "public_figure"
    case = statement + "Our ref: NCC-2026-0113\n"
    assert role_of(detector, case, "Rosamund Achebe-Holt")[0] == "third_party"


# --- the user's roles and aliases ----------------------------------------------------------------------

def test_a_role_given_by_the_user_wins_over_the_document(detector):
    role = role_of(detector, NOTICE, "Halvorsen", [KnownPerson("Teodor Halvorsen", "witness")])
    assert role == ("witness", "given by the user")


def test_a_person_the_user_names_without_a_role_gets_one_from_the_document(detector):
    assert role_of(detector, NOTICE, "Halvorsen", [KnownPerson("Teodor Halvorsen")])[0] == "subject"


def test_aliases_the_user_gives_are_found_as_the_same_person(detector):
    text = "Mr Roderick Penhallow attended. Later Dickie said he would appeal, and Rod P. agreed.\n"
    known = [KnownPerson("Roderick Penhallow", "subject", ("Dickie", "Rod P."))]
    text, findings = detect(detector, text, known)
    people = {text[f.start:f.end]: (f.person, f.role) for f in findings if f.entity_type == "PERSON"}
    assert people["Dickie"] == people["Roderick Penhallow"]
    assert people["Rod P."] == people["Roderick Penhallow"]
    assert people["Dickie"][1] == "subject"


def test_an_alias_is_not_found_without_the_user(detector):
    text = "Mr Roderick Penhallow attended. Later Dickie said he would appeal.\n"
    text, findings = detect(detector, text)
    assert "Dickie" not in {text[f.start:f.end] for f in findings if f.entity_type == "PERSON"}


def test_two_people_the_user_names_are_not_merged_for_sharing_a_surname(detector):
    known = [KnownPerson("Amara Lindqvist", "subject"), KnownPerson("Jonas Lindqvist", "witness")]
    text = "Amara Lindqvist and Jonas Lindqvist both attended.\n"
    assert role_of(detector, text, "Amara Lindqvist", known)[0] == "subject"
    assert role_of(detector, text, "Jonas Lindqvist", known)[0] == "witness"


@pytest.mark.parametrize("given, role", [("other", "third_party"), ("Third party", "third_party"),
                                         ("Complainant", "complainant"), (None, None)])
def test_roles_are_normalised(given, role):
    assert normalise_role(given) == role
    assert KnownPerson("Ada Lovelock", given).role == role


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError, match="unknown role"):
        KnownPerson("Ada Lovelock", "boss")


# --- ownership -----------------------------------------------------------------------------------------

def test_the_findings_on_a_table_row_belong_to_its_person(detector):
    text = ("Membership no.   Name                   Email                          Phone\n"
            "--------------   --------------------   ----------------------------   ------------\n"
            "L7712045         Ms Perpetua Villiers   pvilliers@mailbox.example.net   07700 900731\n"
            "L7712046         Mr Gideon Ramaswamy    gram@mailbox.example.net        07700 900732\n")
    assert owner_of(detector, text, "07700 900731")[0] == "Perpetua Villiers"
    assert owner_of(detector, text, "L7712046")[0] == "Gideon Ramaswamy"


LOG = ("Complaints log - extract\n\n"
       "Ref           Complainant          Respondent             Received     Owner\n"
       "-----------   ------------------   --------------------   ----------   -----\n"
       "CMP-25-0415   Ottoline Pargeter    Cllr Radomir Vukasin   11/03/2025   SK\n"
       "CMP-25-0422   Regional office      Cllr Radomir Vukasin   14/03/2025   SK\n")


def test_a_date_on_a_row_naming_several_people_none_the_subject_is_third_party_data(detector):
    # the requester is someone else: the row is about two other people; the officer's initials do not count
    known = [KnownPerson("Fenwick Aldous", "subject")]
    assert owner_of(detector, LOG + "\nRequested by Fenwick Aldous.\n", "11/03/2025", known) == (None, "third_party")


def test_a_date_on_a_row_naming_one_person_and_the_officer_who_owns_the_case_takes_their_role(detector):
    assert role_of(detector, LOG, "SK")[0] == "officer"  # the "Owner" column
    assert owner_of(detector, LOG, "14/03/2025") == (None, "subject")


def test_a_row_naming_the_subject_and_another_person_gives_no_role(detector):
    known = [KnownPerson("Ottoline Pargeter", "subject")]
    assert owner_of(detector, LOG, "11/03/2025", known) == (None, None)


def test_the_address_block_under_a_name_belongs_to_them_and_takes_their_role(detector):
    assert owner_of(detector, NOTICE, "SK4 2AB") == ("Teodor Halvorsen", "subject")
    assert owner_of(detector, NOTICE, "12 Quarry Bank Road") == ("Teodor Halvorsen", "subject")


def test_an_identifier_in_brackets_after_a_name_belongs_to_that_name(detector):
    text = "A complaint was made by Ms Rosalind Ekwueme (membership no. L5523190) and Mr Barnaby Quist.\n"
    assert owner_of(detector, text, "L5523190")[0] == "Rosalind Ekwueme"


def test_an_email_address_belongs_to_the_person_its_local_part_names(detector):
    text = ("Ms Rosalind Ekwueme and Mr Barnaby Quist attended.\n\n"
            "Copies were sent to r.ekwueme@mailbox.example.net and to the branch.\n")
    assert owner_of(detector, text, "r.ekwueme@mailbox.example.net")[0] == "Rosalind Ekwueme"


def test_a_labelled_field_block_belongs_to_the_person_in_its_name_field(detector):
    text = ("Name:            Mrs Imelda Vasquez-Hart\n"
            "Date of birth:   14/02/1971\n"
            "Telephone:       07700 900455\n"
            "Interviewed by:  Saoirse Delacroix\n")
    assert owner_of(detector, text, "07700 900455")[0] == "Imelda Vasquez-Hart"
    assert owner_of(detector, text, "14/02/1971")[0] == "Imelda Vasquez-Hart"


def test_what_a_letter_says_to_you_belongs_to_its_addressee(detector):
    owner, role = owner_of(detector, NOTICE, "It is alleged that you shouted at another member at the branch meeting.")
    assert (owner, role) == ("Teodor Halvorsen", "subject")


def test_a_health_detail_belongs_to_the_one_person_its_sentence_names(detector):
    text = "Ms Perpetua Villiers has asked for large-print papers because of her visual impairment.\n"
    assert owner_of(detector, text, "visual impairment")[0] == "Perpetua Villiers"


def test_a_detail_about_a_relative_is_not_linked_to_the_person_named(detector):
    text = "Ms Perpetua Villiers asked for calls after four because of her son's autism.\n"
    assert owner_of(detector, text, "autism")[0] is None


def test_a_sentence_naming_two_people_links_nobody(detector):
    text = "Ms Perpetua Villiers told Mr Gideon Ramaswamy about the diagnosis of diabetes.\n"
    assert owner_of(detector, text, "diabetes")[0] is None


def test_the_phone_and_email_in_a_signature_block_belong_to_the_signatory(detector):
    text = ("Dear Mr Halvorsen,\n\nPlease find the papers enclosed.\n\nYours sincerely,\n\n"
            "Wilhelmina Ashcombe\nInvestigations Officer\n0161 496 0733\nw.ashcombe@labour.org.uk\n")
    assert owner_of(detector, text, "0161 496 0733") == ("Wilhelmina Ashcombe", "officer")


def test_a_number_the_writer_gives_as_their_own_belongs_to_the_writer(detector):
    text = ("Dear Mr Halvorsen,\n\nIf you have any questions, please contact me on 0161 496 0733.\n\n"
            "Yours sincerely,\n\nWilhelmina Ashcombe\nInvestigations Officer\n")
    assert owner_of(detector, text, "0161 496 0733")[0] == "Wilhelmina Ashcombe"


def test_a_number_after_a_name_it_is_not_given_for_is_not_linked_to_it(detector):
    text = "Mr Gideon Ramaswamy would like a call back from Ms Perpetua Villiers on 07700 900731.\n"
    assert owner_of(detector, text, "07700 900731")[0] is None


def test_surname_and_forename_cells_of_a_row_are_one_person(detector):
    text = ("ID         SURNAME      Forename    Phone\n"
            "--------   ----------   ---------   ------------\n"
            "A7700001   VILLIERS     Perpetua    07700 900731\n"
            "A7700002   RAMASWAMY    Gideon      07700 900732\n")
    text, findings = detect(detector, text)
    phone = next(f for f in findings if text[f.start:f.end] == "07700 900731")
    row = {f.person for f in findings if f.entity_type == "PERSON" and text[f.start:f.end] in ("VILLIERS", "Perpetua")}
    assert phone.person is not None and phone.person in row


def test_the_author_of_a_witness_statement_is_a_witness(detector):
    text = ("Witness statement - branch investigation\n\n"
            "I, Leopold Achterberg, of 4 Mill Lane, Leeds, will say as follows.\n\n"
            "I was at the branch meeting and saw the argument between two members.\n\n"
            "Signed: L. Achterberg\n")
    assert role_of(detector, text, "Leopold Achterberg") == ("witness", "author of a witness statement")


def test_the_author_of_a_letter_that_is_not_a_statement_is_not_a_witness(detector):
    text = ("Dear Mr Halvorsen,\n\nThank you for the minutes of the last meeting.\n\n"
            "Yours sincerely,\n\nLeopold Achterberg\n")
    assert role_of(detector, text, "Leopold Achterberg")[0] == "third_party"


def test_when_the_user_names_the_subject_no_one_else_is_taken_for_the_subject(detector):
    text = ("Dear Mr Tomasz Wierzbicki,\n\nNotice of investigation\n\nThe Party has received a complaint about "
            "your conduct at the branch meeting.\n\nYours sincerely,\nRegional Director\n")
    assert role_of(detector, text, "Tomasz Wierzbicki")[0] == "subject"
    named = [KnownPerson("Halina Broda", "subject")]
    assert role_of(detector, text, "Tomasz Wierzbicki", named)[0] == "third_party"


def test_a_reference_and_the_cells_after_it_are_no_street_address(detector):
    text = ("Case          Complainant        Respondent       Opened\n"
            "CMP-25-0415   Kwon Hye-jin       Ashleigh Lane    11/03/2025\n")
    doc = PlainText().read(text.encode(), "x.txt")
    assert not [f for f in detector.detect(doc) if f.entity_type == "ADDRESS"]
