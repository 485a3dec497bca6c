"""The HTML report as a file: self-contained, every finding and timeline in it, text from claim
files shown as text. (tests/test_html_browser.py opens it in a browser.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import BUNDLED_CLAIMS, REPO
from factcheck.textsafe import inert

# Through every field a claim file has: markup, a style sheet's end, quotes, an entity, and a
# right-to-left override (shown escaped, as the terminal shows it).
HOSTILE = "<script>alert(1)</script></style>\"'\u202e&amp;<img src=x onerror=alert(2)>"


def _toml(text: str) -> str:
    return json.dumps(text)  # a JSON string is a TOML basic string


HOSTILE_CLAIMS = {
    "entities.toml": f"""\
    [[entities]]
    name = {_toml("Kid " + HOSTILE)}
    aliases = ["Kid"]
    """,
    "a.toml": f"""\
    [article]
    id = "a"
    title = {_toml("T " + HOSTILE)}
    outlet = {_toml("O " + HOSTILE)}
    url = "javascript:alert(3)"
    published = 2020-01-01

    [[claims]]
    id = "age"
    subject = "Kid"
    predicate = "age"
    value = 7
    quote = {_toml("Q " + HOSTILE)}
    """,
    "b.toml": f"""\
    [article]
    id = "b"
    outlet = {_toml("P " + HOSTILE)}
    url = "https://example.org/b?x=1&y=2"
    published = 2021-01-01

    [[claims]]
    id = "born"
    subject = "Kid"
    predicate = "born"
    value = 2018-05-05
    quote = {_toml("R " + HOSTILE)}
    """,
}


class Page(HTMLParser):
    """What a browser would make of the page: its elements, attributes and text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None if tag == self._in else self._in

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)
        else:
            self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def _sha(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _report(cli, claims: Path, out: Path, *more: str) -> str:
    result = cli("run", str(claims), "--format", "html", "-o", str(out), *more)
    assert result.exit_code == 1 and result.stdout == "", result.output
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> str:
    from typer.testing import CliRunner

    from factcheck.cli import app

    out = tmp_path_factory.mktemp("html") / "report.html"
    result = CliRunner().invoke(app, ["run", str(BUNDLED_CLAIMS), "-f", "html", "-o", str(out)])
    assert result.exit_code == 1, result.output
    return out.read_text(encoding="utf-8")


def test_the_page_loads_nothing_and_runs_only_its_own_script(bundled: str) -> None:
    page = Page(bundled)
    (policy,) = [a["content"] for a in page.all("meta") if a.get("http-equiv")]
    assert policy is not None and "default-src 'none'" in policy
    (script,), (style,) = page.scripts, page.styles
    assert f"script-src {_sha(script)};" in policy and f"style-src {_sha(style)};" in policy
    for tag, attrs in page.tags:  # nothing from elsewhere: no source, sheet or frame
        assert not {"src", "srcset"} & set(attrs), tag
        assert not any(name.startswith("on") for name in attrs), tag
    assert not re.search(r"url\((?!#)", style), "no style reaches outside the page"
    # Shared beyond the machine it was made on: paths from the repository's root only.
    assert str(REPO) not in bundled and '<p class="meta">claims · ' in bundled


def test_every_finding_and_person_is_in_the_page(cli, bundled: str) -> None:
    report = json.loads(cli("run", str(BUNDLED_CLAIMS), "--format", "json").stdout)
    page = Page(bundled)
    shown = {a["id"]: a for a in page.all("article")}
    for finding in report["findings"]:
        attrs = shown[f"finding-{finding['fingerprint']}"]
        assert attrs["data-rule"] == finding["rule"]
        assert attrs["data-severity"] == finding["severity"]
    people = {
        p for f in report["findings"] for c in f["claims"] for p in (c["subject"], c["object"])
    }
    drawn = {a["data-person"] for a in page.all("figure") if a.get("data-person")}
    assert drawn == people - {None}
    text = " ".join(page.text)
    for finding in report["findings"]:
        assert finding["message"] in text
        for claim in finding["claims"]:
            where = Path(claim["file"]).relative_to(REPO)  # a path the repository's readers share
            assert claim["quote"] in text and f"{where}:{claim['line']}" in text


def test_text_from_claim_files_is_shown_as_text(cli, corpus, tmp_path: Path) -> None:
    claims = corpus(HOSTILE_CLAIMS, entities=None)
    page = Page(_report(cli, claims, tmp_path / "hostile.html"))
    assert len(page.scripts) == 1 and len(page.all("script")) == 1
    assert page.all("img") == [] and not any("onerror" in a for _, a in page.tags)
    links = [a["href"] for a in page.all("a")]
    assert links == ["https://example.org/b?x=1&y=2"] * len(links) and links
    text = "".join(page.text)
    shown = inert(HOSTILE)  # the override as \u202e: no text can turn the page's text around
    for field in ("Kid ", "O ", "P ", "Q ", "R "):
        assert field + shown in text, field
    assert "\u202e" not in text
    # In attributes too: the filters' values and the findings' data hold the name as text.
    names = {a.get("value") for a in page.all("option")} | {
        a.get("data-person") for a in page.all("figure")
    }
    assert "Kid " + shown in names


def test_with_a_baseline_the_page_says_what_is_new(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    out = tmp_path / "report.html"
    result = cli("run", "-f", "html", "-o", str(out), "--baseline", ".factcheck-baseline.json")
    assert result.exit_code == 0  # every finding is known
    source = out.read_text(encoding="utf-8")
    page = Page(source)
    counts = dict(re.findall(r"<dt>([\w ]+)</dt><dd>(\d+)</dd>", source))
    known = (counts["new findings"], counts["known findings"], counts["fixed findings"])
    assert known == ("0", "6", "0")
    assert {a["data-new"] for a in page.all("article")} == {"false"}
    assert [a for a in page.all("input") if a.get("name") == "new"]  # only with a baseline


def test_each_drawing_is_named_for_screen_readers_and_every_article_is_dated(
    cli, corpus, tmp_path: Path
) -> None:
    claims = corpus(HOSTILE_CLAIMS, entities=None)
    source = _report(cli, claims, tmp_path / "hostile.html")
    labels = re.findall(
        r'<figure class="chart"[^>]*><figcaption>([^<]*)</figcaption><svg[^>]*'
        r'aria-label="([^"]*)"',
        source,
    )
    assert labels and all(caption == label for caption, label in labels)
    # No finding is about an article as a whole, yet both articles' stated dates are drawn.
    articles = source[source.index('<section id="articles">') :]
    assert articles.count('class="mark stated"') == 2
