"""Writing files safely: atomically, so that a failed write never leaves half a file.

The bytes go to a temporary file beside the target, are flushed to disk, and then take the
target's place in one step: a rename over it, or, when an existing file must not be replaced, a
hard link, which the file system refuses if the target appeared in the meantime.

And looking for files that may be there (``.git``, ``entities.toml``, a cache pack) without
failing where a folder on the way may not be searched.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from factcheck.problems import InputError, Problem

# Errors that say the path cannot be written, as opposed to a failing disk: bad input (exit 2).
_UNWRITABLE = (IsADirectoryError, PermissionError, NotADirectoryError, FileNotFoundError)


def present(path: Path, test: Callable[[Path], bool] = Path.exists) -> bool:
    """``test(path)``; False where the path cannot even be looked at."""
    try:
        return test(path)
    except OSError:
        return False


class FileExists(InputError):
    """The target exists and was not to be replaced."""


def write_atomically(path: Path, text: str, *, what: str, hint: str, replace: bool = True) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically.

    ``what`` names the file in messages ("the baseline"), ``hint`` says what to do when the path
    cannot be written. An existing file keeps its permissions (a new one gets the usual ones, as
    the umask allows). With ``replace=False`` an existing file is never touched: that is
    :class:`FileExists`, also when it appears while the text is being written.
    """
    if not replace and path.exists():
        raise _exists(path, what)
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
        handle, temporary = _temporary_beside(path)
    except OSError as exc:
        raise InputError([_unwritable(path, exc, what, hint)]) from None
    try:
        _fill(handle, temporary, [text.encode("utf-8")], mode, durable=True)
        if replace:
            os.replace(temporary, path)
        else:
            _link_new(Path(temporary), path, what)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, _UNWRITABLE):
            raise InputError([_unwritable(path, exc, what, hint)]) from None
        raise


def replace_atomically(
    path: Path, pieces: Iterable[bytes | memoryview], mode: int | None = None, durable: bool = True
) -> None:
    """Write ``pieces`` to ``path`` atomically, for the tool's own files: readers see the old
    file or the new one, never a part. The file is readable by its owner alone unless ``mode``
    says otherwise; with ``durable``, it is on disk before it takes the name. Errors are
    ``OSError``, for the caller to weigh."""
    handle, temporary = _temporary_beside(path)
    try:
        _fill(handle, temporary, pieces, mode, durable)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _temporary_beside(path: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


def _fill(
    handle: int,
    temporary: str,
    pieces: Iterable[bytes | memoryview],
    mode: int | None,
    durable: bool,
) -> None:
    with os.fdopen(handle, "wb") as out:
        out.writelines(pieces)
        if durable:
            out.flush()
            os.fsync(out.fileno())
    if mode is not None:
        os.chmod(temporary, mode)


def refuse_existing(path: Path, what: str) -> None:
    """Raise :class:`FileExists` if ``path`` exists: a check before long work, which
    ``write_atomically(..., replace=False)`` makes again, atomically, when it writes."""
    if path.exists():
        raise _exists(path, what)


def _link_new(temporary: Path, path: Path, what: str) -> None:
    """Give the finished file its name only if the name is still free."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise _exists(path, what) from None
    except OSError as exc:
        # Some file systems have no hard links; the check above is then the only guard.
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if path.exists():
            raise _exists(path, what) from None
        os.replace(temporary, path)
    else:
        temporary.unlink()


def _exists(path: Path, what: str) -> FileExists:
    return FileExists(
        [Problem(str(path), None, f"{what} already exists", "give another path, or --force")]
    )


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _unwritable(path: Path, exc: OSError, what: str, hint: str) -> Problem:
    reason = exc.strerror or str(exc)
    return Problem(str(path), None, f"cannot write {what}: {reason}", hint)


def repository_root(paths: Sequence[Path]) -> Path:
    """The root of the git repository that holds the claims; outside any, the working directory
    if the claims are in it, else the folder that holds them."""
    # As named, not resolved: a committed link must not move the root to where it points.
    start = Path(os.path.abspath(paths[0] if paths else Path.cwd()))
    for folder in (start, *start.parents):
        if present(folder / ".git"):
            return folder
    here = Path.cwd().resolve()
    if start == here or here in start.parents:
        return here
    return start.parent


def relative_to(path: str, root: Path) -> str:
    """A path relative to the repository's ``root``, with forward slashes (absolute when it is
    outside it): as CI annotations and SARIF name files."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()
