"""Where a report goes: standard output, or a file written atomically, never over a claim file."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from factcheck.files import write_atomically
from factcheck.problems import Problem


def problems(output: Path) -> list[Problem]:
    """Found before the check, not after it: a folder that is not there; and a report is never
    written over a claim file (``-o claims/a.toml`` is a slip)."""
    if output.suffix.lower() == ".toml":
        hint = "give the report a name of its own, such as report.html"
        return [Problem(str(output), None, "a report is not written over a .toml file", hint)]
    if not output.parent.is_dir():
        hint = "create the folder first, or give another path"
        return [Problem(str(output), None, "the report's folder does not exist", hint)]
    if output.is_dir():
        hint = "give a file's path, such as report.html in that folder"
        return [Problem(str(output), None, "this is a folder, not a file", hint)]
    return []


def write(output: Path | None, render: Callable[[TextIO], None]) -> None:
    """Render to standard output, or atomically to the file ``output``."""
    if output is None:
        render(sys.stdout)
        return
    buffer = io.StringIO()
    render(buffer)
    hint = "give a path in a folder that exists and that you may write to"
    write_atomically(output, buffer.getvalue(), what="the report", hint=hint)
