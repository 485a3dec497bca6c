"""The vocabulary as data: what it derives, how its rules link events, and the definitions it
refuses (a rule that can never match, order rules in a cycle)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.constraints import compile_readings
from factcheck.engine import Checker
from factcheck.entities import Names
from factcheck.inputs import Inputs
from factcheck.parallel import load
from factcheck.values import read
from factcheck.vocabulary import BUILTIN, EVERY, Event, Predicate, Rule, Vocabulary

ENTITIES = '[[entities]]\nname = "Ann"\naliases = []\n\n[[entities]]\nname = "Bob"\naliases = []\n'


def _with(*rules: Rule, predicates: dict[str, Predicate] | None = None) -> Vocabulary:
    return Vocabulary(BUILTIN.events, predicates or BUILTIN.predicates, (*BUILTIN.rules, *rules))


def _contradicting(root: Path, vocabulary: Vocabulary) -> list[str]:
    """The rule codes of the first proofs of each contradicting group."""
    corpus = load(Inputs.read([root]))
    readings = read(corpus, Names(corpus))
    checker = Checker(compile_readings(readings.readings, vocabulary=vocabulary))
    return sorted(
        source.rule.code
        for _, conflict in checker.contradicting()
        for source in conflict.sources
        if source.rule is not None
    )


def test_the_built_in_vocabulary_has_no_problem() -> None:
    assert BUILTIN.problems() == []


def test_every_event_but_the_other_side_is_spelled_out() -> None:
    born_first = BUILTIN.rules_by_code["FC205"]
    assert ("born", "died") in BUILTIN.pairs(born_first)
    assert all(
        earlier == "born" and later != "published" for earlier, later in BUILTIN.pairs(born_first)
    )
    death_last = BUILTIN.rules_by_code["FC208"]
    assert {earlier for earlier, _ in BUILTIN.pairs(death_last)} >= {"met", "married", "born"}


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (Rule("X1", "x", "error", "d", "order", ("met",), ("wed",)), "event 'wed' is unknown"),
        (Rule("X2", "x", "error", "d", "order", ("met",), ()), "needs earlier and later"),
        (Rule("X3", "x", "error", "d", "gap", ("born",), ("married",)), "needs least or most"),
        (
            Rule("X4", "x", "error", "d", "alive", (), ("died",), ("born",)),
            "'born' is not a predicate of years",
        ),
        (
            Rule("X5", "x", "error", "d", "order", ("published",), ("died",)),
            "event 'published' is unknown or no predicate dates it",
        ),
    ],
)
def test_a_rule_that_can_never_match_is_a_problem(rule: Rule, message: str) -> None:
    (problem,) = _with(rule).problems()
    assert problem[0] == f"rule {rule.code}" and message in problem[1]


def test_order_rules_in_a_cycle_are_a_problem() -> None:
    back = Rule("X6", "x", "error", "d", "order", ("divorced",), ("met",))
    (problem,) = _with(back).problems()
    assert problem[0] == "rule X6"
    assert problem[1].startswith("order rules FC203, FC206, FC207, X6 form a cycle: ")
    assert "divorced -> met" in problem[1] and problem[2]
    # Every event on either side is no cycle: "born before everything", "everything before
    # death" hold together.
    assert _with(Rule("X7", "x", "error", "d", "order", (EVERY,), ("died",))).problems() == []


@pytest.mark.parametrize(
    ("earlier", "later", "through"),
    [
        ((EVERY,), (EVERY,), "form a cycle"),  # everything before everything else
        (("died",), ("born",), "X9 form a cycle: born -> died -> born"),  # with born-first
    ],
)
def test_a_cycle_through_every_event_is_a_problem(
    earlier: tuple[str, ...], later: tuple[str, ...], through: str
) -> None:
    rule = Rule("X9", "x", "error", "d", "order", earlier, later)
    (problem,) = _with(rule).problems()
    assert problem[0] == "rule X9" and through in problem[1]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (Rule("Y1", "y", "error", "d", "gap", ("born",), ("born",), least=12), "same event"),
        (Rule("Y2", "y", "error", "d", "alive", (), ("died",)), "needs predicates"),
        (Rule("Y3", "y", "error", "d", "alive", (), ("married",), ("age",)), "one person"),
    ],
)
def test_a_rule_that_never_matches_is_a_problem(rule: Rule, message: str) -> None:
    (problem,) = _with(rule).problems()
    assert problem[0] == f"rule {rule.code}" and message in problem[1] and problem[2]


def test_an_event_no_predicate_dates_is_a_problem() -> None:
    vocabulary = BUILTIN.extended([Event("retired", "retirement", "retired", "person", 7)], [], [])
    (problem,) = vocabulary.problems()
    assert problem[0] == "event retired" and "no predicate dates it" in problem[1]


def test_a_couples_event_needs_a_relation() -> None:
    predicates = dict(BUILTIN.predicates)
    predicates["married"] = replace(predicates["married"], relation=False)
    (problem,) = _with(predicates=predicates).problems()
    assert problem == ("predicate married", "a couple's event takes a relation", "")


def test_a_gap_rule_bounds_the_years_between_events_of_the_same_people(tmp_path: Path) -> None:
    (tmp_path / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "a.toml").write_text(
        '[article]\nid = "a"\npublished = 2020-01-01\n\n[[claims]]\nid = "born"\n'
        'subject = "Ann"\npredicate = "born"\nvalue = 2000-05-01\n\n[[claims]]\nid = "wed"\n'
        'subject = "Ann"\npredicate = "married"\nobject = "Bob"\nvalue = "2016"\n',
        encoding="utf-8",
    )
    adult = Rule(
        "X8",
        "married-as-an-adult",
        "error",
        "People marry at least 18 years after their birth.",
        "gap",
        ("born",),
        ("married",),
        least=18,
    )
    assert _contradicting(tmp_path, BUILTIN) == []
    assert _contradicting(tmp_path, _with(adult)) == ["X8"]
    # At most 15 years: married by May 2015, not in 2016; at most 20: any day of 2016 does.
    assert _contradicting(tmp_path, _with(replace(adult, least=None, most=15))) == ["X8"]
    assert _contradicting(tmp_path, _with(replace(adult, least=None, most=20))) == []


def test_an_undated_articles_window_ends_at_the_death_of_someone_it_gives_an_age(
    tmp_path: Path,
) -> None:
    from factcheck.check import check
    from factcheck.config import Settings

    (tmp_path / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "a.toml").write_text(
        '[article]\nid = "a"\npublished = 2020-01-01\n\n[[claims]]\nid = "born"\n'
        'subject = "Ann"\npredicate = "born"\nvalue = 1950-05-01\n\n[[claims]]\nid = "died"\n'
        'subject = "Ann"\npredicate = "died"\nvalue = 2014-08-01\n',
        encoding="utf-8",
    )
    (tmp_path / "u.toml").write_text(
        '[article]\nid = "u"\n\n[[claims]]\nid = "age"\nsubject = "Ann"\npredicate = "age"\n'
        "value = 64\n",
        encoding="utf-8",
    )
    (finding,) = check([tmp_path], Settings(cache=False)).findings
    # 64 from 2014-05-01; alive (FC209) until 2014-08-01, not to the end of her 65th year.
    assert finding.rule.code == "FC301"
    assert "between 2014-05-01 and 2014-08-01" in finding.message
