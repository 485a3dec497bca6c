"""Names and aliases resolve to one entity each; an entity is defined once."""

from __future__ import annotations

from test_loader import VALID, run_bad


def test_an_entity_defined_twice_is_a_problem_at_the_second(corpus, cli) -> None:
    """Regression (#14): the format says a canonical name is unique; a second entry, in any
    case, was accepted."""
    entities = '[[entities]]\nname = "Aleph"\n\n[[entities]]\nname = " aleph"\naliases = ["A"]\n'
    root = corpus({"a.toml": VALID}, entities=entities)
    assert run_bad(cli, str(root)) == [
        f"{root / 'entities.toml'}:5: entity ' aleph' is defined twice (first at "
        f"{root / 'entities.toml'}:2; a canonical name is unique: merge the two entries)"
    ]
