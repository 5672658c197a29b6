"""The dashboard panels and the two review reports: right rows, right people, constant cost."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Page, Workflow

from home.demo.contact_panels import ensure_contact_panels
from reviews.factories import ReviewIndexPageFactory, ReviewPageFactory
from reviews.models import ReviewType
from sscp_wagtail.editor import dashboard
from sscp_wagtail.opening_hours import LONDON
from tests.conftest import soup
from tests.workflows.helpers import make_user

pytestmark = pytest.mark.django_db

REVIEWS_REPORT = "/admin/reports/case-reviews/reviews/"
RECOMMENDATIONS_REPORT = "/admin/reports/case-reviews/recommendations/"


def recommendation(text, agency="", status="", status_date=None):
    return {
        "type": "recommendation",
        "value": {
            "text": text,
            "agency": agency,
            "status": status,
            "status_date": status_date,
            "status_note": "",
        },
    }


@pytest.fixture
def index(home_page):
    return ReviewIndexPageFactory(parent=home_page, slug="reviews")


@pytest.fixture
def reviews(index):
    older = ReviewPageFactory(
        parent=index,
        title="Child A",
        publication_date=dt.date(2016, 3, 1),
        recommendations=[
            recommendation("Share safe sleep advice at every visit.", "Health visiting", "in_progress", "2024-02-01"),
            recommendation("Audit discharge planning.", "Hospital trust", "complete", "2023-06-01"),
        ],
    )
    newer = ReviewPageFactory(
        parent=index,
        title="Child B",
        review_type=ReviewType.PRACTICE_REVIEW,
        publication_date=dt.date(2021, 9, 1),
        recommendations=[
            recommendation("Train staff on coercive control.", "Police"),
            recommendation("Review the escalation policy.", "Children's social care", "not_started"),
        ],
    )
    draft = ReviewPageFactory(
        parent=index,
        title="Child C",
        live=False,
        publication_date=dt.date(2025, 1, 1),
        recommendations=[recommendation("Not yet public.", "Police")],
    )
    return older, newer, draft


@pytest.fixture
def users(db):
    return {
        "editor": make_user("editor", "Editors"),
        "moderator": make_user("moderator", "Moderators"),
        "safeguarding": make_user("safeguarding", "Safeguarding Unit"),
        "admin": make_user("admin", is_superuser=True),
    }


def dashboard_panel(client, panel_id):
    return soup(client.get(reverse("wagtailadmin_home"))).select_one(f"#{panel_id}-section, [id^='{panel_id}']")


def table_rows(response):
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in soup(response).select("main table tbody tr")
    ]


# --- Dashboard ------------------------------------------------------------------------


def test_the_dashboard_lists_incomplete_recommendations_oldest_first(reviews, client, users):
    client.force_login(users["editor"])
    page = soup(client.get(reverse("wagtailadmin_home")))
    table = page.select_one("[data-outstanding-recommendations]")
    assert table["data-outstanding-recommendations"] == "3"
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert [(row[0], row[1], row[3]) for row in rows] == [
        ("Share safe sleep advice at every visit.", "Child A", "In progress (1 Feb 2024)"),
        ("Train staff on coercive control.", "Child B", "Not yet reported"),
        ("Review the escalation policy.", "Child B", "Not started"),
    ]
    # The completed one and the unpublished review's are not there.
    assert "Audit discharge planning" not in table.get_text()
    assert "Not yet public" not in table.get_text()


@pytest.mark.parametrize(
    ("moment", "abuse_line", "unit_line"),
    [
        (dt.datetime(2026, 11, 24, 10, 0), "Office hours: 0161 217 6028", "Safeguarding Unit: 0161 474 5657"),
        (dt.datetime(2026, 11, 28, 11, 0), "Evenings and weekends: 0161 718 2118", "No line is answered"),
        (dt.datetime(2026, 12, 25, 12, 0), "Evenings and weekends: 0161 718 2118", "No line is answered"),
    ],
    ids=["Tuesday morning", "Saturday", "Christmas Day"],
)
def test_the_dashboard_shows_which_number_the_public_is_given_now(
    db, client, users, monkeypatch, moment, abuse_line, unit_line
):
    ensure_contact_panels()
    monkeypatch.setattr(dashboard, "current_moment", lambda: moment.replace(tzinfo=LONDON))
    client.force_login(users["editor"])
    table = soup(client.get(reverse("wagtailadmin_home"))).select_one("[data-contact-panels-now]")
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert [(row[0], row[2]) for row in rows] == [
        ("Child abuse or neglect", abuse_line),
        ("Queries about past serious case reviews", unit_line),
    ]
    link = table.select_one("tbody a")["href"]
    assert link.startswith("/admin/snippets/sscp_wagtail/contactpanel/status/")
    assert client.get(link).status_code == 200


def test_the_safeguarding_unit_sees_neither_editorial_panel(reviews, client, users):
    ensure_contact_panels()
    client.force_login(users["safeguarding"])
    page = soup(client.get(reverse("wagtailadmin_home")))
    assert page.select_one("[data-outstanding-recommendations]") is None
    assert page.select_one("[data-contact-panels-now]") is None
    assert "Recommendations not yet complete" not in page.get_text()


def test_on_the_demo_the_editor_s_dashboard_has_every_panel(demo, client, users):
    client.force_login(users["editor"])
    headings = [h.get_text(strip=True) for h in soup(client.get(reverse("wagtailadmin_home"))).select("h2")]
    for expected in ["Recommendations not yet complete, oldest first", "Contact panels: what the public sees now"]:
        assert expected in headings
    # The workflow panels (sscp_wagtail/workflows) show once there is something in them.
    baby_m = Page.objects.get(slug="baby-m").specific
    baby_m.save_revision(user=users["editor"])
    Workflow.objects.get(name="Safeguarding sign-off").start(baby_m, users["editor"])
    editor_headings = [h.get_text(strip=True) for h in soup(client.get(reverse("wagtailadmin_home"))).select("h2")]
    assert "Your drafts in review" in editor_headings
    client.force_login(users["moderator"])
    moderator_headings = [h.get_text(strip=True) for h in soup(client.get(reverse("wagtailadmin_home"))).select("h2")]
    assert "Awaiting your approval" in moderator_headings


def _add_reviews(index, count, start):
    for n in range(count):
        ReviewPageFactory(
            parent=index,
            title=f"Child {start + n}",
            recommendations=[recommendation(f"Recommendation {n}.", "Police"), recommendation("Another.", "Health")],
        )


def test_the_dashboard_costs_the_same_for_more_reviews(index, client, users):
    ensure_contact_panels()
    client.force_login(users["editor"])
    _add_reviews(index, 2, 0)
    client.get(reverse("wagtailadmin_home"))  # warm the per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("wagtailadmin_home"))
    _add_reviews(index, 12, 100)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("wagtailadmin_home"))
    assert soup(response).select_one("[data-outstanding-recommendations]")["data-outstanding-recommendations"] == "28"
    assert len(many) == len(few)


# --- Reports ----------------------------------------------------------------------------


def test_the_reviews_report_lists_each_review_by_type_with_its_status(reviews, client, users):
    client.force_login(users["editor"])
    rows = table_rows(client.get(REVIEWS_REPORT))
    assert [(row[0], row[1], row[2]) for row in rows] == [
        ("Child B", "Child Safeguarding Practice Review", "live"),
        ("Child C", "Serious Case Review", "draft"),
        ("Child A", "Serious Case Review", "live"),
    ]
    practice = table_rows(client.get(REVIEWS_REPORT, {"review_type": "practice_review"}))
    assert [row[0] for row in practice] == ["Child B"]
    drafts = table_rows(client.get(REVIEWS_REPORT, {"live": "false"}))
    assert [row[0] for row in drafts] == ["Child C"]


def test_the_recommendations_report_groups_by_agency_and_filters(reviews, client, users):
    client.force_login(users["moderator"])
    rows = table_rows(client.get(RECOMMENDATIONS_REPORT))
    assert [(row[0], row[1], row[4]) for row in rows] == [
        ("Children's social care", "Not started", "Child B"),
        ("Health visiting", "In progress", "Child A"),
        ("Hospital trust", "Complete", "Child A"),
        ("Police", "Not yet reported", "Child B"),
        ("Police", "Not yet reported", "Child C"),
    ]
    outstanding = table_rows(client.get(RECOMMENDATIONS_REPORT, {"status": "outstanding", "live": "true"}))
    assert [row[3] for row in outstanding] == [
        "Review the escalation policy.",
        "Share safe sleep advice at every visit.",
        "Train staff on coercive control.",
    ]
    police = table_rows(client.get(RECOMMENDATIONS_REPORT, {"agency": "poli"}))
    assert [row[4] for row in police] == ["Child B", "Child C"]


def test_the_reports_download_as_csv_and_xlsx(reviews, client, users):
    client.force_login(users["editor"])
    response = client.get(RECOMMENDATIONS_REPORT, {"status": "complete", "export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="recommendations-by-agency-and-status.csv"'
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    headings, *rows = lines
    assert headings == ["Agency", "Status", "Status checked", "Recommendation", "Review", "Number in the review"] + [
        "Review type"
    ]
    assert rows == [
        ["Hospital trust", "Complete", "2023-06-01", "Audit discharge planning.", "Child A", "2"]
        + ["Serious Case Review"]
    ]
    response = client.get(REVIEWS_REPORT, {"export": "xlsx"})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Review", "Type", "Status", "Publication date", "Place in the page tree"]
    assert [row[0] for row in values[1:]] == ["Child B", "Child C", "Child A"]
    assert values[3][3] == dt.date(2016, 3, 1)  # a real date cell, not text


@pytest.mark.parametrize("role", ["editor", "moderator", "admin"])
def test_editorial_roles_see_the_reports_in_the_menu(reviews, client, users, role):
    client.force_login(users[role])
    assert client.get(REVIEWS_REPORT).status_code == 200
    assert client.get(RECOMMENDATIONS_REPORT).status_code == 200
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Recommendations by agency and status" in menu


@pytest.mark.parametrize("url", [REVIEWS_REPORT, RECOMMENDATIONS_REPORT])
@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_the_safeguarding_unit_is_refused_the_reports(reviews, client, users, url, export):
    client.force_login(users["safeguarding"])
    response = client.get(url, {"export": export} if export else {})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert b"Child A" not in response.content
    assert "Recommendations by agency" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_also_in_the_safeguarding_unit_keeps_the_reports(reviews, client, users):
    from django.contrib.auth.models import Group

    users["editor"].groups.add(Group.objects.get(name="Safeguarding Unit"))
    client.force_login(users["editor"])
    assert client.get(REVIEWS_REPORT).status_code == 200


def test_the_public_cannot_reach_the_reports(reviews, client):
    response = client.get(RECOMMENDATIONS_REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url", [REVIEWS_REPORT, RECOMMENDATIONS_REPORT])
def test_the_reports_cost_the_same_for_more_reviews(index, client, users, url):
    client.force_login(users["editor"])
    _add_reviews(index, 2, 0)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _add_reviews(index, 12, 100)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(table_rows(response)) == (28 if url == RECOMMENDATIONS_REPORT else 14)
    assert len(many) == len(few)
