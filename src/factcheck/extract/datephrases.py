"""Dates as articles write them, read as the claims format writes them.

With a year: "June 14, 2011", "Feb. 22, 2017", "14 June 2011", "December 8. 1955" (a typo for
the comma), "June 2018", "2009", "2011-06-14", and numeric dates ("6/14/2011", "14.06.2011").
A numeric date whose day and month could be either way round takes the page's order, learnt from
its unambiguous numeric dates ("6/14/2011" says month first); where the page gives no order, it
is left out, and listed for review, rather than guessed.

Relative to the publication day: "yesterday", "on Friday", "last week", "last month", "earlier
this year", "three years ago", a day and month without the year ("on Jan. 23") and a month alone
("in September"). Each becomes the most precise value the format can write that holds the whole
window: a day, a month or a year ("last week" across two months is the year). An undated article,
or one dated to a month, reads no relative dates.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.dates import DateError, DayInterval, parse_date
from factcheck.extract.numbers import NUMBER, parse_number

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?:1[89]|20)\d{2}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_NUMERIC = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4}"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_UNIT = r"(?i:days?|weeks?|months?|years?)"
# A day of a month without its year: "March 4", "4 March", "Jan. 23".
_DAY_MONTH = rf"(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})(?![\w-]|[,.]?\s*\d)"
# A month alone, after "in": "tied the knot in September" (of the last year it can be).
_MONTH_ALONE = (
    r"(?<=\b[Ii]n\s)(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?![\w-]|,?\s*\d)"
)
RELATIVE = (
    r"(?:(?i:yesterday|this\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)"
    rf"|last\s+(?:week|month|year)|(?:last|this\s+past)\s+{WEEKDAY})"
    rf"|{NUMBER}\s+{_UNIT}\s+(?i:ago)|{WEEKDAY}|{_DAY_MONTH}|{_MONTH_ALONE})"
)
# Longest forms first, so that "June 14, 2011" is not read as "2011" alone.
DATE = (
    r"(?<![\w$.-])(?:"
    rf"{_MONTH}\s+{_DAY}[,.]?\s+{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH},?\s+(?:of\s+)?{_YEAR}"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|{_NUMERIC}"
    rf"|{_YEAR}"
    rf"|{RELATIVE}"
    r")(?![\w-])"
)
# A day of a month of a year, as a date that needs no preposition before it.
FULL_DATE = rf"{_MONTH}\s+{_DAY}[,.]?\s+{_YEAR}"
# What a date follows in a clause: "in 2009", "on June 14, 2011"; nothing before "last week".
ON = rf"(?:(?i:on|in)\s+|(?={RELATIVE}))"

# Patterns read a shadow of the text in which each date is a mark and fillers as long as the
# date (see mentions.NAME_MARK): one mark for a full date (no preposition needed before it), one
# for a relative date, one for the others. The value is read from the text at the same offsets.
DATE_FULL, DATE_OTHER, DATE_RELATIVE, DATE_FILL = "\ua680", "\ua682", "\ua684", "\ua681"
SHADOW_DATE = f"(?:[{DATE_FULL}{DATE_OTHER}{DATE_RELATIVE}]{DATE_FILL}*)"
SHADOW_RELATIVE = f"(?:{DATE_RELATIVE}{DATE_FILL}*)"
SHADOW_FULL = f"(?:{DATE_FULL}{DATE_FILL}*)"
SHADOW_ON = rf"(?:(?i:on|in)\s+|(?={SHADOW_RELATIVE}))"
_DATE_RE = re.compile(DATE)
_FULL_RE = re.compile(FULL_DATE)
_NUMERIC_RE = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})")
_TYPO = re.compile(r"(\d)\.(\s+\d{4})")
_RELATIVE_RE = re.compile(RELATIVE)
_DAY_MONTH_RE = re.compile(_DAY_MONTH, re.I)
_MONTH_NAMES = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
_AGO = re.compile(rf"(?P<n>{NUMBER})\s+(?P<unit>{_UNIT})\s+(?i:ago)")


def shadow_dates(text: str) -> str:
    """The text with each date replaced by its shadow, offsets kept."""
    parts, position = [], 0
    for found in _DATE_RE.finditer(text):
        written = found.group(0)
        mark = DATE_OTHER
        if _FULL_RE.fullmatch(written):
            mark = DATE_FULL
        elif _RELATIVE_RE.fullmatch(written) or written in _MONTH_NAMES:
            mark = DATE_RELATIVE
        parts += [text[position : found.start()], mark, DATE_FILL * (len(written) - 1)]
        position = found.end()
    parts.append(text[position:])
    return "".join(parts)


class Dates:
    """One article's dates: its numeric day/month order and its publication day."""

    def __init__(self, text: str, published: DayInterval | None) -> None:
        self.published = published
        orders = set()
        for found in _NUMERIC_RE.finditer(text):
            first, second = int(found.group(1)), int(found.group(3))
            if first > 12 >= second:
                orders.add("dmy")
            elif second > 12 >= first:
                orders.add("mdy")
        self.order = orders.pop() if len(orders) == 1 else None
        self.ambiguous: list[str] = []  # numeric dates left out, for the reviewer

    def value(self, written: str) -> str | None:
        """The claim value for a DATE match, or None when it cannot be read here (a day that
        does not exist, an ambiguous numeric date, a relative date in an undated article)."""
        text = " ".join(written.split())
        numeric = _NUMERIC_RE.fullmatch(text)
        if numeric:
            return self._numeric(text, numeric)
        if _RELATIVE_RE.fullmatch(text) or text in _MONTH_NAMES:
            return self._relative(text.lower())
        text = _TYPO.sub(r"\1,\2", text)  # "December 8. 1955"
        return text if interval(text) is not None else None

    def _numeric(self, text: str, found: re.Match[str]) -> str | None:
        first, second, year = int(found.group(1)), int(found.group(3)), found.group(4)
        if len(year) == 2:
            last = self.published.hi if self.published else None
            now = dt.date.fromordinal(last).year if last is not None else 2100
            full = 2000 + int(year)
            year = str(full if full <= now else full - 100)
        order = "dmy" if first > 12 else "mdy" if second > 12 else self.order
        if first == second:
            order = "dmy"
        if order is None:
            self.ambiguous.append(text)
            return None
        month, of = (second, first) if order == "dmy" else (first, second)
        try:
            return dt.date(int(year), month, of).isoformat()
        except ValueError:
            return None

    def _relative(self, text: str) -> str | None:
        published = self.published
        if published is None or published.lo is None or published.lo != published.hi:
            return None
        today = dt.date.fromordinal(published.lo)
        if _DAY_MONTH_RE.fullmatch(text):
            return _last(text, today)
        if text.capitalize() in _MONTH_NAMES:
            month = _MONTH_NAMES.index(text.capitalize()) + 1
            year = today.year if month <= today.month else today.year - 1
            return f"{year:04d}-{month:02d}"
        window = _window(text, today)
        return _written(*window) if window else None


