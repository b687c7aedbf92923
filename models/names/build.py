#!/usr/bin/env python3
"""Write models/names/faker-names.json: the given names, surnames and ordinary words redactor's gazetteer
reads from Faker's person and lorem providers, for the locales ``given_name_locales`` in
models/detection.yaml lists.

Reading them from Faker at run time means importing Faker and some sixty locale modules (about 0.1 s of
every cold start); this file holds the same lists. The gazetteer uses it only while its locales are the
configured ones, and reads Faker itself otherwise; tests/detect/test_gazetteer_data.py fails when the
file no longer matches the installed Faker. Rerun after changing the locales or upgrading Faker:

    .venv/bin/python models/names/build.py
"""
from __future__ import annotations

import json
from pathlib import Path

from redactor.detect.gazetteer import faker_names

OUT = Path(__file__).resolve().parent / "faker-names.json"


def main() -> int:
    OUT.write_text(json.dumps(faker_names(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
