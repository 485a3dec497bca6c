"""Fuzzing factcheck through its command line: claim corpora built from the vocabulary, and the
bundled corpus with its bytes mutated, each run in-process through ``factcheck.cli.main`` (the
console entry point, with its mapping of exceptions to exit codes) and checked for what every
run must do, whatever the input: report (exit 0 or 1) or refuse the input with a location for
each problem (exit 2); never an internal error, never a traceback, never text from a claim file
acting on a terminal or a CI log.

``tests/test_fuzz.py`` runs a small budget of cases in the suite; ``benchmarks/fuzz.py`` runs the
same cases by the hundred thousand before a release.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import signal
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import get_args

from hypothesis import strategies as st

from factcheck import cli
from factcheck.terms import PredicateKind, RuleKind
from factcheck.textsafe import inert
from factcheck.vocabulary import BUILTIN, Predicate

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CLAIMS = REPO / "claims"
FORMATS = ("text", "json", "jsonl", "sarif", "github")
PREDICATES = tuple(BUILTIN.predicates.values())
EVENT_PREDICATES = tuple(p for p in PREDICATES if p.kind == "date")
LOADING = ("--no-cache", "--jobs", "1")  # the parse in this process, no cache to go stale
COMMAND_LINE = "command line"  # where a problem with an argument, not a file, is reported


# --- Running a case -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Case:
    """Files to write (path relative to the case's folder -> bytes), the arguments, and the
    environment's terminal width (COLUMNS), if any."""

    files: dict[str, bytes]
    args: tuple[str, ...]
    columns: str | None = None

    def write(self, folder: Path) -> None:
        (folder / ".git").mkdir(exist_ok=True)  # the repository's root: nothing above is read
        for name, data in self.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


@dataclass(frozen=True, slots=True)
class Outcome:
    code: int | str | None
    stdout: str
    stderr: str


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


CASE_SECONDS = 60  # a run on a few small files that takes longer hangs, as far as anyone can tell


class _TooSlow(BaseException):  # not an Exception: main must not report it as its own error
    pass


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def invoke(args: tuple[str, ...], folder: Path, columns: str | None = None) -> Outcome:
    """``factcheck ARGS`` run in ``folder`` as the console script runs it, in this process;
    a run over ``CASE_SECONDS`` is stopped, its exit code "timeout"."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdout, sys.stderr
    sys.argv, sys.stdout, sys.stderr = ["factcheck", *args], out, err
    code: int | str | None = None
    try:
        with _inside(folder), _columns(columns), _time_limit(CASE_SECONDS):
            cli.main()
    except SystemExit as done:
        code = done.code
    except _TooSlow:
        code = "timeout"
    finally:
        if isinstance(sys.stdout, io.TextIOWrapper):  # main leaves os.devnull in its place
            sys.stdout.close()
        sys.argv, sys.stdout, sys.stderr = saved
    return Outcome(code, out.getvalue(), err.getvalue())


@contextmanager
def _columns(columns: str | None) -> Iterator[None]:
    before = os.environ.pop("COLUMNS", None)
    if columns is not None:
        os.environ["COLUMNS"] = columns
    try:
        yield
    finally:
        os.environ.pop("COLUMNS", None)
        if before is not None:
            os.environ["COLUMNS"] = before


def run_case(case: Case, folder: Path) -> Outcome:
    case.write(folder)
    return invoke(case.args, folder, case.columns)


# --- What every run must do -----------------------------------------------------------------

# A line number where the problem has one: not for a whole file, nor for an argument.
_LOCATED = re.compile(r"(?P<path>[^:]+)(?::(?P<line>-?\d+))?: (?P<message>.+)")
_SUMMARY = re.compile(
    r"factcheck: (?P<count>\d+) problems? in the input; nothing was (checked|shown)"
)
# Characters a terminal or a CI log acts on. Text output shows them escaped; JSON escapes them.
# (U+200B, a zero-width space, is factcheck's own: it keeps a line from reading as "::command".)
_JSON_ESCAPED = frozenset(
    (
        *map(chr, range(0x80, 0xA0)),
        *("\u061c", "\u200e", "\u200f", "\u2028", "\u2029"),
        *map(chr, range(0x202A, 0x202F)),
        *map(chr, range(0x2066, 0x206A)),
    )
)


def unsafe_in_text(text: str) -> set[str]:
    """Control, format and separator characters in a text output: none may come through raw."""
    return {
        c
        for c in set(text)
        if c not in "\n\u200b" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
    }


def unsafe_in_json(text: str) -> set[str]:
    return {c for c in set(text) if c in _JSON_ESCAPED or (c < " " and c != "\n")}


def _relative(path: str, folder: Path) -> str:
    """A path as the case names it: a file found above a file given is shown absolute."""
    try:
        return str(Path(path).relative_to(folder.resolve()))
    except ValueError:
        return path


def _lines_in(folder: Path, path: str) -> int | None:
    """How many lines the file has, as TOML counts them (only \\n ends one); None if no file."""
    file = folder / path
    if not file.is_file():
        return None
    return file.read_bytes().count(b"\n") + 1


def failures(case: Case, outcome: Outcome, folder: Path) -> list[str]:
    """What the run did wrong; empty when it did all it must."""
    found: list[str] = []
    command = case.args[0]
    output_format = _format_of(case.args)
    if outcome.code not in (0, 1, 2):
        found.append(f"exit code {outcome.code!r}, not 0, 1 or 2")
    if "Traceback" in outcome.stderr or "internal error" in outcome.stderr:
        found.append("a traceback or an internal error on standard error")
    if unsafe := unsafe_in_text(outcome.stderr):
        found.append(f"raw control characters on standard error: {sorted(unsafe)!r}")
    if outcome.code == 2:
        found += _bad_input(case, outcome, folder, command, output_format)
    elif outcome.code in (0, 1):
        found += _report(outcome, command, output_format)
        if command == "run" and outcome.stderr:
            found.append(f"a report with words on standard error: {outcome.stderr[:300]!r}")
    return found


def _format_of(args: tuple[str, ...]) -> str:
    return args[args.index("--format") + 1] if "--format" in args else "text"


def _bad_input(
    case: Case, outcome: Outcome, folder: Path, command: str, output_format: str
) -> list[str]:
    found = []
    lines = outcome.stderr.split("\n")
    if lines[-1] == "":
        lines.pop()
    summary = _SUMMARY.fullmatch(lines[-1]) if lines else None
    if summary is None:
        return [f"bad input without the summary line: {outcome.stderr[-300:]!r}"]
    located = lines[:-1]
    if int(summary["count"]) != len(located) or not located:
        found.append(f"{summary['count']} problems said, {len(located)} shown")
    named = {*case.files, *(a for a in case.args if not a.startswith("-")), COMMAND_LINE}
    named |= {inert(name) for name in named}  # a name with control characters, as shown
    for line in located:
        match = _LOCATED.fullmatch(line)
        if match is None:
            found.append(f"a problem without a location: {line!r}")
            continue
        path = _relative(match["path"], folder)
        # A file or folder given, or one the configuration names (its baseline, say).
        inside = not Path(path).is_absolute() and ".." not in Path(path).parts
        if not inside and not any(path == name or name.startswith(path + "/") for name in named):
            found.append(f"a problem in a file that was not given: {line!r}")
        if match["line"] is None:
            continue
        number, last = int(match["line"]), _lines_in(folder, path)
        if number < 1 or (last is not None and number > last):
            found.append(f"line {number} is outside the file ({last} lines): {line!r}")
    return found + _problems_out(outcome, command, output_format, len(located))


def _problems_out(outcome: Outcome, command: str, output_format: str, count: int) -> list[str]:
    """Bad input in a machine format: the same problems on standard output, as that format
    carries them (the other commands and formats print nothing there)."""
    out = outcome.stdout
    if output_format == "json" and command in ("run", "timeline"):
        try:
            problems = json.loads(out)["problems"]
        except (ValueError, KeyError, TypeError) as exc:
            return [f"bad input as JSON does not parse: {exc}"]
        if len(problems) != count or any((p["line"] or 1) < 1 for p in problems):
            return ["the JSON problems are not the problems shown"]
    elif output_format == "github" and command == "run":
        lines = out.split("\n")[:-1]
        if len(lines) != count or not all(_PROBLEM_ANNOTATION.fullmatch(x) for x in lines):
            return [f"bad input's annotations are not the problems shown: {out[:300]!r}"]
    elif output_format == "sarif" and command == "run":
        try:
            run = json.loads(out)["runs"][0]
            notified = run["invocations"][0]["toolExecutionNotifications"]
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            return [f"bad input as SARIF does not parse: {exc}"]
        if len(notified) != count or len(run["results"]) > count:
            return ["the SARIF problems are not the problems shown"]
    elif out:
        return [f"bad input wrote a report: {out[:200]!r}"]
    return []


def _report(outcome: Outcome, command: str, output_format: str) -> list[str]:
    found = []
    text = outcome.stdout
    if output_format in ("json", "sarif"):
        documents = [text]
    elif output_format == "jsonl":
        documents = text.split("\n")[:-1]
        if text and not text.endswith("\n"):
            found.append("JSON Lines without a final line break")
    else:
        documents = []
    for document in documents:
        try:
            parsed = json.loads(document)
        except ValueError as exc:
            found.append(f"{output_format} output does not parse: {exc}")
            break
        found += _claims_located(parsed)
        if output_format == "json" and command == "run":  # with a baseline, the new ones
            errors = [f for f in parsed["findings"] if f["severity"] == "error" and f.get("new", 1)]
            if bool(errors) != (outcome.code == 1):
                found.append(f"exit {outcome.code} with {len(errors)} (new) error findings")
        if output_format == "sarif":
            found += [
                f"a SARIF result without a line: {result['message']!r}"
                for run in parsed["runs"]
                for result in run["results"]
                for where in result["locations"]
                if where["physicalLocation"]["region"]["startLine"] < 1
            ]
    if documents:
        if unsafe := unsafe_in_json(text):
            found.append(f"raw control characters in {output_format}: {sorted(unsafe)!r}")
    elif unsafe := unsafe_in_text(text):
        found.append(f"raw control characters in {output_format}: {sorted(unsafe)!r}")
    if output_format == "text" and command != "baseline" and not text.strip():
        found.append("an empty report")
    if output_format == "github" and command == "run":
        found += [
            f"a line that is not an annotation at a line: {line!r}"
            for line in text.split("\n")[:-1]
            if not _ANNOTATION.fullmatch(line) and not line.startswith("factcheck: ")
        ]
    return found


# One command a line; the runner reads "::" at a line's start (after spaces) as a command.
_PROBLEM_ANNOTATION = re.compile(r"::error (file=[^,]+,(line=[1-9][0-9]*,)?)?title=[^:]+::.+")
_ANNOTATION = re.compile(r"::(error|warning|notice) file=[^,]+,line=[1-9][0-9]*,title=[^:]+::.+")


def _claims_located(parsed: object) -> list[str]:
    """Every claim a JSON finding cites has a file and a line."""
    if not isinstance(parsed, dict):
        return []
    findings = parsed.get("findings", [parsed] if "fingerprint" in parsed else [])
    return [
        f"a finding cites a claim without a location: {claim!r}"
        for finding in findings
        if isinstance(finding, dict)
        for claim in finding.get("claims", [])
        if not claim.get("file") or not isinstance(claim.get("line"), int) or claim["line"] < 1
    ]


# --- Text: names, quotes, keys --------------------------------------------------------------

# Characters that have broken tools before: C0 and C1 controls, ESC sequences, bell, carriage
# return, bidi overrides and isolates, Unicode line breaks, a byte-order mark, NUL, markup and
# workflow commands, TOML's and JSON's own quoting.
SPECIAL = (
    "\x00",
    "\x07",
    "\x08",
    "\x1b",
    "\x1b[31m",
    "\x1b]8;;http://x\x07",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\x7f",
    "\x85",
    "\x9b",
    "\x9b2J",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u202a",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
    "\ufeff",
    "\u200b",
    "\u00ad",
    "::error::x",
    "%0A",
    "[red]x[/red]",
    "[link=x]",
    "'",
    '"',
    "\\",
    ":",
    "#",
    "é",
    "名",
    "\U0001f600",
)
_PLAIN = st.characters(exclude_categories=("Cs",))  # any character TOML text can hold
texts = st.lists(st.one_of(st.text(_PLAIN, max_size=6), st.sampled_from(SPECIAL)), max_size=5).map(
    "".join
)
long_texts = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["a", "\u202e", "x\x1b", "名 "]),
    st.integers(200, 6000),
)
PEOPLE = ("Natalie Portman", "Benjamin Millepied", "Aleph", "Amalia", "Zed")
PLACES = ("Jerusalem", "Israel", "Tel Aviv", "Paris", "France", "Bordeaux")


@st.composite
def names(draw: st.DrawFn, strict: bool = True, pool: tuple[str, ...] = PEOPLE) -> str:
    """A name as a claim writes it: one of the pool, as written, in other case or with space
    around it; loosely, also misspelt, with a bidi override, or anything at all."""
    name = draw(st.sampled_from(pool))
    spelt = [name, name.upper(), f"  {name.lower()} "]
    if strict:
        return draw(st.sampled_from(spelt))
    return draw(st.sampled_from([*spelt, name[:-1], name + "\u202e"]) | texts)


# --- Values, by the kind of predicate: well-formed (with the calendar's and the spans' edges),
# and loose (anything a value could be written as, and more) --------------------------------

EDGE_DAYS = (
    dt.date(1, 1, 1),
    dt.date(1, 1, 2),
    dt.date(1, 12, 31),
    dt.date(2, 1, 1),
    dt.date(9999, 12, 31),
    dt.date(9999, 12, 30),
    dt.date(9999, 1, 1),
    dt.date(9998, 12, 31),
    dt.date(2000, 2, 29),
    dt.date(1900, 2, 28),
    dt.date(2011, 6, 14),
    dt.date(2021, 9, 17),
)
GOOD_DATE_TEXTS = (
    "2009",
    "0100",
    "9999",
    "June 2018",
    "2018-06",
    "June 14, 2011",
    "Feb. 22, 2017",
    "December 31, 9999",
    "Dec 9999",
    "February 29, 2000",
)
BAD_DATE_TEXTS = (
    "1",
    "0001",
    "January 0001",
    "June 1, 0001",
    "June 31, 2011",
    "06/07/2011",
    "January 1, 1",
    "February 29, 2001",
    "10000",
    "0",
    "",
    "   ",
    "as_of",
    "June",
    "14 June",
    "yesterday",
    "2011-06-14T10:00",
)
any_scalar = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    texts,
    st.dates(),
    st.datetimes(),
    st.times(),
)
any_value = st.recursive(
    any_scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("ab"), inner),
    max_leaves=6,
)
days = st.sampled_from(EDGE_DAYS) | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
recent = st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31))
good_dates = st.one_of(
    recent,
    recent.map(lambda d: d.year),
    recent.map(lambda d: d.strftime("%B %d, %Y")),
    days,
    st.sampled_from(GOOD_DATE_TEXTS),
    st.sampled_from([1, 2, 9998, 9999]),
)
good_ranges = st.one_of(
    st.tuples(recent, recent).map(sorted).map(lambda ends: {"min": ends[0], "max": ends[1]}),
    good_dates.map(lambda end: {"min": end}),
    good_dates.map(lambda end: {"max": end}),
    st.sampled_from([{"max": "as_of"}, {"min": "as_of"}, {"min": 1, "max": "as_of"}]),
)
loose_single_dates = st.one_of(
    good_dates,
    st.sampled_from(BAD_DATE_TEXTS),
    st.sampled_from([0, 10000, -1]) | st.integers(-5, 10**5),
    st.datetimes(),
    days.map(str),
    texts,
)
loose_ranges = st.dictionaries(
    st.sampled_from(["min", "max", "mni", ""]), loose_single_dates | st.just("as_of"), max_size=3
)
good_years = st.one_of(
    st.integers(0, 90),
    st.sampled_from([0, 1, 12, 199, 200]),
    st.sampled_from([0.0, 0.01, 0.25, 0.5, 1.5, 199.99, 200.0]),
    st.integers(0, 20000).map(lambda n: n / 100),
)
good_year_tables = st.tuples(good_years, good_years).map(
    lambda pair: {"min": min(pair), "max": max(pair)}
) | st.fixed_dictionaries({}, optional={"min": good_years, "max": good_years}).filter(
    lambda table: table and table.get("min", 0) <= table.get("max", 200)
)
loose_years = st.one_of(
    good_years,
    st.sampled_from([201, -1, 2**63 - 1, -0.0, 1.005, 15.646, 200.01]),
    st.floats(-1, 250),
    st.sampled_from([float("inf"), float("nan"), -float("inf"), 1e-300, 1e300]),
)
loose_year_tables = st.fixed_dictionaries(
    {}, optional={"min": loose_years, "max": loose_years, "mid": loose_years}
)
good_counts = st.integers(0, 6) | st.builds(
    lambda least, more: {"min": least} if more is None else {"min": least, "max": least + more},
    st.integers(0, 4),
    st.none() | st.integers(0, 3),
)
loose_counts = st.one_of(
    st.integers(-2, 12),
    st.sampled_from([2**63 - 1, 10**6]),
    st.fixed_dictionaries({}, optional={"min": st.integers(-1, 5), "max": st.integers(-1, 5)}),
    st.floats(0, 5),
)
good_places = st.lists(st.sampled_from(PLACES), min_size=1, max_size=3).map(", ".join)
loose_places = good_places | st.sampled_from(["", " , ", ",", "Atlantis"]) | texts
good_lengths = st.one_of(
    st.sampled_from(["160 cm", "1.60 m", "5 ft 3 in", "5'3\"", "5-foot-3", "6 ft", "5 ft 3.5 in"]),
    st.integers(50, 230).map("{} cm".format),
    st.tuples(st.integers(4, 7), st.integers(0, 11)).map(lambda fi: f"{fi[0]} ft {fi[1]} in"),
)
loose_lengths = st.one_of(
    good_lengths,
    st.sampled_from(["5 ft 13 in", "-160 cm", "160", "0 cm", "1e9 cm", "999999999999 m", "cm"]),
    st.sampled_from(["5\u20323\u2033", "1.6.0 m", "5 ft -3 in", "nan cm", "inf m"]),
    st.builds(
        "{} {}".format,
        st.floats(-10, 1e12) | st.sampled_from([float("nan"), float("inf")]),
        st.sampled_from(["cm", "m", "ft", "in", "mm"]),
    ),
)
GOOD_VALUES = {
    "date": good_dates | good_ranges,
    "years": good_years | good_year_tables,
    "count": good_counts,
    "place": good_places,
    "length": good_lengths,
}
LOOSE_VALUES = {
    "date": loose_single_dates | loose_ranges,
    "years": loose_years | loose_year_tables,
    "count": loose_counts,
    "place": loose_places,
    "length": loose_lengths,
}
good_as_of = good_dates
loose_as_of = loose_single_dates | loose_ranges


# --- Claim files -----------------------------------------------------------------------------


@st.composite
def after_refs(draw: st.DrawFn, strict: bool = True) -> dict:
    spec = draw(st.sampled_from(EVENT_PREDICATES))
    subject = draw(st.sampled_from(PEOPLE))
    ref = {"predicate": spec.name, "subject": draw(names(strict, (subject,)))}
    if spec.relation:
        others = tuple(p for p in PEOPLE if p != subject or not strict)
        ref["object"] = draw(names(strict, others))
    if not strict and draw(st.integers(0, 4)) == 0:  # another key, another predicate
        ref[draw(st.sampled_from(["predicate", "subject", "object", "when"]))] = draw(any_value)
    return ref


@st.composite
def claims(
    draw: st.DrawFn, strict: bool = True, index: int = 0, known: tuple[Predicate, ...] = PREDICATES
) -> dict:
    """One claim of any predicate of the vocabulary, with a value of its kind, and at times
    ``as_of``, ``after`` or a quote. Loosely, the value may be any kind's or anything, a key may
    be missing, or one too many, or of the wrong type."""
    spec = draw(st.sampled_from(known))
    ids = st.just(f"c{index}") if strict else st.sampled_from(["c1", "c2", "married"]) | texts
    claim: dict = {"id": draw(ids), "subject": draw(names(strict)), "predicate": spec.name}
    if spec.relation:
        other = draw(st.sampled_from([p for p in PEOPLE if p != claim["subject"].strip().title()]))
        claim["object"] = draw(names(strict, (other,))) if strict else draw(names(strict))
    values = GOOD_VALUES if strict else LOOSE_VALUES
    if spec.kind != "link":
        kind = spec.kind if strict else draw(st.sampled_from([spec.kind] * 6 + list(values)))
        claim["value"] = draw(values[kind])
    if draw(st.booleans()):
        claim["quote"] = draw(texts | long_texts)
    extra = draw(st.integers(0, 5 if strict else 11))
    if extra == 0 and spec.kind in ("date", "years", "count", "length"):
        claim["as_of"] = draw(good_as_of if strict else loose_as_of)
    elif extra == 1 and spec.kind == "date":
        claim["after"] = draw(after_refs(strict))
        claim["value"] = draw(GOOD_VALUES["years"] if strict else LOOSE_VALUES["years"])
    elif extra == 2 and not strict:
        key = draw(st.sampled_from(["value", "object", "as_of", "after", "id", "predicate"]))
        claim[key] = draw(any_value)
    elif extra == 3 and not strict:
        claim.pop(draw(st.sampled_from(sorted(claim))))
    elif extra == 4 and not strict:
        claim[draw(texts | st.sampled_from(["vale", "date", "sources"]))] = draw(any_value)
    elif extra == 5 and not strict:
        claim["predicate"] = draw(st.sampled_from(["bron", "Born", "", "age "]) | texts)
    elif extra == 6:
        claim["after"] = draw(after_refs(strict))
    return claim


@st.composite
def chains(draw: st.DrawFn) -> list[dict]:
    """Claims each ``after`` the one before, on a few people: a chain, at times closed in a
    cycle (A after B after A), or an event after itself."""
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=5))
    events = []
    for person in people:
        spec = draw(st.sampled_from(EVENT_PREDICATES))
        other = draw(st.sampled_from([p for p in PEOPLE if p != person]))
        events.append({"predicate": spec.name, "subject": person, "object": other})
    if draw(st.booleans()):
        events.append(events[0])  # the cycle's last link
    found = []
    for index, (before, event) in enumerate(zip(events, events[1:] or events, strict=False)):
        claim = {
            "id": f"chain-{index}",
            "subject": event["subject"],
            "predicate": event["predicate"],
            "value": draw(GOOD_VALUES["years"]),
            "after": {k: v for k, v in before.items() if k != "object" or _relation(before)},
        }
        if _relation(event):
            claim["object"] = event["object"]
        found.append(claim)
    return found


def _relation(event: dict) -> bool:
    return BUILTIN.predicates[event["predicate"]].relation


@st.composite
def articles(
    draw: st.DrawFn, mess: int = 0, index: int = 0, known: tuple[Predicate, ...] = PREDICATES
) -> dict:
    """An article and its claims; ``mess`` 0 has every claim well-formed, 1 about one in ten
    loose, 2 all of them."""
    strict = mess < 2
    article: dict = {"id": f"a{index}" if strict else draw(st.sampled_from(["a0", "b"]) | texts)}
    for key, values in (
        ("published", good_dates if strict else loose_single_dates | loose_ranges),
        ("title", texts | long_texts),
        ("outlet", texts),
        ("url", texts),
    ):
        if draw(st.booleans()):
            article[key] = draw(values)
    document: dict = {"article": article}
    found = []
    for number in range(draw(st.integers(0, 10))):
        loose = mess == 2 or (mess == 1 and draw(st.integers(0, 9)) == 0)
        found.append(draw(claims(not loose, number, known)))
    if draw(st.integers(0, 3)) == 0:
        found += draw(chains())
    if found or draw(st.booleans()):
        document["claims"] = found
    return document


# Places each within the next: well-formed trees, and loops, a place within itself, and one
# within a place that is not listed.
PLACE_TREE = {"Jerusalem": "Israel", "Tel Aviv": "Israel", "Paris": "France", "Bordeaux": "France"}


@st.composite
def entity_files(draw: st.DrawFn, mess: int = 0) -> dict:
    """Every person of the pool with aliases, and places; loosely, some of them missing, one
    alias for two people, places within each other in a loop or within nothing listed."""
    strict = mess < 2
    people = [
        {"name": name, "aliases": [f"{name} ({i}) {alias}" for i, alias in enumerate(aliases)]}
        for name in (PEOPLE if strict else draw(st.lists(st.sampled_from(PEOPLE), max_size=5)))
        for aliases in [draw(st.lists(texts, max_size=2))]
    ]
    if not strict:
        for person in people:
            person["aliases"] += draw(st.lists(names(False), max_size=1))
    document: dict = {"entities": people}
    if draw(st.booleans()):
        listed = [{"name": name} for name in ("Israel", "France")]
        listed += [{"name": name, "within": within} for name, within in PLACE_TREE.items()]
        if not strict:
            listed = draw(st.lists(st.sampled_from(PLACES), max_size=6))
            listed = [
                {"name": name, "within": draw(st.sampled_from((*PLACES, "Atlantis")))}
                if draw(st.booleans())
                else {"name": name}
                for name in listed
            ]
        document["places"] = listed
    if mess and draw(st.integers(0, 5)) == 0:
        where = draw(st.sampled_from(["entities", "places"]))
        document.setdefault(where, []).append(draw(st.dictionaries(texts, any_value, max_size=3)))
    return document


# --- Configurations: severities, disabled rules, a desk's own events, predicates and rules ----

RULE_CODES = tuple(BUILTIN.rules_by_code)
RULE_KINDS: tuple[str, ...] = get_args(RuleKind)
PREDICATE_KINDS: tuple[str, ...] = get_args(PredicateKind)
EVENTS = tuple(BUILTIN.events)


@st.composite
def configurations(draw: st.DrawFn, mess: int = 0) -> tuple[dict, tuple[Predicate, ...]]:
    """A factcheck.toml, and the predicates claims may use under it: factcheck's and those it
    defines (each dating an event of its own, or stating a fact), with rules of every kind on
    them, factcheck's rules re-graded, disabled or given other years."""
    strict = mess < 2
    level = st.sampled_from(["error", "warning", "info"])
    codes = st.sampled_from(RULE_CODES)
    config: dict = {}
    if draw(st.booleans()):
        config["disable"] = draw(st.lists(codes if strict else codes | texts, max_size=3))
    if draw(st.booleans()):
        config["severity"] = draw(st.dictionaries(codes, level if strict else level | texts))
    known = PREDICATES
    if draw(st.booleans()):
        events, predicates, rules = {}, {}, {}
        for number in range(draw(st.integers(1, 3))):
            name = f"deed{number}"
            kind = draw(st.sampled_from(PREDICATE_KINDS) if not strict else st.just("date"))
            of = draw(st.sampled_from(["person", "couple"]))
            words = st.builds("{} {}".format, st.just(name), texts) if strict else texts
            events[name] = {"of": of, "noun": draw(words), "verb": draw(words)}
            predicates[name] = {"value": kind, "doc": draw(words)}
            known += (Predicate(name, kind, name, of == "couple", ""),)
        named = st.sampled_from([*events, *EVENTS, "*"])
        numbers = good_years if strict else loose_years
        for number in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(["order", "gap"] if strict else RULE_KINDS))
            rule: dict = {"name": f"rule-{number}", "kind": kind, "doc": f"Rule {number}."}
            rule |= {"earlier": draw(named | st.lists(named, min_size=1, max_size=2))}
            rule |= {"later": draw(named)}
            if kind == "gap" or not strict:
                rule |= {"least": draw(numbers), "most": draw(numbers)}
                if strict:
                    rule["least"], rule["most"] = sorted((rule["least"], rule["most"]))
            for key, values in (
                ("predicates", st.lists(st.sampled_from([p.name for p in known]), max_size=2)),
                ("severity", level),
                ("why", texts),
            ):
                if draw(st.booleans()) and (not strict or key != "predicates"):
                    rule[key] = draw(values)
            if not strict and draw(st.booleans()):
                rule.pop(draw(st.sampled_from(sorted(rule))))
            rules[f"DESK{number}"] = rule
        if draw(st.booleans()):
            rules["FC401"] = {"least": draw(numbers)}
        config |= {"events": events, "predicates": predicates, "rules": rules}
    if not strict and draw(st.booleans()):
        config[draw(st.sampled_from(["paths", "baseline", "severity", "disbale"]))] = draw(
            any_value
        )
    return config, known


