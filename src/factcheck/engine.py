"""Solve the constraints as a Simple Temporal Problem (Dechter, Meiri and Pearl, 1991).

Time points are nodes of a distance graph; ``dst - src <= w`` is an edge of weight ``w``; a bound
on a single point is an edge to or from the calendar's origin. The constraints are consistent
exactly when the graph has no negative cycle, and a negative cycle is a minimal proof of a
contradiction: its constraints cannot all hold, and any one of them dropped leaves a path.

Points linked by no edge are solved apart. Two uses:

- :class:`Checker` answers, for any set of claims left out, whether the rest of a group of linked
  points can all hold, and if not gives a proof: the oracle of the least correction (see
  :mod:`factcheck.correction`), which decides what a run reports;
- :func:`solve` gives windows once the claims set aside are left out (dating an article, a
  person's timeline): on each point one sweep finds the largest group of claims that agree and
  retracts the others; then the claims of each negative cycle through several points are
  retracted, using only the tightest remaining bound on each side of a point, until what is
  left holds.

Negative cycles are found by :mod:`factcheck.cycles`, windows by :mod:`factcheck.propagation`;
both take time that follows the graph (a chain of ``after`` claims is linear), not its size
squared.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass

from factcheck.constraints import Bound, Constraints, Edge, Gap, Source
from factcheck.cycles import PLAIN_WORK, negative_cycle
from factcheck.dates import Span
from factcheck.model import ClaimKey, quick_pickle
from factcheck.outliers import outliers
from factcheck.paths import Conflict, Step, connected
from factcheck.potentials import Warm
from factcheck.propagation import Propagation, propagate
from factcheck.values import Point


@quick_pickle
@dataclass(frozen=True, slots=True)
class Window:
    """The days a point can take given every constraint that was not retracted."""

    point: Point
    lo: int | None
    hi: int | None
    lo_by: tuple[Source, ...]
    hi_by: tuple[Source, ...]


@dataclass(slots=True)
class Component:
    points: list[Point]
    edges: list[Edge]
    gaps: list[Gap]
    # The last propagation, made after the last retraction: the windows, asked for next.
    settled: Propagation | None = None
    # The gaps of each two events whose spans, all together, count whole months no calendar
    # can count (the only ones spans_apart need look at), with their places among the gaps.
    span_pairs: list[list[tuple[int, Gap]]] | None = None


@dataclass(slots=True)
class Solution:
    conflicts: list[Conflict]
    windows: dict[Point, Window]


class _Bounds:
    """The bounds on one point, tightest first; a left-out claim's are skipped, not removed, so
    that the same bounds answer for any set of claims left out."""

    def __init__(self) -> None:
        self.lower: list[Bound] = []
        self.upper: list[Bound] = []
        self.ordered = True

    def add(self, bound: Bound) -> None:
        (self.upper if bound.upper else self.lower).append(bound)
        self.ordered = False

    def _order(self) -> None:
        self.lower.sort(key=lambda b: (-b.day, b.source.order))
        self.upper.sort(key=lambda b: (b.day, b.source.order))
        self.ordered = True

    def live(self, retracted: Set[ClaimKey | None]) -> list[Bound]:
        return [b for b in (*self.lower, *self.upper) if b.source.claim_key not in retracted]

    def tightest(self, retracted: Set[ClaimKey | None]) -> tuple[Bound | None, Bound | None]:
        if not self.ordered:
            self._order()
        lower = next((b for b in self.lower if b.source.claim_key not in retracted), None)
        upper = next((b for b in self.upper if b.source.claim_key not in retracted), None)
        return lower, upper


class _Solver:
    def __init__(self, constraints: Constraints, set_aside: Iterable[ClaimKey]) -> None:
        self.points = sorted(constraints.points)
        self.bounds = {p: _Bounds() for p in self.points}
        for bound in constraints.bounds:
            self.bounds[bound.point].add(bound)
        self.edges = sorted(
            constraints.edges, key=lambda e: (e.src, e.dst, e.weight, e.source.order)
        )
        self.retracted: set[ClaimKey | None] = set(set_aside)
        self.conflicts: list[Conflict] = []

    def live(self, source: Source) -> bool:
        return source.claim_key is None or source.claim_key not in self.retracted

    def retract(self, conflict: Conflict) -> None:
        self.conflicts.append(conflict)
        for source in conflict.sources:
            if source.claim_key is not None:
                self.retracted.add(source.claim_key)

    def components(self, gaps: list[Gap]) -> list[Component]:
        """Points linked by edges, solved apart from all others."""
        group = connected(self.points, ((e.src, e.dst) for e in self.edges))
        found = [Component([], [], []) for _ in range(len(set(group.values())))]
        for point in self.points:
            found[group[point]].points.append(point)
        for edge in self.edges:
            found[group[edge.src]].edges.append(edge)
        for gap in sorted(gaps, key=lambda g: (g.earlier, g.later, g.source.order)):
            found[group[gap.earlier]].gaps.append(gap)
        return found

    def clash_on_points(self, points: list[Point]) -> None:
        for point in points:
            for conflict in outliers(point, self.bounds[point].live(self.retracted)):
                self.conflicts.append(conflict)
                assert conflict.suspect is not None
                self.retracted.add(conflict.suspect.claim_key)

    def steps(self, points: list[Point], edges: list[Edge]) -> list[Step]:
        steps = []
        for point in points:
            lo, hi = self.bounds[point].tightest(self.retracted)
            if hi is not None:
                steps.append(Step(None, point, hi.day, hi.source))
            if lo is not None:
                steps.append(Step(point, None, -lo.day, lo.source))
        steps.extend(Step(e.src, e.dst, e.weight, e.source) for e in edges if self.live(e.source))
        return steps

    def solve_component(self, component: Component) -> None:
        self.clash_on_points(component.points)
        while component.edges:
            conflict, propagation = self.linked_conflict(component)
            if conflict is None:
                component.settled = propagation
                return
            if all(source.claim_key is None for source in conflict.sources):
                # Rules alone contradict, which the vocabulary's checks refuse: retracting no
                # claim would loop for ever, so it is a bug to report, not a hang.
                raise RuntimeError(f"rules alone contradict each other: {conflict.sources}")
            self.retract(conflict)

    def first_conflict(self, component: Component) -> Conflict | None:
        """A proof that the live claims of ``component`` cannot all hold, or None: first two
        bounds on one point that leave it no day, else a contradiction through the edges."""
        for point in component.points:
            lo, hi = self.bounds[point].tightest(self.retracted)
            if lo is not None and hi is not None and lo.day > hi.day:
                steps = (
                    Step(None, point, hi.day, hi.source),
                    Step(point, None, -lo.day, lo.source),
                )
                return Conflict.of_steps(steps)
        return self.linked_conflict(component)[0] if component.edges else None

    def linked_conflict(self, component: Component) -> tuple[Conflict | None, Propagation | None]:
        """Spans of years between the same two events that no calendar allows together, a
        negative cycle through the live constraints, or a window that exact calendar arithmetic
        leaves empty; else None and the propagation (the windows)."""
        spans = self.spans_apart(component)
        if spans is not None:
            return spans, None
        steps = self.steps(component.points, component.edges)
        cycle = negative_cycle([None, *component.points], steps)
        if cycle is not None:
            return Conflict.of_steps(cycle), None
        return self.emptied(component, steps)

    def warm_conflict(
        self,
        component: Component,
        warm: Warm,
        left_out: Set[ClaimKey],
        changed: Set[ClaimKey] | None,
    ) -> Conflict | None:
        """:meth:`first_conflict`, its negative cycles kept up to date from the last question
        (see :mod:`factcheck.potentials`): bounds that leave a point no day are a cycle there."""
        spans = self.spans_apart(component)
        if spans is not None:
            return spans
        cycle = warm.cycle(left_out, changed)
        if cycle is not None:
            return Conflict.of_steps(cycle)
        return self.emptied(component, self.steps(component.points, component.edges))[0]

    def emptied(
        self, component: Component, steps: list[Step]
    ) -> tuple[Conflict | None, Propagation | None]:
        """A window that exact calendar arithmetic leaves empty, given ``steps`` free of
        negative cycles; else None and the propagation."""
        propagation = self.propagate(component, steps)
        empty = propagation.empty
        if empty is None:
            return None, propagation
        window = propagation.windows[empty]
        assert window.lo is not None and window.hi is not None
        sources = propagation.sources(empty)
        if all(source.claim_key is None for source in sources):
            return None, propagation  # domain rules alone never conflict: nothing to retract
        return Conflict(sources, window.lo - window.hi, emptied=(empty, window)), None

    def spans_apart(self, component: Component) -> Conflict | None:
        """Two spans between the same two events that count whole months no calendar can count
        both: "one year after" and "less than a year after" the same birth. (Their day counts
        can meet, at 365 days, so without a date for either event nothing else would show it.)"""
        if component.span_pairs is None:
            component.span_pairs = _span_pairs(component.gaps)
        between = []  # in the order of each pair's first live gap
        for pair in component.span_pairs:
            live = [(index, gap) for index, gap in pair if self.live(gap.source)]
            if live:
                between.append((live[0][0], [gap for _, gap in live]))
        for _, gaps in sorted(between, key=lambda found: found[0]):
            earlier, later = gaps[0].earlier, gaps[0].later
            first = max(gaps, key=lambda g: g.span.lo)
            last = min(gaps, key=lambda g: _most_months(g.span))
            if first.span.lo > _most_months(last.span):
                reason = (
                    f"{later} cannot come both {last.span.describe()} and "
                    f"{first.span.describe()} after {earlier}: the whole months between two "
                    "days are one number, and none is in both"
                )
                return Conflict((last.source, first.source), reason=reason)
        return None

    def propagate(self, component: Component, steps: list[Step] | None = None) -> Propagation:
        """Each point's window (see :mod:`factcheck.propagation`)."""
        if steps is None:  # else the live steps, as just checked for negative cycles
            steps = self.steps(component.points, component.edges)
        gaps = [gap for gap in component.gaps if self.live(gap.source)]
        return propagate(component.points, steps, gaps)

    def windows(self, component: Component, wanted: Set[Point]) -> dict[Point, Window]:
        result = component.settled or self.propagate(component)
        return {
            p: Window(p, w.lo, w.hi, result.lo_by[p].sources(), result.hi_by[p].sources())
            for p, w in result.windows.items()
            if p in wanted
        }


