"""GitHub Actions workflow commands: an annotation a finding, at its first claim's line.

Text is escaped as ``@actions/core`` escapes it, so that the runner reads each command back to
the text as written and no text from a claim file can end a command line or start another one;
control characters (terminal escapes) are first shown escaped, so that none reaches the log.
With a baseline, only new findings are annotated (known ones are accepted) and one plain line
sums up the run as the text report does.
"""

from __future__ import annotations

from typing import TextIO

from factcheck.findings import Finding
from factcheck.report.sarif import first_location
from factcheck.report.text import summary, verdict
from factcheck.results import Report
from factcheck.textsafe import inert, not_a_command

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message, as ``escapeData`` of ``@actions/core`` writes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value, as ``escapeProperty`` of ``@actions/core`` writes it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(report: Report, finding: Finding) -> str:
    where = first_location(finding)
    properties = {
        "file": report.relative(where.path),
        "line": str(where.line),
        "title": f"{finding.rule.code} {finding.rule.name}",
    }
    # Every value inert, the file's too: a file name is as much the repository's text as a
    # quote is. Only a name with a control or bidi character changes, which the annotation then
    # does not find; the log is never acted on.
    shown = {k: inert(v) for k, v in properties.items()}
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in shown.items())
    # Two lines: the finding, then its verdict; each made inert on its own, so that the line
    # break between them is ours and no text from a claim file can make one.
    message = "\n".join(inert(part) for part in (finding.message, verdict(finding)) if part)
    return f"::{COMMANDS[finding.severity]} {listed}::{escape_data(message)}"


def render(report: Report, out: TextIO) -> None:
    for finding in report.new:  # every finding when no baseline is used
        out.write(command(report, finding) + "\n")
    if report.baseline is not None:
        out.write(not_a_command(f"factcheck: {summary(report)}") + "\n")
        if report.fixed:
            out.write(not_a_command(f"factcheck: prune the fixed: {report.prune_command()}") + "\n")
