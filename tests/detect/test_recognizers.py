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
    # identifiers as case systems, copiers and membership records print them
    ("Fabiola, thanks - now logged as SWR#3381/25.", "CASE_REF", "SWR#3381/25"),
    ("our ref: WM:INV:25:0719", "CASE_REF", "WM:INV:25:0719"),
    ("GLU ref YH/GLU/25:0407. Known as Oyuna.", "CASE_REF", "YH/GLU/25:0407"),
    ("CONFIDENTIAL - case SW/INV/25.0552", "CASE_REF", "SW/INV/25.0552"),
    ("resp. Tamsin Orrell (m'ship M#21177403), admin susp.", "MEMBERSHIP_NO", "M#21177403"),
    ("Mem. no. L.0551.887.3. Charge was that he shouted.", "MEMBERSHIP_NO", "L.0551.887.3"),
    ("Member since 1 May 1998 - memb. no. WM0093-30718", "MEMBERSHIP_NO", "WM0093-30718"),
    ("Respondent mem no: A-09 3381 46", "MEMBERSHIP_NO", "A-09 3381 46"),
    ("Membership number            0032 119H", "MEMBERSHIP_NO", "0032 119H"),
    ("Tamsin Orrell       (07700) 900712   t.orrell@example.com", "PHONE", "(07700) 900712"),
    ("Achieng Okoth, Independent Advocate, 07700/900216", "PHONE", "07700/900216"),
    ("Mr B. Tromans\n2 Cinder Bank\nDUDLEY\nDY2  9AE\n", "POSTCODE", "DY2  9AE"),
    ("Complaint already with region, ref NW/GLU-25/0658(WK). Exec only notes.", "CASE_REF", "NW/GLU-25/0658(WK)"),
    ("DP25/T-031   ALAGOA T.   admin susp.", "CASE_REF", "DP25/T-031"),
    ("cc: case file EoE/NOI/25-1187", "CASE_REF", "EoE/NOI/25-1187"),
    ("Ref. YH-DP 25/0388(R)", "CASE_REF", "YH-DP 25/0388(R)"),
    ("Labour South West - investigation SWR/25/STMT-0217/c - statement", "CASE_REF", "SWR/25/STMT-0217/c"),
    ("Respondent        Kedar Pendse, membership LP 0471 553 08", "MEMBERSHIP_NO", "LP 0471 553 08"),
    ("resp. H. Karatas (mem. EAL 55 0193 27).", "MEMBERSHIP_NO", "EAL 55 0193 27"),
    ("Your complaint v. Mr Pravin Ladwa (mem. LE5:00417762) - outcome", "MEMBERSHIP_NO", "LE5:00417762"),
    ("Mem. no.              TH 2291 0046 X", "MEMBERSHIP_NO", "TH 2291 0046 X"),
    ("Nazmin Shikder, contact 07700 900 6 41 / evenings", "PHONE", "07700 900 6 41"),
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
    ("TEL:0141 496 0000 for the press office.", "CASE_REF"),
    ("Item EC25/017 was agreed at the AGM 2024/25.", "CASE_REF"),
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


@pytest.mark.parametrize("text, value", [
    ("Received: 2025-10-16T21:37 web form", "2025-10-16T21:37"),
    ("Sent: 2025/07/21 09:12", "2025/07/21"),
    ("Heaton - current (since 2019-Mar-04)", "2019-Mar-04"),
    ("Manningham - new, joined 04MAR25", "04MAR25"),
    ("Manningham - lapsed Jan '25", "Jan '25"),
    ("Sent: 3 Nov. '25 11:05", "3 Nov. '25"),
    ("Date received   2 Jun 25, via online form", "2 Jun 25"),
    ("Date and place     06 10 2025, by video call", "06 10 2025"),
    ("Dated: 14 . 7 . 2025 [as written]", "14 . 7 . 2025"),
    ("It took effect on Tues 21.10, the day of the hearing.", "Tues 21.10"),
    ("[pasted from WhatsApp, 24/06, 21:52]", "24/06"),
    ("Complaint dated   07/x/25", "07/x/25"),
    ("admin susp. since 2025-6-9. compl.", "2025-6-9"),
    ("DD failed 2024-11. moved from St Peter Port", "2024-11"),
    ("Attend Party mtgs     01 Jul 25      no CLP or branch meetings", "01 Jul 25"),
    ("Date: twentieth September 2025", "twentieth September 2025"),
])
def test_dates_in_the_shapes_systems_and_forms_print_them(text, value):
    from redactor.detect.recognizers.case_date import DATE

    assert value in [m.group() for m in DATE.finditer(text)]


