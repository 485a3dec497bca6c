"""Report formats: each a small function ``(report, out)`` in a table keyed by format name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from factcheck.report import github, json_format, jsonl, sarif, text
from factcheck.results import Report

Formatter = Callable[[Report, TextIO], None]

FORMATS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "github": github.render,
}
