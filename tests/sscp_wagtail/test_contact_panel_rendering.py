"""What the public sees: hours, numbers, the live status, the data island
for the browser and the JSON-LD, on the home page and in any body."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.test import RequestFactory

from home.demo.contact_panels import CHILD_ABUSE_OR_NEGLECT, SAFEGUARDING_UNIT, ensure_contact_panels
from home.factories import StandardPageFactory
from sscp_wagtail.blocks import BodyStreamBlock, ContactPanelBlock
from sscp_wagtail.contact_panels.browser import browser_status_data
from sscp_wagtail.contact_panels.schedule import panel_data
from sscp_wagtail.models import Closure, ContactLine, ContactPanel, OpeningPeriod
from sscp_wagtail.opening_hours import LONDON, UTC, status_sentence
from tests.conftest import page_at, soup

pytestmark = pytest.mark.django_db

PHONE = re.compile(r"\b0\d{3} \d{3} \d{4}\b")


def london(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON)


@pytest.fixture
def panels():
    return ensure_contact_panels()


@pytest.fixture
def panel(panels):
    return ContactPanel.objects.get(pk=panels[CHILD_ABUSE_OR_NEGLECT].pk)


def render(panel, at=None, **options) -> BeautifulSoup:
    context = {"panel": panel, "at": at, "request": RequestFactory().get("/")}
    args = " ".join(f"{name}={value}" for name, value in options.items())
    html = Template("{% load contact_panel_tags %}{% contact_panel panel at=at " + args + " %}").render(
        Context(context)
    )
    return BeautifulSoup(html, "html.parser")


def sentence(document: BeautifulSoup) -> str:
    return document.select_one("[data-contact-panel-sentence]").get_text()


def test_hours_are_grouped_gov_uk_style_in_lists(panel):
    document = render(panel, london(2026, 11, 13, 12))
    lines = document.select(".contact-panel__lines > li")
    assert [line.find("h3").get_text() for line in lines] == ["Office hours", "Evenings and weekends"]
    assert [li.get_text() for li in lines[0].select(".contact-panel__hours li")] == [
        "Monday to Thursday, 8:30am to 5pm",
        "Friday, 8:30am to 4:30pm",
        "Closed on bank holidays",
    ]
    assert [li.get_text() for li in lines[1].select(".contact-panel__hours li")] == [
        "Evenings, weekends and bank holidays"
    ]


def test_headings_are_in_order(panel):
    document = render(panel, london(2026, 11, 13, 12))
    levels = [int(tag.name[1]) for tag in document.find_all(re.compile(r"^h\d$"))]
    assert levels[0] == 2
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))
    assert render(panel, london(2026, 11, 13, 12), heading_level=3).find("h3").get_text() == "Child abuse or neglect"


def test_every_number_is_a_tel_link(panel):
    document = render(panel, london(2026, 11, 13, 16, 45))
    section = document.find("section")
    for script in section.find_all("script"):
        script.decompose()
    for text in section.find_all(string=PHONE):
        link = text.find_parent("a")
        assert link is not None, f"{text!r} is not a link"
        assert link["href"] == "tel:+44" + PHONE.search(text).group().replace(" ", "")[1:]


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (london(2026, 11, 13, 16, 29), "Open now until 4:30pm: call 0161 217 6028"),
        (
            london(2026, 11, 13, 16, 30),
            "Closed now. Call 0161 718 2118 (evenings and weekends). The office opens again Monday at 8:30am.",
        ),
        (
            london(2026, 12, 26, 11),
            "Closed now. Call 0161 718 2118 (evenings and weekends). The office opens again Tuesday at 8:30am.",
        ),
        (
            london(2026, 12, 28, 10),
            "Closed now. Call 0161 718 2118 (evenings and weekends). The office opens again tomorrow at 8:30am.",
        ),
        # A UTC moment in summer is read in London time (09:00 UTC is 10am BST).
        (dt.datetime(2026, 7, 17, 15, 29, tzinfo=UTC), "Open now until 4:30pm: call 0161 217 6028"),
    ],
)
def test_status_line_for_the_moment_of_rendering(panel, at, expected):
    document = render(panel, at)
    assert sentence(document) == expected
    current = document.select_one("[data-contact-panel-sentence] a")
    assert current["href"] in {"tel:+441612176028", "tel:+441617182118"}


def test_server_status_is_marked_with_its_time(panel):
    document = render(panel, london(2026, 11, 13, 16, 45))
    checked = document.select_one("[data-contact-panel-checked] time")
    assert checked.get_text() == "Correct at 4:45pm on Friday 13 November 2026."
    assert checked["datetime"] == "2026-11-13T16:45:00+00:00"


def test_status_changes_are_announced_politely_not_live_everywhere(panel):
    document = render(panel, london(2026, 11, 13, 16, 45))
    regions = document.select("[aria-live], [role=status], [role=alert]")
    assert [region.get("role") for region in regions] == ["status"]
    assert regions[0].get_text() == "", "nothing to announce until the status changes"


def test_no_inline_executable_script(panel):
    document = render(panel, london(2026, 11, 13, 16, 45))
    for script in document.find_all("script"):
        if script.get("src"):
            assert script["src"] == "/static/sscp_wagtail/js/contact-panel.js"
            assert not script.get_text().strip()
        else:
            assert script["type"] in {"application/json", "application/ld+json"}


def test_data_island_is_what_the_engine_says(panel):
    at = london(2026, 12, 21, 9)
    document = render(panel, at)
    section = document.find("section")
    island = json.loads(document.find(id=f"{section['id']}-data").get_text())
    data = panel_data(panel, year=2026)
    assert island == json.loads(json.dumps(browser_status_data(data, at)))
    phones = [line["phone"] for line in island["lines"]]

    def wall(moment):
        return moment.astimezone(LONDON).strftime("%Y-%m-%dT%H:%M") if moment else None

    for segment in island["segments"]:
        status = data.schedule.status(dt.datetime.fromisoformat(segment["from"]))
        assert segment["open"] == status.open
        assert phones[segment["current"]] == status.current.phone
        assert segment["until"] == (wall(status.current_until) if status.open else None)
        assert segment["reopens"] == (None if status.open else wall(status.next_opening))
    # Christmas: the office is closed from Thursday 24 at 5pm until Tuesday 29 at 8:30am.
    christmas = [s for s in island["segments"] if s["from"] == "2026-12-24T17:00:00+00:00"]
    assert christmas[0]["reopens"] == "2026-12-29T08:30"


def test_json_ld_contact_points_include_holiday_closures(panel):
    document = render(panel, london(2026, 11, 13, 12))
    data = json.loads(document.find("script", type="application/ld+json").get_text())
    office, out_of_hours = data["@graph"]
    assert office["@type"] == "ContactPoint"
    assert office["telephone"] == "+441612176028"
    weekly = [spec for spec in office["hoursAvailable"] if "dayOfWeek" in spec]
    assert weekly == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{day}" for day in ("Monday", "Tuesday", "Wednesday", "Thursday")],
            "opens": "08:30",
            "closes": "17:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Friday"],
            "opens": "08:30",
            "closes": "16:30",
        },
    ]
    dated = {
        spec["validFrom"]: (spec["opens"], spec["closes"]) for spec in office["hoursAvailable"] if "validFrom" in spec
    }
    assert dated["2026-12-25"] == ("00:00", "00:00")  # closed all day
    assert dated["2026-12-28"] == ("00:00", "00:00")  # the substitute day for Boxing Day
    ooh_dated = {s["validFrom"]: (s["opens"], s["closes"]) for s in out_of_hours["hoursAvailable"] if "validFrom" in s}
    assert ooh_dated["2026-12-28"] == ("00:00", "23:59")
    ooh_weekly = {
        (tuple(s["dayOfWeek"]), s["opens"], s["closes"]) for s in out_of_hours["hoursAvailable"] if "dayOfWeek" in s
    }
    assert (("https://schema.org/Friday",), "16:30", "00:00") in ooh_weekly  # to midnight, then all weekend
    assert (("https://schema.org/Saturday", "https://schema.org/Sunday"), "00:00", "23:59") in ooh_weekly


def test_editor_text_cannot_break_out_of_the_scripts(panel):
    panel.title = "</script><script>alert(1)</script>"
    document = render(panel, london(2026, 11, 13, 12))
    scripts = document.find_all("script")
    assert [script.get("type") or script.get("src") for script in scripts] == [
        "application/json",
        "application/ld+json",
        "/static/sscp_wagtail/js/contact-panel.js",
    ], "the title did not open a script element of its own"
    assert document.find("h2").get_text() == "</script><script>alert(1)</script>"
    structured = json.loads(document.find("script", type="application/ld+json").get_text())
    assert structured["@graph"][0]["name"].startswith("</script><script>")


def test_a_changed_panel_is_shown_changed_within_the_same_hour(panel):
    """Each worker keeps recent data islands and JSON-LD; a change to the panel
    (here a new number and a closure, in the same hour) must show at once."""
    at = london(2026, 12, 21, 9, 5)
    before = render(ContactPanel.objects.get(pk=panel.pk), at)
    line = panel.lines.order_by("sort_order").first()
    line.phone = "0161 474 9999"
    line.save()
    Closure.objects.create(panel=panel, date=dt.date(2026, 12, 22), reason="Staff training")
    after = render(ContactPanel.objects.get(pk=panel.pk), at.replace(minute=40))

    def island(document):
        return json.loads(document.find(id=f"{document.find('section')['id']}-data").get_text())

    def json_ld(document):
        return document.find("script", type="application/ld+json").get_text()

    assert "0161 474 9999" not in str(island(before)["lines"])
    assert "0161 474 9999" in [entry["phone"] for entry in island(after)["lines"]]
    assert "2026-12-22" not in json_ld(before)
    assert "2026-12-22" in json_ld(after)
    # The same panel at the same hour gives the same island: the browser's window starts on the hour.
    assert island(after) == island(render(ContactPanel.objects.get(pk=panel.pk), at.replace(minute=59)))
    assert island(after)["computed_at"] == "2026-12-21T09:00:00+00:00"


def test_upcoming_closures_are_listed_past_ones_are_not(panel):
    Closure.objects.create(panel=panel, date=dt.date(2026, 12, 24), reason="Christmas Eve closure")
    Closure.objects.create(panel=panel, date=dt.date(2026, 1, 2), reason="Long past")
    document = render(ContactPanel.objects.get(pk=panel.pk), london(2026, 11, 13, 12))
    assert [li.get_text() for li in document.select(".contact-panel__dates li")] == [
        "Thursday 24 December 2026: Christmas Eve closure"
    ]


def test_email_text_relay_and_always_open_lines():
    panel = ContactPanel(title="Helplines", live=True)
    panel.lines = [
        ContactLine(
            label="NSPCC helpline", phone="0808 800 5000", email="help@nspcc.org.uk", text_relay=True, always_open=True
        )
    ]
    panel.save()
    document = render(ContactPanel.objects.get(pk=panel.pk), london(2026, 11, 13, 3))
    assert document.select_one(".contact-panel__hours li").get_text() == "24 hours a day, 7 days a week"
    assert document.find("a", href="mailto:help@nspcc.org.uk")
    assert document.find("a", href="tel:1800108088005000").get_text() == "18001 then 0808 800 5000"
    assert sentence(document) == "Open now: call 0808 800 5000"


def test_a_panel_never_published_is_not_shown(panel):
    panel.unpublish()
    assert render(ContactPanel.objects.get(pk=panel.pk)).find("section") is None
    assert render(None).find("section") is None


def test_overnight_line_says_when_it_closes(panel):
    night = ContactPanel(title="Night line", live=True)
    night.lines = [
        ContactLine(
            label="Night team",
            phone="0161 000 0001",
            periods=[OpeningPeriod(weekday=4, opens=dt.time(22), closes=dt.time(2), overnight=True)],
        )
    ]
    night.save()
    document = render(ContactPanel.objects.get(pk=night.pk), london(2026, 11, 13, 23))
    assert sentence(document) == "Open now until tomorrow at 2am: call 0161 000 0001"
    assert document.select_one(".contact-panel__hours li").get_text() == "Friday, 10pm to 2am"


def test_rendering_a_panel_costs_four_queries(panel, django_assert_num_queries):
    # lines, their periods, closures, special openings
    with django_assert_num_queries(4):
        render(panel, london(2026, 11, 13, 12))


def test_block_renders_the_live_panel_and_describes_it_for_the_api(panels):
    block = ContactPanelBlock()
    panel = panels[SAFEGUARDING_UNIT]
    html = block.render(block.to_python(panel.pk), context={"request": RequestFactory().get("/")})
    assert "0161 474 5657" in html
    data = block.get_api_representation(panel)
    assert (data["id"], data["title"], data["lead"]) == (
        panel.pk,
        "Queries about past serious case reviews",
        panel.lead,
    )
    assert data["detail_url"] == f"/api/v2/contact-panels/{panel.pk}/"
    # The status a front end shows without a second request: open or not, and what to say.
    assert set(data["status"]) == {"at", "open", "current", "next_change", "sentence"}
    panel.live = False
    assert block.get_api_representation(panel) is None
    assert "contact_panel" in BodyStreamBlock.base_blocks


def test_panel_in_a_page_body_and_on_the_home_page(demo, client, panels, django_assert_num_queries):
    home = page_at("/")
    home.contact_panel = panels[CHILD_ABUSE_OR_NEGLECT]
    home.save_revision().publish()
    StandardPageFactory(
        parent=home,
        title="Contact",
        body=[
            {"type": "contact_panel", "value": panels[SAFEGUARDING_UNIT].pk},
            {"type": "contact_panel", "value": panels[CHILD_ABUSE_OR_NEGLECT].pk},
        ],
    )
    page = soup(client.get("/contact/"))
    sections = page.select("section[data-contact-panel]")
    assert [s.find("h2").get_text() for s in sections] == [
        "Queries about past serious case reviews",
        "Child abuse or neglect",
    ]
    assert len({s["id"] for s in sections}) == 2, "ids are unique on the page"

    client.get("/")
    # The home page's 7 queries (see tests/home/test_query_counts.py), then the
    # panel, its lines, their periods, its closures and special openings.
    with django_assert_num_queries(12):
        response = client.get("/")
    assert "Correct at" in response.content.decode()
    assert soup(response).select_one("section[data-contact-panel] h2").get_text() == "Child abuse or neglect"


def test_status_sentence_matches_the_engine_for_every_hour_of_a_week(panel):
    data = panel_data(panel, year=2026)
    for hour in range(0, 7 * 24, 5):
        at = london(2026, 12, 21) + dt.timedelta(hours=hour)
        assert sentence(render(panel, at)) == status_sentence(data.schedule.status(at))
