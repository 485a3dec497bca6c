"""The editor schema: committed, valid draft 4, and in agreement with the loader.

Each invalid file below is rejected by the schema and by ``check`` (with a problem in that file
whose message names what is wrong); each valid variant is accepted by both.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
import tomllib
from pathlib import Path

import jsonschema
import pytest

from conftest import BUNDLED_CLAIMS, ENTITIES, REPO
from factcheck.check import check
from factcheck.problems import InputError
from factcheck.schema import schema, schema_text

COMMITTED = REPO / "schemas" / "claims.schema.json"
REGENERATE = "regenerate it: factcheck schema > schemas/claims.schema.json"

ARTICLE = '[article]\nid = "a1"\npublished = 2023-06-07\n'


def jsonable(value: object) -> object:
    """A parsed TOML document as an editor's validator sees it: dates and times as strings."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(schema())


def schema_errors(source: str) -> list[str]:
    document = jsonable(tomllib.loads(source))
    return [error.message for error in validator().iter_errors(document)]


def claim(*lines: str, article: str = ARTICLE) -> str:
    return article + "\n[[claims]]\n" + "\n".join(lines) + "\n"


def age(*more: str, value: str = "11", article: str = ARTICLE) -> str:
    lines = ['id = "c1"', 'subject = "Aleph"', 'predicate = "age"', f"value = {value}", *more]
    return claim(*lines, article=article)


def married(*more: str, value: str = '"2012"', party: str = 'object = "Millepied"') -> str:
    lines = ['id = "c1"', 'subject = "Portman"', 'predicate = "married"', party]
    return claim(*lines, f"value = {value}", *more)


def born(*more: str, value: str = "2011-06-14") -> str:
    return claim('id = "c1"', 'subject = "Aleph"', 'predicate = "born"', f"value = {value}", *more)


def write(tmp_path: Path, source: str) -> tuple[Path, Path]:
    """A claims folder with the shared entities and ``case.toml``."""
    root = tmp_path / "claims"
    root.mkdir()
    (root / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    case = root / "case.toml"
    case.write_text(textwrap.dedent(source), encoding="utf-8")
    return root, case


# --- the committed copy, the schema itself, the CLI ---------------------------------------------


def test_committed_schema_is_the_generated_one():
    assert COMMITTED.is_file(), f"{COMMITTED} is missing; {REGENERATE}"
    committed = COMMITTED.read_text(encoding="utf-8")
    assert committed == schema_text(), f"{COMMITTED} is out of date; {REGENERATE}"


def test_schema_text_is_json_with_a_final_newline():
    text = schema_text()
    assert text.endswith("}\n")
    assert json.loads(text) == schema()
    assert text == schema_text(), "deterministic"


def test_schema_is_a_valid_draft_4_schema():
    document = schema()
    assert document["$schema"] == "http://json-schema.org/draft-04/schema#"
    jsonschema.Draft4Validator.check_schema(document)
    assert jsonschema.validators.validator_for(document) is jsonschema.Draft4Validator


def test_cli_prints_the_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0, result.output
    assert result.stdout == schema_text()


def test_schema_follows_the_loader_tables_and_predicates():
    from factcheck.keys import AFTER_KEYS, ARTICLE_KEYS, CLAIM_KEYS, ENTITY_KEYS, TOP_KEYS
    from factcheck.vocabulary import BUILTIN

    PREDICATES = BUILTIN.predicates

    top = schema()["properties"]
    claim_schema = top["claims"]["items"]
    assert list(top) == list(TOP_KEYS)
    assert list(top["article"]["properties"]) == list(ARTICLE_KEYS)
    assert list(claim_schema["properties"]) == list(CLAIM_KEYS)
    assert list(claim_schema["properties"]["after"]["properties"]) == list(AFTER_KEYS)
    assert list(top["entities"]["items"]["properties"]) == list(ENTITY_KEYS)
    assert claim_schema["properties"]["predicate"]["enum"] == list(PREDICATES)
    events = [name for name, p in PREDICATES.items() if p.kind == "date"]
    assert claim_schema["properties"]["after"]["properties"]["predicate"]["enum"] == events


def test_a_new_predicate_or_key_reaches_the_schema(monkeypatch):
    from factcheck import loader, vocabulary

    widowed = vocabulary.Predicate("widowed", "date", "widowed", True, "when the spouse died")
    monkeypatch.setitem(vocabulary.BUILTIN.predicates, "widowed", widowed)
    monkeypatch.setitem(loader.CLAIM_KEYS, "note", (str,))
    document = schema()
    jsonschema.Draft4Validator.check_schema(document)
    claim_schema = document["properties"]["claims"]["items"]
    assert "widowed" in claim_schema["properties"]["predicate"]["enum"]
    assert "widowed" in claim_schema["properties"]["after"]["properties"]["predicate"]["enum"]
    assert claim_schema["properties"]["note"]["type"] == "string"
    check_file = jsonschema.Draft4Validator(document).is_valid
    widow = ['id = "c1"', 'subject = "Portman"', 'predicate = "widowed"', 'value = "2030"']
    assert check_file(jsonable(tomllib.loads(claim(*widow, 'object = "X"', 'note = "n"'))))
    assert not check_file(jsonable(tomllib.loads(claim(*widow))))  # a relation: needs object


def test_every_key_has_a_description():
    def walk(node: dict, where: str) -> None:
        for key, sub in node.get("properties", {}).items():
            assert sub.get("description"), f"{where}.{key} has no description"
            walk(sub, f"{where}.{key}")
        if "items" in node:
            walk(node["items"], where + "[]")

    walk(schema(), "$")


# --- the bundled claims ----------------------------------------------------------------------


BUNDLED = sorted(BUNDLED_CLAIMS.rglob("*.toml"))


def test_there_are_bundled_claim_files():
    assert len(BUNDLED) >= 2


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.relative_to(BUNDLED_CLAIMS).as_posix())
def test_bundled_claim_file_validates(path: Path):
    document = jsonable(tomllib.loads(path.read_text(encoding="utf-8")))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(document)]
    assert errors == []


