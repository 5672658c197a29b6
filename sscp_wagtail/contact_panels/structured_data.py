"""schema.org ``ContactPoint`` JSON-LD for a panel, from the engine.

Search engines and assistants answer "when can I call" from this, so it has
to say the same as the page: the weekly hours, plus a dated entry for every
day in the coming year whose hours differ (bank holidays, closures, special
openings). Dated hours come from asking the engine about that exact day, so
the out-of-hours line's bank-holiday cover and overnight periods are right
without a second set of rules.

Conventions (schema.org and Google's documentation): a ``closes`` earlier
than ``opens`` runs into the next day; 00:00 to 23:59 is open all day;
00:00 to 00:00 with ``validFrom``/``validThrough`` is closed all day.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from sscp_wagtail.opening_hours import UTC, Line, Period, Schedule

from .schedule import PanelData

DAY_URLS = tuple(
    f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
)
STRUCTURED_DATA_DAYS = 365
_MINUTES_PER_DAY = 24 * 60
_MINUTES_PER_WEEK = 7 * _MINUTES_PER_DAY
ALL_DAY = ("00:00", "23:59")
CLOSED = ("00:00", "00:00")


def _hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def _clock(minutes: int) -> str:
    minutes %= _MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _grouped(hours: Iterable[tuple[int, str, str]]) -> list[dict]:
    """One specification per distinct (opens, closes), listing its days."""
    by_hours: dict[tuple[str, str], list[int]] = {}
    for weekday, opens, closes in sorted(hours):
        by_hours.setdefault((opens, closes), []).append(weekday)
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [DAY_URLS[day] for day in days],
            "opens": opens,
            "closes": closes,
        }
        for (opens, closes), days in sorted(by_hours.items(), key=lambda item: (item[1][0], item[0]))
    ]


def _weekly_spans(periods: Iterable[Period]) -> list[tuple[int, int]]:
    """Periods as merged [start, end) minutes from Monday 00:00, wrapped."""
    spans: list[tuple[int, int]] = []
    for period in periods:
        if period.zero_length:
            continue
        start = period.weekday * _MINUTES_PER_DAY + _minutes(period.opens)
        length = (_minutes(period.closes) - _minutes(period.opens)) % _MINUTES_PER_DAY
        end = start + length
        if end > _MINUTES_PER_WEEK:  # Sunday night into Monday morning
            spans.extend([(start, _MINUTES_PER_WEEK), (0, end - _MINUTES_PER_WEEK)])
        else:
            spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def weekly_gaps(periods: Iterable[Period]) -> list[tuple[int, int]]:
    """The week minus ``periods``: when an out-of-hours line answers."""
    gaps = []
    cursor = 0
    for start, end in _weekly_spans(periods):
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < _MINUTES_PER_WEEK:
        gaps.append((cursor, _MINUTES_PER_WEEK))
    # A gap that runs over Sunday midnight is one stretch, not two.
    if len(gaps) > 1 and gaps[0][0] == 0 and gaps[-1][1] == _MINUTES_PER_WEEK:
        gaps = [(gaps[-1][0], gaps[0][1] + _MINUTES_PER_WEEK), *gaps[1:-1]]
    return gaps


def _spans_as_hours(spans: Iterable[tuple[int, int]]) -> list[tuple[int, str, str]]:
    """Splits week spans into schema.org's per-day entries: an entry may run
    past midnight only if it ends before the next day's first entry would."""
    hours: list[tuple[int, str, str]] = []
    for start, end in spans:
        cursor = start
        while cursor < end:
            day = (cursor // _MINUTES_PER_DAY) % 7
            day_end = (cursor // _MINUTES_PER_DAY + 1) * _MINUTES_PER_DAY
            if cursor % _MINUTES_PER_DAY == 0 and end - cursor >= _MINUTES_PER_DAY:
                hours.append((day, *ALL_DAY))
                cursor = day_end
            elif end - day_end < _MINUTES_PER_DAY and end > day_end:
                # Evening into the next morning: one overnight entry.
                hours.append((day, _clock(cursor), _clock(end)))
                cursor = end
            else:
                hours.append((day, _clock(cursor), _clock(min(end, day_end))))
                cursor = min(end, day_end)
    return hours


def weekly_hours(schedule: Schedule, line: Line) -> list[dict]:
    if line.always_open:
        return _grouped((day, *ALL_DAY) for day in range(7))
    if line.covers_gaps:
        others = [other for other in schedule.lines if not other.out_of_hours]
        if any(other.always_open for other in others):
            return []
        periods = [period for other in others for period in other.periods]
        return _grouped(_spans_as_hours(weekly_gaps(periods)))
    return _grouped(
        (period.weekday, _hhmm(period.opens), _hhmm(period.closes)) for period in line.periods if not period.zero_length
    )


def day_hours(schedule: Schedule, line: Line, day: dt.date) -> list[tuple[str, str]]:
    """The line's open stretches within one local date, asked of the engine."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=schedule.tz).astimezone(UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=schedule.tz).astimezone(UTC)
    hours = []
    moment = start
    is_open = schedule.is_open(line, moment)
    while moment < end:
        change = schedule.next_line_change(line, moment)
        stop = end if change is None else min(change.astimezone(UTC), end)
        if is_open:
            opens = _hhmm(moment.astimezone(schedule.tz).time())
            closes = "23:59" if stop == end else _hhmm(stop.astimezone(schedule.tz).time())
            hours.append((opens, closes))
        moment = stop
        is_open = not is_open
    return hours


def _exception_dates(schedule: Schedule, line: Line, first: dt.date, last: dt.date) -> set[dt.date]:
    """Dates on which ``line``'s hours may differ from its weekly pattern."""
    if line.always_open:
        return set()
    sources = [line]
    if line.covers_gaps:
        sources = [other for other in schedule.lines if not other.out_of_hours]
    dates: set[dt.date] = set()
    for source in sources:
        dates.update(closure.date for closure in source.closures)
        dates.update(special.date for special in source.special_openings)
        if source.closed_on_bank_holidays:
            dates.update(schedule.bank_holidays)
    if line.covers_gaps:
        dates.update(closure.date for closure in line.closures)
    return {day for day in dates if first <= day <= last}


def dated_hours(schedule: Schedule, line: Line, first: dt.date, last: dt.date) -> list[dict]:
    specifications = []
    for day in sorted(_exception_dates(schedule, line, first, last)):
        for opens, closes in day_hours(schedule, line, day) or [CLOSED]:
            specifications.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": day.isoformat(),
                    "validThrough": day.isoformat(),
                    "opens": opens,
                    "closes": closes,
                }
            )
    return specifications


def contact_points(data: PanelData, today: dt.date, *, days: int = STRUCTURED_DATA_DAYS) -> dict:
    last = today + dt.timedelta(days=days - 1)
    graph = []
    for line, contact in zip(data.schedule.lines, data.contacts, strict=True):
        point: dict = {
            "@type": "ContactPoint",
            "name": f"{data.title}: {line.label}" if data.title else line.label,
            "contactType": line.label,
            "telephone": contact.tel or contact.phone,
            "areaServed": "GB",
            "hoursAvailable": weekly_hours(data.schedule, line) + dated_hours(data.schedule, line, today, last),
        }
        if contact.email:
            point["email"] = contact.email
        graph.append(point)
    return {"@context": "https://schema.org", "@graph": graph}


_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_text(value: dict) -> str:
    """JSON that cannot close its ``<script>`` element, whatever an editor typed."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
