"""Where a report goes: ``-o FILE`` for every format, written whole, never over a claim file."""

from __future__ import annotations

from pathlib import Path

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
