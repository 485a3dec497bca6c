"""CI formats: SARIF for code scanning, GitHub workflow commands, JSON Lines."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft4Validator

from conftest import BUNDLED_CLAIMS, REPO
from factcheck.baseline import Baseline, Entry, entry
from factcheck.check import check
from factcheck.report import FORMATS
from factcheck.report.github import escape_data, escape_property
from factcheck.results import Report
from factcheck.textsafe import inert
from factcheck.vocabulary import BUILTIN

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0.json").read_text("utf-8"))
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
COMMAND = re.compile(r"::(error|warning|notice) ([^:]*)::(.*)")
SEVERITIES = {"error": "error", "warning": "warning", "notice": "info"}

# Lands in the findings' messages (an article's outlet is how it is cited).
HOSTILE = (
    "::error::x %0A 100% [bold]b[/bold] \x1b[31mred\x1b[0m \r\n::warning file=a,line=1::y [t](1)"
)
HOSTILE_TOML = (
    HOSTILE.replace("\x1b", "\\u001b").replace("\r", "\\r").replace("\n", "\\n").replace('"', '\\"')
)
HOSTILE_FILES = {
    # A file name with a comma, a percent sign and brackets: property and URI escaping.
    "we,ird %25 [x].toml": f"""\
    [article]
    id = "a"
    outlet = "{HOSTILE_TOML}"
    published = 2021-09-17

    [[claims]]
    id = "age"
    subject = "Aleph"
    predicate = "age"
    value = 7
    quote = "{HOSTILE_TOML}"
    """,
    "b.toml": """\
    [article]
    id = "b"
    outlet = "::notice::z"
    published = 2023-06-07

    [[claims]]
    id = "born"
    subject = "Aleph"
    predicate = "born"
    value = "June 14, 2011"
    """,
    # Undated, and no claim narrows it down: a finding without claims.
    "undated.toml": """\
    # An article with no claims.

    [article]
    id = "undated"
    """,
}


def _run(cli, path: Path, fmt: str, *options: str) -> str:
    return cli("run", str(path), "--format", fmt, *options).stdout


@pytest.fixture
def bundled(cli, monkeypatch):
    """Outputs of the bundled corpus by format, run from the repository's root."""
    monkeypatch.chdir(REPO)
    return lambda fmt: _run(cli, BUNDLED_CLAIMS, fmt, "--no-baseline")


@pytest.fixture
def hostile(cli, corpus, monkeypatch):
    """Outputs by format of a corpus whose text tries to be markup and workflow commands."""
    root = corpus(HOSTILE_FILES)
    monkeypatch.chdir(root.parent)
    return lambda fmt: _run(cli, root, fmt)


def _relative(file: str) -> str:
    return Path(file).resolve().relative_to(Path.cwd().resolve()).as_posix()


def _unescape_sarif(text: str) -> str:
    return re.sub(r"\\([\\\[\]])", r"\1", text)


def _unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(text: str) -> str:
    return _unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def _lines(out: str) -> list[str]:
    """Output lines, split where the runner splits them; each ends with a newline."""
    *lines, last = out.split("\n")
    assert last == ""
    return lines


def _commands(lines: list[str]) -> list[tuple[str, dict[str, str], str]]:
    parsed = []
    for line in lines:
        match = COMMAND.fullmatch(line)
        assert match, f"not a workflow command: {line!r}"
        kind, listed, data = match.groups()
        pairs = (item.split("=", 1) for item in listed.split(","))
        parsed.append((kind, {k: _unescape_property(v) for k, v in pairs}, _unescape_data(data)))
    return parsed


def _first_line(report: dict, finding: dict) -> tuple[str, int]:
    """Where a finding shows: its article's [article] line for one about an article, else its
    first claim."""
    if finding["article"] is None:
        claim = finding["claims"][0]
        assert finding["where"] == {"file": claim["file"], "line": claim["line"]}
    return _relative(finding["where"]["file"]), finding["where"]["line"]


