"""Contradiction-dense input takes time in proportion to its size, as consistent input does
(issue #14): each shape of ``benchmarks/dense.py`` is checked through the path the command line
takes, and must take no more than a generous multiple of the processor time of a consistent
corpus of the same size, measured in the same test. Processor time, not wall time: other
processes on a shared machine slow both alike, or neither. Before the change, these shapes took
from 15 to over 1000 times the consistent corpus's time; they now take 1 to 8 times."""

from __future__ import annotations

import dataclasses
import io
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import dense  # noqa: E402
import families  # noqa: E402
import generate  # noqa: E402

from factcheck import paths  # noqa: E402
from factcheck.check import check  # noqa: E402
from factcheck.config import Settings  # noqa: E402
from factcheck.report import FORMATS  # noqa: E402

TIMES = 25  # the multiple of the consistent corpus's time allowed
SLACK = 0.5  # seconds: for a consistent corpus that takes almost none


class _TooSlow(Exception):
    pass


@contextmanager
def _cut_off(seconds: float) -> Iterator[None]:
    """Stop what runs inside once it has used ``seconds`` of processor time: the code before
    the change would otherwise take minutes to fail."""

    def stop(signum: int, frame: object) -> None:
        raise _TooSlow

    if not hasattr(signal, "setitimer"):  # no processor-time timer (Windows): run it out
        yield
        return
    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _seconds(folder: Path) -> float:
    settings = dataclasses.replace(Settings(), cache=False, jobs=1)
    start = time.process_time()
    check([folder / "claims"], settings)
    return time.process_time() - start


@pytest.mark.parametrize(("shape", "claims"), [("ages", 1000), ("chain", 3000), ("born", 3000)])
def test_dense_input_takes_time_in_proportion(tmp_path: Path, shape: str, claims: int) -> None:
    consistent = min(_seconds(dense.write(tmp_path, "consistent", claims)) for _ in range(3))
    allowed = TIMES * consistent + SLACK
    folder = dense.write(tmp_path, shape, claims)
    taken = None
    try:
        with _cut_off(allowed):
            taken = _seconds(folder)
    except _TooSlow:
        pass  # failed below, without the traceback of wherever the signal came
    assert taken is not None, f"{shape}, {claims}: over {allowed:.2f} s ({consistent:.3f} s)"
    assert taken <= allowed


def _report(folder: Path) -> str:
    out = io.StringIO()
    FORMATS["json"](check([folder / "claims"], Settings(jobs=1, cache=False)), out)
    return out.getvalue()


@pytest.mark.parametrize("corpus", ["generated", "families", "chain", "ages"])
def test_the_searches_that_follow_the_graph_report_what_plain_passes_do(
    tmp_path: Path, corpus: str
) -> None:
    """Small graphs get plain passes, larger ones searches that follow the graph (shortest
    paths, negative cycles, the calendar's rounds): forced one way, then the other, every
    report is the same."""
    if corpus == "generated":
        generate.write(tmp_path, 600, seed=5, planted=6)
        folder = tmp_path
    elif corpus == "families":
        families.write(tmp_path, 40, seed=2)
        folder = tmp_path
    else:  # ages at 200 claims: below the warm oracle, so its proofs are the plain passes'
        folder = dense.write(tmp_path, corpus, 200)
    reports = []
    for small in (0, 10**9):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(paths, "SMALL", small)
            reports.append(_report(folder))
    assert reports[0] == reports[1]
