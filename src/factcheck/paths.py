"""Paths in the distance graph of a Simple Temporal Problem: shortest paths (the windows of
consistent points), the trails of claims that pin them, and the record of a proof of a
contradiction (negative cycles themselves are found by :mod:`factcheck.cycles`, and for large
groups kept up to date by :mod:`factcheck.potentials`).

A node is a time point, or ``None`` for the calendar's origin; a step ``dst - src <= weight`` is
an arc of that weight.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from factcheck.constraints import Source
from factcheck.dates import DayInterval
from factcheck.values import Point

T = TypeVar("T", bound=Hashable)

# Nodes times steps (or looks) up to which plain passes cost less than the bookkeeping of the
# searches that follow the graph; both give the same answers.
SMALL = 4_096


def connected(items: Iterable[T], links: Iterable[Sequence[T]]) -> dict[T, int]:
    """Each item's group: items that a link names together, directly or through other items,
    are in one. Groups are numbered in the order of their first item (a union-find)."""
    parent = {item: item for item in items}

    def find(item: T) -> T:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for link in links:
        for item in link[1:]:
            parent[find(item)] = find(link[0])
    numbers: dict[T, int] = {}
    return {item: numbers.setdefault(find(item), len(numbers)) for item in parent}


@dataclass(frozen=True, slots=True)
class Step:
    """One constraint of a proof: ``dst - src <= weight``; ``None`` is the calendar's origin."""

    src: Point | None
    dst: Point | None
    weight: int
    source: Source


def shortest(
    nodes: list[Point | None], steps: list[Step], backwards: bool = False
) -> tuple[dict[Point | None, int], dict[Point | None, tuple[Point | None, Source]]]:
    """Shortest path lengths from the calendar's origin (the graph is consistent), or with
    ``backwards``, to it; and each node's predecessor on its path, with the step's source.

    Bellman-Ford's passes over the steps in their order (at most one per node), replayed so
    that a step is looked at only when its source's length has fallen since it was last looked
    at: every other look relaxes nothing. The lengths, and which of two equal paths is kept,
    are those of the full passes, in time that follows the relaxations made (on a small graph,
    the full passes themselves: they cost less than the replay's bookkeeping)."""
    if backwards:
        arcs = [(s.dst, s.src, s.weight, s.source) for s in steps]
    else:
        arcs = [(s.src, s.dst, s.weight, s.source) for s in steps]
    if len(nodes) * len(arcs) <= SMALL:
        return _passes(nodes, arcs)
    leaving: dict[Point | None, list[int]] = {}
    for index, arc in enumerate(arcs):
        leaving.setdefault(arc[0], []).append(index)
    dist: dict[Point | None, int] = {None: 0}
    pred: dict[Point | None, tuple[Point | None, Source]] = {}
    due = [(0, index) for index in leaving.get(None, [])]  # (pass, position), in order
    queued = set(due)
    while due:
        at = heapq.heappop(due)
        queued.discard(at)
        src, dst, weight, source = arcs[at[1]]
        if dist[src] + weight < dist.get(dst, 1 << 62):
            dist[dst] = dist[src] + weight
            pred[dst] = (src, source)
            for index in leaving.get(dst, ()):
                # Later in this pass if the step comes after this one, else in the next pass.
                then = (at[0] if index > at[1] else at[0] + 1, index)
                if then[0] < len(nodes) and then not in queued:
                    queued.add(then)
                    heapq.heappush(due, then)
    return dist, pred


def _passes(
    nodes: list[Point | None], arcs: list[tuple[Point | None, Point | None, int, Source]]
) -> tuple[dict[Point | None, int], dict[Point | None, tuple[Point | None, Source]]]:
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


@dataclass(frozen=True, slots=True)
class Trail:
    """The sources along a path from the calendar's origin, as a chain of links that share
    their beginnings: a point's trail extends its predecessor's in constant time and space, and
    is spelt out only when asked for (a chain of points would otherwise copy its whole path at
    every point)."""

    before: Trail | None
    source: Source | None

    def then(self, source: Source) -> Trail:
        return Trail(self, source)

    def sources(self) -> tuple[Source, ...]:
        """The sources in order from the origin, each once (where it first comes)."""
        found = []
        link: Trail | None = self
        while link is not None:
            if link.source is not None:
                found.append(link.source)
            link = link.before
        return tuple(dict.fromkeys(reversed(found)))


START = Trail(None, None)


def trails(
    targets: Iterable[Point], pred: dict[Point | None, tuple[Point | None, Source]]
) -> dict[Point, Trail]:
    """Each target's trail along the shortest paths ``pred`` holds: the claims that pin its
    window (the origin, and a node no path reaches, have the empty trail)."""
    found: dict[Point | None, Trail] = {None: START}
    for target in targets:
        walk: list[Point | None] = []
        node: Point | None = target
        while node not in found and node in pred:
            walk.append(node)
            node = pred[node][0]
        trail = found.get(node, START)
        for node in reversed(walk):
            trail = found[node] = trail.then(pred[node][1])
        found.setdefault(target, trail)
    return {target: found[target] for target in targets}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Constraints that cannot all hold: a proof of a contradiction."""

    sources: tuple[Source, ...]
    slack: int | None = None  # days by which they miss, where the proof is a negative cycle
    suspect: Source | None = None  # the claim at odds with the most claims, where one is known
    steps: tuple[Step, ...] = ()  # the negative cycle, from the calendar's origin where it passes
    emptied: tuple[Point, DayInterval] | None = None  # the point calendar arithmetic left empty
    reason: str | None = None  # what it ends in, where it is neither a cycle nor a window

    @classmethod
    def of_steps(cls, steps: Sequence[Step], suspect: Source | None = None) -> Conflict:
        sources = tuple(dict.fromkeys(step.source for step in steps))
        return cls(sources, -sum(step.weight for step in steps), suspect, tuple(steps))
