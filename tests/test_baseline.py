"""Baselines end to end, in a temporary copy of the bundled corpus: accepted contradictions pass,
new ones fail and point at their file and line, fixed ones are listed, bad baselines stop."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import BUNDLED_CLAIMS

BASELINE = ".factcheck-baseline.json"

CONTRADICTING = """\
# A new article that gets Aleph's birth date wrong.
[article]
id = "tabloid-2024-01-05"
outlet = "Tabloid"
published = 2024-01-05

[[claims]]
id = "aleph-born"
subject = "Aleph"
predicate = "born"
value = "March 3, 2012"
quote = "Aleph, born on March 3, 2012"
"""

UNRELATED = """\
[article]
id = "unrelated"
published = 2020-01-01

[[claims]]
id = "someone-born"
subject = "Someone Else"
predicate = "born"
value = 1990
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "desk"
    shutil.copytree(BUNDLED_CLAIMS, root / "claims")
    (root / ".git").mkdir()  # the repository's root, as a clone has it
    monkeypatch.chdir(root)
    return root


def _fingerprints(cli, *args: str) -> dict[str, bool | None]:
    result = cli("run", "--format", "json", *args)
    return {f["fingerprint"]: f.get("new") for f in json.loads(result.stdout)["findings"]}


def _reorder_and_reformat(path: Path) -> None:
    """Reverse the claims of a file, indent every key, and add comments: same claims."""
    text = path.read_text(encoding="utf-8")
    head, *blocks = text.split("[[claims]]")
    blocks = ["[[claims]]" + "\n".join("    " + line for line in b.splitlines()) for b in blocks]
    reordered = "\n".join(blocks[::-1])
    path.write_text(
        f"# reviewed by the desk\n{head}\n\n# claims, newest first\n{reordered}", encoding="utf-8"
    )


