"""The checks every vocabulary passes, built-in or a user's: a predicate of an unknown event, an
event no predicate dates, a rule that can never match, order rules in a cycle. Each problem is
(what, message, hint); :mod:`factcheck.definitions` reports a user's at their lines."""

from __future__ import annotations

from itertools import pairwise

from factcheck.terms import EVERY, Rule, Vocabulary


def problems(vocabulary: Vocabulary) -> list[tuple[str, str, str]]:
    """What is wrong with the vocabulary, as (what, message, hint): a predicate of an
    unknown event, an event no predicate dates, a rule that can never match (an unknown or
    undated event, earlier and later the same, a predicate that is not one), order rules
    that form a cycle. Built-in and user vocabularies alike."""
    found = []
    for name, predicate in vocabulary.predicates.items():
        event = vocabulary.events.get(predicate.event)
        if not predicate.timed:
            if predicate.event:
                message = f"a {predicate.kind} predicate bounds no event"
                found.append((f"predicate {name}", message, "leave event out"))
            if predicate.kind == "link" and not predicate.relation:
                found.append((f"predicate {name}", "a link relates a subject and an object", ""))
        elif event is None:
            found.append((f"predicate {name}", f"unknown event {predicate.event!r}", ""))
        elif event.parties == "couple" and not predicate.relation:
            found.append((f"predicate {name}", "a couple's event takes a relation", ""))
    bounded = {p.event for p in vocabulary.predicates.values() if p.timed}
    for name, event in vocabulary.events.items():
        if event.parties != "article" and name not in bounded:
            hint = f"define a predicate with event = {name!r}, or leave the event out"
            found.append((f"event {name}", "no predicate dates it: nothing can use it", hint))
    for rule in vocabulary.rules:
        found += [
            (f"rule {rule.code}", *problem) for problem in _unmatched(vocabulary, rule, bounded)
        ]
    for codes, cycle in _cycles(vocabulary):
        rules = ", ".join(codes)
        message = f"order rules {rules} form a cycle: {' -> '.join(cycle)}"
        hint = "no corpus could satisfy them all: drop or turn round one of them"
        found.append((f"rule {codes[-1]}", message, hint))
    for codes, cycle in _too_few_years(vocabulary):
        message = f"rules {', '.join(codes)} cannot all hold: {' -> '.join(cycle)}"
        hint = "round this loop of events they ask for more years than it allows: change one"
        # At the user's rule, where one is in the loop: factcheck's own are in no file.
        where = next((c for c in reversed(codes) if not c.startswith("FC")), codes[-1])
        found.append((f"rule {where}", message, hint))
    return found


def _unmatched(vocabulary: Vocabulary, rule: Rule, bounded: set[str]) -> list[tuple[str, str]]:
    hint = "every event a rule names needs a predicate that dates it"
    named = [*rule.earlier, *rule.later]
    wrong = [n for n in named if n != EVERY and n not in bounded]
    problems = [(f"event {n!r} is unknown or no predicate dates it", hint) for n in wrong]
    if rule.kind in ("order", "gap"):
        if not (rule.earlier and rule.later):
            problems.append(("an order or gap rule needs earlier and later events", ""))
        elif not wrong and not rule.via and not vocabulary.pairs(rule):
            hint = "a rule links an event to another event of the same people"
            problems.append(("earlier and later are the same event: it never matches", hint))
    if rule.kind == "alive":
        if not rule.predicates:
            hint = 'e.g. predicates = ["age"]: claims that hold as of a day'
            problems.append(("an alive rule needs predicates", hint))
        if len(rule.later) != 1 or any(vocabulary.events[n].parties != "person" for n in named):
            hint = 'e.g. later = "died": the event of one person that ends a life'
            problems.append(("an alive rule's later is one event of one person", hint))
        for name in rule.predicates:
            predicate = vocabulary.predicates.get(name)
            if predicate is None or predicate.kind != "years":
                hint = "an alive rule reads claims of years that hold as of a day, like age"
                problems.append((f"{name!r} is not a predicate of years", hint))
    if rule.kind == "gap" and rule.least is None and rule.most is None:
        problems.append(("a gap rule needs least or most years", "e.g. least = 12"))
    return problems + _linked(vocabulary, rule) + _about_facts(vocabulary, rule)


