"""Parsing claim files' TOML: with ``toml_rs`` (compiled) where it is installed, else ``tomllib``.

Both read one language, TOML 1.0 (``toml_rs`` is told so: by default it also takes TOML 1.1,
which ``tomllib`` refuses), and give the same documents; ``tests/test_toml_parser.py`` runs both
on the same inputs. Whatever the compiled parser refuses is parsed again by ``tomllib``, so that a
syntax error is reported in its words and at its line, the same with either parser installed.

``toml_rs`` recurses as tables and arrays nest, on the C stack: a hostile file nested a few
thousand levels deep would overflow it and kill the process, where ``tomllib`` raises
``RecursionError``. A file is given to it only if it holds too few brackets and braces to nest
that deep, whatever they are (a claims file has a few per claim): others are read by ``tomllib``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from typing import Any

# Opening brackets and braces a file may hold and still be read by the compiled parser: about
# 300 claims. It survives 4,000 levels of nesting on Linux's 8 MiB main stack; 1,000 keeps it
# clear of the 1 MiB a thread may have elsewhere (Windows).
MAX_OPENINGS = 1000

Loads = Callable[[str], dict[str, Any]]


def _compiled() -> Loads | None:
    try:
        import toml_rs
    except ImportError:  # not installed, or no wheel for this platform
        return None

    def loads(text: str) -> dict[str, Any]:
        return toml_rs.loads(text, toml_version="1.0.0")

    return loads


_FAST = _compiled()


def parser() -> str:
    """The name of the parser that reads claim files here."""
    return "toml_rs" if _FAST is not None else "tomllib"


def loads(text: str) -> dict[str, Any]:
    """The document, as ``tomllib.loads`` gives it; raises what it raises."""
    if _FAST is not None and _shallow(text) and not text.startswith(_BOM):
        try:
            return _FAST(text)
        except Exception:  # refused: tomllib says why, and where
            pass
    return tomllib.loads(text)


def _shallow(text: str) -> bool:
    return text.count("[") + text.count("{") <= MAX_OPENINGS


# A second byte-order mark (the loader drops the first): toml_rs skips it, tomllib refuses it.
_BOM = "\ufeff"
