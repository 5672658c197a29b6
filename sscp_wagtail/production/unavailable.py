"""The page readers get when the database is down: 503, with the emergency numbers.

Built from a template and settings only (``SSCP_EMERGENCY_CONTACTS``), never the
database, and rendered once per process and language (the reader's, from the
address: ``/pl/…``). ``manage.py write_unavailable_page`` writes the English
HTML to a file for the proxy to serve when no app server answers.
"""

from __future__ import annotations

import sys
from functools import cache

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader
from django.templatetags.static import static
from django.utils import translation

RETRY_AFTER_SECONDS = 60


def error_page_context() -> dict:
    """What the 500 and 503 pages need beyond their text, from settings alone."""
    return {
        "exit_page_url": settings.SSCP_EXIT_PAGE_URL,
        "stylesheet": static("sscp_wagtail/css/site.css"),
        "exit_script": static("sscp_wagtail/js/exit-this-page.js"),
    }


@cache
def unavailable_html(language: str | None = None) -> str:
    contacts = [
        {"label": label.strip(), "number": number.strip(), "tel": "".join(c for c in number if c.isdigit() or c == "+")}
        for label, number in settings.SSCP_EMERGENCY_CONTACTS
    ]
    with translation.override(language or settings.LANGUAGE_CODE):
        return loader.get_template("503.html").render({"contacts": contacts, **error_page_context()})


def unavailable_response(language: str | None = None) -> HttpResponse:
    """The 503 page, in ``language`` (a language code from the address) or English."""
    response = HttpResponse(unavailable_html(language), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def database_is_the_problem() -> bool:
    """Called from the 500 handler, still inside Django's ``except`` block."""
    error = sys.exc_info()[1]
    while error is not None:
        if isinstance(error, DatabaseError):
            return True
        error = error.__cause__ or error.__context__
    return False
