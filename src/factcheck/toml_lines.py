"""Line numbers for TOML tables and keys, which TOML parsers do not report.

Each ``[table]`` or ``[[array]]`` header starts a block; a block records its header's line and the
line of each key set in it. Blocks of an array of tables come in file order, matching the parsed
list. Inline tables (``claims = [{...}]``) get the line of their key.

Only a file with a problem needs its keys' lines. A claim file in the usual shape (``[article]``
and ``[[claims]]``, no multi-line strings) gets its headers' lines from one search of its text
(:func:`headers`), and its keys' lines are found when a problem first asks for one
(:class:`LaterLines`), from the file read again; any other file is scanned line by line
(:func:`locate`).
"""

from __future__ import annotations

import re
import sys
import tomllib
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.problems import Problem

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]""")
_TOKEN = re.compile(r"""\"\"\"|'''|"(?:[^"\\]|\\.)*"|'[^']*'|#|[\[\]{}]""")
_CLOSE = {'"""': re.compile(r'(?<!\\)(?:\\\\)*"""'), "'''": re.compile("'''")}
_OPEN = frozenset("[{")


@dataclass(slots=True)
class _State:
    """Where a line ends in TOML's grammar: inside a multi-line string, or inside brackets."""

    string: str | None = None
    depth: int = 0
    deepest: int = 0  # the most brackets open at once so far

    def plain(self, raw: str) -> bool:
        """Whether ``raw`` starts and ends outside any string or bracket, found cheaply."""
        return (
            self.string is None
            and self.depth == 0
            and '"""' not in raw
            and "'''" not in raw
            and raw.count("[") == raw.count("]")
            and raw.count("{") == raw.count("}")
        )

    def scan(self, raw: str) -> None:
        """Move the state to the end of ``raw``, token by token."""
        position = 0
        while True:
            if self.string is not None:
                closing = _CLOSE[self.string].search(raw, position)
                if closing is None:
                    return
                self.string, position = None, closing.end()
            token = _TOKEN.search(raw, position)
            if token is None:
                return
            text = token.group()
            if text in _CLOSE:
                self.string = text
            elif text == "#":
                return
            elif text in _OPEN:
                self.depth += 1
                self.deepest = max(self.deepest, self.depth)
            elif text in "]}":
                self.depth = max(0, self.depth - 1)
            position = token.end()


@dataclass(slots=True)
class Block:
    line: int
    keys: dict[str, int] = field(default_factory=dict)
    later: LaterLines | None = None  # the keys' lines, found when first asked for

    @property
    def key_lines(self) -> Mapping[str, int]:
        """The keys' lines, as records keep them."""
        return self.keys if self.later is None else self.later


@dataclass(slots=True)
class Lines:
    tables: dict[str, Block] = field(default_factory=dict)
    arrays: dict[str, list[Block]] = field(default_factory=dict)
    root: Block = field(default_factory=lambda: Block(1))

    def array(self, name: str, index: int) -> Block:
        blocks = self.arrays.get(name, [])
        if index < len(blocks):
            return blocks[index]
        return Block(self.root.keys.get(name, 1))

    def table(self, name: str) -> Block:
        if name in self.tables:
            return self.tables[name]
        if self.arrays.get(name):  # written as [[name]] by mistake: still point at it
            return self.arrays[name][0]
        return Block(self.root.keys.get(name, 1))


def locate(text: str) -> Lines:
    lines = Lines()
    current = lines.root
    state = _State()
    # TOML's lines end at \n (or \r\n): str.splitlines would also break at U+2028 or U+0085,
    # which a value may hold, and count the lines after it wrong.
    for number, raw in enumerate(text.split("\n"), start=1):
        if not state.plain(raw):
            inside = state.string is not None or state.depth > 0
            state.scan(raw)
            if inside:  # a line of a multi-line string or array holds no header or key
                continue
        header = _HEADER.match(raw)
        if header and "=" not in raw.split("#")[0]:
            name = header.group(2).strip().strip("\"'")
            current = Block(number)
            if header.group(1) == "[[":
                lines.arrays.setdefault(name, []).append(current)
            else:
                lines.tables[name] = current
            continue
        key = _KEY.match(raw)
        if key:
            # Interned: every claim repeats the same few keys.
            current.keys.setdefault(sys.intern(key.group(1).strip("\"'")), number)
    return lines


_CLAIMS_HEADER = re.compile(r"""^[ \t]*\[\[[ \t]*("?'?)claims\1[ \t]*\]\][ \t]*(#.*)?\r?$""", re.M)
_ARTICLE_HEADER = re.compile(r"""^[ \t]*\[[ \t]*("?'?)article\1[ \t]*\][ \t]*(#.*)?\r?$""", re.M)


def headers(path: str, text: str, document: dict[str, Any], crc: int) -> Lines | None:
    """The lines of the ``[article]`` and ``[[claims]]`` headers from one search of the text, the
    keys' lines left for later (``crc``: the CRC-32 of the file's bytes); None if the file is
    of another shape or the search and the parser disagree (an inline table)."""
    if set(document) - {"article", "claims"} or '"""' in text or "'''" in text:
        return None
    claims = document.get("claims", [])
    article = [found.start() for found in _ARTICLE_HEADER.finditer(text)]
    starts = [found.start() for found in _CLAIMS_HEADER.finditer(text)]
    if not isinstance(claims, list) or len(starts) != len(claims):
        return None
    if len(article) != ("article" in document):
        return None
    later = _FileLines(path, crc)
    lines = Lines()
    if article:
        line = text.count("\n", 0, article[0]) + 1
        lines.tables["article"] = Block(line, later=LaterLines(later, "article", None))
    blocks = lines.arrays["claims"] = []
    number, at = 1, 0
    for index, start in enumerate(starts):
        number += text.count("\n", at, start)
        at = start
        blocks.append(Block(number, later=LaterLines(later, "claims", index)))
    return lines


class _FileLines:
    """A file's lines, from the file read again when first asked for: the same bytes (by their
    CRC-32), or none at all. Pickled without them."""

    __slots__ = ("crc", "found", "path")

    def __init__(self, path: str, crc: int) -> None:
        self.path, self.crc = path, crc
        self.found: Lines | None = None

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        return (_FileLines, (self.path, self.crc))

    def lines(self) -> Lines:
        if self.found is None:
            try:
                data = Path(self.path).read_bytes()
            except OSError:
                data = b""
            same = zlib.crc32(data) == self.crc
            self.found = locate(data.decode("utf-8-sig")) if same else Lines()
        return self.found


class LaterLines(Mapping[str, int]):
    """One table's keys' lines, found when first asked for (see :class:`_FileLines`); none if
    the file has changed since it was parsed."""

    __slots__ = ("file", "index", "name")

    def __init__(self, file: _FileLines, name: str, index: int | None) -> None:
        self.file, self.name, self.index = file, name, index

    def _keys(self) -> dict[str, int]:
        lines = self.file.lines()
        if self.index is None:
            block = lines.tables.get(self.name)
        else:
            blocks = lines.arrays.get(self.name, [])
            block = blocks[self.index] if self.index < len(blocks) else None
        return {} if block is None else block.keys

    def __repr__(self) -> str:
        return f"LaterLines({self.file.path!r}, {self.name!r}, {self.index!r})"

    def __getitem__(self, key: str) -> int:
        return self._keys()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())


