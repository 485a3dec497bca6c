"""Exit codes a CI step can trust: a bug exits 3 and output that could not be written exits 4,
never 0 (clean) or 1 (findings), with one line on standard error that says which."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import cli, commands

REPO = Path(__file__).resolve().parent.parent


def _main(monkeypatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["factcheck", *args])
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    with pytest.raises(SystemExit) as done:
        cli.main()
    return int(done.value.code or 0)


def test_a_bug_exits_3_with_one_line_that_says_so(monkeypatch, capsys) -> None:
    def broken(*args: object, **kwargs: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(commands, "run", broken)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    assert _main(monkeypatch, "run", str(REPO / "claims")) == 3
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("factcheck: internal error (ZeroDivisionError: a bug)")
    assert "please report it" in line


def test_findings_and_a_clean_run_keep_their_codes(monkeypatch) -> None:
    assert _main(monkeypatch, "run", "--no-cache", str(REPO / "claims")) == 1
    assert _main(monkeypatch, "rules") == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_exits_4() -> None:
    # The documented CI step counts exit 1 as findings: a full disk must not pass as that.
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "factcheck", "run", "--format", "sarif", "claims"],
            cwd=REPO,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "FACTCHECK_DEBUG": ""},
        )
    assert result.returncode == 4
    assert "the output could not be written" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("debug", ["", "1"])
def test_standard_error_that_cannot_be_written_exits_4(debug: str) -> None:
    """Regression (#14 review): problems written to a closed or full standard error exited 1,
    the code for "contradictions found" (click turns a broken pipe into exit 1)."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "factcheck", "run", "no-such-folder"],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=full,
            env={**os.environ, "FACTCHECK_DEBUG": debug},
        )
    assert result.returncode == 4
