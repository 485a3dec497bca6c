"""Formats of ``factcheck explain``: the derivation of one finding, as text or JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.explain import Derivation, Line, Weighed
from factcheck.jsontext import dumps
from factcheck.report.json_format import blame_json, cost_json
from factcheck.report.text import terminal
from factcheck.textsafe import inert

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def _source_json(line: Line) -> dict[str, Any]:
    source = line.source
    claim = None if source is None else source.claim
    return {
        "says": line.says,
        "constraint": None if source is None else source.text,
        "rule": None if source is None or source.rule is None else source.rule.code,
        "claim": None if claim is None else claim.ref,
        "quote": None if claim is None else claim.quote,
        "file": None if claim is None else claim.location.path,
        "line": None if claim is None else claim.location.line,
        "follows": line.follows or None,
    }


def render_json(derivation: Derivation, out: TextIO) -> None:
    finding = derivation.finding
    document = {
        "fingerprint": finding.fingerprint,
        "rule": finding.rule.code,
        "message": finding.message,
        "proof": [_source_json(line) for line in derivation.lines],
        "conclusion": derivation.conclusion,
        "likely_wrong": blame_json(finding.likely_wrong),
        "weighed": [
            {
                "role": item.role,
                "keeps": item.keeps,
                "leave_out": list(item.option.claims),
                "articles": list(item.option.articles),
                **cost_json(item.option),
            }
            for item in derivation.weighed
        ],
    }
    out.write(dumps(document))


def render_text(derivation: Derivation, out: TextIO) -> None:
    from rich.padding import Padding
    from rich.text import Text

    finding = derivation.finding
    with terminal(out) as console:
        head = Text(f"{finding.rule.code} {finding.rule.name}  ", style="bold")
        head.append(finding.fingerprint, style="dim")
        console.print(head)
        console.print(Padding(Text(inert(finding.message)), (0, 0, 0, 2), expand=False))
        console.print()
        console.print(Text("The proof, one constraint at a time:", style="bold underline"))
        for number, line in enumerate(derivation.lines, start=1):
            console.print(
                Padding(Text(f"{number}. {inert(line.says)}"), (0, 0, 0, 2), expand=False)
            )
            source = line.source
            where = Text("", style="dim")
            if source is not None and source.claim is not None:
                claim = source.claim
                where.append(inert(f"{claim.article.name} says {source.text}"))
                if claim.quote:
                    where.append("\n")
                    where.append(f"“{inert(claim.quote)}”", style="italic")
                where.append("\n")
                where.append(inert(str(claim.location)), style="cyan")
            elif source is not None:
                where.append(inert(f"domain rule: {source.text}"))
            console.print(Padding(where, (0, 0, 0, 5), expand=False))
            if line.follows:
                console.print(Padding(Text(inert(line.follows)), (0, 0, 0, 5), expand=False))
        console.print()
        console.print(Text(inert(f"Therefore {derivation.conclusion}."), style="bold red"))
        _print_weighing(derivation, console)


def _print_weighing(derivation: Derivation, console: Console) -> None:
    from rich.padding import Padding
    from rich.text import Text

    blame = derivation.finding.likely_wrong
    if blame is None:
        return
    console.print()
    if derivation.weighed:
        heading = (
            "The corrections weighed (fewest articles first, an article once per event; "
            "then fewest claims):"
        )
        console.print(Text(heading, style="bold underline"))
        for item in derivation.weighed:
            console.print(Padding(_weighed_line(item), (0, 0, 0, 2), expand=False))
        console.print()
    verdict = Text("likely wrong: ", style="bold yellow")
    if blame.claim is None:
        verdict = Text(inert(blame.reason), style="bold yellow")
    else:
        verdict.append(inert(f"{blame.claim.ref}, because {blame.reason}"))
    console.print(verdict)


def _weighed_line(item: Weighed) -> Text:
    from rich.text import Text

    role = f"to keep {item.keeps}" if item.role == "keeping" else item.role
    line = Text(inert(f"{role}: "), style="bold")
    line.append(inert(f"leave out {', '.join(item.option.claims)}"))
    line.append(f"  ({item.option.describe()})", style="dim")
    return line


FORMATS: dict[str, Callable[[Derivation, TextIO], None]] = {
    "text": render_text,
    "json": render_json,
}
