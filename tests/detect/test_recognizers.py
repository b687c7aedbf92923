"""Each kind of personal data the public and anonymise paths must remove, and look-alikes they must keep."""
import pytest

from redactor.formats.text import PlainText


def found(detector, text):
    doc = PlainText().read(text.encode(), "x.txt")
    return {(f.entity_type, doc.text[f.start:f.end]) for f in detector.detect(doc)}


@pytest.mark.parametrize("text, entity_type, value", [
    ("Write to jane.okoro@example.org today.", "EMAIL", "jane.okoro@example.org"),
    ("Imogen Tallowfield wrote to the committee.", "PERSON", "Imogen Tallowfield"),  # opens the sentence
    ("Mr Costigan opposes the assisted dying bill.", "POLITICAL_OPINION", "opposes the assisted dying bill"),
    ("Ms Berzina. Voting Alba.", "POLITICAL_OPINION", "Voting Alba"),
    ("Mr Smith is a Remainer, he told me.", "POLITICAL_OPINION", "Remainer"),
    ("He defected to Reform UK last year.", "POLITICAL_OPINION", "defected to Reform UK last year"),
    ("He said that she had been selected as a Green Party candidate.", "POLITICAL_OPINION",
     "selected as a Green Party candidate"),
    ("The conduct complained of is that you then sent her a direct message.", "ALLEGATION",
     "The conduct complained of is that you then sent her a direct message."),
    ("Concern has been raised that she used the ward's page to endorse a rival.", "ALLEGATION",
     "Concern has been raised that she used the ward's page to endorse a rival."),
    ("Call me on 07700 900123 please.", "PHONE", "07700 900123"),
    ("Our office number is +44 20 7946 0123.", "PHONE", "+44 20 7946 0123"),
    ("Ring (0161) 496 0000 after five.", "PHONE", "(0161) 496 0000"),
    ("Her Paris number is +33 1 42 68 53 00.", "PHONE", "+33 1 42 68 53 00"),
    ("She lives at 14 Elm Grove, Stockport, SK4 2AB.", "ADDRESS", "14 Elm Grove"),
    ("She lives at 14 Elm Grove, Stockport, SK4 2AB.", "ADDRESS", "Stockport"),
    ("She lives at 14 Elm Grove, Stockport, SK4 2AB.", "POSTCODE", "SK4 2AB"),
    ("His date of birth is 12/03/1985.", "DATE", "12/03/1985"),
    ("Your hearing will be held on 4 November 2025.", "DATE", "4 November 2025"),
    ("National Insurance number: AB 12 34 56 C.", "NINO", "AB 12 34 56 C"),
    ("NHS number 943 476 5919 is on file.", "NHS_NUMBER", "943 476 5919"),
    ("Membership: L1234567 (lapsed).", "MEMBERSHIP_NO", "L1234567"),
    ("Your membership number 4417302 is suspended.", "MEMBERSHIP_NO", "4417302"),
    ("Quote membership no. A-00912 in replies.", "MEMBERSHIP_NO", "A-00912"),
    ("Membership number (if known): K-209-4416", "MEMBERSHIP_NO", "K-209-4416"),
    ("Case NCC-2024-0173 is listed.", "CASE_REF", "NCC-2024-0173"),
    ("Please quote our ref LP/DISC/2291 in any reply.", "CASE_REF", "LP/DISC/2291"),
    ("The post came from 192.168.10.24 at midnight.", "IP_ADDRESS", "192.168.10.24"),
    ("He posts as @jsmith_labour every day.", "HANDLE", "@jsmith_labour"),
    ("You are placed under administrative suspension.", "SANCTION", "administrative suspension"),
    ("The panel issued you a formal warning.", "SANCTION", "formal warning"),
    ("It is alleged that you shared abusive posts about a councillor.", "ALLEGATION",
     "It is alleged that you shared abusive posts about a councillor."),
    ("She told us she has severe depression.", "HEALTH", "severe depression"),
    ("He is a practising Muslim.", "RELIGION", "practising Muslim"),
    ("She is a shop steward for Unison and a member of Unison.", "TRADE_UNION", "member of Unison"),
    ("He said he is gay.", "SEXUAL_ORIENTATION", "gay"),
    ("She described herself as Black British.", "ETHNICITY", "Black British"),
    ("He is a supporter of the Green Party.", "POLITICAL_OPINION", "supporter of the Green Party"),
])
def test_each_kind_of_personal_data_is_found(detector, text, entity_type, value):
    assert (entity_type, value) in found(detector, text)


@pytest.mark.parametrize("text, entity_type", [
    ("The Party's rules provide for administrative suspension in serious cases.", "SANCTION"),
    ("The new policy on health and wellbeing was published on 3 June 2025.", "DATE"),
    ("COVID-19 changed how branches meet.", "CASE_REF"),
    ("Mental health charities welcomed the announcement.", "HEALTH"),
    ("Email the press office for details.", "EMAIL"),
    ("Dear Ms [PERSON], you said that [ALLEGATION] was wrong.", "ALLEGATION"),  # redactor's own mark
])
def test_look_alikes_without_a_person_are_kept(detector, text, entity_type):
    assert not any(t == entity_type for t, _ in found(detector, text))


def test_an_identifier_found_once_is_found_wherever_it_recurs(detector):
    text = "Membership number: L7654321.\n\nLater the file L7654321 was closed."
    assert [v for t, v in found(detector, text) if t == "MEMBERSHIP_NO"] == ["L7654321"]
    doc = PlainText().read(text.encode(), "x.txt")
    assert sum(f.entity_type == "MEMBERSHIP_NO" for f in detector.detect(doc)) == 2


def test_a_titled_name_stops_before_an_address_line_under_it(detector):
    names = {v for t, v in found(detector, "Mr Fearghal Magennis\nApartment 5, 41 Malone Avenue\nBelfast\n")
             if t == "PERSON"}
    assert names == {"Fearghal Magennis"}


@pytest.mark.parametrize("text, name", [
    ("Yours sincerely,\n\nThu Trang Vo\nComplaints Officer\n", "Thu Trang Vo"),
    ("Present: Sun Li, the treasurer.", "Sun Li"),
])
def test_a_day_abbreviation_can_start_a_name(detector, text, name):
    assert ("PERSON", name) in found(detector, text)


def test_a_day_abbreviation_before_a_number_is_a_date_not_a_name(detector):
    assert not [v for t, v in found(detector, "The hearing is on Thu 14 March 2025 at 10am.") if t == "PERSON"]
