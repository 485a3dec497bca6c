"""factcheck extract: the claims it drafts from short texts of our own, and the command."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.dates import parse_date
from factcheck.entities import Names
from factcheck.extract import entity_names
from factcheck.extract.draft import DraftClaim, extract_claims
from factcheck.extract.numbers import parse_number
from factcheck.extract.segments import LONG_QUOTE

ENTITIES = """\
[[entities]]
name = "Natalie Portman"
aliases = ["Portman", "Natalie"]

[[entities]]
name = "Benjamin Millepied"
aliases = ["Millepied", "Benjamin"]

[[entities]]
name = "Aleph"
aliases = ["Aleph Portman-Millepied"]

[[entities]]
name = "Amalia"
aliases = []

[[entities]]
name = "Jane Doe"
aliases = ["Doe"]

[[entities]]
name = "John Roe"
aliases = ["Roe"]
"""
PORTMAN, MILLEPIED = "Natalie Portman", "Benjamin Millepied"
COUPLE = (PORTMAN, MILLEPIED)


@pytest.fixture(scope="module")
def names(tmp_path_factory) -> Names:
    path = tmp_path_factory.mktemp("entities") / "entities.toml"
    path.write_text(ENTITIES, encoding="utf-8")
    return entity_names(path)


def draft(text: str, names: Names, published: str | None = "2023-06-07") -> list[DraftClaim]:
    claims = extract_claims(text, names, parse_date(published) if published else None)
    for claim in claims:  # every quote is the text's own words, where the comment says
        assert text[claim.start : claim.end] == claim.quote
    return claims


def said(claims: list[DraftClaim]) -> set[tuple]:
    """What the claims say, without ids and quotes: (subject, predicate, value[, ...])."""
    out = set()
    for c in claims:
        value = tuple(sorted(c.value.items())) if isinstance(c.value, dict) else c.value
        fact: tuple = (c.subject, c.predicate, value)
        if c.object is not None:
            fact = ((c.subject, c.object), c.predicate, value)
        if c.as_of is not None:
            fact += (c.as_of,)
        if c.after is not None:
            fact += (c.after,)
        out.add(fact)
    return out


# -- ages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Portman keeps son Aleph, 11, out of the spotlight.", ("Aleph", "age", 11)),
        ("Aleph, 11\n\nHe loves soccer.", ("Aleph", "age", 11)),
        ("Son Aleph is seven.", ("Aleph", "age", 7)),
        ("They live with their 12-year-old son Aleph in Paris.", ("Aleph", "age", 12)),
        ("Parents to a son named Aleph, aged 12, they moved.", ("Aleph", "age", 12)),
        ("Their daughter Amalia (6) stayed home.", ("Amalia", "age", 6)),
        ("Son Aleph is seven, little Amalia just one and a half.", ("Amalia", "age", 1.5)),
        ("Benjamin Millepied, forty-two, spoke.", (MILLEPIED, "age", 42)),
        ("Today Natalie Portman is 37, and busy.", (PORTMAN, "age", 37)),
        ("Portman, a 38-year-old actress, spoke.", (PORTMAN, "age", 38)),
        ("Aleph is twelve years old.", ("Aleph", "age", 12)),
    ],
)
def test_each_age_form(names: Names, text: str, expected: tuple) -> None:
    assert expected in said(draft(text, names))


def test_an_age_with_its_own_date_holds_then(names: Names) -> None:
    assert said(draft("Portman turned 40 in 2021.", names)) == {(PORTMAN, "age", 40, "2021")}


def test_a_role_resolves_to_the_only_named_person_it_fits(names: Names) -> None:
    # Both are named just before. The actress is the one the text calls "she"; she is 38 on
    # the same day, so the choreographer, 42, can only be Millepied.
    text = (
        "Portman said she is proud. "
        "Natalie Portman and Benjamin Millepied will back their children. "
        "“We are proud,” the choreographer, 42, told Us. "
        "The actress, 38, agreed with her husband."
    )
    assert said(draft(text, names)) == {(MILLEPIED, "age", 42), (PORTMAN, "age", 38)}


def test_two_roles_in_one_sentence_are_two_people(names: Names) -> None:
    text = (
        "Portman said she is happy. Natalie Portman and Benjamin Millepied arrived. "
        "The actress, 41, and the choreographer, 46, smiled."
    )
    assert said(draft(text, names)) == {(PORTMAN, "age", 41), (MILLEPIED, "age", 46)}


def test_an_age_at_another_time_is_left_out(names: Names) -> None:
    text = "“Aleph was only five when we moved,” Portman told People in 2022."
    assert draft(text, names) == []


def test_an_unnamed_child_is_the_one_whose_age_fits(names: Names) -> None:
    text = (
        "Portman keeps son Aleph, 11, and daughter Amalia, 6, out of the spotlight. "
        "In 2022, she told Variety about the set.\n\n"
        "“My 5-year-old and my 10-year-old [now 11] loved it,” she said."
    )
    found = said(draft(text, names))
    assert ("Amalia", "age", 5, "2022") in found
    assert ("Aleph", "age", 10, "2022") in found
    assert ("Aleph", "age", 11) in found  # the article's own "son Aleph, 11"; "[now 11]" adds none
    assert len(found) == 4


def test_an_unnamed_child_that_fits_two_children_is_left_out(names: Names) -> None:
    text = "Portman has a son, Aleph, and a daughter, Amalia. “My 7-year-old loves it,” she said."
    assert said(draft(text, names)) == {
        ((PORTMAN, "Aleph"), "child", ""),
        ((PORTMAN, "Amalia"), "child", ""),
    }


def test_ages_that_are_not_ages(names: Names) -> None:
    text = (
        "Portman won an Oscar at 29. Portman is one of the best. Aleph is 5 feet tall. "
        "Portman was 12 when she starred in Leon. Camille Etienne, a 25-year-old activist, "
        "spoke. Natalie Portman's 2 Kids. Portman, 2019."
    )
    # "5 feet tall" is a height, "Natalie Portman's 2 Kids" a count: neither is an age.
    assert said(draft(text, names)) == {("Aleph", "height", "5 ft"), (PORTMAN, "children", 2)}


@given(st.integers(min_value=0, max_value=99))
def test_number_words_read_as_numbers(number: int) -> None:
    units = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    if number < 20:
        word = units[number]
    else:
        word = tens[number // 10 - 2] + ("" if number % 10 == 0 else f"-{units[number % 10]}")
    assert parse_number(word) == number
    assert parse_number(word.title()) == number
    assert parse_number(f"{word} and a half") == number + 0.5


# -- births, meetings, weddings, separations, divorces ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Portman and Millepied welcomed their first child, son Aleph, on June 14, 2011.",
            ("Aleph", "born", "June 14, 2011"),
        ),
        ("Aleph was born in June 2011.", ("Aleph", "born", "June 2011")),
        ("Aleph (born June 14, 2011) plays soccer.", ("Aleph", "born", "June 14, 2011")),
        (
            "Portman has a son, Aleph, and a daughter, Amalia. On Feb. 22, 2017, the actress "
            "gave birth to her second child — a baby girl.",
            ("Amalia", "born", "Feb. 22, 2017"),
        ),
    ],
)
def test_birth_dates(names: Names, text: str, expected: tuple) -> None:
    assert expected in said(draft(text, names))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Roe died on April 21, 2016.", ("John Roe", "died", "April 21, 2016")),
        ("John Roe, who died in January 2016, was 69.", ("John Roe", "died", "January 2016")),
        ("John Roe passed away in 2016.", ("John Roe", "died", "2016")),
        (
            "John Roe died aged 85 at his home.",
            ("John Roe", "died", 85, ("born", "John Roe", None)),
        ),
        (
            "John Roe, 85, died on Tuesday.",
            ("John Roe", "died", 85, ("born", "John Roe", None)),
        ),
        (
            "John Roe, 85, died on March 2, 2020, at his home.",
            ("John Roe", "died", "March 2, 2020"),
        ),
        (
            "John Roe died aged 85 in 2015.",
            ("John Roe", "died", "2015"),
        ),
        (
            "John Roe died in 2015 at the age of 85.",
            ("John Roe", "died", 85, ("born", "John Roe", None)),
        ),
        (
            "John Roe died at the age of eighty-five.",
            ("John Roe", "died", 85, ("born", "John Roe", None)),
        ),
    ],
)
def test_deaths(names: Names, text: str, expected: tuple) -> None:
    found = said(draft(text, names))
    assert expected in found
    # An age at death is not an age at the time of writing: it would contradict the death.
    assert not any(claim[1] == "age" for claim in found)


def test_an_age_at_death_and_its_date_are_both_drafted(names: Names) -> None:
    for text in ("John Roe died aged 85 in 2015.", "John Roe died in 2015 at the age of 85."):
        found = said(draft(text, names))
        assert ("John Roe", "died", "2015") in found
        assert ("John Roe", "died", 85, ("born", "John Roe", None)) in found
    assert not said(draft("John Roe died at 3 p.m. on a Tuesday.", names))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Roe (1930-2015) was a painter.", {("born", "1930"), ("died", "2015")}),
        ("Following John Roe's death in 2015, the house was sold.", {("died", "2015")}),
    ],
)
def test_a_life_in_brackets_and_a_death_as_a_noun(
    names: Names, text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(c.predicate, c.value) for c in draft(text, names)} == expected


def test_a_birth_whose_child_could_be_either_is_left_out(names: Names) -> None:
    text = (
        "Her son Aleph and her daughter Amalia play. On May 2, 2015, Portman gave birth to a baby."
    )
    assert not any(c.predicate == "born" for c in draft(text, names))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Portman met Millepied on the set of Black Swan in 2009.", (COUPLE, "met", "2009")),
        ("Portman and Millepied tied the knot in 2012.", (COUPLE, "married", "2012")),
        ("Portman and Millepied got engaged in 2011.", (COUPLE, "engaged", "2011")),
        ("Portman and Millepied were married in 2012.", (COUPLE, "married", "2012")),
        ("Portman married Millepied in May 2012.", (COUPLE, "married", "May 2012")),
        ("Portman and Millepied split in 2023.", (COUPLE, "separated", "2023")),
        ("Portman and Millepied divorced in March 2024.", (COUPLE, "divorced", "March 2024")),
        (
            "Natalie Portman and her spouse, Benjamin Millepied, have decided to separate.",
            (COUPLE, "separated", (("max", "as_of"),)),
        ),
        (
            "Natalie Portman and Benjamin Millepied are officially divorced.",
            (COUPLE, "divorced", (("max", "as_of"),)),
        ),
        (
            "Portman has been dating choreographer Benjamin Millepied since filming Black "
            "Swan in 2010.",
            (COUPLE, "met", "2010"),
        ),
    ],
)
def test_relation_dates(names: Names, text: str, expected: tuple) -> None:
    assert expected in said(draft(text, names))


def test_coordinated_relations_share_their_people(names: Names) -> None:
    text = "Portman and Millepied separated in 2023 and divorced in March 2024."
    assert said(draft(text, names)) == {
        (COUPLE, "separated", "2023"),
        (COUPLE, "divorced", "March 2024"),
    }
    text = "Portman and Millepied, who met in 2009, married in 2012."
    assert said(draft(text, names)) == {(COUPLE, "met", "2009"), (COUPLE, "married", "2012")}


def test_a_date_at_the_start_of_its_sentence(names: Names) -> None:
    text = "In December 2012, Portman tied the knot with Millepied in New York."
    assert said(draft(text, names)) == {(COUPLE, "married", "December 2012")}
    text = "The two, who met in 2009, married on June 3, 2012."
    assert (COUPLE, "married", "2009") not in said(draft("Portman met Millepied. " + text, names))


def test_they_after_a_relation_are_its_couple(names: Names) -> None:
    text = (
        "Jane Doe married John Roe in 2001. Portman wed Millepied in May 2003, and they "
        "separated in 2010."
    )
    assert (COUPLE, "separated", "2010") in said(draft(text, names))


def test_a_plural_role_is_a_couple(names: Names) -> None:
    text = (
        "Natalie Portman and Benjamin Millepied are celebrating. The dancers, who met on a "
        "film set in 2009, tied the knot on August 4, 2012."
    )
    assert said(draft(text, names)) == {
        (COUPLE, "met", "2009"),
        (COUPLE, "married", "August 4, 2012"),
    }


def test_married_to_makes_a_couple_for_the_former_couple(names: Names) -> None:
    text = (
        "Jane Doe and John Roe married in 2015. Portman was previously married to "
        "choreographer Benjamin Millepied. The former couple wed in 2012."
    )
    assert (COUPLE, "married", "2012") in said(draft(text, names))


def test_dates_of_other_events_are_not_relations(names: Names) -> None:
    text = (
        "Portman met with reporters in 2019. She attended the Met Gala in 2018. Her friend "
        "got married in 2019. Millepied directed Carmen in 2022. Portman attended a meeting "
        "in 2020. Portman and Doe met Millepied in 2009."
    )
    assert not any(c.predicate in ("met", "married") for c in draft(text, names))


# -- marriage durations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Natalie Portman and Benjamin Millepied split following 11 years of marriage.", 11),
        ("Natalie left her husband of 11 years, choreographer Benjamin Millepied.", 11),
        (
            "The actress Natalie Portman shares two children with her husband of over a "
            "decade, Benjamin Millepied.",
            (("min", 10),),
        ),
        ("Portman and Millepied have been married for nearly a decade.", (("max", 10),)),
        ("Portman, who has been married to Millepied for 11 years, spoke.", 11),
    ],
)
def test_marriage_durations(names: Names, text: str, value: object) -> None:
    assert (COUPLE, "married_for", value) in said(draft(text, names))


def test_years_after_another_event(names: Names) -> None:
    text = (
        "Portman shares Aleph, 8, and Amalia, 2, with Millepied. "
        "She and Millepied tied the knot in 2012, one year after welcoming their son."
    )
    found = said(draft(text, names, "2019-10-21"))
    assert (COUPLE, "married", "2012") in found
    assert (COUPLE, "married", 1, ("born", "Aleph", None)) in found  # Amalia was not born yet


# -- as_of from statements --------------------------------------------------------------------


def test_the_date_of_a_statement_is_as_of(names: Names) -> None:
    text = (
        "Portman told Us exclusively in June 2018 that Aleph is 7.\n\n"
        "“Aleph is 7 and Amalia is one,” she added.\n\n"
        "The family lives in Paris. “Amalia is 6,” she said."
    )
    found = said(draft(text, names))
    assert ("Aleph", "age", 7, "June 2018") in found
    assert ("Amalia", "age", 1, "June 2018") in found  # the quotation that follows it
    assert ("Amalia", "age", 6) in found  # after the article moved on: its own date


def test_a_statement_in_an_earlier_year(names: Names) -> None:
    text = "“Aleph is eight now,” Portman told People in 2019. Aleph, 11, plays soccer."
    found = said(draft(text, names))
    assert found == {("Aleph", "age", 8, "2019"), ("Aleph", "age", 11)}


# -- pronouns and roles -----------------------------------------------------------------------


def test_pronouns_and_roles_resolve_to_the_nearest_fitting_person(names: Names) -> None:
    text = (
        "Natalie Portman shares two children with her husband, Benjamin Millepied. "
        "The couple met in 2009. She and Millepied tied the knot in 2012. "
        "The actress, 42, is busy. His wife is filming."
    )
    assert said(draft(text, names)) == {
        (COUPLE, "met", "2009"),
        (COUPLE, "married", "2012"),
        (PORTMAN, "age", 42),
        # "shares two children with her husband": at least two each (either may have more).
        (PORTMAN, "children", (("min", 2),)),
        (MILLEPIED, "children", (("min", 2),)),
    }


def test_a_pronoun_between_two_possible_people_is_left_out(names: Names) -> None:
    text = (
        "Natalie Portman greeted Jane Doe. Portman smiled at her friends; Doe waved at her "
        "fans. She married Millepied in 2012."
    )
    assert draft(text, names) == []


def test_the_couple_among_two_couples_is_left_out_unless_named_nearby(names: Names) -> None:
    text = (
        "Jane Doe and John Roe married in 2015. Portman and Millepied married in 2012. "
        "Jane Doe, John Roe, Portman and Millepied were at the gala. The couple met in 2009."
    )
    assert not any(c.predicate == "met" for c in draft(text, names))
    text = "Jane Doe and John Roe married in 2015. Portman and Millepied married in 2012. "
    text += "The couple divorced in 2024."
    assert (COUPLE, "divorced", "2024") in said(draft(text, names))


def test_her_husband_without_a_named_husband_is_left_out(names: Names) -> None:
    text = "Jane Doe, 33, and her husband, 35, married in 2015."
    assert said(draft(text, names)) == {("Jane Doe", "age", 33)}


def test_ids_are_readable_and_numbered_when_repeated(names: Names) -> None:
    text = "Aleph, 11, played. In 2015, Portman said Aleph was four. Portman met Millepied in 2009."
    ids = [c.id for c in draft(text, names)]
    assert ids == ["aleph-age", "aleph-age-2", "met"]


# -- the command ------------------------------------------------------------------------------

ARTICLE = """\
 date 2023-06-07 Natalie Portman's kids

