"""Dates as closed intervals of days, and calendar-exact year arithmetic.

A day is its proleptic Gregorian ordinal (``date.toordinal()``), so intervals compare as plain
integers. ``None`` stands for an unbounded end.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

DATE_HINT = 'write a date like 2009, "June 2018", "June 14, 2011" or 2011-06-14'
MAX_YEARS = 200  # no claim about a human life needs a longer span; it bounds the day tables


class DateError(ValueError):
    """A value that is not a readable date or span of years; the message says why."""


@dataclass(frozen=True, slots=True)
class DayInterval:
    """A closed interval of days; ``None`` is an open end."""

    lo: int | None
    hi: int | None

    def __str__(self) -> str:
        if self.lo is None:
            return "any day" if self.hi is None else f"on or before {day_str(self.hi)}"
        if self.hi is None:
            return f"on or after {day_str(self.lo)}"
        return day_str(self.lo) if self.lo == self.hi else f"{day_str(self.lo)}..{day_str(self.hi)}"

    @property
    def exact(self) -> bool:
        return self.lo is not None and self.lo == self.hi


def day(d: dt.date) -> int:
    return d.toordinal()


def day_str(ordinal: int) -> str:
    """A day as ISO 8601. The calendar factcheck reasons in runs from 0001-01-01 to 9999-12-31;
    arithmetic can reach past either end (a birth in 9999 and an age of 15), and such a day is
    shown as the end it lies beyond."""
    if ordinal < 1:
        return "a day before 0001-01-01"
    if ordinal > _LAST_ORDINAL:
        return "a day after 9999-12-31"
    return dt.date.fromordinal(ordinal).isoformat()


def iso_window(lo: int | None, hi: int | None) -> dict[str, str | None]:
    """A window's ends as ISO dates, None where open, as JSON reports give them. Arithmetic can
    reach past the calendar (a birth in 9990 and an age of 15): an end past it is open, and a
    window wholly past it is the calendar's last (or first) day, open beyond, so that it still
    holds every day it did and is still ISO."""
    if lo is not None and lo > _LAST_ORDINAL:
        return {"earliest": day_str(_LAST_ORDINAL), "latest": None}
    if hi is not None and hi < 1:
        return {"earliest": None, "latest": day_str(1)}
    earliest = None if lo is None or lo < 1 else day_str(lo)
    latest = None if hi is None or hi > _LAST_ORDINAL else day_str(hi)
    return {"earliest": earliest, "latest": latest}


def in_calendar(ordinal: int) -> int:
    """The nearest day of the calendar (to place a day past its ends on a chart)."""
    return min(max(ordinal, 1), _LAST_ORDINAL)


def iso(interval: DayInterval) -> str:
    """An interval as the ISO 8601 date it came from: a day, a month ("2023-08"), a year."""
    assert interval.lo is not None and interval.hi is not None
    if not 1 <= interval.lo <= interval.hi <= _LAST_ORDINAL:
        return f"{day_str(interval.lo)}/{day_str(interval.hi)}"
    lo, hi = dt.date.fromordinal(interval.lo), dt.date.fromordinal(interval.hi)
    if lo == hi:
        return lo.isoformat()
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return f"{lo.year:04d}"
    if lo.day == 1 and _month_interval(lo.year, lo.month) == interval:
        return f"{lo.year:04d}-{lo.month:02d}"
    return f"{lo.isoformat()}/{hi.isoformat()}"


def _month_interval(year: int, month: int) -> DayInterval:
    first = dt.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    return DayInterval(day(first), day(last))


# In English, as dateutil reads them (calendar.month_name follows the locale).
_MONTH_NAMES = "january february march april may june july august september october november"
_MONTHS = {name: n for n, name in enumerate(f"{_MONTH_NAMES} december".split(), start=1)}
# Four-digit years from 1000 only: dateutil reads some years below 100 as this century's.
_MONTH_YEAR = re.compile(rf"^({'|'.join(_MONTHS)})\s+([1-9]\d{{3}})$", re.I)
_MONTH_DAY_YEAR = re.compile(rf"^({'|'.join(_MONTHS)})\s+(\d{{1,2}}),?\s+([1-9]\d{{3}})$", re.I)
_NUMERIC_DAY_MONTH = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*\d{2,4}$")

# Two far-apart defaults reveal which fields a string left out: those come back different. The
# days are over a week apart, so that a weekday ("Monday, June 2018") cannot move both onto the
# same day; the years are leap years, so that "Feb 29" alone is read, and found to have no year.
_DEFAULT_A = dt.datetime(4, 1, 1)
_DEFAULT_B = dt.datetime(8, 2, 16)


def parse_date(value: object) -> DayInterval:
    """Read a claim's date value into the interval of days it allows (see :func:`_parse_date`)."""
    if isinstance(value, dict | list):
        raise DateError(f"expected a date, got {type_name(value)}")
    return _parse_date(value)


