"""Time the quick commands: ``factcheck --help`` and ``factcheck run`` on the bundled claims.

    python benchmarks/startup.py [--runs N]

Each is run N times (default 21) as a ``python -m factcheck`` subprocess from the repository's
root; the median, the fastest and the slowest are printed. ``run`` is timed as a user meets it,
with the cache holding the last report (one run first fills it), and with ``--no-cache`` (every
file parsed and analysed).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "--help": ["--help"],
    "run": ["run", "claims"],
    "run --no-cache": ["run", "--no-cache", "claims"],
}


def timed(arguments: list[str]) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "factcheck", *arguments]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1) or not done.stdout:  # 1: the bundled contradictions
        sys.exit(f"factcheck exited {done.returncode}:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = max(1, parser.parse_args().runs)
    found = subprocess.run([sys.executable, "-c", "import factcheck"], capture_output=True)
    if found.returncode != 0:  # `python -m factcheck` would fail fast, and look fast
        sys.exit(f"{sys.executable} has no factcheck installed: run this with the one that has")
    timed(COMMANDS["run"])  # the cache holds the last report, as after any earlier run
    for name, arguments in COMMANDS.items():
        times = [timed(arguments) for _ in range(runs)]
        print(
            f"factcheck {name}: median {statistics.median(times):.3f} s "
            f"(fastest {min(times):.3f}, slowest {max(times):.3f}, {runs} runs)"
        )


if __name__ == "__main__":
    main()