Natalie Portman shares two children with her husband, Benjamin Millepied: son Aleph, 11, and
daughter Amalia, 6. The actress met Millepied on the set of Black Swan in 2009 and they tied
the knot in 2012. Millepied, 46, said "merci" \\ "thanks".
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A folder with claims/entities.toml and an article, as the working directory."""
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_writes_a_claims_file_to_stdout_by_default(cli, repo: Path) -> None:
    result = cli("extract", "article.txt", "--outlet", "People")
    assert result.exit_code == 0, result.output
    document = tomllib.loads(result.stdout)
    published = dt.date(2023, 6, 7)
    assert document["article"] == {"id": "article", "outlet": "People", "published": published}
    claims = {c["id"]: c for c in document["claims"]}
    assert sorted(claims) == [
        "aleph-age",
        "amalia-age",
        "married",
        "met",
        "millepied-age",
        "millepied-child-aleph",
        "millepied-child-amalia",
        "millepied-children",
        "portman-child-aleph",
        "portman-child-amalia",
        "portman-children",
    ]
    assert claims["met"] == {
        "id": "met",
        "subject": PORTMAN,
        "predicate": "met",
        "object": MILLEPIED,
        "value": "2009",
        "quote": claims["met"]["quote"],
    }
    assert claims["married"]["value"] == "2012" and claims["aleph-age"]["value"] == 11
    # Each quote is followed by its place in the text; quotes with line breaks, quotation marks
    # and backslashes come back from the TOML exactly.
    places = re.findall(r"^quote = .*\n# chars (\d+)-(\d+)$", result.stdout, re.MULTILINE)
    assert len(places) == len(document["claims"])
    for claim, (start, end) in zip(document["claims"], places, strict=True):
        assert ARTICLE[int(start) : int(end)] == claim["quote"]
    assert claims["millepied-age"]["quote"] == 'Millepied, 46, said "merci" \\ "thanks".'
    assert "\n" in claims["met"]["quote"]
    assert "drafted 11 claims from article.txt (1 sentence not drafted" in result.stderr
    # The heading names Portman beside "kids" but states nothing a claim can hold: listed.
    assert '# not drafted (line 1): "Natalie Portman\'s kids"' in result.stdout


def test_the_draft_loads_cleanly_with_run(cli, repo: Path) -> None:
    target = repo / "claims" / "drafted.toml"
    assert cli("extract", "article.txt", "-o", str(target)).exit_code == 0
    assert target.is_file()
    result = cli("run", "claims")
    assert result.exit_code in (0, 1), result.output
    assert "problem" not in result.stderr


@pytest.mark.parametrize(
    ("options", "published"),
    [
        ((), "2023-06-07"),  # the date line
        (("--published", "2024-01-05"), "2024-01-05"),  # the option wins over it
        (("--published", "2023-08"), '"2023-08"'),  # a month, written as text
    ],
)
def test_publication_date_sources(cli, repo: Path, options, published) -> None:
    result = cli("extract", "article.txt", *options)
    assert f"\npublished = {published}\n" in result.stdout


def test_an_article_without_a_date_line_is_undated(cli, repo: Path) -> None:
    (repo / "undated.txt").write_text("Aleph, 11, plays soccer.\n", encoding="utf-8")
    result = cli("extract", "undated.txt", "--id", "x-1")
    assert result.exit_code == 0
    document = tomllib.loads(result.stdout)
    assert document["article"] == {"id": "x-1"}
    assert "# Undated" in result.stdout
    assert "(undated)" in result.stderr


def test_never_overwrites_without_force(cli, repo: Path) -> None:
    target = repo / "out.toml"
    target.write_text("keep me", encoding="utf-8")
    result = cli("extract", "article.txt", "-o", "out.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith("out.toml: the claims file already exists (")
    assert target.read_text(encoding="utf-8") == "keep me"
    assert cli("extract", "article.txt", "-o", "out.toml", "--force").exit_code == 0
    assert tomllib.loads(target.read_text(encoding="utf-8"))["article"]["id"] == "article"


def test_the_write_is_atomic(cli, repo: Path, monkeypatch) -> None:
    target = repo / "out.toml"
    target.write_text("old", encoding="utf-8")

    def interrupted(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(OSError):
        cli("extract", "article.txt", "-o", "out.toml", "--force")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in repo.iterdir() if p.name.endswith(".tmp")] == []


def test_entity_file_sources(cli, repo: Path, tmp_path_factory) -> None:
    # --entities wins; without it, claims/entities.toml; without that, the nearest above.
    other = tmp_path_factory.mktemp("other")
    (other / "people.toml").write_text(
        '[[entities]]\nname = "Aleph"\naliases = []\n', encoding="utf-8"
    )
    result = cli("extract", "article.txt", "--entities", str(other / "people.toml"))
    assert {c["subject"] for c in tomllib.loads(result.stdout)["claims"]} == {"Aleph"}
    nested = other / "desk" / "a.txt"
    nested.parent.mkdir()
    nested.write_text("Aleph, 11, plays.", encoding="utf-8")
    (other / "entities.toml").write_text(
        '[[entities]]\nname = "Aleph"\naliases = []\n', encoding="utf-8"
    )
    (repo / "claims" / "entities.toml").unlink()
    assert cli("extract", str(nested)).exit_code == 0
    (other / "entities.toml").unlink()
    nested.write_text("Blake Lively, 35, met her husband Ryan Reynolds in 2010.", encoding="utf-8")
    result = cli("extract", str(nested))  # no entity file: one is proposed, in the draft itself
    assert result.exit_code == 0
    assert "no entity file found: proposed 2 people in the draft" in result.stderr
    document = tomllib.loads(result.stdout)
    assert [e["name"] for e in document["entities"]] == ["Blake Lively", "Ryan Reynolds"]
    assert ("Blake Lively", "age", 35) in {
        (c["subject"], c["predicate"], c.get("value")) for c in document["claims"]
    }


def test_a_proposed_entity_file_is_written_beside_the_draft(
    cli, repo: Path, tmp_path: Path
) -> None:
    (repo / "claims" / "entities.toml").unlink()
    article = tmp_path / "a.txt"
    article.write_text(
        "date 2023-06-07\nBlake Lively and husband Ryan Reynolds met in 2010. Lively, 35, and "
        "Reynolds, 46, wed in 2012.",
        encoding="utf-8",
    )
    out = tmp_path / "desk" / "a.toml"
    out.parent.mkdir()
    result = cli("extract", str(article), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    proposed = out.parent / "entities.toml"
    assert "proposed 2 people in" in result.stderr and "entities.toml" in result.stderr
    people = tomllib.loads(proposed.read_text(encoding="utf-8"))["entities"]
    assert {(p["name"], tuple(p["aliases"])) for p in people} == {
        ("Blake Lively", ("Lively",)),
        ("Ryan Reynolds", ("Reynolds",)),
    }
    said = {
        (c["subject"], c["predicate"], c["value"]) for c in tomllib.loads(out.read_text())["claims"]
    }
    assert ("Blake Lively", "met", "2010") in said and ("Ryan Reynolds", "age", 46) in said
    # Both files load as a claims folder; neither is replaced without --force.
    assert cli("run", str(out.parent)).exit_code in (0, 1)
    # The next article drafted into that folder uses the (reviewed) file instead of proposing.
    reviewed = proposed.read_text(encoding="utf-8").replace('"Lively"', '"Lively", "Blake"')
    proposed.write_text(reviewed, encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("Blake, 36, smiled.", encoding="utf-8")
    again = cli("extract", str(second), "-o", str(out.parent / "b.toml"))
    assert again.exit_code == 0 and "proposed" not in again.stderr
    assert proposed.read_text(encoding="utf-8") == reviewed  # never replaced
    claims = tomllib.loads((out.parent / "b.toml").read_text(encoding="utf-8"))["claims"]
    assert [(c["subject"], c["value"]) for c in claims] == [("Blake Lively", 36)]


BAD_INPUT = [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary.txt:3: the file is not text"),
    ("latin1.txt", b"Aleph, 11\nPortman \xe9t\xe9", "latin1.txt:2: the file is not UTF-8"),
    ("empty.txt", b"", "empty.txt: the article is empty"),
    ("blank.txt", b"  \n\n\t\n", "blank.txt: the article is empty"),
    ("control.txt", b"\x01\x02\x03\x04 ab", "control.txt: the file is not text"),
    ("baddate.txt", b"date 2023-02-30\nAleph, 11", "baddate.txt:1: the date line gives 2023-02-30"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_INPUT)
def test_bad_articles_are_bad_input(cli, repo: Path, name: str, data: bytes, message: str) -> None:
    (repo / name).write_bytes(data)
    result = cli("extract", name)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert re.match(r"^\S+?(?::\d+)?: .+ \(.+\)$", result.stderr.splitlines()[0])
    assert "nothing was written" in result.stderr
    assert result.stdout == ""


def test_a_huge_file_is_bad_input(cli, repo: Path) -> None:
    huge = repo / "huge.txt"
    with huge.open("wb") as out:  # sparse: 5 MB and a byte, without writing them
        out.truncate(5 * 1024 * 1024 + 1)
    result = cli("extract", "huge.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("huge.txt: the file is 5.0 MB, over the 5 MB")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("missing.txt",), "missing.txt: no such file"),
        (("claims",), "claims: this is a folder, not an article"),
        (("article.txt", "--published", "June 31, 2011"), "factcheck: --published 'June 31, 2011'"),
        (("article.txt", "--id", " "), "factcheck: --id must not be empty"),
    ],
)
def test_bad_arguments_are_bad_input(cli, repo: Path, arguments, message) -> None:
    result = cli("extract", *arguments)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_an_article_takes_well_under_a_second(names: Names) -> None:
    paragraph = (
        "Natalie Portman shares two children with her husband, Benjamin Millepied: son Aleph, "
        "11, and daughter Amalia, 6. The couple met in 2009 and tied the knot in 2012. "
        "“My 10-year-old loves soccer,” she told People in 2022. Ordinary prose follows, with "
        "a few numbers like 3 and dates like June 2018 that are no claims at all.\n\n"
    )
    text = paragraph * 40  # about 16 KB, a long article
    started = time.perf_counter()
    draft(text, names)
    assert time.perf_counter() - started < 1.0


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_names_that_are_not_utf8(cli, repo: Path) -> None:
    """Regression (#14): an article and an output named with bytes that are not UTF-8 work,
    and are shown as \\xNN; an id or outlet that is not UTF-8 text is refused (its TOML would
    not load), never a traceback."""
    article = Path(os.fsdecode(b"art\xff.txt"))
    (repo / article).write_text(ARTICLE, encoding="utf-8")
    target = repo / "claims" / os.fsdecode(b"out\xfd.toml")
    result = cli("extract", str(article), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "from art\\xff.txt to " in result.stderr and "out\\xfd.toml" in result.stderr
    assert cli("run", "claims").exit_code in (0, 1)
    for option in ("--id", "--outlet"):
        result = cli("extract", str(article), option, os.fsdecode(b"x\xfe"))
        assert result.exit_code == 2
        assert (
            result.stderr
            == f"factcheck: {option} 'x\\xfe' is not UTF-8 text (check the shell's locale)\n"
        )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_an_article_that_is_not_a_regular_file_is_refused(cli, repo: Path) -> None:
    """Regression (#14 review): a FIFO blocked extract for ever, /dev/zero filled memory."""
    os.mkfifo(repo / "fifo.txt")
    for article in ("fifo.txt", "/dev/zero"):
        result = cli("extract", article)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"{article}: not a regular file")


def test_a_text_without_punctuation_is_quoted_by_the_words_around_each_claim(names) -> None:
    # One sentence of 24,000 words: each quote is its claim's neighbourhood, not the sentence
    # (a quote that long, once per claim, made the draft quadratic in the text).
    words = "Aleph is 11 and Natalie Portman married Benjamin Millepied in 2012 and then "
    claims = draft(words * 2000, names)
    assert claims
    assert all(len(c.quote) <= 2 * LONG_QUOTE + 40 for c in claims)
