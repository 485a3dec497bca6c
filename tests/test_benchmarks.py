"""The benchmark's corpus generator: deterministic, loadable, and its planted contradictions
are exactly what factcheck reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench  # noqa: E402
import generate  # noqa: E402


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_seed_same_files(tmp_path: Path) -> None:
    generate.write(tmp_path / "a", 400, seed=7, planted=4)
    generate.write(tmp_path / "b", 400, seed=7, planted=4)
    generate.write(tmp_path / "c", 400, seed=8, planted=4)
    a, b, c = (_files(tmp_path / x) for x in "abc")
    assert a == b
    assert a != c
    assert len([name for name in a if name.endswith(".toml")]) == 21  # 20 articles + entities


def test_claim_and_file_counts(tmp_path: Path) -> None:
    summary = generate.write(tmp_path, 1000, seed=1, planted=5)
    assert summary["claims"] == 1000
    assert summary["articles"] == 50
    assert summary["people"] == 50
    assert len(summary["planted"]) == 5
    assert len(list((tmp_path / "claims" / "articles").rglob("*.toml"))) == 50


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, int, dict]:
    out = tmp_path_factory.mktemp("tiny")
    generate.write(out, 200, seed=3, planted=3)
    command = [sys.executable, "-m", "factcheck", "run", "--format", "json", "claims"]
    proc = subprocess.run(command, cwd=out, capture_output=True, text=True, timeout=60)
    meta = json.loads((out / "planted.json").read_text(encoding="utf-8"))
    return out, meta, proc.returncode, json.loads(proc.stdout) if proc.stdout else {}


def test_tiny_corpus_loads_and_fails_on_the_planted(tiny) -> None:
    _, meta, code, report = tiny
    assert code == 1  # contradictions, never 2 (bad input)
    assert report["summary"]["claims"] == meta["claims"] == 200
    assert len(meta["planted"]) == 3


def test_every_planted_found_and_no_false_alarm(tiny) -> None:
    _, meta, _, report = tiny
    found, false_count, false_alarms = bench.score(report, meta["planted"])
    assert false_alarms == [] and false_count == 0
    assert found == len(meta["planted"])