# The kind of predicate each kind of rule reads claims of.
_READS = {
    "monotone": "count",
    "undercount": "count",
    "overcount": "count",
    "place": "place",
    "place-unrelated": "place",
    "length": "length",
}


def _linked(vocabulary: Vocabulary, rule: Rule) -> list[tuple[str, str]]:
    """A rule through a link (a parent's birth before a child's; the children a count counts)
    needs a link predicate, and events of one person on each side."""
    if not rule.via:
        if rule.kind in ("undercount", "overcount"):
            return [("it counts the objects of a link: it needs via", 'e.g. via = "child"')]
        return []
    found = []
    link = vocabulary.predicates.get(rule.via)
    if link is None or link.kind != "link":
        links = [n for n, p in vocabulary.predicates.items() if p.kind == "link"]
        found.append((f"via {rule.via!r} is not a link predicate", "links: " + ", ".join(links)))
    if rule.kind not in ("order", "gap", "undercount", "overcount"):
        found.append(("via means nothing to this kind of rule", ""))
    sides = [*rule.earlier, *rule.later]
    people = [n for n in sides if n in vocabulary.events]
    if EVERY in sides or any(vocabulary.events[n].parties != "person" for n in people):
        hint = "a link relates two people: each side is an event of one of them"
        found.append(("a rule through a link names events of one person", hint))
    return found


def _about_facts(vocabulary: Vocabulary, rule: Rule) -> list[tuple[str, str]]:
    kind = _READS.get(rule.kind)
    if kind is None:
        return []
    if not rule.predicates:
        return [(f"a {rule.kind} rule needs predicates", f"predicates of {kind}s, in a list")]
    found = []
    for name in rule.predicates:
        predicate = vocabulary.predicates.get(name)
        if predicate is None or predicate.kind != kind:
            known = vocabulary.facts(kind)
            found.append((f"{name!r} is not a predicate of {kind}s", ", ".join(known)))
    return found


def _cycles(vocabulary: Vocabulary) -> list[tuple[list[str], list[str]]]:
    """Each set of events that order rules put each before another, round to the first, as
    (the codes of the rules, one cycle through the events)."""
    after: dict[str, dict[str, str]] = {}  # earlier -> later -> a rule's code
    for rule in vocabulary.of_kind("order"):
        if rule.via:  # between two people: no cycle of one person's events
            continue
        for earlier, later in vocabulary.pairs(rule):
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


def _too_few_years(vocabulary: Vocabulary) -> list[tuple[list[str], list[str]]]:
    """Order and gap rules that no corpus can satisfy, for a loop of events round which they
    ask for more years than they allow: a gap of at least 199 years between an event and
    everything after it, and the birth that comes before everything, say. Each (the codes of
    the rules, the loop's events); the solver could never retract a claim to undo it.

    A Bellman-Ford over events, in years: an order rule is ``earlier <= later``, a gap
    ``earlier + least <= later <= earlier + most``."""
    steps: list[tuple[str, str, float, str]] = []  # later - earlier <= weight, as (src, dst)
    for rule in (*vocabulary.of_kind("order"), *vocabulary.of_kind("gap")):
        if rule.via:  # between two people: a link claim, which can be retracted, joins them
            continue
        for earlier, later in vocabulary.pairs(rule):
            if rule.kind == "order" or rule.least is not None:
                steps.append((later, earlier, -(rule.least or 0.0), rule.code))
            if rule.most is not None:
                steps.append((earlier, later, rule.most, rule.code))
    events = sorted({event for step in steps for event in step[:2]})
    dist = dict.fromkeys(events, 0.0)
    pred: dict[str, tuple[str, str]] = {}
    relaxed = ""
    for _ in range(len(events)):
        relaxed = ""
        for src, dst, weight, code in steps:
            if dist[src] + weight < dist[dst] - 1e-9:  # years of two decimals: no rounding
                dist[dst], pred[dst], relaxed = dist[src] + weight, (src, code), dst
        if not relaxed:
            return []
    start = relaxed
    for _ in range(len(events)):  # walk back until surely inside the loop
        start = pred[start][0]
    loop, codes, event = [start], set(), start
    while True:
        event, code = pred[event]
        codes.add(code)
        loop.append(event)
        if event == start:
            break
    return [(sorted(codes), loop[::-1])]
