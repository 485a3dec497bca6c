"""Atomic writes: a file is either its old self or wholly the new text, never half of it."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from factcheck.files import FileExists, refuse_existing, write_atomically
from factcheck.problems import InputError


def _write(path: Path, text: str, replace: bool = True) -> None:
    write_atomically(path, text, what="the file", hint="give another path", replace=replace)


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_writes_a_new_file_with_unix_line_ends(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    _write(target, "a = 1\nb = 'é'\n")
    assert target.read_bytes() == "a = 1\nb = 'é'\n".encode()
    assert _leftovers(tmp_path) == []


def test_replacing_keeps_the_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    _write(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_without_replace_an_existing_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(FileExists) as raised:
        _write(target, "new", replace=False)
    assert str(raised.value.problems[0]) == (
        f"{target}: the file already exists (give another path, or --force)"
    )
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []
    with pytest.raises(FileExists):
        refuse_existing(target, "the file")


def test_a_file_that_appears_during_the_write_is_not_replaced(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.toml"
    real_fsync = os.fsync

    def someone_else_writes(fd: int) -> None:  # between the first check and the rename
        real_fsync(fd)
        target.write_text("theirs", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", someone_else_writes)
    with pytest.raises(FileExists):
        _write(target, "ours", replace=False)
    assert target.read_text(encoding="utf-8") == "theirs"
    assert _leftovers(tmp_path) == []


def test_without_hard_links_a_new_file_is_still_written(tmp_path: Path, monkeypatch) -> None:
    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.toml"
    _write(target, "new", replace=False)
    assert target.read_text(encoding="utf-8") == "new"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("replace", [True, False])
def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch, replace) -> None:
    target = tmp_path / "out.toml"
    if replace:
        target.write_text("old", encoding="utf-8")

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace" if replace else "link", disk_full)
    with pytest.raises(OSError, match="No space left"):
        _write(target, "new", replace=replace)
    assert target.read_text(encoding="utf-8") == "old" if replace else not target.exists()
    assert _leftovers(tmp_path) == []


def test_a_path_that_cannot_be_written_is_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    with pytest.raises(InputError) as raised:
        _write(folder, "text")
    assert str(raised.value.problems[0]).startswith(f"{folder}: cannot write the file: ")
    with pytest.raises(InputError):
        _write(tmp_path / "missing" / "out.toml", "text")


def test_a_link_at_the_target_is_replaced_never_written_through(tmp_path: Path) -> None:
    # A hostile repository may commit its baseline as a link to a file of the user's
    # (~/.bashrc): the link is replaced, and the file it led to is left as it was.
    victim = tmp_path / "victim"
    victim.write_text("the user's own", encoding="utf-8")
    (tmp_path / "repo").mkdir()
    link = tmp_path / "repo" / "baseline.json"
    link.symlink_to(victim)
    _write(link, "new")
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"
    assert victim.read_text(encoding="utf-8") == "the user's own"
