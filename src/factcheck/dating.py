"""Date every article from its own claims: the window of publication dates they allow.

Claims in the present tense (no ``as_of``) hold on their article's publication. Read that way,
with each article's publication a time point of its own, an article's claims and the rest of the
corpus bound when it can have appeared. Its stated date is left out of its own computation (the
other articles' stated dates stay in), and so are the claims that lost a conflict in other
articles: a window says what the undisputed claims allow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.constraints import Source, compile_readings
from factcheck.dates import DayInterval
from factcheck.engine import ClaimKey, Window, solve
from factcheck.entities import Names
from factcheck.model import Article, Corpus
from factcheck.values import Reading, SpanReading, published_point, read

STATED = "#published"  # the key that sets an article's stated date aside


# A claim alone at odds with the rest may just be wrong; two or more, all set right by one other
# date, point at the date.
MIN_DISPUTED = 2


@dataclass(frozen=True, slots=True)
class ArticleDate:
    article: Article
    stated: DayInterval | None  # the date the article gives, read
    window: Window | None  # None when no claim of the article depends on its date
    explained: tuple[Source, ...] = ()  # its present-tense claims that lost at its stated date

    @property
    def misdated(self) -> bool:
        """The stated date lies wholly outside what the article's claims allow, and more than
        one of them disagrees with the corpus at that date."""
        if self.stated is None or self.window is None or len(self.explained) < MIN_DISPUTED:
            return False
        assert self.stated.lo is not None and self.stated.hi is not None
        too_late = self.window.hi is not None and self.stated.lo > self.window.hi
        too_early = self.window.lo is not None and self.stated.hi < self.window.lo
        return too_late or too_early


def date_articles(
    corpus: Corpus,
    names: Names,
    stated: dict[str, DayInterval | None],
    disputed: Iterable[ClaimKey],
    disabled: frozenset[str] = frozenset(),
) -> dict[str, ArticleDate]:
    readings = read(corpus, names, floating=True)
    constraints = compile_readings(readings.readings, disabled)
    for article in corpus.articles:
        point, date = published_point(article), stated.get(article.id)
        if date is not None and point in constraints.points:
            source = Source(f"published {date}", key=(STATED, article.id))
            constraints.add_interval(point, date, source)
    disputed = set(disputed)
    present = {
        _key(r) for r in readings.readings if published_point(r.claim.article) in _anchors(r)
    }
    sources = {s.claim_key: s for s in constraints.sources() if s.claim_key in present}
    dates = {}
    for article in corpus.articles:
        point = published_point(article)
        window = None
        own = {key for key in disputed if key[0] == article.id}
        if point in constraints.points:
            # A dated article's own claims may have lost only because of its date: they stay.
            # An undated one's lost to the rest of the corpus on any date.
            kept = own if stated.get(article.id) is not None else set()
            aside = (disputed - kept) | {(STATED, article.id)}
            window = solve(constraints, [point], aside, focus=True).windows[point]
        explained = tuple(sources[key] for key in sorted(own & present))
        dates[article.id] = ArticleDate(article, stated.get(article.id), window, explained)
    return dates


def _key(reading: Reading) -> ClaimKey:
    return (reading.claim.article.id, reading.claim.id)


def _anchors(reading: Reading) -> tuple[object, ...]:
    """The times a reading is tied to: its claim is in the present tense if its article's
    publication is one of them."""
    if isinstance(reading, SpanReading):
        return (reading.until,)
    return (reading.lo, reading.hi)
