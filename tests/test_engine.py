"""The engine against a hidden truth: claims that a real calendar satisfies are never flagged,
an undated article's window always holds its real date, and a planted contradiction is found."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.check import check
from factcheck.constraints import Constraints, Source
from factcheck.engine import solve
from factcheck.values import Point

ENTITIES = """\
[[entities]]
name = "Ann"
aliases = []

[[entities]]
name = "Bob"
aliases = []

[[entities]]
name = "Cy"
aliases = []
"""

days = st.integers(min_value=0, max_value=365 * 40)


def _date(value: dt.date, precision: str) -> str:
    if precision == "year":
        return f'"{value.year}"'
    if precision == "month":
        return f'"{value:%B %Y}"'
    return value.isoformat()


def _age(born: dt.date, on: dt.date) -> int:
    return relativedelta(on, born).years


@st.composite
def truths(draw):
    ann = dt.date(1950, 1, 1) + dt.timedelta(days=draw(days))
    bob = dt.date(1950, 1, 1) + dt.timedelta(days=draw(days))
    met = max(ann, bob) + dt.timedelta(days=draw(st.integers(365 * 16, 365 * 30)))
    married = met + dt.timedelta(days=draw(st.integers(0, 365 * 5)))
    cy = met + dt.timedelta(days=draw(st.integers(0, 365 * 8)))
    return {"Ann": ann, "Bob": bob, "Cy": cy, "met": met, "married": married}


@st.composite
def articles(draw, truth):
    start = max(truth.values())
    published = start + dt.timedelta(days=draw(st.integers(0, 365 * 15)))
    precision = st.sampled_from(["day", "month", "year"])
    claims = []
    for person in ("Ann", "Bob", "Cy"):
        if draw(st.booleans()):
            value = _date(truth[person], draw(precision))
            claims.append(("born", person, None, value, None))
        if draw(st.booleans()):
            claims.append(("age", person, None, str(_age(truth[person], published)), None))
        if draw(st.booleans()):  # an age at an earlier, imprecise time
            when = truth[person] + dt.timedelta(days=draw(st.integers(0, 365 * 12)))
            as_of = _date(when, draw(precision))
            claims.append(("age", person, None, str(_age(truth[person], when)), as_of))
    for event in ("met", "married"):
        if draw(st.booleans()):
            value = _date(truth[event], draw(precision))
            claims.append((event, "Ann", "Bob", value, None))
    if draw(st.booleans()):
        years = _age(truth["married"], published)
        claims.append(("married_for", "Bob", "Ann", str(years), None))
    if truth["married"] >= truth["Cy"] and draw(st.booleans()):
        years = _age(truth["Cy"], truth["married"])
        claims.append(("after", "Ann", "Bob", str(years), None))
    dated = draw(st.booleans())
    return published, dated, claims


def _write(root: Path, index: int, published: dt.date, dated: bool, claims: list) -> None:
    lines = ["[article]", f'id = "a{index}"']
    if dated:
        lines.append(f"published = {published.isoformat()}")
    for number, (predicate, subject, obj, value, as_of) in enumerate(claims):
        lines += ["", "[[claims]]", f'id = "c{number}"', f'subject = "{subject}"']
        if predicate == "after":
            lines += ['predicate = "married"', 'after = { predicate = "born", subject = "Cy" }']
        else:
            lines.append(f'predicate = "{predicate}"')
        if obj:
            lines.append(f'object = "{obj}"')
        lines.append(f"value = {value}")
        if as_of:
            lines.append(f"as_of = {as_of}")
    (root / f"a{index}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@st.composite
def corpora(draw):
    truth = draw(truths())
    return truth, draw(st.lists(articles(truth), min_size=1, max_size=5))


def _check(corpus_articles) -> tuple:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "entities.toml").write_text(ENTITIES, encoding="utf-8")
        for index, (published, dated, claims) in enumerate(corpus_articles):
            _write(root, index, published, dated, claims)
        return check([root]), root


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_true_claims_are_never_flagged_and_windows_hold_the_real_date(corpus) -> None:
    _, corpus_articles = corpus
    report, _ = _check(corpus_articles)
    assert [f.message for f in report.findings if f.severity == "error"] == []
    windows = {f.article: f for f in report.findings if f.rule.code == "FC301"}
    for index, (published, dated, _) in enumerate(corpus_articles):
        if dated:
            continue
        message = windows[f"a{index}"].message
        if "between" in message:
            earliest, latest = message.rsplit("between ", 1)[1].split(" and ")
            earliest = "0001-01-01" if earliest == "…" else earliest
            latest = "9999-12-31" if latest == "…" else latest
            assert earliest <= published.isoformat() <= latest, message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.integers(1, 30))
def test_a_planted_wrong_age_is_found(corpus, shift) -> None:
    truth, corpus_articles = corpus
    published = max(truth.values()) + dt.timedelta(days=365)
    true_age = _age(truth["Cy"], published)
    born = ("born", "Cy", None, truth["Cy"].isoformat(), None)
    wrong = ("age", "Cy", None, str(true_age + shift), None)
    planted = [*corpus_articles, (published, True, [born]), (published, True, [wrong])]
    report, _ = _check(planted)
    wrong_ref = (f"a{len(planted) - 1}", "c0")
    flagged = [
        f
        for f in report.findings
        if f.severity == "error" and wrong_ref in {(c.article.id, c.id) for c in f.claims}
    ]
    assert flagged, "the wrong age must be reported"


def test_rules_that_contradict_alone_stop_the_solver_rather_than_loop() -> None:
    """Regression (#14, found by fuzzing): with no claim in a contradiction to retract, the
    solver looped for ever. The vocabulary's checks refuse such rules; should any get past
    them, the run ends as an internal error (exit 3), never a hang."""
    born, deed = Point("born", ("A",)), Point("died", ("A",))
    constraints = Constraints()
    constraints.add_order(born, deed, 10, None, Source("deed at least 10 days after birth"))
    constraints.add_order(deed, born, 10, None, Source("birth at least 10 days after deed"))
    with pytest.raises(RuntimeError, match="rules alone contradict"):
        solve(constraints)
