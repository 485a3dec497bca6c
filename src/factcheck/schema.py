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
from collections.abc import Iterable
from typing import Any

from factcheck.dates import MAX_YEARS
from factcheck.keys import (
    AFTER_KEYS,
    ARTICLE_KEYS,
    CLAIM_KEYS,
    ENTITY_KEYS,
    GENDERS,
    PLACE_KEYS,
    REQUIRED,
    TOP_KEYS,
)
from factcheck.schema_texts import (
    DATE_TEXT,
    HEIGHT_TEXT,
    NOT_BLANK,
    YEARS_TEXT,
    descriptions,
    names_of,
    of,
    where,
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


def _date(description: str = "") -> dict[str, Any]:
    """A single date: a string (TOML dates arrive as strings) or an integer year."""
    schema: dict[str, Any] = {
        "type": ["string", "integer"],
        "pattern": NOT_BLANK,
        "minimum": _FIRST_YEAR,
        "maximum": _LAST_YEAR,
    }
    if description:
        schema["description"] = description
    return schema


def _definitions() -> dict[str, dict[str, Any]]:
    years = {
        "type": "number",
        "minimum": 0,
        "maximum": MAX_YEARS,
        "description": f"A number of years, not negative, at most {MAX_YEARS}.",
    }
    return {
        "date": _date("A date: " + DATE_TEXT + "."),
        "date_value": {
            "description": (
                f"A date value: {DATE_TEXT}. A range table {{ min = ..., max = ... }} says on or "
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
        "count_value": {
            "description": 'A count: a whole number, or { min = N } for "at least N".',
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {
                    "type": "object",
                    "properties": {
                        "min": {"type": "integer", "minimum": 0},
                        "max": {"type": "integer", "minimum": 0},
                    },
                    "required": ["min"],
                    "additionalProperties": False,
                },
            ],
        },
        "length_value": {"type": "string", "pattern": NOT_BLANK, "description": HEIGHT_TEXT},
        "place_value": {
            "type": "string",
            "pattern": NOT_BLANK,
            "description": 'A place: "Jerusalem", or "Jerusalem, Israel" (each within the next).',
        },
        "years_value": {
            "description": "A years value: " + YEARS_TEXT + ".",
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


def _only(names: list[str]) -> dict[str, Any]:
    return {"properties": {"predicate": {"enum": names}}, "required": ["predicate"]}


def _parties(predicates: Iterable[Predicate]) -> dict[str, Any]:
    """Relations need an object; the other predicates forbid one."""
    predicates = list(predicates)
    branches = []
    relations = names_of(p for p in predicates if p.relation)
    if relations:
        branch = _only(relations)
        branch["required"] = ["predicate", "object"]
        branches.append(branch)
    singles = names_of(p for p in predicates if not p.relation)
    if singles:
        branches.append({**_only(singles), "not": {"required": ["object"]}})
    return {"anyOf": branches}


def _values() -> dict[str, Any]:
    """The value's kind: years for years predicates and with after; dates for date ones; a
    count, a height or a place for those; none for a link."""
    branches = []
    for kind in ("count", "length", "place"):
        names = where(of(kind))
        if names:
            branch = _only(names)
            branch["properties"]["value"] = {"$ref": f"#/definitions/{kind}_value"}
            branch["required"] = ["predicate", "value"]
            branches.append(branch)
    links = where(of("link"))
    if links:
        branches.append({**_only(links), "not": {"required": ["value"]}})
    dates = where(lambda p: p.kind == "date")
    years = where(lambda p: p.kind == "years")
    if dates:
        on_date = _only(dates)
        on_date["required"] = ["predicate", "value"]
        on_date["properties"]["value"] = {"$ref": "#/definitions/date_value"}
        on_date["not"] = {"required": ["after"]}
        after = _only(dates)
        after["properties"]["value"] = {"$ref": "#/definitions/years_value"}
        after["required"] = ["predicate", "after", "value"]
        branches += [on_date, after]
    if years:
        span = _only(years)
        span["properties"]["value"] = {"$ref": "#/definitions/years_value"}
        span["required"] = ["predicate", "value"]
        span["not"] = {"required": ["after"]}
        branches.append(span)
    return {"anyOf": branches}


_VALUE_NOTES = {
    "date": "value: a date",
    "years": "value: years",
    "count": "value: a count",
    "length": "value: a height",
    "place": "value: a place",
    "link": "no value",
}


def _predicate_enum(names: list[str], *, values: bool = True) -> dict[str, Any]:
    """An enum of predicates, with each one's documentation for editors' completion lists."""
    docs = []
    for name in names:
        p = active().predicates[name]
        notes = [_VALUE_NOTES[p.kind]] if values else []
        notes.append("subject and object" if p.relation else "subject only")
        docs.append(f"{p.doc} ({'; '.join(notes)})")
    return {
        "enum": names,
        "x-taplo": {"docs": {"enumValues": docs}},
    }


def _table(
    keys: dict[str, tuple[type, ...]],
    texts: dict[str, str],
    refine: dict[str, dict[str, Any]],
    required: list[str],
    description: str,
) -> dict[str, Any]:
    """A table whose keys, and their JSON types, come from one of the loader's key tables."""
    properties = {}
    for key, types in keys.items():
        json_types = list(dict.fromkeys(_JSON_TYPES[t] for t in types))
        schema: dict[str, Any] = {"description": texts.get(key, f"{key} (see the claims format)")}
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


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 4) of claim files and entity files."""
    texts = descriptions()
    not_blank = {"pattern": NOT_BLANK}
    date = {key: value for key, value in _date().items() if key != "type"}
    names = {"id": not_blank, "subject": not_blank, "object": not_blank, "name": not_blank}
    events = [p for p in active().predicates.values() if p.kind == "date"]

    after = _table(
        AFTER_KEYS,
        texts["after"],
        {**names, "predicate": _predicate_enum(names_of(events), values=False)},
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
        [key for key in REQUIRED["claim"] if key != "value"],  # a link has none
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
        {
            "name": not_blank,
            "aliases": {"items": {"type": "string", **not_blank}},
            "gender": {"enum": list(GENDERS)},
            "roles": {"items": {"type": "string", **not_blank}},
        },
        REQUIRED["entity"],
        "A person: a canonical name, the aliases claims may use, and optionally the gender and "
        "roles that help extract resolve pronouns and role nouns.",
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
    top: dict[str, Any] = {
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
