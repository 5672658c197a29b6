"""The public pages the browser suite checks.

A new page type joins every check (axe, 320 px reflow, HTML validity, skip
link, focus indicator, Exit this page) by adding one line to ``PAGES``. A
check that finds a genuine template bug on a page is kept visible, not
hidden: put the check's name and the reason in ``known_bugs`` and it runs as
``xfail(strict=True)``, so the suite fails again the moment the bug is fixed
and the entry should be removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test.utils import override_settings
from django.utils import translation

# The 500 page has no URL of its own: the suite renders
# ``sscp_wagtail.views.server_error`` and the browser is handed that HTML at
# this path on the live server (see ``conftest.py``), so relative links, CSS
# and JavaScript load from the live server exactly as on a real error.
SERVER_ERROR_PATH = "/__browser-tests__/server-error/"
# Likewise the 503 page shown while the database is down
# (``sscp_wagtail.production.unavailable``).
UNAVAILABLE_PATH = "/__browser-tests__/unavailable/"

# A complete referral (the demo form's fields), for the confirmation page.
REFERRAL_ANSWERS = (
    ("your_name", "Alex Example"),
    ("your_role", "School nurse"),
    ("your_agency", "Example Primary School"),
    ("your_email_address", "alex@example.org"),
    ("your_phone_number", "0161 555 0100"),
    ("childs_initials", "A.B."),
    ("childs_age", "7"),
    ("what_happened", "A description of what happened."),
    ("which_criteria_apply", "Abuse or neglect of the child is known or suspected"),
    ("i_confirm_that_the_information_i_have_given_is_accurate_to_the_best_of_my_knowledge", "on"),
)

# The checks a page can opt out of with a known-bug reason.
CHECKS = frozenset({"axe", "reflow", "html", "skip-link", "focus", "exit"})


@dataclass(frozen=True)
class PublicPage:
    id: str
    path: str
    status: int = 200
    # A Playwright selector that shows the page is in the state under test
    # (e.g. that the search found something), checked before every audit.
    expect: str = "main h1"
    # The interface language: checks that read interface text expect it in this language.
    language: str = "en-gb"
    known_bugs: dict[str, str] = field(default_factory=dict)
    # Checks that do not apply to this state by design, with the reason (skipped).
    not_applicable: dict[str, str] = field(default_factory=dict)
    # A form state: these (name, value) pairs are posted to ``path`` with the
    # form's CSRF and one-time tokens, and the page is the server's answer
    # (see ``conftest.post_form``). ``()`` posts the form empty.
    form: tuple[tuple[str, str], ...] | None = None
    # Settings the live server answers the form with, e.g. a referral limit
    # of zero for the "too many referrals" state; only that one POST sees them.
    server_settings: tuple[tuple[str, Any], ...] = ()

    def answering(self) -> override_settings:
        """The settings in force while the server answers this state's form."""
        return override_settings(**dict(self.server_settings))

    def __post_init__(self) -> None:
        unknown = (set(self.known_bugs) | set(self.not_applicable)) - CHECKS
        if unknown:
            raise ValueError(f"{self.id}: unknown checks {sorted(unknown)}; use some of {sorted(CHECKS)}")


