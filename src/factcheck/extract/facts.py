"""What the article says about each person's age and birth, to tell who an unnamed or
pronoun-only claim can be about: someone said to be 38 is not "the choreographer, 42" of the
same day, and "my 10-year-old" in 2022 is not the child who is 6 in 2023.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from factcheck.dates import DateError, DayInterval, parse_date, parse_years, starts_within
from factcheck.extract.raw import Value


@dataclass(frozen=True, slots=True)
class _Fact:
    key: int  # the claim it comes from
    born: DayInterval | None  # the birth window it implies, when its time is known
    age: Value | None  # an age whose time is unknown (an undated article): compared as is


class Facts:
    def __init__(self, published: DayInterval | None) -> None:
        self.published = published
        self.people: defaultdict[str, list[_Fact]] = defaultdict(list)

    def add(self, key: int, entity: str, predicate: str, value: Value, as_of: str | None) -> None:
        if predicate == "age":
            born = self.birth_window(value, as_of)
            self.people[entity].append(_Fact(key, born, value if born is None else None))
        elif predicate == "born":
            self.people[entity].append(_Fact(key, _interval(value), None))

    def birth_window(self, age: Value, as_of: str | None) -> DayInterval | None:
        when = _interval(as_of) if as_of is not None else self.published
        if when is None:
            return None
        try:
            return starts_within(when, parse_years(age))
        except DateError:
            return None

    def age_fits(self, entity: str, key: int, age: Value, as_of: str | None) -> bool:
        born = self.birth_window(age, as_of)
        for fact in self.people.get(entity, ()):
            if fact.key == key:
                continue
            if born is not None and fact.born is not None and not _overlap(born, fact.born):
                return False
            if born is None and fact.age is not None and fact.age != age:
                return False
        return True

    def born_fits(self, entity: str, key: int, born: DayInterval | None) -> bool:
        if born is None:
            return True
        return all(
            fact.born is None or _overlap(born, fact.born)
            for fact in self.people.get(entity, ())
            if fact.key != key
        )


def _interval(value: object) -> DayInterval | None:
    try:
        return parse_date(value)
    except DateError:
        return None


def _overlap(a: DayInterval, b: DayInterval) -> bool:
    lo = max((x for x in (a.lo, b.lo) if x is not None), default=None)
    hi = min((x for x in (a.hi, b.hi) if x is not None), default=None)
    return lo is None or hi is None or lo <= hi
