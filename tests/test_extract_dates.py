"""extract's date normaliser: numeric dates in the page's order, dates relative to the
publication day, typos; and what it leaves out rather than guess."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafting import cast_of, drafted, facts
from factcheck.dates import DayInterval, day, parse_date
from factcheck.extract.cast import Cast
from factcheck.extract.datephrases import Dates

ENTITIES = '[[entities]]\nname = "Jane Roe"\naliases = ["Roe"]\n\n'
ENTITIES += '[[entities]]\nname = "John Doe"\naliases = ["Doe"]\n'


@pytest.fixture(scope="module")
def cast(tmp_path_factory) -> Cast:
    return cast_of(tmp_path_factory.mktemp("dates"), ENTITIES)


def on(published: str) -> DayInterval:
    return parse_date(published)


@pytest.mark.parametrize(
    ("page", "written", "value"),
    [
        ("", "6/14/2011", "2011-06-14"),  # the 14th month does not exist: month first
        ("", "14/06/2011", "2011-06-14"),
        ("", "14.06.2011", "2011-06-14"),
        ("It opened 13/02/2019.", "03/04/2019", "2019-04-03"),  # the page writes day first
        ("It opened 2/13/2019.", "03/04/2019", "2019-03-04"),  # the page writes month first
        ("", "4/4/2019", "2019-04-04"),  # either way round, the same day
        ("", "6/14/11", "2011-06-14"),
        ("", "December 8. 1955", "December 8, 1955"),  # a typo for the comma
        ("", "June 2011", "June 2011"),
    ],
)
def test_written_dates(page: str, written: str, value: str) -> None:
    assert Dates(page + " " + written, on("2023-06-07")).value(written) == value


def test_an_ambiguous_numeric_date_is_left_out_and_noted() -> None:
    dates = Dates("They wed 03/04/2019.", on("2023-06-07"))
    assert dates.value("03/04/2019") is None
    assert dates.ambiguous == ["03/04/2019"]
    # A page that writes both orders says nothing about this one either.
    assert Dates("13/02/2019 and 2/13/2019", None).value("03/04/2019") is None


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("yesterday", "2023-06-06"),
        ("Friday", "2023-06-02"),  # the article is from a Wednesday
        ("last Friday", "2023-06-02"),
        ("Wednesday", "2023-06-07"),  # that same day
        ("last week", "2023"),  # May 29 to June 4: across two months, so the year
        ("last month", "2023-05"),
        ("last year", "2022"),
        ("earlier this month", "2023-06"),
        ("this year", "2023"),
        ("three years ago", "2020"),
        ("two weeks ago", "2023-05"),
        ("June 4", "2023-06-04"),  # a day and month without the year: the last one so far
        ("4 June", "2023-06-04"),
        ("June 9", "2022-06-09"),
        ("Jan. 23", "2023-01-23"),
        ("September", "2022-09"),  # "in September": the last September so far
        ("June", "2023-06"),
    ],
)
def test_relative_dates_against_the_publication_day(written: str, value: str) -> None:
    assert Dates("", on("2023-06-07")).value(written) == value


@pytest.mark.parametrize("published", [None, "2023-06", "2023"])
def test_relative_dates_need_a_publication_day(published: str | None) -> None:
    dates = Dates("", on(published) if published else None)
    assert dates.value("last week") is None and dates.value("yesterday") is None


@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(
        ["yesterday", "Monday", "last Sunday", "last week", "last month", "earlier this year"]
    ),
)
def test_a_relative_date_is_never_after_the_publication_day(
    published: dt.date, written: str
) -> None:
    value = Dates("", DayInterval(day(published), day(published))).value(written)
    if value is None:  # only a week across two years has no value the format can write
        monday = published - dt.timedelta(days=published.weekday() + 7)
        assert written == "last week"
        assert monday.year != (monday + dt.timedelta(days=6)).year
        return
    assert parse_date(value).lo <= day(published)


def test_relative_and_numeric_dates_in_claims(cast: Cast) -> None:
    said = facts(drafted("Roe and Doe got married last Friday.", cast, "2023-06-07"))
    assert ("Jane Roe", "married", "John Doe", "2023-06-02") in said
    said = facts(drafted("Roe and Doe wed on 14/06/2011.", cast))
    assert ("Jane Roe", "married", "John Doe", "2011-06-14") in said
    # An undated article cannot place "last Friday": no claim, and the sentence is listed.
    assert drafted("Roe and Doe got married last Friday.", cast, None) == []


def test_an_ambiguous_date_is_listed_with_the_reason(cli, tmp_path) -> None:
    (tmp_path / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("date 2023-06-07\n\nRoe and Doe wed on 03/04/2019.\n", encoding="utf-8")
    result = cli("extract", str(article), "--entities", str(tmp_path / "entities.toml"))
    assert result.exit_code == 0
    assert (
        "# not drafted (line 3, 03/04/2019: the day and month could be either way round): "
        '"Roe and Doe wed on 03/04/2019."'
    ) in result.stdout
