"""Names neither spaCy's small model nor the given-name list knows are still found from where they stand:
in a list beside a known name, as a run of words no dictionary has, signing off a message, in a
column of initials, after a letter's reference."""
import pytest

from redactor.detect.gazetteer import is_dictionary_word
from redactor.detect.lists import listed_people
from redactor.formats.text import PlainText


def person_texts(detector, text):
    doc = PlainText().read(text.encode(), "x.txt")
    return [doc.text[f.start:f.end] for f in detector.detect(doc) if f.entity_type == "PERSON"]


@pytest.mark.parametrize("text, known, listed", [
    ("Apologies from Zarmina Sharifi, Radoslav Kolev and Cosmin, whose surname we lack.",
     "Zarmina Sharifi", ["Radoslav Kolev", "Cosmin"]),
    ("Canvassers: Hyun-woo Jeon\nand Fraser McNicoll.", "Fraser McNicoll", ["Hyun-woo Jeon"]),
    ("Sub-panel     Tharshini Vigneswaran (chair), Kudakwashe Nyamande, Ealish Kerr",
     "Kudakwashe Nyamande", ["Tharshini Vigneswaran", "Ealish Kerr"]),
    ("Ms Jane Smith,Mr Tom Oduya & Dr Priya Raman.", "Jane Smith", ["Tom Oduya", "Priya Raman"]),
])
def test_a_name_listed_beside_a_person_is_a_person(text, known, listed):
    start = text.index(known)
    spans = listed_people(text, [(start, start + len(known))])
    assert [text[s:e] for s, e in spans] == sorted(listed, key=text.index)


@pytest.mark.parametrize("text, known", [
    ("copied to Jane Smith, Finance and Audit", "Jane Smith"),
    ("Cliff Ravenscroft, Tressell branch, has been suspended", "Cliff Ravenscroft"),
    ("Jane Smith, Labour Party, London", "Jane Smith"),
    ("Jane Smith, Notes, Minutes and Papers", "Jane Smith"),
])
def test_ordinary_words_places_and_organisations_in_a_list_are_not_people(text, known):
    start = text.index(known)
    assert listed_people(text, [(start, start + len(known))]) == []


def test_the_dictionary_knows_ordinary_words_and_their_forms_but_not_names():
    assert all(is_dictionary_word(w) for w in ("Finance", "Board", "Notes", "Upheld", "Children"))
    assert not any(is_dictionary_word(w) for w in ("Cosmin", "Jeon", "Tharshini", "Mirwais"))


@pytest.mark.parametrize("text, name", [
    ("The sub-panel heard Tharshini Vigneswaran at length.", "Tharshini Vigneswaran"),
    ("The letter confirmed that Cliff Ravenscroft has been suspended.", "Cliff Ravenscroft"),
    ("Present: Nguyễn Thị Lan and others.", "Nguyễn Thị Lan"),
    ("Following the meeting I heard that Agnieszka had been crying in the car park.", "Agnieszka"),
    ("Bongani, a new member whose surname I don't know, saw it too.", "Bongani"),
    ("Statement taken by: D. Mbeki", "D. Mbeki"),
])
def test_unfamiliar_names_are_found(detector, text, name):
    assert name in person_texts(detector, text)


def test_a_place_before_an_appositive_is_not_taken_for_a_name(detector):
    assert "Leeds" not in person_texts(detector, "In Leeds, the member said she felt unsafe.")


CHAIN = """From: Tomás Brennan <t.brennan@example.org>
Sent: 12 May 2025 09:14
To: Ilze Ozolina <i.ozolina@example.org>

Happy for you to do it, but keep it
to process. TB

From: Ilze Ozolina <i.ozolina@example.org>
Sent: 11 May 2025 17:02

She says she is not sleeping and has asked us to move quickly.

Wiki

From: Wiremu Parata <w.parata@example.org>
"""


def test_a_bare_sign_off_at_the_end_of_a_message_is_a_person(detector):
    found = person_texts(detector, CHAIN)
    assert "TB" in found and "Wiki" in found


def test_a_line_of_ordinary_words_before_the_next_message_is_not_a_sign_off(detector):
    text = CHAIN.replace("Wiki", "Thanks")
    assert "Thanks" not in person_texts(detector, text)


def test_initials_in_a_who_column_and_after_a_reference_are_people(detector):
    text = ("Ref: GLU-NEC-2025-114 (AaG/PAT)\n\n"
            "Action                                  Who   By\n"
            "--------------------------------------  ---   -------\n"
            "Letter to the member with the decision  BQ    18 June\n"
            "Check the September meeting date        BQ    30 June\n")
    found = person_texts(detector, text)
    assert {"AaG", "PAT"} <= set(found)
    assert found.count("BQ") == 2


