"""Time ``factcheck run`` on contradiction-dense corpora against a consistent one of the same size.

    python benchmarks/dense.py --claims N [N ...] [--shapes SHAPE ...] [--timeout S]

Each shape writes N claims, one article of ten claims per file (two for ``ages``), in folders of
at most 1000 files:

- ``consistent``: every claim says the same birth day of one person;
- ``born``: every claim gives one person a different birth day, so every pair contradicts;
- ``ages``: undated articles that each give the ages of two people whose births are known (one
  dated article states them); the two ages of each article are drawn apart, so most articles
  cannot be dated and contradict the births;
- ``chain``: person i is born one year after person i-1, for N people, by ``after`` claims.

A run is ``factcheck run --format json --no-cache claims`` in a subprocess (the default
jobs). The table gives each shape's time and its ratio to ``consistent`` at the same N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

PER_FILE = 10


def _article(number: int, claims: list[str], published: str | None = "2020-01-01") -> str:
    head = f'[article]\nid = "a{number}"\n'
    if published:
        head += f"published = {published}\n"
    return head + "".join(claims)


def _claim(number: int, subject: str, predicate: str, value: str, extra: str = "") -> str:
    return (
        f'\n[[claims]]\nid = "c{number}"\nsubject = "{subject}"\npredicate = "{predicate}"\n'
        f"value = {value}\n{extra}"
    )


def _batched(claims: Iterator[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for claim in claims:
        batch.append(claim)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _same_birth(n: int) -> tuple[list[str], list[str]]:
    claims = (_claim(i, "P0", "born", "1950-01-01") for i in range(n))
    return ["P0"], [_article(a, batch) for a, batch in enumerate(_batched(claims, PER_FILE))]


def _births_apart(n: int) -> tuple[list[str], list[str]]:
    first = dt.date(1900, 1, 1)
    claims = (_claim(i, "P0", "born", str(first + dt.timedelta(days=i))) for i in range(n))
    return ["P0"], [_article(a, batch) for a, batch in enumerate(_batched(claims, PER_FILE))]


def _two_ages(n: int) -> tuple[list[str], list[str]]:
    rng = random.Random(n)
    births = [_claim(0, "A", "born", "1950-01-01"), _claim(1, "B", "born", "1970-01-01")]
    articles = [_article(0, births)]
    for a in range(1, n // 2 + 1):
        age = rng.randint(30, 60)
        ages = [_claim(0, "A", "age", str(age)), _claim(1, "B", "age", str(rng.randint(5, 40)))]
        articles.append(_article(a, ages, published=None))
    return ["A", "B"], articles


def _chain(n: int) -> tuple[list[str], list[str]]:
    def claims() -> Iterator[str]:
        yield _claim(0, "P0", "born", "1000-01-01")
        for i in range(1, n):
            after = f'after = {{ predicate = "born", subject = "P{i - 1}" }}\n'
            yield _claim(i, f"P{i}", "born", "1", after)

    people = [f"P{i}" for i in range(n)]
    return people, [_article(a, batch) for a, batch in enumerate(_batched(claims(), PER_FILE))]


SHAPES: dict[str, Callable[[int], tuple[list[str], list[str]]]] = {
    "consistent": _same_birth,
    "born": _births_apart,
    "ages": _two_ages,
    "chain": _chain,
}


def write(root: Path, shape: str, n: int) -> Path:
    out = root / f"{shape}-{n}"
    if (out / "done").exists():
        return out
    shutil.rmtree(out, ignore_errors=True)
    people, articles = SHAPES[shape](n)
    claims = out / "claims"
    claims.mkdir(parents=True)
    (claims / "entities.toml").write_text(
        "".join(f'[[entities]]\nname = "{p}"\n\n' for p in people), encoding="utf-8"
    )
    for number, article in enumerate(articles):
        folder = claims / f"{number // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{number:06d}.toml").write_text(article, encoding="utf-8")
    (out / "done").write_text("", encoding="utf-8")
    return out


def run(out: Path, timeout: float) -> tuple[float | None, int, int]:
    """Seconds (None past the timeout), exit status and findings of one run."""
    command = [sys.executable, "-m", "factcheck", "run", "--format", "json", "--no-cache"]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [*command, "claims"], cwd=out, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None, -1, 0
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{out}: exit {done.returncode}\n{done.stderr}")
    return seconds, done.returncode, len(json.loads(done.stdout)["findings"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "fc-dense")
    options = parser.parse_args()
    print("| claims | shape | s | findings | times consistent |")
    print("| ---: | --- | ---: | ---: | ---: |")
    for n in options.claims:
        base: float | None = None
        for shape in ["consistent", *(s for s in options.shapes if s != "consistent")]:
            seconds, _, findings = run(write(options.cache_dir, shape, n), options.timeout)
            if shape == "consistent":
                base = seconds
            shown = f"{seconds:.2f}" if seconds is not None else f"> {options.timeout:.0f}"
            ratio = f"{seconds / base:.1f}" if seconds is not None and base else "-"
            print(f"| {n} | {shape} | {shown} | {findings} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
