"""What a long run is doing, on one line of standard error: the files loaded, then each stage.

Drawn only where a person is watching: standard error is a terminal, not a dumb one, the run is
not in CI and not ``--quiet``; and only once the run has taken a second, so a quick run shows
nothing. The line is redrawn in place a few times a second (a thread keeps the elapsed time
moving through a long stage) and wiped before anything else is written, so it never mixes with
the report, which goes to standard output, nor with the problems.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from typing import TextIO

DELAY = 1.0  # seconds before anything is drawn
TICK = 0.1  # seconds between redraws
_WIPE = "\r\x1b[2K"  # back to the line's start, and clear it


def wanted(stream: TextIO, quiet: bool, environ: dict[str, str] | None = None) -> bool:
    """Whether progress is to be drawn on ``stream``."""
    environ = dict(os.environ) if environ is None else environ
    if quiet or environ.get("CI") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a file
        return False


class Progress:
    """A run's progress: ``stage`` names what it does (with a total to count up to, if known),
    ``advance`` counts done; ``close`` wipes the line. Without a stream, it does nothing."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.name, self.done, self.total = "finding claim files", 0, 0
        self.shown = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        if stream is not None:
            self._ticker = threading.Thread(target=self._tick, name="factcheck-progress")
            self._ticker.daemon = True
            self._ticker.start()

    def stage(self, name: str, total: int = 0) -> None:
        with self._lock:
            self.name, self.done, self.total = name, 0, total

    def advance(self, count: int = 1) -> None:
        with self._lock:
            self.done += count

    def close(self) -> None:
        if self._ticker is None:
            return
        self._stop.set()
        self._ticker.join()
        self._ticker = None
        if self.shown:
            self._write(_WIPE)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def line(self) -> str:
        """The line as drawn now."""
        with self._lock:
            name, done, total = self.name, self.done, self.total
        seconds = time.monotonic() - self.started
        count = f" {done:,}/{total:,}" if total else ""
        text = f"factcheck: {name}{count} ({seconds:.0f} s)"
        return text[: shutil.get_terminal_size().columns - 1]  # a line that wraps is not wiped

    def _tick(self) -> None:
        drawn = ""
        while not self._stop.wait(TICK):
            line = self.line()
            if time.monotonic() - self.started >= DELAY and line != drawn:
                self._write(_WIPE + line)
                drawn, self.shown = line, True

    def _write(self, text: str) -> None:
        assert self.stream is not None
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the run goes on without it
            self._stop.set()


SILENT = Progress()
