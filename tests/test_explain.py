"""factcheck explain: each constraint of a finding's proof, its claim, and the arithmetic."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BUNDLED_CLAIMS
from factcheck.rulepages import EXAMPLES

FIXTURES = EXAMPLES


def _fingerprint(cli, root: Path, rule: str, claim: str) -> str:
    report = json.loads(cli("run", str(root), "--format", "json").stdout)
    return next(
        f["fingerprint"]
        for f in report["findings"]
        if f["rule"] == rule and claim in {f"{c['article']}#{c['claim']}" for c in f["claims"]}
    )


def test_explain_a_seed_contradiction_step_by_step(cli) -> None:
    fingerprint = _fingerprint(cli, BUNDLED_CLAIMS, "FC101", "bild-2021-09-17#aleph-age")
    result = cli("explain", fingerprint[:6], str(BUNDLED_CLAIMS))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "1. Aleph's birth is on or before 2011-06-14" in out
    assert "2. Aleph's birth is on or after 2013-09-18" in out
    assert "“Son Aleph is seven”" in out and "bild-2021-09-17.toml:20" in out
    assert "no day is both, by 827 days." in out


def test_explain_a_domain_rule_proof_carries_the_bound_along(cli) -> None:
    root = FIXTURES / "FC201" / "contradicting" / "claims"
    fingerprint = _fingerprint(cli, root, "FC201", "a#met")
    document = json.loads(cli("explain", fingerprint, str(root), "--format", "json").stdout)
    proof = document["proof"]
    assert [step["claim"] for step in proof] == ["b#married", None, "a#met"]
    assert proof[1]["rule"] == "FC201"
    assert proof[1]["follows"].endswith("is on or before 2012-12-31")
    assert document["conclusion"].endswith("no day is both, by 1 day")


def test_explain_an_article_date_lists_what_pins_it(cli) -> None:
    report = json.loads(cli("run", str(BUNDLED_CLAIMS), "--format", "json").stdout)
    misdated = next(f for f in report["findings"] if f["rule"] == "FC302")
    document = json.loads(
        cli("explain", misdated["fingerprint"], str(BUNDLED_CLAIMS), "-f", "json").stdout
    )
    claims = {step["claim"] for step in document["proof"]}
    assert "bild-2021-09-17#amalia-age" in claims
    assert document["conclusion"] == (
        "together they allow publication between 2018-08-22 and 2019-02-21, and the article's "
        "stated date is not among those days"
    )


def test_unknown_or_too_short_fingerprints_are_bad_input(cli) -> None:
    unknown = cli("explain", "ffffffff", str(BUNDLED_CLAIMS))
    assert unknown.exit_code == 2
    assert "no finding has the fingerprint 'ffffffff'" in unknown.stderr
    short = cli("explain", "17", str(BUNDLED_CLAIMS))
    assert short.exit_code == 2
    assert "'17' is too short to name a finding" in short.stderr


def test_explain_a_contradiction_only_calendar_arithmetic_finds(cli) -> None:
    root = FIXTURES / "FC101" / "contradicting-leap-year" / "claims"
    fingerprint = _fingerprint(cli, root, "FC101", "a#after")
    document = json.loads(cli("explain", fingerprint, str(root), "--format", "json").stdout)
    assert {step["claim"] for step in document["proof"]} == {"a#aleph-born", "a#married", "a#after"}
    assert document["conclusion"].endswith(
        "on or after 2009-01-01 and on or before 2008-12-31: no day is both, by 1 day"
    )