def _last(text: str, today: dt.date) -> str | None:
    """A day and month without a year: the last such day up to the article's own ("on Jan. 23"
    in a piece of January 28, 2017 is 2017-01-23; in one of January 2 it is 2016-01-23)."""
    for year in (today.year, today.year - 1):
        found = interval(f"{text} {year}")
        if found is not None and found.lo is not None and found.lo <= today.toordinal():
            return dt.date.fromordinal(found.lo).isoformat()
    return None


def _window(text: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days a relative date allows, seen from ``today`` (the publication day)."""
    words = text.split()
    if text == "yesterday":
        one = today - dt.timedelta(days=1)
        return one, one
    if words[-1] in _WEEKDAYS:  # "on Friday": that day of the week up to the article's own
        back = (today.weekday() - _WEEKDAYS.index(words[-1])) % 7
        if "last" in words or "past" in words:
            back = back or 7
        one = today - dt.timedelta(days=back)
        return one, one
    unit = words[-1]
    if words[0] in ("this", "earlier"):
        start = {"week": today - dt.timedelta(days=today.weekday())}.get(unit)
        if unit == "month":
            start = today.replace(day=1)
        elif unit == "year":
            start = today.replace(month=1, day=1)
        return (start, today) if start else None
    if words[0] == "last":
        if unit == "week":
            monday = today - dt.timedelta(days=today.weekday() + 7)
            return monday, monday + dt.timedelta(days=6)
        if unit == "month":
            end = today.replace(day=1) - dt.timedelta(days=1)
            return end.replace(day=1), end
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    ago = _AGO.fullmatch(text)
    count = parse_number(ago.group("n")) if ago else None
    if ago is None or count is None or count != int(count):
        return None
    unit = ago.group("unit").rstrip("s")
    if unit == "year":
        year = today.year - int(count)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    days = {"day": 1, "week": 7, "month": 30}[unit] * int(count)
    return today - dt.timedelta(days=days + 3), today - dt.timedelta(days=max(0, days - 3))


def _written(lo: dt.date, hi: dt.date) -> str | None:
    if lo == hi:
        return lo.isoformat()
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    return f"{lo.year:04d}" if lo.year == hi.year else None


def interval(value: str) -> DayInterval | None:
    try:
        return parse_date(value)
    except DateError:
        return None