@dataclass(frozen=True, slots=True)
class Deep:
    """Arrays or inline tables nested ``depth`` levels: written flat, not by recursion."""

    depth: int
    kind: str


@st.composite
def deep_documents(draw: st.DrawFn) -> dict:
    """A claim whose value nests arrays or tables, from a level or two to past the reader's
    stack."""
    depth = draw(st.sampled_from([2, 31, 32, 33, 100, 400, 1200, 3000]) | st.integers(1, 60))
    kind = draw(st.sampled_from(["array", "table"]))
    claim = {"id": "deep", "subject": "Aleph", "predicate": "born", "value": Deep(depth, kind)}
    return {"article": {"id": "deep"}, "claims": [claim]}


# --- TOML, written in the ways people write it -----------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _basic(key)


def _basic(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(_escaped_control(c) for c in escaped) + '"'


def _escaped_control(char: str) -> str:
    return f"\\u{ord(char):04x}" if char < " " or char == "\x7f" else char


def _string(draw: st.DrawFn, text: str) -> str:
    """Text as a basic string, a literal string or a multi-line string, as it allows."""
    style = draw(st.integers(0, 5))
    if style == 0 and "'" not in text and not any(c < " " or c == "\x7f" for c in text):
        return f"'{text}'"
    if style == 1 and "\n" in text:  # raw line breaks: lines that TOML counts inside a string
        body = "".join(
            c if c == "\n" else _escaped_control(c)
            for c in text.replace("\\", "\\\\").replace('"', '\\"')
        )
        return f'"""{body}"""'
    return _basic(text)


def _value(draw: st.DrawFn, value: object) -> str:
    if isinstance(value, Deep):
        if value.kind == "array":
            return "[" * value.depth + "1" + "]" * value.depth
        return "{ a = " * value.depth + "1" + " }" * value.depth
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(draw, value)
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=draw(st.sampled_from("T ")))
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        items = [_value(draw, item) for item in value]
        return "[" + draw(st.sampled_from([", ", ",\n  "])).join(items) + "]"
    if isinstance(value, dict):
        pairs = [f"{_key(k)} = {_value(draw, v)}" for k, v in value.items()]
        return "{ " + ", ".join(pairs) + " }" if pairs else "{}"
    raise TypeError(f"no TOML for {value!r}")


