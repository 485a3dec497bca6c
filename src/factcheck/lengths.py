"""Heights as people write them, read into closed ranges of micrometres.

A height is as precise as it is written, exactly as an age of 11 means a year of ages: "160 cm"
is 159.5-160.5 cm, "1.6 m" is 1.55-1.65 m, "5 ft 3 in" is 5 ft 2.5 in-5 ft 3.5 in, "5 ft 3½ in"
is to the half inch, plus or minus a quarter, "6 ft" to the foot, plus or minus six inches. An
inch is 25.4 mm exactly, so both units meet in whole micrometres and two heights compare as
plain integers. The ranges are closed: 160 cm and 161 cm can be the same height (160.5 cm).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

MICRONS = {"mm": 1000, "cm": 10_000, "m": 1_000_000}
INCH = 25_400  # micrometres, exactly
FOOT = 12 * INCH
SHORTEST, TALLEST = 20 * MICRONS["cm"], 300 * MICRONS["cm"]  # a person's height, plausibly
HINT = 'write a height like "160 cm", "1.60 m", "5 ft 3 in" or "5\'3\\""'

_NUMBER = r"\d+(?:\.\d+)?"
_FRACTIONS = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4)}
# A decimal comma ("1,60 m", as German and French write it) is a decimal point.
_METRIC = re.compile(
    r"^(?P<n>\d+(?:[.,]\d+)?)\s*(?P<unit>mm|cms?|m|millimet(?:er|re)s?|centimet(?:er|re)s?"
    r"|met(?:er|re)s?)\.?$",
    re.I,
)
_METRES_CENTIMETRES = re.compile(r"^(?P<m>\d)\s*m\s*(?P<cm>\d\d)$", re.I)  # "1m60"
_FEET = r"(?:ft\.?|feet|foot|'|\u2032|\u2019)"
_INCHES = r"(?:in\.?|inch|inches|\"|\u2033|\u201d|'')"
# The inches: 3, 3.5, 3½, 3 1/2.
_INCH_COUNT = r"(?P<in>\d+(?:\.\d+)?)?\s*(?P<frac>[½¼¾]|\d+/\d+)?"
# "5-foot-3": a hyphen joins the words; one after a space is a minus ("5 ft -1 in": no height).
_FEET_INCHES = re.compile(
    rf"^(?P<ft>\d+)(?:-|\s*){_FEET}(?:(?:-|\s*)(?!-){_INCH_COUNT}\s*{_INCHES}?)?$", re.I
)
_INCHES_ONLY = re.compile(rf"^{_INCH_COUNT}\s*{_INCHES}$", re.I)


class LengthError(ValueError):
    """A value that is not a readable height; the message says why."""


@dataclass(frozen=True, slots=True)
class Length:
    """A closed range of micrometres, with the value as written."""

    lo: int
    hi: int
    written: str

    def overlaps(self, other: Length) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def describe(self) -> str:
        """ "158.7-161.3 cm, 5 ft 2.5 in-5 ft 3.5 in": the range in both units."""
        metric = f"{_cm(self.lo, up=False)}-{_cm(self.hi, up=True)} cm"
        return f"{metric}, {_feet(self.lo, up=False)}-{_feet(self.hi, up=True)}"


def parse_length(value: object) -> Length:
    """Read a height: a text with its unit, metric or feet and inches."""
    if isinstance(value, bool | int | float):
        raise LengthError(f"a height needs its unit: {value!r} what?")
    if not isinstance(value, str) or not value.strip():
        raise LengthError('a height is a text like "160 cm"')
    text = " ".join(value.split())
    if re.search(r"(?:^|\s)-\s*\d", text):  # "-3 cm", "5 ft -1 in"
        raise LengthError(f"{value!r}: a height is never negative")
    microns, precision = _metric(text) or _imperial(text) or (None, None)
    if microns is None or precision is None:
        raise LengthError(f"cannot read {value!r} as a height")
    if not SHORTEST <= microns <= TALLEST:
        raise LengthError(f"{value!r} is not a person's height (20 cm to 3 m)")
    # Rounding outwards keeps the range at least as wide as written.
    return Length(_floor(microns - precision), _ceil(microns + precision), text)


def _metric(text: str) -> tuple[Fraction, Fraction] | None:
    split = _METRES_CENTIMETRES.match(text)
    if split is not None:
        text = f"{split.group('m')}.{split.group('cm')} m"
    match = _METRIC.match(text)
    if match is None:
        return None
    unit = match.group("unit").lower()
    scale = MICRONS[
        "cm"
        if unit.startswith("c")
        else "mm"
        if unit.startswith("m") and unit != "m" and not unit.startswith("met")
        else "m"
    ]
    number = match.group("n").replace(",", ".")
    return Fraction(number) * scale, _half_last_digit(number) * scale


def _imperial(text: str) -> tuple[Fraction, Fraction] | None:
    match = _FEET_INCHES.match(text) or _INCHES_ONLY.match(text)
    if match is None:
        return None
    feet = int(match.group("ft")) if "ft" in match.groupdict() else 0
    whole, fraction = match.group("in"), match.group("frac")
    if whole is None and fraction is None:
        if "ft" not in match.groupdict():
            return None
        return Fraction(feet * FOOT), Fraction(FOOT, 2)  # "6 ft": to the foot
    inches = Fraction(whole) if whole else Fraction(0)
    precision = _half_last_digit(whole) if whole else Fraction(1, 2)
    if fraction:
        part = _FRACTIONS.get(fraction) or _ratio(fraction)
        if "." in (whole or ""):
            raise LengthError(f"{text!r} gives both decimals and a fraction of an inch")
        inches += part
        precision = Fraction(1, 2 * part.denominator)  # "3½": to the half inch
    if "ft" in match.groupdict() and inches >= 12:
        raise LengthError(f"{text!r} has {float(inches):g} inches: an inch count is below 12")
    return feet * FOOT + inches * INCH, precision * INCH


def _ratio(text: str) -> Fraction:
    top, _, bottom = text.partition("/")
    if int(bottom) == 0 or int(top) >= int(bottom):
        raise LengthError(f"{text} is not a fraction of an inch")
    return Fraction(int(top), int(bottom))


def _half_last_digit(number: str) -> Fraction:
    """Half a unit of the last digit written: 160 is 160 ± 0.5, 1.60 is 1.60 ± 0.005."""
    decimals = len(number.partition(".")[2])
    return Fraction(1, 2 * 10**decimals)


def _floor(value: Fraction) -> int:
    return value.numerator // value.denominator


def _ceil(value: Fraction) -> int:
    return -((-value.numerator) // value.denominator)


def _tenths(value: Fraction, up: bool) -> str:
    """To a tenth, rounded outwards (down for a range's low end, up for its high end), so that
    the range shown holds the whole range."""
    tenths = _ceil(value * 10) if up else _floor(value * 10)
    return f"{tenths // 10}.{tenths % 10}"


def _cm(microns: int, up: bool) -> str:
    return _tenths(Fraction(microns, MICRONS["cm"]), up)


def _feet(microns: int, up: bool) -> str:
    feet, rest = divmod(microns, FOOT)
    inches = _tenths(Fraction(rest, INCH), up)
    if inches == "12.0":
        feet, inches = feet + 1, "0.0"
    return f"{feet} ft {inches.removesuffix('.0')} in"
