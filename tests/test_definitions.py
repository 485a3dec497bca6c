"""A user's vocabulary in the configuration: a sports desk's events, predicates and rule checked
like factcheck's own, and every bad definition reported at its line (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SPORTS = """\
[events.signed]
of = "couple"
noun = "signing"
verb = "signed with"

[events.transferred]
of = "couple"
noun = "transfer"
verb = "transferred from"

[predicates.signed]
doc = "when the player signed with the club"

[predicates.transferred]
doc = "when the player left the club for another"

[rules.SPORT1]
name = "transfer-after-signing"
earlier = "signed"
later = "transferred"
doc = "A player leaves a club on or after signing with it."
"""

ENTITIES = """\
[[entities]]
name = "Erling Haaland"
aliases = ["Haaland"]

[[entities]]
name = "Borussia Dortmund"
aliases = ["Dortmund"]
"""


def _article(aid: str, predicate: str, value: str) -> str:
    return (
        f'[article]\nid = "{aid}"\npublished = 2022-01-01\n\n[[claims]]\nid = "{predicate}"\n'
        f'subject = "Haaland"\npredicate = "{predicate}"\nobject = "Dortmund"\nvalue = {value}\n'
    )


@pytest.fixture
def desk(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "desk"
    (root / "claims").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "factcheck.toml").write_text(SPORTS, encoding="utf-8")
    (root / "claims" / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    (root / "claims" / "a.toml").write_text(
        _article("a", "signed", '"December 2019"'), encoding="utf-8"
    )
    (root / "claims" / "b.toml").write_text(
        _article("b", "transferred", '"2018"'), encoding="utf-8"
    )
    monkeypatch.chdir(root)
    return root


def test_a_transfer_before_the_signing_is_caught_by_the_desks_rule(cli, desk: Path) -> None:
    result = cli("run", "--format", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "SPORT1" and finding["name"] == "transfer-after-signing"
    assert "a player leaves a club on or after signing with it (SPORT1)" in finding["message"]
    sarif = json.loads(cli("run", "--format", "sarif").stdout)["runs"][0]
    codes = [rule["id"] for rule in sarif["tool"]["driver"]["rules"]]
    assert codes[sarif["results"][0]["ruleIndex"]] == "SPORT1"
    page = cli("rules", "SPORT1")
    assert page.exit_code == 0 and "`signed` on or before `transferred`" in page.stdout
    assert "SPORT1  transfer-after-signing  (error)" in cli("rules").stdout
    schema = json.loads(cli("schema").stdout)
    assert "transferred" in json.dumps(schema)
    timeline = cli("timeline", "Haaland")
    assert "signed with Borussia Dortmund" in timeline.stdout


def test_the_desks_rules_can_be_disabled_and_regraded(cli, desk: Path) -> None:
    config = desk / "factcheck.toml"
    config.write_text('disable = ["SPORT1"]\n' + SPORTS, encoding="utf-8")
    assert cli("run").exit_code == 0
    assert "SPORT1  transfer-after-signing  (error, disabled here)" in cli("rules").stdout
    config.write_text('[severity]\nSPORT1 = "warning"\n\n' + SPORTS, encoding="utf-8")
    assert cli("run").exit_code == 0
    listed = cli("rules").stdout
    assert "SPORT1  transfer-after-signing  (error, configured: warning)" in listed
    assert "FC201  wedding-after-meeting  (error)" in listed
    assert json.loads(cli("run", "-f", "json").stdout)["findings"][0]["severity"] == "warning"


def test_a_changed_vocabulary_is_not_answered_from_the_cache(cli, desk: Path) -> None:
    assert cli("run").exit_code == 1
    (desk / "factcheck.toml").write_text(SPORTS.split("[rules.SPORT1]")[0], encoding="utf-8")
    assert cli("run").exit_code == 0, "no rule, no finding: the cached report is not used"


@pytest.mark.parametrize(
    ("definition", "line", "message"),
    [
        ('[events.won]\nof = "team"\n', 2, "of of won must be one of person, couple, not 'team'"),
        ('[events.won]\nof = "couple"\ncolour = "red"\n', 3, "unknown key 'colour' in won"),
        ('[predicates.won]\nevent = "victory"\n', 2, "unknown event 'victory'"),
        ('[predicates.born]\ndoc = "x"\n', 1, "born is factcheck's own"),
        ('[rules.FC201]\nearlier = "met"\nlater = "married"\n', 1, "FC201 is factcheck's own"),
        ('[rules.FC900]\nearlier = "met"\nlater = "married"\n', 1, "FC900 is factcheck's own"),
        ('[rules.sport]\nearlier = "met"\nlater = "married"\n', 1, "'sport' is not a rule code"),
        ('[rules.SPORT0]\nearlier = "met"\nlater = "married"\n', 1, "rule SPORT0 needs a doc"),
        (
            '[rules.SPORT2]\nkind = "sequence"\nearlier = "met"\nlater = "married"\ndoc = "x"\n',
            2,
            "place-unrelated, length, not 'sequence'",
        ),
        (
            '[rules.SPORT3]\nearlier = "signed"\nlater = "retired"\ndoc = "x"\n',
            3,
            "event 'retired' is unknown or no predicate dates it",
        ),
        (
            '[rules.SPORT4]\nearlier = "divorced"\nlater = "met"\ndoc = "x"\n',
            1,
            "form a cycle: divorced -> met",
        ),
        (
            '[rules.SPORT5]\nkind = "gap"\nearlier = "born"\nlater = "signed"\nleast = -1\n'
            'doc = "x"\n',
            5,
            "least of SPORT5 must not be negative",
        ),
        # regression (#14 review): years past the calendar's spans, or not a number, crashed
        *(
            (
                f'[rules.SPORT5]\nkind = "gap"\nearlier = "born"\nlater = "signed"\n'
                f'least = {least}\ndoc = "x"\n',
                5,
                f"least of SPORT5 {said}",
            )
            for least, said in (
                ("1000", "of 1000 years is beyond 200 years"),
                ("1e308", "of 1e+308 years is beyond 200 years"),
                ("nan", "must be a finite number"),
                ("12.3456", "of 12.3456 years has more than two decimals"),
            )
        ),
        # regression (#14 review): a rule's words are printed as factcheck's own: no escapes
        (
            '[rules.SPORT5]\nkind = "gap"\nearlier = "born"\nlater = "signed"\nleast = 1\n'
            'name = "transfer\\u001b[2J"\ndoc = "x"\n',
            6,
            "name of SPORT5 holds a control or direction character",
        ),
    ],
)
def test_a_bad_definition_is_bad_input_at_its_line(
    cli, desk: Path, definition: str, line: int, message: str
) -> None:
    (desk / "factcheck.toml").write_text(definition + "\n" + SPORTS, encoding="utf-8")
    result = cli("run")
    assert result.exit_code == 2
    said = [problem for problem in result.stderr.splitlines() if message in problem]
    assert said and said[0].startswith(f"factcheck.toml:{line}: "), result.stderr


@pytest.mark.parametrize(
    ("definition", "expected"),
    [
        # least above most: bad input at most's line, never a crash
        (
            '[rules.SPORT6]\nkind = "gap"\nearlier = "met"\nlater = "married"\nleast = 5\n'
            'most = 2\ndoc = "x"\n',
            ["factcheck.toml:6: least 5 is above most 2 (least is the fewest"],
        ),
        # a code defined twice is a TOML error at the second definition's line
        (
            '[rules.SPORT1]\nearlier = "met"\nlater = "married"\ndoc = "x"\n',
            ["factcheck.toml:1: TOML syntax error: Cannot declare ('rules', 'SPORT1') twice"],
        ),
        # a misspelt kind hides none of the rule's other problems, and each has a hint
        (
            '[rules.SPORT7]\nkind = "ordr"\nearlier = "met"\nlater = "marryed"\ndoc = "x"\n',
            [
                "factcheck.toml:2: kind of SPORT7 must be one of order, gap, alive, monotone, "
                "undercount, overcount, place, place-unrelated, length, not 'ordr' "
                "(did you mean 'order'?)",
                "factcheck.toml:4: event 'marryed' is unknown or no predicate dates it "
                "(did you mean 'married'?)",
            ],
        ),
        # an event defined with a problem is not also unknown where it is used
        (
            '[events.won]\nof = "team"\n\n[predicates.won]\ndoc = "x"\n',
            ["factcheck.toml:2: of of won must be one of person, couple, not 'team' (\"person\""],
        ),
        # one problem per mistake: a least that is not a number is not "no least" as well
        (
            '[rules.SPORT8]\nkind = "gap"\nearlier = "met"\nlater = "married"\n'
            'least = "2"\ndoc = "x"\n',
            ["factcheck.toml:5: least of SPORT8 must be a number of years (e.g. least = 12"],
        ),
        # a key the kind does not read is a mistake, not ignored
        (
            '[rules.SPORT9]\nearlier = "met"\nlater = "married"\nleast = 2\ndoc = "x"\n',
            ["factcheck.toml:4: least means nothing to SPORT9 (an order rule takes earlier"],
        ),
        # rules that never match
        (
            '[rules.SPORT10]\nkind = "gap"\nearlier = "born"\nlater = "born"\nleast = 12\n'
            'doc = "x"\n',
            ["factcheck.toml:1: earlier and later are the same event: it never matches"],
        ),
        (
            '[rules.SPORT11]\nkind = "alive"\nlater = "died"\ndoc = "x"\n',
            ["factcheck.toml:1: an alive rule needs predicates"],
        ),
        # a cycle with factcheck's own rules: born before everything, everything before death
        (
            '[rules.SPORT12]\nearlier = "died"\nlater = "born"\ndoc = "x"\n',
            ["factcheck.toml:1: order rules FC205, SPORT12 form a cycle: born -> died -> born"],
        ),
        (
            '[rules.SPORT13]\nearlier = "*"\nlater = "*"\ndoc = "x"\n',
            ["factcheck.toml:1: order rules FC205, SPORT13 form a cycle"],
        ),
        # Found by fuzzing: rules whose years round a loop of events no corpus can satisfy,
        # which the solver looped on for ever (it can retract a claim, never a rule). With
        # factcheck's own: at least 199 years from a signing to everything, birth included,
        # and the birth comes first; and two of the user's, at least 5 and at most 2 years.
        (
            '[rules.SPORT15]\nkind = "gap"\nearlier = "signed"\nlater = "*"\nleast = 199\n'
            'doc = "x"\n',
            ["factcheck.toml:1: rules FC205, SPORT15 cannot all hold: born -> signed -> born"],
        ),
        (
            '[rules.SPORT16]\nkind = "gap"\nearlier = "met"\nlater = "married"\nleast = 5\n'
            'doc = "x"\n\n[rules.SPORT17]\nkind = "gap"\nearlier = "met"\nlater = "married"\n'
            'most = 2\ndoc = "x"\n',
            ["factcheck.toml:8: rules SPORT16, SPORT17 cannot all hold: met -> married -> met"],
        ),
        # a name of factcheck's own, and a section that is not a table, at its own line
        (
            '[rules.SPORT14]\nname = "born-first"\nearlier = "met"\nlater = "married"\ndoc = "x"\n',
            ["factcheck.toml:2: name 'born-first' is factcheck's own (FC205 is named so"],
        ),
        ('paths = ["claims"]\nevents = 5\n', ["factcheck.toml:2: events must be a table"]),
    ],
)
def test_each_mistake_in_a_definition_is_one_problem_at_its_line_with_a_hint(
    cli, desk: Path, definition: str, expected: list[str]
) -> None:
    alone = definition.startswith("paths")  # a configuration of its own, not the desk's
    text = definition if alone else SPORTS + "\n" + definition
    (desk / "factcheck.toml").write_text(text, encoding="utf-8")
    result = cli("run")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("factcheck.toml:")]
    offset = 0 if alone else SPORTS.count("\n") + 1
    shifted = [_shift(e, offset) for e in expected]
    assert len(problems) == len(expected), result.stderr
    for problem, want in zip(problems, shifted, strict=True):
        assert all(part in problem for part in want), (problem, want)


def _shift(expected: str, offset: int) -> list[str]:
    """The expected problem with its line moved down by ``offset`` (the definition follows the
    desk's own), split where it is given in parts."""
    if not expected.startswith("factcheck.toml:"):
        return [expected]
    line, _, rest = expected[len("factcheck.toml:") :].partition(":")
    return [f"factcheck.toml:{int(line) + offset}:{rest}"]
