"""Table-driven tests for the opening-hours engine.

Plain pytest: no Django, no database. Every moment is passed in explicitly.
Reference weeks (no bank holidays): Monday 12 to Sunday 18 January 2026, and
Monday 13 July 2026 for British Summer Time. Clock changes in 2026: Sunday
29 March (01:00 GMT -> 02:00 BST) and Sunday 25 October (02:00 BST -> 01:00
GMT); both happen at 01:00 UTC.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from zoneinfo import ZoneInfo

import pytest

from sscp_wagtail.bank_holidays import england_and_wales_bank_holidays
from sscp_wagtail.opening_hours import (
    Closure,
    Line,
    NaiveDatetimeError,
    Period,
    Schedule,
    ScheduleError,
    SpecialOpening,
    Status,
    Weekday,
    Wording,
    describe_weekly_hours,
    format_time,
    status_sentence,
    validate_line,
    validate_periods,
)

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
BANK_HOLIDAYS = england_and_wales_bank_holidays(range(2025, 2029))

OFFICE_PHONE = "0161 217 6028"
OUT_OF_HOURS_PHONE = "0161 718 2118"


def t(hour: int, minute: int = 0) -> dt.time:
    return dt.time(hour, minute)


def london(year: int, month: int, day: int, hour: int = 0, minute: int = 0, *, fold: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON, fold=fold)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def office_line(**changes: object) -> Line:
    """The seed panel's office line, optionally with closures etc."""
    line = Line(
        label="Child abuse or neglect",
        phone=OFFICE_PHONE,
        periods=(
            *(Period(day, t(8, 30), t(17)) for day in Weekday if day <= Weekday.THURSDAY),
            Period(Weekday.FRIDAY, t(8, 30), t(16, 30)),
        ),
        closed_on_bank_holidays=True,
    )
    return dataclasses.replace(line, **changes)  # type: ignore[arg-type]


def out_of_hours_line(**changes: object) -> Line:
    line = Line(
        label="Evenings and weekends",
        phone=OUT_OF_HOURS_PHONE,
        periods=(),
        closed_on_bank_holidays=False,
        out_of_hours=True,
    )
    return dataclasses.replace(line, **changes)  # type: ignore[arg-type]


def seed_schedule(
    office: Line | None = None,
    bank_holidays: Mapping[dt.date, str] = BANK_HOLIDAYS,
) -> Schedule:
    return Schedule(
        lines=(office or office_line(), out_of_hours_line()),
        bank_holidays=bank_holidays,
    )


@pytest.fixture
def seed() -> Schedule:
    return seed_schedule()


def night_line(*periods: Period, **changes: object) -> Line:
    """A line whose hours run past midnight."""
    line = Line(
        label="Night line",
        phone="0800 000 0000",
        periods=periods
        or (
            Period(Weekday.SUNDAY, t(22), t(2)),
            Period(Weekday.WEDNESDAY, t(22), t(2)),
        ),
        closed_on_bank_holidays=True,
    )
    return dataclasses.replace(line, **changes)  # type: ignore[arg-type]


def only(line: Line) -> Schedule:
    return Schedule(lines=(line,), bank_holidays=BANK_HOLIDAYS)


def label(line: Line | None) -> str | None:
    return line.label if line is not None else None


OFFICE = "Child abuse or neglect"
OUT_OF_HOURS = "Evenings and weekends"


# --------------------------------------------------------------------------
# Seed panel: every boundary minute of an ordinary week
# --------------------------------------------------------------------------

_MON_THU = (("mon", 12), ("tue", 13), ("wed", 14), ("thu", 15))

WEEK_ROWS = [
    *(
        pytest.param(london(2026, 1, date, hour, minute), is_open, id=f"{day}-{hh}")
        for day, date in _MON_THU
        for hour, minute, hh, is_open in (
            (0, 0, "0000", False),
            (8, 29, "0829", False),
            (8, 30, "0830", True),
            (12, 0, "1200", True),
            (16, 59, "1659", True),
            (17, 0, "1700", False),
            (23, 59, "2359", False),
        )
    ),
    pytest.param(london(2026, 1, 16, 8, 29), False, id="fri-0829"),
    pytest.param(london(2026, 1, 16, 8, 30), True, id="fri-0830"),
    pytest.param(london(2026, 1, 16, 16, 29), True, id="fri-1629"),
    pytest.param(london(2026, 1, 16, 16, 30), False, id="fri-1630"),
    pytest.param(london(2026, 1, 16, 16, 45), False, id="fri-1645"),
    pytest.param(london(2026, 1, 16, 17, 0), False, id="fri-1700"),
    pytest.param(london(2026, 1, 17, 10, 0), False, id="sat-1000"),
    pytest.param(london(2026, 1, 18, 12, 0), False, id="sun-1200"),
    pytest.param(dt.datetime(2026, 1, 16, 16, 29, 59, tzinfo=LONDON), True, id="fri-162959"),
    pytest.param(dt.datetime(2026, 1, 12, 8, 29, 59, tzinfo=LONDON), False, id="mon-082959"),
]


@pytest.mark.parametrize(("at", "office_open"), WEEK_ROWS)
def test_seed_week_boundaries(seed: Schedule, at: dt.datetime, office_open: bool) -> None:
    office, out_of_hours = seed.lines
    assert seed.is_open(office, at) is office_open
    # The out-of-hours line is open exactly when the office is not.
    assert seed.is_open(out_of_hours, at) is not office_open
    assert label(seed.line_to_call(at)) == (OFFICE if office_open else OUT_OF_HOURS)


