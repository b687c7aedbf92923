"""Names as notes, spreadsheets and letters write them beside family words, nicknames, initials and
table cells; and political opinion as canvassers type it. Every text here is made up."""
import pytest

from redactor.formats.text import PlainText


def found(detector, text, entity_type="PERSON"):
    doc = PlainText().read(text.encode(), "x.txt")
    return [doc.text[f.start:f.end] for f in detector.detect(doc) if f.entity_type == entity_type]


@pytest.mark.parametrize("text, name", [
    ("Uses a wheelchair. Husband Oluwaseun works nights, so call after 6.", "Oluwaseun"),
    ("Prefers Farsi on the phone; son Dariush translates (07700 900 111).", "Dariush"),
    ("needs a postal vote form. daughter priya does her post", "priya"),
    ("My husband, Anselm, came over and took him outside.", "Anselm"),
    ("His nephew, Tomasz Wierzbicki, did not know.", "Tomasz Wierzbicki"),
])
def test_a_name_after_a_family_word_is_a_person(detector, text, name):
    assert name in found(detector, text)


@pytest.mark.parametrize("text", [
    "My son said nothing at the meeting.",
    "Her daughter lives in Leeds and her husband works in Bradford.",
])
def test_a_family_word_before_an_ordinary_word_names_no_one(detector, text):
    assert found(detector, text) == []


def test_a_nickname_in_quotes_is_the_same_person_wherever_it_is_used(detector):
    text = 'Present: Margaret "Peggy" Oyelaran-Hughes (Treasurer).\nPeggy reported that the accounts balance.'
    names = found(detector, text)
    assert "Margaret" in names and "Oyelaran-Hughes" in names
    assert names.count("Peggy") == 2


def test_a_role_in_brackets_is_not_taken_for_a_nickname(detector):
    text = "Present were Rosalind Achterberg (Chair) and Tomasz Lis.\nThe Chair thanked everyone."
    assert "Chair" not in found(detector, text)


@pytest.mark.parametrize("text, initials", [
    ("Statement of Wiremu Tane Parata.\nInvestigator's note: drafted by WTP from the video interview.", "WTP"),
    ("Checked against the register by Corinne Vandeputte.\nDuplicate row? CV to chase up with the member.", "CV"),
    ("Interview by Marieke van Dijk.\nThe statement was drafted by MvD and sent for signature.", "MvD"),
])
def test_initials_doing_the_work_are_the_person_they_stand_for(detector, text, initials):
    assert initials in found(detector, text)


def test_a_family_name_first_with_a_comma_is_one_person(detector):
    text = ("Mem No     Name               Joined\n--------   ----------------   ----------\n"
            "L1920125   TRAN, Minh Khoa    2023-12-15\n")
    assert "TRAN, Minh Khoa" in found(detector, text)


def test_a_name_column_vouches_for_a_name_in_lower_case(detector):
    text = ("Name                  Mem No     Postcode\n-------------------   --------   --------\n"
            "NAIR Anjali           L3304419   NN2 7SH\nokonkwo chidera       L3310087   NN2 7SH\n")
    assert "okonkwo chidera" in found(detector, text)


def test_a_party_alone_in_a_canvass_table_cell_is_a_political_opinion(detector):
    text = ("Phone bank returns\n\nVoter            Response       Notes\n"
            "Gemma Holt       Reform         Call back in May\n"
            "Peter Wragg      Labour         Will display poster\n\n"
            "Ward totals   Labour   Conservative   Green   Reform\nEastfield     41       12             6       9\n")
    opinions = found(detector, text, "POLITICAL_OPINION")
    assert opinions == ["Reform", "Labour"]  # the cells alone: not the notes beside them, not the totals' header
    assert not any("\n" in n for n in found(detector, text))  # no name runs from one row into the next


def test_canvassers_lower_case_party_notes_are_political_opinions(detector):
    text = ("Door-knocking export\nelector   name            vi   notes\n"
            "CR-0413   Rafael Moreno   G    green now, was lab til 2024.\n"
            "CR-0453   Jo Bell         C    green bin outside, the labour of moving\n")
    opinions = found(detector, text, "POLITICAL_OPINION")
    assert "green now" in " ".join(opinions) and any(o.startswith("lab") for o in opinions)
    assert not any("bin" in o or "labour of" in o for o in opinions)


