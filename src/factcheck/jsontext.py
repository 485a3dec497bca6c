"""JSON text as factcheck writes it: indented, UTF-8, and safe to print on a terminal."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json.encoder import (
    encode_basestring,
    encode_basestring_ascii,
)
from typing import Any

# Characters JSON may carry raw but a terminal acts on: C1 controls (U+009B is a CSI to xterm),
# bidi controls that reorder what is shown, and line separators; and the lone surrogates by which
# Python holds the bytes of a file name that is not UTF-8 (escaped, they read back to the same
# name, and ``os.fsencode`` gives its bytes; raw, they cannot be written as UTF-8). They only
# ever occur inside strings, where an escape reads back as the same text.
ESCAPED = {
    code: f"\\u{code:04x}"
    for code in (
        *range(0x80, 0xA0),
        *(0x061C, 0x200E, 0x200F, 0x2028, 0x2029),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        *range(0xDC80, 0xDD00),
    )
}


def dumps(document: dict[str, Any], ascii: bool = False) -> str:
    """A document as JSON text, indented by two spaces, as ``json.dumps(document, indent=2)``
    writes it, but about twice as fast: indented, ``json`` encodes in Python, one
    generator per value (``json.dump`` to a stream is slower still); here each string is
    encoded in C, and the rest appended to one list. Values of other types than JSON's own
    (and keys that are not strings) are left to ``json``."""
    pieces: list[str] = []
    quote = encode_basestring_ascii if ascii else _quoted
    try:
        _indented(document, "\n", pieces, quote)
    except _NotPlain:
        return json.dumps(document, indent=2, ensure_ascii=ascii).translate(ESCAPED) + "\n"
    return "".join(pieces) + "\n"


# What ESCAPED maps, found by a search in C: the rare string that holds one is translated (a
# translation of the whole text looks up every character, 14 s for a report of 185 MB).
_UNSAFE = re.compile("[" + "".join(map(chr, ESCAPED)) + "]")


def _quoted(text: str) -> str:
    encoded: str = encode_basestring(text)
    return encoded.translate(ESCAPED) if _UNSAFE.search(encoded) else encoded


class _NotPlain(Exception):
    """A value ``_indented`` leaves to ``json``."""


def _indented(value: object, newline: str, out: list[str], quote: Callable[[str], str]) -> None:
    if isinstance(value, str):
        out.append(quote(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(json.dumps(value))  # NaN, Infinity, and the shortest repr, as json has them
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):
                raise _NotPlain
            out.append(("," if index else "") + inner + quote(key) + ": ")
            _indented(item, inner, out, quote)
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        out.append("[")
        for index, item in enumerate(value):
            out.append(("," if index else "") + inner)
            _indented(item, inner, out, quote)
        out.append(newline + "]")
    else:
        raise _NotPlain
