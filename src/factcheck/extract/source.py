"""Reading what extract works from: the article's text, its date line, and the entity file.

An article that is not text (binary data, NUL bytes), not UTF-8, empty or over 5 MB is bad
input, reported as the other commands report it: ``path:line: message (hint)``.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.dates import iso, parse_date
from factcheck.entities import Names
from factcheck.extract.cast import Cast
from factcheck.inputs import ENTITY_FILE, Inputs, find_files
from factcheck.parallel import load
from factcheck.problems import InputError, Problem

MAX_BYTES = 5 * 1024 * 1024
# Control characters other than line breaks and tabs: a few stray ones happen in text pasted
# from the web; more than this share of the text is binary data.
_MAX_CONTROL_SHARE = 0.01
_DATE_LINE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|\Z)")
_TEXT_HINT = "give the article as a UTF-8 text file"


@dataclass(frozen=True, slots=True)
class ArticleText:
    path: Path
    text: str  # as read; offsets count its characters
    body: str  # the same length, with the date line blanked, for the patterns to read
    dated: dt.date | None  # from a leading "date YYYY-MM-DD" line


def read_article(path: Path) -> ArticleText:
    name = str(path)
    if not path.exists():
        raise _bad(name, None, "no such file", "give the path of the article's text file")
    if path.is_dir():
        raise _bad(name, None, "this is a folder, not an article", "give one article's text file")
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO would block, a device never end
            raise _bad(name, None, "not a regular file", "give the article's text file")
        size = status.st_size
        if size > MAX_BYTES:
            megabytes = size / 1024 / 1024
            message = f"the file is {megabytes:.1f} MB, over the 5 MB an article may have"
            raise _bad(name, None, message, "give the article's text alone")
        data = path.read_bytes()
    except OSError as exc:
        raise _bad(name, None, f"cannot read the file: {exc.strerror or exc}", _TEXT_HINT) from None
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise _bad(name, line, "the file is not text: it holds NUL bytes", _TEXT_HINT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _bad(name, line, "the file is not UTF-8 text", "save it as UTF-8") from None
    if not text.strip():
        raise _bad(name, None, "the article is empty", "give a file with the article's text")
    control = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    if control > _MAX_CONTROL_SHARE * len(text):
        raise _bad(name, None, "the file is not text: it holds binary data", _TEXT_HINT)
    dated, body = _date_line(name, text)
    return ArticleText(path, text, body, dated)


def _date_line(name: str, text: str) -> tuple[dt.date | None, str]:
    """The date of a leading ``date YYYY-MM-DD`` line, and the text with it blanked out."""
    match = _DATE_LINE.match(text)
    if match is None:
        return None, text
    try:
        dated = dt.date.fromisoformat(match.group(1))
    except ValueError:
        message = f"the date line gives {match.group(1)}, which is not a day of the calendar"
        raise _bad(name, 1, message, "write it as date YYYY-MM-DD") from None
    blank = " " * match.end()
    return dated, blank + text[match.end() :]


def entity_names(path: Path) -> Cast:
    """The people of an entity file: names, aliases, gender and roles; its problems are bad
    input."""
    if not path.is_file():
        hint = "give the entity file with --entities, e.g. claims/entities.toml"
        raise _bad(str(path), None, "no such entity file", hint)
    corpus = load(Inputs.read([path]))
    names = Names(corpus)
    problems = corpus.problems + names.problems
    if not problems and not corpus.entities:
        hint = 'add [[entities]] tables: name = "...", aliases = [...]'
        problems.append(Problem(str(path), None, "no [[entities]] in this file", hint))
    if problems:
        raise InputError(problems)
    return Cast(names, corpus.entities)


def _bad(path: str, line: int | None, message: str, hint: str) -> InputError:
    return InputError([Problem(path, line, message, hint)])


def published_value(text: str) -> dt.date | str:
    """``--published``: a day becomes a TOML date; a month ("2023-08") or a year ("2023") stays
    text, as the claims format writes them. Raises DateError when it is not a date."""
    written = iso(parse_date(text))
    return dt.date.fromisoformat(written) if len(written) == 10 else written


def default_id(article: Path) -> str:
    """The article's id when --id is not given: its file name, without the extension."""
    return re.sub(r"[^\w.-]+", "-", article.stem).strip("-") or "article"


def find_entity_file(article: Path, claim_paths: Sequence[Path]) -> Path | None:
    """The claims folder's entities.toml, else the nearest entities.toml above the article (as
    the loader finds it for a single claim file); None when there is none."""
    for folder in claim_paths:
        if (folder / ENTITY_FILE).is_file():
            return folder / ENTITY_FILE
    if article.is_file():
        found, _ = find_files([article])
        nearest = [f for f in found if f.name == ENTITY_FILE and f != article]
        if nearest:
            return nearest[0]
    return None