# --------------------------------------------------------------------------
# Bank holidays, including substitute days, from the real package
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        pytest.param(dt.date(2026, 12, 25), "Christmas Day", id="2026-christmas-fri"),
        pytest.param(dt.date(2026, 12, 26), "Boxing Day", id="2026-boxing-day-sat"),
        pytest.param(dt.date(2026, 12, 28), "Boxing Day (observed)", id="2026-substitute-mon"),
        pytest.param(dt.date(2027, 12, 27), "Christmas Day (observed)", id="2027-substitute-mon"),
        pytest.param(dt.date(2027, 12, 28), "Boxing Day (observed)", id="2027-substitute-tue"),
        pytest.param(dt.date(2026, 4, 6), "Easter Monday", id="2026-easter-monday"),
    ],
)
def test_adapter_includes_substitute_days(day: dt.date, name: str) -> None:
    assert england_and_wales_bank_holidays([day.year])[day] == name


def test_adapter_has_no_scottish_holidays() -> None:
    holidays_2026 = england_and_wales_bank_holidays([2026])
    assert dt.date(2026, 1, 2) not in holidays_2026  # Scotland only
    assert dt.date(2026, 12, 28).weekday() == Weekday.MONDAY
    assert len(holidays_2026) == 9


BANK_HOLIDAY_ROWS = [
    pytest.param(london(2026, 12, 24, 10), True, id="thu-24-dec-open"),
    pytest.param(london(2026, 12, 25, 10), False, id="christmas-day-fri"),
    pytest.param(london(2026, 12, 26, 10), False, id="boxing-day-sat"),
    pytest.param(london(2026, 12, 28, 10), False, id="boxing-substitute-mon"),
    pytest.param(london(2026, 12, 29, 10), True, id="tue-29-dec-open"),
    pytest.param(london(2026, 4, 3, 10), False, id="good-friday"),
    pytest.param(london(2026, 4, 6, 10), False, id="easter-monday"),
    pytest.param(london(2026, 5, 4, 10), False, id="early-may"),
    pytest.param(london(2026, 5, 5, 10), True, id="day-after-early-may"),
    pytest.param(london(2027, 12, 27, 10), False, id="christmas-substitute-2027"),
    pytest.param(london(2027, 12, 28, 10), False, id="boxing-substitute-2027"),
    pytest.param(london(2027, 12, 29, 10), True, id="wed-29-dec-2027-open"),
]


@pytest.mark.parametrize(("at", "office_open"), BANK_HOLIDAY_ROWS)
def test_bank_holidays(seed: Schedule, at: dt.datetime, office_open: bool) -> None:
    office, out_of_hours = seed.lines
    assert seed.is_open(office, at) is office_open
    assert seed.line_to_call(at) is (office if office_open else out_of_hours)


def test_substitute_day_closure_comes_from_bank_holidays() -> None:
    at = london(2026, 12, 28, 10)
    without_holidays = seed_schedule(bank_holidays={})
    with_holidays = seed_schedule()
    assert without_holidays.line_to_call(at) is without_holidays.lines[0]
    assert with_holidays.line_to_call(at) is with_holidays.lines[1]


def test_line_not_closed_on_bank_holidays_stays_open() -> None:
    schedule = seed_schedule(office=office_line(closed_on_bank_holidays=False))
    assert schedule.is_open(schedule.lines[0], london(2026, 12, 28, 10))
    assert schedule.describe_hours(schedule.lines[1]) == ["Evenings and weekends"]


# --------------------------------------------------------------------------
# Closures and special openings
# --------------------------------------------------------------------------

CHRISTMAS_EVE_CLOSED = office_line(closures=(Closure(dt.date(2026, 12, 24), "Staff training"),))
SUBSTITUTE_DAY_OPEN = office_line(special_openings=(SpecialOpening(dt.date(2026, 12, 28), t(10), t(14)),))
WEDNESDAY_SHORT = office_line(special_openings=(SpecialOpening(dt.date(2026, 1, 14), t(12), t(15)),))
CLOSURE_BEATS_SPECIAL = office_line(
    closures=(Closure(dt.date(2026, 1, 14), "Closed"),),
    special_openings=(SpecialOpening(dt.date(2026, 1, 14), t(12), t(15)),),
)
LATE_THURSDAY = office_line(
    special_openings=(
        SpecialOpening(dt.date(2026, 1, 15), t(20), t(2)),
        SpecialOpening(dt.date(2026, 12, 31), t(20), t(2)),
    )
)

EXCEPTION_ROWS = [
    pytest.param(CHRISTMAS_EVE_CLOSED, london(2026, 12, 24, 10), False, id="closure"),
    pytest.param(CHRISTMAS_EVE_CLOSED, london(2026, 12, 23, 10), True, id="closure-day-before"),
    pytest.param(SUBSTITUTE_DAY_OPEN, london(2026, 12, 28, 9, 59), False, id="special-bh-0959"),
    pytest.param(SUBSTITUTE_DAY_OPEN, london(2026, 12, 28, 10), True, id="special-bh-1000"),
    pytest.param(SUBSTITUTE_DAY_OPEN, london(2026, 12, 28, 13, 59), True, id="special-bh-1359"),
    pytest.param(SUBSTITUTE_DAY_OPEN, london(2026, 12, 28, 14), False, id="special-bh-1400"),
    pytest.param(WEDNESDAY_SHORT, london(2026, 1, 14, 9), False, id="special-replaces-weekly"),
    pytest.param(WEDNESDAY_SHORT, london(2026, 1, 14, 12), True, id="special-weekday-open"),
    pytest.param(WEDNESDAY_SHORT, london(2026, 1, 14, 16), False, id="special-weekday-closed"),
    pytest.param(WEDNESDAY_SHORT, london(2026, 1, 15, 9), True, id="special-next-day-weekly"),
    pytest.param(CLOSURE_BEATS_SPECIAL, london(2026, 1, 14, 13), False, id="closure-beats-special"),
    pytest.param(LATE_THURSDAY, london(2026, 1, 15, 9), False, id="late-special-replaces-day"),
    pytest.param(LATE_THURSDAY, london(2026, 1, 15, 23), True, id="late-special-2300"),
    pytest.param(LATE_THURSDAY, london(2026, 1, 16, 1, 59), True, id="late-special-spills-0159"),
    pytest.param(LATE_THURSDAY, london(2026, 1, 16, 2), False, id="late-special-ends-0200"),
    pytest.param(LATE_THURSDAY, london(2026, 1, 16, 8, 30), True, id="late-special-fri-weekly"),
    pytest.param(LATE_THURSDAY, london(2026, 12, 31, 23), True, id="nye-special-2300"),
    pytest.param(LATE_THURSDAY, london(2027, 1, 1, 0, 30), False, id="nye-special-stops-at-bh"),
]