# --- schema and loader agree -----------------------------------------------------------------


INVALID = {
    "missing claim id": (
        claim('subject = "Aleph"', 'predicate = "age"', "value = 11"),
        "has no 'id'",
    ),
    "missing article id": ('[article]\noutlet = "People"\n', "has no 'id'"),
    "blank article id": ('[article]\nid = "  "\n', "is empty"),
    "blank subject": (
        claim('id = "c1"', 'subject = " "', 'predicate = "age"', "value = 11"),
        "subject in the claim is empty",
    ),
    "missing value": (
        claim('id = "c1"', 'subject = "Aleph"', 'predicate = "age"'),
        "has no 'value'",
    ),
    "unknown predicate": (
        claim('id = "c1"', 'subject = "Aleph"', 'predicate = "aged"', "value = 11"),
        "unknown predicate 'aged'",
    ),
    "unknown claim key": (age('source = "People"'), "unknown key 'source'"),
    "unknown article key": ('[article]\nid = "a1"\nauthor = "X"\n', "unknown key 'author'"),
    "unknown top-level key": ('[article]\nid = "a1"\n\n[meta]\nx = 1\n', "unknown key 'meta'"),
    "empty file": ("# nothing yet\n", "neither an article file nor an entity file"),
    "claims as a table": (
        '[article]\nid = "a1"\n\n[claims]\nid = "c1"\n',
        "must be written as [[claims]]",
    ),
    "claims without an article": (
        '[[claims]]\nid = "c1"\nsubject = "Aleph"\npredicate = "age"\nvalue = 11\n',
        "claims without an [article] table",
    ),
    "relation without object": (married(party=""), "has no 'object'"),
    "object on born": (born('object = "Portman"'), "takes no 'object'"),
    "negative age": (age(value="-1"), "must not be negative"),
    "age over the years limit": (age(value="201"), "beyond 200 years"),
    "age as text": (age(value='"eleven"'), "must be a number of years"),
    "age as a date range": (age(value='{ max = "as_of" }'), "must be a number of years"),
    "years table with an unknown key": (age(value="{ least = 10 }"), "unknown key 'least'"),
    "empty years table": (age(value="{}"), "needs min, max or both"),
    "negative years table bound": (age(value="{ min = -1 }"), "must not be negative"),
    "born as a decimal": (born(value="2011.5"), "expected a date"),
    "born as true": (born(value="true"), "value in the claim must be"),
    "born as a list": (born(value="[2011]"), "value in the claim must be"),
    "born in year 0": (born(value="0"), "out of range"),
    "born as blank text": (born(value='"  "'), "the date is empty"),
    "date range with an unknown key": (
        born(value="{ min = 2010, until = 2012 }"),
        "a date range table takes min and max",
    ),
    "empty date range": (born(value="{}"), "a date range table takes min and max"),
    "date range bound as a decimal": (born(value="{ min = 2010.5 }"), "expected a date"),
    "as_of as a table": (age("as_of = { max = 2022 }"), "as_of in the claim must be"),
    "as_of as a decimal": (age("as_of = 2022.5"), "as_of in the claim must be"),
    "published as true": ('[article]\nid = "a1"\npublished = true\n', "published in [article]"),
    "quote as a number": (age("quote = 11"), "quote in the claim must be text"),
    "after with as_of": (
        married('after = { predicate = "born", subject = "Aleph" }', 'as_of = "2013"', value="1"),
        "as_of has no meaning with after",
    ),
    "after on a years predicate": (
        age('after = { predicate = "born", subject = "Aleph" }'),
        "after works with event predicates",
    ),
    "after naming no event": (
        married('after = { predicate = "age", subject = "Aleph" }', value="1"),
        "which is not an event",
    ),
    "after without subject": (
        married('after = { predicate = "born" }', value="1"),
        "after has no 'subject'",
    ),
    "after with an unknown key": (
        married('after = { predicate = "born", subject = "Aleph", when = 1 }', value="1"),
        "unknown key 'when' in after",
    ),
    "after a relation without object": (
        married('after = { predicate = "met", subject = "Portman" }', value="1"),
        "relates two people but has no 'object'",
    ),
    "after born with an object": (
        married('after = { predicate = "born", subject = "Aleph", object = "Portman" }', value="1"),
        "takes no 'object'",
    ),
    "date value with after": (
        married('after = { predicate = "born", subject = "Aleph" }', value='"2012"'),
        "must be a number of years",
    ),
    "entity without name": ('[[entities]]\naliases = ["Ami"]\n', "has no 'name'"),
    "entity with a blank name": ('[[entities]]\nname = " "\n', "name in [[entities]] is empty"),
    "entity with an unknown key": (
        '[[entities]]\nname = "Amalia"\nborn = 2011\n',
        "unknown key 'born' in [[entities]]",
    ),
    "alias that is not text": ('[[entities]]\nname = "Amalia"\naliases = [1]\n', "list of text"),
    "blank alias": ('[[entities]]\nname = "Amalia"\naliases = [" "]\n', "an empty alias"),
    "entities as a table": ('[entities]\nname = "Amalia"\n', "must be written as [[entities]]"),
}

