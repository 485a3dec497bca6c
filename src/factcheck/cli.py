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
from factcheck.usage import Command, Group

app = typer.Typer(
    name="factcheck",
    help="Find contradictions between articles' dated claims about people.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    cls=Group,
)


class ReportFormat(StrEnum):
    """The formats of the commands that describe one thing: explain and timeline."""

    text = "text"
    json = "json"


class DraftFormat(StrEnum):
    """The formats of extract's draft."""

    toml = "toml"
    json = "json"


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    html = "html"


def _at_least_one(jobs: int | None) -> int | None:
    if jobs is not None and jobs < 1:
        raise typer.BadParameter(f"{jobs} processes: give 1 or more")
    return jobs


def _rule_codes(incomplete: str) -> list[str]:
    """The rules' codes, the configuration's own too, for the shell to complete."""
    from factcheck.config import load
    from factcheck.problems import InputError

    try:
        rules = load().vocabulary.rules
    except InputError:  # a broken configuration: complete factcheck's own
        from factcheck.vocabulary import BUILTIN

        rules = BUILTIN.rules
    return [rule.code for rule in rules if rule.code.startswith(incomplete.upper())]


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


PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Claim files or folders (default: the configuration's paths, else claims/).",
        show_default=False,
        metavar="PATHS",
    ),
]

ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        callback=_at_least_one,
        help="Processes that parse claim files (default: 1).",
        show_default=False,
        metavar="N",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Show no progress on standard error, however long the run."),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Parse and analyse every file afresh; neither read nor write .factcheck_cache/.",
    ),
]


@app.command(cls=Command)
def run(
    paths: PathsArgument = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.")
    ] = Format.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file (atomically) instead of standard output.",
            metavar="FILE",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Compare with this baseline: only new error findings fail the run.",
            metavar="FILE",
        ),
    ] = None,
    no_baseline: Annotated[
        bool, typer.Option("--no-baseline", help="Ignore the configuration's baseline.")
    ] = False,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
) -> None:
    """Check claim files and report every contradiction.

    Exit status: 0 no contradiction (or none new, with a baseline), 1 contradictions found,
    2 bad input or usage, 3 an internal error, 4 the output could not be written.
    """
    from factcheck import commands

    loading = commands.Loading(jobs, not no_cache, quiet)
    reporting = commands.Reporting(output_format.value, output, baseline, not no_baseline)
    raise typer.Exit(commands.run(paths or [], reporting, loading))


@app.command(
    "baseline",
    cls=Command,
    short_help="Accept the current findings: CI then fails only on new ones.",
)
def baseline_command(
    paths: PathsArgument = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write it (default: the configuration's baseline, else "
            ".factcheck-baseline.json at the repository's root).",
            metavar="FILE",
        ),
    ] = None,
    prune: Annotated[
        bool,
        typer.Option("--prune", help="Only drop the findings that no longer occur; add none."),
    ] = False,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
) -> None:
    """Accept the current findings: write them to the baseline file that run compares with."""
    from factcheck import commands

    raise typer.Exit(
        commands.baseline(paths or [], output, prune, commands.Loading(jobs, not no_cache, quiet))
    )


@app.command(cls=Command, short_help="List the rules, or show one rule's page.")
def rules(
    code: Annotated[
        str | None,
        typer.Argument(
            help="A rule's code or name: print its page (examples, and how to disable it).",
            metavar="CODE",
            show_default=False,
            autocompletion=_rule_codes,
        ),
    ] = None,
) -> None:
    """List every rule with its code, severity and documentation, or print one rule's page.

    Exit status: 0 shown, 2 an unknown code.
    """
    from factcheck import commands

    raise typer.Exit(commands.rules(code))


@app.command(cls=Command, short_help="Draw a person's events and reported ages on a year axis.")
def timeline(
    entity: Annotated[
        str, typer.Argument(help="A person's name or alias.", metavar="ENTITY", show_default=False)
    ],
    paths: PathsArgument = None,
    output_format: ReportFormatOption = ReportFormat.text,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
) -> None:
    """Draw a person's events on a year axis: each one's best-supported window, the ages
    reported along the way, and the articles behind them (disputed claims in red).

    Exit status: 0 shown, 2 bad input, usage or an unknown name.
    """
    from factcheck import commands

    loading = commands.Loading(jobs, not no_cache, quiet)
    raise typer.Exit(commands.timeline(entity, paths or [], output_format.value, loading))


