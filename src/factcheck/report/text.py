"""The terminal report: findings grouped by subject, their claims side by side.

Every piece of text from a claim file goes through :func:`inert` into a ``Text`` object, so it is
never read as rich markup or as terminal control sequences. Colour only on a terminal, and never
when NO_COLOR is set (rich honours it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby
from typing import TYPE_CHECKING, Literal, TextIO

from factcheck.findings import Evidence, Finding
from factcheck.results import Report
from factcheck.textsafe import inert, not_a_command

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}
_MARKS = {
    "error": "✗",
    "warning": "!",
    "info": "i",
    "open": "“",
    "close": "”",
    "then": "→",
    "contested": "?",
}
_ASCII_MARKS = {
    "error": "x",
    "warning": "!",
    "info": "i",
    "open": '"',
    "close": '"',
    "then": "->",
    "contested": "?",
}
_TRAILING_SPACE = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def summary(report: Report) -> str:
    counts = report.checked
    errors, warnings = report.count("error"), report.count("warning")
    found = f"{_plural(errors, 'contradiction')}, {_plural(warnings, 'warning')}"
    notes = report.count("info")
    extra = f", {_plural(notes, 'note')}" if notes else ""
    if report.baseline is not None:
        new = sum(1 for f in report.new if f.severity == "error")
        known = len(report.findings) - len(report.new)
        found = f"{new} new {_plural(new, 'contradiction')[len(str(new)) + 1 :]}"
        # Known and fixed count every finding of the baseline, warnings too: say so.
        found += f", {_plural(warnings, 'warning')} ({_plural(known, 'finding')} known from the"
        found += f" baseline, {len(report.fixed)} fixed)"
    found += extra
    checked = (
        f"{_plural(counts.articles, 'article')}, {_plural(counts.claims, 'claim')}, "
        f"{_plural(counts.entities, 'entity').replace('entitys', 'entities')}"
    )
    return f"{found} in {checked}"


_MIN_COLUMN = 36  # narrower than this, claims are listed one under another
_DEFAULT_WIDTH = 80  # rich's, when it knows of no terminal


def _card(evidence: Evidence, marks: dict[str, str]) -> list[Text]:
    from rich.text import Text

    claim = evidence.claim
    head = Text(inert(claim.article.name), style="bold")
    head.append(inert(f"  {claim.article.id}#{claim.id}"), style="dim")
    lines = [head]
    if claim.quote:
        quote = f"{marks['open']}{inert(claim.quote)}{marks['close']}"
        lines.append(Text(quote, style="italic"))
    lines.append(Text(f"{marks['then']} {inert(evidence.implies)}"))
    return lines


def _location(evidence: Evidence) -> Text:
    from rich.text import Text

    return Text(inert(str(evidence.claim.location)), style="cyan")


def _print_claims(finding: Finding, console: Console, marks: dict[str, str]) -> None:
    """Side by side where every column fits its file:line; else one under another."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    evidence = finding.evidence
    widest = max(len(str(e.claim.location)) for e in evidence)
    column = max(_MIN_COLUMN, widest)
    console.print()
    if len(evidence) * (column + 3) <= console.width - 6:
        table = Table.grid(padding=(0, 3))
        for _ in evidence:
            table.add_column(overflow="fold", ratio=1)
        table.add_row(*(Group(*_card(e, marks), _location(e)) for e in evidence))
        console.print(Padding(table, (0, 0, 0, 6), expand=False))
        return
    for number, item in enumerate(evidence):
        if number:
            console.print()
        console.print(Padding(Group(*_card(item, marks)), (0, 0, 0, 6), expand=False))
        # A location is clicked or copied whole: it is never wrapped.
        location = Text(" " * 6).append_text(_location(item))
        console.print(location, no_wrap=True, crop=False, overflow="ignore")


def verdict(finding: Finding) -> str | None:
    """Which claim is likely wrong and why, or why factcheck cannot tell, in one line (plain
    text, as written: callers make it inert for their medium)."""
    blame = finding.likely_wrong
    if blame is None:
        return None
    if blame.claim is None:
        return blame.reason
    return f"likely wrong: {blame.claim.ref}, because {blame.reason}"


