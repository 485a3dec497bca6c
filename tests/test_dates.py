"""Dates as intervals of days, spans of years, and calendar-exact age arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck import dates
from factcheck.dates import (
    DateError,
    DayInterval,
    Span,
    _last_start,
    add_months,
    day,
    ends_within,
    parse_date,
    parse_years,
    span_day_bounds,
    span_days,
    starts_within,
)

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def d(iso: str) -> int:
    """The day ordinal of an ISO date."""
    return day(dt.date.fromisoformat(iso))


def iv(lo: str | None, hi: str | None) -> DayInterval:
    return DayInterval(None if lo is None else d(lo), None if hi is None else d(hi))


def on(iso: str) -> DayInterval:
    return iv(iso, iso)


def one(date: dt.date) -> DayInterval:
    return DayInterval(day(date), day(date))


def contains(interval: DayInterval, ordinal: int) -> bool:
    return (interval.lo is None or interval.lo <= ordinal) and (
        interval.hi is None or ordinal <= interval.hi
    )


def later(date: dt.date, months: int) -> dt.date:
    """dateutil's calendar arithmetic, the oracle: Feb 29 plus a year is Feb 28."""
    return date + relativedelta(months=months)


def span_between(start: dt.date, end: dt.date, span: Span) -> bool:
    """Whether exactly ``span`` (in calendar months) separates ``start`` from ``end``."""
    if later(start, span.lo) > end:
        return False
    if span.hi is None:
        return True
    limit = later(start, span.hi)
    return end <= limit if span.hi_inclusive else end < limit


# ---------------------------------------------------------------------------------------------
# parse_date


def test_toml_date_is_that_one_day():
    assert parse_date(dt.date(2011, 6, 14)) == on("2011-06-14")
    assert parse_date(dt.date(2011, 6, 14)).exact


def test_toml_datetime_is_its_day():
    assert parse_date(dt.datetime(2011, 6, 14, 23, 59)) == on("2011-06-14")


def test_integer_year_is_the_whole_year():
    assert parse_date(2009) == iv("2009-01-01", "2009-12-31")
    assert not parse_date(2009).exact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2009", iv("2009-01-01", "2009-12-31")),
        ("  2009 ", iv("2009-01-01", "2009-12-31")),
        ("2012", iv("2012-01-01", "2012-12-31")),
        ("June 2018", iv("2018-06-01", "2018-06-30")),
        ("2023-08", iv("2023-08-01", "2023-08-31")),
        ("February 2016", iv("2016-02-01", "2016-02-29")),
        ("February 2015", iv("2015-02-01", "2015-02-28")),
        ("June 14, 2011", on("2011-06-14")),
        ("Feb. 22, 2017", on("2017-02-22")),
        ("2011-06-14", on("2011-06-14")),
        ("Feb 29, 2012", on("2012-02-29")),
    ],
)
def test_parse_date_text(text, expected):
    assert parse_date(text) == expected


def test_parse_date_prints_as_a_user_reads_it():
    assert str(parse_date("June 2018")) == "2018-06-01..2018-06-30"
    assert str(parse_date("June 14, 2011")) == "2011-06-14"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("June 31, 2011", "day is out of range"),
        ("Feb 29, 2013", "day is out of range"),
        ("June 14", "has no year"),
        ("foo", "cannot read 'foo'"),
        ("", "empty"),
        ("   ", "empty"),
        (["2011-06-14"], "got a list"),
        ({"year": 2011}, "got a table"),
        (True, "got true/false"),
        (2011.0, "got a number"),
        (0, "out of range"),
        (10000, "out of range"),
    ],
)
def test_parse_date_errors(value, message):
    with pytest.raises(DateError, match=message):
        parse_date(value)


def test_date_error_is_a_value_error():
    assert issubclass(DateError, ValueError)


def test_weekday_with_month_does_not_pin_one_day():
    try:
        interval = parse_date("Monday, June 2018")
    except DateError:
        return  # refusing the value would be fine too
    for monday in ("2018-06-04", "2018-06-11", "2018-06-18", "2018-06-25"):
        assert contains(interval, d(monday))


# ---------------------------------------------------------------------------------------------
# parse_years