def _sarif_file(location: dict) -> str:
    artifact = location["physicalLocation"]["artifactLocation"]
    assert artifact["uriBaseId"] == "%SRCROOT%"
    return unquote(artifact["uri"])


def _validate(document: dict) -> None:
    errors = [e.message for e in Draft4Validator(SCHEMA).iter_errors(document)]
    assert not errors


def test_the_schema_is_the_oasis_draft_4_schema() -> None:
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert "sarif-schema-2.1.0.json" in SCHEMA["id"]
    Draft4Validator.check_schema(SCHEMA)


def test_every_ci_format_is_offered() -> None:
    assert {"sarif", "github", "jsonl"} <= FORMATS.keys()


def test_sarif_of_the_bundled_claims_is_valid_and_matches_the_json_report(bundled) -> None:
    out = bundled("sarif")
    assert out.endswith("}\n")
    sarif = json.loads(out)
    _validate(sarif)
    report = json.loads(bundled("json"))
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == REPO.resolve().as_uri() + "/"
    driver = run["tool"]["driver"]
    rules = driver["rules"]
    assert driver["name"] == "factcheck" and driver["version"]
    assert [r["id"] for r in rules] == [rule.code for rule in BUILTIN.rules]
    for described, rule in zip(rules, BUILTIN.rules, strict=True):
        assert described["name"] == rule.name
        assert described["fullDescription"]["text"] == described["help"]["text"] == rule.doc
        # The page that docs/rules/ holds, shown beside the alert by code scanning.
        page = (REPO / "docs" / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
        assert described["help"]["markdown"] == page
        assert described["shortDescription"]["text"]
        assert described["defaultConfiguration"]["level"] == LEVELS[rule.severity]
    results = run["results"]
    assert len(results) == len(report["findings"]) > 0
    for result, finding in zip(results, report["findings"], strict=True):
        assert result["ruleId"] == finding["rule"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == LEVELS[finding["severity"]]
        assert _unescape_sarif(result["message"]["text"]) == _annotated(finding)
        assert result["partialFingerprints"] == {"factcheckFingerprint/v1": finding["fingerprint"]}
        assert "baselineState" not in result
        (location,) = result["locations"]
        where = finding["where"]
        assert _sarif_file(location) == _relative(where["file"])
        assert location["physicalLocation"]["region"] == {"startLine": where["line"]}
        # A contradiction is shown at its first claim, the others related; a finding about an
        # article at its [article] table, every claim related.
        others = finding["claims"][1:] if finding["article"] is None else finding["claims"]
        related = result.get("relatedLocations", [])
        assert [
            (_sarif_file(r), r["physicalLocation"]["region"]["startLine"]) for r in related
        ] == [(_relative(c["file"]), c["line"]) for c in others]
        for place, claim in zip(related, others, strict=True):
            assert _unescape_sarif(place["message"]["text"]).startswith(
                f"{claim['article']}#{claim['claim']}: "
            )


def _said(finding: dict) -> list[str]:
    """What an annotation or a SARIF result says of a JSON finding, line by line: its message,
    then which claim is likely wrong and why, or why factcheck cannot tell."""
    blame = finding["likely_wrong"]
    if blame is None:
        return [finding["message"]]
    if blame["claim"] is None:
        return [finding["message"], blame["reason"]]
    return [finding["message"], f"likely wrong: {blame['claim']}, because {blame['reason']}"]


def _annotated(finding: dict) -> str:
    return "\n".join(_said(finding))


def test_github_commands_of_the_bundled_claims_read_back_to_the_findings(bundled) -> None:
    report = json.loads(bundled("json"))
    commands = _commands(_lines(bundled("github")))
    assert len(commands) == len(report["findings"]) > 0
    for (kind, properties, message), finding in zip(commands, report["findings"], strict=True):
        assert SEVERITIES[kind] == finding["severity"]
        assert message == _annotated(finding)
        file, line = _first_line(report, finding)
        assert properties == {
            "file": file,
            "line": str(line),
            "title": f"{finding['rule']} {finding['name']}",
        }


def test_jsonl_lines_are_the_json_reports_findings(bundled) -> None:
    lines = _lines(bundled("jsonl"))
    assert [json.loads(line) for line in lines] == json.loads(bundled("json"))["findings"]


def test_hostile_text_is_inert_in_github_commands(hostile) -> None:
    out = hostile("github")
    assert "\r" not in out and "\x1b" not in out, "no control character reaches the log"
    report = json.loads(hostile("json"))
    assert any(HOSTILE in f["message"] for f in report["findings"])
    commands = _commands(_lines(out))  # every line is one of our commands
    # Read back, each message is the finding's and its verdict, on two lines, their control
    # characters shown escaped.
    shown = ["\n".join(inert(line) for line in _said(f)) for f in report["findings"]]
    assert [message for _, _, message in commands] == shown
    assert any("\\x1b[31mred" in message for _, _, message in commands)
    files = [properties["file"] for _, properties, _ in commands]
    assert "claims/we,ird %25 [x].toml" in files
    assert [(p["file"], int(p["line"])) for _, p, _ in commands] == [
        _first_line(report, f) for f in report["findings"]
    ]


@pytest.mark.parametrize("char", ["\x1b", "\u202e", "\x85", "\u2028", "\x07"])
def test_a_file_name_with_control_characters_is_inert_in_github_commands(
    cli, corpus, monkeypatch, char
) -> None:
    # Found while fuzzing: the file property was written as named, its escapes raw in the log.
    named = HOSTILE_FILES["undated.toml"].replace('"undated"', '"undated-too"')  # FC301 there
    root = corpus({f"a{char}[31m.toml": named, **HOSTILE_FILES})
    monkeypatch.chdir(root.parent)
    out = _run(cli, root, "github")
    assert char not in out
    files = {properties["file"] for _, properties, _ in _commands(_lines(out))}
    assert inert(f"claims/a{char}[31m.toml") in files
    assert "claims/undated.toml" in files, "a name without one is left as it is"


def test_hostile_text_round_trips_in_sarif_and_json_lines(hostile) -> None:
    findings = json.loads(hostile("json"))["findings"]
    assert any(HOSTILE in f["message"] for f in findings)
    assert any(c["quote"] == HOSTILE for f in findings for c in f["claims"])
    for fmt in ("sarif", "jsonl"):
        out = hostile(fmt)
        assert out.isascii() and "\x1b" not in out and "\r" not in out
    sarif = json.loads(hostile("sarif"))
    _validate(sarif)
    results = sarif["runs"][0]["results"]
    texts = [r["message"]["text"] for r in results]
    assert [_unescape_sarif(t) for t in texts] == [_annotated(f) for f in findings]
    # No embedded link ([text](target)) that a claim file wrote: every bracket is escaped.
    assert not any(re.search(r"(?<!\\)(?:\\\\)*[\[\]]", t) for t in texts)
    files = {_sarif_file(r["locations"][0]) for r in results}
    assert files == {"claims/we,ird %25 [x].toml", "claims/undated.toml"}
    related = [_sarif_file(p) for r in results for p in r.get("relatedLocations", [])]
    assert related == ["claims/b.toml"]
    lines = _lines(hostile("jsonl"))
    assert [json.loads(line) for line in lines] == findings


def test_a_finding_without_claims_points_at_its_article(hostile) -> None:
    sarif = json.loads(hostile("sarif"))
    (undated,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "FC301"]
    (location,) = undated["locations"]
    assert _sarif_file(location) == "claims/undated.toml"
    assert location["physicalLocation"]["region"] == {"startLine": 3}
    assert "relatedLocations" not in undated
    (command,) = [c for c in _commands(_lines(hostile("github"))) if c[0] == "warning"]
    assert command[1]["file"] == "claims/undated.toml" and command[1]["line"] == "3"


def test_a_claim_file_outside_the_repository_gets_an_absolute_uri(
    cli, corpus, tmp_path, monkeypatch
) -> None:
    root = corpus(HOSTILE_FILES)
    repository = tmp_path / "elsewhere"
    (repository / ".git").mkdir(parents=True)  # the root: a repository that holds other claims
    empty = '[article]\nid = "nothing"\npublished = 2020-01-01\n'
    (repository / "empty.toml").write_text(empty, encoding="utf-8")
    monkeypatch.chdir(repository)
    result = cli("run", str(repository), str(root), "--format", "sarif")
    sarif = json.loads(result.stdout)
    _validate(sarif)
    artifacts = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]
        for r in sarif["runs"][0]["results"]
    ]
    assert all("uriBaseId" not in a for a in artifacts), artifacts
    assert {a["uri"] for a in artifacts} == {
        (root / "we,ird %25 [x].toml").resolve().as_uri(),
        (root / "undated.toml").resolve().as_uri(),
    }


