"""SARIF 2.1.0, as GitHub code scanning reads it: one run, every rule, one result a finding.

A result points at its first evidence claim; the other claims are related locations. Paths are
relative to the repository's root (``%SRCROOT%``), so that code scanning can place them. A
finding's fingerprint is its ``partialFingerprints`` entry: code scanning tracks it across runs.

Message text from claim files stays as written, except that ``\\``, ``[`` and ``]`` are escaped
with a backslash: in a SARIF plain text message, ``[text](target)`` is an embedded link, and a
claim file must not be able to add links to an alert. Consumers (GitHub, the SARIF viewers) take
the backslashes out again, so the text reads as written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from factcheck import __version__
from factcheck.findings import Evidence, Finding
from factcheck.jsontext import dumps
from factcheck.model import Location
from factcheck.report.text import verdict
from factcheck.results import Report
from factcheck.rulepages import page
from factcheck.vocabulary import Rule, active

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "factcheckFingerprint/v1"
SRCROOT = "%SRCROOT%"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def first_location(finding: Finding) -> Location:
    """Where a finding is shown: for one about an article as a whole, the article's
    ``[article]`` table (its evidence may start in another article); else its first claim."""
    if finding.where is not None:
        return finding.where
    if finding.evidence:
        return finding.evidence[0].claim.location
    raise ValueError(f"finding {finding.fingerprint} has neither claims nor a known article")


def escape_message(text: str) -> str:
    """A plain text SARIF message that reads as ``text``: no embedded links (SARIF 3.11.6)."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _artifact(relative: str) -> dict[str, str]:
    if Path(relative).is_absolute():  # outside the repository: only an absolute URI finds it
        return {"uri": Path(relative).as_uri()}
    # A URI names the file's bytes: a name that is not UTF-8 is percent-encoded as it is.
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": SRCROOT}


def location(relative: str, line: int | None, message: str | None = None) -> dict[str, Any]:
    """A location in a file named relative to the repository's root (``line`` None: the whole
    file)."""
    physical: dict[str, Any] = {"artifactLocation": _artifact(relative)}
    if line is not None:
        physical["region"] = {"startLine": line}
    described: dict[str, Any] = {"physicalLocation": physical}
    if message is not None:
        described["message"] = {"text": escape_message(message)}
    return described


def _location(report: Report, where: Location, message: str | None = None) -> dict[str, Any]:
    return location(report.relative(where.path), where.line, message)


def _said(evidence: Evidence) -> str:
    return f"{evidence.claim.ref}: {evidence.implies}"


def _first_sentence(doc: str) -> str:
    end = doc.find(". ")
    return doc if end < 0 else doc[: end + 1]


def _rule(rule: Rule, repository: str | None) -> dict[str, Any]:
    described = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _first_sentence(rule.doc)},
        "fullDescription": {"text": rule.doc},
        # The rule's whole page, examples included: code scanning shows it beside the alert,
        # with no link to follow (and for a desk's own rules, which have no page online).
        "help": {"text": rule.doc, "markdown": page(rule, active())},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }
    if repository is not None:
        described["helpUri"] = f"{repository}/blob/HEAD/docs/rules/{rule.code}.md"
    return described


def repository_url() -> str | None:
    """The project's repository, as its metadata names it (``[project.urls] Repository``):
    where the rules' pages are. None when it names none."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("factcheck").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("repository", "source") and url.strip().startswith("https://"):
            return url.strip().rstrip("/")
    return None


def _result(report: Report, finding: Finding) -> dict[str, Any]:
    message = "\n".join(filter(None, (finding.message, verdict(finding))))
    result: dict[str, Any] = {
        "ruleId": finding.rule.code,
        "ruleIndex": [rule.code for rule in active().rules].index(finding.rule.code),
        "level": LEVELS[finding.severity],
        "message": {"text": escape_message(message)},
    }
    evidence = finding.evidence
    related = list(evidence)
    if finding.where is None and evidence:  # a contradiction: at its first claim
        first, *related = evidence
        result["locations"] = [_location(report, first.claim.location, _said(first))]
    else:  # about an article: at its [article] table, its evidence related
        result["locations"] = [_location(report, first_location(finding))]
    if related:
        result["relatedLocations"] = [
            {"id": number, **_location(report, e.claim.location, _said(e))}
            for number, e in enumerate(related, start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT: finding.fingerprint}
    new = report.is_new(finding)
    if new is not None:
        # Baseline entries that no longer occur are left out, not reported "absent": such a
        # result has no location to show, and code scanning closes an alert that is gone itself.
        result["baselineState"] = "new" if new else "unchanged"
        if not new and report.baseline is not None:  # accepted: code scanning shows it closed
            justification = f"accepted in {report.baseline.path}"
            result["suppressions"] = [{"kind": "external", "justification": justification}]
    return result


def root_uri(root: Path) -> str:
    uri = root.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def document(report: Report) -> dict[str, Any]:
    repository = repository_url()
    driver = {
        "name": "factcheck",
        "version": __version__,
        "rules": [_rule(rule, repository) for rule in active().rules],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": root_uri(report.root)}},
        "results": [_result(report, f) for f in report.findings],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, out: TextIO) -> None:
    # ASCII only: the document survives a console of any encoding byte for byte.
    out.write(dumps(document(report), ascii=True))
