"""Solve the constraints as a Simple Temporal Problem (Dechter, Meiri and Pearl, 1991).

Time points are nodes of a distance graph; ``dst - src <= w`` is an edge of weight ``w``; a bound
on a single point is an edge to or from the calendar's origin. The constraints are consistent
exactly when the graph has no negative cycle, and a negative cycle is a minimal proof of a
contradiction: its constraints cannot all hold, and any one of them dropped leaves a path.

Points linked by no edge are solved apart. On each point, one sweep over its bounds finds the
largest group of claims that agree, and each claim outside it is reported once, against the
group's tightest bound (no pairs of claims are compared). Then Bellman-Ford looks for negative
cycles through several points, using only the tightest remaining bound on each side of a point;
each cycle's claims are retracted and the search goes on, so that every independent contradiction
is reported.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.constraints import Bound, Constraints, Edge, Gap, Source
from factcheck.dates import DayInterval, ends_within, starts_within
from factcheck.values import Point

ClaimKey = tuple[str, str]  # (article id, claim id)


@dataclass(frozen=True, slots=True)
class Step:
    """One constraint of a proof: ``dst - src <= weight``; ``None`` is the calendar's origin."""

    src: Point | None
    dst: Point | None
    weight: int
    source: Source


@dataclass(frozen=True, slots=True)
class Conflict:
    """Constraints that cannot all hold: a proof of a contradiction."""

    sources: tuple[Source, ...]
    slack: int | None = None  # days by which they miss, where the proof is a negative cycle
    suspect: Source | None = None  # the claim at odds with the most claims, where one is known
    steps: tuple[Step, ...] = ()  # the negative cycle, from the calendar's origin where it passes
    emptied: tuple[Point, DayInterval] | None = None  # the point calendar arithmetic left empty

    @classmethod
    def of_steps(cls, steps: Sequence[Step], suspect: Source | None = None) -> Conflict:
        sources = tuple(dict.fromkeys(step.source for step in steps))
        return cls(sources, -sum(step.weight for step in steps), suspect, tuple(steps))


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
    settled: _Propagation | None = None


@dataclass(slots=True)
class Solution:
    conflicts: list[Conflict]
    windows: dict[Point, Window]