def test_an_office_in_a_from_field_is_not_two_people(detector):
    text = "From: Mitcham and Morden CLP Secretary <secretary@example.org>\nSubject: a complaint\n"
    assert "Mitcham" not in person_texts(detector, text)


@pytest.mark.parametrize("text, names", [
    ("Name: Wang Wei (王伟)", ["王伟"]),
    ("The witness, Иван Петров, said he saw it.", ["Иван Петров"]),
    ("Member: Γιώργος Παπαδόπουλος", ["Γιώργος Παπαδόπουλος"]),
    ("Attendees:\n- Nkechi Okafor\n- Tobias Lindgren\n- Anjali\n", ["Anjali"]),
    ("From the desk of J.R. Hartley-Moss", ["J.R. Hartley-Moss"]),
    ("Hi Tendai,\n\nCan you send the form?\n", ["Tendai"]),
    ("Brother Makinde disagreed with the chair.", ["Makinde"]),
    ("Present: Alexandru Popescu (interviewee), Moira Ferguson (IO)\nAP said he was never there.\nMF: Are you sure?",
     ["AP", "MF"]),
])
def test_names_in_other_scripts_bullets_greetings_and_interview_initials_are_found(detector, text, names):
    found = person_texts(detector, text)
    assert all(name in found for name in names), found


def test_a_document_in_another_script_is_not_taken_for_names(detector):
    text = "Объявление. " + "Собрание членов партии состоится в среду вечером в главном зале. " * 10
    assert person_texts(detector, text) == []


@pytest.mark.parametrize("text, name", [
    ("We know you and Mirwais are Pashtun.", "Mirwais"),
    ("Dumisani and I went to the branch meeting.", "Dumisani"),
    ("Sub-panel\tTharshini Vigneswaran (chair), Kudakwashe Nyamande, Ealish Kermode", "Tharshini Vigneswaran"),
    ("Name\tNo.\nDANG Thi Mai\t5532208\n", "DANG Thi Mai"),
    ("Member no\tName\tDOB\nL1920130\tST LOUIS, Darnell\t1972-05-05\n\nLater Darnell St Louis rang.", "Darnell St Louis"),
    ("From: Ilze Ozolina <i.ozolina@example.org>\n\nIO Ilze Ozolina | Head of Complaints\n", "IO"),
    ("I've phoned Ms Zhang. She says she is not sleeping.\nWiki\n3. From: Ayodele Bankole <a.b@example.org>\n", "Wiki"),
])
def test_names_beside_pronouns_in_table_cells_family_first_and_paragraph_sign_offs(detector, text, name):
    assert name in person_texts(detector, text)


def test_a_word_beside_a_pronoun_that_is_an_ordinary_word_is_not_a_name(detector):
    assert person_texts(detector, "You and Finance need to agree the budget.") == []


def test_a_column_header_is_not_a_name(detector):
    assert "No." not in person_texts(detector, "Name\tNo.\nDANG Thi Mai\t5532208\n")



@pytest.mark.parametrize("text, names", [
    ("Campaign report from Sunday Skillicorn, who reminded members to canvass.", ["Sunday Skillicorn"]),
    ("Councillor Royal Esparon\nFlat 3, 41 Francis Avenue\nSouthsea\n", ["Royal Esparon"]),
    ("FA-1241     April Almonte             Flat 9, Missenden    ?    first-time voter", ["April Almonte"]),
])
def test_a_day_a_month_or_royal_leads_a_name_when_a_name_no_dictionary_knows_follows(detector, text, names):
    assert person_texts(detector, text) == names


def test_the_same_word_alone_is_the_person_only_where_it_acts_as_one(detector):
    text = ("Present: Sunday Omoregie (SO, treas); Dicky Musgrave.\n"
            "SO to bring the banner to Sunday's stall. Sunday session 10-12 by Royal Mail.\n"
            "Thanks to Nito and Sunday, who stayed late. Sunday said she was tired.\n")
    found = person_texts(detector, text)
    assert found.count("Sunday") == 2 and "Royal" not in found
    assert "Sunday's" not in found


@pytest.mark.parametrize("text", [
    "The Sunday Times ran the story on Sunday 14 June.",
    "Royal Mail lost the letter in April 2025.",
    "She served in the Royal Navy until May 2019.",
])
def test_days_months_and_royal_stay_words_before_ordinary_words_and_dates(detector, text):
    assert person_texts(detector, text) == []


