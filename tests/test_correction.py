"""The least correction of a group of contradicting claims, against brute force: every subset of
the claims tried, the least-cost ones (articles first, then claims) kept."""

from __future__ import annotations

import time
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import correction, engine
from factcheck.constraints import Constraints, Source
from factcheck.correction import Outcome, correct, cost, groups
from factcheck.dates import DayInterval
from factcheck.engine import Checker
from factcheck.model import Article, Claim, Location
from factcheck.values import Point

HERE = Location("fixture.toml", 1)
POINTS = [Point("born", ("A",)), Point("met", ("A", "B")), Point("married", ("A", "B"))]


def _claim(article: str, number: int) -> Claim:
    return Claim(Article(article, HERE), f"c{number}", "A", "born", None, HERE)


# A claim: its article, the point it bounds, and its window (days 0..20); or an order between two
# points: (article, earlier, later, least days apart).
bounds = st.tuples(
    st.sampled_from("abcd"),
    st.integers(0, 2),
    st.integers(0, 20),
    st.integers(0, 8),
)
orders = st.tuples(st.sampled_from("abcd"), st.integers(0, 2), st.integers(0, 2), st.integers(0, 6))


def _constraints(bound_specs, order_specs) -> tuple[Constraints, list[Claim]]:
    out = Constraints()
    claims = []
    for number, (article, point, start, length) in enumerate(bound_specs):
        claim = _claim(article, number)
        claims.append(claim)
        out.add_interval(POINTS[point], DayInterval(start, start + length), Source("b", claim))
    for number, (article, earlier, later, days) in enumerate(order_specs, len(bound_specs)):
        if earlier == later:
            continue
        claim = _claim(article, number)
        claims.append(claim)
        out.add_order(POINTS[earlier], POINTS[later], days, None, Source("o", claim))
    return out, claims


def _brute_force(checker: Checker, group) -> tuple[set, set]:
    """The claims in every least correction, and those in some but not all; a correction costs
    its articles' corrections (one per article and event), then its claims."""
    claims = sorted(group.claims)
    least: list[frozenset] = []
    for size in range(len(claims) + 1):
        for chosen in combinations(claims, size):
            left_out = frozenset(chosen)
            if checker.conflict(group.component, left_out) is None:
                here, best = cost(left_out, group.unit), least and cost(least[0], group.unit)
                if not least or here < best:
                    least = [left_out]
                elif here == best:
                    least.append(left_out)
    decided = set(frozenset.intersection(*least))
    return decided, set(frozenset.union(*least)) - decided


def _outcomes(constraints: Constraints) -> list[tuple[Outcome, set, set]]:
    checker = Checker(constraints)
    return [(correct(g, checker), *_brute_force(checker, g)) for g in groups(checker)]


def _groups(constraints: Constraints) -> list:
    checker = Checker(constraints)
    return [(g, correct(g, checker)) for g in groups(checker)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(bounds.map(lambda b: (b[0], 0, b[2], b[3])), min_size=2, max_size=9))
def test_one_event_is_exact(specs) -> None:
    for outcome, decided, contested in _outcomes(_constraints(specs, [])[0]):
        assert outcome.exact
        assert set(outcome.decided) == decided
        assert set(outcome.contested) == contested


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(bounds, min_size=2, max_size=7), st.lists(orders, max_size=3))
def test_linked_events_are_exact(bound_specs, order_specs) -> None:
    constraints = _constraints(bound_specs, order_specs)[0]
    for outcome, decided, contested in _outcomes(constraints):
        assert outcome.exact
        assert set(outcome.decided) == decided
        assert set(outcome.contested) == contested
    for group, outcome in _groups(constraints):
        for key in outcome.decided:  # the least correction that keeps it costs more
            kept = outcome.keep[key]
            least = cost(outcome.least[0], group.unit)
            assert kept is None or cost(kept, group.unit) > least


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(bounds, min_size=2, max_size=7), st.lists(orders, max_size=3))
def test_above_the_exact_size_no_claim_the_exact_search_clears_is_named(
    bound_specs, order_specs
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(correction, "EXACT_CLAIMS", 0)
        for outcome, decided, _ in _outcomes(_constraints(bound_specs, order_specs)[0]):
            assert set(outcome.decided) <= decided
            assert outcome.decided or outcome.contested, "a contradiction is always reported"


def test_a_tie_names_every_least_correction() -> None:
    specs = [("a", 0, 0, 1), ("b", 0, 0, 1), ("c", 0, 5, 1), ("d", 0, 5, 1), ("e", 0, 0, 20)]
    constraints, claims = _constraints(specs, [])
    ((outcome, _, _),) = _outcomes(constraints)
    assert outcome.decided == frozenset()
    refs = {c.article.id: (c.article.id, c.id) for c in claims}
    assert outcome.contested == {refs["a"], refs["b"], refs["c"], refs["d"]}, "e fits both"
    assert sorted(sorted(k[0] for k in least) for least in outcome.least) == [
        ["a", "b"],
        ["c", "d"],
    ]


def test_a_large_event_is_swept_not_searched() -> None:
    specs = [(f"a{i}", 0, 0 if i % 3 else 50, 10) for i in range(3000)]
    out = Constraints()
    for number, (article, _, start, length) in enumerate(specs):
        claim = _claim(article, number)
        out.add_interval(POINTS[0], DayInterval(start, start + length), Source("b", claim))
    started = time.perf_counter()
    ((group,),) = [groups(Checker(out))]
    outcome = correct(group, Checker(out))
    assert time.perf_counter() - started < 5
    assert len(outcome.decided) == 1000 and not outcome.contested


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(bounds, min_size=2, max_size=7), st.lists(orders, max_size=3))
def test_through_the_warm_oracle_the_answers_are_the_same(bound_specs, order_specs) -> None:
    """Every group asked through the warm oracle that large groups get (see potentials.py),
    against brute force asked from scratch: exact, and above the exact size never naming a
    claim the exact search clears."""
    constraints = _constraints(bound_specs, order_specs)[0]
    plain = Checker(constraints)
    expected = [_brute_force(plain, group) for group in groups(plain)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "PLAIN_WORK", -1)
        warm = Checker(constraints)
        got = [correct(group, warm) for group in groups(warm)]
        patch.setattr(correction, "EXACT_CLAIMS", 0)
        above = Checker(constraints)
        conservative = [correct(group, above) for group in groups(above)]
    assert [(set(o.decided), set(o.contested)) for o in got] == expected
    for outcome, (decided, _) in zip(conservative, expected, strict=True):
        assert set(outcome.decided) <= decided
        assert outcome.decided or outcome.contested
