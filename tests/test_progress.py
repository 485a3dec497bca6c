"""Progress on big corpora (#15): a line on standard error that says how far a long run is, where
a person watches the terminal, wiped before anything else is written; never on a pipe, in CI,
with --quiet, nor in the report."""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

import pytest

from factcheck import check as check_module
from factcheck import commands, progress

REPO = Path(__file__).resolve().parent.parent


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "quiet", "environ", "drawn"),
    [
        (Terminal(), False, {"TERM": "xterm"}, True),
        (io.StringIO(), False, {"TERM": "xterm"}, False),  # a pipe or a file
        (Terminal(), True, {"TERM": "xterm"}, False),
        (Terminal(), False, {"TERM": "xterm", "CI": "true"}, False),
        (Terminal(), False, {"TERM": "dumb"}, False),
    ],
)
def test_progress_is_drawn_only_where_a_person_watches(stream, quiet, environ, drawn) -> None:
    assert progress.wanted(stream, quiet, environ) is drawn


def test_a_closed_stream_is_no_terminal() -> None:
    stream = open(os.devnull, "w")  # noqa: SIM115
    stream.close()
    assert not progress.wanted(stream, False, {})


def _run(monkeypatch, quiet: bool = False) -> tuple[int, str, str]:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "TICK", 0.001)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    out, err = io.StringIO(), Terminal()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    slow = check_module.check

    def check(*args, **kwargs):
        time.sleep(0.05)  # long enough for the line to be drawn
        return slow(*args, **kwargs)

    monkeypatch.setattr(check_module, "check", check)  # commands imports it when it runs
    loading = commands.Loading(jobs=1, cache=False, quiet=quiet)
    reporting = commands.Reporting("json", use_baseline=False)
    code = commands.run([REPO / "claims"], reporting, loading)
    return code, out.getvalue(), err.getvalue()


def test_a_long_run_says_how_far_it_is_and_wipes_the_line(monkeypatch) -> None:
    code, out, err = _run(monkeypatch)
    assert code == 1
    assert "\r\x1b[2Kfactcheck: finding claim files (0 s)" in err
    assert err.endswith("\r\x1b[2K")  # wiped: the next line starts clean
    report = json.loads(out)  # nothing but the report on standard output
    assert report["findings"] and "\x1b" not in out


def test_quiet_draws_nothing(monkeypatch) -> None:
    code, out, err = _run(monkeypatch, quiet=True)
    assert code == 1 and err == "" and json.loads(out)


def test_the_line_fits_the_terminal(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    line = progress.Progress()
    line.stage("loading files", 100_000)
    assert len(line.line()) == 19