@pytest.mark.parametrize(("office", "at", "office_open"), EXCEPTION_ROWS)
def test_closures_and_special_openings(office: Line, at: dt.datetime, office_open: bool) -> None:
    schedule = seed_schedule(office=office)
    assert schedule.is_open(office, at) is office_open
    assert schedule.line_to_call(at) is schedule.lines[0 if office_open else 1]


@pytest.mark.parametrize(
    ("office", "at", "expected"),
    [
        pytest.param(SUBSTITUTE_DAY_OPEN, london(2026, 12, 28, 9), london(2026, 12, 28, 10), id="opens"),
        pytest.param(SUBSTITUTE_DAY_OPEN, london(2026, 12, 28, 10), london(2026, 12, 28, 14), id="closes"),
        pytest.param(LATE_THURSDAY, london(2026, 1, 15, 21), london(2026, 1, 16, 2), id="overnight-special"),
        pytest.param(LATE_THURSDAY, london(2026, 12, 31, 21), london(2027, 1, 1), id="special-cut-at-bh"),
        pytest.param(
            CHRISTMAS_EVE_CLOSED,
            london(2026, 12, 23, 17),
            london(2026, 12, 29, 8, 30),
            id="closure-then-bank-holidays",
        ),
    ],
)
def test_next_line_change_with_exceptions(office: Line, at: dt.datetime, expected: dt.datetime) -> None:
    assert seed_schedule(office=office).next_line_change(office, at) == expected


def test_closure_reason_reported(seed: Schedule) -> None:
    schedule = seed_schedule(office=CHRISTMAS_EVE_CLOSED)
    assert schedule.status(london(2026, 12, 24, 10)).closed_reason == "Staff training"
    assert seed.status(london(2026, 12, 28, 10)).closed_reason == "Boxing Day (observed)"
    assert seed.status(london(2026, 1, 17, 10)).closed_reason is None  # weekend
    assert seed.status(london(2026, 1, 12, 10)).closed_reason is None  # open


# --------------------------------------------------------------------------
# Overnight periods
# --------------------------------------------------------------------------

OVERNIGHT_ROWS = [
    pytest.param(london(2026, 1, 18, 21, 59), False, id="sun-2159"),
    pytest.param(london(2026, 1, 18, 22), True, id="sun-2200"),
    pytest.param(london(2026, 1, 18, 23, 59), True, id="sun-2359"),
    pytest.param(london(2026, 1, 19, 0, 0), True, id="wrap-mon-0000"),
    pytest.param(london(2026, 1, 19, 1, 59), True, id="wrap-mon-0159"),
    pytest.param(london(2026, 1, 19, 2), False, id="wrap-mon-0200"),
    pytest.param(london(2026, 1, 20, 1), False, id="tue-0100-no-mon-period"),
    pytest.param(london(2026, 1, 14, 23), True, id="wed-2300"),
    pytest.param(london(2026, 1, 15, 1, 59), True, id="thu-0159"),
    pytest.param(london(2026, 1, 15, 2), False, id="thu-0200"),
    # Easter Monday is a bank holiday: the Sunday-night period stops at midnight.
    pytest.param(london(2026, 4, 5, 23), True, id="easter-sunday-2300"),
    pytest.param(london(2026, 4, 6, 0, 30), False, id="easter-monday-0030-cut"),
]


@pytest.mark.parametrize(("at", "is_open"), OVERNIGHT_ROWS)
def test_overnight_periods(at: dt.datetime, is_open: bool) -> None:
    line = night_line()
    assert only(line).is_open(line, at) is is_open


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        pytest.param(london(2026, 1, 18, 21), london(2026, 1, 18, 22), id="opens-sun"),
        pytest.param(london(2026, 1, 18, 23), london(2026, 1, 19, 2), id="closes-mon"),
        pytest.param(london(2026, 1, 19, 2), london(2026, 1, 21, 22), id="opens-wed"),
        pytest.param(london(2026, 4, 5, 23), london(2026, 4, 6), id="cut-at-bank-holiday"),
    ],
)
def test_overnight_next_change(at: dt.datetime, expected: dt.datetime) -> None:
    line = night_line()
    assert only(line).next_line_change(line, at) == expected


def test_adjacent_periods_merge_into_one_opening() -> None:
    line = night_line(
        Period(Weekday.MONDAY, t(0), t(12)),
        Period(Weekday.MONDAY, t(12), t(0)),
        Period(Weekday.TUESDAY, t(0), t(6)),
    )
    schedule = only(line)
    # No spurious change at midday or midnight.
    assert schedule.next_line_change(line, london(2026, 1, 12, 1)) == london(2026, 1, 13, 6)


# --------------------------------------------------------------------------
# Clock changes (2026-03-29 and 2026-10-25)
# --------------------------------------------------------------------------


def _gap_lines() -> dict[str, Line]:
    return {
        "sat-night": night_line(Period(Weekday.SATURDAY, t(22), t(2))),
        "closes-in-gap": night_line(Period(Weekday.SATURDAY, t(22), t(1, 30))),
        "opens-in-gap": night_line(Period(Weekday.SUNDAY, t(1, 30), t(3))),
        "inside-gap": night_line(Period(Weekday.SUNDAY, t(1, 15), t(1, 45))),
    }


GAP = _gap_lines()