def _comment(draw: st.DrawFn, mess: int) -> str:
    """A comment; loosely, rarely with a raw control character, which TOML refuses."""
    text = draw(texts)
    if not mess or draw(st.integers(0, 9)):
        text = "".join(c for c in text if c == "\t" or (c >= " " and c != "\x7f"))
    return "# " + text.replace("\n", " ").replace("\r", " ")


def _block(draw: st.DrawFn, table: dict, path: str, mess: int) -> list[str]:
    """A table's keys, one a line; a table-valued key inline, as dotted keys, or as a table of
    its own after the others (``[claims.after]``)."""
    lines, later = [], []
    for key, value in table.items():
        if draw(st.integers(0, 7)) == 0:
            lines.append(draw(st.sampled_from(["", _comment(draw, mess)])))
        if isinstance(value, dict) and value and draw(st.integers(0, 3)) == 0:
            lines += [f"{_key(key)}.{_key(k)} = {_value(draw, v)}" for k, v in value.items()]
        elif isinstance(value, dict) and draw(st.integers(0, 5)) == 0:
            later += [f"[{path}.{_key(key)}]", *_block(draw, value, f"{path}.{_key(key)}", mess)]
        else:
            lines.append(f"{_key(key)} = {_value(draw, value)}")
    return lines + later


