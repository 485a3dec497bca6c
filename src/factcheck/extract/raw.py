"""Claims as the patterns find them: values read, people not yet resolved to entities."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.dates import DayInterval
from factcheck.extract.mentions import Mention

Value = int | float | str | dict[str, int | float | str]


@dataclass(frozen=True, slots=True)
class Child:
    """An unnamed child ("my 10-year-old", "their son", "a baby girl"): the named child it can
    only be is found by fit (gender, and the ages and births the article states)."""

    position: int
    gender: str | None
    born: DayInterval | None = None  # when the text says this child was born


@dataclass(frozen=True, slots=True)
class Who:
    """Who a claim is about, as the text says it. Exactly one field is set."""

    mention: Mention | None = None  # a name, pronoun or role; or a group ("the couple", "they")
    child: Child | None = None
    whom: Mention | None = None  # "..., whom": the person named just before
    spouse_of: Mention | None = None  # "her husband": the partner of whom "her" stands for
    sentence_pair: int | None = None  # the two people a sentence names (its position)


@dataclass(slots=True)
class RawClaim:
    predicate: str
    start: int  # the stretch of text the claim was read from
    end: int
    value: Value
    subject: Who
    other: Who | None = None  # the other party of a relation, unless subject is a group
    after: tuple[str, Who] | None = None  # the event the value counts years from
    as_of: str | None = None  # a date the text ties to this claim itself ("turned 8 in 2019")
    relation: bool = False
    # "Portman was 12 when ...": a past age, kept only if the text says when it held.
    needs_time: bool = False