CLOCK_CHANGE_OPEN_ROWS = [
    # Spring: 22:00 GMT Saturday to 02:00 BST Sunday is three real hours.
    pytest.param(GAP["sat-night"], utc(2026, 3, 28, 22), True, id="spring-sat-2200"),
    pytest.param(GAP["sat-night"], utc(2026, 3, 29, 0, 59), True, id="spring-0059gmt"),
    pytest.param(GAP["sat-night"], utc(2026, 3, 29, 1), False, id="spring-0200bst"),
    # A closing time inside the gap takes effect when the gap ends.
    pytest.param(GAP["closes-in-gap"], utc(2026, 3, 29, 0, 59), True, id="closes-in-gap-before"),
    pytest.param(GAP["closes-in-gap"], utc(2026, 3, 29, 1), False, id="closes-in-gap-after"),
    # An opening time inside the gap also takes effect when the gap ends.
    pytest.param(GAP["opens-in-gap"], utc(2026, 3, 29, 0, 59), False, id="opens-in-gap-before"),
    pytest.param(GAP["opens-in-gap"], utc(2026, 3, 29, 1), True, id="opens-in-gap-0200bst"),
    pytest.param(GAP["opens-in-gap"], london(2026, 3, 29, 2, 59), True, id="opens-in-gap-0259bst"),
    pytest.param(GAP["opens-in-gap"], london(2026, 3, 29, 3), False, id="opens-in-gap-0300bst"),
    # Wholly inside the gap: those wall-clock times never happen.
    pytest.param(GAP["inside-gap"], utc(2026, 3, 29, 0, 59), False, id="inside-gap-before"),
    pytest.param(GAP["inside-gap"], utc(2026, 3, 29, 1), False, id="inside-gap-after"),
    pytest.param(GAP["inside-gap"], london(2026, 4, 5, 1, 30), True, id="inside-gap-next-week"),
    # Autumn: 22:00 BST Saturday to 02:00 GMT Sunday is five real hours.
    pytest.param(GAP["sat-night"], utc(2026, 10, 24, 21), True, id="autumn-2200bst"),
    pytest.param(GAP["sat-night"], london(2026, 10, 25, 1, 30, fold=0), True, id="autumn-first-0130"),
    pytest.param(GAP["sat-night"], london(2026, 10, 25, 1, 30, fold=1), True, id="autumn-second-0130"),
    pytest.param(GAP["sat-night"], utc(2026, 10, 25, 1, 59), True, id="autumn-0159gmt"),
    pytest.param(GAP["sat-night"], utc(2026, 10, 25, 2), False, id="autumn-0200gmt"),
    # A boundary in the repeated hour uses its first occurrence.
    pytest.param(GAP["closes-in-gap"], utc(2026, 10, 25, 0, 29), True, id="closes-in-fold-before"),
    pytest.param(GAP["closes-in-gap"], utc(2026, 10, 25, 0, 30), False, id="closes-in-fold-first"),
    pytest.param(GAP["closes-in-gap"], london(2026, 10, 25, 1, 30, fold=1), False, id="closes-in-fold-second"),
    pytest.param(GAP["opens-in-gap"], utc(2026, 10, 25, 0, 29), False, id="opens-in-fold-before"),
    pytest.param(GAP["opens-in-gap"], utc(2026, 10, 25, 0, 30), True, id="opens-in-fold-first"),
    pytest.param(GAP["opens-in-gap"], london(2026, 10, 25, 1, 45, fold=1), True, id="opens-in-fold-second"),
    pytest.param(GAP["opens-in-gap"], utc(2026, 10, 25, 3), False, id="opens-in-fold-0300gmt"),
]


@pytest.mark.parametrize(("line", "at", "is_open"), CLOCK_CHANGE_OPEN_ROWS)
def test_clock_change_open(line: Line, at: dt.datetime, is_open: bool) -> None:
    assert only(line).is_open(line, at) is is_open


CLOCK_CHANGE_NEXT_ROWS = [
    pytest.param(
        GAP["sat-night"],
        london(2026, 3, 28, 22),
        utc(2026, 3, 29, 1),
        dt.timedelta(hours=3),
        id="spring-overnight-3h",
    ),
    pytest.param(
        GAP["closes-in-gap"],
        london(2026, 3, 28, 23),
        london(2026, 3, 29, 2),
        dt.timedelta(hours=2),
        id="spring-close-in-gap",
    ),
    pytest.param(
        GAP["opens-in-gap"],
        london(2026, 3, 29, 0, 30),
        london(2026, 3, 29, 2),
        dt.timedelta(minutes=30),
        id="spring-open-in-gap",
    ),
    pytest.param(
        GAP["inside-gap"],
        london(2026, 3, 28, 23),
        london(2026, 4, 5, 1, 15),
        dt.timedelta(days=7, hours=1, minutes=15),
        id="spring-skipped-period",
    ),
    pytest.param(
        GAP["sat-night"],
        london(2026, 10, 24, 22),
        utc(2026, 10, 25, 2),
        dt.timedelta(hours=5),
        id="autumn-overnight-5h",
    ),
    pytest.param(
        GAP["closes-in-gap"],
        london(2026, 10, 24, 23),
        utc(2026, 10, 25, 0, 30),  # the first 01:30, still BST
        dt.timedelta(hours=2, minutes=30),
        id="autumn-close-first-0130",
    ),
    pytest.param(
        GAP["closes-in-gap"],
        london(2026, 10, 25, 1, 15, fold=1),
        london(2026, 10, 31, 22),
        dt.timedelta(days=6, hours=20, minutes=45),
        id="autumn-second-0115-already-closed",
    ),
    pytest.param(
        GAP["opens-in-gap"],
        london(2026, 10, 25, 1, 30, fold=0),
        utc(2026, 10, 25, 3),
        dt.timedelta(hours=2, minutes=30),
        id="autumn-open-across-fold",
    ),
]


@pytest.mark.parametrize(("line", "at", "expected", "elapsed"), CLOCK_CHANGE_NEXT_ROWS)
def test_clock_change_next_change(line: Line, at: dt.datetime, expected: dt.datetime, elapsed: dt.timedelta) -> None:
    change = only(line).next_line_change(line, at)
    assert change is not None
    # Compare as UTC: Python never treats a time in the repeated autumn hour
    # as equal to one in another zone, and ignores fold within one zone.
    assert change.astimezone(UTC) == expected.astimezone(UTC)
    assert change.tzinfo is LONDON
    # Aware subtraction across zones counts real elapsed time.
    assert change.astimezone(UTC) - at.astimezone(UTC) == elapsed