def test_baseline_accepts_known_contradictions_and_fails_on_new_ones(cli, repo: Path) -> None:
    written = cli("baseline")
    assert written.exit_code == 0, written.output
    document = json.loads((repo / BASELINE).read_text(encoding="utf-8"))
    assert document["version"] == 1
    entries = document["findings"]
    assert len(entries) == 6
    assert entries == sorted(entries, key=lambda e: (e["rule"], e["claims"], e["fingerprint"]))
    assert cli("run").exit_code == 1, "without the baseline the seeds still fail"
    assert cli("run", "--baseline", BASELINE).exit_code == 0
    before = _fingerprints(cli, "--baseline", BASELINE)
    assert set(before.values()) == {False}

    # Reordering, reformatting, comments, moving a file and an unrelated article change nothing.
    for path in (repo / "claims" / "articles").glob("*.toml"):
        _reorder_and_reformat(path)
    (repo / "claims" / "archive").mkdir()
    os.replace(
        repo / "claims" / "articles" / "usweekly-2019-10-21.toml",
        repo / "claims" / "archive" / "usweekly.toml",
    )
    entities = (repo / "claims" / "entities.toml").read_text(encoding="utf-8")
    (repo / "claims" / "entities.toml").write_text(
        entities + '\n[[entities]]\nname = "Someone Else"\n', encoding="utf-8"
    )
    (repo / "claims" / "unrelated.toml").write_text(UNRELATED, encoding="utf-8")
    assert cli("run", "--baseline", BASELINE).exit_code == 0
    assert _fingerprints(cli, "--baseline", BASELINE) == before

    # A contradicting article: exit 1, and exactly its findings are new.
    new_file = repo / "claims" / "tabloid.toml"
    new_file.write_text(CONTRADICTING, encoding="utf-8")
    result = cli("run", "--baseline", BASELINE, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    new = [f for f in report["findings"] if f["new"]]
    assert report["summary"]["new"] == len(new) == 1
    assert {f"{c['article']}#{c['claim']}" for c in new[0]["claims"]} >= {
        "tabloid-2024-01-05#aleph-born"
    }
    tabloid = next(c for c in new[0]["claims"] if c["article"] == "tabloid-2024-01-05")
    assert (Path(tabloid["file"]).resolve(), tabloid["line"]) == (new_file.resolve(), 7)
    assert all(not f["new"] for f in report["findings"] if f is not new[0])

    # Removing it again passes.
    new_file.unlink()
    assert cli("run", "--baseline", BASELINE).exit_code == 0


def test_a_fixed_contradiction_is_listed_and_can_be_pruned(cli, repo: Path, monkeypatch) -> None:
    assert cli("baseline").exit_code == 0
    article = repo / "claims" / "articles" / "bild-2021-09-17.toml"
    text = article.read_text(encoding="utf-8")
    # Drop the 2021 piece's "Son Aleph is seven".
    blocks = text.split("[[claims]]")
    article.write_text(
        "[[claims]]".join(b for b in blocks if 'id = "aleph-age"' not in b), encoding="utf-8"
    )
    result = cli("run", "--baseline", BASELINE, "--format", "json")
    assert result.exit_code == 0, "a fixed contradiction does not fail the run"
    report = json.loads(result.stdout)
    # Aleph's contradiction is gone, and with one age of the 2021 piece outvoted at its date
    # instead of two, it is no longer reported misdated. Its age of Portman, one article against
    # one, is now a dispute it cannot tell: known, as its claims were accepted in contradiction.
    assert report["summary"]["fixed"] == 2
    assert sorted(e["rule"] for e in report["fixed"]) == ["FC101", "FC302"]
    aleph = next(e for e in report["fixed"] if e["rule"] == "FC101")
    assert aleph["claims"] == ["bild-2021-09-17#aleph-age", "people-2023-06-07#aleph-born"]
    assert aleph["disputed"] == ["bild-2021-09-17#aleph-age"]
    text_report = cli("run", "--baseline", BASELINE).stdout
    # The command stands on a line of its own, whole even in a narrow terminal: it is pasted.
    command = f"factcheck baseline --prune --output {BASELINE} claims"
    assert f"prune them with:\n    {command}\n" in text_report
    monkeypatch.setenv("COLUMNS", "30")
    assert f"\n    {command}\n" in cli("run", "--baseline", BASELINE).stdout
    assert (
        "0 new contradictions, 1 warning (4 findings known from the baseline, 2 fixed)"
        in text_report
    )

    assert cli("baseline", "--prune", "--output", BASELINE).exit_code == 0
    pruned = json.loads((repo / BASELINE).read_text(encoding="utf-8"))["findings"]
    assert len(pruned) == 4
    assert json.loads(cli("run", "--baseline", BASELINE, "-f", "json").stdout)["fixed"] == []


def test_prune_adds_no_new_findings(cli, repo: Path) -> None:
    assert cli("baseline").exit_code == 0
    (repo / "claims" / "tabloid.toml").write_text(CONTRADICTING, encoding="utf-8")
    assert cli("baseline", "--prune").exit_code == 0
    assert cli("run", "--baseline", BASELINE).exit_code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "the baseline file does not exist"),
        ('{"version": 1, "findings": [', "the baseline is not valid JSON"),
        ('{"version": 7, "findings": []}', "not a factcheck baseline of version 1"),
        ('{"version": 1, "findings": [{"rule": "FC101"}]}', "finding 1 of the baseline lacks"),
        ("[]", "not a factcheck baseline"),
    ],
)
def test_a_missing_or_malformed_baseline_is_bad_input(cli, repo: Path, content, message) -> None:
    if content is not None:
        (repo / BASELINE).write_text(content, encoding="utf-8")
    result = cli("run", "--baseline", BASELINE)
    assert result.exit_code == 2
    assert re.match(rf"^{re.escape(BASELINE)}(?::\d+)?: {re.escape(message)}", result.stderr)
    assert "Traceback" not in result.output


