"""What each command does, given its parsed arguments; returns the exit status.

Settings come from the configuration file (see :mod:`factcheck.config`); arguments win.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from factcheck import progress
from factcheck.config import Settings
from factcheck.config import load as load_settings
from factcheck.exits import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_FINDINGS, EXIT_OUTPUT
from factcheck.files import repository_root
from factcheck.problems import InputError, Problem, shown
from factcheck.textsafe import inert, is_text, not_a_command
from factcheck.vocabulary import Rule, using

if TYPE_CHECKING:
    from factcheck.results import Report

DEFAULT_PATHS = (Path("claims"),)


def _paths(arguments: Sequence[Path], settings: Settings) -> list[Path]:
    """The arguments, else the configured paths, else claims/ here or at the repository's root
    (so that a run from a subfolder of the repository finds them)."""
    if arguments:
        return list(arguments)
    if settings.paths:  # named, as on a command line, from here where they are inside it
        return [Path(shown(path)) for path in settings.paths]
    here = DEFAULT_PATHS[0]
    at_root = repository_root([Path.cwd()]) / here
    return [here if here.exists() or not at_root.exists() else Path(shown(at_root))]


@dataclass(frozen=True, slots=True)
class Loading:
    """How the claim files are loaded: by how many processes, and whether through the cache."""

    jobs: int | None = None
    cache: bool = True
    quiet: bool = False  # no progress on standard error


def _settings(loading: Loading) -> Settings:
    """The configuration's settings, with the command line's way of loading (and a progress
    line where a person watches it: close it before writing to the terminal)."""
    settings = replace(load_settings(), jobs=loading.jobs, cache=loading.cache)
    if progress.wanted(sys.stderr, loading.quiet):
        return replace(settings, progress=progress.Progress(sys.stderr))
    return settings


@contextmanager
def _watched(loading: Loading) -> Iterator[Settings]:
    """:func:`_settings`, its progress line wiped when the block ends."""
    settings = _settings(loading)
    try:
        yield settings
    finally:
        settings.progress.close()


def _writing(settings: Settings) -> None:
    """Before the report is written: the progress line is wiped if the report goes to the
    terminal too, else it says what the run does now."""
    if progress.wanted(sys.stdout, False, {}):
        settings.progress.close()
    else:
        settings.progress.stage("writing the report")


def _report_problems(
    error: InputError, output_format: str, outcome: str = "checked", to: Path | None = None
) -> int:
    """Every problem on its own line, then what did not happen because of them; exit 2. A
    machine format also gets them as a document, where its report would have gone (``to``, else
    standard output), so that no report of an earlier run is left there to be read as this one's."""
    from factcheck import output
    from factcheck.report.problems import RENDERERS

    if output_format in RENDERERS:
        problems = error.problems
        try:
            output.write(to, lambda out: RENDERERS[output_format](problems, out))
        except InputError as unwritable:  # said below, with the others
            error = InputError([*error.problems, *unwritable.problems])
    for problem in error.problems:
        print(not_a_command(str(problem)), file=sys.stderr)
    count = len(error.problems)
    print(
        f"factcheck: {count} problem{'s' * (count != 1)} in the input; nothing was {outcome}",
        file=sys.stderr,
    )
    return EXIT_BAD_INPUT


@dataclass(frozen=True, slots=True)
class Reporting:
    """How run reports: its format, where it writes (None: standard output), and the baseline
    asked for (None: the configuration's, unless ``use_baseline`` is off)."""

    output_format: str = "text"
    output: Path | None = None
    baseline: Path | None = None
    use_baseline: bool = True


def run(paths: Sequence[Path], reporting: Reporting, loading: Loading = Loading()) -> int:
    if reporting.output == Path("-"):  # "-o -": standard output, as for most tools
        reporting = replace(reporting, output=None)
    try:
        settings = _settings(loading)
    except InputError as error:
        return _report_problems(error, reporting.output_format)
    try:
        return _run(paths, reporting, settings)
    finally:
        settings.progress.close()


def _run(paths: Sequence[Path], reporting: Reporting, settings: Settings) -> int:
    from factcheck import baseline as baselines
    from factcheck import output
    from factcheck.check import paused_gc

    problems = []
    chosen = reporting.baseline or (settings.baseline if reporting.use_baseline else None)
    accepted = None
    try:  # a bad baseline, bad claims and a bad output path are reported together
        accepted = None if chosen is None else baselines.read(chosen)
    except InputError as error:
        problems += error.problems
    destination = reporting.output
    if destination is not None and (unusable := output.problems(destination)):
        problems, destination = problems + unusable, None
    try:
        report, render = _checked(_paths(paths, settings), reporting.output_format, settings)
    except InputError as error:
        problems += error.problems
    if problems:
        settings.progress.close()
        return _report_problems(InputError(problems), reporting.output_format, to=destination)
    report = report.against(accepted)
    _writing(settings)
    try:
        with paused_gc(), using(settings.vocabulary):  # the rules SARIF lists are the run's
            output.write(reporting.output, lambda out: render(report, out))
    except InputError as error:  # not the input: the report's file (a full disk, say)
        for problem in error.problems:
            print(not_a_command(str(problem)), file=sys.stderr)
        print("factcheck: the report could not be written; nothing was", file=sys.stderr)
        return EXIT_OUTPUT
    return EXIT_FINDINGS if report.failed else EXIT_CLEAN


