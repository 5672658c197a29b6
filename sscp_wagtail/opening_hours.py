"""Opening hours for the contact panel's phone lines.

A worried parent must be shown the one number that will be answered at the
moment they look, so this module answers "which line, right now?" and "until
when?" from plain data. It is pure and standard-library only so it can be
tested exhaustively without Django, and it never reads the clock: every query
takes the moment as an argument, which keeps results reproducible and lets a
page render a status for any instant.

Design decisions, stated once:

* Periods are local wall-clock times in the schedule's zone (Europe/London).
  A period whose closing time is at or before its opening time runs past
  midnight into the next day. A period that opens and closes at the same time
  is rejected by validation and ignored at run time; "24 hours" is written as
  ``always_open`` or as two periods that meet (adjacent periods merge).
* An overnight period belongs to the day it starts on.
* A date exception (a closure, a bank holiday for a line that closes on bank
  holidays, or a special opening) governs the whole local date: the previous
  night's overnight period stops at midnight. Every mistake in that rule errs
  towards showing the out-of-hours number, which is always answered, rather
  than a number that might ring out.
* A closure beats a special opening on the same date (validation flags the
  contradiction); a special opening beats a bank holiday.
* Clock changes: a wall-clock boundary takes effect at the first instant the
  local clock reads that time or later. In the spring gap that is the end of
  the gap (a 1:30am boundary on the last Sunday in March happens at 2am BST);
  in the autumn repeated hour it is the first occurrence (``fold=0``). Times
  are compared as instants, so a UTC input gives the same answer as a London
  one for the same moment.
* An ``out_of_hours`` line with no periods of its own is open exactly when no
  ordinary line is open (minus its own closures). One with periods follows
  them like any other line but is only offered when no ordinary line is open.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

__all__ = [
    "ENGLISH",
    "LONDON",
    "SEARCH_HORIZON",
    "Closure",
    "Line",
    "NaiveDatetimeError",
    "Period",
    "Schedule",
    "ScheduleError",
    "SpecialOpening",
    "Status",
    "Weekday",
    "Wording",
    "describe_weekly_hours",
    "format_time",
    "status_sentence",
    "validate_line",
    "validate_periods",
    "validate_schedule",
]

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC

# Long enough to find the next opening across any realistic run of closures
# (Christmas, a long refurbishment) while keeping the search bounded.
SEARCH_HORIZON = dt.timedelta(days=366)

# Spans are generated a week at a time so that a status query touches only a
# few days, yet a long closure is still crossed quickly.
_CHUNK_DAYS = 7
_WEEK = dt.timedelta(days=7)
_DAY = dt.timedelta(days=1)

Span = tuple[dt.datetime, dt.datetime]
"""A half-open interval [start, end) of UTC instants."""


class Weekday(enum.IntEnum):
    """Numbered like ``date.weekday()`` so the two can be compared directly."""

    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6


class ScheduleError(ValueError):
    """Carries every problem at once so an editor can fix them in one pass."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages: list[str] = list(messages)
        super().__init__("; ".join(self.messages))


class NaiveDatetimeError(ValueError):
    """A naive datetime is refused rather than guessed at: guessing UTC on a
    server and London on a laptop would silently give different answers."""


def _require_wall_time(value: dt.time, what: str) -> None:
    # An aware time cannot follow the clock changes, which is the whole point
    # of storing wall-clock hours.
    if value.tzinfo is not None:
        raise ValueError(f"{what} must be a local wall-clock time without a time zone")


@dataclass(frozen=True)
class Period:
    """A weekly opening, in local wall-clock time."""

    weekday: Weekday
    opens: dt.time
    closes: dt.time

    def __post_init__(self) -> None:
        # Accept a plain int (e.g. from a form) but keep the readable enum.
        object.__setattr__(self, "weekday", Weekday(self.weekday))
        _require_wall_time(self.opens, "opens")
        _require_wall_time(self.closes, "closes")

    @property
    def overnight(self) -> bool:
        return self.closes < self.opens

    @property
    def zero_length(self) -> bool:
        return self.closes == self.opens


