"""Find the claim files that paths name, and read each once: the inputs of loading.

A folder is searched for ``*.toml`` files, in any case (hidden files and folders, whose names
start with ``.``, are left out); links are followed while they stay inside the repository. A
file or a folder checked on its own brings the nearest ``entities.toml`` above it, up to the
repository's root. A path that names nothing to load, a folder that cannot be read, a link out
of the repository or to nothing, and a FIFO, socket or device named ``*.toml`` are problems,
never a silent skip.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.files import present
from factcheck.model import LoadedFile
from factcheck.problems import Problem

if TYPE_CHECKING:
    from factcheck.cache import Facts


def find_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Every ``*.toml`` file under the given files and folders, in a stable order."""
    files: list[tuple[Path, Path]] = []  # each as named, and resolved
    problems: list[Problem] = []
    for path in paths:
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as exc:  # a folder on the way may not be searched
            problems.append(_unreadable(str(path), exc))
            continue
        if is_dir and not Path(os.path.realpath(path)).is_relative_to(_boundary(path)):
            problems.append(_outside(path, Path(os.path.realpath(path))))
        elif is_dir:
            known = len(problems)
            found = _toml_files(path, problems)
            if not found and len(problems) == known:  # else it says why
                hint = "give the folder that holds the claim files"
                problems.append(
                    Problem(str(path), None, "no *.toml claim files in this folder", hint)
                )
            files.extend(found)
            if found and not any(p.name == ENTITY_FILE for p, _ in found):
                files.extend((e, e.resolve()) for e in _nearest_entities(path / ENTITY_FILE))
        elif is_file:
            files.append((path, path.resolve()))
            files.extend((e, e.resolve()) for e in _nearest_entities(path))
        elif os.path.lexists(path):  # a link to nothing, a FIFO: named, so never waited on
            problems.append(_special(path, path.lstat().st_mode))
        else:
            problems.append(
                Problem(
                    str(path), None, "no such file or folder", "give the claims folder or files"
                )
            )
    unique: dict[Path, Path] = {}  # a file named twice loads once, where first named
    for file, resolved in files:
        unique.setdefault(resolved, file)
    return list(unique.values()), list(dict.fromkeys(problems))  # a folder named twice, too


def _toml_files(folder: Path, problems: list[Problem]) -> list[tuple[Path, Path]]:
    """The ``*.toml`` files (any case: ``*.TOML`` too) in ``folder`` and below, sorted by their
    path's parts, each with its resolved path. Hidden files and folders are left out. Linked
    folders and files are followed while they stay inside the repository (a link out of it, or
    back into a folder already searched, is not). A link to nothing, a FIFO, a socket or a
    device named ``*.toml`` is a problem: nothing is left out silently."""
    boundary = _boundary(folder)
    real: dict[str, Path] = {str(folder): Path(os.path.realpath(folder))}
    seen = {_identity(folder)}  # folders searched, by device and inode: a loop of links ends
    found: list[tuple[tuple[str, ...], Path, Path]] = []
    errors: list[OSError] = []
    for at, folders, names in os.walk(folder, onerror=errors.append, followlinks=True):
        parts = Path(at).relative_to(folder).parts
        folders[:] = [
            name
            for name in sorted(folders)
            if not name.startswith(".") and _enter(Path(at, name), real, seen, boundary, problems)
        ]
        for name in names:
            if name.startswith(".") or not name.lower().endswith(".toml"):
                continue
            file = Path(at, name)
            try:
                resolved = _claim_file(file, real[str(Path(at))] / name, boundary)
            except FileNotFoundError:
                continue  # gone since the folder was read
            except OSError as exc:  # listed, but not to be looked at (a folder without x)
                errors.append(exc)
                continue
            if isinstance(resolved, Problem):
                problems.append(resolved)
            else:
                found.append(((*parts, name), file, resolved))
    problems += [_unreadable(str(error.filename), error) for error in errors]
    found.sort(key=lambda item: item[0])
    return [(file, resolved) for _, file, resolved in found]


_SPECIAL = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device"}
_SPECIAL[stat.S_IFBLK] = "a device"


