"""Compile readings into difference constraints on time points, each remembering its source.

A bound says a point lies on or after (or on or before) a day; an edge says ``dst - src <= weight``
in days. Spans between two fixed dates use exact calendar arithmetic; spans between points whose
dates are unknown use the fewest and most days the span can take, so no real calendar is excluded.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Set
from dataclasses import dataclass, field

from factcheck.dates import DayInterval, Span, span_day_bounds, starts_within
from factcheck.model import Claim, quick_pickle
from factcheck.values import (
    AS_OF,
    Anchor,
    DateReading,
    FactReading,
    Point,
    Reading,
    SpanReading,
)
from factcheck.vocabulary import Rule, Vocabulary, active


@quick_pickle
@dataclass(frozen=True, slots=True, eq=False)  # one source per claim or rule use: identity
class Source:
    """Where a constraint came from: a claim, or a domain rule; ``text`` is its arithmetic."""

    text: str
    claim: Claim | None = None
    rule: Rule | None = None
    key: tuple[str, str] | None = None  # what sets it aside when it is not a claim's
    # The key by which this source is retracted or set aside; None for domain rules. Stored,
    # not derived on each use: the solver asks for it at every step.
    claim_key: tuple[str, str] | None = field(init=False)
    # The order in which sources are considered where their days tie: a stable tie-break,
    # claims by article and id, then domain rules.
    order: tuple[str, str, str] = field(init=False)

    def __post_init__(self) -> None:
        claim = self.claim
        key = self.key if claim is None else (claim.article.id, claim.id)
        object.__setattr__(self, "claim_key", key)
        if claim is None:
            order = ("~", self.rule.code if self.rule else "", self.text)
        else:
            order = (claim.article.id, claim.id, self.text)
        object.__setattr__(self, "order", order)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Bound:
    point: Point
    day: int
    upper: bool  # on or before ``day`` when True, on or after when False
    source: Source


@dataclass(frozen=True, slots=True)
class Edge:
    src: Point
    dst: Point
    weight: int  # dst - src <= weight, in days
    source: Source


@dataclass(frozen=True, slots=True)
class Gap:
    """``span`` separates ``earlier`` from ``later`` in calendar terms (the edges' exact form)."""

    earlier: Point
    later: Point
    span: Span
    source: Source


@dataclass(slots=True)
class Constraints:
    bounds: list[Bound] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    points: set[Point] = field(default_factory=set)
    gaps: list[Gap] = field(default_factory=list)

    def sources(self) -> list[Source]:
        return [b.source for b in self.bounds] + [e.source for e in self.edges]

    def add_interval(self, point: Point, interval: DayInterval, source: Source) -> None:
        self.points.add(point)
        if interval.lo is not None:
            self.bounds.append(Bound(point, interval.lo, False, source))
        if interval.hi is not None:
            self.bounds.append(Bound(point, interval.hi, True, source))

    def add_order(
        self, earlier: Point, later: Point, lo: int, hi: int | None, source: Source
    ) -> None:
        """``lo <= later - earlier <= hi`` days."""
        self.points.update((earlier, later))
        self.edges.append(Edge(later, earlier, -lo, source))
        if hi is not None:
            self.edges.append(Edge(earlier, later, hi, source))


def value_text(claim: Claim) -> str:
    """A claim's value as a reader would say it."""
    value = claim.value
    if not isinstance(value, dict):
        return str(value)
    years = claim.after or active().predicates[claim.predicate].kind == "years"
    kind = "years" if years else "date"
    words = {"min": "at least", "max": "at most"}
    if kind == "date":
        words = {"min": "on or after", "max": "on or before"}
    ends = [(k, "the article's date" if v == AS_OF else v) for k, v in value.items()]
    return " and ".join(f"{words.get(k, k)} {v}" for k, v in ends)


def _when(anchor: Anchor) -> str:
    if isinstance(anchor, Point):
        return f"at {anchor}"  # "at the publication of <article>"
    return f"on {anchor}" if anchor.exact else f"in {anchor}"


def _said(claim: Claim) -> str:
    years = f"{value_text(claim)} year{'s' * (claim.value != 1)}"
    if claim.after is not None:
        after = claim.after
        earlier = Point(
            after.predicate, (after.subject, after.object) if after.object else (after.subject,)
        )
        noun = active().events[active().predicates[claim.predicate].event].noun
        return f"the {noun} came {years} after {earlier}"
    if claim.predicate == "age":
        return f"{claim.subject} is {value_text(claim)}"
    return f"{claim.subject} and {claim.object} had been married {years}"


@dataclass(frozen=True, slots=True)
class Touching:
    """The bounds and edges on each of some points, found in one pass over the constraints.
    (Looked for point by point, the timelines of everyone with a finding at 100k claims took
    25 s.)"""

    bounds: dict[Point, list[Bound]]
    edges: dict[Point, list[Edge]]

    @classmethod
    def of(cls, constraints: Constraints, points: Iterable[Point]) -> Touching:
        bounds: dict[Point, list[Bound]] = {point: [] for point in points}
        edges: dict[Point, list[Edge]] = {point: [] for point in bounds}
        for bound in constraints.bounds:
            if bound.point in bounds:
                bounds[bound.point].append(bound)
        for edge in constraints.edges:
            for end in dict.fromkeys((edge.src, edge.dst)):  # an edge once, even to itself
                if end in edges:
                    edges[end].append(edge)
        return cls(bounds, edges)


def compile_readings(
    readings: list[Reading],
    disabled: frozenset[str] = frozenset(),
    vocabulary: Vocabulary | None = None,
    known: Set[Point] = frozenset(),
    links: list[FactReading] | None = None,
) -> Constraints:
    """Constraints of every reading, and of the domain rules not ``disabled`` (those of
    ``vocabulary``, default: the one in force). ``known`` points exist beyond these readings
    (in the rest of the corpus): a rule may tie a reading to one of them (an age to a death).
    ``links`` (a parent and a child) tie the rules that go through them."""
    vocabulary = vocabulary or active()
    out = Constraints()
    for reading in readings:
        claim = reading.claim
        if isinstance(reading, DateReading):
            _compile_dates(out, reading)
        elif isinstance(reading.until, DayInterval):
            interval = starts_within(reading.until, reading.span)
            text = f"{_said(claim)} {_when(reading.until)}, so {reading.point.event} {interval}"
            out.add_interval(reading.point, interval, Source(text, claim))
        else:
            _compile_span(out, reading)
    _add_order_rules(out, vocabulary, disabled)
    _add_alive_rules(out, readings, vocabulary, disabled, known)
    _add_link_rules(out, links or [], vocabulary, disabled, known)
    return out


def _compile_dates(out: Constraints, reading: DateReading) -> None:
    claim, point = reading.claim, reading.point
    lo, hi = reading.lo, reading.hi
    event = point.with_who(point.event)
    if isinstance(lo, DayInterval) and isinstance(hi, DayInterval):
        interval = DayInterval(lo.lo, hi.hi)
        text = f"{event} {interval}"
        if not interval.exact and not isinstance(claim.value, dict):
            text = f"{event} {value_text(claim)} ({interval})"
        out.add_interval(point, interval, Source(text, claim))
        return
    for anchor, upper in ((lo, False), (hi, True)):
        if isinstance(anchor, DayInterval):
            day = anchor.hi if upper else anchor.lo
            half = DayInterval(None, day) if upper else DayInterval(day, None)
            out.add_interval(point, half, Source(f"{event} {half}", claim))
        elif isinstance(anchor, Point):
            word = "on or before" if upper else "on or after"
            source = Source(f"{event} {word} {anchor}", claim)
            if upper:
                out.add_order(point, anchor, 0, None, source)
            else:
                out.add_order(anchor, point, 0, None, source)


def _compile_span(out: Constraints, reading: SpanReading) -> None:
    assert isinstance(reading.until, Point)
    lo, hi = span_day_bounds(reading.span)
    days = f"{lo}..{hi} days" if hi is not None else f"{lo} days or more"
    text = f"{_said(reading.claim)} {_when(reading.until)}, {days} after {reading.point}"
    if reading.claim.after is not None:
        text = f"{_said(reading.claim)}: {days} later"
    source = Source(text, reading.claim)
    out.add_order(reading.point, reading.until, lo, hi, source)
    out.gaps.append(Gap(reading.point, reading.until, reading.span, source))


def _add_order_rules(out: Constraints, vocabulary: Vocabulary, disabled: frozenset[str]) -> None:
    """Each order rule's edges, linked through the points that exist (never through pairs of
    claims): an earlier point to each later point of the same people, where the people of one
    are all among the other's (a person's birth and each couple's wedding the person is in; a
    couple's meeting and the same couple's wedding; a person's birth and death)."""
    by_event: dict[str, list[Point]] = {}
    # Each event's points by each person in them: the points a point shares people with are
    # found through its own people, not by a look at every pair (quadratic in the corpus).
    by_person: dict[tuple[str, str], list[Point]] = {}
    for point in sorted(out.points):
        by_event.setdefault(point.event, []).append(point)
        for person in point.who or ("",):  # no one: shares with everyone (see _shared)
            by_person.setdefault((point.event, person), []).append(point)
    for rule in (*vocabulary.of_kind("order"), *vocabulary.of_kind("gap")):
        if rule.code in disabled or rule.via:
            continue
        source = Source(_rule_text(rule), rule=rule)
        for earlier_event, later_event in vocabulary.pairs(rule):
            for later in by_event.get(later_event, ()):
                people = later.who or {p for e in by_event.get(earlier_event, ()) for p in e.who}
                candidates = {
                    earlier
                    for person in (*people, "")
                    for earlier in by_person.get((earlier_event, person), ())
                }
                for earlier in sorted(candidates):  # in the order of the points, as ever
                    if _shared(earlier.who, later.who):
                        _add_rule(out, rule, earlier, later, source)


def _add_rule(out: Constraints, rule: Rule, earlier: Point, later: Point, source: Source) -> None:
    """An order rule's edge from ``earlier`` to ``later``, or a gap rule's: at least ``least``
    years later (in calendar terms, as a span), at most ``most`` years later; without a least,
    the later event may come first ("born at most 10 months after a parent's death")."""
    if rule.kind == "order":
        out.edges.append(Edge(later, earlier, 0, source))
        return
    span = _rule_span(rule)
    lo, hi = span_day_bounds(span)
    if rule.least is None:
        assert hi is not None
        out.points.update((earlier, later))
        out.edges.append(Edge(earlier, later, hi, source))
        return
    out.add_order(earlier, later, lo, hi, source)
    out.gaps.append(Gap(earlier, later, span, source))


def _add_link_rules(
    out: Constraints,
    links: list[FactReading],
    vocabulary: Vocabulary,
    disabled: frozenset[str],
    known: Set[Point],
) -> None:
    """Order and gap rules through a link: the link's subject's earlier event and its object's
    later event (a parent's birth, a child's), where both exist. The link claim and the rule
    make the constraint together, so that the claim can be named if it is the one at odds."""
    for rule in (*vocabulary.of_kind("order"), *vocabulary.of_kind("gap")):
        if rule.code in disabled or not rule.via:
            continue
        for link in links:
            if link.claim.predicate != rule.via:
                continue
            subject, other = link.who
            for earlier_event, later_event in vocabulary.pairs(rule):
                earlier, later = Point(earlier_event, (subject,)), Point(later_event, (other,))
                # A rule that orders the two events holds with no date for them: two people
                # each the other's child is a contradiction. One that bounds only how much
                # later (a birth within months of a death) needs both events known.
                ordering = rule.kind == "order" or rule.least is not None
                if not ordering and not all(
                    p in out.points or p in known for p in (earlier, later)
                ):
                    continue
                gap = _gap_text(rule, earlier, later)
                text = f"{subject}'s {link.claim.predicate} is {other}, so {gap}"
                _add_rule(out, rule, earlier, later, Source(text, link.claim, rule))


def _gap_text(rule: Rule, earlier: Point, later: Point) -> str:
    """ "Natalie Portman's birth is at least 12 years before Aleph's birth (FC401)": the rule's
    arithmetic between two events, with its parameters as configured."""
    if rule.kind == "order":
        return f"{earlier} is on or before {later} ({rule.code})"
    return f"{later} is {rule.span()} after {earlier} ({rule.code})"


def _rule_span(rule: Rule) -> Span:
    """A gap rule's span, in whole months, rounded outwards (10/12 of a year is 10 months)."""
    most = None if rule.most is None else math.ceil(round(rule.most * 12, 6))
    return Span(math.floor(round((rule.least or 0) * 12, 6)), most, True)


def _add_alive_rules(
    out: Constraints,
    readings: list[Reading],
    vocabulary: Vocabulary,
    disabled: frozenset[str],
    known: Set[Point],
) -> None:
    """A claim that holds as of a day (an age) says its subject was alive then: the day is on
    or before their death, where a claim dates the death. The claim and the rule make the
    constraint together, so that the claim can be named if it is the one at odds."""
    for rule in vocabulary.of_kind("alive"):
        if rule.code in disabled:
            continue
        for reading in readings:
            if reading.claim.predicate not in rule.predicates or reading.claim.after:
                continue
            assert isinstance(reading, SpanReading)
            death = Point(rule.later[0], reading.point.who)
            if death not in out.points and death not in known:
                continue
            until = reading.until
            text = f"{_said(reading.claim)} {_when(until)}, so alive then ({rule.code})"
            source = Source(text, reading.claim, rule)
            if isinstance(until, Point):
                out.add_order(until, death, 0, None, source)
            elif until.lo is not None:
                out.add_interval(death, DayInterval(until.lo, None), source)


def _rule_text(rule: Rule) -> str:
    first = rule.doc.split(".")[0]
    return f"{first[0].lower()}{first[1:]} ({rule.code})"


def _shared(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether the people of one point are all among the other's."""
    return set(one) <= set(other) or set(other) <= set(one)
