"""England and Wales bank holidays for the opening-hours engine.

Kept apart from ``opening_hours`` so the engine stays standard-library only
and tests can hand it any holidays they like; this is the one place that
knows where the real dates come from.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import holidays


def england_and_wales_bank_holidays(years: Iterable[int]) -> dict[dt.date, str]:
    """Includes substitute days (e.g. "Boxing Day (observed)"), because the
    office is shut on the substitute Monday, not on the weekend date.

    England's calendar serves Wales too: the two share every bank holiday,
    unlike Scotland and Northern Ireland.
    """
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=sorted(set(years)))
    return dict(sorted(calendar.items()))


@functools.lru_cache(maxsize=32)
def bank_holidays_in(year: int) -> Mapping[dt.date, str]:
    """One year, computed once per process: building a year with ``holidays``
    costs far more than a status query, and the dates never change at run time.
    Read-only so no caller can corrupt the shared copy."""
    return MappingProxyType(england_and_wales_bank_holidays([year]))


@functools.lru_cache(maxsize=32)
def bank_holidays_around(year: int) -> Mapping[dt.date, str]:
    """Every bank holiday a schedule queried during ``year`` can reach: the
    engine looks back one day (an overnight period from 31 December) and
    searches up to 366 days ahead, so the year before and the two after."""
    merged: dict[dt.date, str] = {}
    for each in range(year - 1, year + 3):
        merged.update(bank_holidays_in(each))
    return MappingProxyType(merged)