def test_a_table_row_whose_last_cell_wraps_does_not_end_the_table(detector):
    # how a PDF table reads when its notes column wraps: the cell's second line has no tabs
    text = ("ENO\tName\tAddress\tVI\tNotes\n"
            "UP1-0412\tMeinir Pritchard\t12 Bryn Road\tL\tWants a poster for the window, and a lift\n"
            "to the polling station\n"
            "UP1-0413\tBrian Tudno\t14 Bryn Road\tPC\tNot this time\n")
    assert "Brian Tudno" in found(detector, text)
    assert found(detector, text, "POLITICAL_OPINION") == ["L", "PC"]


def test_a_chat_exports_senders_are_people_in_any_case(detector):
    text = ("[02/03/2025, 20:41] Pabitra G: Thank you everyone who came today\n"
            "[02/03/2025, 20:58] tenzin d: thats not true and not ok.\n"
            "[02/03/2025, 21:07] bob: mate leave it, not the place\n\n"
            "Kelvin Leung :rose:  2:12 PM\ncan someone pull the payment data?\n")
    names = found(detector, text)
    assert {"Pabitra G", "tenzin d", "bob", "Kelvin Leung"} <= set(names)


def test_csv_rows_pasted_as_text_are_read_by_column(detector):
    text = ("Canvass app export\nelector,name,address,vi,notes\n"
            'CH1-0212,"farida begum","14 rochdale rd",L,"poster, wants a lift"\n'
            'CH1-0213,"tom ashcroft","16 rochdale rd",u,"card left"\n')
    assert {"farida begum", "tom ashcroft"} <= set(found(detector, text))
    assert "14 rochdale rd" in found(detector, text, "ADDRESS")
    assert found(detector, text, "POLITICAL_OPINION") == ["L"]  # "u" (undecided) is no opinion


def test_a_title_outranks_a_place_word(detector):
    text = "The branch secretary, Mr Kieran Lane, has given a statement.\nTHE CHAIR: Mr Heath, your questions."
    names = found(detector, text)
    assert "Kieran Lane" in names and "Heath" in names


@pytest.mark.parametrize("text, ref", [
    ("Subject: RE: NOI - SCO-INV-0388-25 - interviews", "SCO-INV-0388-25"),
    ("Our ref: HMD/NSB/00417-3\nYour ref: DP25/1093/YH\n19 June 2025", "DP25/1093/YH"),
])
def test_references_are_taken_whole(detector, text, ref):
    assert ref in found(detector, text, "CASE_REF")


def test_a_direct_extension_is_a_phone_number(detector):
    text = "Wei Ling Ooi\nSafeguarding Lead\nTel 0141 496 0000 (ext. 2290) | x2237 (internal)"
    assert {"ext. 2290", "x2237"} <= set(found(detector, text, "PHONE"))


def test_things_named_after_people_are_not_people(detector):
    text = ("Pools reopened this year:\nJordan Well leisure pool        Coventry   Solar panels fitted\n"
            "The launch is at the site of the old Austin works, Birmingham.")
    names = found(detector, text)
    assert "Jordan" not in names and "Austin" not in names


@pytest.mark.parametrize("text, date", [
    ("Dyddiad / Date: 14 Ebrill 2025 / 14 April 2025\nDear Cllr Prydderch, you are suspended.", "14 Ebrill 2025"),
    ("Your form arrived on Mon 19/5, a day after the deadline, Ms Jagessar.", "Mon 19/5"),
    ("The message was sent to Mrs Gurung at 21:31 on the 2nd; she has a screenshot.", "2nd"),
])
def test_dates_in_bilingual_letters_and_notes(detector, text, date):
    assert date in found(detector, text, "DATE")


@pytest.mark.parametrize("text, street", [
    ("Mr Siencyn Tomos\n14 Heol y Felin, Rhiwbina, Cardiff CF14 6NP", "14 Heol y Felin"),
    ("Mr Chester Blakeney-Holt\nThe Old Forge, 3 Church Lane\nRushmere St Andrew, Ipswich IP5 1DL",
     "The Old Forge, 3 Church Lane"),
])
def test_welsh_streets_and_house_names_are_address_lines(detector, text, street):
    assert street in found(detector, text, "ADDRESS")


def test_a_labelled_membership_number_may_have_slashes(detector):
    text = "Member        Siencyn Tomos\nMembership number   W/0088213\nDate of birth   14/09/1979"
    assert "W/0088213" in found(detector, text, "MEMBERSHIP_NO")


def test_a_csv_row_that_wraps_onto_the_next_line_is_still_one_row(detector):
    # how a PDF prints long CSV rows: the quoted notes field runs onto the next line
    text = ("elector,name,address,vi,notes,cnv\n"
            'CH1-0212,"foyzul talukdar","14 rochdale rd",L,"ex-wpb, back to us over the bins. tohura (wife)\n'
            'sylheti only",sk\n'
            'CH1-0219,"brian ashworth","20 rochdale rd",REF,"polite. dont knock again",mo\n')
    names = found(detector, text)
    assert "foyzul talukdar" in names and "brian ashworth" in names


