"""No public GET writes to the database: not a page, a search, the API or the referral form.

A write on a read would serialise readers behind SQLite's single writer (the
"database is locked" failures of sites that record every search) and would
grow a table with every visit. Checked with every cache off and with the
fragment and page caches on, since each takes its own path.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.models import ReviewPage
from sscp_wagtail.models import ContactPanel
from tests.conftest import page_at

pytestmark = pytest.mark.django_db
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def public_urls() -> list[str]:
    index = page_at("/serious-case-reviews/")
    review = ReviewPage.objects.live().order_by("pk").first()
    panel = ContactPanel.objects.filter(live=True).order_by("pk").first()
    return [
        "/",
        index.url,
        f"{index.url}?type=serious_case_review&theme=safe-sleep&page=1",
        review.url,
        index.theme_url("safe-sleep"),
        "/search/?q=safe+sleep",
        "/search/?q=nothing+matches+this",
        "/api/v2/pages/?type=reviews.ReviewPage&fields=*&limit=20",
        f"/api/v2/pages/{review.pk}/",
        "/api/v2/pages/?search=sleep",
        f"/api/v2/contact-panels/{panel.pk}/",
        "/api/v2/themes/",
        "/case-review-referral/",
        "/no-such-page/",
    ]


@pytest.mark.parametrize(
    "caches",
    [
        {"SSCP_PAGE_CACHE": False, "SSCP_FRAGMENT_CACHE": False},
        {"SSCP_PAGE_CACHE": True, "SSCP_FRAGMENT_CACHE": True},
    ],
    ids=["uncached", "cached"],
)
def test_no_public_get_writes_to_the_database(client, demo, settings, caches):
    for name, value in caches.items():
        setattr(settings, name, value)
    cache.clear()
    for url in public_urls():
        for _ in range(2):  # the first may fill a cache, the second may be served from it
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code in (200, 404), (url, response.status_code)
            writes = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
            assert writes == [], (url, writes)
    cache.clear()
