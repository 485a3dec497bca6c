"""Date every article from its own claims: the window of publication dates they allow.

Claims in the present tense (no ``as_of``) hold on their article's publication. Read that way,
with the article's publication a time point of its own, its claims and what the rest of the
corpus says about the same events bound when it can have appeared. Its stated date is left out,
and so are the claims set aside as likely wrong. Each article is dated on its own small problem
(its claims and the bounds on the events they touch), so dating grows with the corpus, not with
its square; leaving out links between those events can only widen a window, never wrongly
narrow it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from factcheck import star
from factcheck.constraints import Bound, Constraints, Source, compile_readings
from factcheck.dates import DayInterval, densest_day
from factcheck.engine import Solution, Window, solve
from factcheck.entities import Names
from factcheck.model import Article, ClaimKey, Corpus, quick_pickle
from factcheck.progress import SILENT, Progress
from factcheck.values import (
    Point,
    Reading,
    SpanReading,
    may_be_present_tense,
    published_point,
    read,
)

if TYPE_CHECKING:
    from factcheck.incremental import Kept

# A claim alone at odds with the rest may just be wrong; two or more, named likely wrong at the
# stated date (not merely one article against one) and all set right by one other date, point at
# the date. Counting claims merely tied at the stated date found a few more reprints in the blame
# benchmark, and more articles wrongly misdated (benchmarks/README.md).
MIN_EXPLAINED = 2


@quick_pickle
@dataclass(frozen=True, slots=True)
class ArticleDate:
    article: Article
    stated: DayInterval | None  # the date the article gives, read
    window: Window | None  # None when no claim of the article depends on its date
    explained: tuple[Source, ...] = ()  # its disputed claims that fit the window
    outvoted: int = 0  # how many of those lost to more articles at its stated date
    left_out: tuple[Source, ...] = ()  # its claims disputed, or fitting no date with the rest
    # Its claims in the present tense that fit the window, disputed or not: if it is misdated,
    # all of them were read at a wrong date, and count against no other claim.
    fitting: frozenset[ClaimKey] = frozenset()

    @property
    def misdated(self) -> bool:
        """The stated date lies wholly outside what the article's claims allow, and more than
        one of them is outvoted at that date but fits the window."""
        if self.stated is None or self.window is None or self.outvoted < MIN_EXPLAINED:
            return False
        assert self.stated.lo is not None and self.stated.hi is not None
        too_late = self.window.hi is not None and self.stated.lo > self.window.hi
        too_early = self.window.lo is not None and self.stated.hi < self.window.lo
        return too_late or too_early


def date_articles(
    corpus: Corpus,
    names: Names,
    stated: dict[str, DayInterval | None],
    constraints: Constraints,
    disputed: Iterable[ClaimKey],
    outvoted: Iterable[ClaimKey],
    disabled: frozenset[str] = frozenset(),
    progress: Progress = SILENT,
    kept: Kept | None = None,
) -> dict[str, ArticleDate]:
    """``constraints`` are the corpus's, at the stated dates; ``disputed`` claims are left out;
    an article's ``outvoted`` claims lost to more articles at its stated date. Dates ``kept``
    from the last run are reused where nothing they were worked out from has changed."""
    disputed, outvoted = set(disputed), set(outvoted)
    bounds = Tightest(constraints.bounds, disputed)
    strict = Later(lambda: Tightest(constraints.bounds, outvoted))  # only if one looks misdated
    dates: dict[str, ArticleDate] = {}
    todo = []
    if kept:
        kept.weighed(disputed, outvoted)
    for article in corpus.articles:
        reused = kept.get(article, bounds, strict) if kept else None
        if reused is None:
            todo.append(article)
        else:
            dates[article.id] = reused
            progress.advance()
    present = _present(corpus, names, todo)
    for article in todo:
        asked = kept.asking(bounds, strict) if kept else None
        near: Bounds = asked.near if asked else bounds
        far: Later[Bounds] = asked.far if asked else strict
        dated = _date(article, stated.get(article.id), present, near, disputed, outvoted, disabled)
        if dated.misdated:
            dated = _fitting(dated, present[article.id], far.get(), outvoted, disabled)
        if kept and asked:
            kept.put(article, asked, dated)
        dates[article.id] = dated
        progress.advance()
    return {article.id: dates[article.id] for article in corpus.articles}


def _present(corpus: Corpus, names: Names, articles: list[Article]) -> dict[str, list[Reading]]:
    """The claims of these articles in the present tense, read at their article's publication."""
    wanted = {article.id for article in articles}
    claims = [c for c in corpus.claims if c.article.id in wanted and may_be_present_tense(c)]
    present: dict[str, list[Reading]] = defaultdict(list)
    for reading in read(corpus, names, True, claims).readings:
        if published_point(reading.claim.article) in _anchors(reading):
            present[reading.claim.article.id].append(reading)
    return present


