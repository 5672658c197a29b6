"""Preview as the public will see it: desktop and mobile widths, and a contact panel at chosen moments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from home.demo.contact_panels import CHILD_ABUSE_OR_NEGLECT, ensure_contact_panels
from sscp_wagtail.contact_panels.moments import MOMENTS, moment_for
from sscp_wagtail.opening_hours import LONDON, NaiveDatetimeError
from tests.conftest import page_at, soup
from tests.workflows.helpers import make_user


def uk(*args, fold=0):
    return dt.datetime(*args, tzinfo=LONDON, fold=fold)


@pytest.mark.parametrize(
    ("now", "name", "expected"),
    [
        (uk(2026, 11, 25, 10, 0), "weekday-evening", uk(2026, 11, 25, 19, 0)),
        (uk(2026, 11, 27, 19, 30), "weekday-evening", uk(2026, 11, 30, 19, 0)),  # Friday night: Monday's
        (uk(2026, 11, 25, 10, 0), "saturday", uk(2026, 11, 28, 11, 0)),
        (uk(2026, 11, 28, 11, 0), "saturday", uk(2026, 12, 5, 11, 0)),  # the next, not this minute
        (uk(2026, 11, 25, 10, 0), "bank-holiday", uk(2026, 12, 25, 12, 0)),
        (uk(2026, 12, 29, 9, 0), "bank-holiday", uk(2027, 1, 1, 12, 0)),
        (uk(2026, 11, 25, 10, 0), "christmas", uk(2026, 12, 25, 12, 0)),
        (uk(2026, 12, 26, 10, 0), "christmas", uk(2027, 12, 25, 12, 0)),
        (uk(2026, 10, 1, 10, 0), "clocks-go-back", uk(2026, 10, 25, 1, 30)),
        (uk(2026, 11, 25, 10, 0), "clocks-go-back", uk(2027, 10, 31, 1, 30)),
        (uk(2026, 11, 25, 10, 0, 42), "", uk(2026, 11, 25, 10, 0)),
        (uk(2026, 11, 25, 10, 0), "no-such-mode", uk(2026, 11, 25, 10, 0)),
    ],
)
def test_each_moment_is_the_next_one(now, name, expected):
    moment = moment_for(name, now)
    assert moment == expected
    assert moment.utcoffset() == expected.utcoffset()


def test_the_clocks_go_back_moment_is_the_first_1_30_in_summer_time():
    moment = moment_for("clocks-go-back", uk(2026, 10, 1, 10, 0))
    assert moment.tzname() == "BST"


def test_a_naive_now_is_refused():
    with pytest.raises(NaiveDatetimeError):
        moment_for("saturday", dt.datetime(2026, 11, 25, 10, 0))  # noqa: DTZ001 - the point of the test


@pytest.fixture
def panel(db):
    return ensure_contact_panels()[CHILD_ABUSE_OR_NEGLECT]


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["saturday", "christmas", "weekday-evening"])
def test_the_panel_preview_at_a_moment_out_of_hours_gives_the_evening_number(panel, mode):
    response = panel.make_preview_request(preview_mode=mode)
    assert response.status_code == 200
    document = soup(response)
    sentence = document.select_one("[data-contact-panel-sentence]").get_text(" ", strip=True)
    assert "0161 718 2118" in sentence
    assert "0161 217 6028" not in sentence
    notice = document.select_one("[data-preview-moment]")
    assert notice.get_text(" ", strip=True).startswith("As the public would see it at")
    # The browser does not replace the chosen moment's status with its own clock's.
    assert document.select_one("[data-contact-panel]")["data-contact-panel-ready"] == "true"


@pytest.mark.django_db
def test_the_panel_preview_now_follows_the_clock(panel):
    document = soup(panel.make_preview_request(preview_mode=""))
    assert document.select_one("[data-preview-moment]") is None
    assert not document.select_one("[data-contact-panel]").has_attr("data-contact-panel-ready")


@pytest.mark.django_db
def test_the_panel_edit_form_offers_the_moments(panel, client):
    client.force_login(make_user("editor", "Editors"))
    response = client.get(reverse("wagtailsnippets_sscp_wagtail_contactpanel:edit", args=[panel.pk]))
    options = [option.get_text(strip=True) for option in soup(response).select("select#id_preview_mode option")]
    assert options == ["Now", *[moment.label for moment in MOMENTS]]


@pytest.mark.django_db
def test_pages_preview_at_desktop_and_mobile_widths(demo, client):
    client.force_login(make_user("editor", "Editors"))
    baby_m = page_at("/serious-case-reviews/baby-m/")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[baby_m.pk]))
    labels = [element.get("aria-label") for element in soup(response).select("[name=preview-size]")]
    assert "Preview in mobile size" in labels
    assert "Preview in desktop size" in labels
