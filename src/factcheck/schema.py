"""The JSON Schema (draft 4) of claim and entity files, for editors such as taplo's.

The schema is generated from the loader's key tables and from the predicates, so that a key or
a predicate added there reaches editors with no other edit. A key's JSON types come from the
types the loader accepts (a TOML date reaches a schema validator as a string); this module adds
what the tables cannot say: which keys are required, non-blank names, value ranges, the value's
kind by predicate, and hover documentation.

Some checks stay the loader's own: whether a date string reads as a date, uniqueness of ids and
names, names that no entity defines, and a range whose min is above its max.

Regenerate the committed copy with ``factcheck schema > schemas/claims.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable

from factcheck.dates import MAX_YEARS
from factcheck.loader import (
    AFTER_KEYS,
    ARTICLE_KEYS,
    CLAIM_KEYS,
    ENTITY_KEYS,
    PLACE_KEYS,
    REQUIRED,
    TOP_KEYS,
)
from factcheck.vocabulary import Predicate, active

DRAFT_04 = "http://json-schema.org/draft-04/schema#"

# The JSON type a value of each Python type the loader accepts arrives as. Editors read TOML
# dates and date-times as strings.
_JSON_TYPES: dict[type, str] = {
    str: "string",
    int: "integer",
    float: "number",
    dt.date: "string",
    dict: "object",
    list: "array",
}

# An integer date is a year: parse_date accepts 1 to 9999.
_FIRST_YEAR, _LAST_YEAR = 1, 9999
_NOT_BLANK = r"\S"  # unanchored: at least one character that is not white space

_DATE_TEXT = (
    'a TOML date (2011-06-14) is that day; a string such as "2009", "June 2018", "2018-06" or '
    '"June 14, 2011" is read by python-dateutil and means the days it gives; an integer is a year'
)
_YEARS_TEXT = (
    "an integer N means at least N and less than N+1 years; a decimal such as 1.5 at least 1.5 "
    "and less than 2; a table { min = 10, max = 12 } gives inclusive bounds (either optional). "
    f"Not negative, at most {MAX_YEARS} years"
)


def _names(predicates: Iterable[Predicate]) -> list[str]:
    return [p.name for p in predicates]


def _where(test: Callable[[Predicate], bool]) -> list[str]:
    return _names(p for p in active().predicates.values() if test(p))


def _listed(names: list[str]) -> str:
    return ", ".join(names) if names else "none"


def _descriptions() -> dict[str, dict[str, str]]:
    """Hover texts, by table and key (from the README's claims format)."""
    relations = _listed(_where(lambda p: p.relation))
    dates = _listed(_where(lambda p: p.kind == "date"))
    years = _listed(_where(lambda p: p.kind == "years"))
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
            + _listed(list(active().predicates)),
            "object": (
                f"For relations ({relations}): the other party of the relation; relations are "
                "symmetric. Other predicates take no object."
            ),
            "value": (
                f"Required. A date value for {dates}: {_DATE_TEXT}; or a range table "
                '{ min = ..., max = ... } (either end optional, an end may be "as_of") for '
                f"on or after and on or before. A years value for {years}, and for any claim "
                f"with after: {_YEARS_TEXT}."
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
        },
        "place": {
            "name": "Required: the place's name, unique among places.",
            "aliases": "Other names claims may use; no name or alias may name two places.",
            "within": 'The place that contains it, by name or alias: "Israel" for Jerusalem.',
        },
    }


def _date(description: str = "") -> dict:
    """A single date: a string (TOML dates arrive as strings) or an integer year."""
    schema: dict = {
        "type": ["string", "integer"],
        "pattern": _NOT_BLANK,
        "minimum": _FIRST_YEAR,
        "maximum": _LAST_YEAR,
    }
    if description:
        schema["description"] = description
    return schema


def _definitions() -> dict[str, dict]:
    years = {
        "type": "number",
        "minimum": 0,
        "maximum": MAX_YEARS,
        "description": f"A number of years, not negative, at most {MAX_YEARS}.",
    }
    return {
        "date": _date("A date: " + _DATE_TEXT + "."),
        "date_value": {
            "description": (
                f"A date value: {_DATE_TEXT}. A range table {{ min = ..., max = ... }} says on or "
                'after and on or before; an end may be "as_of", the claim\'s as_of time.'
            ),
            "anyOf": [
                {"$ref": "#/definitions/date"},
                {
                    "type": "object",
                    "properties": {
                        "min": _date('On or after this date, or "as_of".'),
                        "max": _date('On or before this date, or "as_of".'),
                    },
                    "additionalProperties": False,
                    "minProperties": 1,
                },
            ],
        },
        "years": years,
        "years_value": {
            "description": "A years value: " + _YEARS_TEXT + ".",
            "anyOf": [
                {"$ref": "#/definitions/years"},
                {
                    "type": "object",
                    "properties": {
                        "min": {"$ref": "#/definitions/years"},
                        "max": {"$ref": "#/definitions/years"},
                    },
                    "additionalProperties": False,
                    "minProperties": 1,
                },
            ],
        },
    }


def _only(names: list[str]) -> dict:
    return {"properties": {"predicate": {"enum": names}}, "required": ["predicate"]}


def _parties(predicates: Iterable[Predicate]) -> dict:
    """Relations need an object; the other predicates forbid one."""
    predicates = list(predicates)
    branches = []
    relations = _names(p for p in predicates if p.relation)
    if relations:
        branch = _only(relations)
        branch["required"] = ["predicate", "object"]
        branches.append(branch)
    singles = _names(p for p in predicates if not p.relation)
    if singles:
        branches.append({**_only(singles), "not": {"required": ["object"]}})
    return {"anyOf": branches}


