"""Which claim of a contradiction is likely wrong, and why.

Every proof is a simple cycle of constraints, so leaving out any one of its claims resolves it:
the smallest set of claims to remove has one claim, and the question is which. Each claim is
weighed by its support: the other articles whose claims about the same event fit its window.
The claim with the least support is likely wrong; when the least is shared, factcheck says it
cannot tell rather than guess. A claim of an article that looks misdated (FC302) is explained by
the article's date, which is named instead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from factcheck.constraints import Constraints, Source
from factcheck.dates import day_str
from factcheck.dating import ArticleDate
from factcheck.engine import ClaimKey, Conflict
from factcheck.model import Claim
from factcheck.values import Point


@dataclass(frozen=True, slots=True)
class Blame:
    """The likely wrong claim (or article) of a finding, or None for either when it is unclear."""

    reason: str
    claim: Claim | None = None
    article: str | None = None


Window = tuple[int | None, int | None]


class Attribution:
    def __init__(self, constraints: Constraints, dates: dict[str, ArticleDate]) -> None:
        # Each claim's window on each point it bounds, and the claims bounding each point.
        self.windows: dict[ClaimKey, dict[Point, list[int | None]]] = defaultdict(dict)
        self.on_point: dict[Point, set[ClaimKey]] = defaultdict(set)
        self.articles: dict[ClaimKey, str] = {}
        for bound in constraints.bounds:
            key = bound.source.claim_key
            if key is None or bound.source.claim is None:
                continue
            window = self.windows[key].setdefault(bound.point, [None, None])
            window[bound.upper] = bound.day
            self.on_point[bound.point].add(key)
            self.articles[key] = key[0]
        self.misdated = {
            key: dated
            for dated in dates.values()
            if dated.misdated
            for key in (s.claim_key for s in dated.explained)
        }

    def support(self, key: ClaimKey) -> set[str]:
        """The other articles with a claim about the same event that fits this claim's window."""
        found: set[str] = set()
        for point, (lo, hi) in self.windows.get(key, {}).items():
            for other in self.on_point[point] - {key}:
                other_lo, other_hi = self.windows[other][point]
                if _overlap((lo, hi), (other_lo, other_hi)):
                    found.add(other[0])
        found.discard(key[0])
        return found

    def blame(self, conflict: Conflict) -> Blame:
        claims = [s for s in conflict.sources if s.claim is not None]
        for source in claims:
            dated = self.misdated.get(source.claim_key)
            if dated is not None and dated.window is not None:
                reason = (
                    f"{dated.article.id} looks misdated (FC302): its claims fit publication "
                    f"between {_day(dated.window.lo)} and {_day(dated.window.hi)}, "
                    f"not {dated.article.published}"
                )
                return Blame(reason, source.claim, dated.article.id)
        weighed = sorted(
            ((len(self.support(s.claim_key)), s) for s in claims if s.claim_key is not None),
            key=lambda pair: (pair[0], pair[1].claim_key),
        )
        if not weighed:
            return Blame("cannot tell: no claim to weigh")
        least, suspect = weighed[0]
        if len(weighed) > 1 and weighed[1][0] == least:
            sides = " against ".join(_articles(count + 1) for count, _ in weighed)
            return Blame(f"cannot tell which is wrong: {sides}")
        most, best = max(weighed, key=lambda pair: pair[0])
        return Blame(_because(most, best, least), suspect.claim, None)


def _because(most: int, best: Source, least: int) -> str:
    assert best.claim is not None
    reason = f"{best.claim.article.name} says {best.text}"
    if most:
        reason += f", and {most} other article{' agrees' if most == 1 else 's agree'}"
    if least:
        reason += f" (this one has {least} on its side)"
    return reason


def _articles(count: int) -> str:
    return f"{count} article{'s' * (count != 1)}"


def _overlap(a: Window, b: Window) -> bool:
    lo = max((d for d in (a[0], b[0]) if d is not None), default=None)
    hi = min((d for d in (a[1], b[1]) if d is not None), default=None)
    return lo is None or hi is None or lo <= hi


def _day(day: int | None) -> str:
    return "…" if day is None else day_str(day)
