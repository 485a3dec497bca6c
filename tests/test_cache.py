"""The parse cache: a second run parses nothing, any edit is seen (also one that keeps the size
and the modification time), and a corrupt or foreign cache is ignored and rebuilt, never
trusted. Results never depend on it."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest

from conftest import BUNDLED_CLAIMS
from factcheck import cache, loader
from factcheck import check as check_module
from factcheck.cache import CACHE_DIR
from factcheck.check import check
from factcheck.config import Settings
from factcheck.report import FORMATS


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    """A copy of the bundled claims, in a git repository of its own (the cache's home)."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(BUNDLED_CLAIMS, tmp_path / "claims")
    return tmp_path / "claims"


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files each run parsed, in order."""
    calls: list[str] = []
    real = loader.parse_file

    def spy(path: str, data: bytes):
        calls.append(Path(path).name)
        return real(path, data)

    monkeypatch.setattr("factcheck.parallel.parse_file", spy)
    return calls


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The runs that analysed the claims, rather than take the report from the cache."""
    calls: list[str] = []
    real = check_module._analyse

    def spy(*args):
        calls.append("analysed")
        return real(*args)

    monkeypatch.setattr(check_module, "_analyse", spy)
    return calls


def report_json(claims: Path, cache: bool = True) -> dict:
    import io

    out = io.StringIO()
    FORMATS["json"](check([claims], Settings(jobs=1, cache=cache)), out)
    return json.loads(out.getvalue())


def packs(claims: Path, kind: str = "parse") -> list[Path]:
    return sorted((claims.parent / CACHE_DIR).glob(f"{kind}-*.pack"))


def test_a_second_run_parses_nothing_and_reports_the_same(claims, parsed):
    uncached = report_json(claims, cache=False)
    assert len(parsed) == 6
    first = report_json(claims)
    assert len(parsed) == 12
    second = report_json(claims)
    assert len(parsed) == 12
    assert uncached == first == second
    assert len(packs(claims)) == 1
    folder = claims.parent / CACHE_DIR
    assert (folder / ".gitignore").read_text() == "*\n"  # git never sees it
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172")


def test_an_edit_keeping_size_and_mtime_is_seen(claims, parsed):
    report_json(claims)
    article = claims / "articles" / "people-2023-06-07.toml"  # "son Aleph, 11"
    stat = article.stat()
    text = article.read_text()
    article.write_text(text.replace("value = 11", "value = 19", 1))
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert article.stat().st_size == stat.st_size
    assert article.stat().st_mtime_ns == stat.st_mtime_ns
    parsed.clear()
    edited = report_json(claims)
    assert parsed == [article.name]
    assert edited == report_json(claims, cache=False)
    assert any("is 19" in f["message"] for f in edited["findings"])


def test_a_new_and_a_removed_file_are_seen(claims, parsed):
    report_json(claims)
    moved = sorted((claims / "articles").glob("*.toml"))[-1]
    kept = moved.read_text()
    moved.unlink()
    parsed.clear()
    without = report_json(claims)
    assert parsed == []  # what remains is all cached
    assert without == report_json(claims, cache=False)
    (claims / "new.toml").write_text(kept)
    parsed.clear()
    assert report_json(claims) == report_json(claims, cache=False)
    assert parsed[0] == "new.toml"  # the only file the cached run parsed
    assert len(parsed) == 7


@pytest.mark.parametrize("kind", ["parse", "report"])
@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: blob[:-40] + bytes(40),  # payload overwritten
        lambda blob: b"garbage",
        lambda blob: b"",
    ],
    ids=["truncated", "overwritten", "garbage", "empty"],
)
def test_a_corrupt_cache_is_ignored_and_rebuilt(claims, parsed, analysed, kind, damage):
    expected = report_json(claims, cache=False)
    report_json(claims)
    (pack,) = packs(claims, kind)
    pack.write_bytes(damage(pack.read_bytes()))
    if kind == "parse":
        packs(claims, "report")[0].unlink()  # else the run has no need of the parse pack
    parsed.clear()
    analysed.clear()
    assert report_json(claims) == expected
    assert len(parsed) == (6 if kind == "parse" else 0)
    assert len(analysed) == 1
    parsed.clear()
    analysed.clear()
    assert report_json(claims) == expected  # rebuilt: used again
    assert parsed == analysed == []


@pytest.mark.parametrize("kind", ["parse", "report"])
def test_a_foreign_cache_is_never_unpickled(claims, parsed, analysed, tmp_path, kind):
    """A pack signed with another key (committed to a repository, copied from elsewhere) may
    hold any pickle: it is not loaded, so it cannot run code."""
    report_json(claims)
    (pack,) = packs(claims, kind)
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (Path.touch, (marker,))

    # A pack made and signed the way factcheck makes them, with another user's key.
    magic, _, header, index, _ = pack.read_bytes().split(b"\n", 4)
    payload = pickle.dumps(Exploit())
    if kind == "parse":  # an index of entries, each with its length
        entries = json.loads(index)
        for entry in entries:
            entry[-1] = len(payload)
        index, payload = json.dumps(entries).encode(), payload * len(entries)
        packs(claims, "report")[0].unlink()
    rest = b"\n".join((header, index, payload))
    pack.write_bytes(magic + b"\n" + cache._sign(os.urandom(32), rest) + b"\n" + rest)
    parsed.clear()
    analysed.clear()
    assert report_json(claims) == report_json(claims, cache=False)
    assert not marker.exists()
    assert len(parsed) == (12 if kind == "parse" else 6)
    assert len(analysed) == 2


