"""The data island that lets the browser recompute a panel's status.

A cached page must never tell a parent to call a number that has just
closed, so the page carries, as JSON, every status the panel will have for
the next ``BROWSER_STATUS_DAYS`` days, each computed here by the engine, and
``contact-panel.js`` only picks the one for the reader's clock and words it.
Wording needs the reader's local date ("today", "tomorrow", "Monday"), so
the island also carries the zone's UTC offsets for the window and the local
wall-clock time of each moment the sentence names. The browser does no
time-zone or holiday arithmetic of its own: it cannot disagree with the
engine, only be too old, in which case it keeps the server's dated status.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sscp_wagtail.opening_hours import ENGLISH, UTC, Schedule, Wording

from .schedule import PanelData

# Long enough to cover a page cached over a weekend or a bank-holiday week.
BROWSER_STATUS_DAYS = 8
# The words the browser needs to build the same sentence as ``status_sentence``.
WORDING_KEYS = (
    "weekdays",
    "months",
    "am",
    "pm",
    "twenty_four_hour",
    "midday",
    "midnight",
    "open_until",
    "open_now",
    "closed_now",
    "call_instead",
    "reopens",
    "today_at",
    "tomorrow_at",
    "weekday_at",
    "date_at",
)
_HOUR = dt.timedelta(hours=1)


def _iso(moment: dt.datetime, tz: dt.tzinfo) -> str:
    return moment.astimezone(tz).isoformat()


def _wall(moment: dt.datetime | None, tz: dt.tzinfo) -> str | None:
    """Local date and time as the sentence names it, e.g. 2026-12-29T08:30."""
    if moment is None:
        return None
    return moment.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def status_segments(schedule: Schedule, start: dt.datetime, end: dt.datetime) -> list[dict]:
    """One entry per stretch of time with the same status, from ``start``.

    A status can change whenever any line opens or closes (not only when the
    line to call changes: "until" and "opens again" move too), so the walk
    steps through every line's changes. Each entry holds the fields of
    ``Schedule.status`` that the sentence uses, derived from the same two
    public queries per line (``is_open``, ``next_line_change``) rather than
    by calling ``status`` itself, whose search for the panel-wide next change
    the browser does not need and which would cost three times as much.
    Instants are compared in UTC because London times in the repeated
    autumn hour compare by wall clock.
    """
    moment = schedule.local(start).astimezone(UTC)
    end = end.astimezone(UTC)
    ordinary = [index for index, line in enumerate(schedule.lines) if not line.out_of_hours]
    main = ordinary[0] if ordinary else None
    segments = []
    while moment < end:
        is_open = [schedule.is_open(line, moment) for line in schedule.lines]
        changes = [schedule.next_line_change(line, moment) for line in schedule.lines]
        any_open = any(is_open[index] for index in ordinary)
        current = next((index for index in ordinary if is_open[index]), None)
        if current is None:
            current = next(
                (index for index, line in enumerate(schedule.lines) if line.out_of_hours and is_open[index]), None
            )
        segments.append(
            {
                "from": _iso(moment, schedule.tz),
                "open": any_open,
                "current": current,
                "until": _wall(changes[current], schedule.tz) if any_open and current is not None else None,
                "reopens": (
                    _wall(changes[main], schedule.tz)
                    if not any_open and main is not None and not is_open[main]
                    else None
                ),
            }
        )
        upcoming = [change.astimezone(UTC) for change in changes if change is not None]
        if not upcoming:
            break
        moment = min(upcoming)
    return segments


def zone_offsets(tz: dt.tzinfo, start: dt.datetime, end: dt.datetime) -> list[dict]:
    """The zone's UTC offset at ``start`` and at each change before ``end``,
    found by stepping an hour at a time and narrowing to the minute."""
    moment = start.astimezone(UTC).replace(second=0, microsecond=0)
    offset = moment.astimezone(tz).utcoffset()
    offsets = [{"from": moment.isoformat(), "offset": int(offset.total_seconds() // 60)}]
    while moment < end:
        step = moment + _HOUR
        step_offset = step.astimezone(tz).utcoffset()
        if step_offset != offset:
            low, high = moment, step
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle.astimezone(tz).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            offsets.append({"from": high.isoformat(), "offset": int(step_offset.total_seconds() // 60)})
            offset = step_offset
        moment = step
    return offsets


def browser_status_data(
    data: PanelData,
    at: dt.datetime,
    *,
    days: int = BROWSER_STATUS_DAYS,
    wording: Wording = ENGLISH,
) -> dict:
    schedule = data.schedule
    start = schedule.local(at)
    end = start + dt.timedelta(days=days)
    wording_values = dataclasses.asdict(wording)
    return {
        "version": 1,
        "computed_at": start.isoformat(),
        "valid_until": _iso(end, schedule.tz),
        "lines": [
            {"label": line.label, "phone": line.phone, "tel": contact.tel}
            for line, contact in zip(schedule.lines, data.contacts, strict=True)
        ],
        "segments": status_segments(schedule, start, end),
        "zone": zone_offsets(schedule.tz, start, end),
        "wording": {key: wording_values[key] for key in WORDING_KEYS},
    }
