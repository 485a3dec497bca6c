"""Claims about one point that disagree with the largest group of claims that agree on it: the
retractions that :func:`factcheck.engine.solve` makes before it looks for cycles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from factcheck.constraints import Bound
from factcheck.dates import densest_day
from factcheck.model import ClaimKey
from factcheck.paths import Conflict, Step
from factcheck.values import Point


def outliers(point: Point, bounds: list[Bound]) -> list[Conflict]:
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
    weighted = []
    for key, (lo, hi) in windows.items():
        start = -(1 << 62) if lo is None else lo.day
        end = (1 << 62) if hi is None else hi.day
        vote = 1 / per_article[key[0]] if key is not None else 1.0
        weight = vote + 1 / (len(windows) * (min(end - start, 1 << 20) + 2))
        weighted.append((start, end, weight))
    day = densest_day(weighted)
    assert day is not None
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
