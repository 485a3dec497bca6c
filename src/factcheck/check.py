"""The whole check, one stage after another: load, resolve, read, compile, solve, find; or, when
no file and no setting changed since the last run, the report it made (see :mod:`cache`)."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.cache import ReportCache
from factcheck.config import Settings
from factcheck.files import repository_root
from factcheck.inputs import Inputs
from factcheck.problems import InputError
from factcheck.results import Analysis, Report
from factcheck.vocabulary import using

if TYPE_CHECKING:
    from factcheck.incremental import Kept
    from factcheck.model import Corpus


def check(paths: Sequence[Path], settings: Settings | None = None) -> Report:
    """Check the claim files under ``paths``; raise :class:`InputError` with every problem.

    With the cache, a run whose files and settings are all unchanged reports what the last one
    did without loading or analysing anything."""
    settings = settings or Settings()
    with paused_gc(), using(settings.vocabulary):
        root = repository_root(paths)
        inputs = Inputs.read(paths, facts=settings.cache)
        reports = ReportCache.at(root, paths) if inputs.complete else None
        if reports is None:
            return _analyse(root, paths, inputs, settings).report
        identity = reports.identity(inputs.known, settings.disable, settings.severity)
        kept = reports.get(identity)
        if kept is not None:
            return replace(kept, root=root, paths=tuple(paths))
        report = _analyse(root, paths, inputs, settings).report
        reports.save(identity, report)
        return report


def analyse(paths: Sequence[Path], settings: Settings | None = None) -> Analysis:
    """:func:`check`, keeping all it worked out; never from the report cache."""
    settings = settings or Settings()
    with paused_gc(), using(settings.vocabulary):
        inputs = Inputs.read(paths, facts=settings.cache)
        return _analyse(repository_root(paths), paths, inputs, settings)


@contextmanager
def paused_gc() -> Iterator[None]:
    """A check makes millions of objects that live until it ends, and almost no garbage with
    cycles: collecting cycles meanwhile only rescans the live ones, again and again (a fifth
    of the time at 100k claims, for nothing). So does writing a large report (the JSON of
    95,754 findings: 8.2 s to build with collections, 1.7 s without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _analyse(root: Path, paths: Sequence[Path], inputs: Inputs, settings: Settings) -> Analysis:
    # The analysis, imported only where it runs: a run whose report is in the cache (the most
    # common run) starts without it.
    from factcheck.cache import ParseCache
    from factcheck.constraints import compile_readings
    from factcheck.entities import Names
    from factcheck.facts import examine
    from factcheck.findings import (
        Dating,
        from_article_date,
        from_notice,
        from_verdict,
        sort_findings,
    )
    from factcheck.forensics import investigate
    from factcheck.parallel import default_jobs, load
    from factcheck.places import Places
    from factcheck.results import Checked
    from factcheck.values import read

    cache = ParseCache.at(root, paths) if settings.cache else None
    jobs = settings.jobs or default_jobs()
    progress = settings.progress
    # The files' content hashes, by path, for the dates kept: loading lets go of the facts.
    versions = {f.path: f.sha256 for f in inputs.known} if inputs.complete else None
    corpus = load(inputs, jobs, cache, progress)
    progress.stage("reading claims")
    names = Names(corpus)
    readings = read(corpus, names)
    places = Places(corpus)
    problems = corpus.problems + readings.problems + places.problems
    if problems:
        raise InputError(problems)
    links = [fact for fact in readings.facts if fact.kind == "link"]
    constraints = compile_readings(readings.readings, settings.disable, links=links)
    kept = _kept(root, paths, versions, corpus, settings)
    found = investigate(
        corpus, names, readings.published, constraints, settings.disable, progress, kept
    )
    if kept is not None:
        kept.save()
    facts = examine(readings.facts, places, constraints, found, settings.disable)
    verdicts = [*found.verdicts, *facts.verdicts]
    findings = [from_verdict(verdict, readings.parties) for verdict in verdicts]
    findings += [from_notice(notice, readings.parties) for notice in facts.notices]
    findings += [
        f for d in found.dates.values() if (f := from_article_date(d, readings.parties)) is not None
    ]
    findings = sort_findings(
        [
            replace(f, level=settings.severity.get(f.rule.code))
            for f in findings
            if f.rule.code not in settings.disable
        ]
    )
    shown = {(c.article.id, c.id) for f in findings for c in f.claims}
    report = Report(
        Checked(len(corpus.articles), len(corpus.claims), len(corpus.entities)),
        findings,
        {k: v for k, v in readings.parties.items() if k in shown},
        readings.published,
        {k: Dating.of(d) for k, d in found.dates.items()},
        root,
        tuple(paths),
    )
    blamed, contested = found.blamed | facts.blamed, found.contested | facts.contested
    return Analysis(report, corpus, readings.parties, constraints, blamed, contested)


def _kept(
    root: Path,
    paths: Sequence[Path],
    versions: dict[str, str] | None,
    corpus: Corpus,
    settings: Settings,
) -> Kept | None:
    """The article dates of the last run, where the cache is on and every file is known."""
    from factcheck.incremental import Kept

    if not settings.cache or versions is None:
        return None
    return Kept.at(root, paths, corpus, versions, settings.disable)