@dataclass(frozen=True)
class Closure:
    """A whole local date, because a partial-day change is better expressed
    as a special opening with the hours that remain."""

    date: dt.date
    reason: str = ""


@dataclass(frozen=True)
class SpecialOpening:
    """Replaces (rather than adds to) the weekly periods on one date, so the
    day's hours are stated in one place; may run past midnight."""

    date: dt.date
    opens: dt.time
    closes: dt.time

    def __post_init__(self) -> None:
        _require_wall_time(self.opens, "opens")
        _require_wall_time(self.closes, "closes")

    @property
    def zero_length(self) -> bool:
        return self.closes == self.opens


@dataclass(frozen=True)
class Line:
    """One phone number on the panel; order in the schedule is panel order."""

    label: str
    phone: str
    periods: tuple[Period, ...]
    closed_on_bank_holidays: bool
    always_open: bool = False
    out_of_hours: bool = False
    closures: tuple[Closure, ...] = ()
    special_openings: tuple[SpecialOpening, ...] = ()

    def __post_init__(self) -> None:
        # Lists from callers would make the frozen line unhashable.
        object.__setattr__(self, "periods", tuple(self.periods))
        object.__setattr__(self, "closures", tuple(self.closures))
        object.__setattr__(self, "special_openings", tuple(self.special_openings))

    @property
    def covers_gaps(self) -> bool:
        """True for the out-of-hours line whose hours are "whenever the
        others are closed" rather than its own periods."""
        return self.out_of_hours and not self.always_open and not self.periods


@dataclass(frozen=True)
class Status:
    """Everything a template needs to say what to do right now."""

    at: dt.datetime
    """The moment asked about, in the schedule's zone."""
    open: bool
    """Whether any ordinary (not out-of-hours) line is open."""
    current: Line | None
    """The line to call now, or None if nothing is answered."""
    current_until: dt.datetime | None
    """When ``current`` itself next closes (None if not within the horizon)."""
    next_change: dt.datetime | None
    """When the line to call next changes."""
    main_line: Line | None
    """The first ordinary line: the one people think of as "the office"."""
    next_opening: dt.datetime | None
    """When the main line next opens, if it is closed now."""
    closed_reason: str | None
    """Why the main line is closed today (closure reason or bank holiday)."""


@dataclass(frozen=True)
class Wording:
    """All user-facing English in one place, so it can be translated by
    passing a different instance (or one built from gettext) without
    touching the logic."""

    weekdays: tuple[str, ...] = (
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    )
    months: tuple[str, ...] = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    am: str = "am"
    pm: str = "pm"
    # Languages that read times on the 24-hour clock ("17:30") set this; then
    # am, pm, midday and midnight are not used.
    twenty_four_hour: bool = False
    midday: str = "12 midday"
    midnight: str = "12 midnight"
    time_range: str = "{opens} to {closes}"
    ranges_joiner: str = " and "
    day_range: str = "{first} to {last}"
    day_pair: str = "{first} and {second}"
    hours_line: str = "{days}, {ranges}"
    always_open: str = "24 hours a day, 7 days a week"
    covers_gaps: str = "Evenings, weekends and bank holidays"
    covers_gaps_no_bank_holidays: str = "Evenings and weekends"
    closed_on_bank_holidays: str = "Closed on bank holidays"
    open_until: str = "Open now until {until}: call {phone}"
    open_now: str = "Open now: call {phone}"
    closed_now: str = "Closed now."
    call_instead: str = "Call {phone} ({label})."
    reopens: str = "The office opens again {when}."
    today_at: str = "today at {time}"
    tomorrow_at: str = "tomorrow at {time}"
    weekday_at: str = "{weekday} at {time}"
    date_at: str = "{weekday} {day} {month} at {time}"
    period: str = "{weekday} {opens} to {closes}"
    special: str = "{weekday} {day} {month} {opens} to {closes}"
    overlap: str = "{first} overlaps {second}"
    zero_length: str = "{period} opens and closes at the same time"
    closed_and_special: str = "{weekday} {day} {month} has both a closure and special opening hours; the closure wins"
    always_open_has_periods: str = "{label} is open 24 hours a day, so its opening times are ignored"
    gaps_line_has_specials: str = (
        "{label} covers whenever the other lines are closed, so its special "
        "opening hours are ignored; give it weekly hours to use them"
    )
    several_gap_lines: str = "{labels} all cover whenever the other lines are closed; only {first} will be shown"
    labelled: str = "{label}: {message}"


