"""Spellings: names and aliases, folded, each mapped to the one thing it names (an entity, a
place); and for a name that maps to nothing, the closest spelling as a hint.

Matching is exact after trimming and case folding: no fuzzy matching, so a typo is an error with
a suggestion rather than a silent guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.problems import Problem, closest_match

# Characters compared for "did you mean" in one run, about a second: a comparison costs in
# proportion to the two names, and thousands of typos against thousands of names would take
# minutes. No name of a person or place is longer than LONGEST: a longer one is not compared.
SUGGESTION_BUDGET = 2_000_000
LONGEST = 100


def fold(name: str) -> str:
    return " ".join(name.split()).casefold()


class Spellings:
    """Folded names and aliases mapped to canonical names, with the problems found on the way:
    a canonical name defined twice, a spelling that names two things, an empty alias."""

    def __init__(self, noun: str, unknown: str, none_defined: str) -> None:
        self.noun = noun  # what is named: "entity", "place"
        self.unknown = unknown  # the hint for a name with no close spelling
        self.none_defined = none_defined  # the hint when nothing is defined at all
        self.index: dict[str, str] = {}
        self.spelled: dict[str, str] = {}  # each folded spelling, as first written
        self.problems: list[Problem] = []
        self._first: dict[str, str] = {}  # each folded spelling: where it is first given
        self._canonical: set[str] = set()  # folded canonical names
        self._suggested: dict[str, str] = {}
        self._budget = SUGGESTION_BUDGET
        self._candidates: list[str] | None = None  # the spellings short enough to suggest

    def define(
        self, name: str, aliases: Iterable[str], path: str, line_of: Callable[[str], int]
    ) -> None:
        """Add one entry: its canonical ``name`` and ``aliases``, given in ``path`` at the lines
        ``line_of("name")`` and ``line_of("aliases")``."""
        spellings = [(name, line_of("name"))]
        if fold(name) in self._canonical:
            where = self._first.get(fold(name), "")
            message = f"{self.noun} {name!r} is defined twice"
            hint = f"first at {where}; a canonical name is unique: merge the two entries"
            self.problems.append(Problem(path, line_of("name"), message, hint))
            spellings = []  # its name would only be named twice again
        self._canonical.add(fold(name))
        # An alias that repeats the name adds nothing: not a second definition.
        spellings += [(a, line_of("aliases")) for a in aliases if fold(a) != fold(name)]
        for spelling, line in spellings:
            self._add(spelling, name, path, line)

    def _add(self, spelling: str, name: str, path: str, line: int) -> None:
        key = fold(spelling)
        if not key:
            self.problems.append(Problem(path, line, "an empty alias", "remove it"))
            return
        owner = self.index.setdefault(key, name)
        if owner != name:
            message = f"{spelling!r} names both {owner!r} and {name!r}"
            hint = f"first at {self._first[key]}; a name or alias must name one {self.noun}"
            self.problems.append(Problem(path, line, message, hint))
        self._first.setdefault(key, f"{path}:{line}")
        self.spelled.setdefault(key, spelling)

    def resolve(self, name: str) -> str | None:
        return self.index.get(fold(name))

    def suggest(self, name: str) -> str:
        """A hint for a name that resolves to nothing: the closest spelling, looked for once per
        name while the run's budget for comparing names lasts."""
        key = fold(name)
        if key not in self._suggested:
            self._suggested[key] = self._closest(key)
        return self._suggested[key]

    def _closest(self, key: str) -> str:
        if not self.index:
            return self.none_defined
        if self._candidates is None:
            self._candidates = [k for k in self.index if len(k) <= LONGEST]
        candidates = self._candidates
        self._budget -= len(key) * len(candidates) + sum(map(len, candidates))
        if len(key) > LONGEST or self._budget < 0:
            return self.unknown
        if match := closest_match(key, candidates):
            return f"did you mean {self.spelled[match]!r}?"
        return self.unknown