def nesting_line(text: str, depth: int) -> int:
    """The first line where arrays and inline tables nest ``depth`` deep (1 if none does: the
    nesting is in table headers or dotted keys)."""
    state = _State()
    for number, raw in enumerate(text.split("\n"), start=1):
        state.scan(raw)
        if state.deepest >= depth:
            return number
    return 1


_AT_LINE = re.compile(r"^(.*?)\s*\(at line (\d+), column (\d+)\)\s*$", re.S)


@dataclass(frozen=True, slots=True)
class SyntaxHints:
    """What to suggest for a syntax error, in the terms of the kind of file."""

    repeated: str  # a key or table defined twice
    other: str  # anything else that is not a missing quote or a bad value


def syntax_problem(
    path: str, text: str, exc: tomllib.TOMLDecodeError, hints: SyntaxHints
) -> Problem:
    """A TOML syntax error at its line (tomllib only says it in the message)."""
    message = str(exc)
    match = _AT_LINE.match(message)
    if match:
        what = match.group(1)
        hint = _syntax_hint(what, hints)
        return Problem(path, int(match.group(2)), f"TOML syntax error: {what}", hint)
    what = message.replace("(at end of document)", "").strip()
    if "end of document" in message:  # tomllib gives no line there: it is the last one
        line = max(1, len(text.rstrip("\n").split("\n")))
        hint = "a value or a closing quote or bracket may be missing"
        return Problem(path, line, f"TOML syntax error at the end of the file: {what}", hint)
    return Problem(path, None, f"TOML syntax error: {message}", _syntax_hint(message, hints))


def _syntax_hint(what: str, hints: SyntaxHints) -> str:
    lowered = what.lower()
    if "invalid value" in lowered:
        return 'quote text values, e.g. subject = "Aleph"; write dates as 2011-06-14 or "June 2011"'
    if "cannot overwrite" in lowered or "cannot declare" in lowered:
        return hints.repeated
    if "unclosed" in lowered or "expected" in lowered:
        return "a quote or bracket may be missing"
    if "unescaped '\\'" in lowered:  # "\e" and "\x41" are TOML 1.1, which is not read
        return (
            'in a quoted string a backslash starts \\\\, \\", \\n, \\t or \\uXXXX; '
            "for a plain backslash, quote with 'single quotes'"
        )
    return hints.other