ENGLISH = Wording()


# --------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------


def format_time(value: dt.time, wording: Wording = ENGLISH) -> str:
    """GOV.UK style, because that is what the public site follows."""
    if wording.twenty_four_hour:
        return f"{value.hour:02d}:{value.minute:02d}"
    if value.hour == 0 and value.minute == 0:
        return wording.midnight
    if value.hour == 12 and value.minute == 0:
        return wording.midday
    hour = value.hour % 12 or 12
    suffix = wording.am if value.hour < 12 else wording.pm
    if value.minute == 0:
        return f"{hour}{suffix}"
    return f"{hour}:{value.minute:02d}{suffix}"


def _format_range(opens: dt.time, closes: dt.time, wording: Wording) -> str:
    return wording.time_range.format(opens=format_time(opens, wording), closes=format_time(closes, wording))


def _format_period(period: Period, wording: Wording) -> str:
    return wording.period.format(
        weekday=wording.weekdays[period.weekday],
        opens=format_time(period.opens, wording),
        closes=format_time(period.closes, wording),
    )


def _format_special(special: SpecialOpening, wording: Wording) -> str:
    return wording.special.format(
        weekday=wording.weekdays[special.date.weekday()],
        day=special.date.day,
        month=wording.months[special.date.month - 1],
        opens=format_time(special.opens, wording),
        closes=format_time(special.closes, wording),
    )


def _format_days(first: Weekday, last: Weekday, wording: Wording) -> str:
    if first == last:
        return wording.weekdays[first]
    if last == first + 1:
        return wording.day_pair.format(first=wording.weekdays[first], second=wording.weekdays[last])
    return wording.day_range.format(first=wording.weekdays[first], last=wording.weekdays[last])


def describe_weekly_hours(periods: Iterable[Period], wording: Wording = ENGLISH) -> list[str]:
    """Groups consecutive days with identical hours, as GOV.UK contact pages
    do, so the panel reads "Monday to Thursday" rather than four rows."""
    by_day: dict[Weekday, list[tuple[dt.time, dt.time]]] = {day: [] for day in Weekday}
    for period in periods:
        if not period.zero_length:
            by_day[period.weekday].append((period.opens, period.closes))
    groups: list[tuple[Weekday, Weekday, tuple[tuple[dt.time, dt.time], ...]]] = []
    for day in Weekday:
        hours = tuple(sorted(by_day[day]))
        if not hours:
            continue
        if groups and groups[-1][2] == hours and groups[-1][1] == day - 1:
            groups[-1] = (groups[-1][0], day, hours)
        else:
            groups.append((day, day, hours))
    return [
        wording.hours_line.format(
            days=_format_days(first, last, wording),
            ranges=wording.ranges_joiner.join(_format_range(opens, closes, wording) for opens, closes in hours),
        )
        for first, last, hours in groups
    ]


def _lower_first(label: str) -> str:
    # "Evenings and weekends" reads as "(evenings and weekends)" mid-sentence,
    # but an acronym such as "NSPCC helpline" must keep its capitals.
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _format_when(moment: dt.datetime, reference: dt.datetime, wording: Wording) -> str:
    days_ahead = (moment.date() - reference.date()).days
    time_text = format_time(moment.time(), wording)
    if days_ahead == 0:
        return wording.today_at.format(time=time_text)
    if days_ahead == 1:
        return wording.tomorrow_at.format(time=time_text)
    weekday = wording.weekdays[moment.weekday()]
    if days_ahead < 7:
        return wording.weekday_at.format(weekday=weekday, time=time_text)
    return wording.date_at.format(
        weekday=weekday,
        day=moment.day,
        month=wording.months[moment.month - 1],
        time=time_text,
    )


