"""Places: [[places]] in entity files, the problems of their definitions, and how two places
that claims name relate."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.inputs import Inputs
from factcheck.parallel import load
from factcheck.places import Places

PLACES = """\
[[places]]
name = "Israel"

[[places]]
name = "Jerusalem"
aliases = ["Yerushalayim"]
within = "Israel"

[[places]]
name = "Tel Aviv"
within = "Israel"

[[places]]
name = "France"

[[places]]
name = "Paris"
within = "France"
"""


def _places(tmp_path: Path, text: str) -> Places:
    (tmp_path / "entities.toml").write_text(text, encoding="utf-8")
    return Places(load(Inputs.read([tmp_path])))


@pytest.mark.parametrize(
    ("one", "other", "relation"),
    [
        ("Jerusalem", "Yerushalayim", "same"),
        ("Jerusalem", "Israel", "within"),
        ("Israel", "Jerusalem", "contains"),
        ("Jerusalem", "Tel Aviv", "apart"),
        ("Jerusalem", "Paris", "apart"),
        ("Haifa, Israel", "Israel", "within"),  # the claim says where its first part is
        ("Haifa, Israel", "Paris", "apart"),  # within places that are apart
        ("Haifa, Israel", "Jerusalem", "unknown"),  # Haifa is in no [[places]]
        ("Haifa", "Jerusalem", "unknown"),
        ("haifa", "Haifa", "same"),
        ("Haifa, Israel", "Haifa, France", "apart"),  # one name, two places
        ("Paris, Texas", "Paris", "unknown"),  # not the Paris within France
        ("Jerusalem, France", "Israel", "apart"),  # the claim puts it in France
        ("Jerusalem, France", "France", "within"),
    ],
)
def test_how_two_named_places_relate(tmp_path: Path, one: str, other: str, relation: str) -> None:
    places = _places(tmp_path, PLACES)
    assert places.problems == []
    assert places.relate(places.named(one), places.named(other)) == relation


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[[places]]\nname = "Haifa"\nwithin = "Isreal"\n', "unknown place 'Isreal' in within"),
        ('[[places]]\nname = "Haifa"\nwithin = "Haifa"\n', "'Haifa' is within itself"),
        (
            '[[places]]\nname = "A"\nwithin = "B"\n\n[[places]]\nname = "B"\nwithin = "A"\n',
            "places within each other in a loop: A within B within A",
        ),
        ('[[places]]\nname = "Paris"\n', "place 'Paris' is defined twice"),
        (
            '[[places]]\nname = "Lutetia"\naliases = ["Paris"]\n',
            "'Paris' names both 'Paris' and 'Lutetia'",
        ),
    ],
)
def test_bad_places_are_problems_at_their_line(tmp_path: Path, extra: str, message: str) -> None:
    places = _places(tmp_path, PLACES + "\n" + extra)
    assert any(message in p.message for p in places.problems), places.problems
    assert all(p.line > PLACES.count("\n") for p in places.problems)
