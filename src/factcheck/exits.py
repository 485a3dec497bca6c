"""Exit codes, and the two failures that are neither findings nor bad input: an error inside
factcheck, and output that could not be written. Neither may ever pass as 0 (clean) or 1
(findings): a CI step that reads 1 as "findings found" would then accept an empty report.

- 0: no error-severity finding (with a baseline, no new one);
- 1: contradictions found (with a baseline, new ones);
- 2: bad input or usage: nothing was checked;
- 3: an internal error, a bug in factcheck: one line says so and how to report it;
- 4: the output could not be written (a full disk, a closed pipe): the report is incomplete.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from typing import TextIO

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OUTPUT = 0, 1, 2, 3, 4
DEBUG = "FACTCHECK_DEBUG"  # set it to see an internal error's traceback


class OutputError(Exception):
    """Writing the output failed; the report is incomplete."""


class GuardedOutput:
    """Standard output whose write failures are raised as :class:`OutputError`, wherever in a
    command they happen (print, rich, json.dump), so that they are told apart from bugs."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise OutputError(str(error)) from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputError(str(error)) from error

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def output_failed(error: OutputError) -> int:
    reason = str(error) or "the reader closed the pipe"
    _say(f"factcheck: the output could not be written, so it is incomplete: {reason}")
    return EXIT_OUTPUT


def internal_error(error: BaseException) -> int:
    if os.environ.get(DEBUG):
        import traceback

        with suppress(OSError, OutputError):
            traceback.print_exception(error, file=sys.stderr)
    what = f"{type(error).__name__}: {error}".replace("\n", " ")
    _say(
        f"factcheck: internal error ({what}); this is a bug in factcheck, not in your input: "
        f"please report it with the command that caused it (set {DEBUG}=1 for the traceback)"
    )
    return EXIT_INTERNAL


def _say(line: str) -> None:
    with suppress(OSError, OutputError):  # nowhere left to say it: the exit code still does
        print(line, file=sys.stderr)
