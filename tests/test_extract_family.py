"""extract v2: children, counts, birthplaces and heights; names the entity file does not spell;
gender and roles from the entity file. Short texts of our own, in the shapes real articles use."""

from __future__ import annotations

import pytest

from drafting import cast_of, drafted, facts
from factcheck.extract.cast import Cast

ENTITIES = """\
[[entities]]
name = "Jane Roe"
aliases = ["Roe"]
gender = "female"
roles = ["actress", "Oscar winner"]

[[entities]]
name = "John Doe"
aliases = ["Doe"]
gender = "male"
roles = ["footballer"]

[[entities]]
name = "Ada Doe"
gender = "female"

[[entities]]
name = "Max Doe"
gender = "male"

[[entities]]
name = "Tom Smith"
gender = "male"
roles = ["singer"]
"""
ROE, DOE, ADA, MAX, SMITH = "Jane Roe", "John Doe", "Ada Doe", "Max Doe", "Tom Smith"


@pytest.fixture(scope="module")
def cast(tmp_path_factory) -> Cast:
    return cast_of(tmp_path_factory.mktemp("family"), ENTITIES)


def links(claims) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in claims if c.predicate == "child"}


@pytest.mark.parametrize(
    "text",
    [
        "Roe and Doe have two children, Ada and Max.",
        "Jane Roe and her husband John Doe welcomed daughter Ada in 2015 and son Max in 2018.",
        "Roe married Doe in 2012. Their daughter Ada was born in 2015; their son Max in 2018.",
        "Ada, the daughter of Jane Roe and John Doe, and Max, the son of Roe and Doe, were there.",
        "Roe and Doe are parents to Ada and Max.",
    ],
)
def test_a_couples_children_are_each_a_child_of_both(cast: Cast, text: str) -> None:
    assert links(drafted(text, cast)) == {(ROE, ADA), (DOE, ADA), (ROE, MAX), (DOE, MAX)}


def test_births_beside_named_children(cast: Cast) -> None:
    text = "Jane Roe and her husband John Doe welcomed daughter Ada in 2015 and son Max in 2018."
    said = facts(drafted(text, cast))
    assert (ADA, "born", None, "2015") in said and (MAX, "born", None, "2018") in said
    text = "She gave birth to Ada on June 1, 2015, and Max on May 2, 2018."
    said = facts(drafted("Jane Roe is an actress. " + text, cast))
    assert (ADA, "born", None, "June 1, 2015") in said and (
        MAX,
        "born",
        None,
        "May 2, 2018",
    ) in said
    assert {(ROE, ADA), (ROE, MAX)} <= links(drafted("Jane Roe is an actress. " + text, cast))


def test_a_possessive_names_one_parent(cast: Cast) -> None:
    assert links(drafted("Doe posted a photo with his son Max, 5.", cast)) == {(DOE, MAX)}
    assert links(drafted("Max is Roe's youngest child.", cast)) == {(ROE, MAX)}
    claims = drafted("Jane Roe arrived with Max, her four-month-old son.", cast)
    assert links(claims) == {(ROE, MAX)}
    assert (MAX, "age", None, (("max", 0.42), ("min", 0.33))) in facts(claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roe and Doe have three children.", {(ROE, 3), (DOE, 3)}),
        ("Jane Roe, a mother of two, spoke.", {(ROE, 2)}),
        (
            "Roe shares two children with her husband, John Doe.",
            {(ROE, (("min", 2),)), (DOE, (("min", 2),))},
        ),
        ("Roe and Doe had two sons together.", {(ROE, (("min", 2),)), (DOE, (("min", 2),))}),
    ],
)
def test_counts_of_children(cast: Cast, text: str, expected: set) -> None:
    said = {
        (c.subject, c.value if not isinstance(c.value, dict) else tuple(c.value.items()))
        for c in drafted(text, cast)
        if c.predicate == "children"
    }
    assert said == expected


@pytest.mark.parametrize(
    "text",
    [
        "Roe has a son.",
        "Roe visited two children's hospitals.",
        "Doe scored two goals for the children's charity.",
    ],
)
def test_what_is_not_a_count(cast: Cast, text: str) -> None:
    assert not [c for c in drafted(text, cast) if c.predicate == "children"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Jane Roe was born in Jerusalem.", "Jerusalem"),
        ("Roe was born on June 9, 1981, in Jerusalem, Israel.", "Jerusalem, Israel"),
        ("Roe was born in San Diego, California on Nov. 29, 1952.", "San Diego, California"),
        ("Roe, who was born and raised in Austin, Texas, spoke.", "Austin, Texas"),
        ("Roe is a native of Chicago.", "Chicago"),
        # The sentence ends the place, though the next one opens with a capital.
        ("Roe was born in Leeds, England. She moved.", "Leeds, England"),
        ("Roe was born in Washington, D.C. in 1980.", "Washington, D.C."),
    ],
)
def test_birthplaces(cast: Cast, text: str, place: str) -> None:
    said = {c.value for c in drafted(text, cast) if c.predicate == "birthplace"}
    assert said == {place}


