"""Negative cycles of a large group of linked points, kept up to date as claims are left out
and put back, rather than searched again for each set of claims left out (Cotton and Maler,
2006: fast and flexible difference constraint propagation).

A feasible potential (one day for each point that every included step allows) is kept for the
claims included so far. Leaving a claim out removes its steps, and the potential stays feasible.
Putting one in adds its steps one at a time: a step the potential already satisfies costs
nothing; otherwise the points it pushes earlier are lowered by a Dijkstra search over reduced
costs (never negative for a feasible potential), and the step closes a negative cycle exactly
when that search comes back to the step's own source. Before that search, a short depth-first
probe backwards from the source looks for such a path among the first steps it meets: on a
group tied to a few well-known events (every article's age of the same two people), the cycle
through them is found in a few steps, where the search would first lower every point tied to
them.

A claim whose steps would close a negative cycle is not included: it waits, first in, first
tried, and the cycle is the answer. The least correction's searches ask about sets of claims
that differ by one or two from the last, so each answer costs what changed, not the group.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Callable, Iterable, Set

from factcheck.cycles import Node, from_origin, search
from factcheck.model import ClaimKey
from factcheck.paths import Step

PROBE = 256  # steps the backward probe may look at before the search takes over


class Potentials:
    """Steps in a graph whose potential is kept feasible: ``dst - src <= weight`` holds for
    every step under ``day``."""

    def __init__(self, nodes: Iterable[Node], day: dict[Node, int] | None = None) -> None:
        self.day: dict[Node, int] = dict.fromkeys(nodes, 0) if day is None else dict(day)
        self.out: dict[Node, dict[int, Step]] = {node: {} for node in self.day}
        self.into: dict[Node, dict[int, Step]] = {node: {} for node in self.day}

    def insert(self, step: Step) -> None:
        """Add a step the potential satisfies."""
        self.out[step.src][id(step)] = step
        self.into[step.dst][id(step)] = step

    def delete(self, step: Step) -> None:
        del self.out[step.src][id(step)]
        del self.into[step.dst][id(step)]

    def add(self, steps: list[Step]) -> list[Step] | None:
        """Add all of ``steps``, or none of them and a negative cycle through one of them."""
        added: list[Step] = []
        for step in steps:
            cycle = self._close(step)
            if cycle is not None:
                for done in added:
                    self.delete(done)
                return cycle
            self.insert(step)
            added.append(step)
        return None

    def _close(self, step: Step) -> list[Step] | None:
        """Make room for ``step``: a negative cycle it would close, else None once the points
        it pushes earlier are lowered."""
        slack = self.day[step.src] + step.weight - self.day[step.dst]
        if slack >= 0:
            return None
        # Most steps move a point or two: try that first. Past a few points, a cycle is more
        # likely: look for one along a few steps each way before the full search.
        done, path = self._lower(step.dst, step.src, slack, PROBE)
        if not done:
            path = self._probe(step.src, step.dst, -slack, forward=False)
            if path is None:
                path = self._probe(step.dst, step.src, -slack, forward=True)
            if path is None:
                done, path = self._lower(step.dst, step.src, slack, None)
        return None if path is None else [step, *path]

    def _probe(self, start: Node, goal: Node, limit: int, forward: bool) -> list[Step] | None:
        """A path between ``start`` and ``goal``, from ``start`` if ``forward`` else to it,
        shorter than ``limit`` in reduced costs, by a depth-first walk over at most PROBE
        steps; or None. The walk goes down the first step that keeps it short enough rather
        than looking at every step of a point first: past an event tied to every article, any
        of them may lead on, and one of the first few often does."""
        day = self.day
        links = self.out if forward else self.into
        best: dict[Node, int] = {start: 0}
        came: dict[Node, Step] = {}  # the step by which the walk reached each node
        stack = [(start, iter(links[start].values()))]
        budget = PROBE
        while stack:
            node, steps = stack[-1]
            for step in steps:
                budget -= 1
                if budget < 0:
                    return None
                nxt = step.dst if forward else step.src
                length = best[node] + day[step.src] + step.weight - day[step.dst]
                if length < limit and length < best.get(nxt, limit):
                    best[nxt], came[nxt] = length, step
                    if nxt == goal:
                        if forward:
                            return _follow(goal, start, came, lambda s: s.src)[::-1]
                        return _follow(goal, start, came, lambda s: s.dst)
                    stack.append((nxt, iter(links[nxt].values())))
                    break
            else:
                stack.pop()
        return None

    def _lower(
        self, start: Node, src: Node, slack: int, budget: int | None
    ) -> tuple[bool, list[Step] | None]:
        """Lower ``start`` by ``-slack`` and every point that must follow (a Dijkstra search
        over reduced costs); or, when ``src`` would have to follow, leave every day as it was
        and return the path from ``start`` to ``src``. With a ``budget`` of steps looked at,
        give up past it (``False``), every day as it was."""
        day = self.day
        change: dict[Node, int] = {start: slack}
        came: dict[Node, Step] = {}
        due = [(slack, 0, start)]
        count = 0
        while due:
            by, _, node = heapq.heappop(due)
            if by > change[node]:
                continue
            if budget is not None:
                budget -= len(self.out[node])
                if budget < 0:
                    return False, None
            for step in self.out[node].values():
                nxt = step.dst
                moved = by + day[node] + step.weight - day[nxt]
                if moved < 0 and moved < change.get(nxt, 0):
                    change[nxt], came[nxt] = moved, step
                    if nxt == src:
                        return True, _follow(src, start, came, lambda s: s.src)[::-1]
                    count += 1
                    heapq.heappush(due, (moved, count, nxt))
        for node, by in change.items():
            day[node] += by
        return True, None


def _follow(
    node: Node, end: Node, links: dict[Node, Step], nxt: Callable[[Step], Node]
) -> list[Step]:
    """The steps from ``node`` along ``links`` until ``end``."""
    path = []
    while node != end:
        step = links[node]
        path.append(step)
        node = nxt(step)
    return path


class Warm:
    """The claims of one group that can all hold, kept from one question to the next: the
    oracle of the least correction on groups too large to search from scratch each time."""

    def __init__(self, nodes: list[Node], claims: dict[ClaimKey | None, list[Step]]) -> None:
        self.nodes = nodes
        self.claims = claims  # each claim's steps (None: the domain rules'), in order
        self.graph: Potentials | None = None
        self.included: set[ClaimKey | None] = set()
        # Neither included nor left out, first in first tried. Ordered by links: a plain dict
        # taken from the front skips every entry deleted before it to find the first.
        self.waiting: OrderedDict[ClaimKey | None, None] = OrderedDict()
        self.left_out: set[ClaimKey] = set()  # as last asked, copied
        self.asked: Set[ClaimKey] = frozenset()  # the set object last asked about

    def cycle(
        self, left_out: Set[ClaimKey], changed: Set[ClaimKey] | None = None
    ) -> list[Step] | None:
        """A negative cycle through the steps of the claims not left out, or None. With
        ``changed``, and the same set object as last time, only those claims are looked at."""
        if self.graph is None:
            self.graph = self._start(left_out)
        else:
            if changed is None or left_out is not self.asked:
                changed = left_out ^ self.left_out
            for key in sorted(changed, reverse=True):
                if key in left_out and key not in self.left_out:
                    self._leave_out(key)
                elif key in self.left_out and key not in left_out:
                    self.left_out.discard(key)
                    if key in self.claims:
                        self.waiting[key] = None
        self.asked = left_out
        while self.waiting:  # first in, first tried: most wait untouched behind the first
            waiting = next(iter(self.waiting))
            cycle = self.graph.add(self.claims[waiting])
            if cycle is not None:
                return from_origin(cycle)
            del self.waiting[waiting]
            self.included.add(waiting)
        return None

    def _leave_out(self, key: ClaimKey) -> None:
        assert self.graph is not None
        self.left_out.add(key)
        if key in self.included:
            self.included.discard(key)
            for step in self.claims[key]:
                self.graph.delete(step)
        self.waiting.pop(key, None)

    def _start(self, left_out: Set[ClaimKey]) -> Potentials:
        """All the claims not left out, at once where they can all hold (one search gives a
        feasible potential), else one at a time."""
        self.left_out = set(left_out)
        live = [k for k in self.claims if k is None or k not in left_out]
        steps = [step for key in live for step in self.claims[key]]
        found, _, lengths = search(self.nodes, steps)
        if not found:
            graph = Potentials(self.nodes, lengths)
            for step in steps:
                graph.insert(step)
            self.included = set(live)
            return graph
        # Domain rules first, then claims in the reverse of their keys' order: among claims that
        # weigh the same, the least correction leaves out the one whose key comes first, so
        # the claim that cannot join is the one it leaves out, and those already in stay in
        # (else each new claim would push out an old one, and a chain of proofs would join
        # every claim of the group into one dispute).
        claims = sorted(k for k in live if k is not None)
        self.waiting = OrderedDict.fromkeys([*(k for k in live if k is None), *reversed(claims)])
        return Potentials(self.nodes)
