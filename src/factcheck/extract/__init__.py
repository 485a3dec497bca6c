"""``factcheck extract``: draft a claims file (format v1) from an article's text.

A rule-based extractor, offline and fast: regular expressions over the article's sentences find
ages, births, deaths, meetings, engagements, weddings, separations, divorces and marriage
durations; names resolve through the entity file, pronouns and roles to the nearest fitting
named person when that is unambiguous. Modules, in the order the text flows through them:

- ``source``: read the article (bad input is exit 2) and its leading ``date`` line;
- ``segments``: paragraphs, sentences, quotations; ``mentions``: names, pronouns, roles;
- ``profiles``: what the text says about each person (gender, child or adult, roles, couples);
- ``patterns`` (ages, births, deaths) on ``relations`` (a couple's events) on ``parties``
  (who a match is about), with ``numbers`` and ``datephrases``: the claims and their values,
  with who they are about as the text says it (``raw``);
- ``statements``: the date a quotation was said, as ``as_of``;
- ``resolve`` and ``facts``: who each claim is about; ``draft``: the claims, with ids and quotes;
- ``render``: the claims file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from factcheck.dates import DayInterval, parse_date
from factcheck.extract.cast import Cast
from factcheck.extract.draft import DraftClaim, extract
from factcheck.extract.render import render
from factcheck.extract.skipped import Skipped
from factcheck.extract.source import (
    ArticleText,
    default_id,
    entity_names,
    published_value,
    read_article,
)

__all__ = [
    "ArticleText",
    "Draft",
    "DraftClaim",
    "default_id",
    "draft",
    "entity_names",
    "published_value",
    "read_article",
]


@dataclass(frozen=True, slots=True)
class Draft:
    claims: list[DraftClaim]
    skipped: list[Skipped]  # sentences that gave no claim, listed in the draft for review
    published: dt.date | str | None  # as the claims file writes it
    text: str  # the claims file


def draft(
    article: ArticleText,
    names: Cast,
    *,
    article_id: str,
    published: dt.date | str | None = None,
    outlet: str | None = None,
) -> Draft:
    """The claims file for ``article``. ``published`` (a date, "2023-08", "2023") wins over
    the article's date line; without either the article is undated."""
    when = published if published is not None else article.dated
    interval: DayInterval | None = parse_date(when) if when is not None else None
    found = extract(article.body, names, interval)
    text = render(
        found.claims,
        found.skipped,
        article_id=article_id,
        published=when,
        outlet=outlet,
        source=article.path.name,
    )
    return Draft(found.claims, found.skipped, when, text)
