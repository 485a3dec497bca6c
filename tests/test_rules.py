"""Every rule's fixture corpora: a consistent case and a contradicting case, with the findings
expected of each in ``expected.toml`` beside its ``claims/`` folder (each with its rule and
claims, and optionally what its message contains and which claim is likely wrong). New cases are
discovered."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.rulepages import EXAMPLES, page, recorded, said, vocabulary_page
from factcheck.vocabulary import BUILTIN

FIXTURES = EXAMPLES
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


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}-{p.name}")
def test_what_each_page_shows_factcheck_says_is_what_it_says(case: Path) -> None:
    assert recorded(case) == said(case / "claims"), (
        f"{case}/says.txt is out of date: python scripts/rule_pages.py"
    )


def test_every_rule_has_a_consistent_and_a_contradicting_case() -> None:
    for rule in BUILTIN.rules:
        names = {p.name for p in CASES if p.parent.name == rule.code}
        assert "consistent" in names, rule.code
        assert any(n.startswith("contradicting") for n in names), rule.code


def test_rule_codes_are_unique_and_documented() -> None:
    assert len(BUILTIN.rules_by_code) == len(BUILTIN.rules)
    for rule in BUILTIN.rules:
        assert rule.code.startswith("FC") and rule.name and len(rule.doc) > 30
        assert len(rule.why) > 30, f"{rule.code}: say why it holds (Rule.why)"


DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


@pytest.mark.parametrize("rule", BUILTIN.rules, ids=lambda r: r.code)
def test_every_rules_page_is_committed_as_generated(rule) -> None:
    committed = DOCS / f"{rule.code}.md"
    assert committed.is_file(), "write it with: python scripts/rule_pages.py"
    assert committed.read_text(encoding="utf-8") == page(rule), (
        "docs/rules is out of date: python scripts/rule_pages.py"
    )


def test_the_vocabularys_page_is_committed_as_generated() -> None:
    committed = DOCS.parent / "vocabulary.md"
    assert committed.read_text(encoding="utf-8") == vocabulary_page(), (
        "docs/vocabulary.md is out of date: python scripts/rule_pages.py"
    )


@pytest.mark.parametrize("predicate", list(BUILTIN.predicates))
def test_every_predicate_has_examples_and_docs(predicate: str) -> None:
    used = [
        path
        for path in EXAMPLES.glob("*/*/claims/*.toml")
        if f'predicate = "{predicate}"' in path.read_text(encoding="utf-8")
    ]
    assert used, f"no example corpus uses {predicate}"
    assert BUILTIN.predicates[predicate].doc
    assert f"| `{predicate}` |" in vocabulary_page()


def test_rules_code_prints_the_page_and_an_unknown_code_is_bad_input(cli) -> None:
    shown = cli("rules", "fc201")
    assert shown.exit_code == 0 and shown.stdout == page(BUILTIN.rules_by_code["FC201"])
    unknown = cli("rules", "FC201x")
    assert unknown.exit_code == 2
    assert "unknown rule 'FC201x' (did you mean 'FC201'?)" in unknown.stderr
