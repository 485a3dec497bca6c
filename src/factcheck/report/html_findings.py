"""A finding as HTML: its rule and severity, message, likely wrong claim and why, its claims with
their quotes, files and lines, and the derivation step by step (collapsed until asked for).

Every text is escaped with :func:`factcheck.report.svg.text`: text from claim files is data.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from factcheck.explain import Derivation, Line, derive
from factcheck.findings import Evidence, Finding
from factcheck.model import Article
from factcheck.report.svg import text
from factcheck.report.text import verdict
from factcheck.results import Report
from factcheck.textsafe import inert

SEVERITY_MARKS = {"error": "✗", "warning": "!", "info": "i"}


def _cited(article: Article) -> str:
    """The article as a reader cites it; a link to it where its url is a web address (any
    other scheme, ``javascript:`` among them, is never a link)."""
    name = f"<strong>{text(article.name)}</strong>"
    url = article.url or ""
    if urlsplit(url).scheme.lower() in ("http", "https") and inert(url) == url:
        name = f'<a href="{text(url)}" rel="noopener noreferrer">{name}</a>'
    if article.title:
        name += f' <span class="title">{text(article.title)}</span>'
    return name


def _claim(evidence: Evidence, report: Report, wrong: bool) -> str:
    claim = evidence.claim
    where = f"{report.relative(claim.location.path)}:{claim.location.line}"
    quote = f"<q>{text(claim.quote)}</q>" if claim.quote else ""
    flag = ' class="likely-wrong"' if wrong else ""
    label = '<span class="badge">likely wrong</span> ' if wrong else ""
    return (
        f"<li{flag}>{label}{_cited(claim.article)} "
        f'<code class="muted">{text(claim.ref)}</code>{quote}'
        f"<div>→ {text(evidence.implies)}</div>"
        f'<div class="where"><code>{text(where)}</code></div></li>'
    )


def _step(line: Line, report: Report) -> str:
    parts = [f"<div>{text(line.says)}</div>"]
    source = line.source
    if source is not None and source.claim is not None:
        claim = source.claim
        where = f"{report.relative(claim.location.path)}:{claim.location.line}"
        parts.append(f'<div class="muted">{text(claim.article.name)} says {text(source.text)}')
        if claim.quote:
            parts.append(f" <q>{text(claim.quote)}</q>")
        parts.append(f' <code class="where">{text(where)}</code></div>')
    elif source is not None:
        parts.append(f'<div class="muted">domain rule: {text(source.text)}</div>')
    if line.follows:
        parts.append(f"<div>{text(line.follows)}</div>")
    return "<li>" + "".join(parts) + "</li>"


def _weighed(derivation: Derivation) -> str:
    if not derivation.weighed:
        return ""
    items = []
    for item in derivation.weighed:
        role = f"to keep {item.keeps}" if item.role == "keeping" else item.role
        claims = ", ".join(item.option.claims)
        cost = item.option.describe()
        items.append(f"<li><strong>{text(role)}</strong>: leave out {text(claims)} ({cost})</li>")
    heading = "The corrections weighed (fewest articles first, then fewest claims):"
    return f"<p>{heading}</p><ul>" + "".join(items) + "</ul>"


def _derivation(finding: Finding, report: Report) -> str:
    derivation = derive(finding)
    steps = "".join(_step(line, report) for line in derivation.lines)
    return (
        '<details class="derivation"><summary>How this is derived, one constraint at a time'
        "</summary>"
        f'<ol class="steps">{steps}</ol>'
        f"<p>Therefore {text(derivation.conclusion)}.</p>{_weighed(derivation)}</details>"
    )


def finding_html(finding: Finding, report: Report) -> str:
    """One finding as an ``<article>``; its data attributes are what the filters read."""
    new = report.is_new(finding)
    wrong = finding.likely_wrong.claim if finding.likely_wrong else None
    attributes = {
        "class": f"finding {finding.severity}",
        "id": f"finding-{finding.fingerprint}",
        "data-rule": finding.rule.code,
        "data-severity": finding.severity,
        # JSON, so that any name (a comma, a quote) is one item for the filters' script.
        "data-people": json.dumps([inert(person) for person in finding.people]),
        "data-new": "" if new is None else str(new).lower(),
    }
    listed = " ".join(f'{key}="{text(value)}"' for key, value in attributes.items())
    badge = {True: "new", False: "known"}.get(new) if new is not None else None
    about = " and ".join(finding.people) or finding.article or ""
    head = (
        f'<header><span class="severity">{SEVERITY_MARKS[finding.severity]} '
        f"{finding.severity}</span><h3>{finding.rule.code} {text(finding.rule.name)}"
        + (f'<span class="muted">: {text(about)}</span>' if about else "")
        + "</h3>"
        f'<code class="fingerprint muted">{finding.fingerprint}</code>'
        + (f'<span class="badge">{badge}</span>' if badge else "")
        + "</header>"
    )
    said = verdict(finding)
    parts = [head, f'<p class="message">{text(finding.message)}</p>']
    if said:
        parts.append(f'<p class="verdict">{text(said)}</p>')
    if finding.evidence:
        claims = "".join(_claim(e, report, e.claim is wrong) for e in finding.evidence)
        parts.append(f'<ul class="claims">{claims}</ul>')
    if finding.proof or finding.evidence:
        parts.append(_derivation(finding, report))
    return f"<article {listed}>" + "".join(parts) + "</article>"
