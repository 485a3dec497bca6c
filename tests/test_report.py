"""Reports treat text from claim files as data: no markup, no escapes, in every format."""

from __future__ import annotations

import json

import pytest

HOSTILE_QUOTE = "[bold red]boom[/bold red] \\u001b[31mred\\u001b[0m ::error::x %0A 100%\\nnext"
HOSTILE = "[bold red]boom[/bold red] \x1b[31mred\x1b[0m ::error::x %0A 100%\nnext"

ARTICLES = {
    "a.toml": f"""\
    [article]
    id = "a"
    outlet = "[link=http://x]Daily[/link] \\u001b]0;title\\u0007"
    published = 2023-06-07

    [[claims]]
    id = "born"
    subject = "Aleph"
    predicate = "born"
    value = "June 14, 2011"
    quote = "{HOSTILE_QUOTE}"
    """,
    "b.toml": """\
    [article]
    id = "b"
    published = 2021-09-17

    [[claims]]
    id = "age"
    subject = "Aleph"
    predicate = "age"
    value = 7
    quote = "Son Aleph is seven"
    """,
}


@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1"}])
def test_text_report_prints_claim_text_literally(cli, corpus, monkeypatch, env) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = cli("run", str(corpus(ARTICLES)))
    assert result.exit_code == 1
    out = result.stdout
    assert "[bold red]boom[/bold red]" in out, "rich markup must be shown, not applied"
    assert "[link=http://x]Daily[/link]" in out
    assert "\\x1b[31mred" in out, "escape sequences are shown escaped"
    assert "\x07" not in out and "\x1b]0;" not in out
    if not env:
        assert "\x1b" not in out


def test_no_color_gives_plain_text_even_on_a_forced_terminal(cli, corpus, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    colour = cli("run", str(corpus(ARTICLES))).stdout
    assert "\x1b[" in colour
    monkeypatch.setenv("NO_COLOR", "1")
    plain = cli("run", str(corpus(ARTICLES))).stdout
    assert "\x1b[" not in plain.replace("\\x1b[", "")


def test_json_report_keeps_claim_text_exact(cli, corpus) -> None:
    result = cli("run", str(corpus(ARTICLES)), "--format", "json")
    report = json.loads(result.stdout)
    quotes = {c["quote"] for f in report["findings"] for c in f["claims"]}
    assert HOSTILE in quotes
    assert "\x1b" not in result.stdout, "JSON escapes control characters"


def test_no_printed_line_reads_as_a_workflow_command(cli, corpus) -> None:
    files = dict(ARTICLES)
    files["b.toml"] = files["b.toml"].replace("Son Aleph is seven", "::error file=x::pwned")
    for args in ((), ("--format", "json")):
        out = cli("run", str(corpus(files)), *args).stdout
        assert "::error file=x::pwned" in out
        assert not any(line.lstrip().startswith("::") for line in out.splitlines())


def test_text_report_has_no_trailing_spaces_and_never_wraps_a_location(cli, monkeypatch) -> None:
    from conftest import BUNDLED_CLAIMS

    monkeypatch.setenv("COLUMNS", "40")
    out = cli("run", str(BUNDLED_CLAIMS)).stdout
    assert all(line == line.rstrip() for line in out.splitlines())
    assert f"{BUNDLED_CLAIMS}/articles/bild-2021-09-17.toml:20" in out


@pytest.mark.parametrize("command", [("run",), ("timeline", "Aleph"), ("explain", "4cbe")])
def test_a_terminal_width_of_zero_still_prints_the_whole_report(cli, monkeypatch, command) -> None:
    # Found while fuzzing: with COLUMNS=0 the text report was empty, and the run still exited 1.
    from conftest import BUNDLED_CLAIMS

    monkeypatch.setenv("COLUMNS", "80")
    expected = cli(*command, str(BUNDLED_CLAIMS)).stdout
    monkeypatch.setenv("COLUMNS", "0")
    result = cli(*command, str(BUNDLED_CLAIMS))
    assert result.stdout == expected and expected.strip()


def test_text_report_falls_back_to_ascii_marks(corpus) -> None:
    import io

    from factcheck.check import check
    from factcheck.report.text import render

    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="strict")
    render(check([corpus(ARTICLES)]), out)
    out.flush()
    text = out.buffer.getvalue().decode("ascii")
    assert "x error FC101" in text and '"Son Aleph is seven"' in text
