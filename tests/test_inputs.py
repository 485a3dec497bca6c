"""Finding claim files: nothing is checked silently out (#14). Linked folders are searched while
they stay inside the repository, loops end, ``*.TOML`` is a claim file, and what cannot be read
as one is named as a problem."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from conftest import ENTITIES
from factcheck.inputs import find_files
from test_loader import VALID


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "claims" / "a.toml").write_text(VALID, encoding="utf-8")
    (root / "claims" / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    return root


def _found(root: Path) -> tuple[list[str], list[str]]:
    files, problems = find_files([root / "claims"])
    return [f.relative_to(root).as_posix() for f in files], [str(p) for p in problems]


def test_a_linked_folder_inside_the_repository_is_searched_and_a_loop_ends(repo: Path) -> None:
    (repo / "more").mkdir()
    (repo / "more" / "b.toml").write_text(VALID, encoding="utf-8")
    (repo / "claims" / "linked").symlink_to(repo / "more", target_is_directory=True)
    (repo / "more" / "loop").symlink_to(repo / "claims", target_is_directory=True)
    (repo / "more" / "up").symlink_to(repo, target_is_directory=True)
    found = (["claims/a.toml", "claims/entities.toml", "claims/linked/b.toml"], [])
    assert _found(repo) == found


def test_links_out_of_the_repository_are_named_not_followed(repo: Path, tmp_path: Path) -> None:
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "key.toml").write_text('token = "x"\n', encoding="utf-8")
    (repo / "claims" / "out").symlink_to(secrets, target_is_directory=True)
    (repo / "claims" / "key.toml").symlink_to(secrets / "key.toml")
    files, problems = _found(repo)
    assert files == ["claims/a.toml", "claims/entities.toml"]
    assert problems == [
        f"{repo / 'claims' / name}: a link to {target}, outside the repository: not followed "
        "(name the target on the command line to check it)"
        for name, target in (("out", secrets), ("key.toml", secrets / "key.toml"))
    ]


def test_a_claim_file_in_capitals_is_loaded(repo: Path, cli) -> None:
    (repo / "claims" / "B.TOML").write_text(VALID, encoding="utf-8")
    assert _found(repo)[0] == ["claims/B.TOML", "claims/a.toml", "claims/entities.toml"]
    result = cli("run", str(repo / "claims"))
    assert result.exit_code == 2 and "a.toml:2: duplicate article id" in result.stderr
    assert "B.TOML:2)" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and sockets")
def test_what_cannot_be_a_claim_file_is_a_problem(repo: Path, cli, monkeypatch) -> None:
    claims = repo / "claims"
    (claims / "gone.toml").symlink_to(claims / "nothing.toml")
    os.mkfifo(claims / "fifo.toml")
    monkeypatch.chdir(claims)  # a socket's path must be short
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("sock.toml")
        result = cli("run", str(claims), str(claims / "fifo.toml"))
    assert result.exit_code == 2
    hint = "(claim files must be regular files: remove it, or rename it to leave it out)"
    assert result.stderr.splitlines()[:-1] == [
        f"{claims / 'fifo.toml'}: not a regular file: a FIFO {hint}",
        f"{claims / 'gone.toml'}: a link to nothing (fix the link or remove it)",
        f"{claims / 'sock.toml'}: not a regular file: a socket {hint}",
    ]


def test_a_claims_folder_that_is_a_link_out_of_the_repository_is_not_read(
    tmp_path: Path, cli, monkeypatch
) -> None:
    """Regression (#14 review): a committed ``claims -> ../outside`` was read, its files' text
    echoed into the log, and the cache and baseline written beside them."""
    outside = tmp_path / "outside"
    (outside / "claims").mkdir(parents=True)
    (outside / "claims" / "a.toml").write_text(VALID, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "claims").symlink_to(outside / "claims", target_is_directory=True)
    monkeypatch.chdir(repo)
    for command in (("run",), ("baseline",)):
        result = cli(*command)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"claims: a link to {outside / 'claims'}, outside")
    assert sorted(p.name for p in outside.iterdir()) == ["claims"]


@pytest.mark.parametrize("named", [".", "./", "claims/..", "./claims/../."])
def test_the_current_folder_is_searched_below_however_it_is_named(
    repo: Path, named: str, monkeypatch
) -> None:
    (repo / "claims" / "deeper").mkdir()
    (repo / "claims" / "deeper" / "b.toml").write_text(VALID, encoding="utf-8")
    monkeypatch.chdir(repo)
    files, problems = find_files([Path(named)])
    assert problems == []
    assert [f.resolve().relative_to(repo).as_posix() for f in files] == [
        "claims/a.toml",
        "claims/deeper/b.toml",
        "claims/entities.toml",
    ]