def status_sentence(status: Status, wording: Wording = ENGLISH) -> str:
    """One sentence for the top of the panel, built only from ``status`` so
    that it can be rendered (and cached) without touching the schedule."""
    if status.open and status.current is not None:
        if status.current_until is None:
            return wording.open_now.format(phone=status.current.phone)
        until = status.current_until.astimezone(status.at.tzinfo)
        ends_tonight = until.time() == dt.time(0) and (until.date() - status.at.date()) == _DAY
        if until.date() == status.at.date() or ends_tonight:
            until_text = format_time(until.time(), wording)
        else:
            until_text = _format_when(until, status.at, wording)
        return wording.open_until.format(until=until_text, phone=status.current.phone)
    parts = [wording.closed_now]
    if status.current is not None:
        parts.append(wording.call_instead.format(phone=status.current.phone, label=_lower_first(status.current.label)))
    if status.next_opening is not None:
        reopening = status.next_opening.astimezone(status.at.tzinfo)
        parts.append(wording.reopens.format(when=_format_when(reopening, status.at, wording)))
    return " ".join(parts)


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------


def _week_offset(weekday: int, value: dt.time) -> dt.timedelta:
    return dt.timedelta(
        days=weekday,
        hours=value.hour,
        minutes=value.minute,
        seconds=value.second,
        microseconds=value.microsecond,
    )


def _length(opens: dt.time, closes: dt.time) -> dt.timedelta:
    length = _week_offset(0, closes) - _week_offset(0, opens)
    return length if length > dt.timedelta(0) else length + _DAY


def _overlaps_in_week(first: Period, second: Period) -> bool:
    # On the weekly circle, so Sunday night running into Monday morning is
    # compared against Monday's periods too.
    start_a = _week_offset(first.weekday, first.opens)
    end_a = start_a + _length(first.opens, first.closes)
    start_b = _week_offset(second.weekday, second.opens)
    end_b = start_b + _length(second.opens, second.closes)
    return any(start_a < end_b + shift and start_b + shift < end_a for shift in (-_WEEK, dt.timedelta(0), _WEEK))


def validate_periods(periods: Iterable[Period], wording: Wording = ENGLISH) -> list[str]:
    """Returns messages for editors rather than raising, so a form can show
    them all next to the field."""
    ordered = sorted(periods, key=lambda p: (p.weekday, p.opens, p.closes))
    messages = [wording.zero_length.format(period=_format_period(p, wording)) for p in ordered if p.zero_length]
    valid = [p for p in ordered if not p.zero_length]
    for index, first in enumerate(valid):
        for second in valid[index + 1 :]:
            if _overlaps_in_week(first, second):
                messages.append(
                    wording.overlap.format(
                        first=_format_period(first, wording),
                        second=_format_period(second, wording),
                    )
                )
    return messages


def _special_span(special: SpecialOpening) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(special.date, special.opens)
    return start, start + _length(special.opens, special.closes)


