"""Baselines: the findings a desk has reviewed and accepted, so that only new ones fail a run.

A baseline is a JSON file keyed by fingerprint (see :mod:`factcheck.findings`), sorted so that
its git diff reads well, and written atomically: a failed write never leaves half a file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.files import write_atomically
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
    """Write the baseline atomically (see :mod:`factcheck.files`); a path that cannot be written
    is bad input."""
    text = json.dumps(document(findings), indent=2, ensure_ascii=False) + "\n"
    write_atomically(path, text, what="the baseline", hint="give a file path with --output")


def read(path: Path) -> Baseline:
    """Read a baseline; anything but a well-formed one is bad input, never an empty baseline."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
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
    except RecursionError:
        message = "the baseline is not a factcheck baseline (nested too deeply)"
        raise InputError([Problem(name, 1, message, _HINT)]) from None
    problems: list[Problem] = []
    entries = _entries(data, name, problems)
    if problems:
        raise InputError(problems)
    return Baseline(name, entries)


def _entries(data: object, name: str, problems: list[Problem]) -> dict[str, Entry]:
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(data, dict) or type(version) is not int or version != VERSION:
        message = f"not a factcheck baseline of version {VERSION} (version: {version!r})"
        problems.append(Problem(name, 1, message, _HINT))
        return {}
    items = data.get("findings")
    if not isinstance(items, list):
        problems.append(Problem(name, 1, "the baseline has no list of findings", _HINT))
        return {}
    entries: dict[str, Entry] = {}
    for number, item in enumerate(items, start=1):
        found = _entry(item)
        if found is None:
            message = (
                f"finding {number} of the baseline lacks a fingerprint or rule, or is malformed"
            )
            problems.append(Problem(name, 1, message, _HINT))
        elif found.fingerprint in entries:
            message = f"finding {number} of the baseline repeats fingerprint {found.fingerprint}"
            problems.append(Problem(name, 1, message, _HINT))
        else:
            entries[found.fingerprint] = found
    return entries


def _entry(item: object) -> Entry | None:
    if not isinstance(item, dict):
        return None
    fingerprint, rule = item.get("fingerprint"), item.get("rule")
    summary, claims = item.get("summary", ""), item.get("claims", [])
    texts = (fingerprint, rule, summary)
    if not all(isinstance(t, str) for t in texts) or not fingerprint or not rule:
        return None
    if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
        return None
    return Entry(fingerprint, rule, summary, tuple(claims))
