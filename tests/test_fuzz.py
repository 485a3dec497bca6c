"""Fuzzing in the suite: generated claim corpora and the bundled corpus with its bytes mutated,
each run through the console entry point, which must report or refuse the input with a location
for each problem (see :mod:`fuzzing` for the cases and the checks).

The budget is small and derandomized, so that the suite stays fast and a failure is the same
on every run; ``FACTCHECK_FUZZ_EXAMPLES=N`` runs N of each, and ``benchmarks/fuzz.py`` is the
long run before a release.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import fuzzing
from fuzzing import Case

STRUCTURED_EXAMPLES = 180
MUTATED_EXAMPLES = 110


def _budget(default: int) -> int:
    return int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", default))


def _fuzzed(examples: int) -> settings:
    return settings(
        max_examples=_budget(examples),
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


def _check(case: Case) -> None:
    with tempfile.TemporaryDirectory() as folder:
        outcome = fuzzing.run_case(case, Path(folder))
        found = fuzzing.failures(case, outcome, Path(folder))
    assert not found, f"{found}\nargs: {case.args}\nstderr: {outcome.stderr[-2000:]}"


@_fuzzed(STRUCTURED_EXAMPLES)
@given(fuzzing.structured_cases())
def test_generated_claim_files_are_reported_or_refused_at_a_line(case: Case) -> None:
    _check(case)


@_fuzzed(MUTATED_EXAMPLES)
@given(fuzzing.mutated_cases())
def test_the_bundled_corpus_mutated_is_reported_or_refused_at_a_line(case: Case) -> None:
    _check(case)


# The checks themselves: each catches what it is for.


def _case(args: tuple[str, ...]) -> Case:
    return Case({"claims/a.toml": b"x = 1\n"}, args)


def test_the_checks_catch_an_internal_error_and_a_problem_without_a_location() -> None:
    case = _case(("run", "claims"))
    crash = fuzzing.Outcome(3, "", "factcheck: internal error (ValueError: x); ...\n")
    assert len(fuzzing.failures(case, crash, Path())) >= 2
    unlocated = "no path at all\nfactcheck: 1 problem in the input; nothing was checked\n"
    assert fuzzing.failures(case, fuzzing.Outcome(2, "", unlocated), Path())
    whole_file = "claims/a.toml: x\nfactcheck: 1 problem in the input; nothing was checked\n"
    assert fuzzing.failures(case, fuzzing.Outcome(2, "", whole_file), Path()) == []
    line_zero = "claims/a.toml:0: x\nfactcheck: 1 problem in the input; nothing was checked\n"
    assert fuzzing.failures(case, fuzzing.Outcome(2, "", line_zero), Path())
    located = "claims/a.toml:1: x\nfactcheck: 1 problem in the input; nothing was checked\n"
    assert fuzzing.failures(case, fuzzing.Outcome(2, "", located), Path()) == []


# A report that each format could print, with text from a claim file in it.
REPORTS = {
    "text": "Aleph\n  born a{char}b\n",
    "json": '{{"findings": [{{"severity": "error", "message": "a{char}b"}}]}}\n',
    "jsonl": '{{"message": "a{char}b"}}\n',
    "sarif": '{{"runs": [{{"results": [], "tool": "a{char}b"}}]}}\n',
    "github": "::error file=claims/a.toml,line=3,title=FC101 conflicting-claims::a{char}b\n",
}


@pytest.mark.parametrize("char", ["\x1b", "\x9b", "\u202e", "\u2028", "\r", "\x07", "\x00"])
def test_the_checks_catch_raw_control_characters_in_every_format(char: str) -> None:
    for output_format, report in REPORTS.items():
        case = _case(("run", "--format", output_format, "claims"))
        raw = report.format(char=char)
        assert fuzzing.failures(case, fuzzing.Outcome(1, raw, ""), Path()), output_format
        escaped = report.format(char=f"\\u{ord(char):04x}")
        assert fuzzing.failures(case, fuzzing.Outcome(1, escaped, ""), Path()) == [], output_format


def test_the_checks_catch_an_exit_code_the_findings_do_not_give() -> None:
    case = _case(("run", "--format", "json", "claims"))
    report = '{"findings": [{"severity": "warning", "message": "undated"}]}\n'
    assert fuzzing.failures(case, fuzzing.Outcome(1, report, ""), Path())
    assert fuzzing.failures(case, fuzzing.Outcome(0, report, ""), Path()) == []