def _checked(
    paths: list[Path], output_format: str, settings: Settings
) -> tuple[Report, Callable[[Report, TextIO], None]]:
    """The report, and how to render it: the HTML report draws timelines, so it needs the whole
    analysis (never the report cache)."""
    from factcheck.check import analyse, check
    from factcheck.report import FORMATS

    if output_format != "html":
        return check(paths, settings), FORMATS[output_format]
    from factcheck.report import html

    analysis = analyse(paths, settings)
    with using(settings.vocabulary):
        pictured = html.Pictured.of(analysis)
    return analysis.report, lambda report, out: html.render(report, pictured, out)


def baseline(
    paths: Sequence[Path], output: Path | None, prune: bool, loading: Loading = Loading()
) -> int:
    """Write the current findings as the baseline; with ``prune``, only drop the fixed ones."""
    from factcheck import baseline as baselines
    from factcheck.check import check

    try:
        with _watched(loading) as settings:
            report = check(_paths(paths, settings), settings)
        target = output or settings.baseline or report.root / baselines.DEFAULT_NAME
        entries = [baselines.entry(f) for f in report.findings]
        if prune:  # the accepted entries as they are, but for the fixed ones
            accepted = baselines.read(target)
            gone = {e.fingerprint for e in report.against(accepted).fixed}
            entries = [e for e in accepted.entries.values() if e.fingerprint not in gone]
        baselines.write(target, entries)
    except InputError as error:
        return _report_problems(error, "text")
    count = len(entries)
    print(
        f"factcheck: wrote {count} finding{'s' * (count != 1)} to {inert(shown(target))}",
        file=sys.stderr,
    )
    return EXIT_CLEAN


def explain(
    paths: Sequence[Path], fingerprint: str, output_format: str, loading: Loading = Loading()
) -> int:
    """Print the derivation of the finding with that fingerprint (or a unique prefix of it)."""
    from factcheck.check import check
    from factcheck.explain import derive, find
    from factcheck.report.explanation import FORMATS

    try:
        with _watched(loading) as settings:
            report = check(_paths(paths, settings), settings)
        finding = find(report, fingerprint)
    except InputError as error:
        return _report_problems(error, "text")
    with using(settings.vocabulary):  # its events' names, in the steps
        FORMATS[output_format](derive(finding), sys.stdout)
    return EXIT_CLEAN


def timeline(
    entity: str, paths: Sequence[Path], output_format: str, loading: Loading = Loading()
) -> int:
    """Print a person's timeline; an unknown name is bad input, with a suggestion."""
    from factcheck.check import analyse
    from factcheck.report.timeline_json import render_json
    from factcheck.timeline import UnknownEntity
    from factcheck.timeline import timeline as build

    try:
        with _watched(loading) as settings:
            analysis = analyse(_paths(paths, settings), settings)
        with using(settings.vocabulary):  # its events' labels and order
            result = build(analysis, entity)
    except UnknownEntity as error:  # the claims were checked: only the timeline is not drawn
        return _report_problems(error, output_format, "shown")
    except InputError as error:
        return _report_problems(error, output_format)
    with using(settings.vocabulary):
        if output_format == "json":
            render_json(result, sys.stdout)
        else:
            from factcheck.report.timeline_text import render

            render(result, sys.stdout)
    return EXIT_CLEAN