@pytest.mark.parametrize("depth", [65, 200])
def test_a_baseline_nested_deeper_than_any_is_bad_input(cli, repo: Path, depth: int) -> None:
    # Found while fuzzing: values that json.loads only just read (976 levels, run as a command)
    # exhausted the stack when the run encoded them again: an internal error, exit 3.
    assert cli("baseline").exit_code == 0
    text = (repo / BASELINE).read_text(encoding="utf-8")
    deep = "[" * depth + "7" + "]" * depth
    (repo / BASELINE).write_text(text.replace('"value": 7', f'"value": {deep}', 1), "utf-8")
    result = cli("run", "--baseline", BASELINE)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{BASELINE}: the baseline is not a factcheck baseline")
    assert "nested too deeply" in result.stderr


def test_a_failed_write_leaves_the_old_baseline_whole(cli, repo: Path, monkeypatch) -> None:
    assert cli("baseline").exit_code == 0
    before = (repo / BASELINE).read_bytes()
    (repo / "claims" / "tabloid.toml").write_text(CONTRADICTING, encoding="utf-8")

    def interrupted(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(OSError):
        cli("baseline")
    assert (repo / BASELINE).read_bytes() == before
    assert [p.name for p in repo.iterdir() if p.name.endswith(".tmp")] == []


def test_configuration_sets_paths_baseline_severity_and_disabled_rules(cli, repo: Path) -> None:
    (repo / "claims").rename(repo / "corpus")
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "desk"\n\n[tool.factcheck]\npaths = ["corpus"]\n'
        'baseline = "accepted.json"\n\n[tool.factcheck.severity]\nFC301 = "error"\n',
        encoding="utf-8",
    )
    assert cli("baseline").exit_code == 0
    assert (repo / "accepted.json").is_file()
    assert cli("run").exit_code == 0, "the configured baseline is used"
    assert cli("run", "--no-baseline").exit_code == 1
    report = json.loads(cli("run", "--no-baseline", "-f", "json").stdout)
    assert report["summary"]["errors"] == 5, "FC301 raised to an error"

    (repo / "pyproject.toml").write_text(
        '[tool.factcheck]\npaths = ["corpus"]\ndisable = ["FC101", "FC301", "FC302"]\n',
        encoding="utf-8",
    )
    assert cli("run").exit_code == 0
    assert json.loads(cli("run", "-f", "json").stdout)["findings"] == []

    # A problem in a configured folder names its file as the user would (review #14 L8).
    (repo / "corpus" / "bad.toml").write_text('[article]\nid = "x"\nid2 = 1\n', encoding="utf-8")
    result = cli("run")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{Path('corpus', 'bad.toml')}:3: unknown key 'id2'")


def test_a_bad_configuration_is_bad_input(cli, repo: Path) -> None:
    (repo / "factcheck.toml").write_text(
        'paths = ["claims"]\nbaselin = "x.json"\ndisable = ["FC999"]\n', encoding="utf-8"
    )
    result = cli("run")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "factcheck.toml:2: unknown configuration key 'baselin' (did you mean 'baseline'?)"
    )
    assert lines[1].startswith("factcheck.toml:3: unknown rule 'FC999' in disable")


def test_a_corroborating_article_or_a_respelt_value_keeps_every_fingerprint(
    cli, repo: Path
) -> None:
    assert cli("baseline").exit_code == 0
    before = _fingerprints(cli, "--baseline", BASELINE)
    # An article that sorts first and agrees with People on Aleph's birth: in a tie it may now be
    # the claim the 2021 piece is set against, but the finding is the same one.
    (repo / "claims" / "aaa.toml").write_text(
        '[article]\nid = "aaa-agree"\npublished = 2020-01-01\n\n[[claims]]\nid = "born"\n'
        'subject = "Aleph"\npredicate = "born"\nvalue = 2011-06-14\n',
        encoding="utf-8",
    )
    people = repo / "claims" / "articles" / "people-2023-06-07.toml"
    text = people.read_text(encoding="utf-8")
    people.write_text(
        text.replace('value = "June 14, 2011"', "value = 2011-06-14").replace(
            'value = "2009"', "value = 2009"
        ),
        encoding="utf-8",
    )
    assert cli("run", "--baseline", BASELINE).exit_code == 0
    assert _fingerprints(cli, "--baseline", BASELINE) == before