@pytest.mark.parametrize("text", ["On 2 June 25 people came.", "Tel 0141 06 10 2025", "Rule 2.1.1 of 2025"])
def test_numbers_that_are_no_dates(text):
    from redactor.detect.recognizers.case_date import DATE

    assert not [m.group() for m in DATE.finditer(text) if "25 people" in m.group() or "06 10" in m.group()
                or "2.1" in m.group()]


def test_a_letter_address_block_is_an_address_line_by_line(detector):
    text = ("Mr H. Duckworth\nHigher Laithe Cottage\nHurstwood Lane, Worsthorne\nBURNLEY, Lancs\nBB10  3LR\n\n"
            "Dear Mr Duckworth,\n")
    addresses = {v for t, v in found(detector, text) if t == "ADDRESS"}
    assert {"Higher Laithe Cottage", "Hurstwood Lane, Worsthorne", "BURNLEY, Lancs"} <= addresses


def test_a_letterhead_address_is_no_addressee_block(detector):
    text = "The Labour Party\nSouthside\nLondon SW1E 6QT\n\nDear Mr Duckworth,\n"
    assert not any(v in ("Southside", "The Labour Party") for t, v in found(detector, text) if t == "ADDRESS")


@pytest.mark.parametrize("text, value", [
    ("Millaray said she supports a wealth tax.", "supports a wealth tax"),
    ("Tatar from Kazan. Alsu thinks the party is too soft on Russia, said so at the AGM",
     "thinks the party is too soft on Russia"),
    ("Mr Jones, you want Britain out of NATO; that view is not ours.", "want Britain out of NATO"),
    ("Colm said he would vote for a united Ireland if it came tomorrow.",
     "would vote for a united Ireland if it came tomorrow"),
    ("Ravindre said he had voted to Remain and would do so again.", "voted to Remain and would do so again"),
])
def test_an_opinion_on_a_political_subject_said_of_a_person(detector, text, value):
    assert ("POLITICAL_OPINION", value) in found(detector, text)


@pytest.mark.parametrize("text", [
    "She said the party would write to her.",
    "He wants the meeting moved to Tuesday.",
    "Wants to register - leave a form with his neighbour.",
])
def test_an_opinion_on_anything_else_is_no_political_opinion(detector, text):
    assert not any(t == "POLITICAL_OPINION" for t, _ in found(detector, text))