def extract(
    article: Path,
    article_id: str | None,
    published: str | None,
    outlet: str | None,
    entities: Path | None,
    output: Path | None,
    force: bool,
    as_json: bool = False,
) -> int:
    """Draft a claims file from an article's text: to ``output`` (atomically, and never over an
    existing file unless ``force``), else to standard output."""
    from factcheck import extract as extractor
    from factcheck.dates import DATE_HINT, DateError

    try:
        when = None if published is None else extractor.published_value(published)
    except DateError as exc:
        message = f"factcheck: --published {published!r}: {exc} ({DATE_HINT})"
        print(not_a_command(inert(message)), file=sys.stderr)
        return EXIT_BAD_INPUT
    if article_id is not None and not article_id.strip():
        print("factcheck: --id must not be empty (give the article's id)", file=sys.stderr)
        return EXIT_BAD_INPUT
    for option, value in (("--id", article_id), ("--outlet", outlet)):
        if value is not None and not is_text(value):  # TOML could not hold it: refused here
            message = f"factcheck: {option} '{value}' is not UTF-8 text (check the shell's locale)"
            print(not_a_command(inert(message)), file=sys.stderr)
            return EXIT_BAD_INPUT
    if output is not None and not output.parent.is_dir():
        message = (
            f"factcheck: --output {shown(output)}: the folder {shown(output.parent)} does not exist"
        )
        print(
            not_a_command(inert(message + " (create it first, or give another path)")),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from factcheck.extract.command import Request
    from factcheck.extract.command import extract as run_extract

    name = extractor.default_id(article) if article_id is None else article_id
    paths = _paths([], load_settings())
    request = Request(article, name, when, outlet, entities, paths, output, force, as_json)
    try:
        done = run_extract(request)
    except InputError as error:
        return _report_problems(error, "text", "written")
    result = done.draft
    count, skipped = len(result.claims), len(result.skipped)
    where = "" if output is None else f" to {shown(output)}"
    undated = " (undated)" if result.published is None else ""
    listed = f" ({skipped} sentence{'s' * (skipped != 1)} not drafted, listed in the draft)"
    if done.proposed is not None:
        place = done.proposed if isinstance(done.proposed, str) else shown(done.proposed)
        print(
            inert(
                f"factcheck: no entity file found: proposed {done.proposed_people} people in "
                f"{place}; review them (names, aliases, gender) before relying on the draft"
            ),
            file=sys.stderr,
        )
    print(
        f"factcheck: drafted {count} claim{'s' * (count != 1)}{undated} from "
        f"{inert(shown(article) + where)}{listed if skipped else ''}: check each against the "
        "article",
        file=sys.stderr,
    )
    if done.entities is not None and not count:
        # A new user in a repository with claims/entities.toml drafts against its people, who
        # may not be this article's: say which file it was, and how to choose another.
        hint = (
            f"factcheck: names were read through {shown(done.entities)}, which names nobody the "
            "draft could use: give the article's people with --entities FILE"
        )
        print(inert(hint), file=sys.stderr)
    return EXIT_CLEAN


def rules(code: str | None) -> int:
    """Every rule in a few lines, or one rule's page: factcheck's and the configuration's."""
    import textwrap

    from factcheck.problems import closest
    from factcheck.rulepages import page

    try:
        settings = load_settings()
    except InputError as error:
        return _report_problems(error, "text", "shown")
    vocabulary = settings.vocabulary
    if code is None:
        for rule in vocabulary.rules:
            print(f"{rule.code}  {rule.name}  ({_graded(rule, settings)})")
            print(textwrap.fill(rule.doc, 88, initial_indent="    ", subsequent_indent="    "))
            print()
        return EXIT_CLEAN
    # By code, or by name ("conflicting-claims"), as the report shows both.
    by_name = {rule.name: rule for rule in vocabulary.rules}
    wanted = vocabulary.rules_by_code.get(code.strip().upper()) or by_name.get(code.strip().lower())
    if wanted is None:
        # Codes are alike: FC999 is as close to FC209 as a misspelt name is to its rule. A code
        # is suggested only when a character was added or dropped ("FC201x"); else all are listed.
        hint = closest(code, by_name) or closest(code.upper(), vocabulary.rules_by_code, 0.85)
        hint = hint or f"known rules: {', '.join(vocabulary.rules_by_code)}"
        problem = Problem.of_argument(f"unknown rule {code!r}", hint)
        return _report_problems(InputError([problem]), "text", "shown")
    text = page(wanted, vocabulary)
    if sys.stdout.isatty():  # read in a terminal: rendered; piped: the Markdown itself
        from rich.console import Console
        from rich.markdown import Markdown

        console = Console()
        console.print(Markdown(text))
        if _graded(wanted, settings) != wanted.severity:
            console.print(f"In this configuration: {_graded(wanted, settings)}.", markup=False)
    else:
        print(text, end="")
    return EXIT_CLEAN


def _graded(rule: Rule, settings: Settings) -> str:
    """The rule's severity as the configuration has it: "warning", "error, configured: info",
    "disabled"."""
    if rule.code in settings.disable:
        return f"{rule.severity}, disabled here"
    configured = settings.severity.get(rule.code)
    if configured is not None and configured != rule.severity:
        return f"{rule.severity}, configured: {configured}"
    return rule.severity


def schema() -> int:
    """The JSON Schema of claim and entity files, with the configuration's predicates."""
    from factcheck.schema import schema_text

    try:
        vocabulary = load_settings().vocabulary
    except InputError as error:
        return _report_problems(error, "text", "shown")
    with using(vocabulary):
        print(schema_text(), end="")
    return EXIT_CLEAN
