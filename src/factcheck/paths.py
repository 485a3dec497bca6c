"""Paths in the distance graph of a Simple Temporal Problem: negative cycles (proofs of a
contradiction) and shortest paths (the windows of consistent points).

A node is a time point, or ``None`` for the calendar's origin; a step ``dst - src <= weight`` is
an arc of that weight.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from factcheck.constraints import Source
from factcheck.dates import DayInterval
from factcheck.values import Point

T = TypeVar("T", bound=Hashable)


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


def negative_cycle(nodes: list[Point | None], steps: list[Step]) -> list[Step] | None:
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


def shortest(
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


def path_to(
    target: Point, pred: dict[Point | None, tuple[Point | None, Source]]
) -> tuple[Source, ...]:
    """The sources along the shortest path to ``target``: the claims that pin its window."""
    sources = []
    node: Point | None = target
    while node is not None and node in pred:
        node, source = pred[node]
        sources.append(source)
    return tuple(dict.fromkeys(reversed(sources)))


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
