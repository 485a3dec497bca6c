"""The words of the JSON Schema (see :mod:`factcheck.schema`): each key's hover text, and the
lists of predicates by kind that they name."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.dates import MAX_YEARS
from factcheck.vocabulary import Predicate, active

NOT_BLANK = r"\S"  # unanchored: at least one character that is not white space

DATE_TEXT = (
    'a TOML date (2011-06-14) is that day; a string such as "2009", "June 2018", "2018-06" or '
    '"June 14, 2011" is read by python-dateutil and means the days it gives; an integer is a year'
)
YEARS_TEXT = (
    "an integer N means at least N and less than N+1 years; a decimal such as 1.5 at least 1.5 "
    "and less than 2; a table { min = 10, max = 12 } gives inclusive bounds (either optional). "
    f"Not negative, at most {MAX_YEARS} years"
)


def names_of(predicates: Iterable[Predicate]) -> list[str]:
    return [p.name for p in predicates]


HEIGHT_TEXT = (
    'a height with its unit, as precise as written: "160 cm", "1.60 m", "5 ft 3 in", "5\'3""'
)


def where(test: Callable[[Predicate], bool]) -> list[str]:
    return names_of(p for p in active().predicates.values() if test(p))


def of(kind: str) -> Callable[[Predicate], bool]:
    return lambda predicate: predicate.kind == kind


def listed(names: list[str]) -> str:
    return ", ".join(names) if names else "none"


def descriptions() -> dict[str, dict[str, str]]:
    """Hover texts, by table and key (from docs/claims-format.md)."""
    relations = listed(where(lambda p: p.relation))
    dates = listed(where(lambda p: p.kind == "date"))
    years = listed(where(lambda p: p.kind == "years"))
    counts, lengths = listed(where(of("count"))), listed(where(of("length")))
    places, links = listed(where(of("place"))), listed(where(of("link")))
    return {
        "top": {
            "article": "The article whose claims this file holds.",
            "claims": "The article's claims, each written [[claims]].",
            "entities": "People whom claims name, each written [[entities]].",
            "places": "Places that claims name, each written [[places]], with what contains it.",
        },
        "article": {
            "id": "Required: the article's id, unique in the corpus.",
            "title": "The article's title.",
            "outlet": "The publication; used to cite the article.",
            "url": "Where the article is.",
            "published": (
                'When the article was published: a TOML date (2019-10-21), or "2019-10" or '
                '"2019". Absent: the article is undated, and factcheck finds when it can be.'
            ),
        },
        "claim": {
            "id": "Required: the claim's id, unique within its article.",
            "subject": "Required: who the claim is about: an entity's name or alias.",
            "predicate": "Required: what the claim says; one of "
            + listed(list(active().predicates)),
            "object": (
                f"For relations ({relations}): the other party of the relation; relations are "
                f"symmetric, but for links ({links}), where the object is the subject's: a "
                "child claim's subject is the parent. Other predicates take no object."
            ),
            "value": (
                f"A date value for {dates}: {DATE_TEXT}; or a range table "
                '{ min = ..., max = ... } (either end optional, an end may be "as_of") for '
                f"on or after and on or before. A years value for {years}, and for any claim "
                f"with after: {YEARS_TEXT}. A count for {counts}: a whole number, or "
                f"{{ min = N }} for at least N. A height for {lengths}: {HEIGHT_TEXT}. A place "
                f'for {places}: "Jerusalem" or "Jerusalem, Israel". No value for {links}.'
            ),
            "as_of": (
                "When the claim held: a TOML date or a date string, not a range table. Defaults "
                "to the article's published date; for an undated article, to its unknown "
                "publication day. Not with after."
            ),
            "quote": "The article's words: a short verbatim span.",
            "after": (
                "Another event, { predicate, subject, object }: the claim's own event happened "
                "value years after it. Only with event predicates; as_of has no meaning then."
            ),
        },
        "after": {
            "predicate": "The earlier event: one of " + dates,
            "subject": "Who the earlier event is about: an entity's name or alias.",
            "object": "The other party, when the earlier event is a relation.",
        },
        "entity": {
            "name": "Required: the entity's canonical name, unique.",
            "aliases": "Other names claims may use; no name or alias may name two entities.",
            "gender": "Optional: female, male or nonbinary; tells extract whom she or he means.",
            "roles": 'Optional: nouns articles call them by, like "actress"; read by extract.',
        },
        "place": {
            "name": "Required: the place's name, unique among places.",
            "aliases": "Other names claims may use; no name or alias may name two places.",
            "within": 'The place that contains it, by name or alias: "Israel" for Jerusalem.',
        },
    }
