"""A timeline as JSON (``factcheck timeline --format json``): version 1, additions only."""

from __future__ import annotations

from typing import Any, TextIO

from factcheck.dates import DayInterval, iso_window
from factcheck.jsontext import dumps
from factcheck.timeline import VERSION, Cited, Timeline


def _window(interval: DayInterval | None) -> dict[str, str | None] | None:
    return None if interval is None else iso_window(interval.lo, interval.hi)


def _cited_json(cited: Cited) -> dict[str, Any]:
    return {
        "article": cited.article,
        "outlet": cited.outlet,
        "published": cited.published,
        "claim": cited.claim,
        "predicate": cited.predicate,
        "says": cited.says,
        "quote": cited.quote,
        "window": _window(cited.window),
        "disputed": cited.disputed,
        "contested": cited.contested,
        "file": cited.file,
        "line": cited.line,
    }


def document(result: Timeline) -> dict[str, Any]:
    """The timeline as a JSON document."""
    return {
        "version": VERSION,
        "entity": result.entity,
        "events": [
            {
                "event": event.event,
                "label": event.label,
                "with": list(event.others),
                "window": _window(event.window),
                "disputed": event.disputed,
                "contested": event.contested,
                "articles": event.articles,
                "sources": [_cited_json(s) for s in event.sources],
            }
            for event in result.events
        ],
        "ages": [
            {
                "article": age.article,
                "outlet": age.outlet,
                "published": age.published,
                "claim": age.claim,
                "value": age.value,
                "as_of": _window(age.as_of),
                "as_of_from": age.as_of_from,
                "quote": age.quote,
                "disputed": age.disputed,
                "contested": age.contested,
                "file": age.file,
                "line": age.line,
            }
            for age in result.ages
        ],
        "facts": [
            {"fact": facts.label, "sources": [_cited_json(s) for s in facts.sources]}
            for facts in result.facts
        ],
    }


def render_json(result: Timeline, out: TextIO) -> None:
    out.write(dumps(document(result)))
