"""A hostile repository (a pull request's branch, say) writes nothing outside itself: its
configuration cannot point factcheck's files elsewhere, a committed link cannot redirect the
cache, and a baseline that is not a regular file is refused, never waited on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUNDLED_CLAIMS


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(BUNDLED_CLAIMS, root / "claims")
    (root / ".git").mkdir()
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("where", ["../outside.json", "/tmp/factcheck-hostile-baseline.json"])
def test_a_configured_baseline_outside_the_repository_is_refused(cli, repo, where) -> None:
    (repo / "factcheck.toml").write_text(f'baseline = "{where}"\n', encoding="utf-8")
    result = cli("baseline", "claims")
    assert result.exit_code == 2
    assert f"factcheck.toml:1: baseline '{where}' is outside the repository" in result.stderr
    assert not (repo.parent / "outside.json").exists()
    assert not Path("/tmp/factcheck-hostile-baseline.json").exists()


def test_configured_claim_paths_outside_the_repository_are_refused(cli, repo) -> None:
    (repo / "factcheck.toml").write_text('paths = ["../elsewhere"]\n', encoding="utf-8")
    result = cli("run")
    assert result.exit_code == 2 and "paths '../elsewhere' is outside the repository" in (
        result.stderr
    )


def test_a_cache_folder_that_is_a_link_is_not_followed(cli, repo, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "mine-1.pack").write_text("the user's own file", encoding="utf-8")
    (repo / ".factcheck_cache").symlink_to(victim, target_is_directory=True)
    assert cli("run", "claims").exit_code == 1
    assert cli("run", "claims").exit_code == 1
    assert sorted(p.name for p in victim.iterdir()) == ["mine-1.pack"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_baseline_that_is_not_a_regular_file_is_refused(cli, repo) -> None:
    os.mkfifo(repo / "fifo.json")
    result = cli("run", "--baseline", "fifo.json", "claims")
    assert result.exit_code == 2 and "the baseline is not a regular file" in result.stderr
    if Path("/dev/zero").exists():
        (repo / "zero.json").symlink_to("/dev/zero")
        result = cli("run", "--baseline", "zero.json", "claims")
        assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_a_run_without_a_home_runs_without_a_cache(repo) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "run", "claims"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("linked", ["folder", "file"])
def test_a_configured_baseline_through_a_link_out_of_the_repository_is_refused(
    cli, repo, tmp_path, linked
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    if linked == "folder":
        (repo / "evil").symlink_to(outside, target_is_directory=True)
    else:
        (repo / "evil").mkdir()
        (repo / "evil" / "base.json").symlink_to(outside / "base.json")
    (repo / "factcheck.toml").write_text('baseline = "evil/base.json"\n', encoding="utf-8")
    result = cli("baseline", "claims")
    assert result.exit_code == 2 and "is outside the repository" in result.stderr
    assert list(outside.iterdir()) == []


def test_a_configuration_above_the_repository_does_not_apply(cli, repo) -> None:
    """Regression (#14 review): a factcheck.toml in a folder above the repository set its
    paths and baseline, relative to itself and so outside the repository."""
    (repo.parent / "factcheck.toml").write_text('baseline = "x.json"\n', encoding="utf-8")
    assert cli("baseline", "claims").exit_code == 0
    assert (repo / ".factcheck-baseline.json").is_file()
    assert not (repo.parent / "x.json").exists()