def test_whole_years_mean_that_age_until_the_next_birthday():
    assert parse_years(11) == Span(132, 144, False)
    assert parse_years(0) == Span(0, 12, False)
    assert parse_years(200) == Span(2400, 2412, False)


def test_fractional_years():
    span = parse_years(1.5)
    assert (span.lo, span.hi, span.hi_inclusive) == (18, 24, False)


def test_table_min_only_is_unbounded():
    assert parse_years({"min": 10}) == Span(120, None, True)


def test_table_min_and_max_is_inclusive():
    assert parse_years({"min": 1, "max": 3}) == Span(12, 36, True)
    assert parse_years({"max": 3}) == Span(0, 36, True)
    assert parse_years({"min": 2, "max": 2}) == Span(24, 24, True)


def test_table_rounds_outwards():
    span = parse_years({"min": 0.7, "max": 0.35 + 0.5})  # 8.4 and 10.2 months
    assert (span.lo, span.hi) == (8, 11)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "must not be negative"),
        (-0.5, "must not be negative"),
        ({"min": -1}, "min must not be negative"),
        ({"max": -1}, "max must not be negative"),
        ({"min": 3, "max": 1}, "min 3 is above max 1"),
        ({"min": 1, "maxi": 3}, "unknown key 'maxi'"),
        ({}, "needs min, max or both"),
        (True, "got true/false"),
        ({"min": True}, "got true/false"),
        ({"max": False}, "got true/false"),
        (201, "beyond 200 years"),
        (200.5, "beyond 200 years"),
        ({"max": 250}, "beyond 200 years"),
        (float("nan"), "must be a finite number"),
        (float("inf"), "must be a finite number"),
        ("11", "got text"),
        ([11], "got a list"),
    ],
)
def test_parse_years_errors(value, message):
    with pytest.raises(DateError, match=message):
        parse_years(value)


def test_span_descriptions():
    assert parse_years(11).describe() == "11 years (less than 12 years)"
    assert parse_years(1.5).describe() == "1 year 6 months (less than 2 years)"
    assert parse_years({"min": 10}).describe() == "at least 10 years"
    assert parse_years({"min": 1, "max": 3}).describe() == "1 year to 3 years"


# ---------------------------------------------------------------------------------------------
# starts_within / ends_within: concrete calendar cases


def test_eleven_a_week_before_the_twelfth_birthday():
    interval = starts_within(on("2023-06-07"), parse_years(11))
    assert interval == iv("2011-06-08", "2012-06-07")
    assert contains(interval, d("2011-06-14"))


def test_not_yet_twelve_the_day_before_the_birthday():
    interval = starts_within(on("2023-06-13"), parse_years(12))
    assert interval == iv("2010-06-14", "2011-06-13")
    assert not contains(interval, d("2011-06-14"))
    assert contains(starts_within(on("2023-06-13"), parse_years(11)), d("2011-06-14"))


def test_twelve_on_the_birthday():
    assert contains(starts_within(on("2023-06-14"), parse_years(12)), d("2011-06-14"))
    assert not contains(starts_within(on("2023-06-14"), parse_years(11)), d("2011-06-14"))


def test_leap_day_birthday_follows_dateutil():
    born = d("2012-02-29")
    assert relativedelta(dt.date(2013, 2, 28), dt.date(2012, 2, 29)).years == 1
    assert contains(starts_within(on("2013-02-27"), parse_years(0)), born)
    assert not contains(starts_within(on("2013-02-27"), parse_years(1)), born)
    assert contains(starts_within(on("2013-02-28"), parse_years(1)), born)
    assert not contains(starts_within(on("2013-02-28"), parse_years(0)), born)
    assert contains(starts_within(on("2016-02-29"), parse_years(4)), born)
    assert not contains(starts_within(on("2016-02-28"), parse_years(4)), born)
    assert contains(starts_within(on("2016-02-28"), parse_years(3)), born)
    assert starts_within(on("2013-02-28"), parse_years(1)) == iv("2011-03-01", "2012-02-29")


