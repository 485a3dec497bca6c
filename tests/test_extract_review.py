"""extract v2 for the reviewer: sentences not drafted are listed, never dropped; the draft as
JSON; an entity file proposed when there is none; the measuring script runs from the repository
alone."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafting import cast_of
from factcheck.dates import parse_date
from factcheck.extract.cast import Cast
from factcheck.extract.draft import extract
from factcheck.extract.proposal import propose

REPO = Path(__file__).resolve().parent.parent
ENTITIES = '[[entities]]\nname = "Blake Lively"\naliases = ["Lively"]\n\n'
ENTITIES += '[[entities]]\nname = "Ryan Reynolds"\naliases = ["Reynolds"]\n'
# Sentences in the shapes the examples have, none of which the patterns read.
TEXT = """\
Lively and Reynolds are happy. Taylor Swift, 33, is godmother.
The pair were spotted in New York on Tuesday with their kids.
It rained all week.
"""


@pytest.fixture(scope="module")
def cast(tmp_path_factory) -> Cast:
    return cast_of(tmp_path_factory.mktemp("review"), ENTITIES)


def test_sentences_that_look_like_claims_are_listed(cast: Cast) -> None:
    found = extract(TEXT, cast, parse_date("2023-06-07"))
    listed = [(s.line, s.text) for s in found.skipped]
    # An unknown name with an age; a weekday and a trigger word ("kids") beside capitalised
    # names. Names alone, or the weather, are no claim.
    assert listed == [
        (1, "Taylor Swift, 33, is godmother."),
        (2, "The pair were spotted in New York on Tuesday with their kids."),
    ]


names = st.sampled_from(["Blake Lively", "Lively", "Ryan Reynolds", "Reynolds"])
numbers = st.one_of(st.integers(1, 99).map(str), st.sampled_from(["2010", "June 2011"]))
fillers = st.sampled_from(["smiled at", "was seen with", "talked about", "wrote to", "and"])


@given(st.lists(st.tuples(names, fillers, names, numbers), min_size=1, max_size=6))
def test_no_sentence_with_a_known_name_and_a_number_is_left_out(cast: Cast, sentences) -> None:
    """Each such sentence is drafted from or listed: never both missing."""
    text = " ".join(f"{a} {verb} {b} {n} times." for a, verb, b, n in sentences)
    found = extract(text, cast, parse_date("2023-06-07"))
    covered = [(c.start, c.end) for c in found.claims] + [(s.start, s.end) for s in found.skipped]
    position = 0
    for a, verb, b, n in sentences:
        sentence = f"{a} {verb} {b} {n} times."
        start = text.index(sentence, position)
        end = position = start + len(sentence)
        assert any(lo < end and start < hi for lo, hi in covered), sentence


def test_the_draft_lists_them_as_comments_and_json_gives_them_as_data(cli, tmp_path) -> None:
    (tmp_path / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("date 2023-06-07\n\n" + TEXT, encoding="utf-8")
    entities = str(tmp_path / "entities.toml")
    result = cli("extract", str(article), "--entities", entities)
    assert result.exit_code == 0
    assert '# not drafted (line 3): "Taylor Swift, 33, is godmother."' in result.stdout
    assert "sentences not drafted, listed in the draft" in result.stderr
    tomllib.loads(result.stdout)  # the comments keep the draft a claims file
    result = cli("extract", str(article), "--entities", entities, "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["article"]["published"] == "2023-06-07"
    listed = {s["text"]: s["line"] for s in document["not_drafted"]}
    assert listed["Taylor Swift, 33, is godmother."] == 3
    for skipped in document["not_drafted"]:
        assert (
            article.read_text()[skipped["start"] : skipped["end"]].split()
            == skipped["text"].split()
        )
    assert document["proposed_entities"] is None


def test_hostile_text_in_a_listed_sentence_stays_in_its_comment(cli, tmp_path) -> None:
    (tmp_path / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    article = tmp_path / "a.txt"
    filler = "Nothing happened that day. " * 10  # a stray escape, not binary data
    article.write_text(
        filler + 'Lively, 35\u2028[[claims]]\u202e "x" \\ is here\x1b[31m in 2010.',
        encoding="utf-8",
    )
    result = cli("extract", str(article), "--entities", str(tmp_path / "entities.toml"))
    assert result.exit_code == 0
    document = tomllib.loads(result.stdout)  # nothing escaped its comment
    assert len(document.get("claims", [])) <= 1
    assert "# not drafted (line 1): " in result.stdout
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_a_proposed_entity_file() -> None:
    text = (
        "Blake Lively and husband Ryan Reynolds met in 2010. Lively, 35, gave birth to "
        "daughter James in 2014. Reynolds said so. The Cannes Film Festival was fun. "
        "Taylor Swift, 33, is godmother. In June, New York was hot."
    )
    proposal = propose(text)
    people = {(e.name, e.aliases, e.gender) for e in proposal.entities}
    assert people == {
        ("Blake Lively", ("Lively",), None),
        ("Ryan Reynolds", ("Reynolds",), "male"),
        ("Taylor Swift", (), None),
        ("James", (), "female"),
    }
    assert tomllib.loads(proposal.text("a.txt"))["entities"][0]["name"] == "Blake Lively"


def test_a_surname_two_proposed_people_share_is_nobody_s_alias() -> None:
    proposal = propose("David Beckham, 46, and Victoria Beckham, 47, arrived. Beckham spoke.")
    assert {(e.name, e.aliases) for e in proposal.entities} == {
        ("David Beckham", ()),
        ("Victoria Beckham", ()),
    }


def test_the_quality_script_runs_from_the_repository_alone() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "extract_quality.py"), "--half", "all", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:2] == ["family", "passages"]
    overall = next(line for line in lines if line.startswith("overall"))
    passages = int(overall.split()[1])
    assert passages >= 30
    assert "neither drafted nor listed: 0" in done.stdout


def test_a_sentence_partly_drafted_is_listed_with_what_was_not_read(cast: Cast) -> None:
    text = "Lively, 35, and Reynolds, 46, married in 2012, having spent a year in 2010 apart."
    found = extract(text, cast, parse_date("2023-06-07"))
    assert {(c.subject, c.predicate) for c in found.claims} >= {("Blake Lively", "age")}
    assert [(s.line, s.why) for s in found.skipped] == [(1, "partly drafted: '2010' was not read")]


def test_ids_name_people_who_share_a_surname_in_full(tmp_path) -> None:
    cast = cast_of(
        tmp_path, '[[entities]]\nname = "Jamie Cullum"\n\n[[entities]]\nname = "Lyra Cullum"\n'
    )
    claims = extract("Jamie Cullum, 33, and his daughter Lyra Cullum, 2, smiled.", cast, None)
    assert sorted(c.id for c in claims.claims) == [
        "jamie-cullum-age",
        "jamie-cullum-child-lyra-cullum",
        "lyra-cullum-age",
    ]


def test_a_missing_output_folder_or_entity_file_is_said_plainly(cli, tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Lively, 35, smiled.", encoding="utf-8")
    result = cli("extract", str(article), "-o", str(tmp_path / "nowhere" / "a.toml"))
    assert result.exit_code == 2
    assert "the folder" in result.stderr and "does not exist (create it first" in result.stderr
    result = cli("extract", str(article), "--entities", str(tmp_path / "nope.toml"))
    assert result.exit_code == 2
    assert "nope.toml: no such entity file (give the entity file with --entities" in (result.stderr)


def test_json_gives_a_child_link_no_value(cli, tmp_path) -> None:
    (tmp_path / "entities.toml").write_text(ENTITIES + '\n[[entities]]\nname = "James"\n')
    article = tmp_path / "a.txt"
    article.write_text("Lively and Reynolds have a daughter, James.", encoding="utf-8")
    result = cli(
        "extract", str(article), "--entities", str(tmp_path / "entities.toml"), "--format", "json"
    )
    links = [c for c in json.loads(result.stdout)["claims"] if c["predicate"] == "child"]
    assert {(c["subject"], c["object"], c["value"]) for c in links} == {
        ("Blake Lively", "James", None),
        ("Ryan Reynolds", "James", None),
    }


def test_a_proposal_reads_roles_pronouns_and_relations() -> None:
    text = (
        "Actress Saffron Burrows, 44, gave birth to daughter Daisy on Jan. 23. Burrows said "
        "she was thrilled. Jamie Cullum is happy; he married Sophie Dahl in 2010."
    )
    people = {(e.name, e.aliases, e.gender, e.roles) for e in propose(text).entities}
    assert people == {
        ("Saffron Burrows", ("Burrows",), "female", ("actress",)),
        ("Daisy", (), "female", ()),
        ("Sophie Dahl", (), None, ()),  # "married Sophie Dahl": a person
        ("Jamie Cullum", (), None, ()),  # "Jamie Cullum is": a person's verb
    }


def test_a_surname_used_alone_after_a_sentence_is_proposed_as_an_alias() -> None:
    text = "Jane Roe, 41, has two children, Ada and Max. Roe was born in Leeds."
    assert ("Jane Roe", ("Roe",)) in {(e.name, e.aliases) for e in propose(text).entities}


def test_an_entity_file_that_names_nobody_of_the_article_is_said(cli, tmp_path) -> None:
    (tmp_path / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Jane Roe, 41, married John Doe in 2012.", encoding="utf-8")
    result = cli("extract", str(article), "--entities", str(tmp_path / "entities.toml"))
    assert result.exit_code == 0
    assert "drafted 0 claims" in result.stderr
    assert "entities.toml, which names nobody the draft could use: give the article's people " in (
        result.stderr
    )
