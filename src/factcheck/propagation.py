"""The windows of a consistent group of linked points: the Simple Temporal Problem's shortest
paths, narrowed by exact calendar arithmetic across spans of years (whose edges only hold the
fewest and most days a span can take) and carried along the other edges, to a fixpoint. A window
that becomes empty is a contradiction the day counts alone could not prove.

The fixpoint is rounds over the gaps, then the edges, in their order, until a round narrows
nothing (capped: see :func:`propagate`). A round looks again only at what reads a window that
has narrowed since it was last looked at, in the same order: every other look would narrow
nothing (windows only ever narrow), so the windows, and the claims each one is said to be pinned
by, are those of full rounds, in time that follows the narrowings made.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck import paths
from factcheck.constraints import Gap, Source
from factcheck.dates import DayInterval, ends_within, starts_within
from factcheck.paths import Step, Trail, shortest, trails
from factcheck.values import Point


@dataclass(slots=True)
class Propagation:
    windows: dict[Point, DayInterval]
    lo_by: dict[Point, Trail]  # the sources that pin each window's ends
    hi_by: dict[Point, Trail]
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
            self.lo_by[point] = self.lo_by[via].then(source)
        if lower_hi:
            hi = new_hi
            self.hi_by[point] = self.hi_by[via].then(source)
        self.windows[point] = DayInterval(lo, hi)
        if lo is not None and hi is not None and lo > hi and self.empty is None:
            self.empty = point
        return True

    def sources(self, point: Point) -> tuple[Source, ...]:
        return tuple(dict.fromkeys((*self.lo_by[point].sources(), *self.hi_by[point].sources())))


def propagate(points: list[Point], steps: list[Step], gaps: list[Gap]) -> Propagation:
    """Each point's window given the live ``steps`` (checked free of negative cycles) and the
    live ``gaps``, in their order."""
    nodes: list[Point | None] = [None, *points]
    hi, hi_pred = shortest(nodes, steps)
    lo, lo_pred = shortest(nodes, steps, backwards=True)
    result = Propagation(
        {p: DayInterval(-lo[p] if p in lo else None, hi.get(p)) for p in points},
        trails(points, lo_pred),
        trails(points, hi_pred),
    )
    if gaps:  # shortest paths are exact without spans of years
        edges = [step for step in steps if step.src is not None and step.dst is not None]
        looks = _Looks(gaps, edges)
        rounds = 4 * (len(gaps) + len(edges)) + 8
        if len(nodes) * len(looks) <= paths.SMALL:
            _rounds(result, looks, rounds)
        else:
            _narrow(result, looks, rounds)
    return result


class _Looks:
    """The looks of one round, in order: each gap forward then backward, then each edge's
    upper end carried forward and its lower end back; and which looks read each point."""

    def __init__(self, gaps: list[Gap], edges: list[Step]) -> None:
        self.gaps = gaps
        self.edges = edges
        self.readers: dict[Point, list[int]] = {}
        self.reading: list[Point] = []  # the point each look reads
        for index, gap in enumerate(gaps):
            self._reads(gap.earlier, 2 * index)
            self._reads(gap.later, 2 * index + 1)
        base = 2 * len(gaps)
        for index, step in enumerate(edges):
            assert step.src is not None and step.dst is not None
            self._reads(step.src, base + 2 * index)
            self._reads(step.dst, base + 2 * index + 1)

    def _reads(self, point: Point, look: int) -> None:
        self.readers.setdefault(point, []).append(look)
        self.reading.append(point)

    def __len__(self) -> int:
        return 2 * (len(self.gaps) + len(self.edges))

    def take(self, result: Propagation, look: int) -> Point | None:
        """Take one look; the point it narrowed, if any."""
        if look < 2 * len(self.gaps):
            gap = self.gaps[look // 2]
            if look % 2 == 0:
                ahead = ends_within(result.windows[gap.earlier], gap.span)
                hit = result.narrow(gap.later, ahead.lo, ahead.hi, gap.earlier, gap.source)
                return gap.later if hit else None
            behind = starts_within(result.windows[gap.later], gap.span)
            hit = result.narrow(gap.earlier, behind.lo, behind.hi, gap.later, gap.source)
            return gap.earlier if hit else None
        step = self.edges[(look - 2 * len(self.gaps)) // 2]  # dst - src <= weight
        assert step.src is not None and step.dst is not None
        if look % 2 == 0:
            src_hi = result.windows[step.src].hi
            if src_hi is None:
                return None
            hit = result.narrow(step.dst, None, src_hi + step.weight, step.src, step.source)
            return step.dst if hit else None
        dst_lo = result.windows[step.dst].lo
        if dst_lo is None:
            return None
        hit = result.narrow(step.src, dst_lo - step.weight, None, step.dst, step.source)
        return step.src if hit else None


def _rounds(result: Propagation, looks: _Looks, rounds: int) -> None:
    """The full rounds, for a small group: each look taken unless the window it reads is the
    one it last read (it would narrow nothing again)."""
    seen: dict[int, DayInterval] = {}
    for _ in range(rounds):
        changed = False
        for look, point in enumerate(looks.reading):
            window = result.windows[point]
            if seen.get(look) is not window:
                seen[look] = window
                changed |= looks.take(result, look) is not None
        if result.empty is not None or not changed:
            return


def _narrow(result: Propagation, looks: _Looks, rounds: int) -> None:
    """Rounds of looks until one narrows nothing, a window is empty, or ``rounds`` have run."""
    due: list[tuple[int, int]] = [(0, look) for look in range(len(looks))]  # (round, look)
    queued = set(due)
    current = 0
    while due:
        at = heapq.heappop(due)
        queued.discard(at)
        if at[0] != current:  # a round ended, having narrowed something
            if result.empty is not None or at[0] >= rounds:
                return
            current = at[0]
        narrowed = looks.take(result, at[1])
        if narrowed is not None:
            _again(due, queued, at, looks.readers.get(narrowed, ()))


def _again(
    due: list[tuple[int, int]],
    queued: set[tuple[int, int]],
    at: tuple[int, int],
    readers: Iterable[int],
) -> None:
    """Queue the looks that read a window just narrowed: later in this round if they come
    after the look that narrowed it, else in the next."""
    for look in readers:
        then = (at[0] if look > at[1] else at[0] + 1, look)
        if then not in queued:
            queued.add(then)
            heapq.heappush(due, then)
