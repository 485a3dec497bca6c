"""Resolve the names in claims to canonical entities, through names and aliases.

Matching is exact after trimming and case folding: no fuzzy matching, so a typo is an error with
a suggestion rather than a silent guess.
"""

from __future__ import annotations

from factcheck.model import Corpus
from factcheck.problems import Problem, closest_match


def fold(name: str) -> str:
    return " ".join(name.split()).casefold()


class Names:
    """Folded names and aliases mapped to canonical entity names."""

    def __init__(self, corpus: Corpus) -> None:
        self.index: dict[str, str] = {}
        self.spelled: dict[str, str] = {}
        self.problems: list[Problem] = []
        owners: dict[str, str] = {}
        for entity in corpus.entities:
            for spelling in (entity.name, *entity.aliases):
                key = fold(spelling)
                where = entity.location.path, entity.line_of(spelling)
                if not key:
                    self.problems.append(Problem(*where, "an empty alias", "remove it"))
                    continue
                owner = self.index.setdefault(key, entity.name)
                if owner != entity.name:
                    message = f"{spelling!r} names both {owner!r} and {entity.name!r}"
                    hint = f"first at {owners[key]}; a name or alias must name one entity"
                    self.problems.append(Problem(*where, message, hint))
                owners.setdefault(key, f"{where[0]}:{where[1]}")
                self.spelled.setdefault(key, spelling)

    def resolve(self, name: str) -> str | None:
        return self.index.get(fold(name))

    def suggest(self, name: str) -> str:
        match = closest_match(fold(name), self.index)
        if match:
            return f"did you mean {self.spelled[match]!r}?"
        if not self.index:
            return "no [[entities]] are defined: add them, e.g. in claims/entities.toml"
        return "add it to [[entities]] as a name or alias"
