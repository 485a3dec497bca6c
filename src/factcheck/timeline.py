"""One person's life as the claims tell it: each event's best-supported window, and the claims
and reported ages behind it.

The windows come from the undisputed claims: those a finding names likely wrong
(``Analysis.blamed``) and those on a side of a dispute factcheck cannot decide
(``Analysis.contested``) are left out. Every claim that bounds an event is listed with it: a
likely wrong one marked disputed, one on an undecided side marked contested, never wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from factcheck.constraints import Source, Touching, value_text
from factcheck.dates import DateError, DayInterval, iso, parse_date
from factcheck.engine import solve
from factcheck.entities import Names
from factcheck.findings import normalised
from factcheck.lengths import parse_length
from factcheck.model import Claim
from factcheck.problems import InputError, Problem, closest_match
from factcheck.results import Analysis
from factcheck.spellings import fold
from factcheck.values import Point
from factcheck.vocabulary import active

VERSION = 1
_NEVER = 1 << 62  # sorts after every day

AsOfFrom = Literal["claim", "published", "inferred"]


class UnknownEntity(InputError):
    """The entity asked for is no entity's name or alias."""


@dataclass(frozen=True, slots=True)
class Cited:
    """What one claim says about an event, and where it says it."""

    article: str  # the article's id
    cited_as: str  # how a reader cites the article: outlet (or id) and date
    outlet: str | None
    published: str | None  # the article's stated date (ISO, possibly partial), None if undated
    claim: str
    predicate: str
    says: str  # the claim's arithmetic, in words
    quote: str | None
    file: str
    line: int
    disputed: bool  # named likely wrong by a finding
    window: DayInterval | None  # the days this claim alone allows; None if relative to an event
    contested: bool = False  # on one side of a dispute factcheck cannot decide

    @property
    def ref(self) -> str:
        return f"{self.article}#{self.claim}"


@dataclass(frozen=True, slots=True)
class Event:
    point: Point
    others: tuple[str, ...]  # the other people who took part
    window: DayInterval  # the best-supported window: what the undisputed claims allow
    sources: tuple[Cited, ...]  # undisputed first, then by article date

    @property
    def event(self) -> str:
        return self.point.event

    @property
    def label(self) -> str:
        """How the event reads in a timeline: "born", "met Benjamin Millepied"."""
        verb = active().events[self.event].verb
        return f"{verb} {' and '.join(self.others)}" if self.others else verb

    @property
    def disputed(self) -> bool:
        """Whether a finding names a claim about the event likely wrong."""
        return any(source.disputed for source in self.sources)

    @property
    def contested(self) -> bool:
        """Whether claims about the event stand on the sides of an undecided dispute."""
        return any(source.contested for source in self.sources)

    @property
    def articles(self) -> int:
        """How many articles' claims that are neither disputed nor contested bound the event."""
        return len({s.article for s in self.sources if not (s.disputed or s.contested)})

    @property
    def disputed_articles(self) -> int:
        return len({s.article for s in self.sources if s.disputed})

    @property
    def contested_articles(self) -> int:
        return len({s.article for s in self.sources if s.contested})


