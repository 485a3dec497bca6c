"""Measure `factcheck extract` against hand-written claims: recall and precision per article.

    python scripts/extract_quality.py [SEEDS] [CLAIMS]

SEEDS is a folder of article texts (default ../shared/seeds, from the repository's root), CLAIMS
the folder of hand-written claim files (default claims). An article's claims are the file named
after it (``000_x.txt`` -> ``000_x.toml``) or the one whose comments name it as its source.

A drafted claim matches a hand-written one with the same subject, predicate, other party and
value, values compared by meaning: dates as intervals of days ("June 14, 2011" is 2011-06-14),
years as spans (11, { min = 10 }), an ``after`` by its event. Each hand-written claim is matched
once, so a repeated draft claim counts against precision. ``as_of`` and quotes are not compared.

Only the predicates the extractor drafts are compared (those that bound an event: dates and
years); the hand-written claims of the others (a child, a number of children) are counted apart,
as not drafted, and printed.

Every draft is also checked with the claims loader (it must load cleanly), and the time each
article takes is printed: in process (reading, extracting, writing the TOML) and as a whole
command (`python -m factcheck extract`, interpreter start included).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.check import check
from factcheck.dates import DateError, parse_date, parse_years
from factcheck.entities import Names
from factcheck.extract import DraftClaim, draft, entity_names, read_article
from factcheck.inputs import ENTITY_FILE, Inputs
from factcheck.model import Claim
from factcheck.parallel import load
from factcheck.problems import InputError
from factcheck.vocabulary import BUILTIN

REPO = Path(__file__).resolve().parent.parent
TARGET, FLOOR = 0.90, 0.75  # overall recall and precision; no article below the floor
TIME_LIMIT = 1.0  # seconds per article
# What the extractor drafts: the predicates that bound an event.
DRAFTED = {name for name, predicate in BUILTIN.predicates.items() if predicate.timed}
NOT_DRAFTED: list[Claim] = []  # hand-written claims of the other predicates, counted apart


@dataclass(frozen=True, slots=True)
class Fact:
    """A claim reduced to what it means, to compare a draft with the hand-written claims."""

    key: Hashable
    label: str


@dataclass(slots=True)
class Score:
    name: str
    expected: int
    drafted: int
    matched: int
    seconds: float
    command_seconds: float
    missed: list[str]
    extra: list[str]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("claims", nargs="?", type=Path, default=REPO / "claims")
    parser.add_argument("--quiet", action="store_true", help="only the table, no claim lists")
    args = parser.parse_args(argv)
    try:
        scores = measure(args.seeds, args.claims)
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    report(scores, verbose=not args.quiet)
    return 0


def measure(seeds: Path, claims: Path) -> list[Score]:
    corpus = load(Inputs.read([claims]))
    if corpus.problems:
        raise InputError(corpus.problems)
    names = Names(corpus)
    entities = claims / ENTITY_FILE
    extractor_names = entity_names(entities)  # what `factcheck extract` reads by default
    articles = sorted(seeds.glob("*.txt"))
    if not articles:
        raise SystemExit(f"no *.txt articles in {seeds}")
    scores = []
    for article in articles:
        written = _hand_written(article, claims, corpus.claims)
        expected = [c for c in written if c.predicate in DRAFTED]
        NOT_DRAFTED.extend(c for c in written if c.predicate not in DRAFTED)
        started = time.perf_counter()
        result = draft(read_article(article), extractor_names, article_id=article.stem)
        seconds = time.perf_counter() - started
        _check_loads(result.text, entities)
        command_seconds, command_text = _command(article, entities)
        if command_text != result.text:
            raise SystemExit(f"{article.name}: the command's output differs from the library's")
        scores.append(_score(article.name, expected, result.claims, names, seconds))
        scores[-1].command_seconds = command_seconds
    return scores


def _hand_written(article: Path, claims: Path, all_claims: list[Claim]) -> list[Claim]:
    by_name = list(claims.rglob(f"{article.stem}.toml"))
    if not by_name:  # else the file whose comments name the article as its source
        by_name = [
            p
            for p in claims.rglob("*.toml")
            if article.name in p.read_text(encoding="utf-8", errors="replace")
        ]
    if len(by_name) != 1:
        raise SystemExit(f"{article.name}: found {len(by_name)} hand-written claim files for it")
    path = str(by_name[0])
    return [c for c in all_claims if c.location.path == path]


def _check_loads(text: str, entities: Path) -> None:
    """The draft must load cleanly: checked as `factcheck run` checks it (a contradiction is
    fine, a problem in the input is not)."""
    with tempfile.TemporaryDirectory() as folder:
        draft_file = Path(folder) / "draft.toml"
        draft_file.write_text(text, encoding="utf-8")
        check([draft_file, entities])  # raises InputError with every problem


def _command(article: Path, entities: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", str(article), "--entities", str(entities)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{article.name}: factcheck extract failed: {done.stderr}")
    return seconds, done.stdout


def _score(
    name: str, expected: list[Claim], drafted: list[DraftClaim], names: Names, seconds: float
) -> Score:
    wanted = [_fact_of_claim(c, names) for c in expected]
    found = [_fact_of_draft(c, names) for c in drafted]
    unmatched = list(wanted)
    extra = []
    for fact in found:
        match = next((w for w in unmatched if w.key == fact.key), None)
        if match is None:
            extra.append(fact.label)
        else:
            unmatched.remove(match)
    matched = len(wanted) - len(unmatched)
    missed = [w.label for w in unmatched]
    return Score(name, len(wanted), len(found), matched, seconds, 0.0, missed, extra)


def _fact_of_claim(claim: Claim, names: Names) -> Fact:
    after = None
    if claim.after is not None:
        after = (claim.after.predicate, _who(names, claim.after.subject, claim.after.object))
    return _fact(names, claim.subject, claim.predicate, claim.object, claim.value, after, claim.ref)


def _fact_of_draft(claim: DraftClaim, names: Names) -> Fact:
    after = None
    if claim.after is not None:
        after = (claim.after[0], _who(names, claim.after[1], claim.after[2]))
    return _fact(names, claim.subject, claim.predicate, claim.object, claim.value, after, claim.id)


def _fact(
    names: Names,
    subject: str,
    predicate: str,
    other: str | None,
    value: object,
    after: Hashable,
    ref: str,
) -> Fact:
    who = _who(names, subject, other)
    meaning = _meaning(predicate, value, after is not None)
    label = f"{ref}: {' & '.join(who)} {predicate} {value!r}" + (f" after {after}" if after else "")
    return Fact((who, predicate, meaning, after), label)


def _who(names: Names, subject: str, other: str | None) -> tuple[str, ...]:
    parties = [names.resolve(p) or p for p in (subject, other) if p is not None]
    return tuple(sorted(parties)) if other is not None else tuple(parties)


def _meaning(predicate: str, value: object, counts_years: bool) -> Hashable:
    """Dates as intervals of days, years as spans; range tables end by end."""
    spec = BUILTIN.predicates.get(predicate)
    try:
        if counts_years or (spec is not None and spec.kind != "date"):
            span = parse_years(value)
            return ("years", span.lo, span.hi, span.hi_inclusive)
        if isinstance(value, dict):
            return ("range", *((k, _end(v)) for k, v in sorted(value.items())))
        interval = parse_date(value)
        return ("days", interval.lo, interval.hi)
    except DateError:
        return ("unreadable", repr(value))


def _end(value: object) -> Hashable:
    if value == "as_of":
        return "as_of"
    interval = parse_date(value)
    return (interval.lo, interval.hi)


def report(scores: list[Score], verbose: bool) -> None:
    print(
        f"{'article':<28} {'hand':>4} {'draft':>5} {'match':>5} {'recall':>7} "
        f"{'precision':>9} {'extract':>8} {'command':>8}"
    )
    for s in scores:
        print(
            f"{s.name:<28} {s.expected:>4} {s.drafted:>5} {s.matched:>5} "
            f"{_pct(s.matched, s.expected):>7} {_pct(s.matched, s.drafted):>9} "
            f"{s.seconds * 1000:>6.0f}ms {s.command_seconds * 1000:>6.0f}ms"
        )
    expected = sum(s.expected for s in scores)
    drafted = sum(s.drafted for s in scores)
    matched = sum(s.matched for s in scores)
    print(
        f"{'overall':<28} {expected:>4} {drafted:>5} {matched:>5} {_pct(matched, expected):>7} "
        f"{_pct(matched, drafted):>9}"
    )
    recall, precision = _ratio(matched, expected), _ratio(matched, drafted)
    lowest = min(min(_ratio(s.matched, s.expected), _ratio(s.matched, s.drafted)) for s in scores)
    slowest = max(max(s.seconds, s.command_seconds) for s in scores)
    met = recall >= TARGET and precision >= TARGET and lowest >= FLOOR
    print(
        f"target (overall recall and precision >= {TARGET:.0%}, no article below {FLOOR:.0%}): "
        f"{'met' if met else 'NOT met'}; slowest article {slowest:.2f}s "
        f"({'under' if slowest < TIME_LIMIT else 'OVER'} {TIME_LIMIT:.0f}s)"
    )
    if NOT_DRAFTED:
        counts = Counter(c.predicate for c in NOT_DRAFTED)
        listed = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
        print(
            f"not compared: {len(NOT_DRAFTED)} hand-written claims the extractor does not "
            f"draft ({listed})"
        )
    if verbose:
        for s in scores:
            for label in s.missed:
                print(f"  missed  {s.name}  {label}")
            for label in s.extra:
                print(f"  extra   {s.name}  {label}")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _pct(part: int, whole: int) -> str:
    return f"{_ratio(part, whole):.0%}"


if __name__ == "__main__":
    sys.exit(main())
