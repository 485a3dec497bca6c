"""Resolve the names in claims to canonical entities, through names and aliases.

Matching is exact after trimming and case folding (see :mod:`factcheck.spellings`).
"""

from __future__ import annotations

from factcheck.model import Corpus
from factcheck.spellings import Spellings


class Names(Spellings):
    """The entities' names and aliases, folded, mapped to their canonical names."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__(
            "entity",
            unknown="add it to [[entities]] as a name or alias",
            none_defined="no [[entities]] are defined: add them, e.g. in claims/entities.toml",
        )
        for entity in corpus.entities:
            self.define(entity.name, entity.aliases, entity.location.path, entity.line_of)
