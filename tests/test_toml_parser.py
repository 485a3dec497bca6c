"""The compiled TOML parser and tomllib read claim files alike (#15): the same documents, the same
refusals, and tomllib's words for every syntax error, whichever is installed."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck import toml_parser
from factcheck.loader import parse_file

REPO = Path(__file__).resolve().parent.parent


def _outcome(loads, text: str) -> tuple[str, object]:
    try:
        return "document", _comparable(loads(text))
    except tomllib.TOMLDecodeError as exc:
        return "refused", str(exc)
    except RecursionError:
        return "refused", "too deep"


def _comparable(value: object) -> object:
    """NaN is not equal to itself: compare it by name."""
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _same(text: str) -> None:
    assert _outcome(toml_parser.loads, text) == _outcome(tomllib.loads, text)


EDGES = [
    # dates and times, valid and not
    "a = 2011-06-14",
    "a = 2012-02-29",
    "a = 2011-02-29",
    "a = 0000-01-01",
    "a = 9999-12-31",
    "a = 2011-06-14T10:00:00",
    "a = 2011-06-14 10:00:00Z",
    "a = 1979-05-27T00:32:00-07:00",
    "a = 1979-05-27T00:32:00.999999999",
    "a = 10:00:00",
    "a = 1979-05-27T00:32",  # seconds may be left out in TOML 1.1 only
    # numbers
    "a = inf\nb = -inf\nc = nan",
    "a = 1.5e3",
    "a = 99999999999999999999",
    "a = 01",
    "a = 0xff\nb = 0o7\nc = 0b1",
    "a = 1_000",
    "a = 1__0",
    "a = .5",
    # keys and tables defined twice
    "a = 1\na = 2",
    "[t]\na = 1\n[t]\nb = 2",
    "a = [1]\n[[a]]",
    "[[claims]]\nid = 'x'\n[[claims]]\nid = 'y'",
    "a.b.c = 1\na.b = 2",
    '"" = 1',
    # Unicode and escapes
    'a = "\\uD800"',
    'a = "\\U00110000"',
    'a = "x\x00y"',
    'a = "x\x01y"',
    'a = "x\x7fy"',
    'a = "\\e"',  # TOML 1.1 only
    'a = "\\x41"',  # TOML 1.1 only
    'a = "é \u202e \u2028"',
    "\ufeffa = 1",
    # lines
    "a = 1\rb = 2",
    "a = 1\r\nb = 2",
    "a = {b = 1,\n c = 2}",  # newlines in inline tables: TOML 1.1 only
    "a = {b = 1,}",  # TOML 1.1 only
    'a = """\nx"""""',
    "a = '''x'''''",
    "a = [\n1,\n2,\n]",
]


@pytest.mark.parametrize("text", EDGES)
def test_the_parsers_agree_on_the_edges_of_the_language(text: str) -> None:
    _same(text)


def test_a_syntax_error_is_reported_by_tomllib_in_its_words_and_at_its_line() -> None:
    text = '[article]\nid = "a"\n\n[[claims]]\nid = "c1"\nvalue = "\\e"\n'
    loaded = parse_file("x.toml", text.encode())
    assert [str(p) for p in loaded.problems] == [
        "x.toml:6: TOML syntax error: Unescaped '\\' in a string (in a quoted string a backslash "
        "starts \\\\, \\\", \\n, \\t or \\uXXXX; for a plain backslash, quote with 'single quotes')"
    ]


@pytest.mark.parametrize("shape", ["[" * 20_000, "{b=" * 20_000, "[" * 20_000 + "]" * 20_000])
def test_nesting_the_compiled_parser_would_overflow_on_is_refused_not_a_crash(shape: str) -> None:
    # toml_rs recurses on the C stack: at these depths it kills the process.
    loaded = parse_file("deep.toml", f"a = {shape}\n".encode())
    assert loaded.unreadable and len(loaded.problems) == 1


def test_the_compiled_parser_is_the_one_in_use() -> None:
    assert toml_parser.parser() == "toml_rs"  # a dependency: its absence is a broken install


def test_every_bundled_file_loads_the_same_without_the_compiled_parser(monkeypatch) -> None:
    files = [*REPO.glob("claims/**/*.toml"), *REPO.glob("src/factcheck/examples/**/*.toml")]
    assert len(files) > 20
    fast = [repr(parse_file(str(f), f.read_bytes())) for f in files]  # claims compare by identity
    monkeypatch.setattr(toml_parser, "_FAST", None)
    assert toml_parser.parser() == "tomllib"
    assert [repr(parse_file(str(f), f.read_bytes())) for f in files] == fast


# Text made of TOML's pieces, well-formed or not: a fair share parses, and the rest breaks the
# language in the ways an editor does.
_PIECES = st.sampled_from(
    [
        "\n", "\n", " ", "=", " = ", "[", "]", "[[", "]]", "{", "}", ",", ".", "#", '"', "'",
        '"""', "'''", "\\", "\\n", "\\u00e9", "\\e", "\\x41", "a", "claims", "id", "value",
        "1", "1.5", "-0", "+inf", "nan", "1e3", "0x1F", "1_0", "true", "2011-06-14",
        "2011-02-30", "T10:00:00", " 10:00", "Z", "+01:00", ".5", "\r\n", "\r", "\t", "\x00",
        "\x7f", "é", "\u2028", "\ufeff",
    ]
)  # fmt: skip
_LINES = st.sampled_from(
    [
        "[[claims]]\n", "[article]\n", 'id = "x"\n', "value = 11\n", "value = { min = 3 }\n",
        "as_of = 2018-06-01\n", "a.b = 1\n", "a = [1, [2, 3],]\n", "a = {x = 1}\n",
        'quote = """two\nlines"""\n', "# comment [[claims]]\n", "\n",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES | _LINES, max_size=40).map("".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
@example('a = {b = 1,}\n[[claims]]\nid = "x"\n')
def test_the_parsers_agree_on_any_text(text: str) -> None:
    _same(text)
