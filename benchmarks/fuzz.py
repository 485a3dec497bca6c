"""The long fuzzing run before a release: the suite's fuzz cases (``tests/fuzzing.py``) by the
hundred thousand, with the same checks, counted rather than stopped at the first failure.

    python benchmarks/fuzz.py --structured 45000 --mutated 55000 [--seed S] [--out DIR]

Prints cases per second and the exit codes for each kind of case; each failing case is written
to ``DIR/<kind>-<n>/`` (its files, ``args.json``, ``COLUMNS`` if the case sets the terminal's
width, and what went wrong), where ``factcheck ARGS`` reproduces it. Exits 1 if any case failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import fuzzing

CHUNK = 2000  # examples per hypothesis run: its memory of what it tried stays small


def fuzz(kind: str, count: int, first_seed: int, out: Path) -> dict:
    strategy = fuzzing.structured_cases() if kind == "structured" else fuzzing.mutated_cases()
    codes: Counter[str] = Counter()
    failed: list[str] = []
    work = Path(tempfile.mkdtemp(prefix=f"fc-fuzz-{kind}-"))

    def one(case: fuzzing.Case) -> None:
        folder = work / str(sum(codes.values()))
        folder.mkdir()
        outcome = fuzzing.run_case(case, folder)
        found = fuzzing.failures(case, outcome, folder)
        codes[str(outcome.code)] += 1
        if found:
            failed.append(_keep(case, outcome, found, out / f"{kind}-{sum(codes.values())}"))
        shutil.rmtree(folder)

    started = time.perf_counter()
    done = 0
    while done < count:
        size = min(CHUNK, count - done)
        run = settings(
            max_examples=size,
            database=None,
            deadline=None,
            phases=[Phase.generate],  # no shrinking: every failure is kept as it was found
            suppress_health_check=list(HealthCheck),
        )(given(strategy)(one))
        seed(first_seed + done)(run)()
        done += size
        elapsed = time.perf_counter() - started
        shown = dict(sorted(codes.items()))
        print(
            f"{kind}: {sum(codes.values())} cases, {elapsed:.0f} s, exit codes {shown}, "
            f"{len(failed)} failed",
            file=sys.stderr,
            flush=True,
        )
    elapsed = time.perf_counter() - started
    shutil.rmtree(work)
    cases = sum(codes.values())
    return {
        "kind": kind,
        "cases": cases,
        "seconds": round(elapsed, 1),
        "cases_per_second": round(cases / elapsed, 1),
        "exit_codes": dict(sorted(codes.items())),
        "failures": failed,
    }


def _keep(case: fuzzing.Case, outcome: fuzzing.Outcome, found: list[str], folder: Path) -> str:
    """The failing case as files, with the command that reproduces it and what went wrong."""
    case.write(folder)
    (folder / "args.json").write_text(json.dumps(list(case.args)), encoding="utf-8")
    if case.columns is not None:
        (folder / "COLUMNS").write_text(case.columns, encoding="utf-8")
    report = {"failures": found, "exit": outcome.code, "stderr": outcome.stderr[-4000:]}
    (folder / "failure.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return str(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--structured", type=int, default=45_000, metavar="N")
    parser.add_argument("--mutated", type=int, default=55_000, metavar="N")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"), metavar="DIR")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["XDG_CACHE_HOME"] = home  # the parse cache's key: not the user's
        results = [
            fuzz("structured", options.structured, options.seed, options.out),
            fuzz("mutated", options.mutated, options.seed, options.out),
        ]
    print(json.dumps(results, indent=2))
    return 1 if any(r["failures"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