def _with_baseline(report: Report, known: int) -> Report:
    entries = {f.fingerprint: entry(f) for f in report.findings[:known]}
    gone = Entry("0123456789abcdef", "FC101", "fixed long ago", ("x#y", "z#w"))
    entries[gone.fingerprint] = gone
    return report.against(Baseline("baseline.json", entries))


def _render(report: Report, fmt: str) -> str:
    out = io.StringIO()
    FORMATS[fmt](report, out)
    return out.getvalue()


@pytest.fixture
def baselined(monkeypatch) -> Report:
    """The bundled claims, with a baseline that knows their first two findings and one more."""
    monkeypatch.chdir(REPO)
    report = _with_baseline(check([BUNDLED_CLAIMS]), known=2)
    assert len(report.findings) > 2
    return report


def test_with_a_baseline_github_annotates_only_new_findings(baselined) -> None:
    *commands, summary, prune = _lines(_render(baselined, "github"))
    new = baselined.findings[2:]
    messages = [message for _, _, message in _commands(commands)]
    assert [message.split("\n")[0] for message in messages] == [f.message for f in new]
    errors = sum(1 for f in new if f.severity == "error")
    assert summary.startswith(f"factcheck: {errors} new contradiction")
    assert "(2 findings known from the baseline, 1 fixed)" in summary
    command = "factcheck baseline --prune --output baseline.json"
    assert prune == f"factcheck: prune the fixed: {command} {BUNDLED_CLAIMS}"


