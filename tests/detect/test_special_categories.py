"""Special categories in a person's sentence: party support (bare in canvass notes, or a leaning in prose), health, religion."""
import pytest

from redactor.formats.text import PlainText

CANVASS = "Canvass returns, Blackwell ward, Saturday\n\n"


def opinions(detector, text):
    return [value for value, kind in found_of(detector, text) if kind == "POLITICAL_OPINION"]


@pytest.mark.parametrize("note, party", [
    ("- No. 3: Mr Arthur Degg and Mrs Pauline Degg. Both Labour.", "Labour"),
    ("- No. 7: Mr Mohammed Younis. Reform, but unhappy about bin collections.", "Reform"),
    ("- 12 Baldovan Terrace: Mr Krum Yankov. Green last time, undecided now.", "Green"),
    ("Mr Dennis Armstrong    4 Blackwell Road    Lib Dem - definite", "Lib Dem"),
])
def test_a_bare_party_in_canvass_notes_about_a_person_is_an_opinion(detector, note, party):
    assert any(party in o for o in opinions(detector, CANVASS + note + "\n"))


@pytest.mark.parametrize("note", [
    "Mr Dennis Armstrong asked about the Labour Party rules.",
    "Mr Dennis Armstrong wants a Labour councillor to call.",
    "Result: Labour   412\nGreen   88\n",
    "Labour\n\nMr Dennis Armstrong, 4 Blackwell Road: not in.",
])
def test_the_party_as_an_organisation_a_heading_or_a_count_is_not_an_opinion(detector, note):
    assert opinions(detector, CANVASS + note + "\n") == []


def test_without_a_canvassing_cue_a_bare_party_is_left_to_the_other_rules(detector):
    assert opinions(detector, "Mr Arthur Degg wrote to us. Both Labour.\n") == []


@pytest.mark.parametrize("sentence", [
    "She has been leafleting for the Lib Dems in her ward.",
    "Ms Patel describes herself as a democratic socialist.",
    "He is a well-known Corbyn supporter.",
    "She said she was a Starmer loyalist.",
    "He sits on the left of the party.",
    "She is on the Labour right and backs the leadership.",
])
def test_a_persons_political_leaning_in_prose_is_an_opinion(detector, sentence):
    assert opinions(detector, sentence + "\n")


@pytest.mark.parametrize("text, opinion", [
    (CANVASS + "Mr Foyzur Mazid    6 Servia Road    Student, Green because of the tuition fees. Might lend.\n",
     "Green because of the tuition fees"),
    (CANVASS + "Ms Peralta Wilkin    22 Kinglake St    Green cos of the park. Unite (buses).\n", "Green cos of the park"),
    (CANVASS + "topize, perrine    LD    always lib dem locally, labour nationally.\n", "always lib dem locally"),
    (CANVASS + "Meinir Protheroe    12 Brynymor Road    Plaid for the Senedd, us for the council.\n",
     "Plaid for the Senedd"),
    ("Alu Tapsell is very anti-Aspire and gets heated about the mayor.\n", "very anti-Aspire"),
    ("Mereana Hohaia is on the Campaign Group side of most arguments.\n", "on the Campaign Group side of most arguments"),
    ("Your complaint was motivated by the fact that he backed the other slate at the AGM.\n",
     "backed the other slate at the AGM"),
    ("I have backed him at every selection since 2015.\n", "backed him at every selection since 2015"),
    ("Wes Okonjo has been openly backing the independent in Easton ward.\n",
     "openly backing the independent in Easton ward"),
    ("Kenton Purdy declared that he supports proportional representation at the meeting.\n",
     "declared that he supports proportional representation at the meeting"),
])
def test_an_opinion_takes_in_its_reason_its_scope_and_the_words_that_say_it_is_held(detector, text, opinion):
    assert opinion in opinions(detector, text)


@pytest.mark.parametrize("sentence", [
    "He was accused of anti-Semitism in the complaint.",
    "The Pro-Vice Chancellor opened the event.",
    "Cars were parked on the other side of the road.",
])
def test_a_hyphenated_stance_word_or_a_side_of_a_road_is_no_opinion(detector, sentence):
    assert opinions(detector, sentence + "\n") == []


