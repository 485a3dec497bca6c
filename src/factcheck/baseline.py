"""Baselines: the findings a desk has reviewed and accepted, so that only new ones fail a run.

A baseline is a JSON file keyed by fingerprint (see :mod:`factcheck.findings`), sorted so that
its git diff reads well, and written atomically: a failed write never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.findings import Finding
from factcheck.problems import InputError, Problem

VERSION = 1
DEFAULT_NAME = ".factcheck-baseline.json"
_HINT = "write it again with: factcheck baseline"


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    rule: str
    summary: str  # what the finding said when it was accepted, for the reviewer
    claims: tuple[str, ...]  # "article#claim" of its evidence


@dataclass(frozen=True, slots=True)
class Baseline:
    path: str
    entries: dict[str, Entry]


def entry(finding: Finding) -> Entry:
    claims = tuple(sorted(f"{c.article.id}#{c.id}" for c in finding.claims))
    return Entry(finding.fingerprint, finding.rule.code, finding.message, claims)


def document(findings: Iterable[Finding]) -> dict:
    entries = sorted({entry(f) for f in findings}, key=lambda e: (e.rule, e.claims, e.fingerprint))
    return {
        "version": VERSION,
        "tool": "factcheck",
        "findings": [
            {
                "fingerprint": e.fingerprint,
                "rule": e.rule,
                "summary": e.summary,
                "claims": list(e.claims),
            }
            for e in entries
        ],
    }


def write(path: Path, findings: Iterable[Finding]) -> None:
    """Write the baseline atomically: a temporary file beside it, then a rename over it."""
    text = json.dumps(document(findings), indent=2, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read(path: Path) -> Baseline:
    """Read a baseline; anything but a well-formed one is bad input, never an empty baseline."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([Problem(name, 1, "the baseline file does not exist", _HINT)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "it is not UTF-8 text"
        raise InputError([Problem(name, 1, f"cannot read the baseline: {reason}", _HINT)]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"the baseline is not valid JSON: {exc.msg}"
        raise InputError([Problem(name, exc.lineno, message, _HINT)]) from None
    problems: list[Problem] = []
    entries = _entries(data, name, problems)
    if problems:
        raise InputError(problems)
    return Baseline(name, entries)


def _entries(data: object, name: str, problems: list[Problem]) -> dict[str, Entry]:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        found = data.get("version") if isinstance(data, dict) else None
        problems.append(
            Problem(
                name,
                1,
                f"not a factcheck baseline of version {VERSION} (version: {found!r})",
                _HINT,
            )
        )
        return {}
    items = data.get("findings")
    if not isinstance(items, list):
        problems.append(Problem(name, 1, "the baseline has no list of findings", _HINT))
        return {}
    entries = {}
    for number, item in enumerate(items, start=1):
        try:
            fingerprint = item["fingerprint"]
            found = Entry(
                fingerprint, item["rule"], item.get("summary", ""), tuple(item.get("claims", ()))
            )
            if not isinstance(fingerprint, str) or not fingerprint:
                raise TypeError
        except (TypeError, KeyError):
            problems.append(
                Problem(
                    name, 1, f"finding {number} of the baseline lacks a fingerprint or rule", _HINT
                )
            )
            continue
        entries[fingerprint] = found
    return entries
