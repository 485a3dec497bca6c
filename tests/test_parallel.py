"""Parallel loading: the same report as a serial run, in every format, with or without the
cache; and a pool only where there are enough files to pay for it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from factcheck import parallel

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 articles with planted contradictions, in a repository of its own."""
    root = tmp_path_factory.mktemp("parallel")
    (root / ".git").mkdir()
    generate.write(root, 600, seed=3, planted=4)
    return root / "claims"


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every process pool started; a few files per process are enough to start one."""
    started: list[str] = []
    real = parallel._context

    def spy():
        context = real()
        started.append(context.get_start_method())
        return context

    monkeypatch.setattr(parallel, "MIN_FILES_PER_JOB", 4)
    monkeypatch.setattr(parallel, "_context", spy)
    return started


@pytest.mark.parametrize("output_format", ["json", "text", "sarif", "jsonl", "github"])
def test_parallel_and_serial_runs_report_the_same(corpus, cli, pools, output_format):
    serial = cli("run", "-j", "1", "--no-cache", "-f", output_format, str(corpus))
    assert pools == []
    assert serial.exit_code == 1  # the planted contradictions
    parallel_run = cli("run", "-j", "2", "--no-cache", "-f", output_format, str(corpus))
    assert len(pools) == 1
    assert parallel_run.stdout == serial.stdout
    assert parallel_run.exit_code == serial.exit_code


def test_parallel_runs_fill_and_use_the_cache(corpus, cli, pools):
    serial = cli("run", "-j", "1", "--no-cache", "-f", "json", str(corpus))
    cold = cli("run", "-j", "2", "-f", "json", str(corpus))
    warm = cli("run", "-j", "2", "-f", "json", str(corpus))
    assert len(pools) == 1  # the warm run had nothing to parse
    assert serial.stdout == cold.stdout == warm.stdout


def test_few_files_are_loaded_without_a_pool(corpus, cli, monkeypatch):
    started: list[bool] = []
    monkeypatch.setattr(parallel, "_context", lambda: started.append(True))
    result = cli("run", "-j", "8", "--no-cache", "-f", "json", str(corpus))
    assert result.exit_code == 1
    assert started == []  # 31 files: fewer than MIN_FILES_PER_JOB per process


def test_jobs_must_be_a_positive_number(cli, corpus):
    result = cli("run", "-j", "0", str(corpus))
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_one_process_parses_unless_told_otherwise():
    assert parallel.default_jobs() == 1  # measured: a second process gains nothing (#15)


def test_without_processes_the_files_are_parsed_here(corpus, cli, monkeypatch):
    """Where no process can be started (a sandbox, a full process table), the run goes on."""

    def refuse():
        raise OSError(11, "Resource temporarily unavailable")

    serial = cli("run", "-j", "1", "--no-cache", "-f", "json", str(corpus))
    monkeypatch.setattr(parallel, "MIN_FILES_PER_JOB", 4)
    monkeypatch.setattr(parallel, "_context", refuse)
    result = cli("run", "-j", "2", "--no-cache", "-f", "json", str(corpus))
    assert result.stdout == serial.stdout
    assert result.exit_code == serial.exit_code == 1


_ORPHANS = """
import os, time
from factcheck.parallel import pool_of

def pid(_):
    time.sleep(0.2)  # long enough that each worker takes a task
    return os.getpid()

with pool_of(2) as pool:
    pids = set()
    while len(pids) < 2:
        pids |= set(pool.map(pid, range(4)))
    print(*sorted(pids), flush=True)
    time.sleep(60)  # the workers wait for work that never comes
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    """Regression (#14): after a kill -9 of factcheck, its parse workers lived on for ever."""
    import signal
    import subprocess
    import time

    parent = subprocess.Popen([sys.executable, "-c", _ORPHANS], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10 * parallel.PARENT_POLL_SECONDS + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a worker that exited may linger as a zombie: not alive)."""
    proc = Path(f"/proc/{pid}/stat")
    if Path("/proc").is_dir():
        try:
            return proc.read_text(encoding="ascii").rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
