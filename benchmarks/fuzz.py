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

CHUNK = 1000  # examples per hypothesis run: its memory of what it tried stays small


class Fuzzer:
    """One kind of case, run a chunk at a time, with its counts."""

    def __init__(self, kind: str, count: int, first_seed: int, out: Path) -> None:
        self.kind, self.count, self.first_seed, self.out = kind, count, first_seed, out
        self.strategy = (
            fuzzing.structured_cases() if kind == "structured" else fuzzing.mutated_cases()
        )
        self.codes: Counter[str] = Counter()
        self.failed: list[str] = []
        self.seconds = 0.0
        self.work = Path(tempfile.mkdtemp(prefix=f"fc-fuzz-{kind}-"))

    @property
    def done(self) -> int:
        return sum(self.codes.values())

    def one(self, case: fuzzing.Case) -> None:
        folder = self.work / str(self.done)
        folder.mkdir()
        outcome = fuzzing.run_case(case, folder)
        found = fuzzing.failures(case, outcome, folder)
        self.codes[str(outcome.code)] += 1
        if found:
            kept = _keep(case, outcome, found, self.out / f"{self.kind}-{self.done}")
            self.failed.append(kept)
        shutil.rmtree(folder)

    def chunk(self) -> None:
        size = min(CHUNK, self.count - self.done)
        run = settings(
            max_examples=size,
            database=None,
            deadline=None,
            phases=[Phase.generate],  # no shrinking: every failure is kept as it was found
            suppress_health_check=list(HealthCheck),
        )(given(self.strategy)(self.one))
        started = time.perf_counter()
        seed(self.first_seed + self.done)(run)()
        self.seconds += time.perf_counter() - started
        shown = dict(sorted(self.codes.items()))
        print(
            f"{self.kind}: {self.done} cases, {self.seconds:.0f} s, exit codes {shown}, "
            f"{len(self.failed)} failed",
            file=sys.stderr,
            flush=True,
        )

    def result(self) -> dict[str, object]:
        shutil.rmtree(self.work)
        return {
            "kind": self.kind,
            "cases": self.done,
            "seconds": round(self.seconds, 1),
            "cases_per_second": round(self.done / max(self.seconds, 1e-9), 1),
            "exit_codes": dict(sorted(self.codes.items())),
            "failures": self.failed,
        }


def _keep(case: fuzzing.Case, outcome: fuzzing.Outcome, found: list[str], folder: Path) -> str:
    """The failing case as files, with the command that reproduces it and what went wrong."""
    folder.mkdir(parents=True)
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
        kinds = [
            Fuzzer("structured", options.structured, options.seed, options.out),
            Fuzzer("mutated", options.mutated, options.seed, options.out),
        ]
        # A chunk of each in turn, the kind furthest behind first: a run stopped early has
        # both kinds in proportion.
        while pending := [k for k in kinds if k.done < k.count]:
            min(pending, key=lambda k: k.done / k.count).chunk()
        results = [k.result() for k in kinds]
    print(json.dumps(results, indent=2))
    return 1 if any(r["failures"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