@pytest.mark.parametrize("sentence", [
    "He parked on the left of the building and walked in.",
    "She sat on the right of the chair during the hearing.",
])
def test_left_and_right_as_directions_are_no_opinion(detector, sentence):
    assert opinions(detector, sentence + "\n") == []


@pytest.mark.parametrize("kind, sentence", [
    ("HEALTH", "She told me she is having a hip replacement next month."),
    ("HEALTH", "She is recovering from a mastectomy."),
    ("HEALTH", "He mentioned his insulin and that he is diabetic."),
    ("HEALTH", "He suffers from severe migraines."),
    ("RELIGION", "She wears a hijab and prays five times a day."),
    ("RELIGION", "He was fasting because it was Ramadan."),
])
def test_health_and_religion_in_a_persons_sentence_are_found(detector, kind, sentence):
    doc = PlainText().read(sentence.encode(), "x.txt")
    assert kind in {f.entity_type for f in detector.detect(doc)}


def test_a_branch_suffering_from_a_lack_of_funds_is_no_health_data(detector):
    doc = PlainText().read(b"He said the branch suffers from a lack of volunteers.\n", "x.txt")
    assert "HEALTH" not in {f.entity_type for f in detector.detect(doc)}


def found_of(detector, text):
    doc = PlainText().read(text.encode(), "x.txt")
    return [(doc.text[f.start:f.end], f.entity_type) for f in detector.detect(doc)]


@pytest.mark.parametrize("text, value, kind", [
    ("Equality monitoring      Ethnicity: White - Other (Latvian). Religion: Lutheran. Disability: none.",
     "White - Other (Latvian)", "ETHNICITY"),
    ("Equality monitoring      Ethnicity: White - Other (Latvian). Religion: Lutheran. Disability: none.",
     "Lutheran", "RELIGION"),
    ("Ethnic group                  Mixed - White and Asian (Malaysian)\n", "Mixed - White and Asian (Malaysian)",
     "ETHNICITY"),
    ("B2207-114   Moved in 2021. Monitoring: Tongan, Methodist.\n", "Tongan", "ETHNICITY"),
    ("B2207-114   Moved in 2021. Monitoring: Tongan, Methodist.\n", "Methodist", "RELIGION"),
])
def test_a_monitoring_fields_answer_is_special_category_data(detector, text, value, kind):
    assert (value, kind) in found_of(detector, text)


@pytest.mark.parametrize("text", [
    "Ethnicity: Prefer not to say\nReligion: None declared\n",
    "Faith: the party's faith groups meet monthly and all members are welcome.\n",
    "Ethnicity     Religion     Disability\n",
])
def test_a_blank_answer_a_header_or_prose_under_a_label_is_not(detector, text):
    kinds = {k for _, k in found_of(detector, text)}
    assert not kinds & {"ETHNICITY", "RELIGION", "HEALTH"}


def test_each_item_of_a_list_of_allegations_is_an_allegation(detector):
    text = ("Dear Mr Quayle,\n\nIt is alleged that you:\n\n"
            "- sent the branch treasurer abusive messages on\n  three evenings in June;\n"
            "- removed the banking mandate from the branch files.\n\n"
            "Please reply by 4 July.\n")
    allegations = [v for v, k in found_of(detector, text) if k == "ALLEGATION"]
    assert any(a.startswith("sent the branch treasurer") and a.endswith("June;") for a in allegations)
    assert "removed the banking mandate from the branch files." in allegations
    assert not any("Please reply" in a for a in allegations)


def test_a_list_after_an_ordinary_lead_in_is_not_an_allegation(detector):
    text = "Dear Mr Quayle,\n\nPlease bring the following:\n\n- your membership card;\n- a pen.\n"
    assert not [v for v, k in found_of(detector, text) if k == "ALLEGATION"]