VALID = {
    "an age": age('quote = "son Aleph, 11"'),
    "an age as of a year": age('as_of = "2022"', value="10"),
    "an age as of a date": age("as_of = 2022-06-01", value="10"),
    "a decimal age": age(value="1.5"),
    "an age range": age(value="{ min = 10, max = 12 }"),
    "a birth date": born(),
    "a birth year as text": born(value='"2011"'),
    "a birth year as an integer": born(value="2011"),
    "a birth day as text": born(value='"June 14, 2011"'),
    "a birth date-time": born(value="2011-06-14T10:00:00"),
    "a birth range up to as_of": born('as_of = "2013"', value='{ min = 2010, max = "as_of" }'),
    "a wedding": married(),
    "a wedding after a birth": married(
        'after = { predicate = "born", subject = "Aleph" }', value="1"
    ),
    "a wedding after the meeting": married(
        'after = { predicate = "met", subject = "Portman", object = "Millepied" }',
        value="{ min = 2 }",
    ),
    "years married": claim(
        'id = "c1"',
        'subject = "Portman"',
        'predicate = "married_for"',
        'object = "Millepied"',
        "value = { min = 10 }",
    ),
    "an undated article": age(article='[article]\nid = "a1"\ntitle = "T"\nurl = "https://x"\n'),
    "published as a month": age(article='[article]\nid = "a1"\npublished = "2023-08"\n'),
    "published as a year": age(article='[article]\nid = "a1"\npublished = 2023\n'),
    "an article without claims": '[article]\nid = "a1"\n',
    "an empty claims list alone": "claims = []\n",
    "an entity with no aliases": '[[entities]]\nname = "Amalia"\n',
    "entities and an article in one file": (
        '[[entities]]\nname = "Amalia"\naliases = ["Ami"]\n\n'
        + claim('id = "c1"', 'subject = "Ami"', 'predicate = "born"', 'value = "Feb. 22, 2017"')
    ),
}


def test_there_are_enough_cases():
    assert len(INVALID) >= 10
    assert len(VALID) >= 3


@pytest.mark.parametrize(("source", "words"), INVALID.values(), ids=list(INVALID))
def test_invalid_file_is_rejected_by_schema_and_loader(tmp_path, source, words):
    assert schema_errors(source), "the schema accepts it"
    root, case = write(tmp_path, source)
    with pytest.raises(InputError) as caught:
        check([root])
    here = [p for p in caught.value.problems if Path(p.path) == case]
    assert here, f"no problem in the file: {caught.value.problems}"
    assert any(words in str(p) for p in here), [str(p) for p in here]


@pytest.mark.parametrize("source", VALID.values(), ids=list(VALID))
def test_valid_file_is_accepted_by_schema_and_loader(tmp_path, source):
    assert schema_errors(source) == []
    root, _ = write(tmp_path, source)
    check([root])  # raises InputError on any problem