@lru_cache(maxsize=1 << 18, typed=True)  # dates recur (120k distinct at 1M claims); read twice
def _parse_date(value: object) -> DayInterval:
    """Read a claim's date value into the interval of days it allows.

    A TOML date is one day; an integer or "2009" is a whole year; "June 2018" or "2018-06" a month.
    """
    if isinstance(value, dt.datetime):
        return DayInterval(day(value.date()), day(value.date()))
    if isinstance(value, dt.date):
        return DayInterval(day(value), day(value))
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= 9999:
            raise DateError(f"year {value} is out of range")
        return DayInterval(day(dt.date(value, 1, 1)), day(dt.date(value, 12, 31)))
    if not isinstance(value, str):
        raise DateError(f"expected a date, got {type_name(value)}")
    text = value.strip()
    if not text:
        raise DateError("the date is empty")
    # "June 2011" and "June 14, 2011", most dates written as text: read as dateutil reads them,
    # at a tenth of the cost (a day that does not exist is left to dateutil, to say so).
    month = _MONTH_YEAR.match(text)
    if month:
        return _month_interval(int(month.group(2)), _MONTHS[month.group(1).lower()])
    one = _MONTH_DAY_YEAR.match(text)
    if one:
        year, number, of = int(one.group(3)), _MONTHS[one.group(1).lower()], int(one.group(2))
        if 1 <= of <= calendar.monthrange(year, number)[1]:
            return DayInterval(day(dt.date(year, number, of)), day(dt.date(year, number, of)))
    return _read_text(text)


def _read_text(text: str) -> DayInterval:
    """A date written as text, read by dateutil."""
    numeric = _NUMERIC_DAY_MONTH.match(text)
    if numeric and numeric.group(1) != numeric.group(2) and max(map(int, numeric.groups())) <= 12:
        raise DateError(f"{text!r} is ambiguous: the day and the month could be either way round")
    from dateutil.parser import ParserError  # only for dates written as text: slow to import
    from dateutil.parser import parse as _dateutil_parse

    try:
        a = _dateutil_parse(text, default=_DEFAULT_A)
        b = _dateutil_parse(text, default=_DEFAULT_B)
    except (ParserError, ValueError, OverflowError) as exc:
        raise DateError(f"cannot read {text!r} as a date ({_reason(exc)})") from None
    if a.year != b.year:
        raise DateError(f"{text!r} has no year")
    if a.year not in {int(digits) for digits in re.findall(r"\d{3,}", text)}:
        # dateutil guesses a century for "June 99", and reads "0099" as 1999 too
        raise DateError(
            f'{text!r}: write the year in full, like "June 1999" (a year before 100 as a '
            "TOML date, 0099-06-01)"
        )
    if a.month != b.month:
        if a.day != b.day:
            return DayInterval(day(dt.date(a.year, 1, 1)), day(dt.date(a.year, 12, 31)))
        raise DateError(f"{text!r} gives a day but no month")
    if a.day != b.day:
        return _month_interval(a.year, a.month)
    return DayInterval(day(a.date()), day(a.date()))