def test_an_opinion_runs_on_past_a_soft_line_wrap(detector):
    text = ("Mrs Halloran told the canvasser that she has always voted Labour but is voting Green\n"
            "  this time over the housing vote. She asked for a poster.\n")
    assert any(o.endswith("over the housing vote") for o in opinions(detector, text))


def test_joining_another_party_in_lower_case_is_an_opinion(detector):
    text = "- letter from Ms Orla Brennock resigning from the branch as she has joined the\n  green party.\n"
    assert any("green party" in o for o in opinions(detector, text))


def test_a_sanction_is_tied_by_the_sentence_after_it(detector):
    text = ("Notice\n\n1. This is a formal notice of investigation. The Party has received a complaint about "
            "your conduct.\n")
    assert ("notice of investigation", "SANCTION") in found_of(detector, text)


@pytest.mark.parametrize("text, value", [
    ("When you rang the office last Tues you said you had been unwell.", "Tues"),
    ("Dated this 14th day of July 2025 by Mr Ade Bello.", "14th day of July 2025"),
    ("Signed by Mr Ade Bello on 20.v.2025.", "20.v.2025"),
    ("Mr Holloway was charged following your complaint of 3/4 last year.", "3/4"),
])
def test_dates_as_notes_and_forms_write_them(detector, text, value):
    assert (value, "DATE") in found_of(detector, text)


@pytest.mark.parametrize("text, value", [
    ("Apologies: Ms Oksana Wren (recovering from a knee replacement).", "recovering from a knee replacement"),
    ("He told us he was admitted to a mental health unit in May.", "admitted to a mental health unit"),
])
def test_what_happened_to_the_person_is_part_of_the_health_finding(detector, text, value):
    assert any(value in v for v, k in found_of(detector, text) if k == "HEALTH")


def test_a_plain_has_stays_outside_the_health_finding(detector):
    assert ("severe depression", "HEALTH") in found_of(detector, "She told us she has severe depression.")


@pytest.mark.parametrize("text, value", [
    ("She is a midwife at the hospital and an RCM\n  rep, she told me.", "RCM\n  rep"),
    ("We both work at the hospital and are both RCN members, he said.", "RCN members"),
    ("You mentioned that you are a Nautilus International member.", "Nautilus International member"),
])
def test_unions_by_name_with_their_roles(detector, text, value):
    assert (value, "TRADE_UNION") in found_of(detector, text)


def test_address_lines_in_labelled_fields_are_an_address(detector):
    text = "Name: Mr Ade Bello\nAddress line 1: Flat 7, 12 Church Lane\nAddress line 2: Kingsbury\nTown: Harrow\n"
    found = found_of(detector, text)
    assert ("Kingsbury", "ADDRESS") in found and ("Harrow", "ADDRESS") in found


@pytest.mark.parametrize("text, start", [
    ("Complaint is that resp. shouted abuse at the comp. outside the count and then filmed him.", "Complaint is"),
    ("The concern, in a nutshell, is that he paid the subscriptions of fourteen new members himself.", "The concern"),
    ("The first matter is that, on the evening of 2 March, you posted messages about the chair.", "The first"),
    ("On top of that, it looks as though he filled in the join forms for them.", "On top"),
    ("He has posted in the village group that my shop should be shut down.", "He has posted"),
    ("Also hes supposed to have said that her lot should stick to church.", "Also hes"),
])
def test_allegations_as_notes_and_letters_phrase_them(detector, text, start):
    allegations = [v for v, k in found_of(detector, text) if k == "ALLEGATION"]
    assert any(a.startswith(start) and a.rstrip(".").endswith(text.rstrip(".")[-12:]) for a in allegations)


def test_a_sanction_in_a_numbered_paragraph_is_tied_by_the_next_paragraph(detector):
    text = ("10. That the Panel refers the charges to the NCC with a recommendation of expulsion.\n"
            "11. That the respondent's administrative suspension remains in place.\n")
    assert ("expulsion", "SANCTION") in found_of(detector, text)