def test_a_date_is_never_a_birthplace(cast: Cast) -> None:
    said = facts(drafted("Roe was born in June 1981 in London.", cast))
    assert (ROE, "born", None, "June 1981") in said
    assert {v for s, p, _, v in said if p == "birthplace"} <= {"London"}


@pytest.mark.parametrize(
    ("text", "height"),
    [
        ("Roe stands 5 ft 3 in.", "5 ft 3 in"),
        ("Doe is 6 feet 2 inches tall.", "6 ft 2 in"),
        ("Doe, who stands at 1.88 m, scored.", "1.88 m"),
        ("Roe is 160 cm tall.", "160 cm"),
        ("Roe's height is 5'3\".", "5 ft 3 in"),
    ],
)
def test_heights(cast: Cast, text: str, height: str) -> None:
    said = {c.value for c in drafted(text, cast) if c.predicate == "height"}
    assert said == {height}


def test_names_the_entity_file_does_not_spell(cast: Cast) -> None:
    # A first name alone, a middle name, a surname alone that one person has.
    said = facts(drafted("Jane Elizabeth Roe, 41, and Smith, 30, met. Jane is happy.", cast))
    assert (ROE, "age", None, 41) in said and (SMITH, "age", None, 30) in said
    # "Doe" is John Doe's alias; "Max" is unique; "Ada" too.
    assert (MAX, "age", None, 5) in facts(drafted("Max, 5, played.", cast))


def test_a_surname_two_people_share_names_nobody(tmp_path) -> None:
    cast = cast_of(
        tmp_path,
        '[[entities]]\nname = "Ann Lee"\n\n[[entities]]\nname = "Bob Lee"\n',
    )
    assert drafted("Lee, 40, spoke.", cast) == []
    assert facts(drafted("Ann, 40, spoke.", cast)) == {("Ann Lee", "age", None, 40)}


def test_roles_and_gender_from_the_entity_file(cast: Cast) -> None:
    # Nobody is named before "the footballer": the one person the file calls so.
    said = facts(drafted("The footballer, 33, signed. The Oscar winner, 41, spoke.", cast))
    assert (DOE, "age", None, 33) in said and (ROE, "age", None, 41) in said
    # The file's gender outweighs the text: "she" is Roe, never Doe.
    said = facts(drafted("Doe and Roe arrived. She is 41.", cast))
    assert said == {(ROE, "age", None, 41)}
    # A role the file does not give someone is not theirs: Smith is no footballer.
    said = facts(drafted("Smith sang. The footballer, 33, signed.", cast))
    assert said == {(DOE, "age", None, 33)}


def test_gender_and_roles_are_checked_when_loaded(tmp_path, cli) -> None:
    (tmp_path / "entities.toml").write_text(
        '[[entities]]\nname = "A B"\ngender = "woman"\nroles = ["", 3]\n', encoding="utf-8"
    )
    result = cli("run", str(tmp_path))
    assert result.exit_code == 2
    assert "entities.toml:3: gender 'woman' is not known (one of: female, male, nonbinary)" in (
        result.stderr
    )
    assert "entities.toml:4: roles must be a list of text" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roe and Doe celebrated their 24th wedding anniversary.", (ROE, "married_for", DOE, 24)),
        ("Roe and Doe's tenth anniversary was quiet.", (ROE, "married_for", DOE, 10)),
        ("Ada is celebrating her 9th birthday.", (ADA, "age", None, 9)),
        ("Doe celebrates Max's twenty-first birthday.", (MAX, "age", None, 21)),
    ],
)
def test_ordinals_of_anniversaries_and_birthdays(cast: Cast, text: str, expected: tuple) -> None:
    assert expected in facts(drafted(text, cast))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roe was 18 when she met Doe.", ("met", 18, ROE)),
        ("Roe met Doe at a party when she was 18.", ("met", 18, ROE)),
        ("Roe and Doe wed in Paris when he was 25.", ("married", 25, DOE)),
        ("Roe was just 21 when she and Doe got married.", ("married", 21, ROE)),
    ],
)
def test_a_couples_event_dated_by_an_age(cast: Cast, text: str, expected: tuple) -> None:
    predicate, years, whose = expected
    found = {
        (c.subject, c.predicate, c.object, c.value, c.after)
        for c in drafted(text, cast)
        if c.after is not None
    }
    assert found == {(ROE, predicate, DOE, years, ("born", whose, None))}


