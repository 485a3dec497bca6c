"""Problems in the user's input: one line each, ``path:line: what is wrong (hint)``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.textsafe import inert

COMMAND_LINE = "command line"  # where a problem with an argument, not a file, is


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong, where: ``line`` is None for a problem with a whole file (one that does
    not exist, or cannot be read) or with an argument (``path`` is :data:`COMMAND_LINE`)."""

    path: str
    line: int | None
    message: str
    hint: str = ""
    argument: bool = False  # about the command line, not a file (even one named "command line")

    @classmethod
    def of_argument(cls, message: str, hint: str = "") -> Problem:
        return cls(COMMAND_LINE, None, message, hint, argument=True)

    @property
    def in_file(self) -> bool:
        return not self.argument

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        # One problem, one line: text quoted from a file must not break the line.
        return inert(text)


class InputError(Exception):
    """Raised with every problem found, so that a run reports them all at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))
        super().__init__(f"{len(self.problems)} problem(s) in the input")


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def closest_match(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return match[0] if match else None


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """A hint naming the closest choice, or nothing when none is close (by ``cutoff``, the
    share of characters in common)."""
    match = closest_match(word, choices, cutoff)
    return f"did you mean {match!r}?" if match else ""