def test_a_formal_warning_abbreviated_before_another_sanction(detector):
    text = ("Schedule of cases\n\nCase            Member          Outcome\n"
            "--------------  --------------  ------------------------------------\n"
            "NECDP/25/0417   Ade Bello       FW; barred from office for two years\n")
    assert any(v.startswith("FW") for v, k in found_of(detector, text) if k == "SANCTION")


def test_a_table_rule_with_narrow_gaps_is_not_joined_to_the_row_under_it(detector):
    text = ("Schedule of cases\n\nCase            Member          Sanction\n"
            "--------------  --------------  ------------------------------------\n"
            "NECDP/25/0417   Ade Bello       Formal warning\n")
    found = found_of(detector, text)
    assert ("Ade Bello", "SANCTION") not in found and not any(v.startswith("---") for v, _ in found)


def test_an_email_forwarded_is_no_formal_warning(detector):
    assert not [v for v, k in found_of(detector, "FW: Complaint about Mr Olu Bakare\n\nSee below.\n")
                if k == "SANCTION"]


def test_a_stance_a_person_takes_against_a_policy(detector):
    text = "Cllr Agnes Hogg asked for it to be minuted that she is against onshore wind in the Borders."
    assert any("onshore wind" in o for o in opinions(detector, text))


@pytest.mark.parametrize("text, value, kind", [
    ("Mr Ivo Petrov joined in 2019. He is Macedonian by origin.", "Macedonian", "ETHNICITY"),
    ("Ms Khadem joined in 2022. She is Iranian, and a nurse.", "Iranian", "ETHNICITY"),
    ("Mr Ivo Petrov told us he is Labour through and through.", None, "ETHNICITY"),
    ("Mr Jaswant Gill said: I do seva at the gurdwara on Sundays.", "do seva at the gurdwara", "RELIGION"),
    ("Mr Jaswant Gill said that he is an amritdhari Sikh.", "amritdhari Sikh", "RELIGION"),
    ("Mrs Ruth Eng said she thinks Brexit was a disaster.", "thinks Brexit was", "POLITICAL_OPINION"),
    ("Mr Rocky Pinna campaigned for Yes in 2014, she said.", "campaigned for Yes", "POLITICAL_OPINION"),
    ("Mr Len Otto said he supports proportional representation.", "supports proportional representation",
     "POLITICAL_OPINION"),
    ("Mr Len Otto stood on the Labour Left slate for the executive.", "stood on the Labour Left slate",
     "POLITICAL_OPINION"),
    ("Mrs Prue Goodger sent apologies (shingles, she says).", "shingles", "HEALTH"),
    ("Mr Len Otto has rheumatoid arthritis in both hands.", "rheumatoid arthritis", "HEALTH"),
    ("Sanction for Mr Len Otto: two-year office bar.", "two-year office bar", "SANCTION"),
])
def test_origins_observance_causes_conditions_and_sanctions_as_people_write_them(detector, text, value, kind):
    found = [v for v, k in found_of(detector, text) if k == kind]
    if value is None:
        assert not found
    else:
        assert any(value in v for v in found), found


@pytest.mark.parametrize("text, value", [
    ("Mr Ashur Benyamin joined last year. He supports the Rojava administration.", "supports the Rojava administration"),
    ("Mr Rhys Dando says he opposed the Clean Air Zone from the start.", "opposed the Clean Air Zone"),
    ("Mr Brunner told the panel that he wants Labour to do a deal with the Greens.", "wants Labour to do"),
    ("Ms Sagal Hersi told the hustings she would scrap the two-child cap.", "would scrap the two-child cap"),
])
def test_a_cause_or_scheme_a_person_backs_or_opposes(detector, text, value):
    assert any(value in o for o in opinions(detector, text))


def test_a_government_policy_in_a_report_is_no_ones_opinion(detector):
    assert opinions(detector, "The Government should scrap the two-child cap, the report says.") == []


def test_a_month_ending_a_sentence_does_not_take_the_next_items_number(detector):
    text = "Mr Rui Costa said he will\nbe back leafleting in May.\n2. Minutes of the March meeting\n"
    assert not [v for v, k in found_of(detector, text) if k == "DATE" and "2" in v]


