"""Make text from claim files inert on a terminal: it is data, never control sequences."""

from __future__ import annotations

import unicodedata

# Controls, formats (bidi), lone surrogates (bytes that are not UTF-8), line and paragraph breaks.
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


def _visible(char: str) -> str:
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8, as Python decodes it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """Escape control characters (ANSI escapes, carriage returns, bidi overrides) visibly, and
    the bytes of a file name that is not UTF-8 as ``\\xNN``."""
    if text.isprintable():
        return text
    return "".join(
        _visible(c) if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") else c
        for c in text
    )


def not_a_command(line: str) -> str:
    """Keep a printed line from reading as a CI workflow command.

    GitHub Actions reads a log line that starts with ``::`` after leading whitespace as a
    command, and, in its older form, ``##[command]`` anywhere in a line: an invisible
    zero-width space keeps the text as it reads and the runner from acting on it.
    """
    line = line.replace("##[", "#\u200b#[")
    return "\u200b" + line if line.lstrip().startswith("::") else line


def is_text(value: str) -> bool:
    """Whether ``value`` is text: not a name with bytes that are not UTF-8, which Python holds
    as lone surrogates."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