def test_autumn_boundary_reports_first_occurrence() -> None:
    line = GAP["closes-in-gap"]
    change = only(line).next_line_change(line, london(2026, 10, 24, 23))
    assert change is not None
    assert (change.hour, change.minute, change.fold) == (1, 30, 0)
    assert change.utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("at", "expected", "elapsed"),
    [
        pytest.param(
            london(2026, 3, 27, 16, 45),
            london(2026, 3, 30, 8, 30),
            dt.timedelta(days=2, hours=14, minutes=45),
            id="spring-weekend",
        ),
        pytest.param(
            london(2026, 10, 23, 16, 45),
            london(2026, 10, 26, 8, 30),
            dt.timedelta(days=2, hours=16, minutes=45),
            id="autumn-weekend",
        ),
        pytest.param(
            utc(2026, 3, 29, 1),
            london(2026, 3, 30, 8, 30),
            dt.timedelta(days=1, hours=6, minutes=30),
            id="from-inside-spring-change",
        ),
        pytest.param(
            london(2026, 10, 25, 1, 30, fold=1),
            london(2026, 10, 26, 8, 30),
            dt.timedelta(days=1, hours=7),
            id="from-second-0130",
        ),
    ],
)
def test_seed_next_change_across_clock_changes(
    seed: Schedule, at: dt.datetime, expected: dt.datetime, elapsed: dt.timedelta
) -> None:
    change = seed.next_change(at)
    assert change == expected
    assert change is not None
    # Convert first: aware datetimes sharing a tzinfo subtract by wall clock.
    assert change.astimezone(UTC) - at.astimezone(UTC) == elapsed
    assert seed.next_line_change(seed.lines[0], at) == expected
    assert label(seed.line_to_call(at)) == OUT_OF_HOURS


@pytest.mark.parametrize(
    ("at", "office_open"),
    [
        pytest.param(utc(2026, 3, 30, 7, 29), False, id="bst-mon-0729utc"),
        pytest.param(utc(2026, 3, 30, 7, 30), True, id="bst-mon-0730utc-is-0830"),
        pytest.param(utc(2026, 3, 30, 15, 59), True, id="bst-mon-1559utc"),
        pytest.param(utc(2026, 3, 30, 16), False, id="bst-mon-1600utc-is-1700"),
        pytest.param(utc(2026, 10, 26, 8, 29), False, id="gmt-mon-0829utc"),
        pytest.param(utc(2026, 10, 26, 8, 30), True, id="gmt-mon-0830utc"),
    ],
)
def test_office_after_clock_changes(seed: Schedule, at: dt.datetime, office_open: bool) -> None:
    assert seed.is_open(seed.lines[0], at) is office_open


# --------------------------------------------------------------------------
# Any aware input: the instant matters, not the zone it is written in
# --------------------------------------------------------------------------

NEW_YORK = ZoneInfo("America/New_York")

SAME_INSTANT_ROWS = [
    pytest.param(london(2026, 7, 13, 8, 45), id="bst-0845"),
    pytest.param(london(2026, 7, 13, 17, 30), id="bst-1730"),
    pytest.param(london(2026, 7, 17, 16, 45), id="bst-fri-1645"),
    pytest.param(london(2026, 1, 16, 16, 45), id="gmt-fri-1645"),
    pytest.param(london(2026, 12, 26, 10), id="boxing-day"),
    pytest.param(london(2026, 10, 25, 1, 30, fold=1), id="autumn-second-0130"),
]


@pytest.mark.parametrize("at", SAME_INSTANT_ROWS)
def test_utc_and_other_zones_match_london(seed: Schedule, at: dt.datetime) -> None:
    expected = seed.status(at)
    for other in (at.astimezone(UTC), at.astimezone(NEW_YORK)):
        got = seed.status(other)
        assert got == expected
        assert got.at.tzinfo is LONDON
        assert status_sentence(got) == status_sentence(expected)


@pytest.mark.parametrize(
    ("at", "office_open"),
    [
        # 16:30 UTC in July is 17:30 in London: closed, though a naive
        # reading of the UTC wall time would say open.
        pytest.param(utc(2026, 7, 13, 16, 30), False, id="utc-1630-is-bst-1730"),
        # 07:45 UTC is 08:45 BST: open, though 07:45 would be closed.
        pytest.param(utc(2026, 7, 13, 7, 45), True, id="utc-0745-is-bst-0845"),
        pytest.param(utc(2026, 1, 12, 16, 30), True, id="utc-equals-gmt-winter"),
    ],
)
def test_utc_input_is_converted(seed: Schedule, at: dt.datetime, office_open: bool) -> None:
    assert seed.is_open(seed.lines[0], at) is office_open


# --------------------------------------------------------------------------
# Naive datetimes are refused
# --------------------------------------------------------------------------

NAIVE = dt.datetime(2026, 1, 16, 16, 45)

QUERIES: list[tuple[str, Callable[[Schedule], object]]] = [
    ("is_open", lambda s: s.is_open(s.lines[0], NAIVE)),
    ("is_open-out-of-hours", lambda s: s.is_open(s.lines[1], NAIVE)),
    ("line_to_call", lambda s: s.line_to_call(NAIVE)),
    ("next_line_change", lambda s: s.next_line_change(s.lines[0], NAIVE)),
    ("next_change", lambda s: s.next_change(NAIVE)),
    ("status", lambda s: s.status(NAIVE)),
]


@pytest.mark.parametrize("query", [pytest.param(q, id=name) for name, q in QUERIES])
def test_naive_datetimes_refused(seed: Schedule, query: Callable[[Schedule], object]) -> None:
    with pytest.raises(NaiveDatetimeError, match="naive 2026-01-16T16:45:00"):
        query(seed)


def test_naive_error_is_a_value_error() -> None:
    assert issubclass(NaiveDatetimeError, ValueError)


