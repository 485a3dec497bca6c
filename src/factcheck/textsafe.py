"""Make text from claim files inert on a terminal: it is data, never control sequences."""

from __future__ import annotations

import unicodedata


def _visible(char: str) -> str:
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """Escape control characters (ANSI escapes, carriage returns, bidi overrides) visibly."""
    if text.isprintable():
        return text
    return "".join(
        _visible(c) if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text
    )


def not_a_command(line: str) -> str:
    """Keep a printed line from reading as a CI workflow command (``::error ...``).

    GitHub Actions reads any log line that starts with ``::`` after leading whitespace as a
    command; an invisible zero-width space in front keeps the text as it reads.
    """
    return "\u200b" + line if line.lstrip().startswith("::") else line
