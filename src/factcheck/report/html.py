"""The HTML report (``factcheck run --format html``): one self-contained page that an editor can
open offline, share, print and read at a glance.

Styles and script are inline, and a Content-Security-Policy allows only them, by their hashes:
the page loads nothing and runs no script but its own, whatever the claim files hold. All text
is escaped (:func:`factcheck.report.svg.text`). Findings are grouped by the people they are
about, as in the terminal; each person with a finding gets a timeline drawn as SVG (also given
as a table), and the articles' stated and inferred publication dates get one of their own.
Filters by person, rule, severity and new findings run in the page, without a server.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from importlib.resources import files
from itertools import groupby
from typing import TextIO

from factcheck import __version__
from factcheck.report.html_findings import SEVERITY_MARKS, finding_html
from factcheck.report.svg import (
    Bar,
    Scale,
    article_bars,
    draw,
    person_bars,
    text,
    windows_of,
)
from factcheck.report.text import heading, summary
from factcheck.results import Analysis, Report
from factcheck.timeline import Timeline, timelines

MAX_ARTICLE_ROWS = 60  # beyond this, the dates chart shows only misdated and undated articles

HATCHES = (
    '<svg class="visually-hidden" aria-hidden="true" focusable="false"><defs>'
    '<pattern id="fc-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
    '<rect width="3" height="6" fill="#d55e00"/></pattern>'
    '<pattern id="fc-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
    '<rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.2" fill="#1a1a1a"/>'
    "</pattern></defs></svg>"
)

# Each kind of mark the timelines draw: its standing in a word (the tables'), and what it means
# (the legend's).
KINDS = {
    "best": (
        "best-supported",
        "the best-supported window of an event: what the undisputed claims allow",
    ),
    "agree": ("agrees", "a claim's window, which agrees"),
    "disputed": ("likely wrong", "a claim named likely wrong, or a misdated article (✗)"),
    "contested": ("contested", "a claim on one side of a dispute factcheck cannot decide (?)"),
    "undated": ("undated", "an undated article: the window its claims allow"),
}
_SWATCH = '<rect class="bar {kind}" x="1" y="2" width="34" height="10" rx="2"/>'
_DIAMOND = '<polygon class="mark {kind}" points="18,0 24,7 18,14 12,7"/>'
_ARROW = (
    '<rect class="bar agree open" x="1" y="2" width="26" height="10"/>'
    '<polygon class="arrow agree" points="27,1 34,7 27,13"/>'
)
LEGEND = (
    *((_SWATCH.format(kind=kind), meaning) for kind, (_, meaning) in KINDS.items()),
    (_DIAMOND.format(kind="agree"), "a claim or an age that holds on one day"),
    (_DIAMOND.format(kind="stated"), "an article's stated date"),
    (_ARROW, "an open end: on or after, or on or before, a day"),
)


@dataclass(frozen=True, slots=True)
class Pictured:
    """What the page draws beyond the report: each person's timeline, by canonical name, and
    how a reader cites each article, by id."""

    timelines: dict[str, Timeline]
    articles: dict[str, str]

    @classmethod
    def of(cls, analysis: Analysis) -> Pictured:
        """The timelines of everyone a finding is about."""
        people = {person for f in analysis.report.findings for person in f.people}
        names = {article.id: article.name for article in analysis.corpus.articles}
        return cls(timelines(analysis, people), names)


def _asset(name: str) -> str:
    return files("factcheck.report").joinpath("assets", name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _policy(style: str, script: str) -> str:
    return (
        f"default-src 'none'; style-src {_hash(style)}; script-src {_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _count(label: str, value: int) -> str:
    return f"<div><dt>{label}</dt><dd>{value}</dd></div>"


def _summary(report: Report) -> str:
    checked = report.checked
    counts = [
        _count("articles", checked.articles),
        _count("claims", checked.claims),
        _count("entities", checked.entities),
    ]
    labels = {"error": "contradictions", "warning": "warnings", "info": "notes"}
    counts += [_count(label, report.count(severity)) for severity, label in labels.items()]
    said = ""
    if report.baseline is not None:  # of all the findings above: new, known; and gone
        new = len(report.new)
        counts += [
            _count("new findings", new),
            _count("known findings", len(report.findings) - new),
            _count("fixed findings", len(report.fixed)),
        ]
        said = f"<p>Compared with the baseline {text(report.relative(report.baseline.path))}.</p>"
    return (
        '<section id="summary" aria-labelledby="summary-title">'
        f'<h2 id="summary-title">Summary</h2><dl>{"".join(counts)}</dl>{said}</section>'
    )


def _options(name: str, label: str, values: list[tuple[str, str]]) -> str:
    options = '<option value="">all</option>' + "".join(
        f'<option value="{text(value)}">{text(shown)}</option>' for value, shown in values
    )
    return f'<label>{label}<select name="{name}">{options}</select></label>'


def _filters(report: Report) -> str:
    people = sorted({person for f in report.findings for person in f.people})
    rules = sorted({(f.rule.code, f"{f.rule.code} {f.rule.name}") for f in report.findings})
    severities = [s for s in SEVERITY_MARKS if report.count(s)]
    new = '<label class="check"><input type="checkbox" name="new"> only new</label>'
    return (
        '<form id="filters" hidden aria-label="Filter the findings">'
        + _options("person", "Person", [(p, p) for p in people])
        + _options("rule", "Rule", rules)
        + _options("severity", "Severity", [(s, s) for s in severities])
        + (new if report.baseline is not None else "")  # new against what, else?
        + '<button type="reset">Show all</button>'
        + '<output id="shown" aria-live="polite"></output></form>'
    )


def _table(bars: list[Bar]) -> str:
    rows = "".join(
        f"<tr><td>{text(bar.label)}</td><td>{text(bar.window or '')}</td>"
        f"<td>{text(KINDS.get(bar.kind, ('', ''))[0])}</td><td>{text(bar.title)}</td></tr>"
        for bar in bars
    )
    return (
        "<details><summary>The same, as a table</summary><table><thead><tr>"
        "<th>row</th><th>days</th><th>standing</th><th>what it says</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></details>"
    )


def _figure(bars: list[Bar], caption: str, person: str | None = None) -> str:
    scale = Scale.around(windows_of(bars))
    if scale is None:
        return ""
    data = f' data-person="{text(person)}"' if person is not None else ""
    return (
        f'<figure class="chart"{data}><figcaption>{text(caption)}</figcaption>'
        f"{draw(bars, scale, caption)}{_table(bars)}</figure>"
    )


def _legend() -> str:
    items = "".join(
        f'<li><svg viewBox="0 0 36 14" aria-hidden="true">{drawn}</svg>{text(meaning)}</li>'
        for drawn, meaning in LEGEND
    )
    return f'<ul class="legend" aria-label="How to read the timelines">{items}</ul>'


def _dates(report: Report, pictured: Pictured) -> str:
    datings = sorted(report.dates.values(), key=lambda d: d.article)
    if len(datings) > MAX_ARTICLE_ROWS:
        datings = [d for d in datings if d.stated is None or d.misdated]
    bars = article_bars(datings, pictured.articles)
    return _figure(bars, "Articles: stated dates and the windows their claims allow")


def _groups(report: Report, pictured: Pictured) -> list[str]:
    drawn: set[str] = set()
    sections = []
    # Grouped by whom they are about, not by the heading's words: a person may be called "Articles".
    groups = groupby(report.findings, key=lambda f: f.people)
    for number, (about, group) in enumerate(groups, start=1):
        findings = list(group)
        title = heading(findings[0])
        people = [p for f in findings for p in f.people if p not in drawn]
        charts = []
        for person in dict.fromkeys(people):
            drawn.add(person)
            timeline = pictured.timelines.get(person)
            if timeline is not None:
                charts.append(_figure(person_bars(timeline), f"{person}: timeline", person))
        if not about:  # about articles as a whole
            charts.append(_dates(report, pictured))
        body = "".join(charts) + "".join(finding_html(f, report) for f in findings)
        anchor = f"group-{number}" if about else "articles"
        sections.append(
            f'<section class="group" id="{anchor}"><h2>{text(title)}</h2>{body}</section>'
        )
    if all(f.people for f in report.findings):  # none about an article: their dates, alone
        dates = _dates(report, pictured)
        sections.append(f'<section id="articles"><h2>Articles</h2>{dates}</section>')
    return sections


def _fixed(report: Report) -> str:
    if not report.fixed:
        return ""
    items = "".join(
        f"<li><code>{text(e.rule)} {text(e.fingerprint)}</code> {text(e.summary)}</li>"
        for e in report.fixed
    )
    return (
        '<section id="fixed"><h2>Fixed: in the baseline, but no longer found</h2>'
        f"<ul>{items}</ul><p>Prune them with: <code>{text(report.prune_command())}</code></p>"
        "</section>"
    )


def page(report: Report, pictured: Pictured) -> str:
    style, script = _asset("report.css"), _asset("report.js")
    if report.findings:
        found = _filters(report) + "<main>" + _legend() + "".join(_groups(report, pictured))
        found += '<p id="none" hidden>No finding matches the filters.</p>'
    else:
        found = "<main><p>No findings: the claims agree.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_policy(style, script)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>factcheck report: {text(summary(report))}</title>"
        f"<style>{style}</style></head><body>{HATCHES}"
        "<header><h1>factcheck report</h1>"
        # Paths from the repository's root: the page is shared beyond the machine it was made on.
        f'<p class="meta">{text(", ".join(report.relative(str(p)) for p in report.paths))} · '
        f"factcheck {__version__}</p></header>"
        f"{_summary(report)}{found}{_fixed(report)}</main>"
        f"<script>{script}</script></body></html>\n"
    )


def render(report: Report, pictured: Pictured, out: TextIO) -> None:
    out.write(page(report, pictured))