def validate_line(line: Line, wording: Wording = ENGLISH) -> list[str]:
    messages = validate_periods(line.periods, wording)
    if line.always_open and line.periods:
        messages.append(wording.always_open_has_periods.format(label=line.label))
    if line.covers_gaps and line.special_openings:
        messages.append(wording.gaps_line_has_specials.format(label=line.label))
    specials = sorted(line.special_openings, key=lambda s: (s.date, s.opens, s.closes))
    messages.extend(wording.zero_length.format(period=_format_special(s, wording)) for s in specials if s.zero_length)
    valid = [s for s in specials if not s.zero_length]
    for index, first in enumerate(valid):
        first_start, first_end = _special_span(first)
        for second in valid[index + 1 :]:
            second_start, second_end = _special_span(second)
            if first_start < second_end and second_start < first_end:
                messages.append(
                    wording.overlap.format(
                        first=_format_special(first, wording),
                        second=_format_special(second, wording),
                    )
                )
    closed_dates = {closure.date for closure in line.closures}
    for day in sorted({s.date for s in specials} & closed_dates):
        messages.append(
            wording.closed_and_special.format(
                weekday=wording.weekdays[day.weekday()],
                day=day.day,
                month=wording.months[day.month - 1],
            )
        )
    return messages


def validate_schedule(schedule: Schedule, wording: Wording = ENGLISH) -> list[str]:
    messages = [
        wording.labelled.format(label=line.label, message=message)
        for line in schedule.lines
        for message in validate_line(line, wording)
    ]
    gap_lines = [line.label for line in schedule.lines if line.covers_gaps]
    if len(gap_lines) > 1:
        messages.append(wording.several_gap_lines.format(labels=", ".join(gap_lines), first=gap_lines[0]))
    return messages


# --------------------------------------------------------------------------
# Time arithmetic
# --------------------------------------------------------------------------


