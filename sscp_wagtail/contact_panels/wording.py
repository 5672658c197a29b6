"""The contact panel's words in the reader's language.

``opening_hours.Wording`` holds every word the engine writes; this builds one
from the interface translations (``locale/``) for the active language. The
English strings are repeated here inside ``pgettext_lazy`` so that
``makemessages`` finds them; a test checks they match ``ENGLISH``. Whether
times read "5pm" or "17:00" follows Django's format for the language.
"""

from __future__ import annotations

import dataclasses

from django.utils.formats import get_format
from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext_lazy

from sscp_wagtail.opening_hours import ENGLISH, Wording

# One context ("contact panel") for all the panel's words, so that e.g. its
# "January" (which a language may inflect inside a date) is not Django's own.


MESSAGES = Wording(
    weekdays=(
        pgettext_lazy("contact panel", "Monday"),
        pgettext_lazy("contact panel", "Tuesday"),
        pgettext_lazy("contact panel", "Wednesday"),
        pgettext_lazy("contact panel", "Thursday"),
        pgettext_lazy("contact panel", "Friday"),
        pgettext_lazy("contact panel", "Saturday"),
        pgettext_lazy("contact panel", "Sunday"),
    ),
    months=(
        pgettext_lazy("contact panel", "January"),
        pgettext_lazy("contact panel", "February"),
        pgettext_lazy("contact panel", "March"),
        pgettext_lazy("contact panel", "April"),
        pgettext_lazy("contact panel", "May"),
        pgettext_lazy("contact panel", "June"),
        pgettext_lazy("contact panel", "July"),
        pgettext_lazy("contact panel", "August"),
        pgettext_lazy("contact panel", "September"),
        pgettext_lazy("contact panel", "October"),
        pgettext_lazy("contact panel", "November"),
        pgettext_lazy("contact panel", "December"),
    ),
    am=pgettext_lazy("contact panel", "am"),
    pm=pgettext_lazy("contact panel", "pm"),
    midday=pgettext_lazy("contact panel", "12 midday"),
    midnight=pgettext_lazy("contact panel", "12 midnight"),
    time_range=pgettext_lazy("contact panel", "{opens} to {closes}"),
    ranges_joiner=pgettext_lazy("contact panel", " and "),
    day_range=pgettext_lazy("contact panel", "{first} to {last}"),
    day_pair=pgettext_lazy("contact panel", "{first} and {second}"),
    hours_line=pgettext_lazy("contact panel", "{days}, {ranges}"),
    always_open=pgettext_lazy("contact panel", "24 hours a day, 7 days a week"),
    covers_gaps=pgettext_lazy("contact panel", "Evenings, weekends and bank holidays"),
    covers_gaps_no_bank_holidays=pgettext_lazy("contact panel", "Evenings and weekends"),
    closed_on_bank_holidays=pgettext_lazy("contact panel", "Closed on bank holidays"),
    open_until=pgettext_lazy("contact panel", "Open now until {until}: call {phone}"),
    open_now=pgettext_lazy("contact panel", "Open now: call {phone}"),
    closed_now=pgettext_lazy("contact panel", "Closed now."),
    call_instead=pgettext_lazy("contact panel", "Call {phone} ({label})."),
    reopens=pgettext_lazy("contact panel", "The office opens again {when}."),
    today_at=pgettext_lazy("contact panel", "today at {time}"),
    tomorrow_at=pgettext_lazy("contact panel", "tomorrow at {time}"),
    weekday_at=pgettext_lazy("contact panel", "{weekday} at {time}"),
    date_at=pgettext_lazy("contact panel", "{weekday} {day} {month} at {time}"),
)


def _translated(value):
    if isinstance(value, Promise):
        return str(value)  # pgettext_lazy: translated into the active language now
    if isinstance(value, tuple):
        return tuple(_translated(item) for item in value)
    return value


def active_wording() -> Wording:
    """The panel's words for the active language (English as it is)."""
    if (get_language() or "en-gb").startswith("en"):
        return ENGLISH
    values = {field.name: _translated(getattr(MESSAGES, field.name)) for field in dataclasses.fields(Wording)}
    # Editor-facing validation messages stay as the engine wrote them.
    for name in (
        "period",
        "special",
        "overlap",
        "zero_length",
        "closed_and_special",
        "always_open_has_periods",
        "gaps_line_has_specials",
        "several_gap_lines",
        "labelled",
    ):
        values[name] = getattr(ENGLISH, name)
    values["twenty_four_hour"] = "H" in get_format("TIME_FORMAT") or "G" in get_format("TIME_FORMAT")
    return Wording(**values)
