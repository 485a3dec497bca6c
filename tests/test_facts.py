"""Facts that are not dates: children, counts, birthplaces, heights. The per-rule corpora are in
the rules' examples (tests/test_rules.py); these tests cover what they do not: the bundled
corpus, dating, configuration, bad values, and every report format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import BUNDLED_CLAIMS, ENTITIES
from factcheck.check import check
from factcheck.config import Settings
from factcheck.vocabulary import BUILTIN

FACT_RULES = {rule.code for rule in BUILTIN.rules if rule.code.startswith("FC4")}


def _article(aid: str, published: str | None, *claims: str) -> str:
    date = f"published = {published}\n" if published else ""
    return f'[article]\nid = "{aid}"\n{date}' + "".join(f"\n[[claims]]\n{c}" for c in claims)


def _claim(cid: str, subject: str, predicate: str, rest: str = "") -> str:
    return f'id = "{cid}"\nsubject = "{subject}"\npredicate = "{predicate}"\n{rest}'


def _codes(root: Path, settings: Settings | None = None) -> list[str]:
    return sorted(f.rule.code for f in check([root], settings or Settings(cache=False)).findings)


def test_the_bundled_corpus_states_facts_and_no_rule_about_them_fires() -> None:
    report = check([BUNDLED_CLAIMS], Settings(cache=False))
    assert not FACT_RULES & {f.rule.code for f in report.findings}
    predicates = {
        line.split('"')[1]
        for path in BUNDLED_CLAIMS.rglob("*.toml")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("predicate = ")
    }
    assert {"child", "children"} <= predicates


def test_a_count_in_an_undated_article_is_read_at_the_date_its_claims_allow(corpus) -> None:
    # u gives Aleph's age 5: it appeared in 2016-2017, after the 2014 article's count of two.
    root = corpus(
        {
            "a.toml": _article(
                "a",
                "2014-06-01",
                _claim("born", "Aleph", "born", "value = 2011-06-14\n"),
                _claim("kids", "Portman", "children", "value = 2\n"),
            ),
            "u.toml": _article(
                "u",
                None,
                _claim("age", "Aleph", "age", "value = 5\n"),
                _claim("kids", "Portman", "children", "value = 1\n"),
            ),
        }
    )
    assert "FC403" in _codes(root)


def test_an_adults_height_is_compared_when_the_birth_is_unknown(corpus) -> None:
    root = corpus(
        {
            "a.toml": _article(
                "a", "2019-01-01", _claim("h", "Portman", "height", 'value = "160 cm"\n')
            ),
            "b.toml": _article(
                "b", "2020-01-01", _claim("h", "Portman", "height", 'value = "5\'7\\""\n')
            ),
        }
    )
    assert _codes(root) == ["FC408"]


def _parent_of(age_gap: int) -> dict[str, str]:
    born = 2000 - age_gap
    return {
        "a.toml": _article(
            "a",
            "2020-01-01",
            _claim("p-born", "Portman", "born", f"value = {born}-01-01\n"),
            _claim("child", "Portman", "child", 'object = "Aleph"\n'),
            _claim("aleph-born", "Aleph", "born", "value = 2000-06-01\n"),
        )
    }


def test_the_years_between_parent_and_child_are_configurable(corpus, cli, monkeypatch) -> None:
    root = corpus(_parent_of(13))
    assert _codes(root) == []
    monkeypatch.chdir(root.parent)
    (root.parent / "factcheck.toml").write_text("[rules.FC401]\nleast = 14\n", encoding="utf-8")
    result = cli("run", "--format", "json", "claims")
    (finding,) = json.loads(result.stdout)["findings"]
    assert result.exit_code == 1 and finding["rule"] == "FC401"
    assert "at least 14 years after Natalie Portman's birth (FC401)" in finding["message"]
    page = cli("rules", "FC401")
    assert "Kind: gap: at least 14 years from `born` to `born`" in page.stdout  # as configured
    (root.parent / "factcheck.toml").write_text('[rules.FC401]\nkind = "gap"\n', "utf-8")
    bad = cli("run", "claims")
    assert bad.exit_code == 2 and "factcheck.toml:2: kind of FC401 cannot be changed" in bad.stderr


def test_a_desk_counts_what_it_likes_with_a_rule_of_its_own(corpus, cli, monkeypatch) -> None:
    root = corpus(
        {
            "a.toml": _article("a", "2020-01-01", _claim("g", "Portman", "goals", "value = 12\n")),
            "b.toml": _article("b", "2021-01-01", _claim("g", "Portman", "goals", "value = 9\n")),
        }
    )
    (root.parent / "factcheck.toml").write_text(
        '[predicates.goals]\nvalue = "count"\ndoc = "career goals"\n\n'
        '[rules.GOALS1]\nkind = "monotone"\npredicates = ["goals"]\n'
        'doc = "Career goals never go down."\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(root.parent)
    result = cli("run", "--format", "json", "claims")
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "GOALS1" and "has 12 goals on 2020-01-01" in finding["message"]


@pytest.mark.parametrize(
    ("claim", "said"),
    [
        (_claim("h", "Portman", "height", 'value = "5 ft 13 in"\n'), "has 13 inches"),
        (_claim("h", "Portman", "height", 'value = "-3 cm"\n'), "never negative"),
        (_claim("k", "Portman", "children", 'value = "several"\n'), "a count is a whole number"),
        (_claim("k", "Portman", "children", "value = -1\n"), "never negative"),
        (_claim("c", "Portman", "child", 'object = "Nobody"\n'), "unknown object 'Nobody'"),
        (_claim("c", "Portman", "child", 'object = "Aleph"\nvalue = 1\n'), "takes no value"),
        (_claim("p", "Portman", "birthplace", "value = 3\n"), "a place is a name"),
    ],
)
def test_a_bad_value_is_bad_input_at_its_line(corpus, cli, claim: str, said: str) -> None:
    root = corpus({"a.toml": _article("a", "2020-01-01", claim)})
    result = cli("run", str(root))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    (problem,) = [line for line in result.stderr.splitlines() if said in line]
    assert problem.startswith(f"{root / 'a.toml'}:") or "a.toml:" in problem


@pytest.mark.parametrize(
    ("places", "said"),
    [
        ('[[places]]\nname = "Haifa"\nwithin = "Haifa"\n', "'Haifa' is within itself"),
        (
            '[[places]]\nname = "A"\nwithin = "B"\n\n[[places]]\nname = "B"\nwithin = "A"\n',
            "in a loop",
        ),
    ],
)
def test_a_bad_place_is_bad_input(corpus, cli, places: str, said: str) -> None:
    root = corpus({"a.toml": _article("a", "2020-01-01")}, ENTITIES + "\n" + places)
    result = cli("run", str(root))
    assert result.exit_code == 2 and said in result.stderr and "entities.toml:" in result.stderr


EXAMPLE = Path(__file__).resolve().parent.parent / "src/factcheck/examples/FC406/contradicting"


@pytest.mark.parametrize("form", ["json", "jsonl", "sarif", "github", "text"])
def test_a_birthplace_finding_reaches_every_format(cli, monkeypatch, form: str) -> None:
    monkeypatch.chdir(EXAMPLE)
    result = cli("run", "--no-cache", "--format", form, "claims")
    assert result.exit_code == 1
    assert "FC406" in result.stdout and "Tel Aviv" in result.stdout


def test_the_timeline_lists_children_and_counts_with_their_sources(cli, monkeypatch) -> None:
    monkeypatch.chdir(BUNDLED_CLAIMS.parent)
    document = json.loads(cli("timeline", "Portman", "--format", "json").stdout)
    facts = {facts["fact"]: facts["sources"] for facts in document["facts"]}
    kids = {source["says"].split(",")[0] for source in facts["child"]}
    assert kids == {"Aleph", "Amalia"}
    assert any("born 2011-06-14" in source["says"] for source in facts["child"])
    assert {source["says"] for source in facts["children"]} >= {"2 on 2023-06-07"}
    aleph = json.loads(cli("timeline", "Aleph", "--format", "json").stdout)
    parents = {s["says"] for f in aleph["facts"] if f["fact"] == "parents" for s in f["sources"]}
    assert parents == {"child of Natalie Portman", "child of Benjamin Millepied"}


def test_an_accepted_birthplace_corrected_to_an_unknown_place_is_fixed(tmp_path, cli, monkeypatch):
    import shutil

    shutil.copytree(EXAMPLE / "claims", tmp_path / "claims")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert cli("baseline", "claims").exit_code == 0
    b = tmp_path / "claims" / "b.toml"
    b.write_text(b.read_text("utf-8").replace('"Tel Aviv"', '"Haifa"'), "utf-8")
    result = cli("run", "--baseline", ".factcheck-baseline.json", "--format", "json", "claims")
    report = json.loads(result.stdout)
    # Haifa is in no [[places]]: two warnings, which dispute nothing, so the accepted
    # contradiction is fixed.
    assert result.exit_code == 0
    assert sorted(f["rule"] for f in report["findings"]) == ["FC407", "FC407"]
    assert len(report["fixed"]) == 1