def test_every_word_of_a_name_cell_counts_even_an_ordinary_one(detector):
    text = ("Phone-bank log\n\nName              Tel             VI   Notes\n"
            "---------------   -------------   --   ----------------\n"
            "smallridge, dot   0117 496 0318   L    nell's mum\n"
            "ashmead, ray      0117 496 0129   L    judith's husband\n")
    found = person_texts(detector, text)
    assert {"dot", "ray"} <= set(found) or {"smallridge, dot", "ashmead, ray"} <= set(found)


def test_a_quoted_nickname_in_brackets_after_a_surname_is_the_persons(detector):
    text = ('Cllr Ravi Muthanna came late. Cllr Muthanna ("Nanju" to most of the branch) accepts it.\n'
            "Nanju says he was at work.\n")
    assert person_texts(detector, text).count("Nanju") == 2


@pytest.mark.parametrize("text, initial", [
    ("Lewin's poster is not our business unless he tells us it is. H.\n\nExported from the system.\n", "H."),
    ("That's everything for now. - J.\n\nNational Constitutional Committee\n", "J."),
])
def test_a_dotted_initial_ending_a_paragraph_signs_it(detector, text, initial):
    assert initial in person_texts(detector, text)


def test_a_letter_after_a_word_ending_a_paragraph_is_no_signature(detector):
    assert person_texts(detector, "The figures are in Annex C.\n\nNext item.\n") == []


@pytest.mark.parametrize("text, names", [
    ("Mum put it on speaker. Dad (Fadi) was at work.", ["Fadi"]),
    ("Notes for volunteers from Kezia (KT): the notes column is as typed.", ["Kezia", "KT"]),
])
def test_a_name_in_brackets_after_a_family_word_or_before_its_initials(detector, text, names):
    assert person_texts(detector, text) == names


def test_an_ordinary_word_before_initials_is_no_name(detector):
    assert person_texts(detector, "The Finance (FC) and Audit (AC) reports were agreed.") == []


@pytest.mark.parametrize("text, nickname", [
    ('Name                Tel               VI    Notes\n'
     'Teahan, Maurice     07700 900 147     C     "Mossie". Is still Tory.\n\nMossie rang back.\n', "Mossie"),
    ("1. My name is Bernadette Gildea and everyone calls me Bernie. Bernie agreed.\n", "Bernie"),
    ('Ms Neena Quested ("Neen", as she asked to be called) was shown it. Neen said no.\n', "Neen"),
])
def test_a_nickname_a_document_states_is_the_persons_everywhere(detector, text, nickname):
    assert person_texts(detector, text).count(nickname) == 2


def test_initials_ending_a_paragraph_sign_it_but_an_acronym_does_not(detector):
    assert person_texts(detector, "Where a member asked me not to, I did not. IMK\n\n1. Attendees\n") == ["IMK"]
    assert person_texts(detector, "The matter goes to the NEC.\n\nIt was agreed. AOB\n\nNone.\n") == []


def test_a_word_the_document_writes_as_a_place_before_a_noun_is_no_name(detector):
    text = ("The rows come from three forums (Dumfries, Newton Stewart and Stranraer) this autumn.\n"
            "2. Note on the Stranraer forum\n\nThe Stranraer forum was the liveliest.\n")
    assert "Stranraer" not in person_texts(detector, text)


def test_a_surname_before_family_is_still_a_person(detector):
    text = "Mr Tomasz Okafor-Blane complained. The Okafor-Blane family live at the end of the road.\n"
    assert person_texts(detector, text).count("Okafor-Blane") == 1 or "Tomasz Okafor-Blane" in person_texts(
        detector, text)


@pytest.mark.parametrize("text, name", [
    ('A205-1194   was "FUNG WAI MING RAYMOND". Moved from Hong Kong 2020.\n', "FUNG WAI MING RAYMOND"),
    ('A184-7720   was "FERREIRA, JOAO M". Prefers Portuguese on the phone.\n', "FERREIRA, JOAO M"),
])
def test_a_name_as_a_record_had_it_before_is_a_name(detector, text, name):
    assert name in person_texts(detector, text)


def test_a_quoted_marking_after_was_is_no_name(detector):
    assert person_texts(detector, 'The file was "STRICTLY CONFIDENTIAL" until May.\n') == []


def test_the_name_a_complaint_calls_someone_is_theirs(detector):
    text = ('Dear Mr Tariq Azam,\nIn her complaint Mrs Pearsall refers to you throughout as "Taz", which we '
            "understand is the name you use. Taz denies it.\n")
    assert person_texts(detector, text).count("Taz") == 2
