"""Incremental dating: after an edit, only the articles whose inputs changed are dated again,
and the report is byte for byte the one a run without the cache writes."""

from __future__ import annotations

import io
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from factcheck import dating
from factcheck.cache import CACHE_DIR
from factcheck.check import check
from factcheck.config import Settings
from factcheck.problems import InputError
from factcheck.report import FORMATS

sys.path.insert(0, str(REPO / "benchmarks"))
import generate

KINDS = ["value", "published", "undated", "comment", "shift", "delete", "rename", "copy", "alias"]


def report(claims: Path, cache: bool) -> str:
    """The JSON report, or the problems of bad input, one per line."""
    out = io.StringIO()
    try:
        FORMATS["json"](check([claims], Settings(jobs=1, cache=cache)), out)
    except InputError as error:
        return "\n".join(map(str, error.problems))
    return out.getvalue()


@pytest.fixture
def dated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles each run dated afresh, rather than take their dates from the cache."""
    calls: list[str] = []
    real = dating._date

    def spy(article, *args):
        calls.append(article.id)
        return real(article, *args)

    monkeypatch.setattr(dating, "_date", spy)
    return calls


def corpus(folder: Path, seed: int = 3) -> Path:
    """A small generated corpus in a repository of its own: 8 articles about 10 people, so that
    every article's dating reads claims of the others."""
    (folder / ".git").mkdir()
    generate.write(folder, 160, seed=seed, planted=3)
    return folder / "claims"


def articles(claims: Path) -> list[Path]:
    return sorted((claims / "articles").rglob("*.toml"))


def edit(claims: Path, kind: str, pick: int, delta: int) -> None:
    """One edit a user might make: a value, a date, a comment, a line added at the top, a file
    deleted, renamed or copied as a new article, an alias added to an entity."""
    files = articles(claims)
    if not files:
        return
    file = files[pick % len(files)]
    text = file.read_text(encoding="utf-8")
    if kind == "value":
        numbers = list(re.finditer(r"^value = (\d+)$", text, re.M))
        if numbers:
            m = numbers[pick % len(numbers)]
            text = f"{text[: m.start(1)]}{max(1, int(m[1]) + delta)}{text[m.end(1) :]}"
    elif kind == "published":
        text = re.sub(
            r"^published = (\d{4})", lambda m: f"published = {int(m[1]) + delta}", text, flags=re.M
        )
    elif kind == "undated":
        text = re.sub(r"^published = .*\n", "", text, flags=re.M)
    elif kind == "comment":
        text += f"# checked {delta}\n"
    elif kind == "shift":
        text = "\n" * (1 + abs(delta)) + text
    elif kind == "delete":
        file.unlink()
        return
    elif kind == "rename":
        file.rename(file.with_name(f"renamed-{pick}-{file.name}"))
        return
    elif kind == "copy":
        copy = re.sub(r'^id = "(a\d+)"', rf'id = "\1-copy{pick}"', text, count=1, flags=re.M)
        file.with_name(f"copy-{pick}-{file.name}").write_text(copy, encoding="utf-8")
        return
    elif kind == "alias":
        entities = claims / "entities.toml"
        text = entities.read_text(encoding="utf-8")
        names = re.findall(r'^name = ".*"$', text, flags=re.M)
        line = names[pick % len(names)]
        if f"{line}\naliases" not in text:
            text = text.replace(line, f'{line}\naliases = ["Alias {pick}"]', 1)
        entities.write_text(text, encoding="utf-8")
        return
    file.write_text(text, encoding="utf-8")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 5),
    edits=st.lists(
        st.tuples(st.sampled_from(KINDS), st.integers(0, 50), st.integers(-6, 6)),
        min_size=1,
        max_size=3,
    ),
)
def test_after_any_edits_the_report_is_the_one_without_the_cache(seed, edits):
    with tempfile.TemporaryDirectory() as tmp:
        claims = corpus(Path(tmp), seed)
        assert report(claims, cache=True) == report(claims, cache=False)
        for kind, pick, delta in edits:
            edit(claims, kind, pick, delta)
            assert report(claims, cache=True) == report(claims, cache=False), (kind, pick, delta)