def _of_type(detector, text, entity_type):
    doc = PlainText().read(text.encode(), "x.txt")
    return [doc.text[f.start:f.end] for f in detector.detect(doc) if f.entity_type == entity_type]


@pytest.mark.parametrize("text, value", [
    ("Ms Khadem joined in 2022. She is\n   Iranian, a member of the Baha'i community.", "Iranian"),
    ("Ms Hope wrote. Her man from the office, the Armenian gentleman, was very polite to her.", "Armenian"),
    ("Huerta Citlali   14 Kinglake Street   L    postal vote. Mexican, new citizen 2024.", "Mexican"),
    ("Name          Notes\nAlsu Safina   Tatar from Kazan. Works nights.", "Tatar"),
    ("Senada is Bosniak, not Turkish, and a Muslim.", "Bosniak"),
])
def test_an_origin_noted_or_said_of_a_person_is_an_ethnicity(detector, text, value):
    assert value in _of_type(detector, text, "ETHNICITY")


def test_a_restaurant_or_a_first_name_ending_like_a_demonym_is_no_ethnicity(detector):
    text = "Ms Hope booked the Italian restaurant. Ian. Brian, Ryan and Megan came."
    assert _of_type(detector, text, "ETHNICITY") == []


@pytest.mark.parametrize("text, entity_type, value", [
    ("Ms Ray wrote: Type 1 diabetic, not relevant to mailing.", "HEALTH", "Type 1 diabetic"),
    ("Mr Ray has had two strokes and has apologised.", "HEALTH", "two strokes"),
    ("Mr Ray cannot face the phone (on sertraline since march, the doctor says).", "HEALTH",
     "on sertraline since march"),
    ("Mr Ames is an Elim church elder and will not come on Sundays.", "RELIGION", "Elim church elder"),
    ("You told the panel that you worship with the Akorino church.", "RELIGION", "worship with the Akorino church"),
    ("Colm is not even a Catholic, he was brought up Church of Ireland.", "RELIGION", "brought up Church of Ireland"),
    ("Mr Ames was a TGWU shop steward on the buses.", "TRADE_UNION", "TGWU shop steward"),
    ("I was in NIPSA all my working life.", "TRADE_UNION", "NIPSA"),
    ("Mr Ames is a GMB Scotland regional organiser.", "TRADE_UNION", "GMB Scotland"),
    ("Alan Bates, ex-pitman. NUM retired. Daughter does his post.", "TRADE_UNION", "NUM retired"),
    ("Apols: Ned Fearon (d/w copd, in hosp. again).", "HEALTH", "d/w copd"),
    ("Mwanaisha does not drive since her eye operation.", "HEALTH", "eye operation"),
    ("Rodney has told me that he has early-stage Parkinson's.", "HEALTH", "early-stage Parkinson's"),
    ("Councillor Ames, who is openly gay, told me.", "SEXUAL_ORIENTATION", "openly gay"),
])
def test_health_faith_union_and_orientation_as_people_write_them(detector, text, entity_type, value):
    assert value in _of_type(detector, text, entity_type)


CALLS = ("Time    By   Name                  Phone           VI    Notes\n"
         "18:07   LL   PIERI, Xenia          07700 900 412   LD    always lib dem. greek orthodox, st demetrios\n"
         "18:11   MG   OZSOY, Fikri          0207 946 0590   L     turkish cypriot, was unite at the depot.\n")


@pytest.mark.parametrize("entity_type, value", [("RELIGION", "greek orthodox"), ("ETHNICITY", "turkish cypriot")])
def test_a_faith_or_an_origin_typed_in_lower_case_in_a_note(detector, entity_type, value):
    assert value in _of_type(detector, CALLS, entity_type)


