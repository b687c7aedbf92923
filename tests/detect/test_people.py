"""People: once a name is known, every later mention is found, and words that are names only sometimes stay."""
import pytest

from redactor.detect import KnownPerson
from redactor.formats.text import PlainText


def person_texts(detector, text, known=()):
    doc = PlainText().read(text.encode(), "x.txt")
    return [doc.text[f.start:f.end] for f in detector.detect(doc, list(known)) if f.entity_type == "PERSON"]


@pytest.mark.parametrize("text, mention", [
    ("Ms Jane Smith attended. Later Mr Smith left.", "Smith"),
    ("Ms Jane Smith attended. The letter to J. Smith was sent.", "J. Smith"),
    ("Ms Jane Smith attended. SMITH was absent.", "SMITH"),
    ("Ms Jane Smith attended. Smith's reply came later.", "Smith"),
    ("Ms Jane Smith attended. The panel heard from Jane\nSmith at length.", "Jane\nSmith"),
    ("Ms Jane Smith attended. Afterwards Jane went home.", "Jane"),
])
def test_when_a_person_is_found_then_every_later_form_of_the_name_is_found(detector, text, mention):
    assert mention in person_texts(detector, text)


@pytest.mark.parametrize("text, name, variant", [
    ("The complaint was made against the respondent. Mr Okonkwo-Baptiste replied.", "Ada Okonkwo-Baptiste", "Okonkwo-Baptiste"),
    ("We wrote to OKONKWO-BAPTISTE about the matter.", "Ada Okonkwo-Baptiste", "OKONKWO-BAPTISTE"),
    ("A. Okonkwo-Baptiste's statement arrived.", "Ada Okonkwo-Baptiste", "A. Okonkwo-Baptiste"),
    ("The member, Ada\nOkonkwo-Baptiste, was told.", "Ada Okonkwo-Baptiste", "Ada\nOkonkwo-Baptiste"),
])
def test_when_the_subject_is_given_then_each_variant_is_found(detector, text, name, variant):
    assert variant in person_texts(detector, text, [KnownPerson(name, "subject")])


@pytest.mark.parametrize("text, word", [
    ("Cllr Rose Baker chaired. We walked past the rose garden.", "rose"),
    ("Mark Evans spoke. Please mark the date in your diary.", "mark"),
    ("Will Turner spoke. We will reply soon.", "will"),
    ("Dr Hope Adeyemi spoke. We hope to hear from you.", "hope"),
])
def test_when_a_name_is_also_a_word_then_the_word_is_kept(detector, text, word):
    found = person_texts(detector, text)
    assert word not in found
    assert word.capitalize() in " ".join(found)


def test_when_rose_is_a_person_then_rose_alone_is_found(detector):
    text = "Cllr Rose Baker chaired the meeting. After the vote Rose thanked members."
    assert person_texts(detector, text).count("Rose") == 1


def test_a_press_release_without_people_has_no_person(detector):
    text = ("Labour will hope to mark the anniversary of the NHS with events across the country. "
            "The rose garden at the conference centre will open to visitors on 3 June.")
    assert person_texts(detector, text) == []


def test_a_name_does_not_run_into_a_label_on_the_next_line(detector):
    text = "Signed: Gareth Llewellyn\nDated: 26 February 2024\n"
    found = person_texts(detector, text)
    assert "Gareth Llewellyn" in found and not any("Dated" in f for f in found)


def test_a_record_with_split_name_fields_is_one_person_and_a_relative_is_another(detector):
    text = ("First name(s): Filmon Tekle\nLast name: GHEBREMEDHIN\nEmail: fil@example.com\n\n"
            "Household: linked to Luwam Ghebremedhin (00519733)\n")
    doc = PlainText().read(text.encode(), "x.txt")
    found = [f for f in detector.detect(doc, [KnownPerson("Filmon Tekle", "subject")]) if f.entity_type == "PERSON"]
    person_of = {doc.text[f.start:f.end]: f.person for f in found}
    assert person_of["GHEBREMEDHIN"] == person_of["Filmon Tekle"]
    assert person_of["Luwam Ghebremedhin"] != person_of["Filmon Tekle"]


def test_a_known_name_typed_in_lower_case_is_found_but_not_in_an_address_or_as_a_word(detector):
    text = ("From: Priya Raman <priya.raman@example.org>\n\nspoke to priya earlier. "
            "Mark Evans agreed; please mark the date.\n")
    found = person_texts(detector, text)
    assert "priya" in found and "mark" not in found
    assert not any(f == "priya" for f in person_texts(detector, "From: Priya Raman <priya.raman@example.org>\n"))
