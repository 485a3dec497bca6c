"""Dates as articles write them, with a year: "June 14, 2011", "Feb. 22, 2017", "14 June 2011",
"June 2018", "2009". A day and month without a year ("on August 4") is no date: the claims format
cannot place it.
"""

from __future__ import annotations

from factcheck.dates import DateError, DayInterval, parse_date

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?:1[89]|20)\d{2}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Longest forms first, so that "June 14, 2011" is not read as "2011" alone.
DATE = (
    r"(?<![\w$.-])(?:"
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH},?\s+(?:of\s+)?{_YEAR}"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|{_YEAR}"
    r")(?![\w-])"
)


def date_value(text: str) -> str | None:
    """The claim value for a DATE match (its own words, one space apart), or None when the
    claims format would not read it (a day that does not exist)."""
    value = " ".join(text.split())
    return value if interval(value) is not None else None


def interval(value: str) -> DayInterval | None:
    try:
        return parse_date(value)
    except DateError:
        return None
