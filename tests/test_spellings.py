"""Spellings resolve exactly after folding; "did you mean" stays fast however many typos."""

from __future__ import annotations

import time

from factcheck.spellings import Spellings


def _index(count: int) -> Spellings:
    spellings = Spellings("entity", unknown="add it", none_defined="none")
    for number in range(count):
        name = f"person {number:05d} {chr(97 + number % 26) * 3}"
        spellings.define(name, [], "entities.toml", lambda key, n=number: n + 1)
    return spellings


def test_names_resolve_after_trimming_and_case_folding() -> None:
    spellings = _index(3)
    assert spellings.resolve("  PERSON   00001 bbb ") == "person 00001 bbb"
    assert spellings.resolve("person 00001 bb") is None
    assert spellings.suggest("person 00001 bb") == "did you mean 'person 00001 bbb'?"


def test_thousands_of_typos_against_thousands_of_names_take_seconds_not_minutes() -> None:
    """Regression (#14): 2,000 typos against 2,000 entities took 94 s. Past the budget the hint
    is generic; a typo met again is not compared again."""
    spellings = _index(1000)
    start = time.perf_counter()
    hints = [spellings.suggest(f"persn {n:05d}") for n in range(1000)]
    assert time.perf_counter() - start < 20  # about a second; minutes without the budget
    compared = sum(h.startswith("did you mean") for h in hints)
    assert 10 < compared < 1000
    assert set(hints[compared:]) == {"add it"}  # once spent, the budget stays spent
    assert spellings.suggest("persn 00000") == hints[0]


def test_long_names_are_not_compared() -> None:
    """Regression (#14 review): the budget counted comparisons, and one of two names of 20,000
    characters took a second."""
    spellings = Spellings("entity", unknown="add it", none_defined="none")
    for number in range(30):
        spellings.define(f"{number}" + "x" * 20_000, [], "entities.toml", lambda key: 1)
    start = time.perf_counter()
    hints = {spellings.suggest(f"{n}" + "y" * 20_000) for n in range(30)}
    assert time.perf_counter() - start < 5 and hints == {"add it"}
