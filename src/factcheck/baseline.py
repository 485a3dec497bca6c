"""Baselines: the findings a desk has reviewed and accepted, so that only new ones fail a run.

A baseline is a JSON file keyed by fingerprint (see :mod:`factcheck.findings`), sorted so that
its git diff reads well, and written atomically: a failed write never leaves half a file. Each
entry also keeps the claims it cited, disputed and set against what it disputes, with what each
said, so that a run can tell a contradiction the desk accepted from a new one even where the
verdict moved among accepted claims (a likely wrong claim turned one side of a dispute, or the
other way round).

- A finding is **known** when its fingerprint is accepted, or when every claim of its
  contradiction was in an accepted one, saying the same: the claims it disputes, and for a
  likely wrong claim the claims that agree against it (those the least correction keeping it
  would leave out; which of them its proof happens to cite does not matter). A claim of an
  article added since, that piles onto an accepted dispute, makes it new.
- An accepted finding is **fixed** when no finding has its fingerprint and, for a
  contradiction, none of the claims it cited or disputed is disputed any more with the value it
  had (a claim was corrected or removed). An accepted finding about an article as a whole
  (FC301, FC302) is fixed when the article is no longer reported.

Adding articles never turns an accepted contradiction into a fixed one: the claims it cited
still cannot all hold, so one of them is still disputed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.files import write_atomically
from factcheck.findings import Finding
from factcheck.jsontext import dumps
from factcheck.model import Claim
from factcheck.problems import InputError, Problem

VERSION = 1
DEFAULT_NAME = ".factcheck-baseline.json"
_HINT = "write it again with: factcheck baseline"


Token = tuple[str, str]  # a claim as "article#claim" and what it says, as JSON


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    rule: str
    summary: str  # what the finding said when it was accepted, for the reviewer
    claims: tuple[str, ...]  # "article#claim" of its evidence
    disputed: tuple[str, ...] = ()  # "article#claim" of what it disputes
    # What each of its claims said ("article#claim" -> what it says, see findings.said). None
    # in entries written before baselines kept it: those are matched by fingerprint alone.
    values: dict[str, object] | None = field(default=None, hash=False, compare=False)
    article: str | None = None  # for a finding about an article as a whole
    against: tuple[str, ...] = ()  # "article#claim" of the claims that agree against it

    def tokens(self, refs: Iterable[str]) -> set[Token]:
        values = self.values or {}
        return {(ref, _json(values[ref])) for ref in refs if ref in values}

    def document(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "summary": self.summary,
            "claims": list(self.claims),
            "disputed": list(self.disputed),
            "against": list(self.against),
            "article": self.article,
            "values": self.values,
        }


@dataclass(frozen=True, slots=True)
class Baseline:
    path: str
    entries: dict[str, Entry]


@dataclass(frozen=True, slots=True)
class Comparison:
    """A run's findings against a baseline."""

    new: frozenset[str]  # the fingerprints of findings the baseline does not know
    fixed: tuple[Entry, ...]  # accepted findings that no longer occur


def tokens(finding: Finding, claims: Iterable[Claim]) -> set[Token]:
    return {(c.ref, _json(finding.said[c.ref])) for c in claims}


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def compare(findings: Iterable[Finding], baseline: Baseline) -> Comparison:
    """Which findings are new and which accepted ones are fixed (see the module's docs)."""
    findings = list(findings)
    entries = baseline.entries
    accepted = set().union(*(e.tokens(_in_contradiction(e)) for e in entries.values()))
    # A notice (a count above the children known, places that cannot be related) disputes
    # nothing: a claim it names is not in contradiction with anything.
    disputed_now = set().union(
        *(tokens(f, f.disputed) for f in findings if f.likely_wrong or f.article is not None)
    )
    new = frozenset(
        f.fingerprint
        for f in findings
        if f.fingerprint not in entries
        and f.legacy not in entries
        and not (f.disputed and tokens(f, (*f.disputed, *f.against)) <= accepted)
    )
    current = {f.fingerprint for f in findings} | {f.legacy for f in findings if f.legacy}
    fixed = tuple(
        e
        for e in entries.values()
        if e.fingerprint not in current
        and (
            e.values is None
            or e.article is not None
            or not e.tokens((*e.claims, *e.disputed)) & disputed_now
        )
    )
    return Comparison(new, fixed)


def _in_contradiction(entry: Entry) -> tuple[str, ...]:
    """The claims an accepted finding holds in contradiction: all it cites, disputes and sets
    against what it disputes; but for a finding about an article as a whole, which cites the
    claims that date it, only those it disputes."""
    if entry.article is not None:
        return entry.disputed
    return (*entry.claims, *entry.disputed, *entry.against)


