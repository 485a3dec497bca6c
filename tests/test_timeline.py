"""factcheck timeline: a person's events on a year axis, with the claims behind each window."""

from __future__ import annotations

import io
import itertools
import json

import pytest

from conftest import BUNDLED_CLAIMS
from factcheck.check import analyse
from factcheck.problems import InputError
from factcheck.report.timeline_text import render
from factcheck.timeline import timeline

NEWLINE = "\n"


@pytest.fixture(autouse=True)
def _plain_80_columns(monkeypatch) -> None:
    """The layout depends on the width and colour: fix both unless a test says otherwise."""
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def bundled():
    return analyse([BUNDLED_CLAIMS])


def _document(cli, *args: str) -> dict:
    result = cli("timeline", *args, str(BUNDLED_CLAIMS), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _event(document: dict, name: str) -> dict:
    return next(e for e in document["events"] if e["event"] == name)


def _refs(sources: list[dict], disputed: bool) -> set[str]:
    return {f"{s['article']}#{s['claim']}" for s in sources if s["disputed"] is disputed}


def test_aleph_born_on_the_day_people_gives_with_the_2021_age_disputed(cli) -> None:
    result = cli("timeline", "Aleph", str(BUNDLED_CLAIMS))
    assert result.exit_code == 0, result.output
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Aleph"
    assert "born  2011-06-14  5 articles: 1 disputed" in lines
    assert "People 2023-06-07 says Aleph born 2011-06-14" in out
    assert "“son Aleph, on June 14, 2011”" in out and "people-2023-06-07.toml:57" in out
    # The 2021 piece's age: a disputed row of its own, in the chart and in the sources.
    assert "age 7  2021-09-17  bild-2021-09-17  disputed" in lines
    assert "  ✗ bild-2021-09-17  2013-09-18..2014-09-17  disputed" in lines
    assert "✗ disputed: BILD am SONNTAG 2021-09-17 says Aleph is 7 on 2021-09-17" in out
    assert "age 8  2019-10-21  usweekly-2019-10-21" in lines
    assert lines[-1] == (
        "1 event, 6 reported ages and 7 other facts from 5 articles; 1 claim disputed"
    )
    assert "\x1b" not in out, "not a terminal: plain text"
    assert not any(line != line.rstrip() for line in lines), "no trailing spaces"


def test_aleph_json_gives_the_window_sources_and_ages(cli) -> None:
    document = _document(cli, "Aleph")
    assert document["version"] == 1 and document["entity"] == "Aleph"
    assert [e["event"] for e in document["events"]] == ["born"]
    born = _event(document, "born")
    assert born["window"] == {"earliest": "2011-06-14", "latest": "2011-06-14"}
    # Four articles date it; a fifth names his parents, whose births bound his (FC401).
    assert born["with"] == [] and born["disputed"] is True and born["articles"] == 5
    assert "people-2023-06-07#aleph-born" in _refs(born["sources"], False)
    assert "usweekly-2019-10-21#married-after-aleph" in _refs(born["sources"], False)
    assert _refs(born["sources"], True) == {"bild-2021-09-17#aleph-age"}
    people = next(s for s in born["sources"] if s["claim"] == "aleph-born")
    assert people["outlet"] == "People" and people["published"] == "2023-06-07"
    assert (
        people["says"] == "Aleph born 2011-06-14"
        and people["quote"] == "son Aleph, on June 14, 2011"
    )
    assert people["file"].endswith("people-2023-06-07.toml") and people["line"] == 57
    relative = next(s for s in born["sources"] if s["claim"] == "married-after-aleph")
    assert relative["window"] is None, "relative to the wedding: no window of its own"
    ages = {(a["article"], a["claim"]): a for a in document["ages"]}
    assert len(ages) == 6
    bild = ages[("bild-2021-09-17", "aleph-age")]
    assert bild["disputed"] is True and bild["value"] == 7
    assert bild["as_of"] == {"earliest": "2021-09-17", "latest": "2021-09-17"}
    assert bild["as_of_from"] == "published"
    assert [a["disputed"] for a in document["ages"]].count(True) == 1
    variety = ages[("people-2023-06-07", "aleph-age-variety")]
    assert variety["as_of"] == {"earliest": "2022-01-01", "latest": "2022-12-31"}
    assert variety["as_of_from"] == "claim"
    undated = ages[("separation-undated", "aleph-age")]
    assert undated["as_of_from"] == "inferred"
    assert undated["as_of"] == {"earliest": "2023-06-14", "latest": "2024-02-21"}


def test_natalie_portman_meets_and_marries_in_the_undisputed_windows(cli) -> None:
    document = _document(cli, "Natalie Portman")
    events = [e["event"] for e in document["events"]]
    assert events == ["born", "met", "married", "separated", "divorced"]
    met, married = _event(document, "met"), _event(document, "married")
    assert met["with"] == married["with"] == ["Benjamin Millepied"]
    assert "2009-01-01" <= met["window"]["earliest"] <= met["window"]["latest"] <= "2009-12-31"
    assert _refs(met["sources"], True) == {"bild-2021-09-17#met"}
    assert _refs(met["sources"], False) == {"people-2023-06-07#met", "separation-undated#met"}
    assert married["window"] == {"earliest": "2012-06-14", "latest": "2012-12-31"}
    assert married["disputed"] is False and married["articles"] == 5
    assert _event(document, "divorced")["window"]["latest"] == "2024-03-09"
    result = cli("timeline", "Natalie Portman", str(BUNDLED_CLAIMS))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "met Benjamin Millepied  2009  3 articles: 1 disputed" in lines
    assert "married Benjamin Millepied  2012-06-14..2012-12-31  5 articles" in lines
    assert "  ✗ bild-2021-09-17  2010  disputed" in lines


def test_the_couples_events_are_on_both_timelines(cli) -> None:
    portman, millepied = _document(cli, "Natalie Portman"), _document(cli, "Benjamin Millepied")
    for event in ("met", "married", "separated", "divorced"):
        assert _event(millepied, event)["with"] == ["Natalie Portman"]
        assert _event(millepied, event)["window"] == _event(portman, event)["window"]


@pytest.mark.parametrize(
    ("name", "entity"),
    [("portman", "Natalie Portman"), ("  NATALIE ", "Natalie Portman"), ("Millepied", None)],
)
def test_names_and_aliases_resolve(cli, name: str, entity: str | None) -> None:
    document = _document(cli, name)
    assert document["entity"] == (entity or "Benjamin Millepied")


def test_an_alias_titles_the_text_with_the_canonical_name(cli) -> None:
    result = cli("timeline", "aleph portman-millepied", str(BUNDLED_CLAIMS))
    assert result.exit_code == 0 and result.stdout.startswith("Aleph\n")


def test_unknown_entity_exits_2_with_a_suggestion(cli) -> None:
    result = cli("timeline", "Alef", str(BUNDLED_CLAIMS))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "command line: unknown entity 'Alef' (did you mean 'Aleph'?)",
        "factcheck: 1 problem in the input; nothing was shown",
    ]
    far = cli("timeline", "Zzyzx", str(BUNDLED_CLAIMS))
    assert far.exit_code == 2
    assert "known entities: Aleph, Amalia, Benjamin Millepied, Natalie Portman" in far.stderr
    document = json.loads(cli("timeline", "Alef", str(BUNDLED_CLAIMS), "-f", "json").stdout)
    assert document["problems"][0]["message"] == "unknown entity 'Alef'"
    assert document["problems"][0]["hint"] == "did you mean 'Aleph'?"