@st.composite
def toml_texts(draw: st.DrawFn, document: dict, mess: int = 2) -> str:
    """The document as TOML: tables as headers, or inline (``claims = [{ ... }]``, which must
    come before the first header), with blank lines and comments between."""
    top, tables = [], []
    for key, value in document.items():
        is_tables = isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
        if is_tables and draw(st.integers(0, 5)):
            for table in value:
                tables += ["", f"[[{_key(key)}]]", *_block(draw, table, _key(key), mess)]
        elif isinstance(value, dict) and draw(st.integers(0, 7)):
            tables += ["", f"[{_key(key)}]", *_block(draw, value, _key(key), mess)]
        else:
            top.append(f"{_key(key)} = {_value(draw, value)}")
    lines = top + tables
    if draw(st.integers(0, 5)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), _comment(draw, mess))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n", "\r\n"]))


# --- Cases -----------------------------------------------------------------------------------


def _encoded(draw: st.DrawFn, text: str, mess: int) -> bytes:
    """UTF-8, at times with a byte-order mark; loosely, rarely in another encoding."""
    way = draw(st.integers(0, 19)) if mess else 3 * draw(st.integers(0, 1))
    if way == 0:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if way == 1:
        return text.encode("utf-16")
    if way == 2:
        return text.encode("latin-1", errors="replace")
    return text.encode("utf-8")


