"""Find the claim files that paths name, and read each once: the inputs of loading.

A folder is searched for ``*.toml`` files (folders whose names start with ``.`` are skipped); a
file or a folder checked on its own brings the nearest ``entities.toml`` above it, up to the
repository's root. A path that names nothing to load, or a folder that cannot be read, is a
problem, never a silent skip.
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
        if is_dir:
            known = len(problems)
            found = _toml_files(path, problems)
            if not found and len(problems) == known:  # else it says why
                hint = "give the folder that holds the claim files"
                problems.append(Problem(str(path), 1, "no *.toml claim files in this folder", hint))
            files.extend(found)
            if found and not any(p.name == ENTITY_FILE for p, _ in found):
                files.extend((e, e.resolve()) for e in _nearest_entities(path / ENTITY_FILE))
        elif is_file:
            files.append((path, path.resolve()))
            files.extend((e, e.resolve()) for e in _nearest_entities(path))
        else:
            problems.append(
                Problem(str(path), 1, "no such file or folder", "give the claims folder or files")
            )
    unique: dict[Path, Path] = {}  # a file named twice loads once, where first named
    for file, resolved in files:
        unique.setdefault(resolved, file)
    return list(unique.values()), list(dict.fromkeys(problems))  # a folder named twice, too


def _toml_files(folder: Path, problems: list[Problem]) -> list[tuple[Path, Path]]:
    """The ``*.toml`` files in ``folder`` and below, sorted by their path's parts, each with its
    resolved path; hidden files and folders are left out, and so are linked folders (as
    ``Path.rglob`` does). Resolving a path takes a look at every folder in it: a file that is
    not a link is resolved by its folder's path instead."""
    found: list[tuple[tuple[str, ...], Path, Path]] = []
    real = Path(os.path.realpath(folder))
    errors: list[OSError] = []
    for at, folders, names in os.walk(folder, onerror=errors.append):
        folders[:] = [name for name in folders if not name.startswith(".")]
        parts = Path(at).relative_to(folder).parts
        for name in names:
            if not name.endswith(".toml") or name.startswith("."):
                continue
            file = Path(at, name)
            try:
                mode = file.lstat().st_mode
                if stat.S_ISLNK(mode) and file.is_file():
                    found.append(((*parts, name), file, file.resolve()))
                elif stat.S_ISREG(mode):
                    found.append(((*parts, name), file, real.joinpath(*parts, name)))
            except FileNotFoundError:
                continue  # gone since the folder was read
            except OSError as exc:  # listed, but not to be looked at (a folder without x)
                errors.append(exc)
    problems += [_unreadable(str(error.filename), error) for error in errors]
    found.sort(key=lambda item: item[0])
    return [(file, resolved) for _, file, resolved in found]


def _unreadable(path: str, exc: OSError) -> Problem:
    return Problem(
        path, 1, f"cannot read it: {exc.strerror or exc}", "check its permissions, or leave it out"
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
        problem = Problem(str(file), 1, f"cannot read the file: {exc.strerror or exc}")
        return LoadedFile(str(file), problems=[problem], unreadable=True)