def test_unknown_entity_is_an_input_error_for_callers(bundled) -> None:
    with pytest.raises(InputError) as error:
        timeline(bundled, "Alef")
    expected = "command line: unknown entity 'Alef' (did you mean 'Aleph'?)"
    assert str(error.value.problems[0]) == expected


def test_bad_input_and_usage_exit_2(cli, tmp_path) -> None:
    missing = cli("timeline", "Aleph", str(tmp_path / "nope"))
    assert missing.exit_code == 2
    assert "no such file or folder" in missing.stderr
    assert missing.stderr.endswith("nothing was checked\n")
    assert cli("timeline", "Aleph", str(BUNDLED_CLAIMS), "--format", "sarif").exit_code == 2
    assert cli("timeline").exit_code == 2


def test_a_wide_terminal_puts_each_row_on_one_line(cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    lines = cli("timeline", "Aleph", str(BUNDLED_CLAIMS)).stdout.splitlines()
    ruler = lines[2]
    assert ruler.split() == [str(year) for year in range(2011, 2025)]
    born = next(line for line in lines if line.startswith("born "))
    assert born.endswith("2011-06-14  5 articles: 1 disputed")
    # Mid-June 2011 lies in the year from the 2011 tick to the 2012 one, a little before its middle.
    year = born[ruler.index("2011") : ruler.index("2012")]
    assert year.strip(" ·") == "●" and 1 <= year.index("●") <= len(year) // 2
    ticks = [column for column, char in enumerate(lines[3]) if char == "┬"]
    assert len({b - a for a, b in itertools.pairwise(ticks)}) == 1, "evenly spaced"
    assert max(len(line) for line in lines) <= 160


def test_colour_on_a_terminal_unless_no_color(cli, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = cli("timeline", "Aleph", str(BUNDLED_CLAIMS)).stdout
    assert "\x1b[1;31m" in coloured, "disputed in red"
    monkeypatch.setenv("NO_COLOR", "1")
    plain = cli("timeline", "Aleph", str(BUNDLED_CLAIMS)).stdout
    assert "\x1b" not in plain
    assert "age 7  2021-09-17  bild-2021-09-17  disputed" in plain.splitlines()


def test_ascii_only_output_falls_back_to_ascii_marks(bundled) -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    render(timeline(bundled, "Aleph"), out)
    out.flush()
    text = raw.getvalue().decode("ascii")
    assert "born  2011-06-14" in text and "x bild-2021-09-17" in text
    assert '"Son Aleph is seven"' in text


HOSTILE_ENTITIES = """\
[[entities]]
name = "::warning::[bold]Eve[/bold]"
aliases = ["eve"]
"""

HOSTILE_ARTICLE = """\
[article]
id = "a"
outlet = "[link=http://x]Daily[/link] \\u001b]0;title\\u0007"
published = 2023-06-07

[[claims]]
id = "born"
subject = "eve"
predicate = "born"
value = 2011
quote = "[red]boom[/red] \\u001b[31mred\\u001b[0m"

[[claims]]
id = "age"
subject = "Eve"
predicate = "age"
value = 3
quote = "Eve, 3"
"""


@pytest.mark.parametrize("colour", [False, True])
def test_hostile_text_stays_inert(cli, corpus, monkeypatch, colour: bool) -> None:
    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
    root = corpus({"a.toml": HOSTILE_ARTICLE}, entities=HOSTILE_ENTITIES)
    result = cli("timeline", "eve", str(root))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "[bold]Eve[/bold]" in out and "[link=http://x]Daily[/link]" in out
    assert "[red]boom[/red] \\x1b[31mred" in out, "escapes shown escaped, markup not applied"
    assert "\x07" not in out and "\x1b]" not in out
    assert not any(line.lstrip().startswith("::") for line in out.split(NEWLINE))
    if not colour:
        assert "\x1b" not in out
    document = json.loads(cli("timeline", "eve", str(root), "-f", "json").stdout)
    assert document["entity"] == "::warning::[bold]Eve[/bold]"
    quotes = [s["quote"] for e in document["events"] for s in e["sources"]]
    assert any(q.startswith("[red]boom[/red] \x1b[31m") for q in quotes)


def test_an_event_without_any_date_still_draws(cli, corpus) -> None:
    undated = """\
    [article]
    id = "u"

    [[claims]]
    id = "separated"
    subject = "Portman"
    predicate = "separated"
    object = "Millepied"
    value = { max = "as_of" }
    """
    result = cli("timeline", "Portman", str(corpus({"u.toml": undated})), "-f", "json")
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.stdout)["events"]
    assert event["window"] == {"earliest": None, "latest": None}
    assert event["sources"][0]["window"] is None
    text = cli("timeline", "Portman", str(corpus({"u.toml": undated}))).stdout
    assert "no dated event or age" in text
    assert "separated from Benjamin Millepied  any day" in text
    nothing = cli("timeline", "Aleph", str(corpus({"u.toml": undated})))
    assert nothing.exit_code == 0
    assert "no claim dates an event of theirs" in nothing.stdout
