"""JSON report v1: a contract for other tools (see the README for its fields)."""

from __future__ import annotations

import json
from typing import TextIO

from factcheck.check import Report
from factcheck.findings import Finding, normalised
from factcheck.model import Claim

VERSION = 1


def claim_json(claim: Claim, report: Report) -> dict:
    subject, obj = report.parties.get((claim.article.id, claim.id), (claim.subject, claim.object))
    return {
        "article": claim.article.id,
        "claim": claim.id,
        "published": normalised(claim.article.published),
        "subject": subject,
        "predicate": claim.predicate,
        "object": obj,
        "value": normalised(claim.value),
        "as_of": normalised(claim.as_of),
        "quote": claim.quote,
        "file": claim.location.path,
        "line": claim.location.line,
    }


def finding_json(finding: Finding, report: Report) -> dict:
    return {
        "fingerprint": finding.fingerprint,
        "rule": finding.rule.code,
        "name": finding.rule.name,
        "severity": finding.severity,
        "subject": finding.subject,
        "article": finding.article,
        "message": finding.message,
        "explanation": list(finding.steps),
        "claims": [claim_json(c, report) for c in finding.claims],
    }


def document(report: Report) -> dict:
    corpus = report.corpus
    return {
        "version": VERSION,
        "summary": {
            "articles": len(corpus.articles),
            "claims": len(corpus.claims),
            "entities": len(corpus.entities),
            "findings": len(report.findings),
            "errors": report.count("error"),
            "warnings": report.count("warning"),
        },
        "findings": [finding_json(f, report) for f in report.findings],
    }


def render(report: Report, out: TextIO) -> None:
    json.dump(document(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
