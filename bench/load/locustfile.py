"""What readers do, in proportion: browse pages, search, read the API, and refer a case.

Used by bench/load/run.py (headless, bounded in users and time, loopback only).
The referral task runs only when the site has a referral form at
/case-review-referral/ (a form with a CSRF token); otherwise it is not counted.
"""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

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
REFERENCE = re.compile(r"SCR-\d{4}-\d{6}")


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
        with self.client.post(
            "/case-review-referral/",
            data=referral_fields(form.text, token.group(1)),
            cookies=dict(form.cookies),
            # As if through the TLS proxy: the request is HTTPS, so is the page it came from.
            headers={
                "Referer": self.host.replace("http://", "https://", 1) + "/case-review-referral/",
                "X-Forwarded-Proto": "https",
            },
            name="referral submit",
            catch_response=True,
        ) as response:
            # Sent means the confirmation with its reference, not the form again with errors.
            if REFERENCE.search(response.text or ""):
                response.success()
            else:
                response.failure(f"no reference in the answer ({response.status_code})")


class FormFields(HTMLParser):
    """The referral form's inputs: (name, type, value) in page order."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("input", "textarea", "select") and attributes.get("name"):
            kind = attributes.get("type", "text") if tag == "input" else tag
            self.fields.append((attributes["name"], kind, attributes.get("value") or ""))


def referral_fields(html: str, token: str) -> dict[str, str | list[str]]:
    """A plausible, made-up referral: every field answered as a referrer would.

    Hidden fields (the one-time form token) keep their values, the honeypot
    (``referral_website``) stays empty, and each group of checkboxes gets its first choice.
    """
    parser = FormFields()
    parser.feed(html)
    data: dict[str, str | list[str]] = {"csrfmiddlewaretoken": token}
    for name, kind, value in parser.fields:
        if name in data or name == "referral_website" or kind in ("submit", "file", "select"):
            continue
        if kind == "hidden":
            data[name] = value
        elif kind in ("checkbox", "radio"):
            data[name] = value or "on"
        elif kind == "email":
            data[name] = "load-test@example.org"
        elif kind == "number":
            data[name] = "3"
        elif kind == "tel":
            data[name] = "0161 496 0000"
        else:
            data[name] = "Load test (not a real referral)"
    return data