def test_the_readme_workflow_step_annotates_nothing_the_committed_baseline_knows(
    cli, monkeypatch
) -> None:
    monkeypatch.chdir(REPO)
    options = ("--baseline", ".factcheck-baseline.json")
    result = cli("run", "--format", "github", *options)
    findings = json.loads(_run(cli, BUNDLED_CLAIMS, "json", *options))["findings"]
    assert [f for f in findings if f["new"]] == [], (
        "the committed baseline knows every seed finding"
    )
    assert result.exit_code == 0
    assert _lines(result.stdout) == [
        "factcheck: 0 new contradictions, 2 warnings (6 findings known from the baseline, 0 fixed) "
        "in 5 articles, 46 claims, "
        "4 entities"
    ]


def test_with_a_baseline_sarif_and_jsonl_say_what_is_new(baselined) -> None:
    sarif = json.loads(_render(baselined, "sarif"))
    _validate(sarif)
    results = sarif["runs"][0]["results"]
    states = [r["baselineState"] for r in results]
    assert states == ["unchanged"] * 2 + ["new"] * (len(baselined.findings) - 2)
    records = [json.loads(line) for line in _lines(_render(baselined, "jsonl"))]
    assert [r["new"] for r in records] == [state == "new" for state in states]


def test_a_configured_severity_sets_the_command_and_the_level(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    report = check([BUNDLED_CLAIMS])
    report = dataclasses.replace(
        report, findings=[dataclasses.replace(f, level="info") for f in report.findings]
    )
    kinds = {kind for kind, _, _ in _commands(_lines(_render(report, "github")))}
    assert kinds == {"notice"}
    sarif = json.loads(_render(report, "sarif"))
    _validate(sarif)
    assert {r["level"] for r in sarif["runs"][0]["results"]} == {"note"}


def test_a_clean_run_writes_no_annotation_and_no_line(cli, corpus) -> None:
    root = corpus({"b.toml": HOSTILE_FILES["b.toml"]})
    assert _run(cli, root, "github") == ""
    assert _run(cli, root, "jsonl") == ""
    sarif = json.loads(_run(cli, root, "sarif"))
    _validate(sarif)
    assert sarif["runs"][0]["results"] == []


def test_escaping_is_that_of_actions_core() -> None:
    assert escape_data("100%\r\n::error::x") == "100%25%0D%0A::error::x"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("%0A") == "%250A"


@given(st.text())
def test_escaped_text_stays_on_its_line_and_reads_back(text: str) -> None:
    data, value = escape_data(text), escape_property(text)
    assert not {"\r", "\n"} & set(data + value)
    assert not {":", ","} & set(value)
    assert _unescape_data(data) == text == _unescape_property(value)


def test_sarif_rules_link_their_pages_where_the_project_names_its_repository(
    monkeypatch,
) -> None:
    from factcheck.report import sarif

    monkeypatch.chdir(REPO)
    report = check([BUNDLED_CLAIMS])
    monkeypatch.setattr(sarif, "repository_url", lambda: None)
    rules = sarif.document(report)["runs"][0]["tool"]["driver"]["rules"]
    assert all("helpUri" not in rule for rule in rules)
    monkeypatch.setattr(sarif, "repository_url", lambda: "https://git.example.org/desk/factcheck")
    document = sarif.document(report)
    _validate(document)
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == (
        "https://git.example.org/desk/factcheck/blob/HEAD/docs/rules/FC101.md"
    )


def test_json_escapes_what_a_terminal_would_act_on(cli, corpus) -> None:
    """Regression (#14): U+009B is a CSI to xterm, U+202E reverses what follows, U+2028 breaks
    a line in some viewers: JSON output carries them escaped, and reads back the same."""
    quote = "son \u009b31m Aleph \u202e, 7\u2028 \u2066x\u2069"
    root = corpus(
        {
            "a.toml": HOSTILE_FILES["we,ird %25 [x].toml"].replace(HOSTILE_TOML, quote),
            "b.toml": HOSTILE_FILES["b.toml"],
        }
    )
    for fmt in ("json", "jsonl"):
        out = _run(cli, root, fmt)
        assert not any(ch in out for ch in "\u009b\u202e\u2028\u2066\u2069")
        assert "\\u009b31m" in out and "\\u202e" in out
        findings = [json.loads(out)] if fmt == "json" else [json.loads(x) for x in _lines(out)]
        assert quote in json.dumps(findings, ensure_ascii=False)


def test_a_baseline_path_cannot_write_a_command_into_the_prune_hint(baselined) -> None:
    """Regression (#14): a path that holds a line break and ``::error`` stays one plain line."""
    hostile = dataclasses.replace(
        baselined,
        baseline=dataclasses.replace(baselined.baseline, path="b\n::error::owned\x1b[31m.json"),
    )
    *_, prune = _lines(_render(hostile, "github"))
    assert prune.startswith("factcheck: prune the fixed: ")
    assert "\\n::error::owned\\x1b[31m.json" in prune


NOT_UTF8 = [os.fsdecode(b"caf\xe9.toml"), os.fsdecode(b"b\xff\x1b[31m.toml")]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_file_names_that_are_not_utf8_are_data_in_every_format(cli, corpus, monkeypatch) -> None:
    """Regression (#14): ``claims/caf\\xe9.toml`` crashed SARIF. Its bytes are shown as \\xNN
    wherever a person reads them, percent-encoded in SARIF's URIs, and escaped in JSON so that
    ``os.fsencode`` gives the name back."""
    files = {
        NOT_UTF8[0]: HOSTILE_FILES["b.toml"],
        NOT_UTF8[1]: HOSTILE_FILES["we,ird %25 [x].toml"],
    }
    root = corpus(files)
    monkeypatch.chdir(root.parent)
    outputs = {}
    for fmt in FORMATS:
        result = cli("run", str(root), "--format", fmt)
        assert result.exit_code == 1, (fmt, result.output)
        outputs[fmt] = result.stdout
        assert "\x1b" not in result.stdout and "\udcff" not in result.stdout
    assert "claims/b\\xff\\x1b[31m.toml" in outputs["github"]
    assert "b\\xff\\x1b[31m.toml" in outputs["text"]
    sarif = json.loads(outputs["sarif"])
    _validate(sarif)
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
        for loc in [*r["locations"], *r.get("relatedLocations", [])]
    }
    assert uris == {"claims/caf%E9.toml", "claims/b%FF%1B%5B31m.toml"}
    named = {
        os.fsencode(Path(c["file"]).name)
        for f in json.loads(outputs["json"])["findings"]
        for c in f["claims"]
    }
    assert named == {b"caf\xe9.toml", b"b\xff\x1b[31m.toml"}


