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
severity = "error"                  # default: "error"
```

A gap rule takes ``least`` and ``most`` (years, either optional); an alive rule ``predicates``
(predicates of years) and ``later`` (the event that ends a life).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast, get_args

from factcheck.problems import Problem, closest
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
    "rules": ("name", "kind", "earlier", "later", "doc", "severity", "least", "most", "predicates"),
}
_RULE_KINDS = ("order", "gap", "alive")
_SEVERITIES = get_args(Severity)


@dataclass(slots=True)
class Definitions:
    """Reads the definition tables of one configuration file."""

    name: str  # the file, as problems show it
    lines: Lines
    prefix: str  # "tool.factcheck." in a pyproject.toml, else ""
    problems: list[Problem] = field(default_factory=list)

    def read(self, table: dict) -> Vocabulary:
        events = [e for n, d in self._items(table, "events") if (e := self._event(n, d))]
        known = {**BUILTIN.events, **{e.name: e for e in events}}
        predicates = [
            p for n, d in self._items(table, "predicates") if (p := self._predicate(n, d, known))
        ]
        rules = [r for n, d in self._items(table, "rules") if (r := self._rule(n, d))]
        vocabulary = BUILTIN.extended(events, predicates, rules)
        for what, message, hint in vocabulary.problems():
            kind, _, name = what.partition(" ")  # "rule SPORT1", "predicate signed", "rules"
            self._problem(kind if kind.endswith("s") else f"{kind}s", name, None, message, hint)
        return vocabulary

    def _block(self, section: str, name: str) -> Block:
        found = self.lines.tables.get(f"{self.prefix}{section}.{name}")
        return found or self.lines.table(f"{self.prefix}{section}")

    def _problem(self, section: str, name: str, key: str | None, message: str, hint: str) -> None:
        block = self._block(section, name) if name else self.lines.table(f"{self.prefix}rules")
        line = block.keys.get(key, block.line) if key else block.line
        self.problems.append(Problem(self.name, line, message, hint))

    def _items(self, table: dict, section: str) -> list[tuple[str, dict]]:
        given = table.get(section, {})
        if not isinstance(given, dict):
            self._problem(section, "", None, f"{section} must be a table", f"e.g. [{section}.x]")
            return []
        items = []
        for name, definition in given.items():
            if not isinstance(definition, dict):
                self._problem(section, name, None, f"{section[:-1]} {name} must be a table", "")
                continue
            for key in definition:
                if key not in _KEYS[section]:
                    hint = closest(key, _KEYS[section]) or "keys: " + ", ".join(_KEYS[section])
                    self._problem(section, name, key, f"unknown key {key!r} in {name}", hint)
            items.append((name, definition))
        return items

    def _text(self, section: str, name: str, definition: dict, key: str, default: str) -> str:
        value = definition.get(key, default)
        if not isinstance(value, str) or not value.strip():
            self._problem(section, name, key, f"{key} of {name} must be a text", "")
            return default
        return value

    def _choice(
        self, section: str, name: str, definition: dict, key: str, choices: tuple, default: str
    ) -> str | None:
        value = definition.get(key, default)
        if value not in choices:
            listed = ", ".join(choices)
            self._problem(section, name, key, f"{key} of {name} must be one of {listed}", "")
            return None
        return value

    def _event(self, name: str, definition: dict) -> Event | None:
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

    def _predicate(self, name: str, definition: dict, events: dict[str, Event]) -> Predicate | None:
        if not self._new(name, "predicates", BUILTIN.predicates, _NAME.match):
            return None
        kind = self._choice("predicates", name, definition, "value", ("date", "years"), "date")
        event_name = self._text("predicates", name, definition, "event", name)
        doc = self._text("predicates", name, definition, "doc", name)
        event = events.get(event_name)
        if event is None:
            hint = closest(event_name, events) or "define it under events"
            self._problem("predicates", name, "event", f"unknown event {event_name!r}", hint)
            return None
        if kind is None:
            return None
        relation = event.parties == "couple"
        return Predicate(name, cast(PredicateKind, kind), event_name, relation, doc)

    def _rule(self, code: str, definition: dict) -> Rule | None:
        if not self._new(code, "rules", BUILTIN.rules_by_code, _CODE.match):
            return None
        kind = self._choice("rules", code, definition, "kind", _RULE_KINDS, "order")
        severity = self._choice("rules", code, definition, "severity", _SEVERITIES, "error")
        name = self._text("rules", code, definition, "name", code.lower())
        doc = ""
        if "doc" not in definition:
            hint = "what it checks, in a sentence: its findings quote it"
            self._problem("rules", code, None, f"rule {code} needs a doc", hint)
        else:
            doc = self._text("rules", code, definition, "doc", "")
        earlier = self._events(code, definition, "earlier")
        later = self._events(code, definition, "later")
        predicates = self._events(code, definition, "predicates")
        least, most = (self._years(code, definition, key) for key in ("least", "most"))
        if kind is None or severity is None:
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
        )

    def _events(self, code: str, definition: dict, key: str) -> tuple[str, ...]:
        value = definition.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._problem("rules", code, key, f"{key} of {code} must be a name or a list", "")
            return ()
        return tuple(EVERY if v == EVERY else v for v in value)

    def _years(self, code: str, definition: dict, key: str) -> float | None:
        value = definition.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            self._problem("rules", code, key, f"{key} of {code} must be a number of years", "")
            return None
        return float(value)

    def _new(self, name: str, section: str, built_in: dict, valid: Callable) -> bool:
        """Whether ``name`` can be defined: well formed, and not one of factcheck's own."""
        if name in built_in or (section == "rules" and name.startswith("FC")):
            what = "rule codes starting with FC are factcheck's" if section == "rules" else ""
            message = f"{name} is factcheck's own: a {section[:-1]} of yours needs another name"
            self._problem(section, name, None, message, what)
            return False
        if not valid(name):
            form = "like SPORT1: capitals, then digits" if section == "rules" else "like signed"
            self._problem(section, name, None, f"{name!r} is not a {section[:-1]} name", form)
            return False
        return True
