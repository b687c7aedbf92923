"""A press release's own reference and its press office's numbers are not personal data."""
from redactor.formats.text import PlainText

RELEASE = """PRESS RELEASE
For immediate release
Ref: PR/2025/031

Party launches campaign to save local bus routes.

ENDS

Contact: Press Office, 0161 496 0000, out of hours 07700 900 000
Quote reference PR-2025-031.
"""


def test_a_press_release_keeps_its_own_reference_and_press_office_numbers(detector):
    doc = PlainText().read(RELEASE.encode(), "x.txt")
    assert detector.detect(doc) == []


def test_a_reference_in_a_release_that_names_someone_is_still_removed(detector):
    text = RELEASE.replace("Party launches", "Ms Jane Okoro, membership number L1234567, launches")
    doc = PlainText().read(text.encode(), "x.txt")
    assert "CASE_REF" in {f.entity_type for f in detector.detect(doc)}


def test_any_number_in_a_release_that_names_no_one_is_the_organisations(detector):
    text = RELEASE + "Call 020 7946 0018 for the campaign pack, reference CAMP/25/7.\n"
    doc = PlainText().read(text.encode(), "x.txt")
    assert detector.detect(doc) == []


def test_a_sanctions_table_that_names_no_one_is_not_about_a_person(detector):
    text = "Disciplinary cases closed in 2024\n\nSanction\tCases\tShare\nExpulsion\t41\t12%\nFormal warning\t120\t35%\n"
    doc = PlainText().read(text.encode(), "x.txt")
    assert [f.entity_type for f in detector.detect(doc)] == []


def test_a_sanction_in_a_case_table_with_the_respondent_is_removed(detector):
    text = "Respondent\tMr Anil Mistry\nSanction\tExpulsion\n"
    doc = PlainText().read(text.encode(), "x.txt")
    assert "SANCTION" in {f.entity_type for f in detector.detect(doc)}



def test_a_release_that_names_no_one_keeps_its_web_links(detector):
    text = RELEASE + "Photos: https://labour.example.org/press/buses-photos (expires after 7 days)\n"
    doc = PlainText().read(text.encode(), "x.txt")
    assert detector.detect(doc) == []


def test_a_column_of_places_holds_no_people(detector):
    text = RELEASE + ("\nSurveyed   Waited 2m+   14-day target   Council area\n"
                      "--------   ----------   -------------   ----------------------------\n"
                      "333        29%          98%             Marsh Lane, Preston\n"
                      "96         31%          95%             Bliss Mill flats, Chipping Norton\n")
    doc = PlainText().read(text.encode(), "x.txt")
    assert detector.detect(doc) == []


def test_a_release_recalling_history_names_no_one_to_remove(detector):
    text = RELEASE + ('A spokesperson said: "Ellen\nWilkinson called Jarrow \'the town that was murdered\'. Ninety years '
                      'on, families in Jarrow still go hungry."\nThe walk passes Keir Hardie House.\n')
    doc = PlainText().read(text.encode(), "x.txt")
    assert detector.detect(doc) == []


def test_a_titled_name_in_a_release_is_still_a_person(detector):
    text = RELEASE + "Cllr Jane Okoro, leader of the council, said the routes would be saved.\n"
    doc = PlainText().read(text.encode(), "x.txt")
    assert any(f.entity_type == "PERSON" for f in detector.detect(doc))


def test_a_historical_figure_with_a_role_in_a_release_is_history_not_personal_data(detector):
    text = RELEASE + ("The Act was steered through Parliament by William Ewart, the Member for Dumfries\n"
                      "Burghs, in 1850. Libraries have been free to use ever since.\n")
    doc = PlainText().read(text.encode(), "x.txt")
    assert detector.detect(doc) == []


def test_a_spokesperson_named_with_a_role_in_a_release_is_still_a_person(detector):
    text = RELEASE + 'Jane Okoro, the campaign organiser, added: "We will not let these routes go."\n'
    doc = PlainText().read(text.encode(), "x.txt")
    assert any(f.entity_type == "PERSON" for f in detector.detect(doc))


def test_a_councillor_named_by_title_in_a_release_is_a_person_even_unquoted(detector):
    text = RELEASE + "Cllr Jane Okoro opened the new library on Saturday.\n"
    doc = PlainText().read(text.encode(), "x.txt")
    assert any(f.entity_type == "PERSON" for f in detector.detect(doc))
