"""The demo-content command builds the whole seed into the site, and only once."""

import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry, Revision

from home.demo.loader import load_demo_content
from home.models import HomePage, StandardPage
from reviews.models import BriefingPage, ReviewIndexPage, ReviewPage, ReviewType
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.referrals.models import ReferralFormPage
from tests.conftest import page_at, soup, visible_text

SEED = Path(__file__).resolve().parents[2] / "home" / "demo" / "serious-case-reviews.txt"
PAGE_URLS = [
    "/",
    "/serious-case-reviews/",
    "/serious-case-reviews/baby-m/",
    "/serious-case-reviews/child-e/",
    "/serious-case-reviews/jaiden/",
    "/serious-case-reviews/analysis-of-serious-case-reviews/",
    "/rapid-review-process/",
    "/case-review-referral/",
]
# The seed marks document links with their size as published ("(PDF 2.6Mb)"); the
# site writes the real file's type and size instead, so the marks are compared apart.
SIZE_MARK = re.compile(r"\s*\(PDF[ ,]+[\d.]+\s*[KM]b\)", re.IGNORECASE)


# The seed's phone panel is a ContactPanel: its hours are written GOV.UK style
# from structured opening periods, so these lines are checked piece by piece.
PANEL_LINES = {
    "Do not ignore it:": ["Do not ignore it"],
    "call 0161 217 6028 – Monday to Thursday from 8.30am to 5pm, Friday from 8.30am to 4.30pm": [
        "0161 217 6028",
        "Monday to Thursday, 8:30am to 5pm",
        "Friday, 8:30am to 4:30pm",
    ],
    "or 0161 718 2118 – evenings and weekends": ["0161 718 2118", "Evenings, weekends and bank holidays"],
}


# The seed's referral line asks for a PDF to be emailed; the site's referral form
# replaces that, so its sentence ends "complete the referral form below".
REWORDED = {
    "If you’d like to make a case referral, complete the referral form and email to": (
        "If you’d like to make a case referral, complete the referral form below."
    ),
}


def seed_lines() -> list[str]:
    lines = []
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = SIZE_MARK.sub("", raw).replace("•", "").strip()
        if line:
            lines.append(line)
    return lines


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def snapshot():
    return (
        list(Page.objects.order_by("path").values_list("path", "slug", "title", "live")),
        get_document_model().objects.count(),
        Revision.objects.count(),
    )


@pytest.mark.django_db
def test_every_line_of_the_seed_is_on_the_rendered_site(demo, client):
    rendered = ""
    for url in PAGE_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        rendered += squash(visible_text(response))
    lines = [REWORDED.get(line, line) for line in seed_lines() if line not in PANEL_LINES]
    missing = [line for line in lines if squash(line) not in rendered]
    assert missing == []

    panel = soup(client.get("/serious-case-reviews/")).select_one(".contact-panel")
    panel_text = squash(panel.get_text())
    for line in PANEL_LINES:
        assert line in seed_lines()
        for piece in PANEL_LINES[line]:
            assert squash(piece) in panel_text, piece
    assert len(seed_lines()) > 40  # the seed really was read


EXPECTED_TYPES = {
    "/": HomePage,
    "/serious-case-reviews/": ReviewIndexPage,
    "/serious-case-reviews/baby-m/": ReviewPage,
    "/serious-case-reviews/child-e/": ReviewPage,
    "/serious-case-reviews/jaiden/": ReviewPage,
    "/serious-case-reviews/analysis-of-serious-case-reviews/": ReviewPage,
    "/serious-case-reviews/7-minute-briefing-safe-sleep/": BriefingPage,
    "/rapid-review-process/": StandardPage,
    "/case-review-referral/": ReferralFormPage,
}


@pytest.mark.django_db
def test_pages_are_at_the_agreed_addresses_and_types(demo):
    for url, page_type in EXPECTED_TYPES.items():
        page = page_at(url)
        assert type(page) is page_type, url
        assert page.live and page.get_url() == url
        assert page.latest_revision is not None, "demo pages have a history"
    assert ReviewPage.objects.count() == 4


