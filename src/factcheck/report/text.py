"""The terminal report: findings grouped by subject, their claims side by side.

Every piece of text from a claim file goes through :func:`inert` into a ``Text`` object, so it is
never read as rich markup or as terminal control sequences. Colour only on a terminal, and never
when NO_COLOR is set (rich honours it).
"""

from __future__ import annotations

import os
from itertools import groupby
from typing import Literal, TextIO

from factcheck.check import Report
from factcheck.findings import Evidence, Finding
from factcheck.textsafe import inert, not_a_command

_STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}
_MARK = {"error": "✗", "warning": "!", "info": "i"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def summary(report: Report) -> str:
    corpus = report.corpus
    errors, warnings = report.count("error"), report.count("warning")
    found = f"{_plural(errors, 'contradiction')}, {_plural(warnings, 'warning')}"
    checked = (
        f"{_plural(len(corpus.articles), 'article')}, {_plural(len(corpus.claims), 'claim')}, "
        f"{_plural(len(corpus.entities), 'entity').replace('entitys', 'entities')}"
    )
    return f"{found} in {checked}"


_MIN_COLUMN = 36  # narrower than this, claims are listed one under another


def _card(evidence: Evidence):  # -> rich.text.Text
    from rich.text import Text

    claim = evidence.claim
    card = Text(inert(f"{claim.article.name}"), style="bold")
    card.append(inert(f"  {claim.article.id}#{claim.id}"), style="dim")
    if claim.quote:
        card.append("\n“" + inert(claim.quote) + "”", style="italic")
    card.append("\n→ " + inert(evidence.implies))
    card.append("\n" + inert(str(claim.location)), style="cyan")
    return card


def _claims(finding: Finding, width: int):  # -> rich renderable
    from rich.console import Group
    from rich.table import Table

    cards = [_card(e) for e in finding.evidence]
    if len(cards) * (_MIN_COLUMN + 3) > width:
        for card in cards[:-1]:
            card.append("\n")
        return Group(*cards)
    table = Table.grid(padding=(0, 3))
    for _ in cards:
        table.add_column(overflow="fold", ratio=1)
    table.add_row(*cards)
    return table


def render(report: Report, out: TextIO) -> None:
    from rich.console import Console

    # NO_COLOR asks for plain text: no colour and no other escapes either (bold, underline).
    colours: Literal["auto"] | None = None if os.environ.get("NO_COLOR") else "auto"
    console = Console(file=out, highlight=False, emoji=False, soft_wrap=False, color_system=colours)
    with console.capture() as captured:
        _print(report, console)
    out.write("\n".join(not_a_command(line) for line in captured.get().split("\n")))


def _print(report: Report, console) -> None:  # console: rich.console.Console
    from rich.padding import Padding
    from rich.text import Text

    for subject, group in groupby(report.findings, key=lambda f: f.subject):
        heading = subject if subject is not None else "Articles"
        console.print(Text(inert(heading), style="bold underline"))
        for finding in group:
            line = Text("  ")
            line.append(f"{_MARK[finding.severity]} {finding.severity}", _STYLE[finding.severity])
            line.append(f" {finding.rule.code} {finding.rule.name}", "bold")
            line.append(f"  {finding.fingerprint}", "dim")
            console.print(line)
            console.print(Padding(Text(inert(finding.message)), (0, 0, 0, 4), expand=False))
            if finding.evidence:
                console.print(
                    Padding(_claims(finding, console.width - 6), (1, 0, 0, 6), expand=False)
                )
            for step in finding.domain:
                console.print(Padding(Text(inert(step), style="dim"), (0, 0, 0, 4), expand=False))
            console.print()
    style = "bold red" if report.count("error") else "bold green"
    console.print(Text(summary(report), style=style))
