"""What a check found: the Report that the output formats show and the report cache keeps, and
the Analysis behind it (for analyses of their own, such as a person's timeline). Records that
the formats, the cache, the commands and the orchestrator all share, kept apart from the
orchestrator (:mod:`factcheck.check`)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.baseline import Baseline, Comparison, Entry, compare
from factcheck.constraints import Constraints
from factcheck.dates import DayInterval
from factcheck.files import relative_to
from factcheck.findings import Dating, Finding, Parties
from factcheck.model import ClaimKey, Corpus


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
        return relative_to(path, self.root)


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