def test_imprecise_as_of_widens_the_interval():
    year = starts_within(parse_date(2023), parse_years(11))
    assert year == iv("2011-01-02", "2012-12-31")
    # 2011-01-01 turned 12 on 2023-01-01; 2012-12-31 turned 11 on 2023-12-31
    assert not contains(year, d("2011-01-01"))
    assert contains(year, d("2012-12-31"))
    exact = starts_within(on("2023-06-07"), parse_years(11))
    assert year.lo < exact.lo and exact.hi < year.hi
    assert starts_within(parse_date("June 2023"), parse_years(11)) == iv("2011-06-02", "2012-06-30")


def test_unbounded_span_starts_anytime_before():
    assert starts_within(on("2023-06-14"), parse_years({"min": 10})) == iv(None, "2013-06-14")


def test_inclusive_span_includes_both_ends():
    assert starts_within(on("2023-06-14"), parse_years({"min": 1, "max": 3})) == iv(
        "2020-06-14", "2022-06-14"
    )


def test_open_as_of_ends():
    assert starts_within(iv(None, "2023-06-14"), parse_years(11)) == iv(None, "2012-06-14")
    assert starts_within(iv("2023-06-14", None), parse_years(11)) == iv("2011-06-15", None)


def test_ends_within_concrete():
    assert ends_within(on("2011-06-14"), parse_years(11)) == iv("2022-06-14", "2023-06-13")
    assert ends_within(on("2012-02-29"), parse_years(1)) == iv("2013-02-28", "2014-02-27")
    assert ends_within(on("2011-06-14"), parse_years({"min": 10})) == iv("2021-06-14", None)
    assert ends_within(on("2020-06-14"), parse_years({"min": 1, "max": 3})) == iv(
        "2021-06-14", "2023-06-14"
    )
    assert ends_within(parse_date(2011), parse_years(11)) == iv("2022-01-01", "2023-12-30")
    assert ends_within(iv(None, "2011-06-14"), parse_years(11)) == iv(None, "2023-06-13")


def test_span_days_concrete():
    assert span_days(0) == (0, 0)
    assert span_days(1) == (28, 31)
    assert span_days(12) == (365, 366)
    assert span_day_bounds(parse_years(1)) == (365, 730)
    assert span_day_bounds(parse_years({"min": 10})) == (span_days(120)[0], None)
    assert span_day_bounds(parse_years({"min": 1, "max": 3})) == (365, span_days(36)[1])


# ---------------------------------------------------------------------------------------------
# Properties

BIRTHS = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@st.composite
def birth_and_as_of(draw):
    """A birth date and a later day, often within a few days of a birthday."""
    born = draw(BIRTHS)
    if draw(st.booleans()):
        years = draw(st.integers(0, 150))
        as_of = born + relativedelta(years=years) + dt.timedelta(days=draw(st.integers(-3, 3)))
        as_of = max(as_of, born)
    else:
        as_of = draw(st.dates(born, dt.date(2100, 12, 31)))
    return born, as_of


@st.composite
def spans(draw):
    """Spans as a claim writes them, read through parse_years."""
    kind = draw(st.sampled_from(["int", "float", "min", "max", "both"]))
    years = st.integers(0, 15_000).map(lambda hundredths: hundredths / 100)  # at most 2 decimals
    if kind == "int":
        return parse_years(draw(st.integers(0, 150)))
    if kind == "float":
        return parse_years(draw(years))
    if kind == "min":
        return parse_years({"min": draw(years)})
    if kind == "max":
        return parse_years({"max": draw(years)})
    lo, hi = sorted([draw(years), draw(years)])
    return parse_years({"min": lo, "max": hi})


@PROPERTY
@given(birth_and_as_of())
@example((dt.date(2012, 2, 29), dt.date(2013, 2, 28)))
@example((dt.date(2012, 2, 29), dt.date(2013, 2, 27)))
@example((dt.date(2012, 2, 29), dt.date(2016, 2, 29)))
@example((dt.date(2011, 6, 14), dt.date(2023, 6, 13)))
@example((dt.date(2011, 6, 14), dt.date(2023, 6, 14)))
def test_age_interval_holds_the_birth_date_and_not_neighbouring_ages(pair):
    born, as_of = pair
    age = relativedelta(as_of, born).years
    target = day(born)
    assert contains(starts_within(one(as_of), parse_years(age)), target)
    if age + 1 <= 200:
        assert not contains(starts_within(one(as_of), parse_years(age + 1)), target)
    if age >= 1:
        assert not contains(starts_within(one(as_of), parse_years(age - 1)), target)


