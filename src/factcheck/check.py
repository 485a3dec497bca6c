"""The whole check, one stage after another: load, resolve, read, compile, solve, find; or, when
no file and no setting changed since the last run, the report it made (see :mod:`cache`)."""

from __future__ import annotations

import gc
import shlex
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.baseline import Baseline, Comparison, Entry, compare
from factcheck.cache import ParseCache, ReportCache
from factcheck.config import Settings
from factcheck.constraints import Constraints, compile_readings
from factcheck.dates import DayInterval
from factcheck.engine import ClaimKey
from factcheck.entities import Names
from factcheck.files import present
from factcheck.findings import (
    Dating,
    Finding,
    Parties,
    from_article_date,
    from_verdict,
    sort_findings,
)
from factcheck.forensics import investigate
from factcheck.loader import Inputs, load
from factcheck.model import Corpus
from factcheck.parallel import default_jobs
from factcheck.problems import InputError
from factcheck.values import read


@dataclass(frozen=True, slots=True)
class Checked:
    """How much was checked."""

    articles: int
    claims: int
    entities: int


@dataclass(frozen=True, slots=True)
class Report:
    """What a run found, and all that the report formats show of the claims: what the report
    cache keeps."""

    checked: Checked
    findings: list[Finding]
    parties: Parties  # the canonical names of the claims in findings
    published: dict[str, DayInterval | None]  # each article's stated date, read
    dates: dict[str, Dating]  # each article, dated
    root: Path = field(default_factory=Path.cwd)  # the claims repository's root
    paths: tuple[Path, ...] = ()  # what was checked, as given
    baseline: Baseline | None = None  # the accepted findings this run is compared with
    comparison: Comparison | None = None  # the findings against the baseline

    def against(self, baseline: Baseline | None) -> Report:
        """This report compared with ``baseline`` (see :mod:`factcheck.baseline`)."""
        if baseline is None:
            return replace(self, baseline=None, comparison=None)
        return replace(self, baseline=baseline, comparison=compare(self.findings, baseline))

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def is_new(self, finding: Finding) -> bool | None:
        """Whether the baseline does not know a finding; None when no baseline is used."""
        return None if self.comparison is None else finding.fingerprint in self.comparison.new

    @property
    def new(self) -> list[Finding]:
        return [f for f in self.findings if self.is_new(f) is not False]

    @property
    def fixed(self) -> list[Entry]:
        """Baseline entries that no longer occur."""
        return [] if self.comparison is None else list(self.comparison.fixed)

    @property
    def failed(self) -> bool:
        """Whether the run fails: an error-severity finding that the baseline does not know."""
        return any(f.severity == "error" for f in self.new)

    def prune_command(self) -> str:
        """The command that drops the fixed entries from the baseline in use."""
        words = ["factcheck", "baseline", "--prune"]
        if self.baseline is not None:
            words += ["--output", self.baseline.path]
        words += [str(p) for p in self.paths]
        return " ".join(shlex.quote(word) for word in words)

    def relative(self, path: str) -> str:
        """A claim file's path relative to the repository's root, with forward slashes."""
        absolute = Path(path).resolve()
        try:
            return absolute.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return absolute.as_posix()


@dataclass(frozen=True, slots=True)
class Analysis:
    """A report with all that the check worked out on the way, for analyses of their own (a
    person's timeline)."""

    report: Report
    corpus: Corpus
    parties: Parties  # every claim's canonical names
    constraints: Constraints  # as compiled
    blamed: frozenset[ClaimKey]  # claims a finding names likely wrong
    contested: frozenset[ClaimKey]  # claims on a side of a dispute factcheck cannot decide
    misread: frozenset[ClaimKey] = frozenset()  # read at a misdated article's stated date

    @property
    def disputed(self) -> frozenset[ClaimKey]:
        """The claims that the best-supported windows leave out: blamed, contested, or read
        at a wrong date."""
        return self.blamed | self.contested | self.misread


def check(paths: Sequence[Path], settings: Settings | None = None) -> Report:
    """Check the claim files under ``paths``; raise :class:`InputError` with every problem.

    With the cache, a run whose files and settings are all unchanged reports what the last one
    did without loading or analysing anything."""
    settings = settings or Settings()
    with _paused_gc():
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
    with _paused_gc():
        inputs = Inputs.read(paths, facts=settings.cache)
        return _analyse(repository_root(paths), paths, inputs, settings)


@contextmanager
def _paused_gc() -> Iterator[None]:
    """A check makes millions of objects that live until it ends, and almost no garbage with
    cycles: collecting cycles meanwhile only rescans the live ones, again and again (a fifth
    of the time at 100k claims, for nothing)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _analyse(root: Path, paths: Sequence[Path], inputs: Inputs, settings: Settings) -> Analysis:
    cache = ParseCache.at(root, paths) if settings.cache else None
    jobs = settings.jobs or default_jobs()
    corpus = load(inputs, jobs, cache)
    names = Names(corpus)
    readings = read(corpus, names)
    problems = corpus.problems + readings.problems
    if problems:
        raise InputError(problems)
    constraints = compile_readings(readings.readings, settings.disable)
    found = investigate(corpus, names, readings.published, constraints, settings.disable)
    findings = [from_verdict(verdict, readings.parties) for verdict in found.verdicts]
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
    return Analysis(report, corpus, readings.parties, constraints, found.blamed, found.contested)


def repository_root(paths: Sequence[Path]) -> Path:
    """The root of the git repository that holds the claims; outside any, the working directory
    if the claims are in it, else the folder that holds them."""
    start = (paths[0] if paths else Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if present(folder / ".git"):
            return folder
    here = Path.cwd().resolve()
    if start == here or here in start.parents:
        return here
    return start.parent
