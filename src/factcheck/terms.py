"""The terms a vocabulary is made of (events, predicates, rules) and the checks every vocabulary
passes, built-in or a user's: see :mod:`factcheck.vocabulary` for what they mean and the
built-in vocabulary itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

Severity = Literal["error", "warning", "info"]
Parties = Literal["person", "couple", "article"]
PredicateKind = Literal["date", "years"]
RuleKind = Literal["conflict", "order", "gap", "alive", "article"]
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
    event: str  # the event whose date the claim bounds
    relation: bool  # relates subject and object (symmetric), rather than one person
    doc: str


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    kind: RuleKind = "conflict"
    earlier: tuple[str, ...] = ()  # order, gap: the earlier events, or (EVERY,)
    later: tuple[str, ...] = ()  # order, gap: the later events, or (EVERY,); alive: the death
    predicates: tuple[str, ...] = ()  # alive: the claims that hold as of a day
    least: float | None = None  # gap: at least this many years between them
    most: float | None = None  # gap: at most this many
    why: str = ""  # why the rule holds, and what a finding of it usually means


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
            if earlier != later
        ]

    def person_event(self, name: str) -> bool:
        return self.events[name].parties == "person"

    def problems(self) -> list[tuple[str, str, str]]:
        """What is wrong with the vocabulary, as (what, message, hint): a predicate of an
        unknown event, an event no predicate dates, a rule that can never match (an unknown or
        undated event, earlier and later the same, a predicate that is not one), order rules
        that form a cycle. Built-in and user vocabularies alike."""
        found = []
        for name, predicate in self.predicates.items():
            event = self.events.get(predicate.event)
            if event is None:
                found.append((f"predicate {name}", f"unknown event {predicate.event!r}", ""))
            elif event.parties == "couple" and not predicate.relation:
                found.append((f"predicate {name}", "a couple's event takes a relation", ""))
        bounded = {p.event for p in self.predicates.values()}
        for name, event in self.events.items():
            if event.parties != "article" and name not in bounded:
                hint = f"define a predicate with event = {name!r}, or leave the event out"
                found.append((f"event {name}", "no predicate dates it: nothing can use it", hint))
        for rule in self.rules:
            found += [(f"rule {rule.code}", *problem) for problem in self._unmatched(rule, bounded)]
        for codes, cycle in self._cycles():
            rules = ", ".join(codes)
            message = f"order rules {rules} form a cycle: {' -> '.join(cycle)}"
            hint = "no corpus could satisfy them all: drop or turn round one of them"
            found.append((f"rule {codes[-1]}", message, hint))
        return found

    def _unmatched(self, rule: Rule, bounded: set[str]) -> list[tuple[str, str]]:
        hint = "every event a rule names needs a predicate that dates it"
        named = [*rule.earlier, *rule.later]
        wrong = [n for n in named if n != EVERY and n not in bounded]
        problems = [(f"event {n!r} is unknown or no predicate dates it", hint) for n in wrong]
        if rule.kind in ("order", "gap"):
            if not (rule.earlier and rule.later):
                problems.append(("an order or gap rule needs earlier and later events", ""))
            elif not wrong and not self.pairs(rule):
                hint = "a rule links an event to another event of the same people"
                problems.append(("earlier and later are the same event: it never matches", hint))
        if rule.kind == "alive":
            if not rule.predicates:
                hint = 'e.g. predicates = ["age"]: claims that hold as of a day'
                problems.append(("an alive rule needs predicates", hint))
            if len(rule.later) != 1 or any(self.events[n].parties != "person" for n in named):
                hint = 'e.g. later = "died": the event of one person that ends a life'
                problems.append(("an alive rule's later is one event of one person", hint))
            for name in rule.predicates:
                predicate = self.predicates.get(name)
                if predicate is None or predicate.kind != "years":
                    hint = "an alive rule reads claims of years that hold as of a day, like age"
                    problems.append((f"{name!r} is not a predicate of years", hint))
        if rule.kind == "gap" and rule.least is None and rule.most is None:
            problems.append(("a gap rule needs least or most years", "e.g. least = 12"))
        return problems

    def _cycles(self) -> list[tuple[list[str], list[str]]]:
        """Each set of events that order rules put each before another, round to the first, as
        (the codes of the rules, one cycle through the events)."""
        after: dict[str, dict[str, str]] = {}  # earlier -> later -> a rule's code
        for rule in self.of_kind("order"):
            for earlier, later in self.pairs(rule):
                after.setdefault(earlier, {}).setdefault(later, rule.code)
        found: list[tuple[list[str], list[str]]] = []
        seen: set[str] = set()
        for start in sorted(after):
            cycle = [] if start in seen else _cycle_from(start, after)
            if not cycle:
                continue
            # One cycle for each set of events that all come before one another.
            seen |= _reachable(start, after) & _reachable(start, _turned(after))
            codes = sorted({after[a][b] for a, b in pairwise(cycle)})
            found.append((codes, cycle))
        return found

    def dated_predicates(self) -> list[str]:
        """The predicates whose value is a date: the events an ``after`` span can count from."""
        return [name for name, p in self.predicates.items() if p.kind == "date"]


def _reachable(start: str, after: dict[str, dict[str, str]]) -> set[str]:
    found, todo = {start}, [start]
    while todo:
        for later in after.get(todo.pop(), {}):
            if later not in found:
                found.add(later)
                todo.append(later)
    return found


def _turned(after: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    before: dict[str, dict[str, str]] = {}
    for earlier, laters in after.items():
        for later, code in laters.items():
            before.setdefault(later, {})[earlier] = code
    return before


def _cycle_from(start: str, after: dict[str, dict[str, str]]) -> list[str]:
    """A path of events from ``start`` back to it, each after the one before; empty if none."""
    path: list[str] = [start]
    on_path = {start}
    visited: set[str] = set()

    def visit(event: str) -> bool:
        for later in sorted(after.get(event, {})):
            if later == start:
                path.append(start)
                return True
            if later in on_path or later in visited:
                continue
            visited.add(later)
            path.append(later)
            on_path.add(later)
            if visit(later):
                return True
            path.pop()
            on_path.discard(later)
        return False

    return path if visit(start) else []
