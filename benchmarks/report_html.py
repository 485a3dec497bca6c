"""Measure the HTML report on a synthetic corpus: its size, what writing it adds to a run, and
how fast headless Chromium shows it.

    python benchmarks/report_html.py [--claims N] [--runs R] [--seed S]

The corpus is ``generate.py``'s (default 10,000 claims). Each run is a ``factcheck run
--no-cache`` subprocess, ``--format json`` and ``--format html -o``; their medians of R runs are
compared. In the browser (Debian's ``chromium``, headless, as the tests start it) the page is
opened R times: the page's own script records when it ran to its end (``performance.now()``:
the document parsed, styles, timelines and filters applied) and how tall the page is; the
wall time of ``--dump-dom`` is the whole browser, start included, and the wall time of a
screenshot of the whole page at once (1200 pixels wide) is what painting every part of it
costs, once, where scrolling paints a window's height at a time. The bundled corpus's report is
measured the same way, as the baseline for the browser's own start.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]
import generate  # noqa: E402

import browser  # noqa: E402

REPO = HERE.parent


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed


def _run(claims: Path, runs: int, out: Path) -> tuple[float, float]:
    base = [sys.executable, "-m", "factcheck", "run", "--no-cache", "--quiet", str(claims)]
    json_times, html_times = [], []
    for _ in range(runs):
        json_times.append(
            _timed([*base, "--format", "json", "-o", str(out.with_suffix(".json"))], claims.parent)
        )
        html_times.append(_timed([*base, "--format", "html", "-o", str(out)], claims.parent))
    return statistics.median(json_times), statistics.median(html_times)


def _browser(page: Path, runs: int) -> dict[str, float]:
    script, dumps, shots, height = [], [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        dom = browser.dom(page)
        dumps.append(time.perf_counter() - start)
        script.append(float(re.search(r'data-script-ms="(\d+)"', dom)[1]))  # type: ignore[index]
        height = int(re.search(r'data-height="(\d+)"', dom)[1])  # type: ignore[index]
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            browser.screenshot(page, Path(folder) / "all.png", 1200, min(height, 16000))
            shots.append(time.perf_counter() - start)
    return {
        "script": statistics.median(script) / 1000,
        "dump": statistics.median(dumps),
        "shot": statistics.median(shots),
        "height": height,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    if browser.find() is None:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        summary = generate.write(root, arguments.claims, seed=arguments.seed)
        page = root / "report.html"
        as_json, as_html = _run(root / "claims", arguments.runs, page)
        size = page.stat().st_size
        findings = page.read_text(encoding="utf-8").count('<article class="finding')
        big = _browser(page, arguments.runs)
        small_page = root / "bundled.html"
        _run(REPO / "claims", 1, small_page)
        small = _browser(small_page, arguments.runs)
    print(
        "| claims | articles | findings | html MiB | run json s | run html s | script s "
        "| browser s (bundled) | whole page painted s (bundled) | page height px |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {summary['claims']} | {summary['articles']} | {findings} | {size / 2**20:.2f} "
        f"| {as_json:.2f} | {as_html:.2f} | {big['script']:.2f} "
        f"| {big['dump']:.2f} ({small['dump']:.2f}) | {big['shot']:.2f} ({small['shot']:.2f}) "
        f"| {big['height']:.0f} |"
    )


if __name__ == "__main__":
    main()
