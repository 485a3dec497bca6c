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

from factcheck.model import Corpus
from factcheck.problems import Problem
from factcheck.spellings import Spellings, fold

Relation = Literal["same", "within", "contains", "apart", "unknown"]
HINT = "add it to [[places]] in an entity file, with the place that contains it as within"


@dataclass(frozen=True, slots=True)
class Named:
    """A place as a claim names it: its parts as written, most precise first; the known place
    its first part is (None when no [[places]] entry fits what the claim says of it), and the
    known places that contain it, innermost first."""

    written: tuple[str, ...]
    place: str | None
    outer: tuple[str, ...]
    shadowed: bool  # its first part names a known place that the claim puts elsewhere
    unknown: tuple[str, ...]  # its parts that no known place stands for

    @property
    def first(self) -> str:
        return self.written[0]

    def __str__(self) -> str:
        return ", ".join(self.written)


class Places(Spellings):
    """The known places, by folded name and alias, and the place each is within."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__("place", unknown=HINT, none_defined=HINT)
        self.within: dict[str, str] = {}
        for place in corpus.places:
            self.define(place.name, place.aliases, place.location.path, place.line_of)
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
        """The place ``value`` names. Its first part is the known place of that name only if
        every later part is a known place that contains it: "Paris, Texas" is not the Paris
        within France, nor a place factcheck knows; "Haifa, Israel" is a place within Israel."""
        parts = tuple(part.strip() for part in value.split(",") if part.strip())
        known = [self.resolve(part) for part in parts]
        anchor = next(
            (
                i
                for i, place in enumerate(known)
                if place is not None and all(k in self.chain(place) for k in known[i + 1 :])
            ),
            None,
        )
        outer = () if anchor is None else tuple(self.chain(known[anchor] or ""))
        place = known[0] if anchor == 0 else None
        shadowed = known[0] is not None and anchor != 0
        return Named(
            parts, place, outer, shadowed, parts[: len(parts) if anchor is None else anchor]
        )

    def relate(self, one: Named, other: Named) -> Relation:
        """How the place one claim names relates to another's."""
        a, b = one.place, other.place
        if a is not None and b is not None:
            if a == b:
                return "same"
            if b in self.chain(a):
                return "within"
            return "contains" if a in self.chain(b) else "apart"
        apart = bool(one.outer and other.outer and self._apart(one.outer[0], other.outer[0]))
        if not (one.shadowed or other.shadowed) and fold(one.first) == fold(other.first):
            return "apart" if apart else "same"  # "Haifa, Israel" is not "Haifa, France"
        if b is not None and b in one.outer:
            return "within"  # "Tel Aviv, Israel" is within "Israel"
        if a is not None and a in other.outer:
            return "contains"
        return "apart" if apart else "unknown"  # within places that are apart, or not known

    def _apart(self, a: str, b: str) -> bool:
        return a not in self.chain(b) and b not in self.chain(a)
