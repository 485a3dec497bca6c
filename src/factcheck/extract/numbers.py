"""Numbers as articles write them: digits or words ("seven", "forty-two", "one and a half"), and
spans of years ("11 years", "over a decade").

The regular expressions here are pieces of the claim patterns; the parsers read what they matched.
"""

from __future__ import annotations

import re

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {word: value for value, word in enumerate(_UNITS)}
WORD_VALUES.update({word: 20 + 10 * index for index, word in enumerate(_TENS)})

_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))  # "seventeen" before "seven"
_DIGIT = "|".join(_UNITS[1:10])
_TEN = "|".join(_TENS)
# "forty-two" or "forty two", "seven", "twelve"; tens first, so "seventy" is not "seven".
_WORDS = rf"(?:(?:{_TEN})(?:[- ](?:{_DIGIT}))?|{_UNIT})"
_HALF = r"(?:\s+and\s+a\s+half|-and-a-half|\s*½)"
# A number of years: "11", "1.5", "seven", "one and a half", "2½"; never part of a longer word
# or number ("someone", "2019"). Case-insensitive by itself.
NUMBER = rf"(?<![\w.-])(?i:(?:\d{{1,3}}(?:\.\d+)?|{_WORDS}){_HALF}?)(?![\w½]|\.\d)"

_HALF_RE = re.compile(_HALF + "$", re.I)


def parse_number(text: str) -> float | None:
    """The value of a NUMBER match: 7, 42, 1.5; None if it is not one."""
    text = " ".join(text.lower().split())
    half = 0.5 if _HALF_RE.search(text) else 0.0
    core = _HALF_RE.sub("", text).strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d+)?", core):
        return float(core) + half
    parts = re.split(r"[- ]", core)
    if not parts or any(part not in WORD_VALUES for part in parts):
        return None
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS[1:10]:
        return float(WORD_VALUES[parts[0]] + WORD_VALUES[parts[1]]) + half
    if len(parts) == 1:
        return float(WORD_VALUES[parts[0]]) + half
    return None


def years_value(number: float) -> int | float:
    """A years value as the claims format writes it: 7, not 7.0; 1.5 stays."""
    return int(number) if number == int(number) else number


# "over a decade", "more than 11 years", "nearly two decades", "11 years", "a year".
_QUALIFIERS = {
    "over": "min",
    "more than": "min",
    "at least": "min",
    "upwards of": "min",
    "nearly": "max",
    "almost": "max",
    "under": "max",
    "less than": "max",
    "just under": "max",
    "not quite": "max",
}
_QUALIFIER = "|".join(sorted(_QUALIFIERS, key=len, reverse=True))
DURATION = (
    rf"(?i:(?:(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"(?:(?P<count>{NUMBER}|an?)\s+(?P<unit>years?|decades?)))(?![\w-])"
)

YearsValue = int | float | dict[str, int | float]


def parse_duration(qualifier: str | None, count: str, unit: str) -> YearsValue | None:
    """The years value of a DURATION match: 11, { min = 10 }, { max = 20 }; None if unreadable.

    "over a decade" is at least ten years ({ min = 10 }); "nearly a decade" at most ten.
    """
    number = 1.0 if count.lower() in ("a", "an") else parse_number(count)
    if number is None:
        return None
    years = number * (10 if unit.lower().startswith("decade") else 1)
    value = years_value(years)
    if qualifier is None:
        return value
    return {_QUALIFIERS[" ".join(qualifier.lower().split())]: value}


_ORDINAL_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORDINAL_TENS = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth"]
_ORDINAL_WORDS = {word: value for value, word in enumerate(_ORDINAL_UNITS)}
_ORDINAL_WORDS.update({word: 20 + 10 * i for i, word in enumerate(_ORDINAL_TENS)})
# "24th", "twenty-fourth", "tenth"; case-insensitive by itself.
ORDINAL = (
    r"(?<![\w.-])(?i:\d{1,3}(?:st|nd|rd|th)"
    rf"|(?:(?:{_TEN})[- ])?(?:{'|'.join(sorted(_ORDINAL_UNITS[1:], key=len, reverse=True))})"
    rf"|{'|'.join(_ORDINAL_TENS)})(?![\w-])"
)


def parse_ordinal(text: str) -> int | None:
    """The value of an ORDINAL match: "24th" is 24, "twenty-fourth" 24."""
    text = text.lower()
    digits = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", text)
    if digits:
        return int(digits.group(1))
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and parts[0] in WORD_VALUES and parts[1] in _ORDINAL_WORDS:
        return WORD_VALUES[parts[0]] + _ORDINAL_WORDS[parts[1]]
    return _ORDINAL_WORDS.get(text) if len(parts) == 1 else None