PAGES: list[PublicPage] = [
    PublicPage("home", "/"),
    PublicPage("standard", "/rapid-review-process/"),
    PublicPage("review-index", "/serious-case-reviews/"),
    PublicPage(
        "review-index-filtered",
        "/serious-case-reviews/?theme=safe-sleep&type=serious_case_review",
        expect=".filters__selected",
    ),
    PublicPage("review", "/serious-case-reviews/baby-m/"),
    PublicPage("referral", "/case-review-referral/", expect="form.referral-form"),
    PublicPage(
        "referral-errors",
        "/case-review-referral/",
        form=(),
        expect=".error-summary",
        not_applicable={
            "skip-link": "focus starts on the error summary, after the skip link (GOV.UK pattern); "
            "test_referral_form.py checks the keyboard path from there"
        },
    ),
    PublicPage("referral-sent", "/case-review-referral/", form=REFERRAL_ANSWERS, expect=".confirmation__reference"),
    # HTTP 429: the per-client limit is reached, the answers are kept and the notice takes focus.
    PublicPage(
        "referral-too-many",
        "/case-review-referral/",
        status=429,
        form=REFERRAL_ANSWERS,
        server_settings=(("SSCP_REFERRAL_RATE_LIMIT", 0),),
        expect=".notice[role=alert]",
        not_applicable={"skip-link": "focus starts on the notice, after the skip link, as on the error summary"},
    ),
    PublicPage("briefing", "/serious-case-reviews/7-minute-briefing-safe-sleep/"),
    PublicPage("themes", "/serious-case-reviews/themes/"),
    PublicPage("theme", "/serious-case-reviews/themes/safe-sleep/"),
    PublicPage("search-results", "/search/?q=safe+sleep", expect="ol.search-results li a"),
    PublicPage("search-no-results", "/search/?q=xylophone", expect="main p >> text=No pages matched"),
    PublicPage("home-pl", "/pl/", expect="html[lang=pl] main h1", language="pl"),
    PublicPage("review-index-pl", "/pl/serious-case-reviews/", expect="html[lang=pl] .filters", language="pl"),
    PublicPage("review-pl", "/pl/serious-case-reviews/baby-m/", expect="html[lang=pl] main h1", language="pl"),
    PublicPage("home-ur", "/ur/", expect="html[lang=ur][dir=rtl] main h1", language="ur"),
    PublicPage("review-index-ur", "/ur/serious-case-reviews/", expect="html[lang=ur][dir=rtl] .filters", language="ur"),
    PublicPage("review-ur", "/ur/serious-case-reviews/baby-m/", expect="html[lang=ur][dir=rtl] main h1", language="ur"),
    PublicPage("search-ur", "/ur/search/?q=baby", expect="html[lang=ur][dir=rtl] main h1", language="ur"),
    PublicPage("not-found", "/no-such-page/", status=404, expect="main h1 >> text=Page not found"),
    PublicPage("server-error", SERVER_ERROR_PATH, status=500, expect="main h1 >> text=Sorry"),
    PublicPage("unavailable", UNAVAILABLE_PATH, status=503, expect="main h1 >> text=not available"),
    PublicPage("referral-pl", "/pl/case-review-referral/", expect="html[lang=pl] form.referral-form", language="pl"),
    PublicPage(
        "referral-errors-pl",
        "/pl/case-review-referral/",
        form=(),
        expect="html[lang=pl] .error-summary",
        language="pl",
        not_applicable={"skip-link": "focus starts on the error summary, as on the English form"},
    ),
    PublicPage(
        "referral-errors-ur",
        "/ur/case-review-referral/",
        form=(),
        expect="html[lang=ur][dir=rtl] .error-summary",
        language="ur",
        not_applicable={"skip-link": "focus starts on the error summary, as on the English form"},
    ),
    PublicPage("not-found-ur", "/ur/no-such-page/", status=404, expect="html[lang=ur][dir=rtl] main h1", language="ur"),
]


def params(check: str) -> list:
    """``PAGES`` as pytest parameters for one check, known bugs marked xfail(strict=True)."""
    assert check in CHECKS, check
    return [
        pytest.param(
            page,
            id=page.id,
            marks=[pytest.mark.xfail(strict=True, reason=page.known_bugs[check])]
            if check in page.known_bugs
            else [pytest.mark.skip(reason=page.not_applicable[check])]
            if check in page.not_applicable
            else [],
        )
        for page in PAGES
    ]


def interface_text(public_page: PublicPage, english: str) -> str:
    """An interface string as the page shows it, in the page's language."""
    with translation.override(public_page.language):
        return translation.gettext(english)