@pytest.mark.parametrize("text, value", [
    ("Kip Fiske, who sat as a Green councillor for Mancroft until 2022, spoke.",
     "sat as a Green councillor for Mancroft until 2022"),
    ("Mrs Tansley told Kana that she had lent her vote to Reform in 2024 and was thinking.",
     "lent her vote to Reform in 2024"),
    ("Mr Ames says he left for the Greens in 2024 then rejoined.", "left for the Greens in 2024"),
])
def test_votes_and_switches_as_members_describe_them(detector, text, value):
    assert any(value in o for o in opinions(detector, text))


@pytest.mark.parametrize("sentence, opinion", [
    ("Senga said she thinks the two-child limit should have gone on day one.",
     "thinks the two-child limit should have gone on day one"),
    ("Wattie abstained; he said he wants Faslane shut, same as Ally.", "wants Faslane shut"),
    ("Ashley Sturgess gave to the Lib Dems' Brackmills crowdfunder in May, but is ours.",
     "gave to the Lib Dems' Brackmills crowdfunder in May"),
    ("Ms Bopanna posted in 2022 that the monarchy should be abolished.",
     "posted in 2022 that the monarchy should be abolished"),
    ("Mr Sonny Wragg went to the Reform meeting at the Legion last month.",
     "went to the Reform meeting at the Legion last month"),
])
def test_a_clause_of_holding_saying_or_doing_that_names_a_political_subject_is_an_opinion(detector, sentence, opinion):
    assert opinion in opinions(detector, sentence + "\n")


@pytest.mark.parametrize("sentence, opinion", [
    ("Ms Ann Ash thinks the council should take the leisure centre back in-house.",
     "thinks the council should take the leisure centre back in-house"),
    ("Mr Bo Lee would rather see the depot sold than another penny cut from adult social care.",
     "would rather see the depot sold than another penny cut from adult social care"),
    ("Mrs Di Roe has opposed every academy conversion in Wiltshire since 2010.",
     "opposed every academy conversion in Wiltshire since 2010"),
    ("Mr Bo Lee thinks the county should never have closed the tip.", "thinks the county should never have closed the tip"),
    ("Ms Ann Ash joined from the Greens after the 2024 election.", "joined from the Greens after the 2024 election"),
    ("Mr Cy Day went Reform after last summer.", "went Reform after last summer"),
    ("Mrs Eve Fry has been a member of the European Movement for years.", "member of the European Movement for years"),
])
def test_a_view_held_on_public_affairs_is_an_opinion(detector, sentence, opinion):
    assert any(opinion in o for o in opinions(detector, sentence + "\n"))


@pytest.mark.parametrize("sentence", [
    "He said the council had not replied to the branch.",
    "She thinks the meeting went well and wants the minutes by Friday.",
    "He went to the reform of the rules session at conference.",
    "Mrs Okafor wants to rejoin after her arrears are cleared.",
    "Mr Abel Hart wants a postal vote form for his mother.",
    "Mr Abel Hart joined the branch in May and went to the shops after.",
])
def test_a_clause_with_no_political_subject_is_no_opinion(detector, sentence):
    assert opinions(detector, sentence + "\n") == []


def ethnicities(detector, text):
    return [value for value, kind in found_of(detector, text) if kind == "ETHNICITY"]


@pytest.mark.parametrize("sentence, origin", [
    ("She works at the Royal Alexandra. She is Kalmyk and a practising Buddhist.", "Kalmyk"),
    ("Asiyat Aliyeva, she's Avar, from Dagestan, she was very clear.", "Avar"),
    ("Zau Seng, who's Kachin, is the one who drove.", "Kachin"),
    ("Mrs Dil Maya Rai wrote: we are Lhotshampa, from the south of Bhutan.", "Lhotshampa"),
])
def test_an_origin_no_list_knows_said_of_a_person_is_an_ethnicity(detector, sentence, origin):
    assert origin in ethnicities(detector, sentence + "\n")


@pytest.mark.parametrize("sentence", [
    "He is Chair, and she is Secretary.",
    "She's Labour, always has been.",
    "They are Back, from the holiday.",
])
def test_an_office_a_party_or_an_ordinary_word_after_is_is_no_ethnicity(detector, sentence):
    assert ethnicities(detector, sentence + "\n") == []


