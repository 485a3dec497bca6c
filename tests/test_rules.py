"""Every rule's fixture corpora: a consistent case and a contradicting case, with the findings
expected of each in ``expected.toml`` beside its ``claims/`` folder (each with its rule and
claims, and optionally what its message contains and which claim is likely wrong). New cases are
discovered."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.vocabulary import BUILTIN

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASES = sorted(p for p in FIXTURES.glob("*/*") if (p / "expected.toml").is_file())


def _refs(finding) -> list[str]:
    return sorted(f"{c.article.id}#{c.id}" for c in finding.claims)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}-{p.name}")
def test_fixture_findings(case: Path) -> None:
    expected = tomllib.loads((case / "expected.toml").read_text(encoding="utf-8"))
    report = check([case / "claims"])
    got = sorted((f.rule.code, _refs(f)) for f in report.findings)
    want = sorted((e["rule"], sorted(e["claims"])) for e in expected.get("findings", []))
    assert got == want
    for entry in expected.get("findings", []):
        finding = next(
            f
            for f in report.findings
            if f.rule.code == entry["rule"] and _refs(f) == sorted(entry["claims"])
        )
        if "message_contains" in entry:
            assert entry["message_contains"] in finding.message
        if "likely_wrong" in entry:  # a claim's ref, or "" where factcheck cannot tell
            blame = finding.likely_wrong
            assert blame is not None
            assert (blame.claim.ref if blame.claim else "") == entry["likely_wrong"]


def test_every_rule_has_a_consistent_and_a_contradicting_case() -> None:
    for rule in BUILTIN.rules:
        names = {p.name for p in CASES if p.parent.name == rule.code}
        assert "consistent" in names, rule.code
        assert any(n.startswith("contradicting") for n in names), rule.code


def test_rule_codes_are_unique_and_documented() -> None:
    assert len(BUILTIN.rules_by_code) == len(BUILTIN.rules)
    for rule in BUILTIN.rules:
        assert rule.code.startswith("FC") and rule.name and len(rule.doc) > 30
