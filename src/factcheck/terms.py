"""The terms a vocabulary is made of (events, predicates, rules) and the checks every vocabulary
passes, built-in or a user's: see :mod:`factcheck.vocabulary` for what they mean and the
built-in vocabulary itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
Parties = Literal["person", "couple", "article"]
# date, years: they bound an event; count, length: a number, a height of a person as of a day;
# place: where; link: relates two people one way (a parent to a child), with no value.
PredicateKind = Literal["date", "years", "count", "place", "length", "link"]
TIMED = ("date", "years")  # the kinds of predicate that bound an event
RuleKind = Literal[
    "conflict",
    "order",
    "gap",
    "alive",
    "monotone",
    "undercount",
    "overcount",
    "place",
    "place-unrelated",
    "length",
    "article",
]
EVERY = "*"  # in an order rule's later events: every event of the same people


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    noun: str  # how messages name it: "Aleph's birth", "the wedding of A and B"
    verb: str  # how a timeline labels it: "born", "married Benjamin Millepied"
    parties: Parties
    order: int  # its usual place in a life, to sort events of one day
    # How articles say a couple's event happened, for the extractor: a regular expression of
    # the verb's forms ("tied the knot", "wed"); empty where the extractor has patterns of its
    # own (births, deaths) or none.
    phrases: str = ""


@dataclass(frozen=True, slots=True)
class Predicate:
    name: str
    kind: PredicateKind  # what ``value`` holds
    event: str  # the event whose date the claim bounds ("" for a predicate that bounds none)
    relation: bool  # relates subject and object (symmetric, but for a link), not one person
    doc: str

    @property
    def timed(self) -> bool:
        return self.kind in TIMED


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    kind: RuleKind = "conflict"
    earlier: tuple[str, ...] = ()  # order, gap: the earlier events, or (EVERY,)
    later: tuple[str, ...] = ()  # order, gap: the later events, or (EVERY,); alive: the death
    predicates: tuple[str, ...] = ()  # alive: the claims that hold as of a day; the facts
    least: float | None = None  # gap: at least this many years between them
    most: float | None = None  # gap: at most this many
    why: str = ""  # why the rule holds, and what a finding of it usually means
    # order, gap: a link predicate through which the rule matches, the earlier event being its
    # subject's and the later its object's (a parent's birth before a child's); undercount,
    # overcount: the link whose objects a count counts, each from its ``later`` event.
    via: str = ""

    def span(self) -> str:
        """A gap rule's years in words: "at least 12 years", "at most 10 months"."""
        ends = [f"at least {_years(self.least)}"] if self.least is not None else []
        if self.most is not None:
            ends.append(f"at most {_years(self.most)}")
        return " and ".join(ends)


@dataclass(frozen=True)
class Vocabulary:
    events: dict[str, Event]
    predicates: dict[str, Predicate]
    rules: tuple[Rule, ...]
    rules_by_code: dict[str, Rule] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules_by_code", {rule.code: rule for rule in self.rules})

    def extended(
        self, events: list[Event], predicates: list[Predicate], rules: list[Rule]
    ) -> Vocabulary:
        """This vocabulary with more events, predicates and rules (a user's)."""
        return Vocabulary(
            {**self.events, **{e.name: e for e in events}},
            {**self.predicates, **{p.name: p for p in predicates}},
            (*self.rules, *rules),
        )

    def tuned(self, rules: list[Rule]) -> Vocabulary:
        """This vocabulary with some of its rules replaced, by code (their years changed)."""
        changed = {rule.code: rule for rule in rules}
        kept = tuple(changed.get(rule.code, rule) for rule in self.rules)
        return Vocabulary(self.events, self.predicates, kept)

    def digest(self) -> str:
        """What the vocabulary says, as a digest: caches made under another are not used."""
        said = repr((self.events, self.predicates, self.rules))
        return hashlib.sha256(said.encode("utf-8")).hexdigest()

    def of_kind(self, kind: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.kind == kind)

    def pairs(self, rule: Rule) -> list[tuple[str, str]]:
        """The (earlier, later) events an order rule links, EVERY spelled out: every event of
        people (not an article's publication) but the other side's."""
        people = [name for name, event in self.events.items() if event.parties != "article"]

        def spelled(side: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
            return [n for n in people if n not in other] if EVERY in side else list(side)

        return [
            (earlier, later)
            for earlier in spelled(rule.earlier, rule.later)
            for later in spelled(rule.later, rule.earlier)
            if earlier != later or rule.via  # through a link: two people's events
        ]

    def person_event(self, name: str) -> bool:
        return self.events[name].parties == "person"

    def problems(self) -> list[tuple[str, str, str]]:
        """What is wrong with the vocabulary, as (what, message, hint): see
        :mod:`factcheck.vocabulary_problems`."""
        from factcheck.vocabulary_problems import problems

        return problems(self)

    def facts(self, kind: str) -> list[str]:
        """The predicates of a kind that bounds no event (count, place, length, link)."""
        return [name for name, p in self.predicates.items() if p.kind == kind]

    def dated_predicates(self) -> list[str]:
        """The predicates whose value is a date: the events an ``after`` span can count from."""
        return [name for name, p in self.predicates.items() if p.kind == "date"]


def _years(value: float) -> str:
    """ "12 years", "1 year", "10 months"."""
    months = value * 12
    if value < 1 and abs(months - round(months)) < 1e-9:
        return f"{round(months)} month{'s' * (round(months) != 1)}"
    return f"{value:g} year{'s' * (value != 1)}"
