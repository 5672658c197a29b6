"""The interface catalogues in locale/: compiled, complete enough, and safe to format."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ["pl", "ur"]
PLACEHOLDERS = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")
# Admin-only messages and the emails stay in English (the admin's language);
# the referral notification is built in English whatever the referrer's language.
ADMIN_ONLY = (
    "PO file",
    "Translate “%(parent)s”",
    "left this comment",
    "New case review referral",
    "A new referral has been made",
    "Reference: %(reference)s",
    "Form: %(form)s",
    "Read it in the admin",
    "This email deliberately",
)


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language):
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    key = lambda entry: (entry.msgctxt, entry.msgid)  # noqa: E731
    source = {key(e): (e.msgstr, e.msgstr_plural) for e in catalogue(language).translated_entries()}
    built = {key(e): (e.msgstr, e.msgstr_plural) for e in compiled if e.msgid}
    assert source == built, "run: python manage.py compilemessages (see README, Translation)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reader_facing_string_is_translated(language):
    missing = [
        entry.msgid
        for entry in catalogue(language).untranslated_entries()
        if not any(marker in entry.msgid for marker in ADMIN_ONLY)
        and not (language == "pl" and entry.msgctxt == "contact panel" and entry.tcomment)
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    for entry in catalogue(language).translated_entries():
        wanted = sorted(PLACEHOLDERS.findall(entry.msgid))
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert sorted(PLACEHOLDERS.findall(form)) == wanted, (entry.msgid, form)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_says_it_needs_a_native_speaker_s_review(language):
    po = catalogue(language)
    assert "needs a native speaker's review" in po.header
    assert po.metadata["X-Review-Status"] == "needs a native speaker's review"


def test_every_string_marked_for_translation_is_in_the_catalogues(tmp_path):
    """A string marked in the code or a template but missing from locale/ would reach Polish and Urdu
    readers in English: `make messages` adds it, and the tests above then ask for its translation."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext is missing: .ci/run installs gettext")
        pytest.skip("needs xgettext (apt-get install gettext)")
    root = LOCALE.parent
    copy = tmp_path / "checkout"
    shutil.copytree(
        root,
        copy,
        ignore=shutil.ignore_patterns(".*", "node_modules", "static", "media", "test-artifacts", "__pycache__"),
        symlinks=True,
    )
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "makemessages", "--all", "--no-location", "--ignore=static", "--ignore=bench"],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test"},
        check=True,
        capture_output=True,
    )
    for language in LANGUAGES:
        key = lambda entry: (entry.msgctxt, entry.msgid)  # noqa: E731
        committed = {key(entry) for entry in catalogue(language) if not entry.obsolete}
        found = polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po"))
        missing = sorted({key(entry) for entry in found if not entry.obsolete} - committed, key=str)
        assert missing == [], f"run `make messages` and translate these ({language}): {missing}"
