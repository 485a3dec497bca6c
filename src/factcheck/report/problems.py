"""Bad input in the machine formats: the problems of a run that checked nothing (exit 2).

A CI job that fails on bad input shows why where its findings would be shown: with ``github``,
an ``::error`` annotation a problem, at its file and line; with ``sarif``, a valid log whose
results (rule ``bad-input``) and tool execution notifications carry the problems; with ``json``,
a document that a pipe still reads. Problems also go to standard error, one line each, in every
format: that is what a person reads in the job's log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from factcheck import __version__
from factcheck.files import relative_to, repository_root
from factcheck.jsontext import dumps
from factcheck.problems import Problem
from factcheck.report import sarif
from factcheck.report.github import escape_data, escape_property
from factcheck.report.json_format import VERSION
from factcheck.textsafe import inert

BAD_INPUT = {
    "id": "bad-input",
    "name": "bad-input",
    "shortDescription": {"text": "A claim file, the configuration or the baseline is wrong."},
    "fullDescription": {
        "text": "factcheck could not read its input, so nothing was checked. Each result is "
        "one problem, at its file and line, with a hint on how to fix it."
    },
    "defaultConfiguration": {"level": "error"},
}


def _said(problem: Problem) -> str:
    return f"{problem.message} ({problem.hint})" if problem.hint else problem.message


def as_json(problems: list[Problem], out: TextIO) -> None:
    document = {
        "version": VERSION,
        "summary": {"problems": len(problems)},
        "problems": [
            {"file": p.path if p.in_file else None, "line": p.line, "message": p.message}
            | {"hint": p.hint or None}
            for p in problems
        ],
    }
    out.write(dumps(document))


def as_github(problems: list[Problem], out: TextIO) -> None:
    root = repository_root([Path.cwd()])
    for problem in problems:
        properties = {}
        if problem.in_file:
            properties["file"] = relative_to(problem.path, root)
            if problem.line is not None:
                properties["line"] = str(problem.line)
        properties["title"] = "factcheck: bad input"
        listed = ",".join(f"{key}={escape_property(inert(v))}" for key, v in properties.items())
        out.write(f"::error {listed}::{escape_data(inert(_said(problem)))}\n")


def _locations(problem: Problem, root: Path) -> list[dict[str, Any]]:
    if not problem.in_file:
        return []
    return [sarif.location(relative_to(problem.path, root), problem.line)]


def sarif_document(problems: list[Problem], root: Path) -> dict[str, Any]:
    results, notifications = [], []
    for problem in problems:
        message = {"text": sarif.escape_message(inert(_said(problem)))}
        where = _locations(problem, root)
        # Code scanning shows a result only with a location: one on the command line is a
        # notification alone.
        if where:
            results.append(
                {"ruleId": "bad-input", "ruleIndex": 0, "level": "error", "message": message}
                | {"locations": where}
            )
        notifications.append({"level": "error", "message": message} | {"locations": where})
    run = {
        "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": [BAD_INPUT]}},
        "invocations": [
            {
                "executionSuccessful": False,
                "exitCode": 2,
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {sarif.SRCROOT: {"uri": sarif.root_uri(root)}},
        "results": results,
    }
    return {"$schema": sarif.SCHEMA, "version": "2.1.0", "runs": [run]}


def as_sarif(problems: list[Problem], out: TextIO) -> None:
    out.write(dumps(sarif_document(problems, repository_root([Path.cwd()])), ascii=True))


RENDERERS: dict[str, Callable[[list[Problem], TextIO], None]] = {
    "json": as_json,
    "github": as_github,
    "sarif": as_sarif,
}
