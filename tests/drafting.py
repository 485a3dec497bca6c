"""Helpers for the extract tests: an entity file written to a temporary folder, and what the
claims drafted from a short text say."""

from __future__ import annotations

from pathlib import Path

from factcheck.dates import parse_date
from factcheck.extract import entity_names
from factcheck.extract.cast import Cast
from factcheck.extract.draft import DraftClaim, extract


def cast_of(folder: Path, entities: str) -> Cast:
    path = folder / "entities.toml"
    path.write_text(entities, encoding="utf-8")
    return entity_names(path)


def drafted(text: str, cast: Cast, published: str | None = "2023-06-07") -> list[DraftClaim]:
    found = extract(text, cast, parse_date(published) if published else None)
    for claim in found.claims:  # every quote is the text's own words
        assert text[claim.start : claim.end] == claim.quote
    return found.claims


def facts(claims: list[DraftClaim]) -> set[tuple]:
    """(subject, predicate, object, value) of each claim; a dict value as sorted items."""
    out = set()
    for c in claims:
        value = tuple(sorted(c.value.items())) if isinstance(c.value, dict) else c.value
        out.add((c.subject, c.predicate, c.object, value))
    return out
