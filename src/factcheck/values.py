"""Read each claim's names, dates and spans: the typed meaning of what the claim files say.

A claim becomes a :class:`Reading` about time points. A time point is an event (a birth, a
meeting, a wedding, a publication...) with its participants. Dates become day intervals; a time
that is not a fixed date (the publication of an undated article, another event) stays a point.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from factcheck.dates import DATE_HINT, DateError, DayInterval, Span, parse_date, parse_years
from factcheck.entities import Names
from factcheck.lengths import HINT as HEIGHT_HINT
from factcheck.lengths import parse_length
from factcheck.model import Article, Claim, Corpus
from factcheck.problems import Problem
from factcheck.vocabulary import active

AS_OF = "as_of"  # a date-range bound that stands for the claim's as_of time
_FACT_HINTS = {
    "count": 'a whole number like 2, or a table like { min = 2 } for "at least two"',
    "length": HEIGHT_HINT,
    "place": 'a place like "Jerusalem", or "Jerusalem, Israel"',
}


class Point(NamedTuple):
    """A time point: an event and who took part (sorted, so relations are symmetric)."""

    event: str
    who: tuple[str, ...]

    def __str__(self) -> str:
        noun = active().events[self.event].noun
        if len(self.who) == 1 and self.event != "published":
            return f"{self.who[0]}'s {noun}"
        return f"the {noun} of {' and '.join(self.who)}"

    def with_who(self, said: str) -> str:
        """``said`` ("born 2011-06-14") after the names of who took part: a step of a proof is
        also read alone (explain, the JSON report), so it says whose event it dates."""
        return f"{' and '.join(self.who)} {said}"


def published_point(article: Article) -> Point:
    return Point("published", (article.id,))


Anchor = DayInterval | Point  # a known interval of days, or a point whose date is unknown


@dataclass(frozen=True, slots=True)
class DateReading:
    """The claim puts ``point`` on or after ``lo`` and on or before ``hi``."""

    claim: Claim
    point: Point
    lo: Anchor | None
    hi: Anchor | None


@dataclass(frozen=True, slots=True)
class SpanReading:
    """The claim says ``span`` had passed since ``point`` by ``until``."""

    claim: Claim
    point: Point
    span: Span
    until: Anchor


Reading = DateReading | SpanReading


@dataclass(frozen=True, slots=True)
class FactReading:
    """A claim of a fact that bounds no event: a count, a place, a height, or a link (a parent
    and a child). ``who`` are the canonical people (subject, then object for a link); ``value``
    is read: a count's (least, most) with most None for "at least", a height's Length, a place
    as written, None for a link; ``when`` is the day the fact holds, for counts and heights."""

    claim: Claim
    who: tuple[str, ...]
    value: object
    when: Anchor | None = None

    @property
    def kind(self) -> str:
        return active().predicates[self.claim.predicate].kind


@dataclass(slots=True)
class Readings:
    readings: list[Reading]
    published: dict[str, DayInterval | None]  # article id -> its stated publication interval
    problems: list[Problem]
    facts: list[FactReading] = field(default_factory=list)
    names_incomplete: bool = False
    floating: bool = False
    # (article id, claim id) -> canonical (subject, object)
    parties: dict[tuple[str, str], tuple[str, str | None]] = field(default_factory=dict)


def read(
    corpus: Corpus, names: Names, floating: bool = False, only: Iterable[Claim] | None = None
) -> Readings:
    """Read every claim (or ``only`` these). With ``floating``, claims in the present tense hold
    on their article's publication as a point of its own, whatever date the article states (to
    date articles)."""
    result = Readings([], {}, list(names.problems), names_incomplete=bool(corpus.unreadable))
    result.floating = floating
    for article in corpus.articles:
        result.published[article.id] = _published(article, result.problems)
    for claim in corpus.claims if only is None else only:
        reading = _ClaimReader(claim, names, result).read()
        if isinstance(reading, FactReading):
            result.facts.append(reading)
        elif reading is not None:
            result.readings.append(reading)
    return result


def may_be_present_tense(claim: Claim) -> bool:
    """Whether a claim can hold on its article's publication: it gives no date of its own
    (as_of, after) and is an age, a duration, a count or a height, or a date range up to
    "as_of"."""
    predicate = active().predicates.get(claim.predicate)
    if claim.as_of is not None or claim.after is not None or predicate is None:
        return False
    return predicate.kind in ("years", "count", "length") or (
        isinstance(claim.value, dict) and AS_OF in claim.value.values()
    )


def read_count(value: object) -> tuple[int, int | None]:
    """A number of things: N (exactly), or a table ``{ min = N }`` ("at least N"), ``{ min =
    N, max = M }``; as (least, most), most None when there is no most."""
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"min", "max"})
        if unknown or "min" not in value:
            raise ValueError("a count table takes min, and max if it has one")
        least = _whole(value["min"])
        most = _whole(value["max"]) if "max" in value else None
        if most is not None and most < least:
            raise ValueError(f"min {least} is above max {most}")
        return least, most
    count = _whole(value)
    return count, count


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"a count is a whole number, not {value!r}")
    if value < 0:
        raise ValueError(f"a count is never negative, not {value}")
    return value


def read_place(value: object) -> str:
    if not isinstance(value, str) or not value.replace(",", " ").strip():
        raise ValueError(f"a place is a name, not {value!r}")
    return " ".join(value.split())


def _published(article: Article, problems: list[Problem]) -> DayInterval | None:
    if article.published is None:
        return None
    try:
        return parse_date(article.published)
    except DateError as exc:
        line = article.line_of("published")
        problems.append(Problem(article.location.path, line, f"published: {exc}", DATE_HINT))
        return None


class _ClaimReader:
    """Reads one claim; a claim with structural problems is still read, for more problems."""

    def __init__(self, claim: Claim, names: Names, result: Readings) -> None:
        self.claim = claim
        self.names = names
        self.result = result
        self.ok = not claim.broken
        self.stated_as_of: DayInterval | None = None

    def problem(self, key: str, message: str, hint: str = "") -> None:
        self.ok = False
        line = self.claim.line_of(key)
        self.result.problems.append(Problem(self.claim.location.path, line, message, hint))

    def entity(self, name: str, role: str, key: str | None = None) -> str:
        """The canonical name; ``role`` is subject or object, ``key`` the line's key."""
        canonical = self.names.resolve(name)
        if canonical is not None:
            return canonical
        self.ok = False
        hint = self.names.suggest(name)
        if self.result.names_incomplete:
            hint += "; a file that could not be read may define it"
        where = f" in {key}" if key else ""
        self.problem(key or role, f"unknown {role} {name!r}{where}", hint)
        return name

    def point(self, event: str, who: list[str]) -> Point:
        if len(who) == 2 and who[0] == who[1]:
            self.problem("object", f"{who[0]!r} cannot have {event} themselves")
        return Point(event, tuple(sorted(who)))

    def as_of(self) -> Anchor:
        if self.stated_as_of is not None:
            return self.stated_as_of
        stated = None if self.result.floating else self.result.published.get(self.claim.article.id)
        return stated if stated is not None else published_point(self.claim.article)

    def read(self) -> Reading | FactReading | None:
        claim = self.claim
        who = [self.entity(claim.subject, "subject")] if claim.subject else []
        if claim.object is not None:
            who.append(self.entity(claim.object, "object"))
        if who:
            self.result.parties[(claim.article.id, claim.id)] = (who[0], claim.object and who[-1])
        if claim.as_of is not None:
            try:
                self.stated_as_of = parse_date(claim.as_of)
            except DateError as exc:
                self.problem("as_of", f"as_of: {exc}", DATE_HINT)
        predicate = active().predicates.get(claim.predicate)
        if predicate is None or len(who) != 1 + predicate.relation:
            self.ok = False
            return None
        if not predicate.timed:
            fact = self.fact(predicate.kind, who)
            return fact if self.ok else None
        if claim.value is None:
            self.ok = False
            return None
        point = self.point(predicate.event, who)
        reading: Reading | None
        if claim.after is not None:
            after = claim.after
            earlier_who = [self.entity(after.subject, "subject", "after")]
            if after.object is not None:
                earlier_who.append(self.entity(after.object, "object", "after"))
            earlier = self.point(active().predicates[after.predicate].event, earlier_who)
            span = self.span()
            reading = None if span is None else SpanReading(claim, earlier, span, point)
        elif predicate.kind == "years":
            span = self.span()
            reading = None if span is None else SpanReading(claim, point, span, self.as_of())
        else:
            reading = self.dates(point)
        return reading if self.ok else None

    def fact(self, kind: str, who: list[str]) -> FactReading | None:
        """A count, a place, a height or a link, read; ``when`` for those that hold as of a day."""
        claim = self.claim
        if kind in ("place", "link") and claim.as_of is not None:
            what = "a birthplace" if kind == "place" else "a link"
            self.problem(
                "as_of", f"as_of has no meaning with {claim.predicate}", f"{what} holds always"
            )
        if kind == "link":
            if len(who) == 2 and who[0] == who[1]:
                message = f"{who[0]!r} cannot be their own {claim.predicate}"
                self.problem("object", message, "the subject is the parent, the object the child")
            return FactReading(claim, tuple(who), None)
        if claim.value is None:  # missing, or of a type the loader refused: said there
            self.ok = False
            return None
        read = {"count": read_count, "length": parse_length, "place": read_place}[kind]
        try:
            value = read(claim.value)
        except ValueError as exc:
            self.problem("value", f"value: {exc}", _FACT_HINTS[kind])
            return None
        when = self.as_of() if kind in ("count", "length") else None
        return FactReading(claim, tuple(who), value, when)

    def span(self) -> Span | None:
        try:
            return parse_years(self.claim.value)
        except DateError as exc:
            hint = "a years value is a number like 11 or 1.5, or a table like { min = 10 }"
            self.problem("value", f"value: {exc}", hint)
            return None

    def dates(self, point: Point) -> DateReading | None:
        value = self.claim.value
        if not isinstance(value, dict):
            interval = self.date(value)
            return None if interval is None else DateReading(self.claim, point, interval, interval)
        unknown = sorted(set(value) - {"min", "max"})
        if unknown or not value:
            self.problem("value", "a date range table takes min and max", 'e.g. { max = "as_of" }')
            return None
        lo = self.bound(value.get("min"))
        hi = self.bound(value.get("max"))
        if (
            isinstance(lo, DayInterval)
            and isinstance(hi, DayInterval)
            and lo.lo is not None
            and hi.hi is not None
            and lo.lo > hi.hi
        ):
            message = f"value: min {value['min']} is after max {value['max']}"
            self.problem("value", message, "swap them, or check the dates")
        return DateReading(self.claim, point, lo, hi)

    def bound(self, value: object) -> Anchor | None:
        if value is None:
            return None
        if value == AS_OF:
            return self.as_of() if self.claim.as_of is None or self.stated_as_of else None
        return self.date(value)

    def date(self, value: object) -> DayInterval | None:
        try:
            return parse_date(value)
        except DateError as exc:
            self.problem("value", f"value: {exc}", DATE_HINT)
            return None