def _blame(finding: Finding) -> Text:
    from rich.text import Text

    blame = finding.likely_wrong
    assert blame is not None
    if blame.claim is None:
        return Text(inert(blame.reason), style="yellow")
    line = Text("likely wrong: ", style="bold yellow")
    line.append(inert(f"{blame.claim.ref}, because {blame.reason}"))
    return line


def heading(finding: Finding) -> str:
    if finding.people:
        return " and ".join(finding.people)
    return "Articles"


def marks_for(out: TextIO) -> dict[str, str]:
    try:
        "".join(_MARKS.values()).encode(getattr(out, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return _ASCII_MARKS
    return _MARKS


@contextmanager
def terminal(out: TextIO) -> Iterator[Console]:
    """A console for ``out`` whose output is plain with NO_COLOR, never reads as a workflow
    command, and has no trailing spaces."""
    from rich.console import Console

    # NO_COLOR asks for plain text: no colour and no other escapes either (bold, underline).
    colours: Literal["auto"] | None = None if os.environ.get("NO_COLOR") else "auto"
    console = Console(file=out, highlight=False, emoji=False, soft_wrap=False, color_system=colours)
    if console.width < 1:  # COLUMNS=0, as where no terminal is: rich would print nothing at all
        console.width = _DEFAULT_WIDTH
    with console.capture() as captured:
        yield console
    lines = (_TRAILING_SPACE.sub(r"\1", line) for line in captured.get().split("\n"))
    out.write("\n".join(not_a_command(line) for line in lines))


def render(report: Report, out: TextIO) -> None:
    with terminal(out) as console:
        _print(report, console, marks_for(out))


def _print(report: Report, console: Console, marks: dict[str, str]) -> None:
    from rich.padding import Padding
    from rich.text import Text

    shown = report.new if report.baseline is not None else report.findings
    for title, group in groupby(shown, key=heading):
        console.print(Text(inert(title), style="bold underline"))
        for finding in group:
            line = Text("  ")
            line.append(f"{marks[finding.severity]} {finding.severity}", _STYLE[finding.severity])
            line.append(f" {finding.rule.code} {finding.rule.name}", "bold")
            line.append(f"  {finding.fingerprint}", "dim")
            console.print(line)
            console.print(Padding(Text(inert(finding.message)), (0, 0, 0, 4), expand=False))
            if finding.likely_wrong is not None:
                console.print(Padding(_blame(finding), (0, 0, 0, 4), expand=False))
            if finding.evidence:
                _print_claims(finding, console, marks)
            console.print()
    if report.baseline is not None:
        _print_baseline(report, console, marks)
    style = "bold red" if report.failed else "bold green"
    console.print(Text(summary(report), style=style))


def _print_baseline(report: Report, console: Console, marks: dict[str, str]) -> None:
    from rich.padding import Padding
    from rich.text import Text

    known = [f for f in report.findings if report.is_new(f) is False]
    where = inert(report.baseline.path if report.baseline else "")
    if known:
        console.print(Text(f"Known, accepted in {where}", style="bold underline"))
        for finding in known:
            line = Text(f"  {marks[finding.severity]} {finding.rule.code} ", style="dim")
            line.append(f"{finding.fingerprint}  ", style="dim")
            line.append(inert(", ".join(finding.people) or finding.article or ""))
            console.print(line)
        console.print()
    if report.fixed:
        console.print(Text(f"Fixed: in {where}, but no longer found", style="bold underline"))
        for entry in report.fixed:
            line = Text(inert(f"{entry.rule} {entry.fingerprint}  {entry.summary}"))
            console.print(Padding(line, (0, 0, 0, 2), expand=False))
        console.print(Text("  prune them with:"))
        # On a line of its own, never wrapped: it is copied and pasted whole.
        command = Text(f"    {inert(report.prune_command())}", style="bold")
        console.print(command, no_wrap=True, crop=False, overflow="ignore")
        console.print()
