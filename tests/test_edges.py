"""The edges of the calendar and of the values: input at the ends of the days factcheck reasons
about (0001-01-01 to 9999-12-31) is reported on, never a crash, in every format and command;
arithmetic past an end is shown as lying beyond it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FORMATS = ("text", "json", "jsonl", "sarif", "github")


def _claims(root: Path, files: dict[str, str]) -> Path:
    (root / ".git").mkdir(exist_ok=True)
    claims = root / "claims"
    claims.mkdir(exist_ok=True)
    (claims / "entities.toml").write_text(
        '[[entities]]\nname = "Ann"\naliases = []\n\n[[entities]]\nname = "Bob"\naliases = []\n',
        encoding="utf-8",
    )
    for name, text in files.items():
        (claims / name).write_text(text, encoding="utf-8")
    return claims


LATE = {
    "a.toml": '[article]\nid = "a"\npublished = 2019-06-01\n\n[[claims]]\nid = "born"\n'
    'subject = "Ann"\npredicate = "born"\nvalue = 9999-01-01\n',
    "u.toml": '[article]\nid = "u"\n\n[[claims]]\nid = "age"\nsubject = "Ann"\n'
    'predicate = "age"\nvalue = 15\n',
}
EARLY = {
    "a.toml": '[article]\nid = "a"\npublished = 2019-06-01\n\n[[claims]]\nid = "born"\n'
    'subject = "Ann"\npredicate = "born"\nvalue = 0001-01-01\n\n[[claims]]\nid = "wed"\n'
    'subject = "Ann"\npredicate = "married"\nobject = "Bob"\nvalue = 1\n'
    'after = { predicate = "born", subject = "Ann" }\n\n[[claims]]\nid = "wed2"\n'
    'subject = "Ann"\npredicate = "married"\nobject = "Bob"\nvalue = 0001-06-01\n',
}


@pytest.mark.parametrize("files", [LATE, EARLY], ids=["after-9999", "before-0001"])
def test_the_ends_of_the_calendar_are_reported_on_in_every_command(
    cli, tmp_path: Path, monkeypatch, files: dict[str, str]
) -> None:
    claims = _claims(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    for form in FORMATS:
        assert cli("run", "--no-cache", "--format", form, str(claims)).exit_code in (0, 1)
    report = json.loads(cli("run", "--no-cache", "--format", "json", str(claims)).stdout)
    for finding in report["findings"]:
        assert cli("explain", "--no-cache", finding["fingerprint"], str(claims)).exit_code == 0
    for form in ("text", "json"):
        assert cli("timeline", "Ann", "--format", form, str(claims)).exit_code == 0
    if files is LATE:  # publication 15 years after a birth in 9999: past the calendar's end
        (warning,) = report["findings"]
        assert "fit publication on a day after 9999-12-31" in warning["message"]


def test_a_years_value_has_at_most_two_decimals(cli, tmp_path: Path) -> None:
    claims = _claims(
        tmp_path,
        {
            "a.toml": '[article]\nid = "a"\npublished = 2019-06-01\n\n[[claims]]\nid = "m"\n'
            'subject = "Ann"\npredicate = "married_for"\nobject = "Bob"\nvalue = 15.646\n'
        },
    )
    result = cli("run", str(claims))
    assert result.exit_code == 2
    assert "a.toml:10: value: a span of years of 15.646 years has more than two decimals" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("x = " + "[" * 600 + "]" * 600 + "\n", "the file nests arrays or tables too deeply"),
        (
            "x = " + "{a = " * 600 + "1" + "}" * 600 + "\n",
            "the file nests arrays or tables too deeply",
        ),
        ("[" + ".".join(["a"] * 30_000) + "]\n", "a table header or key too long"),
        # regression (#14 review): short enough a header, but too deep to cache: exit 3
        ("[claims.value" + ".a" * 490 + "]\nx = 1\n", "the file nests arrays or tables too"),
        (".".join(["a"] * 30_000) + " = 1\n", "a table header or key too long"),
    ],
)
def test_input_nested_beyond_any_claims_file_is_bad_input(
    cli, tmp_path: Path, text: str, said: str
) -> None:
    claims = _claims(tmp_path, {"a.toml": text})
    result = cli("run", str(claims))
    assert result.exit_code == 2 and f"a.toml:1: {said}" in result.stderr


def test_a_file_over_the_limits_is_bad_input(cli, tmp_path: Path, monkeypatch) -> None:
    from factcheck import loader

    claim = '\n[[claims]]\nid = "c{n}"\nsubject = "Ann"\npredicate = "age"\nvalue = 30\n'
    text = '[article]\nid = "a"\npublished = 2020-01-01\n' + "".join(
        claim.format(n=n) for n in range(11)
    )
    claims = _claims(tmp_path, {"a.toml": text})
    monkeypatch.setattr(loader, "MAX_CLAIMS", 10)
    result = cli("run", "--no-cache", "--jobs", "1", str(claims))
    assert result.exit_code == 2 and "11 claims, over the 10 a file may hold" in result.stderr
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    result = cli("run", "--no-cache", "--jobs", "1", str(claims))
    assert result.exit_code == 2 and "a.toml: the file is 0 MB, over the 0 MB" in result.stderr


def test_nesting_too_deep_is_reported_at_the_line_where_it_gets_too_deep(
    cli, tmp_path: Path
) -> None:
    opened = "value = [\n" + "[" * 40 + "\n" + "]" * 41 + "\n"
    text = '[article]\nid = "a"\n\n[[claims]]\nid = "c"\nsubject = "A"\n' + opened
    claims = _claims(tmp_path, {"a.toml": text})
    result = cli("run", str(claims))
    assert result.exit_code == 2
    assert "a.toml:8: the file nests arrays or tables too deeply" in result.stderr


def test_a_window_past_the_calendar_is_iso_in_json_clamped_and_open(cli, tmp_path: Path) -> None:
    # Born in 9990 and 15 at an undated publication: only days after 9999-12-31 fit. The text
    # says so; JSON keeps to ISO dates and nulls (review L6).
    claims = _claims(
        tmp_path,
        {
            "a.toml": '[article]\nid = "a"\npublished = 2020-01-01\n\n[[claims]]\nid = "b"\n'
            'subject = "Ann"\npredicate = "born"\nvalue = 9990-01-01\n',
            "u.toml": '[article]\nid = "u"\n\n[[claims]]\nid = "age"\nsubject = "Ann"\n'
            'predicate = "age"\nvalue = 15\n',
        },
    )
    text = cli("run", "--no-cache", str(claims))
    assert "fit publication on a day after 9999-12-31" in " ".join(text.stdout.split())
    report = json.loads(cli("run", "--no-cache", "-f", "json", str(claims)).stdout)
    window = {"earliest": "9999-12-31", "latest": None}
    assert [f["window"] for f in report["findings"]] == [window]
    assert [a["inferred_window"] for a in report["articles"] if a["id"] == "u"] == [window]
