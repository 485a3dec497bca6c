"""The least corrections of one event, exactly, by a sweep over its days.

Each claim about the event allows a window of days. The day chosen for the event keeps the
claims whose window holds it; the others are the correction. Between two consecutive window
ends, every day keeps the same claims, so each such segment of the timeline is one candidate
correction, and one sweep gives every segment's cost (articles, then claims) without comparing
claims in pairs.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from factcheck.hitting import Cost
from factcheck.model import ClaimKey

Window = tuple[int | None, int | None]  # a claim's days on one point; None: unbounded


class Sweep:
    """The claims bounding one point, as windows of days. The day chosen for the event splits
    the timeline into segments (between two consecutive window ends); every day of a segment
    keeps the same claims, so each segment is one candidate correction, with its cost."""

    def __init__(self, windows: dict[ClaimKey, Window]) -> None:
        self.windows = windows
        self.empty = {k for k, (lo, hi) in windows.items() if _is_empty(lo, hi)}
        per_article = Counter(k[0] for k in windows)
        inside: Counter[str] = Counter()
        clean = held = 0

        def enter(key: ClaimKey) -> None:
            nonlocal clean, held
            inside[key[0]] += 1
            held += 1
            clean += inside[key[0]] == per_article[key[0]]

        def leave(key: ClaimKey) -> None:
            nonlocal clean, held
            clean -= inside[key[0]] == per_article[key[0]]
            inside[key[0]] -= 1
            held -= 1

        changes: dict[int, list[tuple[int, ClaimKey]]] = defaultdict(list)
        for key, (lo, hi) in windows.items():
            if key in self.empty:
                continue
            if lo is None:
                enter(key)
            else:
                changes[lo].append((1, key))
            if hi is not None:
                changes[hi + 1].append((0, key))
        articles, claims = len(per_article), len(windows)
        # Segment 0 is every day before the first change; segment i starts at starts[i-1].
        self.starts = sorted(changes)
        self.costs: list[Cost] = [(articles - clean, claims - held)]
        for day in self.starts:
            for entering, key in sorted(changes[day]):  # leave first: a claim's own two ends
                (enter if entering else leave)(key)
            self.costs.append((articles - clean, claims - held))
        self.best = min(self.costs)
        self.optimal = [i for i, c in enumerate(self.costs) if c == self.best]
        self._table: list[list[tuple[Cost, int]]] | None = None
        self._missing: dict[int, frozenset[ClaimKey]] = {}

    def day(self, segment: int) -> int:
        """A day of the segment (all its days keep the same claims)."""
        if segment == 0:
            return self.starts[0] - 1 if self.starts else 0
        return self.starts[segment - 1]

    def missing(self, segment: int) -> frozenset[ClaimKey]:
        """The correction that keeps the event in ``segment``: the claims whose window misses
        it. Kept: the claims kept out of one segment are asked for again and again (each
        claim of a losing side keeps the event in the same segment)."""
        found = self._missing.get(segment)
        if found is None:
            day = self.day(segment)
            found = frozenset(k for k, (lo, hi) in self.windows.items() if not _holds(lo, hi, day))
            self._missing[segment] = found
        return found

    def split(self) -> tuple[frozenset[ClaimKey], frozenset[ClaimKey]]:
        """The claims in every least correction, and those in some but not all: a claim is in
        a least correction when its window misses that correction's day."""
        days = [self.day(i) for i in self.optimal]
        decided, contested = set(), set()
        for key, (lo, hi) in self.windows.items():
            held = 0 if key in self.empty else _count_within(days, lo, hi)
            if held == 0:
                decided.add(key)
            elif held < len(days):
                contested.add(key)
        return frozenset(decided), frozenset(contested)

    def least(self, most: int) -> tuple[frozenset[ClaimKey], ...]:
        """The first ``most`` least corrections, by day."""
        return tuple(self.missing(i) for i in self.optimal[:most])

    def keep_cost(self, key: ClaimKey) -> Cost | None:
        """The least cost of a correction on this event that keeps ``key``; None if none can."""
        found = self._keeping(key)
        return None if found is None else found[0]

    def keep(self, key: ClaimKey) -> frozenset[ClaimKey] | None:
        found = self._keeping(key)
        return None if found is None else self.missing(found[1])

    def _keeping(self, key: ClaimKey) -> tuple[Cost, int] | None:
        if key in self.empty:
            return None
        lo, hi = self.windows[key]
        first = 0 if lo is None else bisect_right(self.starts, lo)
        last = len(self.starts) if hi is None else bisect_right(self.starts, hi)
        return self._least_between(first, last)

    def _least_between(self, first: int, last: int) -> tuple[Cost, int]:
        """The least (cost, segment) among segments first..last: a sparse table, built once."""
        if self._table is None:
            level = [(c, i) for i, c in enumerate(self.costs)]
            self._table = [level]
            width = 1
            while 2 * width <= len(level):
                previous = self._table[-1]
                self._table.append(
                    [
                        min(previous[i], previous[i + width])
                        for i in range(len(level) - 2 * width + 1)
                    ]
                )
                width *= 2
        span = (last - first + 1).bit_length() - 1
        row = self._table[span]
        return min(row[first], row[last - (1 << span) + 1])


def _is_empty(lo: int | None, hi: int | None) -> bool:
    return lo is not None and hi is not None and lo > hi


def _holds(lo: int | None, hi: int | None, day: int) -> bool:
    return not _is_empty(lo, hi) and (lo is None or lo <= day) and (hi is None or day <= hi)


def _count_within(days: list[int], lo: int | None, hi: int | None) -> int:
    """How many of the sorted ``days`` lie in lo..hi."""
    start = 0 if lo is None else bisect_left(days, lo)
    end = len(days) if hi is None else bisect_right(days, hi)
    return max(0, end - start)