def _bound_step(bound: Bound) -> Step:
    if bound.upper:
        return Step(None, bound.point, bound.day, bound.source)
    return Step(bound.point, None, -bound.day, bound.source)


def _span_pairs(gaps: list[Gap]) -> list[list[tuple[int, Gap]]]:
    """The gaps of each two events, where all of them together leave no whole number of months
    (fewer of them could not then either, so other pairs are never looked at)."""
    between: dict[tuple[Point, Point], list[tuple[int, Gap]]] = {}
    for index, gap in enumerate(gaps):
        between.setdefault((gap.earlier, gap.later), []).append((index, gap))
    return [
        pair
        for pair in between.values()
        if max(g.span.lo for _, g in pair) > min(_most_months(g.span) for _, g in pair)
    ]


def _most_months(span: Span) -> float:
    """The most whole months a span allows (infinite for an open one)."""
    if span.hi is None:
        return float("inf")
    return span.hi if span.hi_inclusive else span.hi - 1


class Checker:
    """Whether the claims of a group of linked points can all hold once some are left out, and
    if not, a proof: the oracle of the search for the least correction (see
    :mod:`factcheck.correction`). The same bounds and edges answer for any set left out."""

    def __init__(self, constraints: Constraints) -> None:
        self._solver = _Solver(constraints, ())
        self.components = self._solver.components(constraints.gaps)
        self._warm: dict[int, Warm] = {}  # by the component's id, for large components

    def bounds(self, point: Point) -> list[Bound]:
        return self._solver.bounds[point].live(frozenset())

    def conflict(
        self,
        component: Component,
        left_out: Set[ClaimKey],
        changed: Set[ClaimKey] | None = None,
    ) -> Conflict | None:
        """A proof that the claims of ``component`` not ``left_out`` cannot all hold, or None.
        ``changed``: the claims that may have been left out or put back since the last
        question, if it was about this same set object (see :class:`Question`)."""
        self._solver.retracted = left_out  # type: ignore[assignment]  # read, never changed
        warm = self._warm_for(component)
        if warm is None:
            return self._solver.first_conflict(component)
        return self._solver.warm_conflict(component, warm, left_out, changed)

    def _warm_for(self, component: Component) -> Warm | None:
        """The warm oracle of a component too large for plain passes (small ones are asked
        from scratch: the proofs they give stay those factcheck always gave)."""
        if id(component) in self._warm:
            return self._warm[id(component)]
        bounds = [self._solver.bounds[point] for point in component.points]
        most = sum(bool(b.lower) + bool(b.upper) for b in bounds) + len(component.edges)
        if (len(component.points) + 1) * most <= PLAIN_WORK:
            return None
        claims: dict[ClaimKey | None, list[Step]] = {None: []}
        for on_point in bounds:
            for bound in on_point.live(frozenset()):
                claims.setdefault(bound.source.claim_key, []).append(_bound_step(bound))
        for edge in component.edges:
            step = Step(edge.src, edge.dst, edge.weight, edge.source)
            claims.setdefault(edge.source.claim_key, []).append(step)
        warm = self._warm[id(component)] = Warm([None, *component.points], claims)
        return warm

    def contradicting(self) -> list[tuple[Component, Conflict]]:
        """The components whose claims cannot all hold, each with a first proof."""
        found = []
        for component in self.components:
            conflict = self.conflict(component, frozenset())
            if conflict is not None:
                found.append((component, conflict))
        return found


