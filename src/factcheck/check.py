"""The whole check, one stage after another: load, resolve, read, compile, solve, find."""

from __future__ import annotations

import gc
import shlex
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.baseline import Baseline, Entry
from factcheck.cache import ParseCache
from factcheck.config import Settings
from factcheck.constraints import Constraints, compile_readings
from factcheck.dates import DayInterval
from factcheck.dating import ArticleDate
from factcheck.engine import ClaimKey, solve
from factcheck.entities import Names
from factcheck.findings import Finding, from_article_date, from_conflict, sort_findings
from factcheck.forensics import investigate
from factcheck.loader import load
from factcheck.model import Corpus
from factcheck.parallel import default_jobs
from factcheck.problems import InputError
from factcheck.values import read


@dataclass(frozen=True, slots=True)
class Report:
    corpus: Corpus
    findings: list[Finding]
    parties: dict[tuple[str, str], tuple[str, str | None]]  # canonical subject and object
    published: dict[str, DayInterval | None]  # each article's stated date, read
    root: Path = field(default_factory=Path.cwd)  # the claims repository's root
    paths: tuple[Path, ...] = ()  # what was checked, as given
    dates: dict[str, ArticleDate] = field(default_factory=dict)  # each article, dated
    constraints: Constraints = field(default_factory=Constraints)  # as compiled, for analyses
    disputed: frozenset[ClaimKey] = frozenset()  # claims set aside as the likely wrong ones
    baseline: Baseline | None = None  # the accepted findings this run is compared with

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def is_new(self, finding: Finding) -> bool | None:
        """Whether a finding is missing from the baseline; None when no baseline is used."""
        return None if self.baseline is None else finding.fingerprint not in self.baseline.entries

    @property
    def new(self) -> list[Finding]:
        return [f for f in self.findings if self.is_new(f) is not False]

    @property
    def fixed(self) -> list[Entry]:
        """Baseline entries that no longer occur."""
        if self.baseline is None:
            return []
        current = {f.fingerprint for f in self.findings}
        return [e for e in self.baseline.entries.values() if e.fingerprint not in current]

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


def check(paths: Sequence[Path], settings: Settings | None = None) -> Report:
    """Check the claim files under ``paths``; raise :class:`InputError` with every problem."""
    with _paused_gc():
        return _check(paths, settings or Settings())


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


def _check(paths: Sequence[Path], settings: Settings) -> Report:
    root = repository_root(paths)
    cache = ParseCache.at(root, paths) if settings.cache else None
    corpus = load(paths, settings.jobs or default_jobs(), cache)
    names = Names(corpus)
    readings = read(corpus, names)
    problems = corpus.problems + readings.problems
    if problems:
        raise InputError(problems)
    constraints = compile_readings(readings.readings, settings.disable)
    solution = solve(constraints)
    found = investigate(
        corpus, names, readings.published, constraints, solution.conflicts, settings.disable
    )
    findings = [from_conflict(c, readings.parties, blame) for c, blame in found.blames]
    findings += [f for d in found.dates.values() if (f := from_article_date(d)) is not None]
    findings = [
        replace(f, level=settings.severity.get(f.rule.code))
        for f in findings
        if f.rule.code not in settings.disable
    ]
    return Report(
        corpus,
        sort_findings(findings),
        readings.parties,
        readings.published,
        root,
        tuple(paths),
        dates=found.dates,
        constraints=constraints,
        disputed=found.disputed,
    )


def repository_root(paths: Sequence[Path]) -> Path:
    """The root of the git repository that holds the claims; outside any, the working directory
    if the claims are in it, else the folder that holds them."""
    start = (paths[0] if paths else Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    here = Path.cwd().resolve()
    if start == here or here in start.parents:
        return here
    return start.parent
