"""The docs as a newcomer follows them: the tutorial runs as written, and the CI snippets the docs
show are the files the repository ships."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(page: Path) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(page.read_text(encoding="utf-8"))]


def _shown(lines: list[str], out: str, what: str) -> None:
    for line in lines:
        if line != "...":
            assert line in out, f"tutorial line not in {what}: {line!r}"


def test_the_tutorial_runs_as_written(cli, tmp_path: Path, monkeypatch) -> None:
    """Each shell block is run, each `$ factcheck` block's output lines are what the command
    prints, and each TOML or comment block shown from the draft is in it."""
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    shutil.copy(REPO / ".factcheck-baseline.json", tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    draft: Path | None = None
    commands = 0
    for language, body in _blocks(REPO / "docs" / "tutorial.md"):
        lines = body.splitlines()
        if language == "sh":
            subprocess.run(["bash", "-euc", body], cwd=tmp_path, check=True)
        elif language == "text" and lines[0].startswith("$ factcheck "):
            arguments = shlex.split(lines[0].removeprefix("$ factcheck "))
            result = cli(*arguments)
            assert result.exit_code in (0, 1), result.output
            _shown(lines[1:], result.output, lines[0])
            if "-o" in arguments:
                draft = tmp_path / arguments[arguments.index("-o") + 1]
            commands += 1
        else:  # a part of the draft
            assert draft is not None, "the page shows a draft before writing one"
            _shown(lines, draft.read_text(encoding="utf-8"), str(draft))
    assert commands >= 5
    # The last step accepted the article's contradiction: the corpus passes against its baseline.
    assert cli("run", "--baseline", ".factcheck-baseline.json").exit_code == 0


def _snippet(page: Path, heading: str) -> str:
    """The code block that opens with the comment ``# heading``."""
    for _, body in _blocks(page):
        if body.startswith(f"# {heading}\n"):
            return body.removeprefix(f"# {heading}\n")
    raise AssertionError(f"{page.name} shows no block headed '# {heading}'")


@pytest.mark.parametrize(
    ("shown_as", "shipped"),
    [
        (".github/workflows/factcheck.yml", ".github/workflows/factcheck.yml"),
        (".pre-commit-hooks.yaml", ".pre-commit-hooks.yaml"),
    ],
)
def test_the_ci_snippets_are_the_shipped_files(shown_as: str, shipped: str) -> None:
    assert _snippet(REPO / "docs" / "ci.md", shown_as) == (REPO / shipped).read_text("utf-8")


def test_ci_installs_and_tests_as_the_readme_says() -> None:
    """.ci/run runs the quick start's test command, step by step, with checks in between."""
    readme = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    command = next(line for line in readme if "pip install '.[test]'" in line)
    ci = [line for line in (REPO / ".ci" / "run").read_text("utf-8").splitlines() if line]
    steps = command.split(" && ")
    assert steps[0] == "python3 -m venv .venv" and steps[-1] == ".venv/bin/python -m pytest"
    at = [ci.index(step) for step in steps]  # each step is a line of its own, in order
    assert at == sorted(at)
    assert not any(line.startswith("eval") for line in ci)
    for check in ("ruff check .", "ruff format --check .", "mypy", "mkdocs build --strict"):
        assert any(check in line for line in ci[at[1] : at[-1]]), f".ci/run does not run {check}"


def test_the_readme_shows_a_screenshot_of_the_report() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "![The HTML report of the bundled corpus](docs/report.png)" in readme
    png = (REPO / "docs" / "report.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 1400) and len(png) > 50_000  # a picture, not a blank
