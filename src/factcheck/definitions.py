"""A user's vocabulary: events, predicates and rules defined in the configuration, read into the
built-in vocabulary's terms and checked like it, every problem reported at its line.

```toml
[tool.factcheck.events.signed]      # in factcheck.toml: [events.signed]
of = "couple"                       # "person" or "couple"
noun = "signing"                    # how messages name it (default: its name)
verb = "signed with"                # how a timeline labels it (default: its name)

[tool.factcheck.predicates.signed]
value = "date"                      # "date" or "years" (default: "date")
event = "signed"                    # the event it bounds (default: its name)
doc = "when the player signed with the club"

[tool.factcheck.rules.SPORT1]       # a code of the user's: not FC, which is factcheck's
name = "transfer-after-signing"
kind = "order"                      # "order", "gap" or "alive"
earlier = "signed"                  # an event, a list of them, or "*" (every event)
later = "transferred"
doc = "A player leaves a club on or after signing with it."
why = "A transfer before the signing is a wrong date"   # optional: shown on the rule's page
severity = "error"                  # default: "error"
```

A gap rule takes ``least`` and ``most`` (years, either optional; without a least, the later event
may come first) and, like an order rule, ``via`` (a link predicate: the earlier event is its
subject's, the later its object's); an alive rule ``predicates`` (of years) and ``later`` (the
event that ends a life); the rules about facts (monotone, undercount, overcount, place,
place-unrelated, length) their ``predicates``. A predicate's value is "date", "years", "count",
"place", "length" or "link" (a link bounds no event and takes no value). ``[rules.FC401]`` with
``least`` or ``most`` changes the years of one of factcheck's own rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, cast, get_args

from factcheck.dates import DateError, years_number
from factcheck.problems import Problem, closest
from factcheck.terms import TIMED
from factcheck.textsafe import inert
from factcheck.toml_lines import Block, Lines
from factcheck.vocabulary import (
    BUILTIN,
    EVERY,
    Event,
    Parties,
    Predicate,
    PredicateKind,
    Rule,
    RuleKind,
    Severity,
    Vocabulary,
)

SECTIONS = ("events", "predicates", "rules")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]*[0-9]$")
_KEYS = {
    "events": ("of", "noun", "verb"),
    "predicates": ("value", "event", "doc"),
    "rules": (
        *("name", "kind", "earlier", "later", "doc", "why", "severity"),
        *("least", "most", "predicates", "via"),
    ),
}
# The keys each kind of rule reads: any other is a mistake, never ignored.
_KIND_KEYS = {
    "order": ("earlier", "later", "via"),
    "gap": ("earlier", "later", "least", "most", "via"),
    "alive": ("later", "predicates"),
    "monotone": ("predicates",),
    "undercount": ("predicates", "via", "later"),
    "overcount": ("predicates", "via", "later"),
    "place": ("predicates",),
    "place-unrelated": ("predicates",),
    "length": ("predicates", "earlier", "least"),
}
_RULE_KINDS = tuple(_KIND_KEYS)
_SPECIFIC = {key for keys in _KIND_KEYS.values() for key in keys}  # the keys of some kinds only
_VALUES = get_args(PredicateKind)
_CHOICE_HINTS = {
    "of": '"person" (a birth) or "couple" (a wedding)',
    "value": '"date", "years", "count", "place", "length" or "link"',
}
_SEVERITIES = get_args(Severity)


@dataclass(slots=True)
class Definitions:
    """Reads the definition tables of one configuration file."""

    name: str  # the file, as problems show it
    lines: Lines
    prefix: str  # "tool.factcheck." in a pyproject.toml, else ""
    problems: list[Problem] = field(default_factory=list)
    # Names defined with problems: whatever refers to them is not reported as unknown as well.
    broken: set[str] = field(default_factory=set)

    def read(self, table: dict[str, Any]) -> Vocabulary:
        events = [e for n, d in self._items(table, "events") if (e := self._event(n, d))]
        known = {**BUILTIN.events, **{e.name: e for e in events}}
        predicates = [
            p for n, d in self._items(table, "predicates") if (p := self._predicate(n, d, known))
        ]
        dated = {p.event for p in (*BUILTIN.predicates.values(), *predicates) if p.timed}
        rules, tuned = [], []
        for code, definition in self._items(table, "rules"):
            if code in BUILTIN.rules_by_code:
                tuned += [r for r in (self._tuned(code, definition),) if r is not None]
            elif (rule := self._rule(code, definition, dated)) is not None:
                rules.append(rule)
        vocabulary = BUILTIN.extended(events, predicates, rules).tuned(tuned)
        for what, message, hint in vocabulary.problems():
            kind, _, name = what.partition(" ")  # "rule SPORT1", "predicate signed", "rules"
            self._problem(kind if kind.endswith("s") else f"{kind}s", name, None, message, hint)
        return vocabulary

    def _block(self, section: str, name: str) -> Block:
        found = self.lines.tables.get(f"{self.prefix}{section}.{name}")
        return found or self.lines.table(f"{self.prefix}{section}")

    def _problem(self, section: str, name: str, key: str | None, message: str, hint: str) -> None:
        if name:
            block = self._block(section, name)
            line = block.keys.get(key, block.line) if key else block.line
        else:  # the section itself: "events = 5" is on its key's line, in the table it is in
            parent = self.lines.table(self.prefix.rstrip(".")) if self.prefix else self.lines.root
            line = parent.keys.get(section, self.lines.table(f"{self.prefix}{section}").line)
        self.problems.append(Problem(self.name, line, message, hint))

    def _items(self, table: dict[str, Any], section: str) -> list[tuple[str, dict[str, Any]]]:
        given = table.get(section, {})
        if not isinstance(given, dict):
            example = "SPORT1" if section == "rules" else "signed"
            self._problem(
                section, "", None, f"{section} must be a table", f"e.g. [{section}.{example}]"
            )
            return []
        items = []
        for name, definition in given.items():
            if not isinstance(definition, dict):
                hint = f"write it as a table: [{section}.{name}]"
                self._problem(section, name, None, f"{section[:-1]} {name} must be a table", hint)
                self.broken.add(name)
                continue
            for key in definition:
                if key not in _KEYS[section]:
                    hint = closest(key, _KEYS[section]) or "keys: " + ", ".join(_KEYS[section])
                    self._problem(section, name, key, f"unknown key {key!r} in {name}", hint)
            items.append((name, definition))
        return items

    def _text(
        self, section: str, name: str, definition: dict[str, Any], key: str, default: str
    ) -> str:
        value = definition.get(key, default)
        if not isinstance(value, str) or not value.strip():
            self._problem(section, name, key, f"{key} of {name} must be a text", 'e.g. "signing"')
            self.broken.add(name)
            return default
        if inert(value.replace("\n", " ")) != value.replace("\n", " "):
            # Printed as the vocabulary's own words (rules, text reports): never escapes.
            message = f"{key} of {name} holds a control or direction character"
            self._problem(section, name, key, message, "write it as plain text")
            self.broken.add(name)
            return default
        return value

    def _choice(
        self,
        section: str,
        name: str,
        definition: dict[str, Any],
        key: str,
        choices: tuple[str, ...],
        default: str,
    ) -> str | None:
        value = definition.get(key, default)
        if value not in choices:
            listed = ", ".join(choices)
            hint = closest(str(value), choices) or _CHOICE_HINTS.get(key, f"one of {listed}")
            message = f"{key} of {name} must be one of {listed}, not {value!r}"
            self._problem(section, name, key, message, hint)
            self.broken.add(name)
            return None
        return value

    def _event(self, name: str, definition: dict[str, Any]) -> Event | None:
        if not self._new(name, "events", BUILTIN.events, _NAME.match):
            return None
        parties = self._choice("events", name, definition, "of", ("person", "couple"), "")
        noun = self._text("events", name, definition, "noun", name)
        verb = self._text("events", name, definition, "verb", name)
        if parties is None:
            return None
        # After a couple's divorce, before a death: where a timeline shows it among events of
        # one day.
        return Event(name, noun, verb, cast(Parties, parties), 7)

    def _predicate(
        self, name: str, definition: dict[str, Any], events: dict[str, Event]
    ) -> Predicate | None:
        if not self._new(name, "predicates", BUILTIN.predicates, _NAME.match):
            return None
        kind = self._choice("predicates", name, definition, "value", _VALUES, "date")
        doc = self._text("predicates", name, definition, "doc", name)
        if kind is not None and kind not in TIMED:
            if "event" in definition:
                hint = "a count, a place, a height or a link bounds no event: leave event out"
                self._problem("predicates", name, "event", f"{name} bounds no event", hint)
                return None
            link = kind == "link"
            return Predicate(name, cast(PredicateKind, kind), "", link, doc)
        event_name = self._text("predicates", name, definition, "event", name)
        event = events.get(event_name)
        if event is None:
            if event_name not in self.broken:
                hint = closest(event_name, events) or "define it under events"
                self._problem("predicates", name, "event", f"unknown event {event_name!r}", hint)
            self.broken.add(name)
            return None
        if kind is None:
            return None
        relation = event.parties == "couple"
        return Predicate(name, cast(PredicateKind, kind), event_name, relation, doc)

    def _rule(self, code: str, definition: dict[str, Any], dated: set[str]) -> Rule | None:
        """The rule, or None when its definition has problems (each reported here, so that the
        vocabulary's own checks only see rules that are well formed)."""
        before = len(self.problems)
        if not self._new(code, "rules", BUILTIN.rules_by_code, _CODE.match):
            return None
        kind = self._choice("rules", code, definition, "kind", _RULE_KINDS, "order")
        severity = self._choice("rules", code, definition, "severity", _SEVERITIES, "error")
        name = self._text("rules", code, definition, "name", code.lower())
        self._name_free(code, name)
        doc = ""
        if "doc" not in definition:
            hint = "what it checks, in a sentence: its findings quote it"
            self._problem("rules", code, None, f"rule {code} needs a doc", hint)
        else:
            doc = self._text("rules", code, definition, "doc", "")
        why = self._text("rules", code, definition, "why", "") if "why" in definition else ""
        earlier, later, predicates = (
            self._events(code, definition, key) for key in ("earlier", "later", "predicates")
        )
        for key, names in (("earlier", earlier), ("later", later)):
            self._known(code, key, names, dated)
        least, most = (self._years(code, definition, key) for key in ("least", "most"))
        via = self._text("rules", code, definition, "via", "") if "via" in definition else ""
        if least is not None and most is not None and least > most:
            hint = "least is the fewest years between the events, most the most: swap them?"
            self._problem("rules", code, "most", f"least {least:g} is above most {most:g}", hint)
        if kind is not None:
            for key in definition:
                if key not in _SPECIFIC:
                    continue  # name, kind, doc, severity: any kind's (or unknown: said above)
                if key not in _KIND_KEYS[kind]:
                    hint = f"a{'n' * (kind[0] in 'aeiou')} {kind} rule takes " + ", ".join(
                        _KIND_KEYS[kind]
                    )
                    self._problem("rules", code, key, f"{key} means nothing to {code}", hint)
        if kind is None or severity is None or len(self.problems) > before:
            self.broken.add(code)
            return None
        return Rule(
            code,
            name,
            cast(Severity, severity),
            doc,
            cast(RuleKind, kind),
            earlier,
            later,
            predicates,
            least,
            most,
            why,
            via,
        )

    def _tuned(self, code: str, definition: dict[str, Any]) -> Rule | None:
        """One of factcheck's rules with its years changed ("[rules.FC401] least = 14"): the
        only keys of a built-in rule that a configuration sets."""
        rule = BUILTIN.rules_by_code[code]
        allowed = [key for key in ("least", "most") if getattr(rule, key) is not None]
        if not allowed:
            hint = "disable it, or change its severity, under disable and [severity]"
            self._problem("rules", code, None, f"{code} is factcheck's own and has no years", hint)
            return None
        wrong = [key for key in definition if key not in allowed]
        for key in wrong:
            hint = f"of factcheck's rules, a configuration sets only {' and '.join(allowed)}"
            self._problem("rules", code, key, f"{key} of {code} cannot be changed", hint)
        changed: dict[str, float] = {}
        for key in allowed:
            value = self._years(code, definition, key) if key in definition else None
            if value is not None:
                changed[key] = value
        if wrong or len(changed) < len([key for key in allowed if key in definition]):
            return None  # each problem is reported where it is
        least, most = changed.get("least", rule.least), changed.get("most", rule.most)
        return replace(rule, least=least, most=most)

    def _known(self, code: str, key: str, names: tuple[str, ...], dated: set[str]) -> None:
        for name in names:
            if name == EVERY or name in dated or name in self.broken:
                continue
            hint = (
                closest(name, dated) or "every event a rule names needs a predicate that dates it"
            )
            self._problem(
                "rules", code, key, f"event {name!r} is unknown or no predicate dates it", hint
            )

    def _name_free(self, code: str, name: str) -> None:
        """A rule's name is its own: findings and pages show it beside the code."""
        taken = {r.name: r.code for r in BUILTIN.rules}
        if name in taken:
            hint = f"{taken[name]} is named so: give {code} a name of its own"
            self._problem("rules", code, "name", f"name {name!r} is factcheck's own", hint)

    def _events(self, code: str, definition: dict[str, Any], key: str) -> tuple[str, ...]:
        value = definition.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            hint = f'e.g. {key} = "met", or {key} = ["met", "married"]'
            self._problem("rules", code, key, f"{key} of {code} must be a name or a list", hint)
            return ()
        return tuple(EVERY if v == EVERY else v for v in value)

    def _years(self, code: str, definition: dict[str, Any], key: str) -> float | None:
        value = definition.get(key)
        if value is None:
            return None
        message = f"{key} of {code} must be a number of years"
        try:  # as a claim's years are read: finite, not negative, at most 200, two decimals
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise DateError(message)
            return years_number(value, f"{key} of {code}")
        except DateError as error:
            hint = f"e.g. {key} = 12, or {key} = 0.5 (six months)"
            self._problem("rules", code, key, str(error), hint)
            return None

    def _new(
        self,
        name: str,
        section: str,
        built_in: Mapping[str, object],
        valid: Callable[[str], re.Match[str] | None],
    ) -> bool:
        """Whether ``name`` can be defined: well formed, and not one of factcheck's own."""
        if name in built_in or (section == "rules" and name.startswith("FC")):
            noun = section[:-1]
            if section == "rules":
                hint = "rule codes starting with FC are factcheck's"
            else:
                hint = f"factcheck rules lists the built-in {section}; yours extend them"
            article = "an" if noun[0] in "aeiou" else "a"
            message = f"{name} is factcheck's own: {article} {noun} of yours needs another name"
            self._problem(section, name, None, message, hint)
            return False
        if not valid(name):
            form = "like SPORT1: capitals, then digits" if section == "rules" else "like signed"
            what = "rule code" if section == "rules" else f"{section[:-1]} name"
            self._problem(section, name, None, f"{name!r} is not a {what}", form)
            return False
        return True