def _date(
    article: Article,
    date: DayInterval | None,
    present: dict[str, list[Reading]],
    bounds: Bounds,
    disputed: set[ClaimKey],
    outvoted: set[ClaimKey],
    disabled: frozenset[str],
) -> ArticleDate:
    # A dated article's claims may have lost only because of its date: they stay. An undated
    # one's lost to the rest of the corpus on any date.
    own = [r for r in present.get(article.id, []) if date is not None or _key(r) not in disputed]
    if not own:
        left = tuple(_source(r) for r in present.get(article.id, []))
        return ArticleDate(article, date, None, left_out=left)
    mine = {_key(r) for r in present[article.id]}
    point = published_point(article)

    # The largest group of the article's claims that agree on a date dates it; the rest fit no
    # date with them (an age of 3 among ages that fit 2018 is wrong on its own). Most
    # articles' claims all agree: each claim's own window is needed only if not.
    local, solution = _dated_by(own, point, bounds, mine, disabled)
    lost: set[ClaimKey] = set()
    if solution.conflicts:
        alone = {
            _key(r): _dated_by([r], point, bounds, mine, disabled)[1].windows[point] for r in own
        }
        agreeing = _largest_agreeing(alone)
        chosen = [r for r in own if _key(r) in agreeing]
        local, solution = _dated_by(chosen, point, bounds, mine, disabled)
        lost = set(alone) - agreeing
    window = solution.windows[point]
    sources = {s.claim_key: s for s in local.sources() if s.claim_key in mine}
    fitting = (mine & disputed) - lost  # not mine & (disputed - lost): that copies disputed
    explained = tuple(sources[k] for k in sorted(fitting) if k in sources)
    set_aside = lost if date is not None else lost | (mine & disputed)
    left_out = tuple(_source(r) for r in present[article.id] if _key(r) in set_aside)
    return ArticleDate(
        article,
        date,
        window,
        explained,
        len(fitting & outvoted),
        tuple(sorted(left_out, key=lambda s: s.claim_key or ("", ""))),
        frozenset(mine - lost),
    )


def _fitting(
    dated: ArticleDate,
    readings: list[Reading],
    strict: Bounds,
    outvoted: set[ClaimKey],
    disabled: frozenset[str],
) -> ArticleDate:
    """An article that looks misdated, with only the claims that really fit its window: each
    claim checked on its own against every claim but those named likely wrong. (Dating leaves
    out both sides of a dispute it cannot decide, so a claim contested one article against one
    fits any date there, though the other side's claim, which no date touches, rules it out.)"""
    assert dated.window is not None
    point = published_point(dated.article)
    mine = {_key(r) for r in readings}
    fits = set()
    for reading in readings:
        if _key(reading) in dated.fitting:
            alone = _dated_by([reading], point, strict, mine, disabled)[1].windows[point]
            if _overlap(alone, dated.window):
                fits.add(_key(reading))
    explained = tuple(s for s in dated.explained if s.claim_key in fits)
    count = sum(1 for s in explained if s.claim_key in outvoted)
    out = [_source(r) for r in readings if _key(r) in dated.fitting - fits]
    left_out = tuple(sorted((*dated.left_out, *out), key=lambda s: s.claim_key or ("", "")))
    return replace(
        dated, explained=explained, outvoted=count, fitting=frozenset(fits), left_out=left_out
    )


