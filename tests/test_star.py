"""Closed-form dating (#15): where an article's dating problem is a star, its window in closed
form is the solver's, to the day and to the claims cited; elsewhere the solver answers."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import star
from factcheck.check import check
from factcheck.config import Settings
from factcheck.constraints import Constraints, Gap, Source
from factcheck.dates import DayInterval, Span, span_day_bounds
from factcheck.engine import solve
from factcheck.report import json_format
from factcheck.values import Point

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import dense
import generate

REPO = Path(__file__).resolve().parent.parent
PUBLISHED = Point("published", ("a",))
BASE = 740_000  # a day in 2026: bounds fall near it, so that they tie and cross


# Days a few years apart or a day apart, so that ends of windows tie and cross; 29 February.
_OFFSETS = st.integers(-30, 3).map(lambda y: 365 * y) | st.integers(-12_000, 2_000)
_OFFSETS = _OFFSETS | st.sampled_from([-1, 0, 1, 365, 366, 1461, -1461, -2557])


def _source(number: int) -> Source:
    return Source(f"claim {number:03}", key=("a", f"c{number:03}"))


@st.composite
def stars(draw: st.DrawFn) -> Constraints:
    """An article's dating problem: events bounded by the corpus (at times not at all, at
    times so as to contradict), each tied to the publication by spans of years (an age) or by
    an order (on or before), and at times a link between two events (then it is no star)."""
    local = Constraints()
    local.points.add(PUBLISHED)
    numbers = iter(range(1000))
    events = [Point(draw(st.sampled_from(["born", "died"])), (f"p{i}",)) for i in range(5)]
    for event in draw(st.lists(st.sampled_from(events), min_size=1, max_size=6)):
        local.points.add(event)
        for upper in draw(st.lists(st.booleans(), max_size=3)):
            day = BASE + draw(_OFFSETS)
            local.add_interval(
                event,
                DayInterval(None, day) if upper else DayInterval(day, None),
                _source(next(numbers)),
            )
        tie = draw(st.sampled_from(["span", "span", "before", "after"]))
        source = _source(next(numbers))
        if tie == "span":
            years = draw(st.integers(0, 30))
            span = Span(12 * years, 12 * years + 12)
            lo, hi = span_day_bounds(span)
            local.add_order(event, PUBLISHED, lo, hi, source)
            local.gaps.append(Gap(event, PUBLISHED, span, source))
        elif tie == "before":
            local.add_order(PUBLISHED, event, 0, None, source)
        else:
            local.add_order(event, PUBLISHED, 0, None, source)
    if draw(st.integers(0, 9)) == 0 and len(local.points) > 2:
        earlier, later = sorted(local.points - {PUBLISHED})[:2]
        local.add_order(earlier, later, 0, None, _source(next(numbers)))
    return local


def _solved(local: Constraints):
    solution = solve(local, [PUBLISHED])
    return solution.conflicts, solution.windows[PUBLISHED]


@settings(max_examples=500, deadline=None)
@given(stars())
def test_the_closed_form_is_the_solvers_answer_where_it_gives_one(local: Constraints) -> None:
    found = star.window(local, PUBLISHED)
    if found is not None:
        assert _solved(local) == ([], found)


def test_the_closed_form_answers_most_stars_and_declines_the_rest() -> None:
    answered = []

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(stars())
    def count(local: Constraints) -> None:
        answered.append(star.window(local, PUBLISHED) is not None)

    count()
    assert 0.3 < sum(answered) / len(answered) < 1  # neither idle nor blind to contradictions


def _report(paths: list[Path]) -> str:
    out = io.StringIO()
    json_format.render(check(paths, Settings(cache=False, jobs=1)), out)
    return out.getvalue()


@pytest.mark.parametrize("corpus", ["bundled", "generated", "undated ages"])
def test_reports_are_the_same_with_and_without_it(corpus: str, tmp_path, monkeypatch) -> None:
    if corpus == "bundled":
        paths = [REPO / "claims"]
    elif corpus == "generated":
        generate.write(tmp_path, 3000, 7, 10)
        paths = [tmp_path / "claims"]
    else:
        paths = [dense.write(tmp_path, "ages", 400)]
    monkeypatch.chdir(tmp_path)
    fast = _report(paths)
    monkeypatch.setattr(star, "window", lambda local, point: None)
    assert _report(paths) == fast
