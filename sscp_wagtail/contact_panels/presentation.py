"""What the panel template shows, built from ``PanelData`` and a moment.

Kept out of the template so the same values feed the page, the admin status
check and the tests, and so the template only lays them out.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from sscp_wagtail.opening_hours import ENGLISH, Status, Wording, format_time, status_sentence

from .browser import browser_status_data
from .schedule import LineContact, PanelData
from .structured_data import as_script_text, contact_points
from .wording import active_wording


@dataclass(frozen=True)
class LineView:
    contact: LineContact
    hours: list[str]
    out_of_hours: bool


@dataclass(frozen=True)
class DatedNote:
    date: dt.date
    text: str


def describe_date(day: dt.date, wording: Wording = ENGLISH) -> str:
    return f"{wording.weekdays[day.weekday()]} {day.day} {wording.months[day.month - 1]} {day.year}"


def describe_moment(at: dt.datetime, wording: Wording = ENGLISH) -> str:
    """E.g. "4:45pm on Friday 13 November 2026", in ``at``'s own zone."""
    return gettext("{time} on {date}").format(
        time=format_time(at.time(), wording), date=describe_date(at.date(), wording)
    )


def checked_at_text(at: dt.datetime, wording: Wording = ENGLISH) -> str:
    """Marks the server's status with its moment, for readers without
    JavaScript who may be looking at a cached page."""
    return gettext("Correct at {moment}.").format(moment=describe_moment(at, wording))


def sentence_html(data: PanelData, status: Status, wording: Wording = ENGLISH) -> SafeString:
    """The status sentence with the number to call as a ``tel:`` link."""
    sentence = status_sentence(status, wording)
    contact = data.contact_for(status.current)
    if contact is None or not contact.tel or contact.phone not in sentence:
        return conditional_escape(sentence)
    before, _, after = sentence.partition(contact.phone)
    return format_html('{}<a href="tel:{}">{}</a>{}', before, contact.tel, contact.phone, after)


# The data island and the JSON-LD are pure functions of the panel's data, the
# wording (language) and the hour (or day) they start from, and cost most of a
# panel's rendering (about 7 ms and 8 ms), so each worker keeps the last few it
# built. The key is the whole PanelData, so a published change (or a preview's
# draft) is a new key.
PANEL_MEMO_SIZE = 64


@functools.lru_cache(maxsize=PANEL_MEMO_SIZE)
def _browser_data(data: PanelData, hour: dt.datetime, wording: Wording) -> dict:
    return browser_status_data(data, hour, wording=wording)


@functools.lru_cache(maxsize=PANEL_MEMO_SIZE)
def _json_ld(data: PanelData, day: dt.date) -> SafeString:
    return mark_safe(as_script_text(contact_points(data, day)))  # noqa: S308 - escaped for <script>


def panel_context(
    data: PanelData, at: dt.datetime, *, dom_id: str, heading_level: int = 2, wording: Wording | None = None
) -> dict:
    wording = wording or active_wording()
    schedule = data.schedule
    local = schedule.local(at)
    status = schedule.status(local)
    today = local.date()
    lines = [
        LineView(contact=contact, hours=schedule.describe_hours(line, wording), out_of_hours=line.out_of_hours)
        for line, contact in zip(schedule.lines, data.contacts, strict=True)
    ]
    closures = [
        DatedNote(closure.date, closure.reason)
        for closure in sorted(data.closures, key=lambda closure: closure.date)
        if closure.date >= today
    ]
    special_openings = [
        DatedNote(
            special.date,
            wording.time_range.format(
                opens=format_time(special.opens, wording), closes=format_time(special.closes, wording)
            ),
        )
        for special in sorted(data.special_openings, key=lambda special: (special.date, special.opens))
        if special.date >= today
    ]
    return {
        "dom_id": dom_id,
        "data_id": f"{dom_id}-data",
        "title": data.title,
        "lead": data.lead,
        "heading_level": heading_level,
        "line_heading_level": min(heading_level + 1, 6),
        "status": status,
        "sentence": sentence_html(data, status, wording),
        "checked_at": checked_at_text(local, wording),
        "checked_at_iso": local.isoformat(timespec="seconds"),
        "lines": lines,
        "closures": [(describe_date(note.date, wording), note.text) for note in closures],
        "special_openings": [(describe_date(note.date, wording), note.text) for note in special_openings],
        # From the start of the hour: the browser picks the segment for its own clock.
        "browser_data": _browser_data(data, local.replace(minute=0, second=0, microsecond=0), wording),
        "json_ld": _json_ld(data, today),
    }
