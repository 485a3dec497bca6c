"""Heights as written: each way of writing a height gives a range as precise as the writing,
and any two ways of writing the same height give ranges that overlap."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.lengths import FOOT, INCH, LengthError, parse_length


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        ("160 cm", "159.5-", "160.5 cm"),
        ("1.60 m", "159.5-", "160.5 cm"),
        ("1.6 m", "155.0-", "165.0 cm"),
        ("5 ft 3 in", "158.7-", "161.3 cm"),
        ("5'3\"", "158.7-", "161.3 cm"),
        ("5\u20323\u2033", "158.7-", "161.3 cm"),
        ("5-foot-3", "158.7-", "161.3 cm"),
        ("63 in", "158.7-", "161.3 cm"),
        ("6 ft", "167.6-", "198.2 cm"),
        ("5 ft. 3 in.", "158.7-", "161.3 cm"),
        ("1,60 m", "159.5-", "160.5 cm"),  # a decimal comma, as BILD writes it
        ("1m60", "159.5-", "160.5 cm"),
        ("160 cms", "159.5-", "160.5 cm"),
    ],
)
def test_a_height_is_as_precise_as_it_is_written(written: str, low: str, high: str) -> None:
    shown = parse_length(written).describe()
    assert shown.startswith(low) and high in shown


def test_both_units_are_shown() -> None:
    assert parse_length("5 ft 3 in").describe() == "158.7-161.3 cm, 5 ft 2.5 in-5 ft 3.5 in"


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("5 ft 13 in", "13 inches"),
        ("-3 cm", "never negative"),
        ("5 ft -1 in", "never negative"),
        ("several", "cannot read"),
        (160, "needs its unit"),
        ("0 cm", "not a person's height"),
        ("12 m", "not a person's height"),
        ("5 ft 1/0 in", "not a fraction"),
    ],
)
def test_what_is_not_a_height_says_why(written: object, why: str) -> None:
    with pytest.raises(LengthError, match=why):
        parse_length(written)


def _written(microns: int, way: str) -> str:
    """``microns`` written one way, rounded to what that way writes (half up)."""

    def nearest(unit: Fraction) -> Fraction:
        return (Fraction(microns) / unit + Fraction(1, 2)).__floor__() * unit

    if way == "cm":
        return f"{nearest(Fraction(10_000)) / 10_000} cm"
    if way == "m2":
        return f"{float(nearest(Fraction(10_000)) / 1_000_000):.2f} m"
    if way == "m1":
        return f"{float(nearest(Fraction(100_000)) / 1_000_000):.1f} m"
    if way == "mm":
        return f"{nearest(Fraction(1000)) / 1000} mm"
    inches = nearest(Fraction(INCH)) if way == "ft-in" else nearest(Fraction(INCH, 2))
    feet, rest = divmod(inches, FOOT)
    count = rest / INCH
    if way == "ft-in":
        return f"{feet} ft {count} in"
    whole, half = divmod(count, 1)
    return f"{feet}'{whole}{'½' if half else ''}\""


WAYS = ("cm", "m2", "m1", "mm", "ft-in", "ft-half")


@given(st.integers(min_value=1_000_000, max_value=2_300_000), st.sampled_from(WAYS))
def test_a_range_holds_the_height_it_was_rounded_from(microns: int, way: str) -> None:
    length = parse_length(_written(microns, way))
    assert length.lo <= microns <= length.hi


@given(
    st.integers(min_value=1_000_000, max_value=2_300_000),
    st.sampled_from(WAYS),
    st.sampled_from(WAYS),
)
def test_two_ways_of_writing_one_height_overlap(microns: int, one: str, other: str) -> None:
    assert parse_length(_written(microns, one)).overlaps(parse_length(_written(microns, other)))


@given(st.integers(min_value=20, max_value=300), st.integers(min_value=0, max_value=2))
def test_a_range_holds_its_own_written_value(centimetres: int, decimals: int) -> None:
    written = f"{centimetres / 100:.{decimals}f} m" if decimals else f"{centimetres} cm"
    length = parse_length(written)
    value = round(float(written.split()[0]) * (1_000_000 if decimals else 10_000))
    assert length.lo <= value <= length.hi
