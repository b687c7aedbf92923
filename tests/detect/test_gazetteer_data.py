"""The saved Faker lists (models/names/faker-names.json) are what the installed Faker gives.

The gazetteer reads the saved file at run time instead of importing Faker's locale modules (cold start);
this test says when the file must be rebuilt with ``models/names/build.py``.
"""
import json

import pytest

from redactor.detect.gazetteer import faker_names
from redactor.resources import model_file


@pytest.mark.slow
def test_the_saved_faker_names_are_the_installed_fakers():
    saved = json.loads(model_file("names/faker-names.json").read_text(encoding="utf-8"))
    live = faker_names()
    assert saved["locales"] == live["locales"]
    for key in ("given", "surnames", "lorem"):
        assert saved[key] == live[key], f"models/names/faker-names.json is stale ({key}): run models/names/build.py"


def test_the_gazetteer_does_not_import_faker_when_the_saved_lists_fit(monkeypatch):
    import sys

    from redactor.detect import gazetteer

    gazetteer._faker_data.cache_clear()
    monkeypatch.delitem(sys.modules, "faker", raising=False)
    try:
        assert "priya" in gazetteer.given_names() or gazetteer._faker_data()["given"]
        assert "faker" not in sys.modules
    finally:
        gazetteer._faker_data.cache_clear()
