"""Line numbers for TOML tables and keys, which ``tomllib`` does not report.

Each ``[table]`` or ``[[array]]`` header starts a block; a block records its header's line and the
line of each key set in it. Blocks of an array of tables come in file order, matching the parsed
list. Inline tables (``claims = [{...}]``) get the line of their key.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]""")
_MULTILINE = ('"""', "'''")


@dataclass(slots=True)
class Block:
    line: int
    keys: dict[str, int] = field(default_factory=dict)


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
    in_multiline: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if in_multiline in raw:
                in_multiline = None
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
        if not key:
            continue
        # Interned: every claim repeats the same few keys.
        current.keys.setdefault(sys.intern(key.group(1).strip("\"'")), number)
        # Only a value that opens with triple quotes and does not close them spans lines.
        value = raw.partition("=")[2].lstrip()
        for quotes in _MULTILINE:
            if value.startswith(quotes) and quotes not in value[3:]:
                in_multiline = quotes
    return lines
