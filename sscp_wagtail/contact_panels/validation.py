"""Editor-facing checks on a contact panel's rows, independent of Django forms.

The engine's own ``validate_*`` functions describe a whole schedule; an editor
needs each problem next to the row that causes it and told what to do, so these
functions take rows in panel order and return messages keyed by row index (and
field). ``forms.py`` puts them on the admin form; the models reuse the per-row
rules so the demo loader and any other code path that calls ``full_clean``
refuses the same mistakes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sscp_wagtail.opening_hours import (
    ENGLISH,
    Line,
    Period,
    SpecialOpening,
    format_time,
    validate_line,
    validate_periods,
)

MIDNIGHT = dt.time(0)

# The labels editors see on the checkboxes, quoted in messages so the fix is obvious.
OVERNIGHT_LABEL = "Runs past midnight"
ALWAYS_OPEN_LABEL = "Open 24 hours"
OUT_OF_HOURS_LABEL = "Out of hours"


def describe_date(day: dt.date) -> str:
    return f"{ENGLISH.weekdays[day.weekday()]} {day.day} {ENGLISH.months[day.month - 1]} {day.year}"


def describe_hours(opens: dt.time, closes: dt.time) -> str:
    return f"{format_time(opens)} to {format_time(closes)}"


def describe_period(period: Period) -> str:
    return f"{ENGLISH.weekdays[period.weekday]} {describe_hours(period.opens, period.closes)}"


def describe_special(special: SpecialOpening) -> str:
    return f"{describe_date(special.date)} {describe_hours(special.opens, special.closes)}"


def hours_row_errors(opens: dt.time | None, closes: dt.time | None, overnight: bool) -> dict[str, str]:
    """The rules for one row of hours, with the "runs past midnight" box as
    the explicit statement that a close before an open is intended.

    Closing at 00:00 means midnight at the end of the day and needs no box:
    nobody thinks of "5pm to midnight" as running into the next day.
    """
    if opens is None or closes is None:
        return {}  # the field itself already carries "enter a valid time"
    if opens == closes:
        return {
            "closes": (
                f"It opens and closes at the same time ({format_time(opens)}). Correct the closing time or "
                f"delete this row. For a line that never closes, tick “{ALWAYS_OPEN_LABEL}” on the line instead."
            )
        }
    if closes < opens and closes != MIDNIGHT and not overnight:
        return {
            "closes": (
                f"It closes at {format_time(closes)}, before it opens at {format_time(opens)}. If these hours run "
                f"past midnight into the next day, tick “{OVERNIGHT_LABEL}”. Otherwise correct the times."
            )
        }
    if closes > opens and overnight:
        return {
            "overnight": (
                f"{describe_hours(opens, closes)} ends before midnight, so it does not run past midnight: "
                f"untick “{OVERNIGHT_LABEL}”, or correct the closing time."
            )
        }
    return {}


def period_overlap_errors(periods: Sequence[Period | None]) -> dict[int, str]:
    """Each overlap is reported once, on the later row, naming the earlier.
    ``None`` stands for a row that is deleted or already invalid."""
    errors: dict[int, str] = {}
    for later, second in enumerate(periods):
        if second is None or later in errors:
            continue
        for first in periods[:later]:
            if first is not None and validate_periods((first, second)):
                errors[later] = (
                    f"These hours overlap {describe_period(first)} in another row. Change the times so they do "
                    "not overlap, or delete one of the two rows."
                )
                break
    return errors


def special_opening_overlap_errors(specials: Sequence[SpecialOpening | None]) -> dict[int, str]:
    errors: dict[int, str] = {}
    for later, second in enumerate(specials):
        if second is None:
            continue
        for first in specials[:later]:
            if first is None:
                continue
            probe = Line(
                label="", phone="", periods=(), closed_on_bank_holidays=False, special_openings=(first, second)
            )
            if validate_line(probe):
                errors[later] = (
                    f"These hours overlap {describe_special(first)} in another row. Change the times so they do "
                    "not overlap, or delete one of the two rows."
                )
                break
    return errors


def duplicate_closure_errors(dates: Sequence[dt.date | None]) -> dict[int, str]:
    errors: dict[int, str] = {}
    seen: set[dt.date] = set()
    for index, day in enumerate(dates):
        if day is None:
            continue
        if day in seen:
            errors[index] = f"{describe_date(day)} is already in the list of closures. Delete one of the two rows."
        seen.add(day)
    return errors


def closed_special_opening_errors(
    closure_dates: Sequence[dt.date | None], special_dates: Sequence[dt.date | None]
) -> dict[int, str]:
    """A closure beats a special opening in the engine; an editor who entered
    both has made a mistake, so say which one to remove."""
    closed = {day for day in closure_dates if day is not None}
    return {
        index: (
            f"The office is closed on {describe_date(day)} (see closures), so it cannot have special opening "
            "hours that day. Delete the closure or this special opening."
        )
        for index, day in enumerate(special_dates)
        if day is not None and day in closed
    }


@dataclass(frozen=True)
class LineRow:
    """What the line-level checks need to know about one line."""

    always_open: bool
    out_of_hours: bool
    has_periods: bool


def line_errors(lines: Sequence[LineRow | None]) -> dict[int, dict[str | None, str]]:
    """Keyed by line index, then by field (None for the line as a whole)."""
    errors: dict[int, dict[str | None, str]] = {}
    first_gap_line: int | None = None
    for index, line in enumerate(lines):
        if line is None:
            continue
        if line.always_open and line.has_periods:
            errors.setdefault(index, {})["always_open"] = (
                f"A line that is open 24 hours does not need opening times: untick “{ALWAYS_OPEN_LABEL}” or "
                "delete its opening times."
            )
        elif not line.always_open and not line.out_of_hours and not line.has_periods:
            errors.setdefault(index, {})[None] = (
                f"This line has no opening times, so it would never be shown as open. Add its opening times, or "
                f"tick “{ALWAYS_OPEN_LABEL}”, or tick “{OUT_OF_HOURS_LABEL}” if it answers whenever the other lines "
                "are closed."
            )
        if line.out_of_hours and not line.always_open and not line.has_periods:
            if first_gap_line is None:
                first_gap_line = index
            else:
                errors.setdefault(index, {})["out_of_hours"] = (
                    f"Line {first_gap_line + 1} already answers whenever the other lines are closed. Give this line "
                    f"its own opening times, or untick “{OUT_OF_HOURS_LABEL}”."
                )
    return errors