def _claim_file(file: Path, real: Path, boundary: Path) -> Path | Problem:
    """The resolved path of a file found by its name, or why it cannot be loaded. Resolving a
    path takes a look at every folder in it: a file that is not a link is resolved by its
    folder's real path instead."""
    mode = file.lstat().st_mode
    if stat.S_ISLNK(mode):
        target = Path(os.path.realpath(file))
        if not target.exists():
            return _special(file, mode)
        if not target.is_relative_to(boundary):
            return _outside(file, target)
        mode, real = target.stat().st_mode, target
    if stat.S_ISREG(mode):
        return real
    return _special(file, mode)


def _special(file: Path, mode: int) -> Problem:
    if stat.S_ISLNK(mode):
        return Problem(str(file), None, "a link to nothing", "fix the link or remove it")
    kind = _SPECIAL.get(stat.S_IFMT(mode), "not a file")
    hint = "claim files must be regular files: remove it, or rename it to leave it out"
    return Problem(str(file), None, f"not a regular file: {kind}", hint)


def _enter(
    folder: Path,
    real: dict[str, Path],
    seen: set[tuple[int, int]],
    boundary: Path,
    problems: list[Problem],
) -> bool:
    """Whether to search a subfolder: once, and only inside the repository."""
    parent = real[str(folder.parent)]
    try:
        linked = folder.is_symlink()
        target = Path(os.path.realpath(folder)) if linked else parent / folder.name
        if linked and not target.is_relative_to(boundary):
            problems.append(_outside(folder, target))
            return False
        identity = _identity(folder)
    except OSError as exc:
        problems.append(_unreadable(str(folder), exc))
        return False
    if identity in seen:
        return False
    seen.add(identity)
    real[str(folder)] = target
    return True


def _identity(folder: Path) -> tuple[int, int]:
    status = folder.stat()
    return status.st_dev, status.st_ino


def _boundary(folder: Path) -> Path:
    """Where links found in ``folder`` may lead: the git repository that holds it, or outside
    any, the folder itself. A claims repository's links must not read the machine's files."""
    # Found from the path as named, not as resolved: a committed link (``claims -> ..``)
    # must not move the repository to where it points.
    start = Path(os.path.abspath(folder))
    for candidate in (start, *start.parents):
        if present(candidate / ".git"):
            return Path(os.path.realpath(candidate))
    return Path(os.path.realpath(folder))


def _outside(link: Path, target: Path) -> Problem:
    hint = "name the target on the command line to check it"
    return Problem(
        str(link), None, f"a link to {target}, outside the repository: not followed", hint
    )


def _unreadable(path: str, exc: OSError) -> Problem:
    return Problem(
        path,
        None,
        f"cannot read it: {exc.strerror or exc}",
        "check its permissions, or leave it out",
    )


ENTITY_FILE = "entities.toml"


def _nearest_entities(file: Path) -> list[Path]:
    """A single claim file, or a folder without an entity file, is checked with the nearest
    entities.toml in the folders above, up to the repository's root: its names are defined
    there."""
    for folder in file.resolve().parents:
        candidate = folder / ENTITY_FILE
        if present(candidate, Path.is_file):
            return [candidate]
        if present(folder / ".git"):
            break
    return []


@dataclass(slots=True)
class Inputs:
    """The files to load, found and read once: with the cache, their bytes are hashed too.
    Loading them uses them up."""

    files: list[Path]
    contents: list[bytes | LoadedFile]  # each file's bytes, or what it loads as
    facts: list[Facts | None]  # each file's, for the cache; else empty
    problems: list[Problem]  # paths that name nothing to load

    @classmethod
    def read(cls, paths: Sequence[Path], facts: bool = False) -> Inputs:
        from factcheck.cache import Facts

        files, problems = find_files(paths)
        contents = [read_bytes(file) for file in files]
        known: list[Facts | None] = []
        if facts:
            for file, data in zip(files, contents, strict=True):
                known.append(None if isinstance(data, LoadedFile) else Facts.of(file, data))
        return cls(files, contents, known, problems)

    @property
    def complete(self) -> bool:
        """Whether every file was found, read and known by its facts."""
        return bool(self.facts) and all(self.facts) and not self.problems

    @property
    def known(self) -> list[Facts]:
        """The facts of every file, when they are complete."""
        return [f for f in self.facts if f is not None]


def read_bytes(file: Path) -> bytes | LoadedFile:
    """The file's bytes, or what the loader makes of a file it cannot read."""
    try:
        return file.read_bytes()
    except OSError as exc:
        problem = Problem(str(file), None, f"cannot read the file: {exc.strerror or exc}")
        return LoadedFile(str(file), problems=[problem], unreadable=True)
