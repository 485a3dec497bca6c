"""Where a report goes: ``-o FILE`` for every format, written whole, never over a claim file."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from conftest import BUNDLED_CLAIMS


def test_a_report_is_never_written_over_a_claim_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "a.toml"
    target.write_text("kept", encoding="utf-8")
    result = cli("run", str(BUNDLED_CLAIMS), "--format", "html", "-o", str(target))
    assert result.exit_code == 2 and target.read_text(encoding="utf-8") == "kept"
    assert "a report is not written over a .toml file" in result.stderr
    missing = cli("run", str(BUNDLED_CLAIMS), "-o", str(tmp_path / "nope" / "r.html"))
    assert missing.exit_code == 2 and "the report's folder does not exist" in missing.stderr


def test_every_format_can_be_written_to_a_file(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert cli("run", str(BUNDLED_CLAIMS), "-f", "json", "-o", str(out)).exit_code == 1
    expected = cli("run", str(BUNDLED_CLAIMS), "-f", "json").stdout
    assert out.read_text(encoding="utf-8") == expected


def test_a_dash_is_standard_output_and_a_folder_is_refused(cli, tmp_path: Path) -> None:
    result = cli("run", str(BUNDLED_CLAIMS), "-f", "json", "-o", "-")
    assert result.exit_code == 1 and result.stdout.startswith("{")
    refused = cli("run", str(BUNDLED_CLAIMS), "-o", str(tmp_path))
    assert refused.exit_code == 2 and "this is a folder, not a file" in refused.stderr


def test_a_named_pipe_is_written_through_not_replaced(cli, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()))
    reader.start()
    result = cli("run", str(BUNDLED_CLAIMS), "-f", "json", "-o", str(pipe))
    reader.join(timeout=30)
    assert result.exit_code == 1 and stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert json.loads(read[0])["summary"]["claims"] == 46


def test_a_link_is_written_through_and_never_to_a_claim_file(cli, tmp_path: Path) -> None:
    target, link = tmp_path / "real.json", tmp_path / "report.json"
    link.symlink_to(target)
    assert cli("run", str(BUNDLED_CLAIMS), "-f", "json", "-o", str(link)).exit_code == 1
    assert link.is_symlink() and json.loads(target.read_text("utf-8"))["summary"]["claims"] == 46
    claims = tmp_path / "a.toml"
    claims.write_text("kept", encoding="utf-8")
    (tmp_path / "innocent.html").symlink_to(claims)
    refused = cli("run", str(BUNDLED_CLAIMS), "-o", str(tmp_path / "innocent.html"))
    assert refused.exit_code == 2 and claims.read_text(encoding="utf-8") == "kept"


def test_bad_input_goes_where_the_report_would_have(cli, corpus, tmp_path: Path) -> None:
    claims = corpus({"a.toml": '[article]\nid = "a"\n[[claims]]\nid = "x"\n'})
    out = tmp_path / "out.sarif"
    out.write_text("a report of an earlier run", encoding="utf-8")
    result = cli("run", str(claims), "-f", "sarif", "-o", str(out))
    assert result.exit_code == 2 and result.stdout == ""
    log = json.loads(out.read_text(encoding="utf-8"))
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


@pytest.mark.skipif(not Path("/proc/version").exists(), reason="a file no one may write: Linux's")
def test_a_report_that_cannot_be_written_exits_4(cli, tmp_path: Path) -> None:
    result = cli("run", str(BUNDLED_CLAIMS), "-f", "json", "-o", "/proc/version")
    assert result.exit_code == 4
    assert "the report could not be written" in result.stderr