def test_an_age_inside_a_role_phrase(cast: Cast) -> None:
    said = facts(drafted("Jane Roe was seen. The 41-year-old actress smiled.", cast))
    assert (ROE, "age", None, 41) in said


def test_an_age_at_death_in_the_next_sentence(cast: Cast) -> None:
    said = {
        (c.subject, c.predicate, c.value, c.after)
        for c in drafted("Jane Roe died on March 12, 2002. She was 49 years old.", cast)
    }
    assert said == {
        (ROE, "died", "March 12, 2002", None),
        (ROE, "died", 49, ("born", ROE, None)),
    }
    # Another sentence in between, or more said after the age: not the age at death.
    assert len(drafted("Jane Roe died in 2002. It rained. She was 49.", cast)) == 1


def test_a_persons_parents_named_after_them(tmp_path) -> None:
    cast = cast_of(
        tmp_path,
        '[[entities]]\nname = "Jane Roe"\ngender = "female"\n\n'
        '[[entities]]\nname = "Ann Roe"\n\n[[entities]]\nname = "Bob Roe"\n',
    )
    found = links(drafted("Jane Roe's mother, Ann Roe, was there.", cast))
    assert found == {("Ann Roe", "Jane Roe")}
    found = links(drafted("Jane Roe thanked her parents, Ann Roe and Bob Roe.", cast))
    assert found == {("Ann Roe", "Jane Roe"), ("Bob Roe", "Jane Roe")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At 41, Roe is busier than ever.", {(ROE, "age", None, 41)}),
        ("It rained. At 41, Jane Roe still works.", {(ROE, "age", None, 41)}),
        ("Roe won an Oscar at 29, she said.", set()),  # an age at another time
        ("At 29, Roe won an Oscar.", set()),
    ],
)
def test_a_sentence_that_opens_with_an_age(cast: Cast, text: str, expected: set) -> None:
    assert {f for f in facts(drafted(text, cast)) if f[1] == "age"} == expected


def test_a_birthday_in_the_past_dates_an_event_not_an_age(cast: Cast) -> None:
    said = {
        (c.subject, c.predicate, c.object, c.value, c.after)
        for c in drafted("On Roe's 33rd birthday, Doe proposed to her.", cast)
    }
    assert said == {(ROE, "engaged", DOE, 33, ("born", ROE, None))}


def test_an_age_in_a_sentence_that_opens_with_a_date_holds_then(cast: Cast) -> None:
    claims = drafted("In 2009, 12-year-old Ada met Doe's friends.", cast)
    assert [(c.subject, c.value, c.as_of) for c in claims if c.predicate == "age"] == [
        (ADA, 12, "2009")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Roe and Doe split in 2015, officially divorcing three years later.",
            (ROE, "divorced", DOE, 3, ("separated", ROE, DOE)),
        ),
        (
            "Roe and Doe got engaged in 2004. Two months later, the couple married.",
            None,  # "later" needs the earlier event in its own sentence
        ),
        (
            "At the age of 24, Roe was engaged to Doe.",
            (ROE, "engaged", DOE, 24, ("born", ROE, None)),
        ),
    ],
)
def test_events_counted_from_another(cast: Cast, text: str, expected: tuple | None) -> None:
    found = {
        (c.subject, c.predicate, c.object, c.value, c.after)
        for c in drafted(text, cast)
        if c.after is not None
    }
    assert found == ({expected} if expected else set())


def test_dated_from_one_year_to_another(cast: Cast) -> None:
    said = facts(drafted("Roe dated Doe from 1994 to 1997.", cast))
    assert said == {
        (ROE, "met", DOE, (("max", "1994"),)),
        (ROE, "separated", DOE, "1997"),
    }


def test_role_phrases_with_titles_in_them(tmp_path) -> None:
    # From a new user's trial on a real passage (Life & Style, 2020): roles named by a title.
    cast = cast_of(
        tmp_path,
        '[[entities]]\nname = "Jodie Turner-Smith"\ngender = "female"\nroles = ["actress"]\n\n'
        '[[entities]]\nname = "Joshua Jackson"\ngender = "male"\nroles = ["star"]\n',
    )
    text = (
        "The Queen and Slim actress, 33, and the Dawson's Creek star, 41, married in December 2019."
    )
    assert facts(drafted(text, cast, "2020-04-21")) == {
        ("Jodie Turner-Smith", "age", None, 33),
        ("Joshua Jackson", "age", None, 41),
        ("Jodie Turner-Smith", "married", "Joshua Jackson", "December 2019"),
    }
