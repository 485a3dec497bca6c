"""How large the groups of contradicting claims are, and how long weighing each one takes.

    python benchmarks/search.py [--families N] [--seeds S [S ...]] [--dense K [K ...]]

Two measurements, in this process:

- on the blame benchmark's corpora (``families.py``, N families per seed; default 300 and seeds
  1-5): every group factcheck weighs, how many are linked events (not one event alone), the
  largest, how many got the conservative answer, and the slowest;
- on random dense groups built to stress the exact search: five linked events in order (two
  births, a meeting, a wedding, a divorce), K claims each (default 16, 32 and 48) from 3 to 12
  articles, a fifth of them up to 800 days off; 60 groups of each size.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import families

from factcheck import attribution
from factcheck.check import check
from factcheck.config import Settings
from factcheck.constraints import Constraints, Source
from factcheck.correction import Group, Outcome, correct, groups
from factcheck.dates import DayInterval
from factcheck.engine import Checker
from factcheck.model import Article, Claim, Location
from factcheck.values import Point

POINTS = [
    Point("born", ("A",)),
    Point("born", ("B",)),
    Point("met", ("A", "B")),
    Point("married", ("A", "B")),
    Point("divorced", ("A", "B")),
]
HERE = Location("stress.toml", 1)


class Timed:
    """Every group weighed while it is in place: its size, whether exact, and the time."""

    def __init__(self) -> None:
        self.rows: list[tuple[bool, int, bool, float]] = []

    def __enter__(self) -> Timed:
        self.original = attribution.correct

        def timed(group: Group, checker: Checker) -> Outcome:
            start = time.perf_counter()
            outcome = self.original(group, checker)
            elapsed = time.perf_counter() - start
            self.rows.append((group.linked, len(group.claims), outcome.exact, elapsed))
            return outcome

        attribution.correct = timed
        return self

    def __exit__(self, *_: object) -> None:
        attribution.correct = self.original


def _claim(article: str, number: int) -> Claim:
    return Claim(Article(article, HERE), f"c{number}", "A", "born", None, HERE)


def dense(rng: random.Random, size: int) -> Constraints:
    """One group of five linked events, ``size`` claims, a fifth of them scattered."""
    out = Constraints()
    truth = sorted(rng.randint(0, 2000) for _ in POINTS)
    articles = rng.randint(3, 12)
    for number in range(size):
        point = rng.randrange(len(POINTS))
        day = truth[point] + (rng.randint(-800, 800) if rng.random() < 0.2 else 0)
        width = rng.choice([0, 30, 365])
        start = day - rng.randint(0, width)
        source = Source("stress", _claim(f"a{rng.randrange(articles)}", number))
        out.add_interval(POINTS[point], DayInterval(start, start + width), source)
    for earlier, later in itertools.pairwise(POINTS):
        out.add_order(earlier, later, 0, None, Source("order", None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=300)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--dense", type=int, nargs="+", default=[16, 32, 48])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Timed() as timed:
        for seed in args.seeds:
            out = Path(folder) / f"s{seed}"
            families.write(out, args.families, seed)
            check([out / "claims"], Settings(cache=False, jobs=1))
    linked = [row for row in timed.rows if row[0]]
    print(
        f"blame corpora: {len(timed.rows)} groups, {len(linked)} linked, largest "
        f"{max(row[1] for row in timed.rows)} claims, "
        f"{sum(1 for row in timed.rows if not row[2])} conservative, slowest "
        f"{max(row[3] for row in timed.rows) * 1000:.0f} ms"
    )
    rng = random.Random(1)
    for size in args.dense:
        seconds, conservative = [], 0
        for _ in range(60):
            checker = Checker(dense(rng, size))
            for group in groups(checker):
                start = time.perf_counter()
                conservative += not correct(group, checker).exact
                seconds.append(time.perf_counter() - start)
        seconds.sort()
        print(
            f"dense groups of {size} claims: {len(seconds)} groups, median "
            f"{seconds[len(seconds) // 2] * 1000:.1f} ms, slowest {seconds[-1] * 1000:.0f} ms, "
            f"{conservative} conservative"
        )


if __name__ == "__main__":
    main()
