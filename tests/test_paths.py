"""The distance graph's algorithms against plain Bellman-Ford on random graphs: shortest paths
replayed only where a length fell give the same lengths and the same paths; the negative-cycle
search and the warm oracle find a contradiction exactly when there is one, and what they give
is one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import paths, potentials
from factcheck.constraints import Source
from factcheck.cycles import negative_cycle, search
from factcheck.paths import Step, shortest, trails
from factcheck.potentials import Warm

NAMES = ["a", "b", "c", "d", "e", "f"]
SOURCES = [Source(f"s{i}", key=("x", f"{i:02d}")) for i in range(7)]

arcs = st.lists(
    st.tuples(
        st.sampled_from([None, *NAMES]),
        st.sampled_from([None, *NAMES]),
        st.integers(min_value=-30, max_value=60),
        st.integers(min_value=0, max_value=len(SOURCES) - 1),
    ).filter(lambda arc: arc[0] != arc[1]),
    max_size=24,
)


def _steps(drawn: list[tuple]) -> list[Step]:
    return [Step(src, dst, weight, SOURCES[source]) for src, dst, weight, source in drawn]


def _plain_shortest(nodes: list, steps: list[Step], backwards: bool) -> tuple[dict, dict]:
    """Bellman-Ford's full passes, as factcheck made them before (the reference)."""
    if backwards:
        arcs = [(s.dst, s.src, s.weight, s.source) for s in steps]
    else:
        arcs = [(s.src, s.dst, s.weight, s.source) for s in steps]
    dist: dict = {None: 0}
    pred: dict = {}
    for _ in range(len(nodes)):
        changed = False
        for src, dst, weight, source in arcs:
            if src in dist and dist[src] + weight < dist.get(dst, 1 << 62):
                dist[dst] = dist[src] + weight
                pred[dst] = (src, source)
                changed = True
        if not changed:
            break
    return dist, pred


@contextmanager
def _replayed() -> Iterator[None]:
    """Small graphs get plain passes: these are small, and the searches are what is tested."""
    kept = paths.SMALL
    paths.SMALL = 0
    try:
        yield
    finally:
        paths.SMALL = kept


def _has_negative_cycle(nodes: list, steps: list[Step]) -> bool:
    dist = dict.fromkeys(nodes, 0)
    for _ in range(len(nodes) + 1):
        changed = False
        for step in steps:
            if dist[step.src] + step.weight < dist[step.dst]:
                dist[step.dst] = dist[step.src] + step.weight
                changed = True
        if not changed:
            return False
    return True


def _is_negative_cycle(cycle: list[Step], allowed: list[Step]) -> bool:
    joined = all(cycle[i].dst == cycle[(i + 1) % len(cycle)].src for i in range(len(cycle)))
    return joined and sum(s.weight for s in cycle) < 0 and all(s in allowed for s in cycle)


@settings(max_examples=300, deadline=None)
@given(arcs)
def test_shortest_paths_are_those_of_full_passes(drawn: list[tuple]) -> None:
    with _replayed():
        _shortest_paths_as_full_passes(drawn)


def _shortest_paths_as_full_passes(drawn: list[tuple]) -> None:
    steps = _steps(drawn)
    nodes = [None, *NAMES]
    if _has_negative_cycle(nodes, steps):
        return
    for backwards in (False, True):
        assert shortest(nodes, steps, backwards) == _plain_shortest(nodes, steps, backwards)
        _, pred = shortest(nodes, steps, backwards)
        for name, trail in trails(NAMES, pred).items():
            walked, node = [], name
            while node is not None and node in pred:
                node, source = pred[node]
                walked.append(source)
            assert trail.sources() == tuple(dict.fromkeys(reversed(walked)))


@settings(max_examples=300, deadline=None)
@given(arcs)
def test_a_negative_cycle_is_found_exactly_when_there_is_one(drawn: list[tuple]) -> None:
    steps = _steps(drawn)
    nodes = [None, *NAMES]
    found, _, lengths = search(nodes, steps)
    assert found == _has_negative_cycle(nodes, steps)
    with _replayed():
        cycle = negative_cycle(nodes, steps)
    assert (cycle is not None) == found
    assert negative_cycle(nodes, steps) == cycle  # plain passes, as on any small graph
    if cycle is None:  # the lengths are a day for each point that every step allows
        assert all(lengths[s.dst] <= lengths[s.src] + s.weight for s in steps)
    else:
        assert _is_negative_cycle(cycle, steps)


@settings(max_examples=400, deadline=None)
@given(
    arcs,
    st.lists(st.sets(st.integers(min_value=0, max_value=len(SOURCES) - 1)), max_size=8),
    st.sampled_from([0, 1, 3, potentials.PROBE]),
)
def test_the_warm_oracle_answers_each_question_as_from_scratch(
    drawn: list[tuple], questions: list[set[int]], probe: int
) -> None:
    """Asked in turn about sets of claims left out, as the least correction asks; with short
    probes too, so that the full search is what finds the cycles."""
    kept = potentials.PROBE
    potentials.PROBE = probe
    try:
        _ask_in_turn(drawn, questions)
    finally:
        potentials.PROBE = kept


def _ask_in_turn(drawn: list[tuple], questions: list[set[int]]) -> None:
    steps = _steps(drawn)
    nodes = [None, *NAMES]
    claims: dict = {None: []}
    for step in steps:
        claims.setdefault(step.source.claim_key, []).append(step)
    warm = Warm(nodes, claims)
    for question in [set(), *questions]:
        left_out = frozenset(SOURCES[i].claim_key for i in question)
        live = [s for s in steps if s.source.claim_key not in left_out]
        cycle = warm.cycle(left_out)
        assert (cycle is not None) == _has_negative_cycle(nodes, live)
        if cycle is not None:
            assert _is_negative_cycle(cycle, live)


def test_a_claim_that_cannot_join_leaves_none_of_its_steps_behind() -> None:
    """Its first step fits, its second closes a cycle: neither stays, so once it is left out
    no cycle can pass through the first."""
    # Keys in the order the oracle puts claims in: the last comes first.
    fits, late, loops = (Source(t, key=("x", t)) for t in ("z-fits", "y-late", "a-loops"))
    first, second = Step("b", "c", 0, loops), Step("c", "a", -20, loops)
    claims: dict = {
        None: [],
        fits.claim_key: [Step("a", "b", 10, fits)],
        loops.claim_key: [first, second],
        late.claim_key: [Step("c", "b", -1, late)],
    }
    warm = Warm([None, "a", "b", "c"], claims)
    assert warm.cycle(frozenset({late.claim_key})) is not None
    assert warm.cycle(frozenset({loops.claim_key})) is None
