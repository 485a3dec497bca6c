"""Places: the [[places]] of entity files, each with its names and the place that contains it,
and how two places that claims name relate.

```toml
[[places]]
name = "Jerusalem"
aliases = ["Yerushalayim"]
within = "Israel"        # the place that contains it (a name or alias of another place)
```

A claim names a place as people write it: "Jerusalem", or "Jerusalem, Israel" (the most precise
part first, each part within the next, so that the claim says where its own first part is).
Two places agree when they are the same or one contains the other ("Jerusalem" and "Israel");
they are apart when both are known and neither contains the other ("Jerusalem" and "Tel Aviv"),
or when places known to hold them are apart; otherwise factcheck cannot relate them (a place
nobody defined), which is worth a warning, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from factcheck.entities import fold
from factcheck.model import Corpus
from factcheck.problems import Problem, closest_match

Relation = Literal["same", "within", "contains", "apart", "unknown"]
HINT = "add it to [[places]] in an entity file, with the place that contains it as within"


@dataclass(frozen=True, slots=True)
class Named:
    """A place as a claim names it: its parts as written, most precise first, and the known
    place each resolves to (None for a place no [[places]] defines)."""

    written: tuple[str, ...]
    known: tuple[str | None, ...]

    @property
    def first(self) -> str:
        return self.written[0]

    def __str__(self) -> str:
        return ", ".join(self.written)


class Places:
    """The known places, by folded name and alias, and the place each is within."""

    def __init__(self, corpus: Corpus) -> None:
        self.index: dict[str, str] = {}
        self.spelled: dict[str, str] = {}
        self.within: dict[str, str] = {}
        self.problems: list[Problem] = []
        first: dict[str, str] = {}  # each place's name: where it is first defined
        for place in corpus.places:
            for spelling in (place.name, *place.aliases):
                key = fold(spelling)
                where = (
                    place.location.path,
                    place.line_of("name" if spelling == place.name else "aliases"),
                )
                if not key:
                    self.problems.append(Problem(*where, "an empty alias", "remove it"))
                    continue
                owner = self.index.setdefault(key, place.name)
                if key in first and spelling == place.name:
                    message = f"place {place.name!r} is defined twice"
                    self.problems.append(Problem(*where, message, f"first at {first[key]}"))
                    continue
                first.setdefault(key, f"{where[0]}:{where[1]}")
                if owner != place.name:
                    message = f"{spelling!r} names both places {owner!r} and {place.name!r}"
                    self.problems.append(Problem(*where, message, "a name must name one place"))
                self.spelled.setdefault(key, spelling)
        for place in corpus.places:
            if place.within is None:
                continue
            where = place.location.path, place.line_of("within")
            parent = self.resolve(place.within)
            if parent is None:
                hint = self.suggest(place.within)
                self.problems.append(
                    Problem(*where, f"unknown place {place.within!r} in within", hint)
                )
            elif parent == self.resolve(place.name):
                self.problems.append(
                    Problem(*where, f"{place.name!r} is within itself", "remove within")
                )
            else:
                self.within[place.name] = parent
        for place in corpus.places:
            loop = self._loop(place.name)
            if loop and loop[0] == place.name:
                where = place.location.path, place.line_of("within")
                message = "places within each other in a loop: " + " within ".join(loop)
                self.problems.append(
                    Problem(*where, message, "a place cannot contain what contains it")
                )
        if self.problems:
            self.within = {}

    def resolve(self, name: str) -> str | None:
        return self.index.get(fold(name))

    def suggest(self, name: str) -> str:
        match = closest_match(fold(name), self.index)
        return f"did you mean {self.spelled[match]!r}?" if match else HINT

    def _loop(self, name: str) -> list[str]:
        path = [name]
        while (parent := self.within.get(path[-1])) is not None:
            if parent in path:
                return [*path[path.index(parent) :], parent]
            path.append(parent)
        return []

    def chain(self, name: str) -> list[str]:
        """The place and each place that contains it, outwards."""
        found = [name]
        while (parent := self.within.get(found[-1])) is not None and parent not in found:
            found.append(parent)
        return found

    def named(self, value: str) -> Named:
        parts = tuple(part.strip() for part in value.split(",") if part.strip())
        return Named(parts, tuple(self.resolve(part) for part in parts))

    def relate(self, one: Named, other: Named) -> Relation:
        """How the place one claim names relates to another's."""
        if fold(one.first) == fold(other.first):
            return "same"
        a, b = one.known[0], other.known[0]
        if a is not None and b is not None:
            if a == b:
                return "same"
            if b in self.chain(a):
                return "within"
            return "contains" if a in self.chain(b) else "apart"
        outer_a, outer_b = self._outer(one), self._outer(other)
        if b is not None and b in outer_a:
            return "within"  # "Tel Aviv, Israel" is within "Israel"
        if a is not None and a in outer_b:
            return "contains"
        if outer_a and outer_b and self._apart(outer_a[0], outer_b[0]):
            return "apart"  # within places that are apart
        return "unknown"

    def _outer(self, named: Named) -> list[str]:
        """The known places the named place is within, innermost first."""
        first = next((k for k in named.known if k is not None), None)
        return [] if first is None else self.chain(first)

    def _apart(self, a: str, b: str) -> bool:
        return a not in self.chain(b) and b not in self.chain(a)

    def unknown(self, named: Named) -> list[str]:
        return [w for w, k in zip(named.written, named.known, strict=True) if k is None]