@pytest.mark.django_db
def test_the_analysis_moved_under_the_index_and_its_old_address_redirects(demo, client):
    response = client.get("/analysis-of-serious-case-reviews/")
    assert response.status_code == 301
    assert response["Location"] == "/serious-case-reviews/analysis-of-serious-case-reviews/"
    analysis = page_at("/serious-case-reviews/analysis-of-serious-case-reviews/")
    assert analysis.review_type == ReviewType.NATIONAL_ANALYSIS
    assert "293 SCRs" in str(analysis.story)


@pytest.mark.django_db
def test_baby_m_is_structured(demo):
    baby_m = page_at("/serious-case-reviews/baby-m/")
    assert [block.value["heading"] for block in baby_m.learning] == [
        "Alcohol and Safe Sleep",
        "Information Sharing and Discharge Planning",
        "Supporting Parents",
    ]
    assert len(baby_m.recommendations) == 3
    assert sorted(baby_m.themes.values_list("slug", flat=True)) == [
        "alcohol-and-substance-misuse",
        "discharge-planning",
        "information-sharing",
        "safe-sleep",
        "supporting-parents",
    ]
    assert LearningTheme.objects.filter(live=True).count() == 8


@pytest.mark.django_db
def test_document_links_say_type_and_size(demo, client):
    page = soup(client.get("/serious-case-reviews/"))
    arrangements = page.find("a", string=re.compile("arrangements"))
    assert arrangements["href"].startswith("/documents/")
    assert re.fullmatch(r"PDF, [\d.]+\xa0KB", arrangements["data-file"])
    assert client.get(arrangements["href"])["Content-Type"] == "application/pdf"

    baby_m = soup(client.get("/serious-case-reviews/baby-m/"))
    report = baby_m.find("a", string="Read the full Serious Case Review")
    assert re.fullmatch(r"\(PDF, [\d.]+\xa0KB\)", report.find_next_sibling("span").get_text())


@pytest.mark.django_db
def test_running_twice_duplicates_nothing(demo):
    before = snapshot()
    report = load_demo_content()
    assert snapshot() == before
    assert report.created == [] and report.updated == []
    assert len(report.kept) == 9  # eight pages and the home page


@pytest.mark.django_db
def test_a_second_run_keeps_an_editors_changes_and_refresh_restores_the_seed(demo):
    baby_m = page_at("/serious-case-reviews/baby-m/")
    baby_m.title = "Baby M (edited)"
    baby_m.save_revision().publish()

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert page_at("/serious-case-reviews/baby-m/").title == "Baby M (edited)"

    call_command("load_demo_content", "--refresh", stdout=open("/dev/null", "w"))  # noqa: SIM115
    refreshed = page_at("/serious-case-reviews/baby-m/")
    assert refreshed.title == "Baby M"
    # The editor's version is still in the history.
    assert refreshed.revisions.filter(content__title="Baby M (edited)").exists()


@pytest.mark.django_db
def test_the_whole_load_is_one_transaction(db, monkeypatch):
    """A failure part-way leaves the site as it was, not half built."""
    before = snapshot()
    from home.demo import content

    monkeypatch.setattr(content, "PAGES", [*content.PAGES, ("no-such-parent/orphan", "standard", {"title": "Orphan"})])
    with pytest.raises(KeyError):
        load_demo_content()
    assert snapshot() == before
    assert not PageLogEntry.objects.exists()


@pytest.mark.django_db
@override_settings(SSCP_DEMO_CONTENT_ALLOWED=False)
def test_refused_in_production_unless_forced(db):
    with pytest.raises(CommandError, match="switched off"):
        call_command("load_demo_content")
    assert not StandardPage.objects.exists()
    call_command("load_demo_content", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # Four reviews in English; Baby M also in Polish and Urdu.
    assert ReviewPage.objects.filter(locale__language_code="en-gb").count() == 4
    assert sorted(ReviewPage.objects.exclude(locale__language_code="en-gb").values_list("slug", flat=True)) == [
        "baby-m",
        "baby-m",
    ]
