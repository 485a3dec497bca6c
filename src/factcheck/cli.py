"""The command line: parse arguments, call the check, pick a format, set the exit code.

Heavy modules are imported inside the commands, so that ``factcheck --help`` starts at once.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

app = typer.Typer(
    name="factcheck",
    help="Find contradictions between articles' dated claims about people.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Find contradictions between articles' dated claims about people."""


@app.command()
def run(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Claim files or folders to check.", show_default="claims/", metavar="PATHS"
        ),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.")
    ] = Format.text,
) -> None:
    """Check claim files and report every contradiction.

    Exit status: 0 no contradiction, 1 contradictions found, 2 bad input or usage.
    """
    from factcheck.check import check
    from factcheck.problems import InputError
    from factcheck.report import FORMATS
    from factcheck.textsafe import not_a_command

    try:
        report = check(paths or [Path("claims")])
    except InputError as error:
        if output_format is Format.json:
            from factcheck.report.json_format import render_problems

            render_problems(error.problems, sys.stdout)
        for problem in error.problems:
            print(not_a_command(str(problem)), file=sys.stderr)
        count = len(error.problems)
        print(
            f"factcheck: {count} problem{'s' * (count != 1)} in the input; nothing was checked",
            file=sys.stderr,
        )
        raise typer.Exit(EXIT_BAD_INPUT) from None
    FORMATS[output_format.value](report, sys.stdout)
    raise typer.Exit(EXIT_FINDINGS if report.count("error") else EXIT_CLEAN)


@app.command()
def rules() -> None:
    """List every rule with its code, severity and documentation."""
    import textwrap

    from factcheck.rules import RULES

    for rule in RULES:
        typer.echo(f"{rule.code}  {rule.name}  ({rule.severity})")
        typer.echo(textwrap.fill(rule.doc, 88, initial_indent="    ", subsequent_indent="    "))
        typer.echo()


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 4) of claim and entity files, for editors."""
    from factcheck.schema import schema_text

    typer.echo(schema_text(), nl=False)


def main() -> None:
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character: escape it
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app(prog_name="factcheck")
    except BrokenPipeError:  # piped into head: the reader left, which is not an error
        sys.stderr.close()
        sys.exit(EXIT_CLEAN)