@pytest.mark.parametrize("text", [
    "The nub of it is that he took the branch contact list from the shared drive.",
    "The matter you are asked to answer is that, at the quiz night, you said the town had been given away.",
    "The second charge laid before the panel was that the respondent described her church as a cult.",
    "Your letter says that at the branch meeting I told her to count the raffle money.",
    "In addition, the complainant reports that when she challenged the remark you followed her outside.",
    "alleg: that resp., as youth officer, took two members home in his car alone.",
    "He pointed at him and said that his people were terrorists.",
    "The next day he rang me and said that if I backed her I would be off the committee.",
    "Afterwards he removed me from the branch WhatsApp group and posted about me.",
    "It was put to the meeting that the member had told the complainant to go home.",
    "What I am complaining about is that the councillor said loudly that we knew our place.",
    "The charge the Panel considered was that the respondent refused to reimburse your expenses.",
    "Mr Kel Bray sat down. What happened was, he's come over and he's gone, \"go home\".",
    "Ms Ann Pole wrote. I'm told he's been saying in the pub that she is a troublemaker.",
    "My understanding is that, at the party, you went over to her table and made remarks about the food.",
    "What we have been told is that, at the coffee morning, you told a member to go back to the camps.",
    "The Party has also been given information suggesting that you told the complainant to go home.",
    "The applicant is said to have told three members that the complainant would fold under pressure.",
    "Mrs Ada Pike objected. The objection was that she had photographed the attendance register.",
    "Then he got up at the back and started copying the way the candidate speaks.",
    "Further, it appears from the material supplied that you posted a photograph of his home.",
])
def test_an_allegation_as_letters_notes_and_witnesses_put_it(detector, text):
    assert any(t == "ALLEGATION" for t, _ in found(detector, text))


@pytest.mark.parametrize("text, value", [
    ("Dear Ms Ray, you have been administratively suspended from membership of the Labour Party while we look.",
     "administratively suspended from membership of the Labour Party"),
    ("Mr Ames has confirmed that the Labour Group whip remains suspended.", "Labour Group whip remains suspended"),
    ("Ms Ray was given a suspension from membership, 2 years, plus training.", "training"),
    ("The group will consider suspending him from the Labour Group whip.", "suspending him from the Labour Group whip"),
    ("Mr Ames, we direct that he may not stand for any CLP office until after the 2026 AGM.",
     "may not stand for any CLP office until after the 2026 AGM"),
    ("Mr Ames: formal warning; training within three months.", "training within three months"),
    ("Cllr Raif, the General Secretary has decided to suspend you administratively.", "suspend you administratively"),
    ("Cllr Tom Bray: formal warning; removal as CLP vice-chair.", "removal as CLP vice-chair"),
    ("Mr Tom Bray is suspended for a year.", "is suspended for a year"),
    ("Mr Bray may not hold any Party office for a further two years.",
     "may not hold any Party office for a further two years"),
    ("Cllr Onions should be removed from the list of approved longlisting panellists for two years.",
     "removed from the list of approved longlisting panellists for two years"),
    ("BRASSINGTON Darren   Susp. (admin) since 10/10/2025", "Susp. (admin)"),
])
def test_sanctions_as_letters_and_registers_write_them(detector, text, value):
    assert ("SANCTION", value) in found(detector, text)


@pytest.mark.parametrize("line, parts", [
    ("Blossom Govier      01632 960 183      Orchard Cottage, Hamp Street, Bridgwater TA6 6JR",
     ["Orchard Cottage", "Hamp Street", "Bridgwater"]),
    ("Sena Agossou        07700 900 806      Flat 6, The Admiral's Landing, Bridgwater TA6 3FZ",
     ["Flat 6", "The Admiral's Landing", "Bridgwater"]),
    ("Address: Ty Gwyn, Lon Las, Bangor LL57 2AB", ["Ty Gwyn", "Lon Las", "Bangor"]),
])
def test_the_parts_of_an_address_line_before_its_town_and_postcode_are_address(detector, line, parts):
    addresses = [v for t, v in found(detector, line + "\n") if t == "ADDRESS"]
    assert all(p in addresses for p in parts), addresses


def test_words_before_a_town_that_do_not_start_the_line_are_no_address(detector):
    addresses = [v for t, v in found(detector, "We all met at the hall and then in Bridgwater TA6 6JR.\n")
                 if t == "ADDRESS"]
    assert not any("hall" in a for a in addresses)


def test_a_day_month_and_short_year_in_a_tab_separated_cell_is_one_date(detector):
    text = "Restrictions for Mr Tom Bray:\nWhat\tFrom\tEffect\nAttend Party mtgs\t01 Jul 25\tno CLP meetings\n"
    assert ("DATE", "01 Jul 25") in found(detector, text)
