"""Which languages the site has, and where each lives: English at /, the others under a prefix."""

import pytest
from django.test import override_settings
from wagtail.models import Locale

from sscp_wagtail.i18n.locales import ensure_locales
from tests.test_settings import run_python


def languages_with(**env: str) -> str:
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.LANGUAGE_CODE, [c for c, _ in s.LANGUAGES], s.WAGTAIL_CONTENT_LANGUAGES == s.LANGUAGES)",
        DJANGO_SETTINGS_MODULE="settings.dev",
        **env,
    )
    return result.stdout.strip() or result.stderr


def test_english_polish_and_urdu_by_default():
    assert languages_with() == "en-gb ['en-gb', 'pl', 'ur'] True"


def test_the_environment_chooses_the_languages():
    assert languages_with(SSCP_LANGUAGES="en-gb,ur") == "en-gb ['en-gb', 'ur'] True"


@pytest.mark.parametrize("value", ["pl,en-gb", "en-gb,fr", "en-gb,xx"])
def test_an_unusable_language_list_stops_the_site_with_a_reason(value):
    output = languages_with(SSCP_LANGUAGES=value)
    assert "ImproperlyConfigured: SSCP_LANGUAGES must start with en-gb" in output


def test_machine_translation_is_off_unless_a_provider_key_is_given():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(getattr(s, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
    )
    assert run_python(code, DJANGO_SETTINGS_MODULE="settings.dev").stdout.strip() == "None"
    with_key = run_python(code, DJANGO_SETTINGS_MODULE="settings.dev", SSCP_DEEPL_API_KEY="a-key")
    assert with_key.stdout.strip() == "wagtail_localize.machine_translators.deepl.DeepLTranslator"


def test_translations_are_never_published_by_syncing(settings):
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


@pytest.mark.django_db
def test_every_configured_language_has_a_locale_after_migrate():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en-gb", "pl", "ur"}
    assert Locale.get_default().language_code == "en-gb"


@pytest.mark.django_db
def test_adding_a_language_to_the_settings_adds_its_locale_once():
    languages = [("en-gb", "English"), ("pl", "Polish"), ("ur", "Urdu"), ("cy", "Welsh")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        assert ensure_locales() == ["cy"]
        assert ensure_locales() == []
    assert Locale.objects.filter(language_code="cy").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/en-gb/", 404),  # English has no prefix: one address per page
        ("/admin/login/", 200),
        ("/pl/admin/login/", 404),
        ("/api/v2/pages/", 200),
        ("/pl/api/v2/pages/", 404),
        ("/search/?q=x", 200),
        ("/pl/search/?q=x", 200),
        ("/ur/search/?q=x", 200),
        ("/sitemap.xml", 200),
    ],
)
def test_where_things_live(client, path, status):
    assert client.get(path).status_code == status


@pytest.mark.django_db
def test_an_english_address_stays_english_whatever_the_browser_asks_for(client):
    response = client.get("/search/?q=x", headers={"accept-language": "pl,ur;q=0.8"})
    assert response.status_code == 200
    assert 'lang="en-gb"' in response.text
