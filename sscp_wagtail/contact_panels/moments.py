"""Moments a comms officer checks a contact panel at, for its preview modes.

The preview's "mode" menu offers these beside "Now": the times when the
number the public is given changes or is easy to get wrong. Each is the next
such moment after ``now`` (which the caller passes: nothing here reads the
clock), in UK time. Any other moment can be checked on the panel's "Check
status at a time" page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sscp_wagtail.bank_holidays import bank_holidays_in
from sscp_wagtail.opening_hours import LONDON, NaiveDatetimeError

NOW = ""


@dataclass(frozen=True)
class Moment:
    name: str  # the preview mode's name
    label: str


MOMENTS = (
    Moment("weekday-evening", "A weekday evening (7pm)"),
    Moment("saturday", "Saturday morning (11am)"),
    Moment("bank-holiday", "The next bank holiday (noon)"),
    Moment("christmas", "Christmas Day (noon)"),
    Moment("clocks-go-back", "The night the clocks go back (1:30am, first time)"),
)


def _at(day: dt.date, hour: int, minute: int = 0, *, fold: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON, fold=fold)


def _next(now: dt.datetime, candidates) -> dt.datetime:
    return next(moment for moment in candidates if moment > now)


def _last_sunday_of_october(year: int) -> dt.date:
    day = dt.date(year, 10, 31)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def moment_for(name: str, now: dt.datetime) -> dt.datetime:
    """The next moment of the kind ``name`` after ``now``; ``now`` itself for "" or an unknown name."""
    if now.tzinfo is None:
        raise NaiveDatetimeError("Pass an aware datetime: the moment depends on the time zone.")
    now = now.astimezone(LONDON)
    today = now.date()
    days = (today + dt.timedelta(days=offset) for offset in range(0, 15))
    if name == "weekday-evening":
        return _next(now, (_at(day, 19) for day in days if day.weekday() < 5))
    if name == "saturday":
        return _next(now, (_at(day, 11) for day in days if day.weekday() == 5))
    if name == "bank-holiday":
        holidays = sorted([*bank_holidays_in(today.year), *bank_holidays_in(today.year + 1)])
        return _next(now, (_at(day, 12) for day in holidays))
    if name == "christmas":
        return _next(now, (_at(dt.date(year, 12, 25), 12) for year in (today.year, today.year + 1)))
    if name == "clocks-go-back":
        return _next(now, (_at(_last_sunday_of_october(year), 1, 30) for year in (today.year, today.year + 1)))
    return now.replace(second=0, microsecond=0)