@st.composite
def arguments(draw: st.DrawFn, files: dict[str, bytes]) -> tuple[str, ...]:
    """Mostly ``run`` in one of the formats, on the claims folder (at times as the case's
    folder, ``.``, where ``os.walk`` names subfolders ``./x``) or on files of it; at times
    ``timeline`` or ``explain``, which read the same corpus."""
    where = draw(
        st.sampled_from([("claims",), ("claims",), ("./claims",), (".",)])
        | st.lists(st.sampled_from(sorted(files)), min_size=1, max_size=2, unique=True).map(tuple)
    )
    command = draw(st.sampled_from(["run"] * 8 + ["timeline", "explain"]))
    if command == "run":
        return ("run", "--format", draw(st.sampled_from(FORMATS)), *LOADING, *where)
    report_format = draw(st.sampled_from(["text", "json"]))
    if command == "timeline":
        name = draw(st.sampled_from(PEOPLE) | texts.filter(lambda t: not t.startswith("-")))
        return ("timeline", "--format", report_format, *LOADING, name, *where)
    prefix = draw(st.text("0123456789abcdef", min_size=1, max_size=3))
    return ("explain", "--format", report_format, *LOADING, prefix, *where)


# What a file's name may hold besides its number: mostly nothing; characters that must be
# escaped in a GitHub annotation's properties or a SARIF URI; control and bidi characters.
file_names = st.sampled_from(["", "", "", "", " x", "é", "we,ird %25 [x]", "#1", "\t"]) | (
    st.sampled_from(["\x1b[31m", "\u202e", "\u2028", "\x85", "\x07", "\r", "\n"])
)
# The terminal's width, as the environment gives it: unset, 0 (as where no terminal is), one
# column, narrow, wide, and not a number.
columns = st.sampled_from([None, None, None, "0", "1", "7", "40", "80", "250", "-3", "wide"])


