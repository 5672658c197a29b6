"""``/api/v2/contact-panels/``: live panels only, with a status for any moment."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.demo.contact_panels import CHILD_ABUSE_OR_NEGLECT, SAFEGUARDING_UNIT, ensure_contact_panels
from sscp_wagtail.models import Closure, ContactLine, ContactPanel, OpeningPeriod, SpecialOpening

pytestmark = pytest.mark.django_db

LIST = "/api/v2/contact-panels/"
OFFICE = {"label": "Office hours", "phone": "0161 217 6028", "tel": "+441612176028"}
OUT_OF_HOURS = {"label": "Evenings and weekends", "phone": "0161 718 2118", "tel": "+441617182118"}


@pytest.fixture
def panels():
    return ensure_contact_panels()


@pytest.fixture
def seed(panels):
    return panels[CHILD_ABUSE_OR_NEGLECT]


def detail(panel) -> str:
    return f"{LIST}{panel.pk}/"


def status(client, panel, at: str) -> dict:
    response = client.get(detail(panel), {"at": at})
    assert response.status_code == 200, response.content
    return response.json()["status"]


def test_detail_shape(client, seed):
    Closure.objects.create(panel=seed, date=dt.date(2026, 12, 24), reason="Christmas Eve closure")
    SpecialOpening.objects.create(panel=seed, date=dt.date(2026, 12, 31), opens=dt.time(9), closes=dt.time(13))
    body = client.get(detail(seed), {"at": "2026-11-13T16:29:00+00:00"}).json()
    assert body["id"] == seed.pk
    assert body["meta"]["type"] == "sscp_wagtail.ContactPanel"
    assert body["meta"]["locale"] == "en-gb"
    assert body["meta"]["detail_url"].endswith(detail(seed))
    assert (body["title"], body["lead"]) == ("Child abuse or neglect", "Do not ignore it")
    office, out_of_hours = body["lines"]
    assert {key: office[key] for key in ("label", "phone", "tel", "email", "text_relay")} == {
        **OFFICE,
        "email": "",
        "text_relay": False,
    }
    assert (office["closed_on_bank_holidays"], office["always_open"], office["out_of_hours"]) == (True, False, False)
    assert [(p["weekday"], p["opens"], p["closes"], p["overnight"]) for p in office["periods"]] == [
        ("Monday", "08:30:00", "17:00:00", False),
        ("Tuesday", "08:30:00", "17:00:00", False),
        ("Wednesday", "08:30:00", "17:00:00", False),
        ("Thursday", "08:30:00", "17:00:00", False),
        ("Friday", "08:30:00", "16:30:00", False),
    ]
    assert out_of_hours["out_of_hours"] is True and out_of_hours["periods"] == []
    assert [(c["date"], c["reason"]) for c in body["closures"]] == [("2026-12-24", "Christmas Eve closure")]
    assert [(s["date"], s["opens"], s["closes"]) for s in body["special_openings"]] == [
        ("2026-12-31", "09:00:00", "13:00:00")
    ]
    assert body["status"] == {
        "at": "2026-11-13T16:29:00+00:00",
        "open": True,
        "current": OFFICE,
        "next_change": "2026-11-13T16:30:00+00:00",
        "sentence": "Open now until 4:30pm: call 0161 217 6028",
    }


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        # Friday, the last minute of the office and the first minute after.
        ("2026-11-13T16:29:00+00:00", ("2026-11-13T16:29:00+00:00", True, OFFICE, "2026-11-13T16:30:00+00:00")),
        ("2026-11-13T16:30:00+00:00", ("2026-11-13T16:30:00+00:00", False, OUT_OF_HOURS, "2026-11-16T08:30:00+00:00")),
        # Boxing Day 2026 is a Saturday; the substitute Monday 28th is closed too.
        ("2026-12-26T11:00:00+00:00", ("2026-12-26T11:00:00+00:00", False, OUT_OF_HOURS, "2026-12-29T08:30:00+00:00")),
        ("2026-12-28T10:00:00+00:00", ("2026-12-28T10:00:00+00:00", False, OUT_OF_HOURS, "2026-12-29T08:30:00+00:00")),
        # UTC input ("Z") is answered in London time: 07:30 UTC on a summer Monday is 8:30am BST.
        ("2026-07-13T07:29:00Z", ("2026-07-13T08:29:00+01:00", False, OUT_OF_HOURS, "2026-07-13T08:30:00+01:00")),
        ("2026-07-13T07:30:00Z", ("2026-07-13T08:30:00+01:00", True, OFFICE, "2026-07-13T17:00:00+01:00")),
        # Spring clock change (Sunday 29 March 2026, 1am GMT -> 2am BST): the office
        # reopens on Monday at 8:30am BST.
        ("2026-03-29T00:30:00Z", ("2026-03-29T00:30:00+00:00", False, OUT_OF_HOURS, "2026-03-30T08:30:00+01:00")),
        ("2026-03-29T01:30:00Z", ("2026-03-29T02:30:00+01:00", False, OUT_OF_HOURS, "2026-03-30T08:30:00+01:00")),
        # Autumn (Sunday 25 October 2026): 1:30am happens twice, first in BST then in GMT.
        ("2026-10-25T00:30:00Z", ("2026-10-25T01:30:00+01:00", False, OUT_OF_HOURS, "2026-10-26T08:30:00+00:00")),
        ("2026-10-25T01:30:00Z", ("2026-10-25T01:30:00+00:00", False, OUT_OF_HOURS, "2026-10-26T08:30:00+00:00")),
        ("2026-10-25T01:30:00+01:00", ("2026-10-25T01:30:00+01:00", False, OUT_OF_HOURS, "2026-10-26T08:30:00+00:00")),
        # Another zone's offset is the same instant.
        ("2026-11-16T09:30:00+01:00", ("2026-11-16T08:30:00+00:00", True, OFFICE, "2026-11-16T17:00:00+00:00")),
    ],
)
def test_status_at(client, seed, at, expected):
    body = status(client, seed, at)
    assert (body["at"], body["open"], body["current"], body["next_change"]) == expected


def test_an_unencoded_plus_is_read_as_an_offset(client, seed):
    # "?at=...+01:00" typed into a browser arrives with a space for the +.
    response = client.get(f"{detail(seed)}?at=2026-11-16T09:30:00+01:00")
    assert response.json()["status"]["at"] == "2026-11-16T08:30:00+00:00"


@pytest.mark.parametrize(
    ("at", "message"),
    [
        ("tomorrow", "at must be an ISO 8601 date and time with a UTC offset"),
        ("", "at must be an ISO 8601 date and time with a UTC offset"),
        ("2026-12-26T10:00:00", "at must include a UTC offset or Z"),
        ("2026-12-26", "at must include a UTC offset or Z"),
        ("2026-02-30T10:00:00Z", "at must be an ISO 8601 date and time"),
        ("9999-12-31T23:59:59+00:00", "at must be between 1970 and 2100"),
    ],
)
def test_bad_at_is_a_400_with_a_message(client, seed, at, message):
    for url in (LIST, detail(seed)):
        response = client.get(url, {"at": at})
        assert response.status_code == 400, (url, at)
        assert message in response.json()["message"]


def test_now_is_the_default(client, seed):
    body = client.get(detail(seed)).json()["status"]
    moment = dt.datetime.fromisoformat(body["at"])
    assert abs(moment - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert moment.utcoffset() in {dt.timedelta(0), dt.timedelta(hours=1)}


def test_only_live_panels_are_listed(client, panels):
    draft_only = ContactPanel(title="Not yet", live=False)
    draft_only.lines = [ContactLine(label="Office", phone="0161 000 0002", always_open=True)]
    draft_only.save()
    draft_only.save_revision()
    withdrawn = panels[SAFEGUARDING_UNIT]
    withdrawn.unpublish()
    body = client.get(LIST).json()
    assert body["meta"]["total_count"] == 1
    assert [item["title"] for item in body["items"]] == ["Child abuse or neglect"]
    assert client.get(detail(draft_only)).status_code == 404
    assert client.get(detail(withdrawn)).status_code == 404


def test_a_draft_saved_in_the_admin_is_not_served(admin_client, client, seed):
    """An editor saves a draft with a new number: the API and the site keep
    the published number until the draft is published."""
    office, out_of_hours = seed.lines.all()

    def line_form(line):
        data = {
            "id": str(line.pk),
            "label": line.label,
            "phone": line.phone,
            "email": "",
            "periods": inline_formset(
                [
                    {
                        "id": str(p.pk),
                        "weekday": str(p.weekday),
                        "opens": p.opens.strftime("%H:%M"),
                        "closes": p.closes.strftime("%H:%M"),
                    }
                    for p in line.periods.all()
                ],
                initial=line.periods.count(),
            ),
        }
        for flag in ("closed_on_bank_holidays", "always_open", "out_of_hours"):
            if getattr(line, flag):
                data[flag] = "on"
        return data

    form = nested_form_data(
        {
            "title": seed.title,
            "lead": seed.lead,
            "lines": inline_formset(
                [{**line_form(office), "phone": "0161 217 6000"}, line_form(out_of_hours)], initial=2
            ),
            "closures": inline_formset([]),
            "special_openings": inline_formset([]),
        }
    )
    response = admin_client.post(reverse("wagtailsnippets_sscp_wagtail_contactpanel:edit", args=[seed.pk]), form)
    assert response.status_code == 302, response.content
    seed.refresh_from_db()
    assert seed.has_unpublished_changes
    assert seed.get_latest_revision_as_object().lines.all()[0].phone == "0161 217 6000"
    served = client.get(detail(seed), {"at": "2026-11-16T10:00:00Z"}).json()
    assert served["lines"][0]["phone"] == "0161 217 6028"
    assert served["status"]["current"]["phone"] == "0161 217 6028"


def test_list_and_detail_queries_are_pinned(client, panels, django_assert_num_queries):
    # 1 count, 2 panels with their locales, 3 lines, 4 periods, 5 closures, 6 special
    # openings, 7 the default site (Wagtail's base for detail_url, once per request)
    with django_assert_num_queries(7):
        assert client.get(LIST).status_code == 200
    for number in range(3):
        extra = ContactPanel(title=f"Extra {number}", live=True)
        extra.lines = [
            ContactLine(
                label="Office",
                phone="0161 000 0003",
                periods=[OpeningPeriod(weekday=day, opens=dt.time(9), closes=dt.time(17)) for day in range(5)],
            )
        ]
        extra.save()
    with django_assert_num_queries(7):
        assert len(client.get(LIST).json()["items"]) == 5
    # 1 the panel with its locale, 2 lines, 3 periods, 4 closures, 5 special openings, 6 the site
    with django_assert_num_queries(6):
        assert client.get(detail(panels[CHILD_ABUSE_OR_NEGLECT])).status_code == 200


def test_fields_can_be_narrowed(client, seed):
    body = client.get(LIST, {"fields": "_,title,status", "at": "2026-11-13T16:30:00Z"}).json()
    item = body["items"][0]
    assert set(item) == {"title", "status"}
    assert item["status"]["current"] == OUT_OF_HOURS


def test_list_by_locale(client, panels):
    assert client.get(LIST, {"locale": "en-gb"}).json()["meta"]["total_count"] == 2
    assert client.get(LIST, {"locale": "xx"}).status_code == 404


def test_unknown_parameters_are_refused(client, panels):
    response = client.get(LIST, {"at_time": "2026-11-13T16:30:00Z"})
    assert response.status_code == 400
    assert "at_time" in response.json()["message"]


def test_wagtails_own_endpoints_are_routed(client, demo):
    for name in ("pages", "images", "documents"):
        response = client.get(f"/api/v2/{name}/")
        assert response.status_code == 200, name
        assert "items" in response.json()