def test_baseline_output_that_cannot_be_written_is_bad_input(cli, repo: Path) -> None:
    (repo / "adir").mkdir()
    result = cli("baseline", "--output", "adir")
    assert result.exit_code == 2
    assert result.stderr.startswith("adir: cannot write the baseline")
    assert "Traceback" not in result.output


def test_rewriting_the_baseline_keeps_its_permissions(cli, repo: Path) -> None:
    assert cli("baseline").exit_code == 0
    (repo / BASELINE).chmod(0o644)
    assert cli("baseline").exit_code == 0
    assert (repo / BASELINE).stat().st_mode & 0o777 == 0o644


def test_a_run_from_a_subfolder_finds_the_claims_and_the_prune_command_names_them(
    cli, repo: Path, monkeypatch
) -> None:
    assert cli("baseline").exit_code == 0
    article = repo / "claims" / "articles" / "bild-2021-09-17.toml"
    blocks = article.read_text(encoding="utf-8").split("[[claims]]")
    article.write_text("[[claims]]".join(b for b in blocks if "aleph-age" not in b), "utf-8")
    monkeypatch.chdir(repo / "claims" / "articles")
    result = cli("run", "--baseline", str(repo / BASELINE), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["articles"] == 5
    assert report["prune"] == (
        f"factcheck baseline --prune --output {repo / BASELINE} {repo / 'claims'}"
    )


def test_configuration_problems_point_at_their_own_lines(cli, repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.factcheck]\npaths = ["claims"]\n\n[tool.factcheck.severity]\nFC301 = "loud"\n'
        'QQ999 = "error"\n',
        encoding="utf-8",
    )
    lines = cli("run").stderr.splitlines()
    assert lines[:2] == [
        "pyproject.toml:5: severity of FC301 must be error, warning or info, not 'loud'",
        "pyproject.toml:6: unknown rule 'QQ999' in severity (factcheck rules lists them)",
    ]


def test_a_broken_pyproject_that_configures_factcheck_is_bad_input(cli, repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.factcheck]\nbaseline = "x.json"\nversion = 1 = 2\n', encoding="utf-8"
    )
    result = cli("run")
    assert result.exit_code == 2
    assert result.stderr.startswith("pyproject.toml:3: TOML syntax error")


def _born(aid: str, value: str) -> str:
    return (
        f'[article]\nid = "{aid}"\npublished = 2024-01-01\n\n[[claims]]\nid = "born"\n'
        f'subject = "Aleph"\npredicate = "born"\nvalue = {value}\n'
    )


