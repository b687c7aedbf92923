"""Operators: pseudonyms are consistent and keyed, generalisation is coarser, encryption reverses."""
import pytest

from redactor.errors import UsageError
from redactor.policy.operators import GENERALISERS, Pseudonyms, decrypt_text, encrypt

KEY = "0123456789abcdef0123456789abcdef"


def test_people_get_role_labels_numbered_in_order_of_appearance():
    p = Pseudonyms("k")
    assert p.person("Robert Hale", "subject") == "Member A"
    assert p.person("Amina Yusuf", "complainant") == "Complainant 1"
    assert p.person("Jo Price", "witness") == "Witness 1"
    assert p.person("Sam Reed", "witness") == "Witness 2"
    assert p.person("Chris Dale", None) == "Person 1"


def test_a_person_keeps_their_pseudonym_under_other_forms_of_their_name():
    p = Pseudonyms("k")
    first = p.person("Amina Yusuf", "complainant")
    assert p.person("Ms Amina Yusuf", "complainant") == first
    assert p.person("Yusuf", "complainant") == first
    assert p.person("AMINA YUSUF's", None) == first


def test_other_values_get_keyed_tags_stable_across_instances_with_the_same_key():
    a, b, c = Pseudonyms("key-1"), Pseudonyms("key-1"), Pseudonyms("key-2")
    tag = a.value("EMAIL", "amina@example.org")
    assert tag.startswith("[EMAIL ") and "amina" not in tag
    assert b.value("EMAIL", "amina@example.org") == tag
    assert c.value("EMAIL", "amina@example.org") != tag


@pytest.mark.parametrize("entity, original, expected", [
    ("DATE", "14 March 2024", "2024"),
    ("POSTCODE", "BD3 7JD", "BD3"),
    ("POSTCODE", "sw1e6qt", "SW1E"),
])
def test_generalising_keeps_only_the_coarse_part(entity, original, expected):
    assert GENERALISERS[entity](original) == expected


def test_encrypted_values_decrypt_with_the_key_and_not_without_it():
    token = encrypt("Amina Yusuf", KEY)
    assert "Amina" not in token and token.startswith("[ENC:")
    text = f"Complaint by {token} upheld."
    assert decrypt_text(text, KEY) == ("Complaint by Amina Yusuf upheld.", 1)
    wrong, n = decrypt_text(text, "f" * 32)
    assert n == 0 and "Amina" not in wrong


def test_encryption_refuses_a_missing_or_badly_sized_key():
    with pytest.raises(UsageError, match="key"):
        encrypt("x", None)
    with pytest.raises(UsageError, match="16, 24 or 32"):
        encrypt("x", "short")