@st.composite
def structured_cases(draw: st.DrawFn) -> Case:
    """A claims folder: an entity file (mostly), and one to three files of articles, deeply
    nested values, or both kinds in one. Half the cases are well-formed throughout, so that
    their claims reach the solver and the reports."""
    mess = draw(st.sampled_from([0, 0, 0, 1, 1, 2]))
    files: dict[str, bytes] = {}
    known = PREDICATES
    if draw(st.integers(0, 4)) == 0:
        config, known = draw(configurations(mess))
        files["factcheck.toml"] = _encoded(draw, draw(toml_texts(config, mess)), mess)
    if mess < 2 or draw(st.integers(0, 9)):
        document = draw(entity_files(mess))
        files["claims/entities.toml"] = _encoded(draw, draw(toml_texts(document, mess)), mess)
    for index in range(draw(st.integers(1, 3))):
        kind = draw(st.integers(0, 19)) if mess else 3
        if kind == 0:
            document = draw(deep_documents())
        elif kind == 1:
            document = {**draw(entity_files(mess)), **draw(articles(mess, index, known))}
        elif kind == 2:
            document = draw(st.dictionaries(texts, any_value, max_size=3))
        else:
            document = draw(articles(mess, index, known))
        text = draw(toml_texts(document, mess))
        files[f"claims/articles/{index}{draw(file_names)}.toml"] = _encoded(draw, text, mess)
    return Case(files, draw(arguments(files)), draw(columns))


