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
import blame  # noqa: E402
import families  # noqa: E402
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


def test_families_are_deterministic_and_load(tmp_path: Path) -> None:
    one = families.write(tmp_path / "a", 12, seed=5)
    two = families.write(tmp_path / "b", 12, seed=5)
    assert one == two and _files(tmp_path / "a") == _files(tmp_path / "b")
    assert one["planted"] and one["articles"] >= 36
    report = blame.run(tmp_path / "a")
    assert report["summary"]["claims"] == one["claims"]


def test_the_reference_decides_the_claim_outvoted_on_its_event(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    for aid, value in (
        ("f0000-00", "2011-06-14"),
        ("f0000-01", '"June 2011"'),
        ("f0000-02", "2012-01-01"),
    ):
        (claims / f"{aid}.toml").write_text(
            f'[article]\nid = "{aid}"\npublished = 2020-01-01\n\n[[claims]]\nid = "c1"\n'
            f'subject = "Kid"\npredicate = "born"\nvalue = {value}\n',
            encoding="utf-8",
        )
    assert blame.reference(claims, set()) == {"f0000-02#c1"}
    assert blame.reference(claims, {"f0000-01#c1"}) == set(), "one against one"


def test_blame_scores_against_the_key_and_the_reference(tmp_path: Path) -> None:
    key = families.write(tmp_path, 30, seed=2)
    decided = blame.reference(tmp_path / "claims", set())
    row = blame.score(blame.run(tmp_path), key, decided, decided)
    assert row["false_alarms"] == 0
    assert row["recall"] >= 0.97 and row["precision"] >= row["reference_precision"] - 0.05
