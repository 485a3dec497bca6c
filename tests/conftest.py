"""Shared test helpers: corpora written into temporary folders, and the CLI runner."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CLAIMS = REPO / "claims"

ENTITIES = """\
[[entities]]
name = "Natalie Portman"
aliases = ["Portman"]

[[entities]]
name = "Benjamin Millepied"
aliases = ["Millepied"]

[[entities]]
name = "Aleph"
aliases = []
"""


@pytest.fixture(autouse=True, scope="session")
def _cache_key_outside_home(tmp_path_factory):
    """The parse cache's signing key lives in the user's cache folder: tests use their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture
def corpus(tmp_path: Path):
    """Write files (name -> TOML text) into a claims folder; entities.toml unless given."""

    def write(files: dict[str, str], entities: str | None = ENTITIES) -> Path:
        root = tmp_path / "claims"
        root.mkdir(exist_ok=True)
        if entities is not None:
            (root / "entities.toml").write_text(entities, encoding="utf-8")
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return write


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke
