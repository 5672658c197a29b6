"""Golden-JSON contract files: checked-in expected API responses.

``SSCP_UPDATE_GOLDEN=1 pytest tests/api`` rewrites them from the current
responses; review the diff before committing it. Values that change from run
to run are normalised: database ids (PostgreSQL does not reset its sequences
between tests, and objects of different types share numbers) become ``<id>``, hosts become
``http://<host>``, timestamps and block UUIDs become placeholders, and a
contact panel's live status becomes ``<status>``.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

GOLDEN_DIR = Path(__file__).with_name("golden")
UPDATE = os.environ.get("SSCP_UPDATE_GOLDEN") == "1"

_HOST = re.compile(r"^https?://[^/]+")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ID_IN_URL = re.compile(r"/(pages|documents|images|contact-panels|themes)/(\d+)/")
_RENDITION = re.compile(r"/images/[^/\"]+\.(\w+)$")
# Storage adds "_AbC1234" to a file name that is taken; which one is taken varies.
_STORAGE_SUFFIX = re.compile(r"(/documents/[^\"\s<>]+?)_[A-Za-z0-9]{7}(\.[a-z0-9]+)\b")
_ID_KEYS = {"id", "page", "alias_of"}


class Normaliser:
    def id(self, value: int) -> str:
        return "<id>"

    def text(self, value: str) -> str:
        if _UUID.match(value):
            return "<uuid>"
        if _TIMESTAMP.match(value):
            return "<timestamp>"
        value = _HOST.sub("http://<host>", value)
        value = _STORAGE_SUFFIX.sub(r"\1\2", value)
        value = _ID_IN_URL.sub(lambda m: f"/{m[1]}/{self.id(int(m[2]))}/", value)
        return _RENDITION.sub(r"/images/<rendition>.\1", value)

    def __call__(self, data, key: str | None = None):
        if isinstance(data, dict):
            if key == "status" and "sentence" in data:
                return "<status>"
            return {k: self(v, k) for k, v in data.items()}
        if isinstance(data, list):
            return [self(item) for item in data]
        if isinstance(data, bool) or data is None:
            return data
        if isinstance(data, int) and key in _ID_KEYS:
            return self.id(data)
        if isinstance(data, str):
            return self.text(data)
        return data


def normalise(data):
    return Normaliser()(data)


def assert_matches_golden(name: str, data) -> None:
    path = GOLDEN_DIR / f"{name}.json"
    actual = normalise(data)
    if UPDATE or not path.exists():
        if not UPDATE:
            raise AssertionError(f"{path} is missing: run SSCP_UPDATE_GOLDEN=1 pytest tests/api to create it")
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
        return
    expected = json.loads(path.read_text(encoding="utf-8"))
    if actual != expected:
        diff = difflib.unified_diff(
            json.dumps(expected, indent=2, ensure_ascii=False).splitlines(),
            json.dumps(actual, indent=2, ensure_ascii=False).splitlines(),
            "expected",
            "actual",
            lineterm="",
            n=2,
        )
        print("\n".join(list(diff)[:80]))
    assert actual == expected, f"{name}: the response no longer matches {path.name} (SSCP_UPDATE_GOLDEN=1 to accept)"