class Question:
    """A set of claims left out of one group, changed a few at a time between questions: the
    large groups' warm oracle then looks only at the claims changed, where a set made anew
    for each question would cost the whole set each time."""

    def __init__(self, checker: Checker, component: Component, left_out: Iterable[ClaimKey]):
        self._checker = checker
        self._component = component
        self.left_out: set[ClaimKey] = set(left_out)
        self._changed: set[ClaimKey] | None = None  # None before the first question: all

    def leave_out(self, keys: Iterable[ClaimKey]) -> None:
        for key in keys:
            self.left_out.add(key)
            self._note(key)

    def put_back(self, keys: Iterable[ClaimKey]) -> None:
        for key in keys:
            self.left_out.discard(key)
            self._note(key)

    def _note(self, key: ClaimKey) -> None:
        if self._changed is not None:
            self._changed.add(key)

    def conflict(self) -> Conflict | None:
        found = self._checker.conflict(self._component, self.left_out, self._changed)
        self._changed = set()
        return found


def solve(
    constraints: Constraints,
    windows_for: Iterable[Point] = (),
    set_aside: Iterable[ClaimKey] = (),
    focus: bool = False,
) -> Solution:
    """Every independent conflict, and the windows of the wanted points once conflicts are
    retracted (claims in ``set_aside`` are left out from the start). With ``focus``, only the
    points linked to the wanted ones are solved."""
    solver = _Solver(constraints, set_aside)
    wanted = set(windows_for)
    components = solver.components(constraints.gaps)
    if focus:
        components = [c for c in components if wanted.intersection(c.points)]
    for component in components:
        solver.solve_component(component)
    windows: dict[Point, Window] = {}
    for component in components:
        if wanted.intersection(component.points):
            windows.update(solver.windows(component, wanted))
    for point in wanted - set(windows):
        windows[point] = Window(point, None, None, (), ())
    return Solution(solver.conflicts, windows)
