"""What factcheck knows about people's lives, as data: the events, the predicates claims use, and
the rules that findings are reported under. Everything else derives from it: the constraints
the engine solves, the timeline's labels and order, the extractor's dated events, the JSON
Schema, ``factcheck rules`` and the rules' pages.

- An **event** happens to one person (a birth), a couple (a wedding) or an article (its
  publication), with a noun and a verb for messages and timelines, and its usual place in a life.
- A **predicate** bounds one event: with a date, or with a number of years since it (an age
  counts from the subject's birth).
- A **rule** has a stable code, a name, a severity, its documentation and a kind: *conflict*
  (claims that put one event in windows that do not overlap), *order* (an earlier event of some
  people happens on or before a later event of the same people), *gap* (at least, or at most,
  some years between an earlier event and a later one of the same people), *alive* (a claim
  that holds as of a day says its subject was alive that day: on or before the rule's later
  event, their death) or *article* (findings about an article as a whole).

Order rules link events through the people they share: a person's event with each couple event
the person is part of, a couple's event with the same couple's, a person's with the same
person's. ``("*",)`` as the earlier or the later events stands for every event of the people
but the other side's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from factcheck.builtin_rules import RULES
from factcheck.terms import (
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

__all__ = [
    "BUILTIN",
    "CONFLICT",
    "EVERY",
    "MISDATED",
    "UNDATED",
    "Event",
    "Parties",
    "Predicate",
    "PredicateKind",
    "Rule",
    "RuleKind",
    "Severity",
    "Vocabulary",
    "active",
    "using",
]


BUILTIN = Vocabulary(
    events={
        e.name: e
        for e in (
            Event("born", "birth", "born", "person", 0),
            # "meeting" only as in "after meeting in 2009" (the extractor checks): not "a meeting"
            Event(
                "met",
                "meeting",
                "met",
                "couple",
                1,
                r"(?:(?i:first|initially|originally)\s+)?met(?!\s+(?i:with|up)\b)|meeting",
            ),
            Event(
                "engaged",
                "engagement",
                "engaged to",
                "couple",
                2,
                r"(?i:got\s+engaged|became\s+engaged|were\s+engaged|engaged"
                r"|popped\s+the\s+question|(?:proposed|propose)(?:\s+marriage)?)"
                r"(?!\s+(?i:for)\b)",
            ),
            Event(
                "married",
                "wedding",
                "married",
                "couple",
                3,
                r"(?i:tied\s+the\s+knot|got\s+married|were\s+married|was\s+married"
                r"|(?:been\s+)?married|were\s+wed|got\s+hitched|exchanged\s+vows|wed"
                r"|tying\s+the\s+knot|walked\s+down\s+the\s+aisle|said\s+(?:\"|“)?I\s+do"
                r"|marrying)"
                r"(?!\s+(?i:for)\b)",
            ),
            Event(
                "separated",
                "separation",
                "separated from",
                "couple",
                4,
                r"(?i:separated|split(?:\s+up)?|broke\s+up|parted\s+ways|called\s+it\s+quits)",
            ),
            Event(
                "divorced",
                "divorce",
                "divorced",
                "couple",
                5,
                r"(?i:divorced|divorcing|finali[sz]ed\s+(?:their|the)\s+divorce)",
            ),
            Event("died", "death", "died", "person", 8),
            Event("published", "publication", "published", "article", 9),
        )
    },
    predicates={
        p.name: p
        for p in (
            Predicate("born", "date", "born", False, "the subject's date of birth"),
            Predicate("age", "years", "born", False, "the subject's age in years as of as_of"),
            Predicate("died", "date", "died", False, "the subject's date of death"),
            Predicate("met", "date", "met", True, "when subject and object first met"),
            Predicate("engaged", "date", "engaged", True, "when subject and object got engaged"),
            Predicate("married", "date", "married", True, "when subject and object married"),
            Predicate("separated", "date", "separated", True, "when subject and object separated"),
            Predicate("divorced", "date", "divorced", True, "when subject and object divorced"),
            Predicate(
                "married_for",
                "years",
                "married",
                True,
                "years subject and object had been married",
            ),
            Predicate("child", "link", "", True, "the object is a child of the subject"),
            Predicate(
                "children", "count", "", False, "how many children the subject has, as of as_of"
            ),
            Predicate("birthplace", "place", "", False, "where the subject was born"),
            Predicate("height", "length", "", False, "the subject's height, as of as_of"),
        )
    },
    rules=RULES,
)

CONFLICT = BUILTIN.rules_by_code["FC101"]
UNDATED = BUILTIN.rules_by_code["FC301"]
MISDATED = BUILTIN.rules_by_code["FC302"]


_ACTIVE = [BUILTIN]


def active() -> Vocabulary:
    """The vocabulary in force: the configuration's (built-in and user-defined) during a check,
    else the built-in one. A check runs under one vocabulary from start to end, so the stages
    read it here rather than each being handed it."""
    return _ACTIVE[-1]


@contextmanager
def using(vocabulary: Vocabulary) -> Iterator[None]:
    """Put ``vocabulary`` in force for the ``with`` block."""
    _ACTIVE.append(vocabulary)
    try:
        yield
    finally:
        _ACTIVE.pop()
