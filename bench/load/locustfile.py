"""What readers do, in proportion: browse pages, search, read the API, and refer a case.

Used by bench/load/run.py (headless, bounded in users and time, loopback only).
The referral task runs only when the site has a referral form at
/case-review-referral/ (a form with a CSRF token); otherwise it is not counted.
"""

from __future__ import annotations

import random
import re

from locust import HttpUser, between, task

PAGES = [
    "/",
    "/serious-case-reviews/",
    "/serious-case-reviews/?theme=safe-sleep",
    "/serious-case-reviews/baby-m/",
    "/serious-case-reviews/child-e/",
    "/serious-case-reviews/jaiden/",
    "/serious-case-reviews/analysis-of-serious-case-reviews/",
    "/serious-case-reviews/7-minute-briefing-safe-sleep/",
    "/serious-case-reviews/themes/",
    "/serious-case-reviews/themes/safe-sleep/",
    "/rapid-review-process/",
    "/case-review-referral/",
]
SEARCHES = ["safe sleep", "neglect", "co-sleeping", "domestic abuse", "baby", "review", "mental health", "xylophone"]
API = [
    "/api/v2/pages/?type=reviews.ReviewPage&fields=title",
    "/api/v2/pages/?search=neglect",
    "/api/v2/pages/",
]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Reader(HttpUser):
    wait_time = between(0.2, 1.0)

    @task(12)
    def browse(self):
        self.client.get(random.choice(PAGES), name="page")  # noqa: S311

    @task(3)
    def search(self):
        self.client.get("/search/", params={"q": random.choice(SEARCHES)}, name="search")  # noqa: S311

    @task(3)
    def api(self):
        self.client.get(random.choice(API), name="api")  # noqa: S311

    @task(1)
    def refer(self):
        form = self.client.get("/case-review-referral/", name="referral form")
        token = CSRF.search(form.text or "")
        if token is None:
            return  # no referral form on this build
        # Production marks the CSRF cookie Secure; over loopback HTTP it is sent back by hand.
        self.client.post(
            "/case-review-referral/",
            data=referral_fields(form.text, token.group(1)),
            cookies=dict(form.cookies),
            headers={"Referer": self.host + "/case-review-referral/", "X-Forwarded-Proto": "https"},
            name="referral submit",
        )


def referral_fields(html: str, token: str) -> dict[str, str]:
    """A plausible, made-up referral: every text field of the form filled in."""
    data = {"csrfmiddlewaretoken": token}
    for name, kind in re.findall(r'<(?:input|textarea)[^>]*name="([^"]+)"[^>]*?(?:type="([^"]+)")?', html):
        if name == "csrfmiddlewaretoken" or kind in ("hidden", "submit", "checkbox", "radio", "file"):
            continue
        data[name] = "load-test@example.org" if "email" in name else "Load test (not a real referral)"
    for name in re.findall(r'<input[^>]*type="checkbox"[^>]*name="([^"]+)"', html):
        data[name] = "on"
    return data
