"""Line numbers without a second parse (#15): a claim file's headers from one search of its text,
its keys' lines only when a problem asks for one, and the same lines as a full scan gives."""

from __future__ import annotations

import pickle
import tomllib
import zlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.loader import parse_file
from factcheck.toml_lines import headers, locate

ARTICLE = '# from a test\n[article]\nid = "a"\npublished = 2020-01-01\n'


def _claim(number: int, value: str = "11") -> str:
    return (
        f'\n[[claims]]\nid = "c{number}"\nsubject = "Aleph"\npredicate = "age"\nvalue = {value}\n'
    )


def _write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "a.toml"
    file.write_text(text, encoding="utf-8")
    return file


def test_a_value_problem_is_reported_at_the_value_line_found_when_asked(tmp_path, cli) -> None:
    text = ARTICLE + _claim(1) + _claim(2, '"Junee 2011"') + _claim(3)
    (tmp_path / "entities.toml").write_text('[[entities]]\nname = "Aleph"\n', encoding="utf-8")
    file = _write(tmp_path, text)
    loaded = parse_file(str(file), file.read_bytes())
    assert not loaded.problems
    assert "LaterLines" in repr(loaded.claims[1].key_lines)  # not scanned at load
    value_line = text.split("\n").index('value = "Junee 2011"') + 1
    assert loaded.claims[1].line_of("value") == value_line
    result = cli("run", "--no-cache", str(tmp_path))
    assert result.exit_code == 2
    assert f"a.toml:{value_line}: value" in result.stderr


def test_a_file_changed_since_it_was_parsed_gives_its_header_lines(tmp_path) -> None:
    file = _write(tmp_path, ARTICLE + _claim(1))
    loaded = parse_file(str(file), file.read_bytes())
    file.write_text("\n\n" + ARTICLE + _claim(1), encoding="utf-8")
    claim = loaded.claims[0]
    assert claim.line_of("value") == claim.location.line == 6


def test_lines_left_for_later_survive_the_cache_and_stay_small(tmp_path) -> None:
    file = _write(tmp_path, ARTICLE + "".join(_claim(n) for n in range(50)))
    loaded = parse_file(str(file), file.read_bytes())
    scanned = locate(file.read_text(encoding="utf-8"))
    again = pickle.loads(pickle.dumps(loaded))
    assert [c.line_of("predicate") for c in again.claims] == [
        b.keys["predicate"] for b in scanned.arrays["claims"]
    ]
    # The file's lines go into the pickle once, as its path and checksum, not once per claim.
    assert pickle.dumps(loaded).count(str(file).encode()) == 1


def test_files_of_other_shapes_are_scanned_in_full(tmp_path) -> None:
    for text in (
        ARTICLE + _claim(1) + 'quote = """two\nlines"""\n',  # a header could hide in one
        'claims = [{ id = "c1", subject = "Aleph", predicate = "age", value = 1 }]\n' + ARTICLE,
        '[[entities]]\nname = "Aleph"\n',
    ):
        document = tomllib.loads(text)
        assert headers("x.toml", text, document, zlib.crc32(text.encode())) is None


# Claim files as people write them: blank lines and comments anywhere, headers spaced, quoted
# or commented, keys in any order, the article first or last.
_BLANK = st.sampled_from(["", "\n", "# note\n", "\n# [[claims]]\n", "   \n"])
_HEAD = st.sampled_from(["[[claims]]", "[[ claims ]]", '[["claims"]]', "[[claims]] # x"])
_KEYS = st.permutations(['id = "c"', 'subject = "Aleph"', 'predicate = "age"', "value = 3"])


@st.composite
def _files(draw: st.DrawFn) -> str:
    blocks = []
    for number in range(draw(st.integers(0, 6))):
        keys = [k.replace('"c"', f'"c{number}"') for k in draw(_KEYS)]
        body = "".join(f"{draw(_BLANK)}{key}\n" for key in keys)
        blocks.append(f"{draw(_BLANK)}{draw(_HEAD)}\n{body}")
    article = f"{draw(_BLANK)}[ article ]\n{draw(_BLANK)}id = 'a'\n"
    at = draw(st.sampled_from([0, len(blocks)]))
    blocks.insert(at, article)
    ending = draw(st.sampled_from(["\n", "\r\n"]))  # files saved on Windows too
    return "".join(blocks).replace("\n", ending)


@settings(max_examples=300, deadline=None)
@given(_files())
def test_the_one_search_finds_the_lines_the_full_scan_does(text: str) -> None:
    document = tomllib.loads(text)
    quick = headers("x.toml", text, document, 0)
    full = locate(text)
    assert quick is not None
    assert [b.line for b in quick.arrays.get("claims", [])] == [
        b.line for b in full.arrays.get("claims", [])
    ]
    assert quick.tables["article"].line == full.tables["article"].line