@app.command(cls=Command, short_help="Draft a claims file from an article's text.")
def extract(
    article: Annotated[
        Path,
        typer.Argument(
            help="The article's text (UTF-8); a first line 'date YYYY-MM-DD' dates it.",
            metavar="ARTICLE.txt",
            show_default=False,
        ),
    ],
    article_id: Annotated[
        str | None,
        typer.Option("--id", help="The article's id (default: the file's name).", metavar="ID"),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Its publication date, e.g. 2023-06-07, 2023-06 or 2023 (default: the text's "
            "date line, else undated).",
            metavar="DATE",
        ),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="The outlet that published it.", metavar="NAME")
    ] = None,
    entities: Annotated[
        Path | None,
        typer.Option(
            "--entities",
            help="The entity file names resolve through (default: claims/entities.toml, else "
            "the nearest entities.toml above the article).",
            metavar="FILE",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the claims file here (default: standard output).",
            metavar="OUT.toml",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace OUT.toml (and a proposed entity file).")
    ] = False,
    output_format: Annotated[
        DraftFormat,
        typer.Option(
            "--format", help="toml: a claims file; json: claims and sentences not drafted."
        ),
    ] = DraftFormat.toml,
) -> None:
    """Draft a claims file from an article's text: ages, births, deaths, meetings,
    engagements, weddings, separations, divorces, marriage durations, children, birthplaces and
    heights, each with its quote and place in the text. Sentences that look like claims but
    gave none are listed in the draft. Without an entity file, one is proposed beside the draft.

    Exit status: 0 drafted, 2 bad input or usage. Check every claim before committing it.
    """
    from factcheck import commands

    as_json = output_format is DraftFormat.json
    raise typer.Exit(
        commands.extract(article, article_id, published, outlet, entities, output, force, as_json)
    )


@app.command(cls=Command, short_help="Show how a finding is derived, step by step.")
def explain(
    fingerprint: Annotated[
        str,
        typer.Argument(
            help="The finding's fingerprint, or a unique prefix of it.", metavar="FINGERPRINT"
        ),
    ],
    paths: PathsArgument = None,
    output_format: ReportFormatOption = ReportFormat.text,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
) -> None:
    """Show how a finding is derived: each constraint, its claim, and the arithmetic."""
    from factcheck import commands

    loading = commands.Loading(jobs, not no_cache, quiet)
    raise typer.Exit(commands.explain(paths or [], fingerprint, output_format.value, loading))


@app.command(
    cls=Command, short_help="Print the JSON Schema of claim and entity files, for editors."
)
def schema() -> None:
    """Print the JSON Schema (draft 4) of claim and entity files, for editors (with the
    predicates your configuration defines).

    Exit status: 0 printed, 2 a bad configuration.
    """
    from factcheck import commands

    raise typer.Exit(commands.schema())


def main() -> None:
    from factcheck.exits import (
        EXIT_INTERNAL,
        GuardedOutput,
        OutputError,
        internal_error,
        output_failed,
    )

    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character: escape it
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    sys.stdout = GuardedOutput(sys.stdout)
    # Standard error too: a closed pipe there must not pass for exit 1 (click's handling).
    sys.stderr = GuardedOutput(sys.stderr)
    code: int | str | None
    try:
        app(prog_name="factcheck")
        code = 0
    except SystemExit as done:
        code = done.code
    except OutputError as error:
        code = output_failed(error)
    except BrokenPipeError as error:  # written around the guard (rich flushes its own way)
        code = output_failed(OutputError(str(error)))
    except KeyboardInterrupt:
        code = 130
    except Exception as error:  # a bug: never exit 0 or 1, which CI reads as a verdict
        code = internal_error(error)
    try:
        sys.stdout.flush()
    except OutputError as error:
        code = output_failed(error)
    except Exception as error:
        code = EXIT_INTERNAL if code in (0, 1) else code
        internal_error(error)
    _quiet_exit(code)


def _quiet_exit(code: int | str | None) -> None:
    """Exit without Python flushing standard output again at shutdown (whose failure would be
    printed as a traceback): it was flushed, or it failed and was reported."""
    import os

    sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # closed by the interpreter's exit
    sys.exit(code)