def _wall_clock_to_utc(wall: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """The first instant at which the local clock reads ``wall`` or later.

    That is ``fold=0`` for a repeated time, and the end of the gap for a time
    skipped by the spring change (where Python's own ``fold=0`` would instead
    shift the time forward by the size of the gap).
    """
    candidate = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if candidate.astimezone(tz).replace(tzinfo=None) == wall:
        return candidate
    # In a gap: reading ``wall`` with the offset from after the change gives
    # an instant before the transition, ``candidate`` one after it. Bisect on
    # whole seconds (tz transitions are on whole seconds); this only runs when
    # a boundary falls inside a gap, so its cost is irrelevant.
    before = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    low = math.floor(before.timestamp())
    high = math.ceil(candidate.timestamp())
    after_offset = candidate.astimezone(tz).utcoffset()
    while high - low > 1:
        middle = (low + high) // 2
        if dt.datetime.fromtimestamp(middle, UTC).astimezone(tz).utcoffset() == after_offset:
            high = middle
        else:
            low = middle
    return dt.datetime.fromtimestamp(high, UTC)


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if start >= end:
            continue  # wholly inside a spring gap, or clipped away
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _subtract(spans: Sequence[Span], holes: Sequence[Span]) -> list[Span]:
    result: list[Span] = []
    for start, end in spans:
        pieces = [(start, end)]
        for hole_start, hole_end in holes:
            next_pieces: list[Span] = []
            for piece_start, piece_end in pieces:
                if hole_end <= piece_start or piece_end <= hole_start:
                    next_pieces.append((piece_start, piece_end))
                    continue
                if piece_start < hole_start:
                    next_pieces.append((piece_start, hole_start))
                if hole_end < piece_end:
                    next_pieces.append((hole_end, piece_end))
            pieces = next_pieces
        result.extend(pieces)
    return _merge(result)


# --------------------------------------------------------------------------
# Schedule
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    """The panel's lines plus the bank holidays they observe.

    ``bank_holidays`` must cover every year a query (and its one-year search
    horizon) can reach; the engine cannot tell a missing year from a year
    without holidays.
    """

    lines: tuple[Line, ...]
    bank_holidays: Mapping[dt.date, str] = field(hash=False)
    tz: ZoneInfo = LONDON

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))

    # -- public queries ----------------------------------------------------

    def local(self, at: dt.datetime) -> dt.datetime:
        """``at`` in the schedule's zone; refuses naive datetimes."""
        if at.tzinfo is None or at.tzinfo.utcoffset(at) is None:
            raise NaiveDatetimeError(
                "Opening hours need a time-zone-aware datetime, got naive "
                f"{at.isoformat()}; attach a zone such as "
                "ZoneInfo('Europe/London') or datetime.UTC"
            )
        return at.astimezone(self.tz)

    def is_open(self, line: Line, at: dt.datetime) -> bool:
        local = self.local(at)
        moment = local.astimezone(UTC)
        day = local.date()
        return any(start <= moment < end for start, end in self._spans(line, day, day))

    def line_to_call(self, at: dt.datetime) -> Line | None:
        """First open ordinary line in panel order, else the first open
        out-of-hours line, else None."""
        self.local(at)
        ordinary = [line for line in self.lines if not line.out_of_hours]
        for line in ordinary:
            if self.is_open(line, at):
                return line
        for line in self.lines:
            if line.out_of_hours and self.is_open(line, at):
                return line
        return None

    def next_line_change(self, line: Line, at: dt.datetime) -> dt.datetime | None:
        """The next instant after ``at`` at which ``line`` opens or closes,
        in the schedule's zone; None if it never changes within the horizon."""
        local = self.local(at)
        if line.always_open:
            return None
        moment = local.astimezone(UTC)
        horizon_end = moment + SEARCH_HORIZON
        for start, end in self._iter_spans(line, local.date(), horizon_end):
            if end <= moment:
                continue
            if start > moment:
                return start.astimezone(self.tz) if start <= horizon_end else None
            # Open now: it changes when this (merged) span ends, unless the
            # span only ends because the search stopped.
            return end.astimezone(self.tz) if end < horizon_end else None
        return None

    def next_change(self, at: dt.datetime) -> dt.datetime | None:
        """When ``line_to_call`` next returns a different line (or None)."""
        current = self.line_to_call(at)
        # Search in UTC: aware datetimes sharing a tzinfo compare by wall
        # clock and ignore ``fold``, so London times could misorder within
        # the repeated autumn hour.
        moment = self.local(at).astimezone(UTC)
        horizon_end = moment + SEARCH_HORIZON
        while True:
            changes = (self.next_line_change(line, moment) for line in self.lines)
            candidates = [change.astimezone(UTC) for change in changes if change is not None]
            if not candidates:
                return None
            moment = min(candidates)
            if moment > horizon_end:
                return None
            if self.line_to_call(moment) is not current:
                return moment.astimezone(self.tz)

    def status(self, at: dt.datetime) -> Status:
        local = self.local(at)
        current = self.line_to_call(local)
        ordinary = [line for line in self.lines if not line.out_of_hours]
        main_line = ordinary[0] if ordinary else None
        open_now = any(self.is_open(line, local) for line in ordinary)
        main_open = main_line is not None and self.is_open(main_line, local)
        return Status(
            at=local,
            open=open_now,
            current=current,
            current_until=(self.next_line_change(current, local) if current is not None else None),
            next_change=self.next_change(local),
            main_line=main_line,
            next_opening=(self.next_line_change(main_line, local) if main_line is not None and not main_open else None),
            closed_reason=(
                self._closed_reason(main_line, local.date()) if main_line is not None and not main_open else None
            ),
        )

    def describe_hours(self, line: Line, wording: Wording = ENGLISH) -> list[str]:
        """Lives on the schedule because the out-of-hours line's wording
        depends on whether the other lines close on bank holidays."""
        if line.always_open:
            return [wording.always_open]
        if line.covers_gaps:
            closes_on_holidays = any(other.closed_on_bank_holidays for other in self.lines if not other.out_of_hours)
            return [wording.covers_gaps if closes_on_holidays else wording.covers_gaps_no_bank_holidays]
        described = describe_weekly_hours(line.periods, wording)
        if line.closed_on_bank_holidays:
            described.append(wording.closed_on_bank_holidays)
        return described

    def validate(self, wording: Wording = ENGLISH) -> list[str]:
        return validate_schedule(self, wording)

    def check(self, wording: Wording = ENGLISH) -> None:
        """Raises ScheduleError with every message, for code paths (fixtures,
        demo content) that should refuse a broken schedule outright."""
        messages = self.validate(wording)
        if messages:
            raise ScheduleError(messages)

    # -- internals ---------------------------------------------------------

    def _closed_reason(self, line: Line, day: dt.date) -> str | None:
        for closure in line.closures:
            if closure.date == day:
                return closure.reason
        if self._is_closed_all_day(line, day):
            return self.bank_holidays[day]
        return None

    def _is_closed_all_day(self, line: Line, day: dt.date) -> bool:
        if any(closure.date == day for closure in line.closures):
            return True
        return (
            line.closed_on_bank_holidays
            and day in self.bank_holidays
            and not any(s.date == day for s in line.special_openings)
        )

    def _has_exception(self, line: Line, day: dt.date) -> bool:
        return self._is_closed_all_day(line, day) or any(s.date == day for s in line.special_openings)

    def _hours_starting_on(self, line: Line, day: dt.date) -> list[tuple[dt.time, dt.time]]:
        if self._is_closed_all_day(line, day):
            return []
        specials = [(s.opens, s.closes) for s in line.special_openings if s.date == day]
        if specials:
            return [(opens, closes) for opens, closes in specials if opens != closes]
        return [(p.opens, p.closes) for p in line.periods if p.weekday == day.weekday() and not p.zero_length]

    def _midnight(self, day: dt.date) -> dt.datetime:
        return _wall_clock_to_utc(dt.datetime.combine(day, dt.time(0)), self.tz)

    def _spans(self, line: Line, first: dt.date, last: dt.date) -> list[Span]:
        """Merged open spans within local dates ``first``..``last``.

        Only the day before ``first`` can reach into the window, because no
        period lasts 24 hours or more; that is what keeps a status query to a
        couple of days' work.
        """
        window = (self._midnight(first), self._midnight(last + _DAY))
        if line.always_open:
            return [window]
        if line.covers_gaps:
            return self._gap_spans(line, first, last, window)
        wall_spans: list[tuple[dt.datetime, dt.datetime]] = []
        day = first - _DAY
        while day <= last:
            next_midnight = dt.datetime.combine(day + _DAY, dt.time(0))
            clip_at_midnight = self._has_exception(line, day + _DAY)
            for opens, closes in self._hours_starting_on(line, day):
                start = dt.datetime.combine(day, opens)
                end = start + _length(opens, closes)
                if clip_at_midnight:
                    end = min(end, next_midnight)
                wall_spans.append((start, end))
            day += _DAY
        spans = (
            (
                max(_wall_clock_to_utc(start, self.tz), window[0]),
                min(_wall_clock_to_utc(end, self.tz), window[1]),
            )
            for start, end in wall_spans
        )
        return _merge(spans)

    def _gap_spans(self, line: Line, first: dt.date, last: dt.date, window: Span) -> list[Span]:
        covered = _merge(
            span for other in self.lines if not other.out_of_hours for span in self._spans(other, first, last)
        )
        holes = list(covered)
        day = first
        while day <= last:
            if self._is_closed_all_day(line, day):
                holes.append((self._midnight(day), self._midnight(day + _DAY)))
            day += _DAY
        return _subtract([window], _merge(holes))

    def _iter_spans(self, line: Line, first: dt.date, until: dt.datetime) -> Iterator[Span]:
        """Merged spans from local date ``first`` onwards, generated a chunk
        at a time and joined across chunk edges, stopping at ``until``."""
        pending: Span | None = None
        chunk_start = first
        while self._midnight(chunk_start) <= until:
            chunk_end = chunk_start + dt.timedelta(days=_CHUNK_DAYS - 1)
            for start, end in self._spans(line, chunk_start, chunk_end):
                if pending is not None and start <= pending[1]:
                    pending = (pending[0], max(pending[1], end))
                    continue
                if pending is not None:
                    yield pending
                pending = (start, end)
            chunk_start = chunk_end + _DAY
        if pending is not None:
            yield pending