def _overlap(a: Window, b: Window) -> bool:
    lo = max((d for d in (a.lo, b.lo) if d is not None), default=None)
    hi = min((d for d in (a.hi, b.hi) if d is not None), default=None)
    return lo is None or hi is None or lo <= hi


class Bounds(Protocol):
    """What dating asks of the bounds of the rest of the corpus (see :class:`Tightest`)."""

    @property
    def points(self) -> Set[Point]: ...

    def on(self, point: Point, excluded: Set[ClaimKey], every: bool = False) -> list[Bound]: ...


T = TypeVar("T", covariant=True)


class Later(Generic[T]):
    """A value made the first time it is asked for."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._made: list[T] = []

    def get(self) -> T:
        if not self._made:
            self._made.append(self._make())
        return self._made[0]


class Tightest:
    """The bounds on each point, tightest first, without the disputed claims'.

    Only the tightest bound on each side of a point can narrow a window, so a local problem
    gets those two (in the solver's own order, so that it cites the same claims) instead of
    every bound on a much-stated event. Where they disagree, or the article's own claims bound
    the point too, the local problem gets them all: the solver weighs every claim's vote.
    """

    def __init__(self, bounds: Iterable[Bound], disputed: set[ClaimKey]) -> None:
        self.lower: dict[Point, list[Bound]] = defaultdict(list)
        self.upper: dict[Point, list[Bound]] = defaultdict(list)
        for bound in bounds:
            if bound.source.claim_key not in disputed:
                (self.upper if bound.upper else self.lower)[bound.point].append(bound)
        for side in self.lower.values():
            side.sort(key=lambda b: (-b.day, b.source.order))
        for side in self.upper.values():
            side.sort(key=lambda b: (b.day, b.source.order))
        self.points = frozenset(self.lower) | frozenset(self.upper)  # the points bounded

    def on(self, point: Point, excluded: Set[ClaimKey], every: bool = False) -> list[Bound]:
        lower = next(self._live(self.lower, point, excluded), None)
        upper = next(self._live(self.upper, point, excluded), None)
        if every or (lower is not None and upper is not None and lower.day > upper.day):
            return [
                *self._live(self.lower, point, excluded),
                *self._live(self.upper, point, excluded),
            ]
        return [b for b in (lower, upper) if b is not None]

    @staticmethod
    def _live(
        side: dict[Point, list[Bound]], point: Point, excluded: Set[ClaimKey]
    ) -> Iterator[Bound]:
        return (b for b in side.get(point, ()) if b.source.claim_key not in excluded)


def _dated_by(
    readings: list[Reading],
    point: Point,
    bounds: Bounds,
    mine: set[ClaimKey],
    disabled: frozenset[str],
) -> tuple[Constraints, Solution]:
    """``point``'s window from these claims and the bounds on the events they touch (but for
    the ``mine`` claims': the article's own, which are dated here)."""
    # Rules tie the claims to points the corpus bounds (an age to a death): those count too.
    local = compile_readings(readings, disabled, known=bounds.points)
    bounded = {bound.point for bound in local.bounds}
    for touched in list(local.points):
        local.bounds += bounds.on(touched, mine, every=touched in bounded)
    found = star.window(local, point)  # the common case, in closed form
    if found is not None:
        return local, Solution([], {point: found})
    return local, solve(local, [point])


def _largest_agreeing(windows: dict[ClaimKey, Window]) -> set[ClaimKey]:
    """The claims whose windows share the day inside the most of them (the earliest such)."""
    day = densest_day((w.lo, w.hi, 1.0) for w in windows.values())
    return {
        key
        for key, w in windows.items()
        if day is not None and (w.lo is None or w.lo <= day) and (w.hi is None or day <= w.hi)
    }


def _source(reading: Reading) -> Source:
    said = reading.point.with_who(f"{reading.claim.predicate} {reading.claim.value}")
    return Source(said, reading.claim)


def _key(reading: Reading) -> ClaimKey:
    return (reading.claim.article.id, reading.claim.id)


def _anchors(reading: Reading) -> tuple[object, ...]:
    """The times a reading is tied to: its claim is in the present tense if its article's
    publication is one of them."""
    if isinstance(reading, SpanReading):
        return (reading.until,)
    return (reading.lo, reading.hi)