class _Bounds:
    """The bounds on one point, tightest first, skipping retracted claims."""

    def __init__(self) -> None:
        self.lower: list[tuple[int, tuple, Bound]] = []
        self.upper: list[tuple[int, tuple, Bound]] = []

    def add(self, bound: Bound) -> None:
        if bound.upper:
            heapq.heappush(self.upper, (bound.day, bound.source.order, bound))
        else:
            heapq.heappush(self.lower, (-bound.day, bound.source.order, bound))

    @staticmethod
    def _top(heap: list, retracted: set) -> Bound | None:
        while heap and heap[0][2].source.claim_key in retracted:
            heapq.heappop(heap)
        return heap[0][2] if heap else None

    def live(self, retracted: set) -> list[Bound]:
        heaps = (self.lower, self.upper)
        return [
            entry[2]
            for heap in heaps
            for entry in heap
            if entry[2].source.claim_key not in retracted
        ]

    def tightest(self, retracted: set) -> tuple[Bound | None, Bound | None]:
        return self._top(self.lower, retracted), self._top(self.upper, retracted)


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
        parent = {p: p for p in self.points}

        def find(p: Point) -> Point:
            while parent[p] != p:
                parent[p] = parent[parent[p]]
                p = parent[p]
            return p

        for edge in self.edges:
            parent[find(edge.src)] = find(edge.dst)
        groups: dict[Point, Component] = {}
        for point in self.points:
            groups.setdefault(find(point), Component([], [], [])).points.append(point)
        for edge in self.edges:
            groups[find(edge.src)].edges.append(edge)
        for gap in sorted(gaps, key=lambda g: (g.earlier, g.later, g.source.order)):
            groups[find(gap.earlier)].gaps.append(gap)
        return list(groups.values())

    def clash_on_points(self, points: list[Point]) -> None:
        for point in points:
            for conflict in _outliers(point, self.bounds[point].live(self.retracted)):
                self.conflicts.append(conflict)
                assert conflict.suspect is not None
                self.retracted.add(conflict.suspect.claim_key)

    def steps(self, points: list[Point], edges: list) -> list[Step]:
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
            steps = self.steps(component.points, component.edges)
            cycle = _negative_cycle([None, *component.points], steps)
            if cycle is not None:
                self.retract(Conflict.of_steps(cycle))
                continue
            propagation = self.propagate(component, steps)
            if propagation.empty is None:
                component.settled = propagation
                return
            empty = propagation.empty
            window = propagation.windows[empty]
            assert window.lo is not None and window.hi is not None
            conflict = Conflict(
                propagation.sources(empty), window.lo - window.hi, emptied=(empty, window)
            )
            if all(source.claim_key is None for source in conflict.sources):
                # domain rules alone never conflict; nothing left to retract
                component.settled = propagation
                return
            self.retract(conflict)

    def propagate(self, component: Component, steps: list[Step] | None = None) -> _Propagation:
        """Each point's window: the STP's shortest paths from and to the calendar's origin,
        narrowed by exact calendar arithmetic across spans of years (whose edges only hold the
        fewest and most days a span can take) and carried along the other edges. A window
        that becomes empty is a contradiction the day counts alone could not prove."""
        points = component.points
        if steps is None:  # else the live steps, as just checked for negative cycles
            steps = self.steps(points, component.edges)
        nodes = [None, *points]
        hi, hi_pred = _shortest(nodes, steps)
        lo, lo_pred = _shortest(nodes, steps, backwards=True)
        result = _Propagation(
            {p: DayInterval(-lo[p] if p in lo else None, hi.get(p)) for p in points},
            {p: _path(p, lo_pred) for p in points},
            {p: _path(p, hi_pred) for p in points},
        )
        gaps = [gap for gap in component.gaps if self.live(gap.source)]
        edges = [step for step in steps if step.src is not None and step.dst is not None]
        if not gaps:
            return result  # shortest paths are exact without spans of years
        # The windows each gap was last carried from: a window that has not changed since would
        # narrow nothing again (windows only ever narrow), so its calendar arithmetic is skipped.
        carried: dict[tuple[int, bool], DayInterval] = {}
        for _ in range(4 * (len(gaps) + len(edges)) + 8):  # a cap: windows only ever narrow
            changed = False
            for index, gap in enumerate(gaps):
                earlier = result.windows[gap.earlier]
                if carried.get((index, True)) is not earlier:
                    carried[index, True] = earlier
                    ahead = ends_within(earlier, gap.span)
                    changed |= result.narrow(gap.later, ahead.lo, ahead.hi, gap.earlier, gap.source)
                later = result.windows[gap.later]
                if carried.get((index, False)) is not later:
                    carried[index, False] = later
                    behind = starts_within(later, gap.span)
                    changed |= result.narrow(
                        gap.earlier, behind.lo, behind.hi, gap.later, gap.source
                    )
            for step in edges:  # dst - src <= weight
                assert step.src is not None and step.dst is not None
                src_hi, dst_lo = result.windows[step.src].hi, result.windows[step.dst].lo
                if src_hi is not None:
                    changed |= result.narrow(
                        step.dst, None, src_hi + step.weight, step.src, step.source
                    )
                if dst_lo is not None:
                    changed |= result.narrow(
                        step.src, dst_lo - step.weight, None, step.dst, step.source
                    )
            if result.empty is not None or not changed:
                break
        return result

    def windows(self, component: Component) -> dict[Point, Window]:
        result = component.settled or self.propagate(component)
        return {
            p: Window(p, w.lo, w.hi, result.lo_by[p], result.hi_by[p])
            for p, w in result.windows.items()
        }


@dataclass(slots=True)
class _Propagation:
    windows: dict[Point, DayInterval]
    lo_by: dict[Point, tuple[Source, ...]]  # the sources that pin each window's ends
    hi_by: dict[Point, tuple[Source, ...]]
    empty: Point | None = None

    def narrow(
        self, point: Point, new_lo: int | None, new_hi: int | None, via: Point, source: Source
    ) -> bool:
        """Narrow ``point`` to ``new_lo..new_hi`` (None: no bound), derived from ``via``'s
        window through ``source``."""
        current = self.windows[point]
        lo, hi = current.lo, current.hi
        raise_lo = new_lo is not None and (lo is None or new_lo > lo)
        lower_hi = new_hi is not None and (hi is None or new_hi < hi)
        if not (raise_lo or lower_hi):
            return False
        if raise_lo:
            lo = new_lo
            self.lo_by[point] = tuple(dict.fromkeys((*self.lo_by[via], source)))
        if lower_hi:
            hi = new_hi
            self.hi_by[point] = tuple(dict.fromkeys((*self.hi_by[via], source)))
        self.windows[point] = DayInterval(lo, hi)
        if lo is not None and hi is not None and lo > hi and self.empty is None:
            self.empty = point
        return True

    def sources(self, point: Point) -> tuple[Source, ...]:
        return tuple(dict.fromkeys((*self.lo_by[point], *self.hi_by[point])))