def test_no_cache_reads_and_writes_nothing(claims, cli, parsed):
    result = cli("run", "--no-cache", "--format", "json", str(claims))
    assert result.exit_code == 1
    assert not (claims.parent / CACHE_DIR).exists()
    cli("run", "--format", "json", str(claims))
    parsed.clear()
    again = cli("run", "--no-cache", "--format", "json", str(claims))
    assert len(parsed) == 6
    assert again.stdout == result.stdout


def test_a_read_only_checkout_runs_without_a_cache(claims, parsed):
    (claims.parent / CACHE_DIR).write_text("not a folder")  # the cache cannot be made
    assert report_json(claims) == report_json(claims, cache=False)
    assert (claims.parent / CACHE_DIR).read_text() == "not a folder"


def test_problems_are_the_same_from_the_cache(claims, cli):
    bad = claims / "articles" / "zz-broken.toml"
    bad.write_text('[article]\nid = "x"\n[[claims]]\nid = "c"\nsubject = "Nobody"\n')
    first = cli("run", str(claims))
    second = cli("run", str(claims))
    assert first.exit_code == second.exit_code == 2
    assert first.output == second.output
    assert "zz-broken.toml:3: the claim has no 'predicate'" in second.output


def test_only_the_most_recently_used_packs_are_kept(claims, cli, monkeypatch):
    monkeypatch.setattr(cache, "MAX_PACKS", 3)
    articles = sorted((claims / "articles").glob("*.toml"))
    for article in articles[:4]:  # one pack for each set of paths checked
        cli("run", str(article))
    assert len(packs(claims)) == 3
    cli("run", str(articles[1]))  # unchanged: its pack is used, and kept
    cli("run", str(articles[4]))
    kept = {p.name for p in packs(claims)}
    assert len(kept) == 3
    assert cache.ParseCache.at(claims.parent, [articles[1]]).pack.name in kept  # type: ignore[union-attr]
    assert cache.ParseCache.at(claims.parent, [articles[0]]).pack.name not in kept  # type: ignore[union-attr]


def test_the_key_is_never_kept_in_a_relative_folder(monkeypatch, tmp_path):
    """The XDG spec: a relative XDG_CACHE_HOME is invalid. Taken as it is, it would put the key
    in the working directory, maybe inside the repository."""
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.key_folder() == tmp_path / ".cache" / "factcheck"


@pytest.mark.parametrize("output_format", ["json", "text", "sarif", "jsonl", "github"])
def test_an_unchanged_run_takes_its_report_from_the_cache(claims, cli, analysed, output_format):
    """Files and settings unchanged: the report is the last one, also compared with a baseline,
    and the run loads and analyses nothing."""
    accepted = claims.parent / "accepted.json"
    assert cli("baseline", "--output", str(accepted), str(claims)).exit_code == 0
    analysed.clear()
    for baseline in ([], ["--baseline", str(accepted)]):
        arguments = ["run", "-f", output_format, *baseline, str(claims)]
        fresh = cli(*arguments, "--no-cache")
        cached = cli(*arguments)
        assert cached.stdout == fresh.stdout
        assert cached.exit_code == fresh.exit_code == (1 if not baseline else 0)
    assert len(analysed) == 2  # the --no-cache runs alone


def test_settings_that_shape_findings_are_a_new_analysis(claims, cli, analysed, monkeypatch):
    monkeypatch.chdir(claims.parent)
    before = json.loads(cli("run", "-f", "json", "claims").stdout)
    (claims.parent / "factcheck.toml").write_text('disable = ["FC302"]\n')
    after = json.loads(cli("run", "-f", "json", "claims").stdout)
    (claims.parent / "factcheck.toml").write_text('[severity]\nFC101 = "warning"\n')
    warned = json.loads(cli("run", "-f", "json", "claims").stdout)
    assert len(analysed) == 3
    assert "FC302" in {f["rule"] for f in before["findings"]}
    assert "FC302" not in {f["rule"] for f in after["findings"]}
    assert {f["severity"] for f in warned["findings"] if f["rule"] == "FC101"} == {"warning"}


def test_packs_of_other_code_or_dependencies_are_not_used(claims, parsed, analysed, monkeypatch):
    """A report read with another python-dateutil might read dates otherwise."""
    import dateutil

    expected = report_json(claims)
    monkeypatch.setattr(dateutil, "__version__", "0.0-other")
    cache._made_by.cache_clear()
    parsed.clear()
    analysed.clear()
    assert report_json(claims) == expected
    assert len(parsed) == 6
    assert len(analysed) == 1
    cache._made_by.cache_clear()  # for the tests that follow


def test_a_pipe_in_place_of_a_pack_is_ignored(claims):
    """Reading a named pipe would block the run forever: it is not read. (In a subprocess, so
    that a hang fails this test instead of the suite.)"""
    import subprocess
    import sys

    report_json(claims)
    for kind in ("parse", "report"):
        (pack,) = packs(claims, kind)
        pack.unlink()
        os.mkfifo(pack)
    command = [sys.executable, "-m", "factcheck", "run", "-f", "json", str(claims)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout) == report_json(claims, cache=False)
