"""The HTML report in a real browser, headless Chromium: the DOM after the page's script ran holds
every finding and every person's timeline, the filters hide and show findings, a screenshot is
not blank, and hostile text stays text. Skipped where Chromium is missing, but for CI, where
``.ci/run`` installs it and requires it (see :mod:`browser`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import browser
from conftest import BUNDLED_CLAIMS
from test_html import HOSTILE_CLAIMS, Page


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    from typer.testing import CliRunner

    from factcheck.cli import app

    folder = tmp_path_factory.mktemp("browser")
    out = folder / "report.html"
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(BUNDLED_CLAIMS), "-f", "html", "-o", str(out)]).exit_code
    findings = runner.invoke(app, ["run", str(BUNDLED_CLAIMS), "-f", "json"]).stdout
    return out, json.loads(findings)


def _about(finding: dict, person: str) -> bool:
    """Whether a finding about people (not about an article as a whole) names ``person``."""
    named = {c[role] for c in finding["claims"] for role in ("subject", "object")}
    return finding["article"] is None and person in named


def _shown(page: Page) -> dict[str, bool]:
    """Each finding's fingerprint, and whether the page shows it."""
    return {
        str(a["id"]).removeprefix("finding-"): "hidden" not in a
        for a in page.all("article")
        if a.get("class", "").startswith("finding")
    }


def test_after_its_script_ran_the_page_holds_every_finding_and_timeline(report) -> None:
    out, findings = report
    page = Page(browser.dom(out))
    html = page.all("html")[0]
    assert html.get("data-ready") == "1", "the page's script ran to its end"
    fingerprints = {f["fingerprint"] for f in findings["findings"]}
    assert _shown(page) == dict.fromkeys(fingerprints, True)
    people = {
        p for f in findings["findings"] for c in f["claims"] for p in (c["subject"], c["object"])
    }
    figures = {a.get("data-person") for a in page.all("figure")} - {None}
    assert figures == people - {None}
    assert len(page.all("svg")) >= len(people) + 1  # and the articles' dates
    assert "hidden" not in page.all("form")[0], "the filters show once the script runs"
    assert f"Showing {len(fingerprints)} of {len(fingerprints)} findings" in " ".join(page.text)


@pytest.mark.parametrize(
    ("fragment", "rule", "shown"),
    [
        ("#severity=warning", lambda f: f["severity"] == "warning", 2),
        # Findings about articles as a whole are about no person.
        ("#person=Aleph", lambda f: f["subject"] == "Aleph" and f["article"] is None, 1),
        ("#rule=FC302&severity=warning", lambda f: f["rule"] == "FC302", 1),
        # A couple's finding is about each of them.
        ("#person=Benjamin%20Millepied", lambda f: _about(f, "Benjamin Millepied"), 1),
        ("#person=Natalie%20Portman", lambda f: _about(f, "Natalie Portman"), 2),
        ("#severity=nonsense", lambda f: True, 6),  # an unknown value filters nothing
    ],
)
def test_the_filters_hide_and_show_findings(report, fragment, rule, shown) -> None:
    out, findings = report
    page = Page(browser.dom(out, fragment))
    expected = {f["fingerprint"]: bool(rule(f)) for f in findings["findings"]}
    assert _shown(page) == expected and sum(expected.values()) == shown
    assert page.all("html")[0].get("data-shown") == str(shown)


def test_a_screenshot_of_the_report_is_not_blank(report, tmp_path: Path) -> None:
    out, _ = report
    rows = browser.pixels(browser.screenshot(out, tmp_path / "shot.png", 800, 600))
    assert len(rows) == 600
    sample = [row[i : i + 3] for row in rows[::3] for i in range(0, len(row), 9)]
    inked = sum(1 for pixel in sample if max(pixel) < 200)
    assert len(set(sample)) > 20, "text and drawings in several colours"
    assert inked / len(sample) > 0.02, "dark text on the page"


def test_hostile_text_is_text_in_the_browser_too(cli, corpus, tmp_path: Path) -> None:
    claims = corpus(HOSTILE_CLAIMS, entities=None)
    out = tmp_path / "hostile.html"
    assert cli("run", str(claims), "-f", "html", "-o", str(out)).exit_code == 1
    page = Page(browser.dom(out))
    assert len(page.all("script")) == 1 and page.all("img") == []
    assert page.all("html")[0].get("data-ready") == "1"
    assert "<script>alert(1)</script>" in " ".join(page.text)


def test_only_new_findings_with_a_baseline(cli, tmp_path: Path, monkeypatch) -> None:
    from conftest import REPO

    monkeypatch.chdir(REPO)
    out = tmp_path / "report.html"
    cli("run", "-f", "html", "-o", str(out), "--baseline", ".factcheck-baseline.json")
    page = Page(browser.dom(out, "#new=1"))  # the committed baseline knows every finding
    assert page.all("html")[0].get("data-shown") == "0"
    assert set(_shown(page).values()) == {False}


COUPLE = {
    "entities.toml": '[[entities]]\nname = "Yan"\n\n[[entities]]\nname = "Zed"\n',
    "a.toml": """\
    [article]
    id = "a"
    published = 2016-01-01

    [[claims]]
    id = "met"
    subject = "Yan"
    predicate = "met"
    object = "Zed"
    value = "2010"

    [[claims]]
    id = "died"
    subject = "Zed"
    predicate = "died"
    value = 2015-05-05
    """,
    "b.toml": """\
    [article]
    id = "b"
    published = 2020-01-01

    [[claims]]
    id = "met"
    subject = "Yan"
    predicate = "met"
    object = "Zed"
    value = "2012"

    [[claims]]
    id = "age"
    subject = "Zed"
    predicate = "age"
    value = 50
    """,
}


def test_a_timeline_shows_whenever_a_finding_about_its_person_does(cli, corpus, tmp_path) -> None:
    """Zed's timeline is drawn once, with the couple's finding; filtered to Zed's own finding
    (age after death), the timeline still shows, the couple's finding does not."""
    out = tmp_path / "report.html"
    assert cli("run", str(corpus(COUPLE, entities=None)), "-f", "html", "-o", str(out)).exit_code
    page = Page(browser.dom(out, "#rule=FC209"))
    figures = {
        a["data-person"]: "hidden" not in a for a in page.all("figure") if "data-person" in a
    }
    assert figures == {"Yan": False, "Zed": True}
    (couple,) = [a for a in page.all("section") if a.get("id") == "group-1"]
    assert "hidden" not in couple, "the couple's group shows, for Zed's timeline in it"
    shown = [a["data-rule"] for a in page.all("article") if "hidden" not in a]
    assert shown == ["FC209"]