@PROPERTY
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), spans())
def test_starts_within_is_exact_at_its_ends(as_of, span):
    """The days just inside the interval fit the span, the days just outside do not."""
    interval = starts_within(one(as_of), span)
    assert interval.hi is not None
    probes = [interval.hi, interval.hi + 1]
    if span.hi is None:
        assert interval.lo is None
    else:
        assert interval.lo is not None
        probes += [interval.lo - 1, interval.lo]
        if interval.lo > interval.hi:  # empty: only an exact span can miss every start day
            assert span.hi_inclusive and span.lo == span.hi
            assert interval.lo == interval.hi + 1
    for probe in probes:
        start = dt.date.fromordinal(probe)
        assert span_between(start, as_of, span) == contains(interval, probe), start


@PROPERTY
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.integers(0, 40), spans())
def test_imprecise_as_of_is_every_day_it_allows(first, width, span):
    """For an as_of of several days, a start fits if it fits on any one of those days."""
    days = [first + dt.timedelta(days=k) for k in range(width + 1)]
    interval = starts_within(DayInterval(day(days[0]), day(days[-1])), span)
    for exact in (days[0], days[-1]):
        inner = starts_within(one(exact), span)
        if inner.lo is not None and inner.lo > inner.hi:
            continue  # no start fits that one day (e.g. exactly 6 months before an Aug 30)
        assert contains(interval, inner.hi)
        if inner.lo is not None:
            assert contains(interval, inner.lo)
    probes = [interval.hi, interval.hi + 1]
    if interval.lo is not None:
        probes += [interval.lo - 1, interval.lo]
    for probe in probes:
        start = dt.date.fromordinal(probe)
        fits = any(span_between(start, t, span) for t in days)
        assert fits == contains(interval, probe), (start, span)


@PROPERTY
@given(BIRTHS, spans())
def test_ends_within_round_trip(born, span):
    assert contains(starts_within(ends_within(one(born), span), span), day(born))


@PROPERTY
@given(BIRTHS, spans(), st.integers(-3, 3))
def test_ends_within_is_the_inverse_of_starts_within(born, span, jitter):
    """A day is in ends_within(b) exactly when b is in starts_within(that day)."""
    ends = ends_within(one(born), span)
    assert ends.lo is not None
    probes = [ends.lo - 1, ends.lo, ends.lo + jitter]
    if ends.hi is not None:
        probes += [ends.hi, ends.hi + 1, ends.hi + jitter]
    for probe in probes:
        assert contains(ends, probe) == contains(
            starts_within(DayInterval(probe, probe), span), day(born)
        )


@PROPERTY
@given(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.integers(0, 2400))
@example(dt.date(2024, 2, 28), 12)
@example(dt.date(2023, 2, 28), 12)
@example(dt.date(2023, 4, 30), 1)
@example(dt.date(1, 1, 1), 0)
def test_last_start_is_the_latest_day_that_many_months_before(end, months):
    """The closed form against dateutil: b + months <= end < (b + 1 day) + months."""
    found = _last_start(day(end), months)
    if found is None:
        assert end.year * 12 + end.month - 1 - months < 12  # before year 1
        return
    start = dt.date.fromordinal(found)
    assert later(start, months) <= end
    if start < dt.date.max:
        assert later(start + dt.timedelta(days=1), months) > end


@PROPERTY
@given(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.integers(-2400, 2400))
@example(dt.date(2012, 2, 29), 12)
@example(dt.date(2011, 3, 31), -1)
@example(dt.date(9999, 12, 31), 1)
@example(dt.date(1, 1, 1), -1)
def test_add_months_matches_dateutil(start, months):
    try:
        expected: int | None = day(later(start, months))
    except (OverflowError, ValueError):  # past the calendar's ends
        expected = None
    assert add_months(day(start), months) == expected


