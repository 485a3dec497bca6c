"""The full derivation of one finding: each constraint of its proof, the claim it came from, and
the arithmetic step by step, ending in the impossibility; then the corrections weighed to name
the claim likely wrong, with their costs."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.blame import Option
from factcheck.constraints import Source
from factcheck.dates import day_str
from factcheck.findings import Finding
from factcheck.paths import Step
from factcheck.problems import InputError, Problem
from factcheck.results import Report

MIN_PREFIX = 4


@dataclass(frozen=True, slots=True)
class Line:
    """One step: what a constraint says, where it comes from, and what follows."""

    says: str
    source: Source | None = None
    follows: str = ""


@dataclass(frozen=True, slots=True)
class Weighed:
    """A correction that was weighed: the claims it leaves out, and what it stands for."""

    option: Option
    role: str  # "chosen", "tied" (one of several least corrections), or "keeping"
    keeps: str | None = None  # for "keeping": the likely wrong claim it keeps


@dataclass(frozen=True, slots=True)
class Derivation:
    finding: Finding
    lines: tuple[Line, ...]
    conclusion: str
    weighed: tuple[Weighed, ...] = ()


def weighed(finding: Finding) -> tuple[Weighed, ...]:
    """The least corrections of the finding's group, and the least that keeps its likely wrong
    claim: what the verdict rests on."""
    blame = finding.likely_wrong
    if blame is None:
        return ()
    role = "chosen" if len(blame.chosen) == 1 else "tied"
    found = [Weighed(option, role) for option in blame.chosen]
    keeps = None if blame.claim is None else blame.claim.ref
    found += [Weighed(option, "keeping", keeps) for option in blame.alternatives]
    return tuple(found)


def find(report: Report, fingerprint: str) -> Finding:
    """The finding whose fingerprint starts with ``fingerprint`` (at least four characters)."""
    wanted = fingerprint.strip().lower()
    matches = [f for f in report.findings if f.fingerprint.startswith(wanted)]
    if len(wanted) >= MIN_PREFIX and len(matches) == 1:
        return matches[0]
    if len(wanted) < MIN_PREFIX:
        message = f"{fingerprint!r} is too short to name a finding"
        hint = f"give at least {MIN_PREFIX} characters of its fingerprint"
        raise InputError([Problem.of_argument(message, hint)])
    if not matches:
        known = ", ".join(f.fingerprint for f in report.findings) or "none"
        message = f"no finding has the fingerprint {fingerprint!r}"
        raise InputError([Problem.of_argument(message, f"findings: {known}")])
    message = f"{fingerprint!r} names {len(matches)} findings"
    hint = "give more of the fingerprint: " + ", ".join(f.fingerprint for f in matches)
    raise InputError([Problem.of_argument(message, hint)])


def derive(finding: Finding) -> Derivation:
    derivation = _cycle(finding) if finding.proof else _window(finding)
    return Derivation(finding, derivation.lines, derivation.conclusion, weighed(finding))


def _point(point: object) -> str:
    return "the calendar" if point is None else str(point)


def _says(step: Step) -> str:
    """A difference constraint ``dst - src <= weight`` in words."""
    if step.src is None:
        return f"{_point(step.dst)} is on or before {day_str(step.weight)}"
    if step.dst is None:
        return f"{_point(step.src)} is on or after {day_str(-step.weight)}"
    later, earlier, days = _point(step.dst), _point(step.src), step.weight
    if days == 0:
        return f"{later} is on or before {earlier}"
    if days > 0:
        return f"{later} is at most {days} days after {earlier}"
    return f"{later} is at least {-days} days before {earlier}"


def _cycle(finding: Finding) -> Derivation:
    lines = []
    proof = finding.proof
    running: int | None = None  # the latest day the last point can be, along the chain
    for step in proof:
        follows = ""
        if step.src is None:
            running = step.weight
        elif running is not None and step.dst is not None:
            running += step.weight
            follows = f"so {_point(step.dst)} is on or before {day_str(running)}"
        lines.append(Line(_says(step), step.source, follows))
    last = proof[-1]
    total = sum(step.weight for step in proof)
    if running is not None and last.dst is None:
        earliest = -last.weight
        conclusion = (
            f"{_point(last.src)} would be on or after {day_str(earliest)} and on or before "
            f"{day_str(running)}: no day is both, by {earliest - running} day"
            f"{'s' * (earliest - running != 1)}"
        )
    else:
        conclusion = (
            f"around the cycle the constraints add up to {total} days, less than zero: "
            "they cannot all hold"
        )
    return Derivation(finding, tuple(lines), conclusion)


def _window(finding: Finding) -> Derivation:
    """A finding without a cycle: an article's window, or exact calendar arithmetic that left a
    window empty; its constraints are listed with what each says."""
    lines = [Line(source.text, source) for source in _sources(finding)]
    window = finding.window
    lo = "…" if window is None or window.lo is None else day_str(window.lo)
    hi = "…" if window is None or window.hi is None else day_str(window.hi)
    if finding.ends_in is not None:
        conclusion = finding.ends_in
    elif (
        window is not None
        and window.lo is not None
        and window.hi is not None
        and window.lo > window.hi
    ):
        gap = window.lo - window.hi
        conclusion = (
            f"with exact calendar arithmetic (a year is not always 365 days) the event would "
            f"be on or after {lo} and on or before {hi}: no day is both, "
            f"by {gap} day{'s' * (gap != 1)}"
        )
    elif window is not None:
        conclusion = f"together they allow publication between {lo} and {hi}"
        if finding.rule.code == "FC302":
            conclusion += ", and the article's stated date is not among those days"
    else:
        conclusion = "no date of publication is narrowed down"
    return Derivation(finding, tuple(lines), conclusion)


def _sources(finding: Finding) -> list[Source]:
    return [Source(e.implies, e.claim) for e in finding.evidence]