@pytest.mark.parametrize("text, kind, value", [
    ("Ms Adaeze Nwosu declared an interest: she is a member of the Fabian Society.", "POLITICAL_OPINION",
     "member of the Fabian Society"),
    ("Canvass notes: Mr Zane Okafor has signed the Green pledge, he says.", "POLITICAL_OPINION",
     "signed the Green pledge"),
    ("Mr Ifeanyi Obi told me he was a GMB convenor at Vauxhall.", "TRADE_UNION", "GMB convenor"),
    ("Mrs Rukhsana Begum said she is 7th day adventist so Saturdays are out.", "RELIGION", "7th day adventist"),
    ("Apologies: Lionel Fonceca (hip op).", "HEALTH", "hip op"),
])
def test_belonging_and_notes_phrasings_are_taken_whole(detector, text, kind, value):
    assert value in " | ".join(found(detector, text, kind))


@pytest.mark.parametrize("text, date", [
    ("Sent: Fri 21/11/2025 09:12\nDear Ms Hollins, your complaint has arrived.", "Fri 21/11/2025"),
    ("KT: complaint from Mr Gary Marsh received by email 3/11, copied to region.", "3/11"),
])
def test_weekdays_and_dates_without_a_year(detector, text, date):
    assert date in found(detector, text, "DATE")


def test_lower_case_canvass_notes_in_csv_fields(detector):
    text = ("canvass export\nelector,name,address,vi,notes\n"
            'CH1-0212,"foyzul talukdar","14 rochdale rd",L,"ex-wpb, back to us over the bins"\n'
            'CH1-0240,"shuhel mazumder","3 derker st",G,"green because of gaza"\n')
    opinions = " | ".join(found(detector, text, "POLITICAL_OPINION"))
    assert "wpb" in opinions and "green" in opinions


def test_a_name_typed_in_lower_case_somewhere_is_still_found_elsewhere(detector):
    # "fabrizio" in lower case is the name typed in haste, not an ordinary word
    text = ("Name              role\n----------------  -----\nTIAGO MENEZES     Chair\nOdile Brandt      Sec\n\n"
            "- tiago opened the meeting.\n- letter from the region. Tiago will write back.")
    names = found(detector, text)
    assert "tiago" in names and "Tiago" in names


def test_a_lone_initial_in_notes_is_the_one_person_it_can_be(detector):
    text = ("Call with Teodora Vasquez-Lind, witness.\n"
            "- T. rang back after my email and was nervous.\n"
            "- The chair rang T. on Friday. T.'s account matches the minutes.\n"
            "- Plan B. would be to meet in person.\n")
    names = found(detector, text)
    assert names.count("T.") == 3
    assert "B." not in names


def test_a_lone_initial_shared_by_two_people_is_left_alone(detector):
    text = "Present: Tessa Hulme and Tobias Quint.\n- T. said the room was booked.\n"
    assert "T." not in found(detector, text)


def test_a_word_name_of_a_known_person_is_found_as_the_subject_of_a_verb(detector):
    text = ("Witness: Summer Ogunleye, branch secretary.\n"
            "She sent the photos on Monday. Summer can be reached after 6pm.\n"
            "Last Summer was the busiest canvass we had.")
    names = found(detector, text)
    assert names.count("Summer") == 1 + 1 and "Summer Ogunleye" in names


def test_a_nickname_typed_in_lower_case_is_the_person(detector):
    text = 'Call with Jadwiga Nowicka ("Jadzia").\nVoicemail: "hi jadzia its me, call me back"'
    assert "jadzia" in found(detector, text)


@pytest.mark.parametrize("text, initials", [
    ("From: Ruth Abara\nSent: 3 May\n\nThanks, I'll take it from here.\n\nRA\n\n[2]\nFrom: Bo Quist\n", "RA"),
    ("From: Ruth Abara\nSent: 3 May\n\n> Can we talk before Tuesday?\n> V\n> Sent from my iPhone\n", "V"),
])
def test_initials_signing_a_message_are_removed(detector, text, initials):
    assert initials in found(detector, text)


def test_a_first_name_signed_above_the_full_name_is_the_person(detector):
    text = "Please do not email it.\n\nRain\nRain Okonjo | Casework Manager | 020 7946 0000\n"
    assert found(detector, text).count("Rain") >= 1 and "Rain Okonjo" in found(detector, text)