# --- The bundled corpus, its bytes mutated ----------------------------------------------------

BUNDLED = {
    str(Path("claims") / path.relative_to(BUNDLED_CLAIMS)): path.read_bytes()
    for path in sorted(BUNDLED_CLAIMS.rglob("*.toml"))
}
# Bytes that mean something to TOML, UTF-8, a terminal or factcheck's own reading.
TOKENS = (
    b"\x00",
    b"\x1b[2J",
    b"\x07",
    b"\r",
    b"\n",
    b"\x85",
    b"\xc2\x85",
    b"\xc2\x9b",
    b"\xe2\x80\xae",
    b"\xe2\x81\xa6",
    b"\xe2\x80\xa8",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b'"',
    b"'",
    b'"""',
    b"'''",
    b"\\",
    b"\\u001b",
    b"\\u202e",
    b"#",
    b"=",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b".",
    b"[[claims]]\n",
    b"[article]\n",
    b"[[entities]]\n",
    b"[[places]]\n",
    b"[claims.after]\n",
    b'after = { predicate = "born", subject = "Aleph" }\n',
    b'after.predicate = "married"\n',
    b'as_of = { max = "as_of" }\n',
    b"as_of = 9999-12-31\n",
    b"value = 0001-01-01\n",
    b"value = 9999-12-31\n",
    b"value = 200\n",
    b"value = 199.99\n",
    b"value = { min = 0 }\n",
    b'predicate = "child"\n',
    b'within = "Natalie Portman"\n',
    b"published = 9999-12-31\n",
    b"published = 0001-01-01\n",
    b"9999",
    b"0001",
    b"-1",
    b"nan",
    b"inf",
    b"1e300",
    b"2011-02-29",
)


