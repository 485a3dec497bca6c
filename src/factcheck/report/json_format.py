"""JSON report v1: a contract for other tools (see docs/json-report.md for its fields)."""

from __future__ import annotations

from typing import Any, TextIO

from factcheck.blame import Blame, Option
from factcheck.dates import iso, iso_window
from factcheck.findings import Dating, Finding, normalised
from factcheck.jsontext import dumps
from factcheck.model import Claim, EventRef
from factcheck.results import Report

VERSION = 1


def claim_json(claim: Claim, report: Report) -> dict[str, Any]:
    subject, obj = report.parties.get((claim.article.id, claim.id), (claim.subject, claim.object))
    published = report.published.get(claim.article.id)
    after = claim.after
    return {
        "article": claim.article.id,
        "claim": claim.id,
        "published": None if published is None else iso(published),
        "subject": subject,
        "predicate": claim.predicate,
        "object": obj,
        "value": normalised(claim.value),
        "as_of": normalised(claim.as_of),
        "quote": claim.quote,
        "after": None if after is None else {"predicate": after.predicate, **_names(after)},
        "file": claim.location.path,
        "line": claim.location.line,
    }


def article_json(dated: Dating) -> dict[str, Any]:
    """An article's stated date and the window of dates its own claims allow."""
    inferred = None
    if dated.earliest is not None or dated.latest is not None:
        inferred = iso_window(dated.earliest, dated.latest)
    return {
        "id": dated.article,
        "published": None if dated.stated is None else iso(dated.stated),
        "inferred_window": inferred,
        "pinned_by": list(dated.pinned_by),
        "misdated": dated.misdated,
    }


def blame_json(blame: Blame | None) -> dict[str, Any] | None:
    if blame is None:
        return None
    claim = None if blame.claim is None else blame.claim.ref
    return {
        "claim": claim,
        "article": blame.article,
        "reason": blame.reason,
        "agreeing": list(blame.agreeing),
        "sides": [list(side) for side in blame.sides] or None,
        "more_sides": blame.more_sides,
        "correction": [_option(option) for option in blame.chosen],
        "keeping_it": [_option(option) for option in blame.alternatives],
    }


def _option(option: Option) -> dict[str, Any]:
    return {"claims": list(option.claims), "articles": list(option.articles), **cost_json(option)}


def cost_json(option: Option) -> dict[str, dict[str, int]]:
    """What a correction costs: articles, corrections of an article about one event (weighed
    first), and claims (weighed next)."""
    return {
        "cost": {
            "articles": len(option.articles),
            "corrections": option.corrections,
            "claims": len(option.claims),
        }
    }


def _names(after: EventRef) -> dict[str, str | None]:
    return {"subject": after.subject, "object": after.object}


def _where(finding: Finding) -> dict[str, str | int]:
    """Where a finding is shown (annotations point there): an article's ``[article]`` table for
    a finding about it as a whole, else its first claim."""
    location = finding.where or finding.evidence[0].claim.location
    return {"file": location.path, "line": location.line}


def _window(finding: Finding) -> dict[str, str | None] | None:
    window = finding.window
    if window is None:
        return None
    return iso_window(window.lo, window.hi)


def finding_json(finding: Finding, report: Report) -> dict[str, Any]:
    return {
        "fingerprint": finding.fingerprint,
        "rule": finding.rule.code,
        "name": finding.rule.name,
        "severity": finding.severity,
        "subject": finding.subject,
        "article": finding.article,
        "message": finding.message,
        "window": _window(finding),
        "likely_wrong": blame_json(finding.likely_wrong),
        "disputed": [claim.ref for claim in finding.disputed],
        "explanation": list(finding.steps),
        "claims": [claim_json(c, report) for c in finding.claims],
        "where": _where(finding),
        **({} if report.baseline is None else {"new": report.is_new(finding)}),
    }


def document(report: Report) -> dict[str, Any]:
    checked = report.checked
    summary = {
        "articles": checked.articles,
        "claims": checked.claims,
        "entities": checked.entities,
        "findings": len(report.findings),
        "errors": report.count("error"),
        "warnings": report.count("warning"),
    }
    result: dict[str, Any] = {"version": VERSION, "summary": summary}
    result["findings"] = [finding_json(f, report) for f in report.findings]
    result["articles"] = [article_json(d) for d in report.dates.values()]
    if report.baseline is not None:
        fixed = report.fixed
        summary["new"] = len(report.new)
        summary["known"] = len(report.findings) - len(report.new)
        summary["fixed"] = len(fixed)
        result["baseline"] = report.baseline.path
        result["prune"] = report.prune_command() if fixed else None
        result["fixed"] = [
            {
                "fingerprint": e.fingerprint,
                "rule": e.rule,
                "summary": e.summary,
                "claims": list(e.claims),
                "disputed": list(e.disputed),
            }
            for e in fixed
        ]
    return result


def render(report: Report, out: TextIO) -> None:
    out.write(dumps(document(report)))