def _reason(exc: Exception) -> str:
    text = str(exc.args[0]) if exc.args else str(exc)
    return text.split(":")[0].strip() or type(exc).__name__


def type_name(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text"}
    names.update({list: "a list", dict: "a table"})
    return names.get(type(value), type(value).__name__)


@dataclass(frozen=True, slots=True)
class Span:
    """A span of time in whole months: at least ``lo``, and below (or up to) ``hi``."""

    lo: int
    hi: int | None
    hi_inclusive: bool = False

    def describe(self) -> str:
        lo = _months_str(self.lo)
        if self.hi is None:
            return f"at least {lo}"
        hi = _months_str(self.hi)
        if self.hi_inclusive:
            return lo if self.lo == self.hi else f"{lo} to {hi}"
        return f"{lo} (less than {hi})"


def _months_str(months: int) -> str:
    years, rest = divmod(months, 12)
    parts = [f"{years} year{'s' * (years != 1)}"] if years or not rest else []
    if rest:
        parts.append(f"{rest} month{'s' * (rest != 1)}")
    return " ".join(parts)


def years_number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DateError(f"{what} must be a number of years, got {type_name(value)}")
    if not math.isfinite(value):
        raise DateError(f"{what} must be a finite number")
    if value < 0:
        raise DateError(f"{what} must not be negative")
    if value > MAX_YEARS:
        raise DateError(f"{what} of {value} years is beyond {MAX_YEARS} years")
    if isinstance(value, float) and round(value, 2) != value:
        # Spans are counted in months: more decimals than hundredths claim a precision that no
        # article gives, and would be printed back as written.
        raise DateError(f"{what} of {value} years has more than two decimals (write 1.5 or 0.25)")
    return float(value)


def parse_years(value: object) -> Span:
    """Read a years value: N is N <= span < N+1, 1.5 is 1.5 <= span < 2; a table is explicit."""
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"min", "max"})
        if unknown:
            raise DateError(f"unknown key {unknown[0]!r} in a years table (use min and max)")
        if not value:
            raise DateError("a years table needs min, max or both")
        lo = years_number(value.get("min", 0), "min")
        hi = years_number(value["max"], "max") if "max" in value else None
        if hi is not None and hi < lo:
            raise DateError(f"min {value['min']} is above max {value['max']}")
        # Rounding outwards keeps the span at least as wide as written.
        return Span(math.floor(lo * 12), None if hi is None else math.ceil(hi * 12), True)
    years = years_number(value, "a span of years")
    return Span(math.floor(years * 12), (math.floor(years) + 1) * 12)


_LAST_ORDINAL = dt.date.max.toordinal()
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # calendar.monthrange is slower


@lru_cache(maxsize=1 << 16)  # the same few birthdays and publication days recur across claims
def add_months(ordinal: int, months: int) -> int | None:
    """The date ``months`` later (Feb 29 plus a year is Feb 28); None past the calendar's end.

    dateutil's ``relativedelta`` gives the same answer (the tests hold it as the oracle) at
    about ten times the cost, and this runs for every span of every claim.
    """
    if not 1 <= ordinal <= _LAST_ORDINAL:
        return None
    date = dt.date.fromordinal(ordinal)
    year, month = divmod(date.year * 12 + date.month - 1 + months, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    return dt.date(year, month + 1, min(date.day, _month_length(year, month))).toordinal()


def _last_start(end: int, months: int) -> int | None:
    """The latest day ``b`` with ``b + months <= end`` (``months >= 0``).

    ``b`` lies in the month ``months`` before ``end``'s, and ``b + months`` keeps ``b``'s day,
    clamped to the length of ``end``'s month. So if ``end`` is the last day of its month, every
    day of ``b``'s month fits and ``b`` is its last; otherwise ``b`` has ``end``'s day (clamped
    to the length of ``b``'s month).
    """
    if not 1 <= end <= _LAST_ORDINAL:
        return None
    date = dt.date.fromordinal(end)
    year, month = divmod(date.year * 12 + date.month - 1 - months, 12)
    if year < dt.MINYEAR:
        return None
    length = _month_length(year, month)
    if date.day == _month_length(date.year, date.month - 1):
        return dt.date(year, month + 1, length).toordinal()
    return dt.date(year, month + 1, min(date.day, length)).toordinal()


def _month_length(year: int, month: int) -> int:
    """Days in a month (``month`` from 0)."""
    if month == 1 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month]


