"""The command line as a user meets it: exit codes, text and JSON reports, the bundled corpus."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys

import pytest

from conftest import BUNDLED_CLAIMS, REPO
from factcheck import __version__


def _findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def _refs(finding: dict) -> set[str]:
    return {f"{c['article']}#{c['claim']}" for c in finding["claims"]}


def test_bundled_corpus_flags_the_seed_contradictions(cli) -> None:
    result = cli("run", str(BUNDLED_CLAIMS), "--format", "json")
    assert result.exit_code == 1
    findings = _findings(result)
    errors = [f for f in findings if f["severity"] == "error"]
    flagged = {frozenset(_refs(f)) for f in errors}
    assert frozenset({"bild-2021-09-17#aleph-age", "people-2023-06-07#aleph-born"}) in flagged
    assert frozenset({"bild-2021-09-17#amalia-age", "people-2023-06-07#amalia-born"}) in flagged
    assert frozenset({"bild-2021-09-17#portman-age", "usweekly-2019-10-21#portman-age"}) in flagged
    assert frozenset({"bild-2021-09-17#met", "people-2023-06-07#met"}) in flagged
    assert len(errors) == 4, "nothing among the consistent claims may be flagged"
    aleph = next(f for f in errors if "bild-2021-09-17#aleph-age" in _refs(f))
    assert "Aleph is 7 on 2021-09-17, so born 2013-09-18..2014-09-17" in aleph["message"]
    assert "born 2011-06-14" in aleph["message"]


def test_bundled_corpus_dates_the_undated_separation_piece(cli) -> None:
    findings = _findings(cli("run", str(BUNDLED_CLAIMS), "--format", "json"))
    warnings = [f for f in findings if f["severity"] == "warning"]
    assert sorted(w["rule"] for w in warnings) == ["FC301", "FC302"]
    undated = next(w for w in warnings if w["rule"] == "FC301")
    assert undated["article"] == "separation-undated"
    assert undated["subject"] is None
    # 12 years after Aleph's 2011-06-14 birth, before Amalia (born 2017-02-22) turned 7.
    assert "between 2023-06-14 and 2024-02-21" in undated["message"]
    # The claims that pin the window's ends are its evidence (either of two equally tight paths
    # may pin the earliest day: Aleph's age, or the eleven years of marriage).
    refs = _refs(undated)
    assert {"people-2023-06-07#aleph-born", "separation-undated#amalia-age"} <= refs
    assert {"separation-undated#aleph-age", "separation-undated#married-for"} & refs


def test_json_report_v1_contract(cli) -> None:
    result = cli("run", str(BUNDLED_CLAIMS), "--format", "json")
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["summary"] == {
        "articles": 5,
        "claims": report["summary"]["claims"],
        "entities": 4,
        "findings": len(report["findings"]),
        "errors": 4,
        "warnings": 2,
    }
    assert report["summary"]["claims"] >= 25
    keys = {"fingerprint", "rule", "severity", "subject", "article", "message", "claims"}
    claim_keys = {"article", "claim", "published", "subject", "predicate", "object", "value"}
    claim_keys |= {"as_of", "quote", "after", "file", "line"}
    for finding in report["findings"]:
        assert keys <= set(finding)
        assert finding["severity"] in {"error", "warning", "info"}
        for claim in finding["claims"]:
            assert set(claim) == claim_keys
            assert claim["file"].endswith(".toml") and claim["line"] >= 1
    aleph = next(f for f in report["findings"] if f["subject"] == "Aleph")
    born = next(c for c in aleph["claims"] if c["predicate"] == "born")
    assert born["value"] == "June 14, 2011" and born["published"] == "2023-06-07"
    line = (REPO / born["file"]).read_text(encoding="utf-8").splitlines()[born["line"] - 1]
    assert line.strip() == "[[claims]]"


def test_fingerprints_are_stable_across_runs(cli) -> None:
    first = [f["fingerprint"] for f in _findings(cli("run", str(BUNDLED_CLAIMS), "-f", "json"))]
    second = [f["fingerprint"] for f in _findings(cli("run", str(BUNDLED_CLAIMS), "-f", "json"))]
    assert first == second and len(set(first)) == len(first)


def test_text_report_groups_by_subject_with_quotes_and_locations(cli) -> None:
    result = cli("run", str(BUNDLED_CLAIMS))
    assert result.exit_code == 1
    out = result.stdout
    assert "\x1b[" not in out, "no colour when not on a terminal"
    for heading in ("Aleph", "Amalia", "Natalie Portman"):
        assert f"\n{heading}\n" in f"\n{out}"
    assert "“Son Aleph is seven”" in out
    assert "bild-2021-09-17.toml:" in out
    assert out.rstrip().endswith(
        "4 contradictions, 2 warnings in 5 articles, 46 claims, 4 entities"
    )


def test_clean_corpus_exits_zero(cli, corpus) -> None:
    root = corpus(
        {
            "a.toml": """\
            [article]
            id = "a"
            published = 2023-06-07

            [[claims]]
            id = "born"
            subject = "Aleph"
            predicate = "born"
            value = "June 14, 2011"

            [[claims]]
            id = "age"
            subject = "aleph"
            predicate = "age"
            value = 11
            """
        }
    )
    result = cli("run", str(root))
    assert result.exit_code == 0, result.output
    assert "0 contradictions, 0 warnings in 1 article, 2 claims, 3 entities" in result.stdout


def test_default_path_is_claims_folder(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("run")
    assert result.exit_code == 2
    assert result.stderr.startswith("claims: no such file or folder")


def test_usage_errors_exit_two(cli) -> None:
    assert cli("run", "--format", "xml").exit_code == 2
    assert cli("no-such-command").exit_code == 2


def test_version(cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"factcheck {__version__}"


def test_rules_command_lists_codes_and_docs(cli) -> None:
    out = cli("rules").stdout
    for code in ("FC101", "FC201", "FC205", "FC301"):
        assert code in out
    assert "wedding-after-meeting" in out


def test_python_dash_m_runs_the_cli() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "run", str(BUNDLED_CLAIMS), "-f", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert json.loads(result.stdout)["summary"]["errors"] == 4


def test_one_claim_file_is_checked_with_the_nearest_entities(cli) -> None:
    article = BUNDLED_CLAIMS / "articles" / "people-2023-06-07.toml"
    result = cli("run", str(article), "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert (summary["articles"], summary["entities"], summary["errors"]) == (1, 4, 0)


def test_a_folder_without_entities_is_checked_with_the_nearest_ones(cli) -> None:
    result = cli("run", str(BUNDLED_CLAIMS / "articles"), "--format", "json")
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)["summary"]
    assert (summary["articles"], summary["entities"], summary["errors"]) == (5, 4, 4)


def test_bad_input_with_json_format_still_prints_a_json_document(cli, tmp_path) -> None:
    result = cli("run", str(tmp_path / "missing"), "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["summary"] == {"problems": 1}
    assert document["problems"][0]["message"] == "no such file or folder"
    assert result.stderr.startswith(f"{tmp_path / 'missing'}: no such file or folder")


def test_json_gives_partial_publication_dates_in_iso_form_and_after_events(cli, corpus) -> None:
    root = corpus(
        {
            "a.toml": """\
            [article]
            id = "a"
            published = "Oct. 2019"

            [[claims]]
            id = "born"
            subject = "Aleph"
            predicate = "born"
            value = "2015"

            [[claims]]
            id = "wed"
            subject = "Portman"
            predicate = "married"
            object = "Millepied"
            value = 1
            after = { predicate = "born", subject = "Aleph" }

            [[claims]]
            id = "wed-year"
            subject = "Portman"
            predicate = "married"
            object = "Millepied"
            value = "2012"
            """
        }
    )
    result = cli("run", str(root), "--format", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    claims = {c["claim"]: c for c in finding["claims"]}
    assert {c["published"] for c in claims.values()} == {"2019-10"}
    assert claims["wed"]["after"] == {"predicate": "born", "subject": "Aleph", "object": None}
    assert claims["wed-year"]["after"] is None
    assert "the wedding came 1 year after Aleph's birth" in finding["message"]


def test_the_docs_show_every_command_as_it_reads(cli, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    # The README and the reference pages that show runs of the bundled claims (attribution.md
    # shows a corpus of its own).
    pages = [REPO / "README.md", REPO / "docs" / "forensics.md"]
    readme = "".join(page.read_text(encoding="utf-8") for page in pages)
    samples = [block.split("```", 1)[0] for block in readme.split("```text\n$ factcheck ")[1:]]
    assert len(samples) >= 4
    for sample in samples:
        command, *lines = sample.splitlines()
        out = cli(*shlex.split(command)).stdout
        for line in lines:
            if line != "...":
                assert line in out, f"README line not in 'factcheck {command}': {line!r}"


def test_help_names_arguments_plainly(cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    usages = {
        "run": "Usage: factcheck run [OPTIONS] [PATHS]",
        "timeline": "Usage: factcheck timeline [OPTIONS] ENTITY [PATHS]",
        "explain": "Usage: factcheck explain [OPTIONS] FINGERPRINT [PATHS]",
        "extract": "Usage: factcheck extract [OPTIONS] ARTICLE.txt",
    }
    for command, usage in usages.items():
        text = cli(command, "--help").stdout
        assert usage in text
        assert not re.search(r"[{}]|<list|list\[", text), text
    assert "'xml' is not one of 'text', 'json', 'jsonl', 'sarif', 'github'" in (
        cli("run", "--format", "xml").stderr
    )


def test_the_shell_completes_commands_and_formats() -> None:
    def complete(*words: str) -> list[str]:
        env = {**os.environ, "_FACTCHECK_COMPLETE": "complete_bash"}
        env |= {"COMP_WORDS": " ".join(("factcheck", *words)), "COMP_CWORD": str(len(words))}
        done = subprocess.run(
            [sys.executable, "-m", "factcheck"], env=env, capture_output=True, text=True
        )
        return done.stdout.split()

    assert (
        "--install-completion"
        in subprocess.run(
            [sys.executable, "-m", "factcheck", "--help"], capture_output=True, text=True
        ).stdout
    )
    assert complete("ti") == ["timeline"]
    assert complete("run", "--format", "") == ["text", "json", "jsonl", "sarif", "github", "html"]
    assert complete("rules", "FC30") == ["FC301", "FC302"]


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (("rnu",), "No such command 'rnu'. Did you mean 'run'? (see 'factcheck --help')"),
        (("run", "-j", "0"), "'--jobs' / '-j': 0 processes: give 1 or more"),
        (("run", "--bogus"), "No such option: --bogus"),
        (("timeline",), "Missing argument 'ENTITY' (see 'factcheck timeline --help')"),
        # Raised before the command's context exists: placed by its name all the same.
        (("run", "-o"), "Option '-o' requires an argument (see 'factcheck run --help')"),
        (("--version=1",), "Option '--version' does not take a value (see 'factcheck --help')"),
        (
            ("run", "--format", "xml"),
            "'xml' is not one of 'text', 'json', 'jsonl', 'sarif', 'github'",
        ),
    ],
)
def test_a_usage_error_is_one_line_like_any_problem(arguments, said) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", *arguments], capture_output=True, text=True
    )
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("command line: ") and said in line