@pytest.mark.parametrize("settling", ['"June 2011"', "2011-06-14"])
def test_an_article_that_settles_an_accepted_dispute_is_new_and_nothing_is_fixed(
    cli, repo: Path, settling: str
) -> None:
    """A third article against one side of an accepted one-against-one dispute contradicts it:
    its finding is new, whether or not the proof cites it (an exact date is the tightest bound,
    a month is not), and the accepted dispute is not fixed. Correcting the claim fixes it."""
    claims = repo / "claims"
    shutil.rmtree(claims / "articles")
    (claims / "x.toml").write_text(_born("x", '"June 2011"'), encoding="utf-8")
    (claims / "y.toml").write_text(_born("y", '"March 2012"'), encoding="utf-8")
    assert cli("baseline").exit_code == 0
    (accepted,) = json.loads((repo / BASELINE).read_text(encoding="utf-8"))["findings"]
    assert accepted["disputed"] == ["x#born", "y#born"]
    assert accepted["values"]["y#born"] == {
        "predicate": "born",
        "subject": "Aleph",
        "value": "2012-03",
    }

    (claims / "z.toml").write_text(_born("z", settling), encoding="utf-8")
    result = cli("run", "--baseline", BASELINE, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    (finding,) = report["findings"]
    assert finding["likely_wrong"]["claim"] == "y#born"
    assert finding["new"] is True and report["summary"]["fixed"] == 0

    # Accepted in turn, then the wrong claim corrected: both entries are fixed.
    assert cli("baseline").exit_code == 0
    (claims / "y.toml").write_text(_born("y", '"June 2011"'), encoding="utf-8")
    report = json.loads(cli("run", "--baseline", BASELINE, "--format", "json").stdout)
    assert report["findings"] == [] and report["summary"]["fixed"] == 1


def test_a_new_side_against_both_sides_of_an_accepted_dispute_is_new(cli, repo: Path) -> None:
    claims = repo / "claims"
    shutil.rmtree(claims / "articles")
    (claims / "x.toml").write_text(_born("x", '"2010"'), encoding="utf-8")
    (claims / "y.toml").write_text(_born("y", '"2012"'), encoding="utf-8")
    assert cli("baseline").exit_code == 0
    for aid in ("n1", "n2"):
        (claims / f"{aid}.toml").write_text(_born(aid, '"2014"'), encoding="utf-8")
    result = cli("run", "--baseline", BASELINE, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert sorted(f["likely_wrong"]["claim"] for f in report["findings"]) == ["x#born", "y#born"]
    assert all(f["new"] for f in report["findings"]) and report["summary"]["fixed"] == 0


def test_changing_what_a_disputed_claim_says_changes_its_fingerprint(cli, repo: Path) -> None:
    assert cli("baseline").exit_code == 0
    before = _fingerprints(cli, "--baseline", BASELINE)
    bild = repo / "claims" / "articles" / "bild-2021-09-17.toml"
    text = bild.read_text(encoding="utf-8")
    # The same value, said of another day: "Son Aleph is seven" as of 2021-01-01.
    bild.write_text(
        text.replace(
            'value = 7\nquote = "Son Aleph is seven"',
            'value = 7\nas_of = 2021-01-01\nquote = "Son Aleph is seven"',
        ),
        encoding="utf-8",
    )
    after = _fingerprints(cli, "--baseline", BASELINE)
    assert set(after) != set(before)
    assert any(new is True for new in after.values())


def test_a_baseline_written_before_it_kept_values_is_matched_by_fingerprint(
    cli, repo: Path
) -> None:
    assert cli("baseline").exit_code == 0
    document = json.loads((repo / BASELINE).read_text(encoding="utf-8"))
    for entry in document["findings"]:
        for key in ("disputed", "values", "article"):
            del entry[key]
    (repo / BASELINE).write_text(json.dumps(document), encoding="utf-8")
    assert cli("run", "--baseline", BASELINE).exit_code == 0
    assert set(_fingerprints(cli, "--baseline", BASELINE).values()) == {False}


def test_the_output_path_is_echoed_inert(cli, repo: Path) -> None:
    """Regression (#14): a path's escapes never reach the terminal raw."""
    name = "b\x1b[31m\x07.json"
    result = cli("baseline", "--output", name)
    assert result.exit_code == 0 and (repo / name).is_file()
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "b\\x1b[31m\\x07.json" in result.stderr


def test_the_baseline_file_escapes_what_a_terminal_would_act_on(cli, repo: Path) -> None:
    """Regression (#14 review): its diffs are read in review; a bidi override in an article's
    id was written raw. Escaped, it reads back the same."""
    text = CONTRADICTING.replace('id = "tabloid-', 'id = "tabloid\u202e\u009b-')
    (repo / "claims" / "tabloid.toml").write_text(text, encoding="utf-8")
    assert cli("baseline").exit_code == 0
    written = (repo / BASELINE).read_text(encoding="utf-8")
    assert "\u202e" not in written and "\u009b" not in written and "\\u202e" in written
    assert cli("run", "--baseline", BASELINE).exit_code == 0