def starts_within(as_of: DayInterval, span: Span) -> DayInterval:
    """The days an event may have happened on if ``span`` had passed since it by ``as_of``.

    Calendar-exact: someone born 2011-06-14 is 11 on 2023-06-07 and 12 on 2023-06-14.
    """
    hi = None if as_of.hi is None else _last_start(as_of.hi, span.lo)
    if span.hi is None or as_of.lo is None:
        return DayInterval(None, hi)
    if span.hi_inclusive:  # b + hi >= as_of.lo
        last_too_early = _last_start(as_of.lo - 1, span.hi)
    else:  # b + hi > as_of.lo
        last_too_early = _last_start(as_of.lo, span.hi)
    return DayInterval(None if last_too_early is None else last_too_early + 1, hi)


def ends_within(start: DayInterval, span: Span) -> DayInterval:
    """The days by which ``span`` can have passed since an event in ``start``: the inverse of
    :func:`starts_within`."""
    lo = None if start.lo is None else add_months(start.lo, span.lo)
    if span.hi is None or start.hi is None:
        return DayInterval(lo, None)
    end = add_months(start.hi, span.hi)
    if end is None:
        return DayInterval(lo, None)
    return DayInterval(lo, end if span.hi_inclusive else end - 1)


# Day counts of a span of months, over every start day of a whole 400-year Gregorian cycle: the
# sound (never too tight) bounds for spans between two time points that are not fixed dates.
_CYCLE_MONTHS = 4800


@cache
def _month_prefix() -> tuple[tuple[int, ...], tuple[int, ...]]:
    lengths = []
    for index in range(_CYCLE_MONTHS + MAX_YEARS * 12 + 12):
        lengths.append(calendar.monthrange(2000 + index // 12, index % 12 + 1)[1])
    prefix = [0]
    for length in lengths:
        prefix.append(prefix[-1] + length)
    return tuple(lengths), tuple(prefix)


@cache
def span_days(months: int) -> tuple[int, int]:
    """The fewest and most days that ``months`` calendar months can take, from any start day."""
    lengths, prefix = _month_prefix()
    n = _CYCLE_MONTHS
    totals = list(map(operator.sub, prefix[months : months + n], prefix[:n]))
    # Starting on the last day of a longer month, the end clamps back by the difference.
    clamps = map(operator.sub, lengths[:n], lengths[months : months + n])
    shortest = min(t - c if c > 0 else t for t, c in zip(totals, clamps, strict=True))
    return shortest, max(totals)


def span_day_bounds(span: Span) -> tuple[int, int | None]:
    """Bounds in days on ``later - earlier`` when ``span`` separates two events."""
    lo = span_days(span.lo)[0]
    if span.hi is None:
        return lo, None
    most = span_days(span.hi)[1]
    return lo, most if span.hi_inclusive else most - 1


def densest_day(windows: Iterable[tuple[int | None, int | None, float]]) -> int | None:
    """The earliest day inside the most weight of windows (each ``lo..hi`` inclusive, None
    unbounded, with its weight); None when there is none. One sweep over the windows' ends: no
    two windows are compared."""
    events = []
    for lo, hi, weight in windows:
        if lo is not None and hi is not None and lo > hi:
            continue  # no day at all
        events.append((-(1 << 62) if lo is None else lo, 0, weight))
        events.append(((1 << 62) if hi is None else hi, 1, -weight))
    events.sort(key=lambda e: (e[0], e[1]))  # on one day, windows start before others end
    inside = best = 0.0
    day = None
    for at, _, weight in events:
        inside += weight
        if inside > best:
            best, day = inside, at
    return day