def test_a_title_in_capitals_before_a_name_in_capitals_is_a_person(detector):
    text = "Transcript, day 2.\n\nMS OYELARAN: One question from me.\nMR KOVACS: Go on.\nShe has MS and uses a stick."
    names = found(detector, text)
    assert "OYELARAN" in names and "KOVACS" in names and "MS" not in names


def test_the_member_a_case_is_brought_against_is_named_in_its_title(detector):
    assert "Rowan Heath" in found(detector, "NCC/25/0071 - The Labour Party v. Rowan Heath\nHearing: 3 May 2025\n")


def test_a_name_wrapped_onto_an_indented_line_is_one_person(detector):
    text = ("4. Another member who was at the meeting, the branch chair Mrs Nirmala\n"
            "   Vekaria, has given the investigating officer a short account.\n- Nirmala agreed to help.\n")
    assert "Nirmala" in found(detector, text)


def test_the_canvasser_column_holds_people(detector):
    text = ('elector,name,address,vi,notes,cnv\n'
            'CH1-0212,"tom birtwistle","14 rochdale rd",L,"polite",jq\n'
            'CH1-0219,"amy lord","20 rochdale rd",C,"not in",rb\n')
    names = found(detector, text)
    assert "jq" in names and "rb" in names


@pytest.mark.parametrize("text", [
    "He's very upset, and so is Philippa, who is registered partially sighted.",
    "The date is fine apart from Tuesdays, when I take Philippa to her sister's.",
])
def test_a_given_name_the_ner_calls_a_place_is_a_person_by_what_it_does(detector, text):
    assert "Philippa" in found(detector, text)


@pytest.mark.parametrize("text, name", [
    ("I should declare that I have known Tavishkar for many years.", "Tavishkar"),
    ("Les Heywood was there, Maxine from the flats, both the new lads from Crumpsall.", "Maxine"),
])
def test_a_lone_first_name_the_ner_or_the_list_vouches_for_is_a_person(detector, text, name):
    assert name in found(detector, text)


def test_a_note_abbreviation_the_ner_calls_a_person_is_not_one(detector):
    assert found(detector, "Tel out. Mbr has sent form. Tearful. Adv wellbeing info.") == []


def test_a_one_word_label_before_a_word_is_a_header_row_but_before_a_name_a_field(detector):
    assert found(detector, "Name                  Role                  Present\n") == []
    assert "Rasmus Ostergaard" in found(detector, "Name        Rasmus Ostergaard      Member ID   N0917-22716\n")


def test_a_nickname_stated_in_a_register_row_is_the_person_of_the_row(detector):
    text = "Alan Bates        12 Cowpen Road   NE24 5TA   Known as Geordie. Ex-pitman.\nGeordie rang on Monday.\n"
    assert found(detector, text).count("Geordie") == 2


def test_a_family_word_with_in_law_before_a_name(detector):
    assert "Vili" in found(detector, "Tongan. Brother-in-law Vili plays for Blyth RFC and wants to join.")


def test_a_name_cell_with_a_role_after_a_comma_is_the_name(detector):
    text = ("Step        Who                                            Date\n"
            "----------  ---------------------------------------------  ----------\n"
            "Reviewed    Tove Lindholm, Senior Investigations Officer   8 July 2025\n")
    assert "Tove Lindholm" in found(detector, text)


def test_a_partner_word_before_a_name(detector):
    assert "Gosia" in found(detector, "She volunteered that her girlfriend Gosia came to the last social.")


def test_a_name_that_is_also_a_modal_is_found_only_before_a_verb_no_modal_takes(detector):
    text = ("Present: Heather Renwick (Chair), Will Elliot (Secretary).\n\n"
            "Will reported that membership stood at 61. Will you come? Will be there.")
    assert found(detector, text).count("Will") == 1


def test_initials_standing_alone_are_the_one_person_named_in_full_with_them(detector):
    text = ("From: Wes Tovey\nI think a notice of investigation is right for WT, but I will check.\n"
            "Comment: KA considers the evidence strong. Ketut Ardana, Investigations Officer.\n")
    names = found(detector, text)
    assert "WT" in names and "KA" in names


def test_an_acronym_is_never_initials_even_when_a_name_shares_them(detector):
    text = "The NEC met on Monday. Nora Evans Clarke attended for the NEC.\n"
    assert "NEC" not in found(detector, text)


def test_dotted_initials_are_the_one_person_named_in_full_with_them(detector):
    text = "Eunan Mulholland was there.\nI have not contacted him. E.M. has been told only that a complaint exists.\n"
    assert "E.M." in found(detector, text)