def test_the_older_form_of_workflow_commands_is_inert_too(cli, corpus) -> None:
    """Regression (#14 review): the Actions runner still reads ``##[error]...`` anywhere in a
    line; a problem line naming such a subject must not be one."""
    root = corpus({"a.toml": HOSTILE_FILES["b.toml"].replace('"Aleph"', '"##[error]fine"')})
    result = cli("run", str(root))
    assert result.exit_code == 2
    assert "##[" not in result.stderr and "#\u200b#[error]fine" in result.stderr


BAD = {
    "a.toml": """\
    [article]
    id = "a"
    published = 2021-09-17

    [[claims]]
    id = "age"
    subject = "Alef\\n::warning file=x,line=1::y 100%"
    predicate = "bron"
    value = 7
    quote = "[x](javascript:alert(1)) ::error::y"
    """
}


def test_bad_input_in_github_format_is_one_annotation_a_problem(cli, corpus, monkeypatch) -> None:
    claims = corpus(BAD)
    monkeypatch.chdir(claims.parent)
    result = cli("run", "--format", "github", "claims", "nosuch")
    assert result.exit_code == 2
    problems = result.stderr.splitlines()[:-1]
    commands = _commands(_lines(result.stdout))
    assert [kind for kind, _, _ in commands] == ["error"] * len(problems) == ["error"] * 3
    located = {(p.get("file"), p.get("line")) for _, p, _ in commands}
    assert located == {("claims/a.toml", "7"), ("claims/a.toml", "8"), ("nosuch", None)}
    assert {p["title"] for _, p, _ in commands} == {"factcheck: bad input"}
    # Each annotation says what the problem's line on standard error says, hint included.
    for _, properties, message in commands:
        where = properties["file"] + (f":{properties['line']}" if "line" in properties else "")
        assert f"{where}: {message}" in problems