@st.composite
def mutated(draw: st.DrawFn, data: bytes, others: tuple[bytes, ...]) -> bytes:
    """``data`` with one to four mutations: a bit flipped, a byte set, a token inserted, a range
    deleted, a line spliced in from any file, lines swapped, a ``[[claims]]`` block duplicated,
    a range repeated, the file cut short."""
    for _ in range(draw(st.integers(1, 4))):
        size = len(data)
        at = draw(st.integers(0, size))
        operation = draw(st.integers(0, 8))
        if operation == 0 and size:
            at = min(at, size - 1)
            data = data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1 :]
        elif operation == 1 and size:
            at = min(at, size - 1)
            data = data[:at] + draw(st.sampled_from(TOKENS))[:1] + data[at + 1 :]
        elif operation == 2:
            data = data[:at] + draw(st.sampled_from(TOKENS)) + data[at:]
        elif operation == 3:
            data = data[:at] + data[at + draw(st.integers(1, 64)) :]
        elif operation == 4:
            donor = draw(st.sampled_from((data, *others))).split(b"\n")
            lines = data.split(b"\n")
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(donor)))
            data = b"\n".join(lines)
        elif operation == 5:
            lines = data.split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        elif operation == 6:
            blocks = data.split(b"[[claims]]")
            if len(blocks) > 1:
                copy = draw(st.integers(1, len(blocks) - 1))
                blocks.insert(draw(st.integers(1, len(blocks))), blocks[copy])
                data = b"[[claims]]".join(blocks)
        elif operation == 7:
            end = min(size, at + draw(st.integers(1, 40)))
            data = data[:at] + data[at:end] * draw(st.integers(2, 300)) + data[end:]
        else:
            data = data[:at]
    return data


BASELINE = "baseline.json"


@cache
def bundled_baseline() -> bytes:
    """The baseline ``factcheck baseline`` writes for the bundled corpus."""
    with tempfile.TemporaryDirectory() as folder:
        case = Case(BUNDLED, ("baseline", "--no-cache", "--output", BASELINE, "claims"))
        outcome = run_case(case, Path(folder))
        assert outcome.code == 0, outcome.stderr
        return (Path(folder) / BASELINE).read_bytes()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=5,
)
_DEEP = "\x00deep\x00"  # stands for arrays nested a depth that is drawn with it


@st.composite
def mutated_baselines(draw: st.DrawFn) -> bytes:
    """The bundled corpus's baseline with a value replaced (by any JSON, or by arrays nested
    past what JSON's reader and writer can follow), a key dropped, a finding repeated, or its
    bytes mutated."""
    data = bundled_baseline()
    if draw(st.integers(0, 3)) == 0:
        return draw(mutated(data, ()))
    document = json.loads(data)
    nodes = [document]
    for node in nodes:  # every object and list, breadth first
        nodes += [
            v
            for v in (node.values() if isinstance(node, dict) else node)
            if isinstance(v, dict | list)
        ]
    node = draw(st.sampled_from(nodes))
    keys = list(node) if isinstance(node, dict) else list(range(len(node)))
    if not keys:
        return json.dumps(draw(json_values)).encode()
    key = draw(st.sampled_from(keys))
    edit = draw(st.integers(0, 3))
    if edit == 0:
        node.pop(key)
    elif edit == 1 and isinstance(node, list):
        node.append(node[key])
    else:
        node[key] = draw(json_values | st.just(_DEEP))
    depth = draw(st.sampled_from([33, 65, 500]) | st.integers(900, 1000))
    return (
        json.dumps(document, indent=2)
        .replace(json.dumps(_DEEP), "[" * depth + "]" * depth)
        .encode()
    )


@st.composite
def mutated_cases(draw: st.DrawFn) -> Case:
    """The bundled corpus with one or two of its files mutated; or as it is, with its baseline
    mutated, which ``run --baseline`` and ``baseline --prune`` read."""
    files = dict(BUNDLED)
    if draw(st.integers(0, 3)) == 0:
        files[BASELINE] = draw(mutated_baselines())
        if draw(st.integers(0, 3)) == 0:
            return Case(files, ("baseline", "--prune", *LOADING, "--output", BASELINE))
        output_format = draw(st.sampled_from(FORMATS))
        args = ("run", "--format", output_format, *LOADING, "--baseline", BASELINE)
        return Case(files, args, draw(columns))
    chosen = draw(st.lists(st.sampled_from(sorted(files)), min_size=1, max_size=2, unique=True))
    for name in chosen:
        files[name] = draw(mutated(files[name], tuple(BUNDLED.values())))
    return Case(files, draw(arguments(files)), draw(columns))
