"""Where a report goes: standard output, or a file written atomically, never over a claim file.

A path that is not a regular file (``/dev/null``, a named pipe, ``/dev/stdout``) or that is a
link is written through, never replaced: replacing it would remove the device, the pipe or the
link the user named.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from factcheck.files import write_atomically
from factcheck.problems import InputError, Problem

_HINT = "give a path in a folder that exists and that you may write to"


def problems(output: Path) -> list[Problem]:
    """Found before the check, not after it: a folder that is not there or is named as the file;
    and a report is never written over a claim file (``-o claims/a.toml`` is a slip), not even
    through a link."""
    if output.suffix.lower() == ".toml" or Path(os.path.realpath(output)).suffix.lower() == ".toml":
        hint = "give the report a name of its own, such as report.html"
        return [Problem(str(output), None, "a report is not written over a .toml file", hint)]
    if not output.parent.is_dir():
        hint = "create the folder first, or give another path"
        return [Problem(str(output), None, "the report's folder does not exist", hint)]
    if output.is_dir():
        hint = "give a file's path, such as report.html in that folder"
        return [Problem(str(output), None, "this is a folder, not a file", hint)]
    return []


def _replaceable(output: Path) -> bool:
    """Whether ``output`` is absent or a regular file, not a link: written whole by a rename."""
    try:
        return stat.S_ISREG(os.lstat(output).st_mode)
    except FileNotFoundError:
        return True


def write(output: Path | None, render: Callable[[TextIO], None]) -> None:
    """Render to standard output, or to the file ``output``: atomically where it can be
    replaced, else through it."""
    if output is None:
        render(sys.stdout)
        return
    if not _replaceable(output):
        try:
            with open(output, "w", encoding="utf-8") as stream:
                render(stream)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise InputError(
                [Problem(str(output), None, f"cannot write the report: {reason}", _HINT)]
            ) from None
        return
    buffer = io.StringIO()
    render(buffer)
    write_atomically(output, buffer.getvalue(), what="the report", hint=_HINT)
