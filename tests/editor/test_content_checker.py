"""Wagtail's content checker, made stricter: the axe configuration editors' previews run."""

import json
import re

import pytest

from sscp_wagtail.editor.content_checker import UNHELPFUL_ALT_TEXT
from tests.conftest import soup

pytestmark = pytest.mark.django_db


def axe_configuration(response) -> dict:
    script = soup(response).find("script", id="checker-axe-configuration")
    assert script is not None, "no content checker on the page"
    return json.loads(script.string)


def test_signed_in_editors_get_the_stricter_checker(demo, admin_client):
    config = axe_configuration(admin_client.get("/serious-case-reviews/baby-m/"))
    run_only = config["options"]["runOnly"]
    for rule in ["image-alt", "image-redundant-alt", "list", "listitem", "heading-order", "link-name"]:
        assert rule in run_only
    (alt_rule,) = [rule for rule in config["spec"]["rules"] if rule["id"] == "alt-text-quality"]
    assert alt_rule["selector"] == "img"
    (alt_check,) = [check for check in config["spec"]["checks"] if check["id"] == "check-image-alt-text"]
    assert alt_check["options"]["pattern"] == UNHELPFUL_ALT_TEXT
    assert config["messages"]["alt-text-quality"]["error_name"] == "Image alt text does not describe the image"


def test_the_public_gets_no_user_bar(demo, client):
    response = client.get("/serious-case-reviews/baby-m/")
    assert response.status_code == 200
    assert b"wagtail-userbar" not in response.content


@pytest.mark.parametrize(
    ("alt", "unhelpful"),
    [
        ("", True),
        ("   ", True),
        ("IMG_2041.JPG", True),
        ("baby_m_cot", True),
        ("Photo", True),
        ("Image of a cot", True),
        ("A photograph showing a baby asleep", True),
        ("A baby asleep on its back in a cot, with no pillows or toys", False),
        ("The Lullaby Trust logo", False),
        ("Photographs from the partnership's 2019 conference", False),
    ],
)
def test_the_alt_text_pattern(alt, unhelpful):
    # Wagtail's checker tests the pattern with JavaScript's RegExp(pattern, "i"); this one is written
    # to mean the same in both.
    assert bool(re.search(UNHELPFUL_ALT_TEXT, alt, re.IGNORECASE)) is unhelpful