# --------------------------------------------------------------------------
# Validation messages for editors
# --------------------------------------------------------------------------

SEED_PERIODS = office_line().periods

VALIDATION_ROWS = [
    pytest.param(SEED_PERIODS, [], id="seed-is-valid"),
    pytest.param(
        (Period(Weekday.FRIDAY, t(8, 30), t(16, 30)), Period(Weekday.FRIDAY, t(16), t(18))),
        ["Friday 8:30am to 4:30pm overlaps Friday 4pm to 6pm"],
        id="overlap-same-day",
    ),
    pytest.param(
        (Period(Weekday.FRIDAY, t(8, 30), t(12)), Period(Weekday.FRIDAY, t(12), t(16, 30))),
        [],
        id="touching-is-fine",
    ),
    pytest.param(
        (Period(Weekday.WEDNESDAY, t(9), t(9)),),
        ["Wednesday 9am to 9am opens and closes at the same time"],
        id="zero-length",
    ),
    pytest.param(
        (Period(Weekday.SUNDAY, t(22), t(2)), Period(Weekday.MONDAY, t(1), t(3))),
        ["Monday 1am to 3am overlaps Sunday 10pm to 2am"],
        id="overnight-wraps-sunday-to-monday",
    ),
    pytest.param(
        (Period(Weekday.SUNDAY, t(22), t(2)), Period(Weekday.MONDAY, t(2), t(5))),
        [],
        id="overnight-wrap-touching",
    ),
    pytest.param(
        (Period(Weekday.FRIDAY, t(20), t(0, 30)), Period(Weekday.SATURDAY, t(0), t(3))),
        ["Friday 8pm to 12:30am overlaps Saturday 12 midnight to 3am"],
        id="overnight-overlaps-next-day",
    ),
    pytest.param(
        (Period(Weekday.FRIDAY, t(20), t(0)), Period(Weekday.SATURDAY, t(0), t(3))),
        [],
        id="until-midnight-then-from-midnight",
    ),
    pytest.param(
        (
            Period(Weekday.MONDAY, t(9), t(9)),
            Period(Weekday.MONDAY, t(8), t(12)),
            Period(Weekday.MONDAY, t(11), t(13)),
        ),
        [
            "Monday 9am to 9am opens and closes at the same time",
            "Monday 8am to 12 midday overlaps Monday 11am to 1pm",
        ],
        id="several-problems-at-once",
    ),
]


@pytest.mark.parametrize(("periods", "expected"), VALIDATION_ROWS)
def test_validate_periods(periods: tuple[Period, ...], expected: list[str]) -> None:
    assert validate_periods(periods) == expected


LINE_VALIDATION_ROWS = [
    pytest.param(office_line(), [], id="seed-office"),
    pytest.param(out_of_hours_line(), [], id="seed-out-of-hours"),
    pytest.param(
        CLOSURE_BEATS_SPECIAL,
        ["Wednesday 14 January has both a closure and special opening hours; the closure wins"],
        id="closure-and-special",
    ),
    pytest.param(
        office_line(
            special_openings=(
                SpecialOpening(dt.date(2026, 12, 24), t(20), t(2)),
                SpecialOpening(dt.date(2026, 12, 25), t(1), t(4)),
            )
        ),
        ["Thursday 24 December 8pm to 2am overlaps Friday 25 December 1am to 4am"],
        id="special-overlap-overnight",
    ),
    pytest.param(
        office_line(special_openings=(SpecialOpening(dt.date(2026, 12, 24), t(9), t(9)),)),
        ["Thursday 24 December 9am to 9am opens and closes at the same time"],
        id="special-zero-length",
    ),
    pytest.param(
        office_line(always_open=True),
        ["Child abuse or neglect is open 24 hours a day, so its opening times are ignored"],
        id="always-open-with-periods",
    ),
    pytest.param(
        out_of_hours_line(special_openings=(SpecialOpening(dt.date(2026, 12, 24), t(9), t(12)),)),
        [
            "Evenings and weekends covers whenever the other lines are closed, so "
            "its special opening hours are ignored; give it weekly hours to use them"
        ],
        id="gap-line-with-specials",
    ),
]


@pytest.mark.parametrize(("line", "expected"), LINE_VALIDATION_ROWS)
def test_validate_line(line: Line, expected: list[str]) -> None:
    assert validate_line(line) == expected


def test_schedule_check_raises_with_every_message(seed: Schedule) -> None:
    seed.check()  # the seed panel is valid
    broken = Schedule(
        lines=(
            office_line(periods=(*SEED_PERIODS, Period(Weekday.FRIDAY, t(16), t(18)))),
            out_of_hours_line(),
            out_of_hours_line(label="Emergency duty team"),
        ),
        bank_holidays=BANK_HOLIDAYS,
    )
    with pytest.raises(ScheduleError) as raised:
        broken.check()
    assert raised.value.messages == [
        "Child abuse or neglect: Friday 8:30am to 4:30pm overlaps Friday 4pm to 6pm",
        "Evenings and weekends, Emergency duty team all cover whenever the other "
        "lines are closed; only Evenings and weekends will be shown",
    ]
    assert isinstance(raised.value, ValueError)


def test_zero_length_period_is_ignored_at_run_time() -> None:
    line = night_line(Period(Weekday.WEDNESDAY, t(9), t(9)))
    schedule = only(line)
    assert not schedule.is_open(line, london(2026, 1, 14, 12))
    assert schedule.next_line_change(line, london(2026, 1, 14, 8)) is None