@PROPERTY
@given(st.dates(dt.date(1, 1, 1), dt.date(9799, 12, 31)), st.integers(0, 2400))
@example(dt.date(2012, 2, 29), 12)
@example(dt.date(2096, 2, 29), 48)
@example(dt.date(2000, 1, 31), 1)
def test_span_days_bounds_every_calendar_span(start, months):
    fewest, most = span_days(months)
    assert fewest <= (later(start, months) - start).days <= most
    bounds = span_day_bounds(Span(months, months, True))
    assert bounds == (fewest, most)
    if months:
        assert span_day_bounds(Span(0, months, False)) == (0, most - 1)


@PROPERTY
@given(BIRTHS, spans(), st.data())
def test_span_day_bounds_hold_every_day_the_span_allows(born, span, data):
    least, most = span_day_bounds(span)
    assert least == span_days(span.lo)[0]
    ends = ends_within(one(born), span)
    assert ends.lo - day(born) >= least
    if span.hi is None:
        assert most is None and ends.hi is None
        return
    assert ends.hi - day(born) <= most
    end = data.draw(st.integers(ends.lo, ends.hi), label="end")
    assert least <= end - day(born) <= most


ANY_DATE = st.dates(dt.date(100, 1, 1), dt.date(9999, 12, 31))


@PROPERTY
@given(ANY_DATE, st.sampled_from(["%B %d, %Y", "%Y-%m-%d", "%b. %d, %Y"]))
def test_parse_date_reads_a_formatted_day(date, fmt):
    assert parse_date(date.strftime(fmt)) == one(date)


@PROPERTY
@given(ANY_DATE)
def test_parse_date_reads_a_month_and_a_year(date):
    first = date.replace(day=1)
    last = first + relativedelta(day=31)
    assert parse_date(date.strftime("%B %Y")) == DayInterval(day(first), day(last))
    assert parse_date(date.strftime("%Y")) == DayInterval(
        day(date.replace(month=1, day=1)), day(date.replace(month=12, day=31))
    )
    assert parse_date(date.year) == parse_date(date.strftime("%Y"))


@pytest.mark.parametrize("text", ["06/07/2011", "6.7.2011", "01-02-2020"])
def test_numeric_dates_that_read_both_ways_are_refused(text):
    with pytest.raises(DateError, match="ambiguous"):
        parse_date(text)


def test_numeric_dates_that_read_one_way_are_read():
    assert parse_date("14/06/2011") == parse_date("2011-06-14")
    assert parse_date("06/06/2011") == parse_date("2011-06-06")


def test_a_read_date_does_not_stand_in_for_an_equal_value_of_another_type():
    # Dates are cached: 2009.0 and True compare equal to 2009 and 1, but are not dates.
    assert parse_date(2009) == parse_date("2009")
    assert parse_date(1).lo is not None
    for value in (2009.0, True, 1.0):
        with pytest.raises(DateError):
            parse_date(value)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(list(dates._MONTHS)),
    st.integers(1, 9999),
    st.sampled_from([str.lower, str.title, str.upper]),
    st.sampled_from([" ", "  ", "\t"]),
)
@example("january", 2011, str.title, " ")
def test_a_month_and_year_read_quickly_as_dateutil_reads_them(month, year, case, space) -> None:
    _same_as_dateutil(f"{case(month)}{space}{year}")
    for number in _DAYS:  # "June 14, 2011", and days that do not exist
        _same_as_dateutil(f"{case(month)} {number}, {year}")
        _same_as_dateutil(f"{case(month)}{space}{number}{space}{year}")


_DAYS = (0, 1, 9, 28, 29, 30, 31, 32, 99)


def _same_as_dateutil(text: str) -> None:
    def outcome(read):
        try:
            return read(text)
        except dates.DateError as exc:
            return str(exc)

    assert outcome(dates.parse_date) == outcome(dates._read_text)


@pytest.mark.parametrize("text", ["June 99", "14 June 99", "99", "June 0099", "June 14, 0099"])
def test_a_year_not_written_in_full_is_refused_not_guessed(text: str) -> None:
    # dateutil reads all of these as 1999
    with pytest.raises(dates.DateError, match="write the year in full"):
        dates.parse_date(text)


def test_a_year_written_in_full_before_1000_is_read_as_written() -> None:
    first, last = dates.day(dt.date(250, 3, 1)), dates.day(dt.date(250, 3, 31))
    assert dates.parse_date("March 0250") == dates.DayInterval(first, last)