def test_an_opinion_in_a_long_notes_cell_belongs_to_the_row_it_is_on(detector):
    text = ("Name                 Mem. no.       Notes from the doorstep\n"
            "-------------------  ------------   ---------------------------------------------\n"
            "GOVIER, Blossom      BGW-0312-054   Lovely. Orchard out the back. Brought us cider. On the list "
            "for a new knee so can't deliver. Reckons the Greens are the only ones talking sense about the river.\n")
    assert "Reckons the Greens are the only ones talking sense about the river" in opinions(detector, text)



def found_types(detector, text):
    return {(kind, value) for value, kind in found_of(detector, text)}


@pytest.mark.parametrize("text, kind, value", [
    ("Mr Kel Masanja: twin of Doto. Sukuma, from Mwanza. PCS rep.", "ETHNICITY", "Sukuma"),
    ("You told the panel, Ms Ama Yakubu, that you are Dagomba, from Tamale.", "ETHNICITY", "Dagomba"),
    ("Ms Ada Crane wrote: I am a Spiritual Baptist and I do not hold with it.", "RELIGION", "Spiritual Baptist"),
    ("Mr Ali Hasan was abroad on ziyarat to Karbala in August.", "RELIGION", "ziyarat to Karbala"),
    ("Mr Finbarr Hay is NEU district secretary at the school.", "TRADE_UNION", "NEU district secretary"),
    ("Mr Don Tait had a triple bypass in March.", "HEALTH", "triple bypass"),
    ("Mrs Ada Crane has glaucoma and the screen hurts.", "HEALTH", "glaucoma"),
    ("Ms Tia Rowe was seven months pregnant at the time.", "HEALTH", "seven months pregnant"),
    ("Ms Tia Rowe will give hers by phone, with her fiancée, Ms Jo Tebbutt.", "SEXUAL_ORIENTATION", "her fiancée"),
    ("Mr Yusuf Lokhandwala: reminder of conduct; treasurer training.", "SANCTION", "treasurer training"),
    ("The Group has withdrawn the group whip from Cllr Dan Wolf.", "SANCTION", "withdrawn the group whip"),
])
def test_special_categories_and_sanctions_as_members_and_panels_write_them(detector, text, kind, value):
    # a finding may run on to the end of its clause ("triple bypass in March")
    assert any(k == kind and v.startswith(value) for k, v in found_types(detector, text + "\n"))


@pytest.mark.parametrize("text, kind, value", [
    ("Ms Awa Sene is Serer and has asked for letters by e-mail.", "ETHNICITY", "Serer"),
    ("Kerubo Onsongo is Kisii, came over from Kenya in 2010.", "ETHNICITY", "Kisii"),
    ("Mr Kamal Uddin is a Unite steward at Brintons.", "TRADE_UNION", "Unite steward at Brintons"),
    ("Mrs Lyn Fox is a member of the Chartered Society of Physiotherapy.", "TRADE_UNION",
     "a member of the Chartered Society of Physiotherapy"),
    ("Mr Rhys Dewes wrote: I have osteoporosis and cannot stand for long.", "HEALTH", "osteoporosis"),
    ("Mr Piotr Nowak goes to the Polish Mass at St Marie's on Sundays.", "RELIGION", "goes to the Polish Mass at St Marie's"),
    ("Mr Jo Kemish: formal warning; equality and respect training.", "SANCTION", "equality and respect training"),
    ("Mr Jo Kemish is barred from holding office in the branch for twelve months.", "SANCTION",
     "barred from holding office in the branch for twelve months"),
])
def test_more_special_categories_and_sanctions_as_records_write_them(detector, text, kind, value):
    assert any(k == kind and v.startswith(value) for k, v in found_types(detector, text + "\n"))


def test_a_name_after_is_is_no_origin(detector):
    assert not any(k == "ETHNICITY" for k, _ in found_types(detector, "The chair is Susan, and she spoke.\n"))
