"""Time the quick commands: ``factcheck --help`` and ``factcheck run`` on the bundled claims.

    python benchmarks/startup.py [--runs N]

Each is run N times (default 21) as a ``python -m factcheck`` subprocess from the repository's
root, in turn with the floor, ``python -c "import typer, rich.console"`` (what any typer and
rich command pays to start); the median, the fastest and the slowest are printed, and each
median as a multiple of the floor's. ``run`` is timed as a user meets it, with the cache
holding the last report (one run first fills it), and with ``--no-cache`` (every file parsed
and analysed).
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


FLOOR = ["-c", "import typer, rich.console"]


def timed(arguments: list[str]) -> float:
    start = time.perf_counter()
    command = [sys.executable, *arguments]
    if arguments is not FLOOR:
        command[1:1] = ["-m", "factcheck"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1) or not (done.stdout or arguments is FLOOR):
        sys.exit(f"factcheck exited {done.returncode}:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = max(1, parser.parse_args().runs)
    installed = subprocess.run([sys.executable, "-c", "import factcheck"], capture_output=True)
    if installed.returncode != 0:  # `python -m factcheck` would fail fast, and look fast
        sys.exit(f"{sys.executable} has no factcheck installed: run this with the one that has")
    timed(COMMANDS["run"])  # the cache holds the last report, as after any earlier run
    names = ["floor", *COMMANDS]
    times: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(runs):  # in turn, so that a busy moment weighs on all alike
        for name in names:
            times[name].append(timed(FLOOR if name == "floor" else COMMANDS[name]))
    floor = statistics.median(times["floor"])
    for name in names:
        found = times[name]
        label = "python -c 'import typer, rich.console'" if name == "floor" else f"factcheck {name}"
        print(
            f"{label}: median {statistics.median(found):.3f} s, "
            f"{statistics.median(found) / floor:.2f}x the floor "
            f"(fastest {min(found):.3f}, slowest {max(found):.3f}, {runs} runs)"
        )


if __name__ == "__main__":
    main()
