"""An article's publication window in closed form, where its dating problem is a star.

Dating an article (see :mod:`factcheck.dating`) asks one question of a small problem: the
publication point ``P``, tied by the article's claims to events (a birth by an age, a wedding by
years of marriage), each event bounded by the rest of the corpus. Where every constraint links
``P`` to one event, no two events are linked, each event has at most one span of years to ``P``,
and nothing contradicts, ``P``'s window is the intersection of what each event allows, and each
end is pinned by the event's bound and the claim that carries it to ``P``.

:func:`window` gives that answer, the same as :func:`factcheck.engine.solve` would (the same
days, the same claims cited, picked among equals in the solver's order), or None where the
problem is not such a star or the solver would do more than intersect: retract a claim, narrow an
event through ``P`` before its span is read, or narrow ``P`` again once events have narrowed.
Then the solver answers. ``tests/test_star.py`` checks both give the same on random stars.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.constraints import Bound, Constraints, Edge, Gap, Source
from factcheck.dates import DayInterval, ends_within, starts_within
from factcheck.engine import Window
from factcheck.values import Point


@dataclass(slots=True)
class _End:
    """One end of ``P``'s window and the sources that pin it, in the order a trail lists them."""

    day: int | None = None
    by: tuple[Source, ...] = ()

    def raise_to(self, day: int | None, by: tuple[Source, ...], upper: bool) -> None:
        """Move this end inwards to ``day`` if that is strictly tighter (the solver keeps the
        first of equals)."""
        if day is None:
            return
        if self.day is None or (day < self.day if upper else day > self.day):
            self.day, self.by = day, by


@dataclass(slots=True)
class _Event:
    lo: Bound | None = None
    hi: Bound | None = None
    gap: Gap | None = None

    @property
    def days(self) -> DayInterval:
        return DayInterval(
            None if self.lo is None else self.lo.day, None if self.hi is None else self.hi.day
        )


def window(local: Constraints, point: Point) -> Window | None:
    """``point``'s window as the solver gives it, where the problem is a clean star; else None."""
    events = _events(local, point)
    if events is None:
        return None
    edges = sorted(local.edges, key=lambda e: (e.src, e.dst, e.weight, e.source.order))
    lo, hi = _by_days(edges, events, point)
    if lo.day is not None and hi.day is not None and lo.day > hi.day:
        return None  # a negative cycle: the solver retracts claims
    if not _settled_by_bounds(edges, events, point, lo, hi):
        return None
    for gap in sorted(local.gaps, key=lambda g: (g.earlier, g.later, g.source.order)):
        event = events[gap.earlier]
        ahead = ends_within(event.days, gap.span)
        lo.raise_to(ahead.lo, _trail(event.lo, gap.source), upper=False)
        hi.raise_to(ahead.hi, _trail(event.hi, gap.source), upper=True)
    if lo.day is not None and hi.day is not None and lo.day > hi.day:
        return None  # calendar arithmetic leaves no day: the solver retracts claims
    if not _final(edges, events, point, DayInterval(lo.day, hi.day)):
        return None
    return Window(point, lo.day, hi.day, lo.by, hi.by)


def _events(local: Constraints, point: Point) -> dict[Point, _Event] | None:
    """Each event's tightest bounds (as the solver orders them) and span to ``point``; None
    unless the problem is a star around ``point`` whose events' bounds agree."""
    events = {p: _Event() for p in local.points if p != point}
    for bound in local.bounds:
        if bound.point == point:
            return None
        event = events[bound.point]
        if bound.upper:
            if event.hi is None or (bound.day, bound.source.order) < (
                event.hi.day,
                event.hi.source.order,
            ):
                event.hi = bound
        elif event.lo is None or (-bound.day, bound.source.order) < (
            -event.lo.day,
            event.lo.source.order,
        ):
            event.lo = bound
    if any(e.lo is not None and e.hi is not None and e.lo.day > e.hi.day for e in events.values()):
        return None  # the solver sets claims aside there
    for edge in local.edges:
        if (edge.src == point) == (edge.dst == point):
            return None  # two events linked, or a loop
    for gap in local.gaps:
        spanned = events.get(gap.earlier)
        if gap.later != point or spanned is None or spanned.gap is not None:
            return None
        span = gap.span
        if span.hi is not None and span.lo > (span.hi if span.hi_inclusive else span.hi - 1):
            return None  # no whole number of months: the solver reports it
        spanned.gap = gap
    return events


