"""Every script the docs tell a reader to run works from a clone, on a small input: each is run
as the docs show it, with smaller numbers, and prints what it measures."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import browser
from conftest import REPO

# script -> (arguments, a piece of what it prints); "{tmp}" is a scratch folder.
RUNS: dict[str, tuple[list[str], str]] = {
    "benchmarks/bench.py": (["--claims", "200", "--cache-dir", "{tmp}/c", "--header"], "| 200 |"),
    "benchmarks/blame.py": (["--families", "4", "--seeds", "1", "--cache-dir", "{tmp}"], "| 1 |"),
    "benchmarks/search.py": (["--families", "4", "--seeds", "1", "--dense", "4"], "groups of 4"),
    "benchmarks/dense.py": (
        ["--claims", "60", "--shapes", "born", "--timeout", "60", "--cache-dir", "{tmp}/c"],
        "| 60 | born |",
    ),
    "benchmarks/families.py": (["{tmp}/out", "--families", "3"], "about 3 families"),
    "benchmarks/generate.py": (["{tmp}/out", "--claims", "100"], "100 claims in"),
    "benchmarks/startup.py": (["--runs", "1"], "factcheck --help: median"),
    "benchmarks/fuzz.py": (["--structured", "8", "--mutated", "8", "--out", "{tmp}/f"], "0 failed"),
    "scripts/rule_pages.py": (["--check"], "up to date"),
    "scripts/report_screenshot.py": (["{tmp}/report.png"], "wrote"),
    "benchmarks/report_html.py": (["--claims", "200", "--runs", "1"], "| 200 |"),
}
NEEDS_BROWSER = {"scripts/report_screenshot.py", "benchmarks/report_html.py"}
# Run by its own test, which checks its figures: tests/test_extract_review.py.
ELSEWHERE = {"scripts/extract_quality.py"}


@pytest.mark.parametrize("script", sorted(RUNS))
def test_the_script_runs_on_a_small_input(script: str, tmp_path: Path) -> None:
    if script in NEEDS_BROWSER:
        browser.chromium()  # skipped where there is none, but in CI
    arguments, printed = RUNS[script]
    command = [sys.executable, str(REPO / script), *(a.format(tmp=tmp_path) for a in arguments)]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert printed in done.stdout + done.stderr


def test_every_script_the_docs_name_is_run() -> None:
    pages = [REPO / "README.md", REPO / "benchmarks" / "README.md", *(REPO / "docs").glob("*.md")]
    named = {
        match
        for page in pages
        for match in re.findall(
            r"python3? ((?:scripts|benchmarks)/\w+\.py)", page.read_text("utf-8")
        )
    }
    assert named, "the docs name no script"
    assert named <= set(RUNS) | ELSEWHERE, f"not run by a test: {named - set(RUNS) - ELSEWHERE}"