def test_bad_input_in_sarif_is_a_valid_log_of_the_problems(cli, corpus, monkeypatch) -> None:
    claims = corpus(BAD)
    monkeypatch.chdir(claims.parent)
    result = cli("run", "--format", "sarif", "claims", "nosuch")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    Draft4Validator(SCHEMA).validate(log)
    (run,) = log["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    assert len(invocation["toolExecutionNotifications"]) == 3
    where = {
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"].get("region", {}).get("startLine"),
        )
        for r in run["results"]
    }
    assert where == {("claims/a.toml", 7), ("claims/a.toml", 8), ("nosuch", None)}
    assert {r["ruleId"] for r in run["results"]} == {"bad-input"}
    messages = " ".join(_unescape_sarif(r["message"]["text"]) for r in run["results"])
    # The subject's line break and workflow command are text in the log, never a command.
    assert "unknown subject 'Alef\\n::warning file=x,line=1::y 100%'" in messages


def test_a_whole_file_s_problem_is_an_annotation_without_a_line(cli, corpus, monkeypatch) -> None:
    monkeypatch.chdir(corpus({}).parent)
    result = cli("run", "--format", "github", "--baseline", "missing.json")
    (command,) = _commands(_lines(result.stdout))
    assert result.exit_code == 2 and command[1]["file"] == "missing.json"
    assert "line" not in command[1]