def _outliers(point: Point, bounds: list[Bound]) -> list[Conflict]:
    """Claims bounding one point that disagree with its largest agreeing group of claims.

    A sweep finds a day inside the most claims' windows (ties: the earliest). Every claim whose
    window misses that day contradicts the group's tightest bound on that side (otherwise the
    day could move into its window too), and is reported once, as that conflict's suspect.
    """
    windows: dict[ClaimKey | None, list[Bound | None]] = {}
    for bound in sorted(bounds, key=lambda b: b.source.order):
        windows.setdefault(bound.source.claim_key, [None, None])[bound.upper] = bound
    conflicts = []
    for key, (lo, hi) in list(windows.items()):
        if lo is not None and hi is not None and lo.day > hi.day:  # no day fits the claim
            steps = (Step(None, point, hi.day, hi.source), Step(point, None, -lo.day, lo.source))
            conflicts.append(Conflict.of_steps(steps, lo.source))
            del windows[key]
    if len(windows) < 2:
        return conflicts
    # Articles are counted, not claims: an article's claims on one point share one vote. Small
    # weights break ties between equally large groups towards the more precise claims (a birth
    # date over an age); together the fractions stay below one vote.
    per_article = Counter(key[0] for key in windows if key is not None)
    events = []
    for key, (lo, hi) in windows.items():
        start = -(1 << 62) if lo is None else lo.day
        end = (1 << 62) if hi is None else hi.day
        vote = 1 / per_article[key[0]] if key is not None else 1.0
        weight = vote + 1 / (len(windows) * (min(end - start, 1 << 20) + 2))
        events += [(start, 0, weight), (end, 1, -weight)]
    events.sort(key=lambda e: (e[0], e[1]))
    inside = best = 0.0
    day = events[0][0]
    for at, _, weight in events:
        inside += weight
        if inside > best:
            best, day = inside, at
    agreeing = [w for w in windows.values() if _holds(w, day)]
    lowest_hi = min(
        (w[1] for w in agreeing if w[1]),
        key=lambda b: (b.day, b.source.order),
        default=None,
    )
    highest_lo = max(
        (w[0] for w in agreeing if w[0]),
        key=lambda b: (b.day, b.source.order),
        default=None,
    )
    for lo, hi in windows.values():
        if _holds((lo, hi), day):
            continue
        if lo is not None and lo.day > day:
            assert lowest_hi is not None
            steps = (
                Step(None, point, lowest_hi.day, lowest_hi.source),
                Step(point, None, -lo.day, lo.source),
            )
            conflicts.append(Conflict.of_steps(steps, lo.source))
        else:
            assert hi is not None and highest_lo is not None
            steps = (
                Step(None, point, hi.day, hi.source),
                Step(point, None, -highest_lo.day, highest_lo.source),
            )
            conflicts.append(Conflict.of_steps(steps, hi.source))
    return conflicts


def _holds(window: Sequence[Bound | None], day: int) -> bool:
    lo, hi = window
    return (lo is None or lo.day <= day) and (hi is None or day <= hi.day)


def _negative_cycle(nodes: list[Point | None], steps: list[Step]) -> list[Step] | None:
    """Bellman-Ford from a virtual source linked to every node: a negative cycle, or None."""
    dist: dict[Point | None, int] = dict.fromkeys(nodes, 0)
    pred: dict[Point | None, Step] = {}
    last: Point | None = None
    for _ in range(len(nodes)):
        relaxed = False
        for step in steps:
            if dist[step.src] + step.weight < dist[step.dst]:
                dist[step.dst] = dist[step.src] + step.weight
                pred[step.dst] = step
                relaxed, last = True, step.dst
        if not relaxed:
            return None
    node = last
    for _ in range(len(nodes)):  # walk back until surely inside the cycle
        node = pred[node].src
    cycle = []
    current = node
    while True:
        step = pred[current]
        cycle.append(step)
        current = step.src
        if current == node:
            break
    cycle.reverse()
    if None in (s.src for s in cycle):  # start at the calendar's origin: reads as a chain
        start = next(i for i, s in enumerate(cycle) if s.src is None)
        cycle = cycle[start:] + cycle[:start]
    return cycle


def _shortest(
    nodes: list[Point | None], steps: list[Step], backwards: bool = False
) -> tuple[dict[Point | None, int], dict[Point | None, tuple[Point | None, Source]]]:
    """Shortest path lengths from the calendar's origin (Bellman-Ford; the graph is consistent),
    or with ``backwards``, to it; and each node's predecessor on its path, with the step's
    source."""
    if backwards:
        arcs = [(s.dst, s.src, s.weight, s.source) for s in steps]
    else:
        arcs = [(s.src, s.dst, s.weight, s.source) for s in steps]
    dist: dict[Point | None, int] = {None: 0}
    pred: dict[Point | None, tuple[Point | None, Source]] = {}
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


def _path(
    target: Point, pred: dict[Point | None, tuple[Point | None, Source]]
) -> tuple[Source, ...]:
    """The sources along the shortest path to ``target``: the claims that pin its window."""
    sources = []
    node: Point | None = target
    while node is not None and node in pred:
        node, source = pred[node]
        sources.append(source)
    return tuple(dict.fromkeys(reversed(sources)))


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
            found = solver.windows(component)
            windows.update((p, w) for p, w in found.items() if p in wanted)
    for point in wanted - set(windows):
        windows[point] = Window(point, None, None, (), ())
    return Solution(solver.conflicts, windows)