def _by_days(edges: list[Edge], events: dict[Point, _Event], point: Point) -> tuple[_End, _End]:
    """``point``'s window from the events' bounds and the day counts alone: the shortest paths,
    each end by the first edge (in the solver's order) that reaches it."""
    lo, hi = _End(), _End()
    for edge in edges:
        if edge.dst == point:  # point - event <= weight
            bound = events[edge.src].hi
            if bound is not None:
                hi.raise_to(bound.day + edge.weight, _trail(bound, edge.source), upper=True)
        else:  # event - point <= weight
            bound = events[edge.dst].lo
            if bound is not None:
                lo.raise_to(bound.day - edge.weight, _trail(bound, edge.source), upper=False)
    return lo, hi


def _settled_by_bounds(
    edges: list[Edge], events: dict[Point, _Event], point: Point, lo: _End, hi: _End
) -> bool:
    """Whether every event's window is its own bounds once the shortest paths are found: none
    is narrowed through ``point`` (its trail would then run through other claims), and no event
    is tied to ``point`` both ways by less than nothing."""
    least: dict[Point, int] = {}  # the least weight each way, to find cycles through one event
    for edge in edges:
        if edge.dst == point:  # event >= point - weight
            event = events[edge.src]
            if lo.day is not None and (event.lo is None or lo.day - edge.weight > event.lo.day):
                return False
            least[edge.src] = min(least.get(edge.src, edge.weight), edge.weight)
        else:  # event <= point + weight
            event = events[edge.dst]
            if hi.day is not None and (event.hi is None or hi.day + edge.weight < event.hi.day):
                return False
    for edge in edges:
        if edge.src == point and edge.dst in least and least[edge.dst] + edge.weight < 0:
            return False
    return True


def _final(edges: list[Edge], events: dict[Point, _Event], point: Point, days: DayInterval) -> bool:
    """Whether ``days`` is where the solver's rounds end for ``point``: each event narrowed as
    far as ``days`` takes it, nothing it then allows narrows ``days`` again, and no window is
    left empty. (Events only narrow, and what they allow with them: checking the narrowest is
    checking every round.)"""
    narrowest = {p: e.days for p, e in events.items()}
    for p, event in events.items():
        if event.gap is not None:
            narrowest[p] = _meet(narrowest[p], starts_within(days, event.gap.span))
    for edge in edges:
        if edge.dst == point and days.lo is not None:
            narrowest[edge.src] = _meet(
                narrowest[edge.src], DayInterval(days.lo - edge.weight, None)
            )
        elif edge.src == point and days.hi is not None:
            narrowest[edge.dst] = _meet(
                narrowest[edge.dst], DayInterval(None, days.hi + edge.weight)
            )
    if any(w.lo is not None and w.hi is not None and w.lo > w.hi for w in narrowest.values()):
        return False
    allowed = [ends_within(narrowest[p], e.gap.span) for p, e in events.items() if e.gap]
    for edge in edges:
        if edge.dst == point:
            end = narrowest[edge.src].hi
            allowed.append(DayInterval(None, None if end is None else end + edge.weight))
        else:
            start = narrowest[edge.dst].lo
            allowed.append(DayInterval(None if start is None else start - edge.weight, None))
    return all(_within(days, a) for a in allowed)


def _meet(a: DayInterval, b: DayInterval) -> DayInterval:
    lo = b.lo if a.lo is None or (b.lo is not None and b.lo > a.lo) else a.lo
    hi = b.hi if a.hi is None or (b.hi is not None and b.hi < a.hi) else a.hi
    return DayInterval(lo, hi)


def _within(days: DayInterval, allowed: DayInterval) -> bool:
    """Whether ``allowed`` leaves ``days`` as it is."""
    if allowed.lo is not None and (days.lo is None or allowed.lo > days.lo):
        return False
    return allowed.hi is None or (days.hi is not None and allowed.hi >= days.hi)


def _trail(bound: Bound | None, source: Source) -> tuple[Source, ...]:
    if bound is None:
        return (source,)
    return tuple(dict.fromkeys((bound.source, source)))