def test_period_accepts_int_weekday_and_rejects_aware_times() -> None:
    assert Period(4, t(9), t(17)).weekday is Weekday.FRIDAY  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="wall-clock"):
        Period(Weekday.FRIDAY, dt.time(9, tzinfo=UTC), t(17))
    with pytest.raises(ValueError):
        Period(7, t(9), t(17))  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# GOV.UK style descriptions
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(t(0), "12 midnight", id="midnight"),
        pytest.param(t(12), "12 midday", id="midday"),
        pytest.param(t(8, 30), "8:30am", id="0830"),
        pytest.param(t(17), "5pm", id="1700"),
        pytest.param(t(16, 30), "4:30pm", id="1630"),
        pytest.param(t(0, 30), "12:30am", id="0030"),
        pytest.param(t(12, 30), "12:30pm", id="1230"),
        pytest.param(t(9, 5), "9:05am", id="0905"),
        pytest.param(t(23, 59), "11:59pm", id="2359"),
    ],
)
def test_format_time(value: dt.time, expected: str) -> None:
    assert format_time(value) == expected


def test_describe_hours_seed_panel(seed: Schedule) -> None:
    office, out_of_hours = seed.lines
    assert seed.describe_hours(office) == [
        "Monday to Thursday, 8:30am to 5pm",
        "Friday, 8:30am to 4:30pm",
        "Closed on bank holidays",
    ]
    assert seed.describe_hours(out_of_hours) == ["Evenings, weekends and bank holidays"]


@pytest.mark.parametrize(
    ("periods", "expected"),
    [
        pytest.param(
            (Period(Weekday.SATURDAY, t(10), t(16)), Period(Weekday.SUNDAY, t(10), t(16))),
            ["Saturday and Sunday, 10am to 4pm"],
            id="two-days",
        ),
        pytest.param(
            (Period(Weekday.MONDAY, t(9), t(17)), Period(Weekday.WEDNESDAY, t(9), t(17))),
            ["Monday, 9am to 5pm", "Wednesday, 9am to 5pm"],
            id="not-consecutive",
        ),
        pytest.param(
            (Period(Weekday.MONDAY, t(13), t(17)), Period(Weekday.MONDAY, t(9), t(12))),
            ["Monday, 9am to 12 midday and 1pm to 5pm"],
            id="split-day-sorted",
        ),
        pytest.param(
            (Period(Weekday.FRIDAY, t(22), t(2)), Period(Weekday.SATURDAY, t(18), t(0))),
            ["Friday, 10pm to 2am", "Saturday, 6pm to 12 midnight"],
            id="overnight",
        ),
        pytest.param(
            tuple(Period(day, t(9), t(17)) for day in Weekday),
            ["Monday to Sunday, 9am to 5pm"],
            id="every-day",
        ),
        pytest.param((), [], id="no-periods"),
    ],
)
def test_describe_weekly_hours(periods: tuple[Period, ...], expected: list[str]) -> None:
    assert describe_weekly_hours(periods) == expected


def test_describe_always_open() -> None:
    line = night_line(always_open=True, periods=())
    assert only(line).describe_hours(line) == ["24 hours a day, 7 days a week"]


# --------------------------------------------------------------------------
# Status and the sentence shown to the public
# --------------------------------------------------------------------------

CLOSED_CALL = f"Closed now. Call {OUT_OF_HOURS_PHONE} (evenings and weekends)."

CHRISTMAS_2026 = office_line(
    closures=tuple(Closure(dt.date(2026, 12, day), "Christmas closure") for day in (29, 30, 31))
)

SENTENCE_ROWS = [
    pytest.param(
        None,
        london(2026, 1, 16, 16, 45),
        f"{CLOSED_CALL} The office opens again Monday at 8:30am.",
        id="friday-1645",
    ),
    pytest.param(
        None,
        london(2026, 1, 16, 16),
        f"Open now until 4:30pm: call {OFFICE_PHONE}",
        id="friday-1600",
    ),
    pytest.param(
        None,
        london(2026, 1, 12, 9),
        f"Open now until 5pm: call {OFFICE_PHONE}",
        id="monday-0900",
    ),
    pytest.param(
        None,
        london(2026, 12, 26, 10),
        f"{CLOSED_CALL} The office opens again Tuesday at 8:30am.",
        id="boxing-day-2026-sat",
    ),
    pytest.param(
        None,
        london(2025, 12, 26, 10),
        f"{CLOSED_CALL} The office opens again Monday at 8:30am.",
        id="boxing-day-2025-fri",
    ),
    pytest.param(
        None,
        london(2026, 1, 12, 7),
        f"{CLOSED_CALL} The office opens again today at 8:30am.",
        id="monday-early",
    ),
    pytest.param(
        None,
        london(2026, 1, 13, 18),
        f"{CLOSED_CALL} The office opens again tomorrow at 8:30am.",
        id="tuesday-evening",
    ),
    pytest.param(
        CHRISTMAS_2026,
        london(2026, 12, 24, 17, 30),
        f"{CLOSED_CALL} The office opens again Monday 4 January at 8:30am.",
        id="christmas-closure-over-a-week",
    ),
]


@pytest.mark.parametrize(("office", "at", "expected"), SENTENCE_ROWS)
def test_status_sentence(office: Line | None, at: dt.datetime, expected: str) -> None:
    assert status_sentence(seed_schedule(office=office).status(at)) == expected


def test_status_friday_1645(seed: Schedule) -> None:
    office, out_of_hours = seed.lines
    at = london(2026, 1, 16, 16, 45)
    assert seed.status(at) == Status(
        at=at,
        open=False,
        current=out_of_hours,
        current_until=london(2026, 1, 19, 8, 30),
        next_change=london(2026, 1, 19, 8, 30),
        main_line=office,
        next_opening=london(2026, 1, 19, 8, 30),
        closed_reason=None,
    )


def test_status_boxing_day(seed: Schedule) -> None:
    status = seed.status(london(2026, 12, 26, 10))
    assert status.open is False
    assert status.current is seed.lines[1]
    assert status.next_opening == london(2026, 12, 29, 8, 30)
    assert status.next_change == london(2026, 12, 29, 8, 30)
    assert status.closed_reason == "Boxing Day"


def test_status_while_open(seed: Schedule) -> None:
    status = seed.status(london(2026, 1, 16, 16))
    assert status.open is True
    assert status.current is seed.lines[0]
    assert status.current_until == london(2026, 1, 16, 16, 30)
    assert status.next_change == london(2026, 1, 16, 16, 30)
    assert status.next_opening is None