def _values() -> dict:
    """The value's kind: years for years predicates and with after; else dates."""
    branches = []
    dates = _where(lambda p: p.kind == "date")
    years = _where(lambda p: p.kind == "years")
    if dates:
        on_date = _only(dates)
        on_date["properties"]["value"] = {"$ref": "#/definitions/date_value"}
        on_date["not"] = {"required": ["after"]}
        after = _only(dates)
        after["properties"]["value"] = {"$ref": "#/definitions/years_value"}
        after["required"] = ["predicate", "after"]
        branches += [on_date, after]
    if years:
        span = _only(years)
        span["properties"]["value"] = {"$ref": "#/definitions/years_value"}
        span["not"] = {"required": ["after"]}
        branches.append(span)
    return {"anyOf": branches}


def _predicate_enum(names: list[str], *, values: bool = True) -> dict:
    """An enum of predicates, with each one's documentation for editors' completion lists."""
    docs = []
    for name in names:
        p = active().predicates[name]
        notes = ["value: a date" if p.kind == "date" else "value: years"] if values else []
        notes.append("subject and object" if p.relation else "subject only")
        docs.append(f"{p.doc} ({'; '.join(notes)})")
    return {
        "enum": names,
        "x-taplo": {"docs": {"enumValues": docs}},
    }


def _table(
    keys: dict[str, tuple[type, ...]],
    texts: dict[str, str],
    refine: dict[str, dict],
    required: list[str],
    description: str,
) -> dict:
    """A table whose keys, and their JSON types, come from one of the loader's key tables."""
    properties = {}
    for key, types in keys.items():
        json_types = list(dict.fromkeys(_JSON_TYPES[t] for t in types))
        schema: dict = {"description": texts.get(key, f"{key} (see the claims format)")}
        schema["type"] = json_types[0] if len(json_types) == 1 else json_types
        schema.update(refine.get(key, {}))
        properties[key] = schema
    table = {
        "type": "object",
        "description": description,
        "properties": properties,
        "additionalProperties": False,
    }
    kept = [key for key in required if key in keys]
    if kept:
        table["required"] = kept
    return table


def schema() -> dict:
    """The JSON Schema (draft 4) of claim files and entity files."""
    texts = _descriptions()
    not_blank = {"pattern": _NOT_BLANK}
    date = {key: value for key, value in _date().items() if key != "type"}
    names = {"id": not_blank, "subject": not_blank, "object": not_blank, "name": not_blank}
    events = [p for p in active().predicates.values() if p.kind == "date"]

    after = _table(
        AFTER_KEYS,
        texts["after"],
        {**names, "predicate": _predicate_enum(_names(events), values=False)},
        REQUIRED["after"],
        texts["claim"]["after"],
    )
    after["allOf"] = [_parties(events)]

    claim = _table(
        CLAIM_KEYS,
        texts["claim"],
        {
            **names,
            "predicate": _predicate_enum(list(active().predicates)),
            # Either kind, so that a value no predicate takes is marked on the value itself;
            # the claim's allOf says which kind its predicate takes.
            "value": {
                "anyOf": [
                    {"$ref": "#/definitions/date_value"},
                    {"$ref": "#/definitions/years_value"},
                ]
            },
            "as_of": date,
            "after": after,
        },
        REQUIRED["claim"],
        "A claim: what the article says about a person or a couple, and when.",
    )
    claim["allOf"] = [
        _parties(active().predicates.values()),
        _values(),
        {"not": {"required": ["after", "as_of"]}},
    ]

    article = _table(
        ARTICLE_KEYS,
        texts["article"],
        {"id": not_blank, "published": date},
        REQUIRED["article"],
        texts["top"]["article"],
    )
    entity = _table(
        ENTITY_KEYS,
        texts["entity"],
        {"name": not_blank, "aliases": {"items": {"type": "string", **not_blank}}},
        REQUIRED["entity"],
        "A person: a canonical name and the aliases claims may use.",
    )

    place = _table(
        PLACE_KEYS,
        texts["place"],
        {
            "name": not_blank,
            "aliases": {"items": {"type": "string", **not_blank}},
            "within": not_blank,
        },
        REQUIRED["entity"],
        "A place: its name, the aliases claims may use, and the place that contains it.",
    )
    tables = {
        "places": {"type": "array", "description": texts["top"]["places"], "items": place},
        "article": article,
        "claims": {"type": "array", "description": texts["top"]["claims"], "items": claim},
        "entities": {"type": "array", "description": texts["top"]["entities"], "items": entity},
    }
    top: dict = {
        "$schema": DRAFT_04,
        "title": "factcheck claims format v1",
        "description": (
            "A claims file ([article] and its [[claims]]), an entity file ([[entities]] and "
            "[[places]]), or both. Generated by `factcheck schema`."
        ),
        "type": "object",
        "properties": {key: tables.get(key, {}) for key in TOP_KEYS},
        "additionalProperties": False,
        "minProperties": 1,  # an article file, an entity file or both
        "definitions": _definitions(),
    }
    if "claims" in TOP_KEYS and "article" in TOP_KEYS:
        # Claims belong to an article: a file with claims has [article].
        top["dependencies"] = {
            "claims": {
                "anyOf": [{"required": ["article"]}, {"properties": {"claims": {"maxItems": 0}}}]
            }
        }
    return top


def schema_text() -> str:
    """The schema as the committed ``schemas/claims.schema.json`` holds it."""
    return json.dumps(schema(), indent=2, ensure_ascii=True) + "\n"