def test_lower_case_initials_a_legend_gives_are_that_person_in_every_row(detector):
    text = ("Callers: na = Nevzat Ahmedov; rf = Raven Frost.\n\n"
            "Elector    Name                      Phone           VI    By   Notes\n"
            "SH1-0442   vidmar, mojca             023 8049 6017   L     na   will help at count\n"
            "SH1-0461   kromodimedjo, ayelen      07700 900 532   DK    rf   call back after 7\n")
    names = found(detector, text)
    assert names.count("na") == 2 and names.count("rf") == 2


def test_a_first_name_alone_is_found_when_the_name_is_also_written_with_an_initial(detector):
    text = "D. Ashman sent it on. Dane Ashman wrote too.\nDane & Poppy were both at the meeting.\n"
    assert "Dane" in found(detector, text)


def test_a_nickname_after_a_register_name_written_family_name_first(detector):
    text = ('Name                          Memb. ID       Address\n'
            'Montgomery, Angus ("Gibby")   WI-0015530-K   Croft 4, Arnol\n\n(b) Gibby can\'t read a ballot paper.\n')
    assert found(detector, text).count("Gibby") == 2


def test_a_name_in_the_second_cell_of_a_row_is_found_on_its_own(detector):
    assert "Clency Jolicoeur" in found(detector, "Scrutineer for Doekhie    Clency Jolicoeur\n")


def test_a_two_column_table_over_a_rule_with_a_present_column_lists_people(detector):
    text = ("present                    role / notes\n"
            "------------------------   ------------------------------\n"
            "amra hodzic                chair\n"
            "JASMIN KADRIC              treasurer\n"
            "vic s                      member - left for item 5\n")
    names = found(detector, text)
    assert {"amra hodzic", "JASMIN KADRIC", "vic s"} <= set(names)


def test_called_after_a_name_is_a_verb_not_a_nickname(detector):
    text = "Our chair, Ellen Wilkinson, spoke. Ellen Wilkinson called Jarrow the town that was murdered.\n"
    assert "Jarrow" not in found(detector, text)
    assert "Stav" in found(detector, "Stavros Michailidis, who everyone calls Stav, spoke.\nStav agreed.\n")


@pytest.mark.parametrize("text, name", [
    ("I did not interview Ugyen, who is not a member.", "Ugyen"),
    ("He was doing the sausages with Dolf from the Wroughton branch.", "Dolf"),
    ("Bair says Sissons at no. 12 and Bilton at no. 14 had a shouting match.", "Sissons"),
    ("He was there with the Kerrison twins, who run the launderette.", "Kerrison"),
])
def test_a_name_no_list_knows_is_a_person_by_what_is_said_of_it(detector, text, name):
    assert name in found(detector, text)


def test_a_place_before_who_knows_is_no_person(detector):
    assert "Southside" not in found(detector, "The meeting is at Southside, who knows when.")


@pytest.mark.parametrize("text, name", [
    ("Callers: LL = Lowrie Leask; MG = Major Georgeson; EM = Ertie Moar.", "Major Georgeson"),
    ("He had mentioned it over samosas at Anant Kulkarni's barbecue in Kenton.", "Anant Kulkarni"),
])
def test_a_name_whose_first_word_is_a_word_is_a_person_where_the_text_says_so(detector, text, name):
    assert name in found(detector, text)


def test_lower_case_initials_in_brackets_after_a_name_are_that_person(detector):
    text = ('canvassers Shahina Khanom (sk) and Mick Hepplewhite. Rows:\n'
            'CH1-0212,"tom birtwistle","14 rochdale rd",L,"polite",sk\n')
    assert found(detector, text).count("sk") == 2


def test_a_name_column_headed_name_as_exported_holds_people(detector):
    text = ("#\tName as exported\tMemb. ID\tAddress\n"
            "4\tMontgomery, Angus (\"Gibby\")\tWI-0015530-K\tCroft 4, Arnol\n")
    assert any("Montgomery" in n for n in found(detector, text))


def test_a_two_column_word_table_with_a_present_column_lists_people(detector):
    text = "present\trole / notes\namra hodzic\tchair\nJASMIN KADRIC\ttreasurer\nvic s\tmember - left for item 5\n"
    assert {"amra hodzic", "JASMIN KADRIC", "vic s"} <= set(found(detector, text))


def test_key_value_rows_under_a_name_label_are_no_table_of_names(detector):
    text = "Present\tAmra Hodzic, Ruby Balogh\nApologies\tDoina Ceban\nMinutes\tRuby Balogh\n"
    assert "Apologies" not in found(detector, text) and "Minutes" not in found(detector, text)