@pytest.mark.parametrize(
    ("line", "at", "expected"),
    [
        pytest.param(
            night_line(),
            london(2026, 1, 18, 23),
            "Open now until tomorrow at 2am: call 0800 000 0000",
            id="overnight",
        ),
        pytest.param(
            night_line(Period(Weekday.MONDAY, t(18), t(0))),
            london(2026, 1, 12, 19),
            "Open now until 12 midnight: call 0800 000 0000",
            id="until-midnight",
        ),
        pytest.param(
            night_line(always_open=True),
            london(2026, 12, 25, 3),
            "Open now: call 0800 000 0000",
            id="always-open",
        ),
        pytest.param(
            night_line(),
            london(2026, 1, 19, 12),
            "Closed now. The office opens again Wednesday at 10pm.",
            id="no-out-of-hours",
        ),
    ],
)
def test_status_sentence_other_lines(line: Line, at: dt.datetime, expected: str) -> None:
    assert status_sentence(only(line).status(at)) == expected


def test_wording_is_replaceable(seed: Schedule) -> None:
    welsh_ish = Wording(
        closed_now="Ar gau.",
        call_instead="Ffoniwch {phone}.",
        reopens="Ar agor {when}.",
        weekday_at="dydd {weekday} am {time}",
        weekdays=("Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"),
    )
    sentence = status_sentence(seed.status(london(2026, 1, 16, 16, 45)), welsh_ish)
    assert sentence == f"Ar gau. Ffoniwch {OUT_OF_HOURS_PHONE}. Ar agor dydd Llun am 8:30am."


# --------------------------------------------------------------------------
# Panel-level behaviour
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        pytest.param(london(2026, 1, 12, 12), london(2026, 1, 12, 17), id="mon-noon"),
        pytest.param(london(2026, 1, 12, 17), london(2026, 1, 13, 8, 30), id="mon-close"),
        pytest.param(london(2026, 1, 16, 16, 45), london(2026, 1, 19, 8, 30), id="fri-1645"),
        pytest.param(london(2026, 12, 24, 12), london(2026, 12, 24, 17), id="christmas-eve"),
        pytest.param(london(2026, 12, 24, 17, 30), london(2026, 12, 29, 8, 30), id="over-christmas"),
    ],
)
def test_panel_next_change(seed: Schedule, at: dt.datetime, expected: dt.datetime) -> None:
    assert seed.next_change(at) == expected


def test_next_change_none_when_nothing_changes() -> None:
    always = night_line(always_open=True)
    never = night_line(periods=(), label="Never open")
    assert only(always).next_change(london(2026, 1, 12)) is None
    assert only(always).next_line_change(always, london(2026, 1, 12)) is None
    assert only(never).next_change(london(2026, 1, 12)) is None
    assert only(never).line_to_call(london(2026, 1, 12)) is None


def test_next_opening_found_after_long_closure() -> None:
    closures = tuple(Closure(dt.date(2026, 1, 1) + dt.timedelta(days=n), "Refurbishment") for n in range(200))
    schedule = seed_schedule(office=office_line(closures=closures))
    status = schedule.status(london(2026, 1, 1, 10))
    assert status.next_opening == london(2026, 7, 20, 8, 30)
    assert status.closed_reason == "Refurbishment"


def test_out_of_hours_line_with_own_hours() -> None:
    weekend_only = out_of_hours_line(
        periods=(
            Period(Weekday.SATURDAY, t(9), t(17)),
            Period(Weekday.SUNDAY, t(9), t(17)),
            Period(Weekday.MONDAY, t(9), t(17)),
        )
    )
    schedule = Schedule(lines=(office_line(), weekend_only), bank_holidays=BANK_HOLIDAYS)
    # Own hours are followed, not "whenever the office is closed".
    assert schedule.line_to_call(london(2026, 1, 17, 10)) is weekend_only
    assert schedule.line_to_call(london(2026, 1, 17, 20)) is None
    # An ordinary line that is open wins even when the out-of-hours one is too.
    assert schedule.line_to_call(london(2026, 1, 12, 10)) is schedule.lines[0]
    assert schedule.describe_hours(weekend_only) == [
        "Monday, 9am to 5pm",
        "Saturday and Sunday, 9am to 5pm",
    ]


def test_out_of_hours_line_closure_leaves_nobody() -> None:
    schedule = Schedule(
        lines=(
            office_line(),
            out_of_hours_line(closures=(Closure(dt.date(2026, 12, 25), "Closed"),)),
        ),
        bank_holidays=BANK_HOLIDAYS,
    )
    assert schedule.line_to_call(london(2026, 12, 25, 10)) is None
    assert schedule.line_to_call(london(2026, 12, 26, 10)) is schedule.lines[1]
    status = schedule.status(london(2026, 12, 25, 10))
    assert status_sentence(status) == "Closed now. The office opens again Tuesday at 8:30am."
    assert status.next_change == london(2026, 12, 26)


def test_panel_order_decides_between_open_lines() -> None:
    late = night_line(
        *(Period(day, t(12), t(20)) for day in Weekday if day <= Weekday.FRIDAY),
        closed_on_bank_holidays=False,
        label="Late line",
    )
    schedule = Schedule(lines=(out_of_hours_line(), office_line(), late), bank_holidays=BANK_HOLIDAYS)
    assert schedule.line_to_call(london(2026, 1, 12, 13)) is schedule.lines[1]
    assert schedule.line_to_call(london(2026, 1, 12, 18)) is late
    assert schedule.line_to_call(london(2026, 1, 12, 21)) is schedule.lines[0]
    assert schedule.line_to_call(london(2026, 12, 28, 13)) is late
    # The change at 17:00 is office -> late line; the one at 20:00 is late -> OOH.
    assert schedule.next_change(london(2026, 1, 12, 13)) == london(2026, 1, 12, 17)
    assert schedule.next_change(london(2026, 1, 12, 17)) == london(2026, 1, 12, 20)
