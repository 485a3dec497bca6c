"""Negative cycles in the distance graph of a Simple Temporal Problem, found in time that follows
the graph rather than its size squared (see :func:`factcheck.paths.negative_cycle`).

The search is Bellman-Ford from a virtual source linked to every node, with passes in the order
of Goldberg and Radzik (1993): each pass scans the nodes whose distance fell since they were last
scanned, and every node reachable from them over arcs that are tight or better, in a topological
order of those arcs found by a depth-first search. A chain of constraints is then settled in
one pass wherever its points are named, where plain passes in a fixed order move along it only
a few links at a time. After each pass, a cycle among the predecessors is a negative cycle (any
cycle of that graph is; Cherkassky and Goldberg, 1999), so a contradiction is found as soon as
the predecessors close on it, not after a pass for each node.
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck import paths
from factcheck.paths import Step
from factcheck.values import Point

Node = Point | None

# Graphs this small (nodes times steps) report the cycle that plain Bellman-Ford passes in the
# steps' order end on, as factcheck always has: which of several contradictions a finding
# shows stays the same. Larger ones report the first cycle the search closes.
PLAIN_WORK = 50_000


def negative_cycle(nodes: list[Node], steps: list[Step]) -> list[Step] | None:
    """A negative cycle through ``steps``, from the calendar's origin where it passes (it then
    reads as a chain), or None when the constraints can all hold."""
    if len(nodes) * len(steps) <= paths.SMALL:
        cycle = _plain_passes(nodes, steps)
        return None if cycle is None else from_origin(cycle)
    found, cycle, _ = search(nodes, steps)
    if not found:
        return None
    if cycle is None or len(nodes) * len(steps) <= PLAIN_WORK:
        cycle = _plain_passes(nodes, steps)
        assert cycle is not None, "the search found a negative cycle"
    return from_origin(cycle)


def from_origin(cycle: list[Step]) -> list[Step]:
    """The cycle from the calendar's origin where it passes: it then reads as a chain."""
    if None in (s.src for s in cycle):
        start = next(i for i, s in enumerate(cycle) if s.src is None)
        cycle = cycle[start:] + cycle[:start]
    return cycle


def search(nodes: list[Node], steps: list[Step]) -> tuple[bool, list[Step] | None, dict[Node, int]]:
    """Whether the graph has a negative cycle, and one if the predecessors closed on it (a
    negative cycle that has not shown itself after as many passes as nodes is left to the plain
    passes: ``(True, None)``); and the lengths, a feasible potential where there is none."""
    out: dict[Node, list[Step]] = {node: [] for node in nodes}
    for step in steps:
        out[step.src].append(step)
    dist: dict[Node, int] = dict.fromkeys(nodes, 0)
    pred: dict[Node, Step] = {}
    labeled: dict[Node, None] = dict.fromkeys(nodes)  # fell since last scanned: an ordered set
    for _ in range(len(nodes) + 1):
        for node in _admissible_order(labeled, out, dist):
            labeled.pop(node, None)
            here = dist[node]
            for step in out[node]:
                if here + step.weight < dist[step.dst]:
                    dist[step.dst] = here + step.weight
                    pred[step.dst] = step
                    labeled[step.dst] = None
        if not labeled:
            return False, None, dist
        cycle = _closed(pred)
        if cycle is not None:
            return True, cycle, dist
    return True, None, dist


def _admissible_order(
    starts: Iterable[Node], out: dict[Node, list[Step]], dist: dict[Node, int]
) -> list[Node]:
    """The nodes reachable from ``starts`` over arcs whose reduced cost is not positive, each
    after every node that reaches it over such arcs, but for cycles (a depth-first search's
    reverse postorder; iterative, as a chain may be longer than the interpreter's stack)."""
    seen: set[Node] = set()
    post: list[Node] = []
    for root in starts:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(out[root]))]
        while stack:
            node, arcs = stack[-1]
            for step in arcs:
                nxt = step.dst
                if nxt not in seen and dist[node] + step.weight <= dist[nxt]:
                    seen.add(nxt)
                    stack.append((nxt, iter(out[nxt])))
                    break
            else:
                stack.pop()
                post.append(node)
    post.reverse()
    return post


def _closed(pred: dict[Node, Step]) -> list[Step] | None:
    """A cycle among the predecessors, in the direction of its arcs, or None (one walk from each
    node, stopping at a node an earlier walk met: linear in the nodes)."""
    walk_of: dict[Node, int] = {}
    for number, start in enumerate(pred):
        node: Node = start
        while node in pred and node not in walk_of:
            walk_of[node] = number
            node = pred[node].src
        if node in pred and walk_of[node] == number:
            return _cycle_through(node, pred)
    return None


def _cycle_through(node: Node, pred: dict[Node, Step]) -> list[Step]:
    """The cycle of predecessors that ``node`` is on, in the direction of its arcs."""
    cycle = []
    current = node
    while True:
        step = pred[current]
        cycle.append(step)
        current = step.src
        if current == node:
            break
    cycle.reverse()
    return cycle


def _plain_passes(nodes: list[Node], steps: list[Step]) -> list[Step] | None:
    """Bellman-Ford's passes over the steps in their order, from a virtual source linked to
    every node: the negative cycle the last pass ends on, or None."""
    dist: dict[Node, int] = dict.fromkeys(nodes, 0)
    pred: dict[Node, Step] = {}
    last: Node = None
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
    return _cycle_through(node, pred)
