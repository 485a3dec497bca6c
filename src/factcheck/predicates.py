"""The predicates of claims format v1, and the event each one bounds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Predicate:
    name: str
    kind: Literal["date", "years"]  # what ``value`` holds
    event: str  # the event whose date the claim bounds
    relation: bool  # relates subject and object (symmetric), rather than one person
    doc: str


PREDICATES: dict[str, Predicate] = {
    p.name: p
    for p in (
        Predicate("born", "date", "born", False, "the subject's date of birth"),
        Predicate("age", "years", "born", False, "the subject's age in years as of as_of"),
        Predicate("met", "date", "met", True, "when subject and object first met"),
        Predicate("married", "date", "married", True, "when subject and object married"),
        Predicate("separated", "date", "separated", True, "when subject and object separated"),
        Predicate("divorced", "date", "divorced", True, "when subject and object divorced"),
        Predicate(
            "married_for", "years", "married", True, "years subject and object had been married"
        ),
    )
}


# How events read in messages: "Aleph's birth", "the wedding of A and B".
EVENT_NOUNS: dict[str, str] = {
    "born": "birth",
    "met": "meeting",
    "married": "wedding",
    "separated": "separation",
    "divorced": "divorce",
    "published": "publication",
}