@dataclass(frozen=True, slots=True)
class Age:
    """An age an article gives the entity, and when it held."""

    article: str
    cited_as: str
    outlet: str | None
    published: str | None
    claim: str
    value: object  # as written, normalised (a number, or a {min, max} table)
    value_text: str  # as a reader would say it: "11", "at least 10"
    as_of: DayInterval | None  # when the age held; None when unknown
    as_of_from: AsOfFrom | None  # the claim's as_of, its article's date, or the inferred date
    quote: str | None
    file: str
    line: int
    disputed: bool
    contested: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    """What the claims say of the entity that is not a date: their children (and parents), a
    count of children, a birthplace, a height; each claim as one source."""

    label: str  # the predicate ("children", "birthplace"), or "parents" for the other side
    sources: tuple[Cited, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    entity: str
    events: tuple[Event, ...]
    ages: tuple[Age, ...]
    facts: tuple[Facts, ...] = ()


def resolve(analysis: Analysis, name: str) -> str:
    """The canonical name of the entity ``name`` names; :class:`UnknownEntity` if none."""
    names = Names(analysis.corpus)
    canonical = names.resolve(name)
    if canonical is not None:
        return canonical
    known = sorted(entity.name for entity in analysis.corpus.entities)
    if closest_match(fold(name), names.index) or not known:
        hint = names.suggest(name)
    else:
        hint = "known entities: " + ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
    raise UnknownEntity([Problem.of_argument(f"unknown entity {name!r}", hint)])


def timeline(analysis: Analysis, entity_name: str) -> Timeline:
    """The timeline of the entity named ``entity_name`` (a name or an alias)."""
    entity = resolve(analysis, entity_name)
    return timelines(analysis, [entity])[entity]


def timelines(analysis: Analysis, entities: Iterable[str]) -> dict[str, Timeline]:
    """The timelines of ``entities`` (canonical names), worked out together: one solve for the
    events of all of them and of their children, one pass over the claims. (Each point's window
    depends only on the claims linked to it, so solving them together changes none.)"""
    wanted = set(entities)
    points: dict[str, list[Point]] = {entity: [] for entity in wanted}
    for point in analysis.constraints.points:
        if point.event != "published":
            for entity in wanted.intersection(point.who):
                points[entity].append(point)
    facts = _fact_claims(analysis, wanted)
    kids = {Point("born", (kid,)) for claims in facts.values() for kid in _kids(analysis, claims)}
    solved = sorted({*kids, *(p for found in points.values() for p in found)})
    windows = {}
    if solved:
        solution = solve(analysis.constraints, solved, analysis.disputed, focus=True)
        windows = {p: DayInterval(w.lo, w.hi) for p, w in solution.windows.items()}
    born = {p.who[0]: window for p, window in windows.items() if p in kids}
    ages = _ages(analysis, wanted)
    touching = Touching.of(analysis.constraints, (p for found in points.values() for p in found))
    return {
        entity: Timeline(
            entity,
            _events(analysis, entity, sorted(points[entity]), windows, touching),
            tuple(ages.get(entity, [])),
            _facts(analysis, entity, facts[entity], born),
        )
        for entity in wanted
    }


def _events(
    analysis: Analysis,
    entity: str,
    points: list[Point],
    windows: dict[Point, DayInterval],
    touching: Touching,
) -> tuple[Event, ...]:
    events = [
        Event(
            point,
            tuple(who for who in point.who if who != entity),
            windows.get(point, DayInterval(None, None)),
            _sources(analysis, point, touching),
        )
        for point in points
    ]
    return tuple(sorted(events, key=_chronological))


def _fact_claims(analysis: Analysis, entities: set[str]) -> dict[str, dict[str, list[Claim]]]:
    """Each entity's claims of facts that bound no event, by label: the predicate, or "parents"
    for a link seen from its object (the other way round)."""
    predicates = active().predicates
    found: dict[str, dict[str, list[Claim]]] = {entity: {} for entity in entities}
    for claim in analysis.corpus.claims:
        predicate = predicates.get(claim.predicate)
        parties = analysis.parties.get((claim.article.id, claim.id))
        if predicate is None or predicate.timed or parties is None:
            continue
        for entity in entities.intersection(parties):
            link = predicate.kind == "link" and parties[0] != entity
            found[entity].setdefault("parents" if link else claim.predicate, []).append(claim)
    return found


def _kids(analysis: Analysis, claims: dict[str, list[Claim]]) -> set[str]:
    """The children that links among ``claims`` name: their births are in the timeline."""
    predicates = active().predicates
    return {
        analysis.parties[(claim.article.id, claim.id)][1] or ""
        for label, listed in claims.items()
        for claim in listed
        if label != "parents" and predicates[label].kind == "link"
    }


def _facts(
    analysis: Analysis, entity: str, found: dict[str, list[Claim]], born: dict[str, DayInterval]
) -> tuple[Facts, ...]:
    """The facts in the vocabulary's order of predicates, the parents last."""
    order = [*active().predicates, "parents"]
    return tuple(
        Facts(label, tuple(_fact(analysis, claim, entity, born) for claim in claims))
        for label, claims in sorted(found.items(), key=lambda item: order.index(item[0]))
    )


def _fact(analysis: Analysis, claim: Claim, entity: str, born: dict[str, DayInterval]) -> Cited:
    subject, other = analysis.parties[(claim.article.id, claim.id)]
    kind = active().predicates[claim.predicate].kind
    if kind == "link" and subject == entity:
        says = f"{other}, born {born.get(other or '', DayInterval(None, None))}"
    elif kind == "link":
        says = f"{claim.predicate} of {subject}"
    elif kind == "length":
        length = parse_length(claim.value)
        says = f"{length.written} ({length.describe()})"
    else:
        says = value_text(claim) if kind == "count" else str(claim.value)
    as_of, _ = _as_of(analysis, claim) if kind in ("count", "length") else (None, None)
    if as_of is not None:
        says += f" on {as_of}" if as_of.exact else f" in {as_of}"
    key = (claim.article.id, claim.id)
    return Cited(
        **_article_fields(analysis, claim),
        predicate=claim.predicate,
        says=says,
        window=None,
        disputed=key in analysis.blamed,
        contested=key in analysis.contested,
    )


def _chronological(event: Event) -> tuple[int, int, int, tuple[str, ...]]:
    lo, hi = event.window.lo, event.window.hi
    start = lo if lo is not None else hi if hi is not None else _NEVER
    order = active().events[event.event].order
    return (start, _NEVER if hi is None else hi, order, event.others)


def _sources(analysis: Analysis, point: Point, touching: Touching) -> tuple[Cited, ...]:
    """Every claim that bounds ``point``, alone or relative to another event."""
    texts: dict[tuple[str, str], list[str]] = {}
    claims: dict[tuple[str, str], Claim] = {}
    lows: dict[tuple[str, str], int] = {}
    highs: dict[tuple[str, str], int] = {}

    def note(source: Source) -> tuple[str, str] | None:
        if source.claim is None:
            return None  # a domain rule: no article stands behind it
        key = (source.claim.article.id, source.claim.id)
        claims[key] = source.claim
        said = texts.setdefault(key, [])
        if source.text not in said:
            said.append(source.text)
        return key

    for bound in touching.bounds[point]:
        if (key := note(bound.source)) is not None:
            if bound.upper:
                highs[key] = min(highs.get(key, bound.day), bound.day)
            else:
                lows[key] = max(lows.get(key, bound.day), bound.day)
    for edge in touching.edges[point]:
        note(edge.source)
    cited = []
    for key, claim in claims.items():
        bounded = key in lows or key in highs
        window = DayInterval(lows.get(key), highs.get(key)) if bounded else None
        cited.append(
            Cited(
                **_article_fields(analysis, claim),
                predicate=claim.predicate,
                says="; ".join(texts[key]),
                window=window,
                disputed=key in analysis.blamed,
                contested=key in analysis.contested,
            )
        )
    cited.sort(
        key=lambda c: (
            (c.disputed, c.contested),
            _published_day(analysis, c.article),
            c.article,
            c.claim,
        )
    )
    return tuple(cited)


def _article_fields(analysis: Analysis, claim: Claim) -> dict[str, Any]:
    published = analysis.report.published.get(claim.article.id)
    return {
        "article": claim.article.id,
        "cited_as": claim.article.name,
        "outlet": claim.article.outlet,
        "published": None if published is None else iso(published),
        "claim": claim.id,
        "quote": claim.quote,
        "file": claim.location.path,
        "line": claim.location.line,
    }


def _published_day(analysis: Analysis, article: str) -> int:
    published = analysis.report.published.get(article)
    return _NEVER if published is None or published.lo is None else published.lo


def _ages(analysis: Analysis, entities: set[str]) -> dict[str, list[Age]]:
    """The ages given each of ``entities``, in the order they held."""
    ages: dict[str, list[Age]] = {}
    for claim in analysis.corpus.claims:
        key = (claim.article.id, claim.id)
        parties = analysis.parties.get(key)
        if claim.predicate != "age" or parties is None or parties[0] not in entities:
            continue
        as_of, as_of_from = _as_of(analysis, claim)
        ages.setdefault(parties[0] or "", []).append(
            Age(
                **_article_fields(analysis, claim),
                value=normalised(claim.value),
                value_text=value_text(claim),
                as_of=as_of,
                as_of_from=as_of_from,
                disputed=key in analysis.blamed,
                contested=key in analysis.contested,
            )
        )
    for given in ages.values():
        given.sort(key=lambda a: (_start(a.as_of), a.article, a.claim))
    return ages


def _start(interval: DayInterval | None) -> int:
    if interval is None:
        return _NEVER
    return interval.lo if interval.lo is not None else interval.hi or _NEVER


def _as_of(analysis: Analysis, claim: Claim) -> tuple[DayInterval | None, AsOfFrom | None]:
    """When an age claim held: its as_of, else its article's date, else the window of dates
    the article's claims allow (for an undated article)."""
    if claim.after is not None:
        return None, None  # an age some years after another event: no time of its own
    if claim.as_of is not None:
        try:
            return parse_date(claim.as_of), "claim"
        except DateError:
            return None, None
    published = analysis.report.published.get(claim.article.id)
    if published is not None:
        return published, "published"
    dated = analysis.report.dates.get(claim.article.id)
    if dated is not None and (dated.earliest is not None or dated.latest is not None):
        return DayInterval(dated.earliest, dated.latest), "inferred"
    return None, None