def entry(finding: Finding) -> Entry:
    claims = tuple(sorted(c.ref for c in finding.claims))
    disputed = tuple(sorted(c.ref for c in finding.disputed))
    against = tuple(sorted(c.ref for c in finding.against))
    values = {ref: finding.said[ref] for ref in sorted({*claims, *disputed, *against})}
    return Entry(
        finding.fingerprint,
        finding.rule.code,
        finding.message,
        claims,
        disputed,
        values,
        finding.article,
        against,
    )


def document(entries: Iterable[Entry]) -> dict[str, Any]:
    ordered = sorted(entries, key=lambda e: (e.rule, e.claims, e.fingerprint))
    unique = list({e.fingerprint: e for e in ordered}.values())
    return {"version": VERSION, "tool": "factcheck", "findings": [e.document() for e in unique]}


def write(path: Path, entries: Iterable[Entry]) -> None:
    """Write the baseline atomically (see :mod:`factcheck.files`); a path that cannot be written
    is bad input."""
    text = dumps(document(entries))  # escaped as reports are: its diffs are read in review
    write_atomically(path, text, what="the baseline", hint="give a file path with --output")


def read(path: Path) -> Baseline:
    """Read a baseline; anything but a well-formed one is bad input, never an empty baseline."""
    name = str(path)
    if path.exists() and not path.is_file():  # a FIFO would hang the run, /dev/zero fill memory
        message = "the baseline is not a regular file"
        raise InputError([Problem(name, None, message, "give the path of a baseline file")])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError([Problem(name, None, "the baseline file does not exist", _HINT)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "it is not UTF-8 text"
        raise InputError(
            [Problem(name, None, f"cannot read the baseline: {reason}", _HINT)]
        ) from None
    try:
        data = json.loads(text)
        # JSON that only just loads would exhaust the stack when a run encodes its values again
        deep = _nests_deeper(data, _MAX_DEPTH)
    except json.JSONDecodeError as exc:
        message = f"the baseline is not valid JSON: {exc.msg}"
        raise InputError([Problem(name, exc.lineno, message, _HINT)]) from None
    except RecursionError:
        deep = True
    if deep:
        message = "the baseline is not a factcheck baseline (nested too deeply)"
        raise InputError([Problem(name, None, message, _HINT)])
    problems: list[Problem] = []
    entries = _entries(data, name, problems)
    if problems:
        raise InputError(problems)
    return Baseline(name, entries)


_MAX_DEPTH = 64  # a baseline nests a few levels (findings, values, a range's ends)


def _nests_deeper(data: object, limit: int) -> bool:
    """Whether lists and objects nest in ``data`` more than ``limit`` levels, found level by
    level rather than by recursion."""
    level = [data]
    for _ in range(limit):
        level = [
            child
            for item in level
            if isinstance(item, dict | list)
            for child in (item.values() if isinstance(item, dict) else item)
        ]
        if not level:
            return False
    return any(isinstance(item, dict | list) for item in level)


def _entries(data: object, name: str, problems: list[Problem]) -> dict[str, Entry]:
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(data, dict) or type(version) is not int or version != VERSION:
        message = f"not a factcheck baseline of version {VERSION} (version: {version!r})"
        problems.append(Problem(name, None, message, _HINT))
        return {}
    items = data.get("findings")
    if not isinstance(items, list):
        problems.append(Problem(name, None, "the baseline has no list of findings", _HINT))
        return {}
    entries: dict[str, Entry] = {}
    for number, item in enumerate(items, start=1):
        found = _entry(item)
        if found is None:
            message = (
                f"finding {number} of the baseline lacks a fingerprint or rule, or is malformed"
            )
            problems.append(Problem(name, None, message, _HINT))
        elif found.fingerprint in entries:
            message = f"finding {number} of the baseline repeats fingerprint {found.fingerprint}"
            problems.append(Problem(name, None, message, _HINT))
        else:
            entries[found.fingerprint] = found
    return entries


def _entry(item: object) -> Entry | None:
    if not isinstance(item, dict):
        return None
    fingerprint, rule = item.get("fingerprint"), item.get("rule")
    summary, claims = item.get("summary", ""), item.get("claims", [])
    disputed, values, article = item.get("disputed", []), item.get("values"), item.get("article")
    against = item.get("against", [])
    texts = (fingerprint, rule, summary)
    if not all(isinstance(t, str) for t in texts) or not fingerprint or not rule:
        return None
    if not all(_strings(refs) for refs in (claims, disputed, against)):
        return None
    if values is not None and not (isinstance(values, dict) and _strings(list(values))):
        return None
    if article is not None and not isinstance(article, str):
        return None
    refs = (tuple(claims), tuple(disputed))
    return Entry(fingerprint, rule, summary, *refs, values, article, tuple(against))


def _strings(items: object) -> bool:
    return isinstance(items, list) and all(isinstance(item, str) for item in items)