def test_an_edit_dates_again_only_the_articles_it_can_move(tmp_path, dated):
    claims = corpus(tmp_path)
    report(claims, cache=True)
    everything = sorted(dated)
    assert len(everything) == len(articles(claims))
    dated.clear()
    edit(claims, "comment", 0, 0)  # touches one file, and no bound the others read
    report(claims, cache=True)
    assert dated == [everything[0]]


def test_a_changed_value_dates_again_the_articles_that_read_it(tmp_path, dated):
    claims = corpus(tmp_path)
    first = report(claims, cache=True)
    dated.clear()
    edit(claims, "value", 0, -3)
    assert report(claims, cache=True) == report(claims, cache=False) != first
    assert 1 <= len(set(dated)) <= len(articles(claims))


def test_a_change_of_entities_dates_everything_again(tmp_path, dated):
    claims = corpus(tmp_path)
    report(claims, cache=True)
    dated.clear()
    edit(claims, "alias", 0, 0)
    report(claims, cache=True)
    assert len(dated) == len(articles(claims))


def test_a_corrupt_dates_pack_is_only_a_miss(tmp_path, dated):
    claims = corpus(tmp_path)
    expected = report(claims, cache=False)
    report(claims, cache=True)
    for pack in (tmp_path / CACHE_DIR).glob("dates-*.pack"):
        pack.write_bytes(pack.read_bytes()[:-40] + b"x" * 40)
    edit(claims, "comment", 1, 0)
    dated.clear()
    cached = report(claims, cache=True)
    assert len(dated) == len(articles(claims))
    assert cached == report(claims, cache=False) == expected


def test_without_the_cache_no_dates_pack_is_written(tmp_path):
    claims = corpus(tmp_path)
    report(claims, cache=False)
    assert not list((tmp_path / CACHE_DIR).glob("dates-*.pack"))


def claim_file(id: str, published: str, *claims: tuple[str, str, str, object]) -> str:
    """A claim file: its article, and claims as (id, subject, predicate, value)."""
    lines = ["[article]", f'id = "{id}"', published]
    for claim, subject, predicate, value in claims:
        lines += ["[[claims]]", f'id = "{claim}"', f'subject = "{subject}"']
        lines += [f'predicate = "{predicate}"', f"value = {value}"]
    return "\n".join(lines) + "\n"


def dated_by_another(born: str, published: str = "", died: str = "") -> dict[str, str]:
    """An undated article dated by another's birth date (and a death, if given, that bounds it
    from above through the rule that the living have ages), and one that may be misdated (two
    ages that fit a year before its stated date)."""
    portman, millepied = "Natalie Portman", "Benjamin Millepied"
    files = {
        "a.toml": claim_file(
            "a",
            "published = 2020-01-01",
            ("born", portman, "born", born),
            ("born2", millepied, "born", "1977-06-10"),
        ),
        "b.toml": claim_file("b", "", ("age", portman, "age", 30)),
        "c.toml": claim_file(
            "c", published, ("age", portman, "age", 29), ("age2", millepied, "age", 33)
        ),
    }
    if died:
        files["d.toml"] = claim_file("d", "published = 2030-01-01", ("died", portman, "died", died))
    return files


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    published=st.sampled_from(["", "published = 2011-03-01", "published = 2012-03-01"]),
    steps=st.lists(
        st.tuples(
            st.just(0) | st.integers(-800, 800),
            st.sampled_from(["", "2011-09-01", "2012-02-01"]),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_an_article_is_dated_again_when_the_bound_it_read_moves(corpus, published, steps):
    import datetime as dt

    claims = corpus(dated_by_another("1981-06-09", published))
    (claims.parent / ".git").mkdir(exist_ok=True)
    shutil.rmtree(claims.parent / CACHE_DIR, ignore_errors=True)
    report(claims, cache=True)
    for shift, died in steps:
        born = dt.date(1981, 6, 9) + dt.timedelta(days=shift)
        (claims / "d.toml").unlink(missing_ok=True)
        corpus(dated_by_another(born.isoformat(), published, died))
        assert report(claims, cache=True) == report(claims, cache=False), (born, died)
