"""The keys of the claims format's tables (format v1), with the types their values may take:
what the loader checks and the schema describes.
"""

from __future__ import annotations

import datetime as dt

_DATE_TYPES = (str, int, dt.date)
_OPTIONAL_TEXT = (str,)

ARTICLE_KEYS: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "title": _OPTIONAL_TEXT,
    "outlet": _OPTIONAL_TEXT,
    "url": _OPTIONAL_TEXT,
    "published": _DATE_TYPES,
}
CLAIM_KEYS: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "subject": (str,),
    "predicate": (str,),
    "object": (str,),
    "value": (str, int, float, dt.date, dict),
    "as_of": _DATE_TYPES,
    "quote": (str,),
    "after": (dict,),
}
AFTER_KEYS: dict[str, tuple[type, ...]] = {"predicate": (str,), "subject": (str,), "object": (str,)}
_NAMED_KEYS: dict[str, tuple[type, ...]] = {"name": (str,), "aliases": (list,)}
# A person's gender and roles help `extract` tell whom "she" or "the footballer" stands for.
ENTITY_KEYS: dict[str, tuple[type, ...]] = {**_NAMED_KEYS, "gender": (str,), "roles": (list,)}
PLACE_KEYS: dict[str, tuple[type, ...]] = {**_NAMED_KEYS, "within": (str,)}
GENDERS = ("female", "male", "nonbinary")
# The keys each table must have.
REQUIRED: dict[str, list[str]] = {
    "article": ["id"],
    "claim": ["id", "subject", "predicate", "value"],
    "after": ["predicate", "subject"],
    "entity": ["name"],
}
TOP_KEYS = ("article", "claims", "entities", "places")
TYPE_HINTS = {
    "value": 'a date like "June 2011" or 2011-06-14, or years like 11, 1.5 or { min = 10 }',
    "as_of": 'a date like "2022", "June 2018" or 2018-06-01',
    "published": 'a date like 2021-09-17, "2023-08" or "2023"',
    "aliases": 'a list like ["Portman", "Natalie"]',
    "roles": 'a list of nouns like ["actress", "director"]',
    "within": 'the place that contains it, like "Israel"',
    "after": 'a table like { predicate = "born", subject = "Aleph" }',
}
