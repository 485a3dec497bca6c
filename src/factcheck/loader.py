"""Load claim and entity files (format v1) into a corpus, checking their structure.

Every problem found is collected, so that one run reports them all. Values are kept as written;
reading dates and spans is the job of :mod:`factcheck.values`.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
import zlib
from collections.abc import Iterable
from typing import Any

from factcheck import toml_parser
from factcheck.keys import (
    AFTER_KEYS,
    ARTICLE_KEYS,
    CLAIM_KEYS,
    ENTITY_KEYS,
    GENDERS,
    PLACE_KEYS,
    REQUIRED,
    TOP_KEYS,
    TYPE_HINTS,
)
from factcheck.model import (
    Article,
    Claim,
    Corpus,
    Entity,
    EventRef,
    LoadedFile,
    Location,
    Place,
)
from factcheck.problems import Problem, closest
from factcheck.toml_lines import (
    Block,
    Lines,
    SyntaxHints,
    headers,
    locate,
    nesting_line,
    syntax_problem,
)
from factcheck.vocabulary import active

# Limits no real file comes near (the largest bundled file is a few KB; a generated 100k-claim
# corpus has 20 claims a file), so that hostile input is refused rather than exhausting memory
# or time.
MAX_FILE_BYTES = 50 * 10**6
MAX_CLAIMS = 100_000
MAX_DEPTH = 32
_NOT_EMPTY = frozenset({"id", "subject", "name", "within"})
_TYPE_WORDS = {str: "text", int: "a number", float: "a number", dt.date: "a date"}
_TYPE_WORDS.update({dict: "a table", list: "a list"})


def parse_file(path: str, data: bytes) -> LoadedFile:
    """What a claim or entity file holds, checked; it depends on nothing but the file's bytes."""
    if len(data) > MAX_FILE_BYTES:
        size = f"{len(data) / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 10**6} MB a file may be"
        problem = Problem(path, None, f"the file is {size}", "split it into several files")
        return LoadedFile(path, problems=[problem], unreadable=True)
    try:
        text = data.decode("utf-8-sig")  # editors on Windows may start the file with a BOM
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = Problem(path, line, "the file is not UTF-8 text", "save it as UTF-8")
        return LoadedFile(path, problems=[problem], unreadable=True)
    deep = _too_deep(path, text)
    if deep is not None:
        return LoadedFile(path, problems=[deep], unreadable=True)
    try:
        document = toml_parser.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problem = syntax_problem(path, text, exc, _CLAIMS_HINTS)
        return LoadedFile(path, problems=[problem], unreadable=True)
    except RecursionError:  # nesting deeper than the reader can follow: nothing to read
        document = None
    if document is None or _deeper(document, MAX_DEPTH):
        # Deeper than any claims file needs, it would also be too deep to cache or to send
        # from a worker process (pickling recurses as deep).
        hint = f"a claims file nests no deeper than {MAX_DEPTH} levels"
        line = nesting_line(text, MAX_DEPTH)
        problem = Problem(path, line, "the file nests arrays or tables too deeply", hint)
        return LoadedFile(path, problems=[problem], unreadable=True)
    claims = document.get("claims")
    if isinstance(claims, list) and len(claims) > MAX_CLAIMS:
        message = f"{len(claims)} claims, over the {MAX_CLAIMS} a file may hold"
        problem = Problem(path, None, message, "split the article's claims into several files")
        return LoadedFile(path, problems=[problem], unreadable=True)
    lines = headers(path, text, document, zlib.crc32(data))
    if lines is not None:
        loaded = _FileReader(path, lines, document).read()
        if not loaded.problems:
            return loaded
    return _FileReader(path, locate(text), document).read()  # its problems need their lines


def _deeper(document: dict[str, Any], depth: int) -> bool:
    """Whether arrays and tables nest more than ``depth`` levels (walked without recursion)."""
    level: list[dict[str, Any] | list[Any]] = [document]
    for _ in range(depth):
        level = [
            child
            for item in level
            for child in (item.values() if isinstance(item, dict) else item)
            if isinstance(child, dict | list)
        ]
        if not level:
            return False
    return True


def _too_deep(path: str, text: str) -> Problem | None:
    """A table header or key longer than any claims file needs: "[a.b.c. ...]" 100,000 levels
    deep takes the TOML reader long to refuse. (Arrays and inline tables nested too deeply are
    refused when the reader runs out of stack.)"""
    found = _LONG_KEY.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    hint = f"a claims file nests no deeper than {MAX_DEPTH} levels"
    return Problem(path, line, "a table header or key too long to be a claims file's", hint)


_LONG_KEY = re.compile(r"^[ \t]*(?:\[[^\n]{1000,}|[^\n=\"'#]{1000,}=)", re.M)


_CLAIMS_HINTS = SyntaxHints(
    repeated="a key or table is defined twice; repeated entries are written [[claims]]",
    other="see docs/claims-format.md",
)


class _FileReader:
    def __init__(self, path: str, lines: Lines, document: dict[str, Any]) -> None:
        self.path = path
        self.document = document
        self.lines = lines
        self.loaded = LoadedFile(path)
        self.problems = self.loaded.problems

    def problem(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, line, message, hint))

    def read(self) -> LoadedFile:
        for key in self.document:
            if key not in TOP_KEYS:
                hint = closest(key, TOP_KEYS) or "a claims file has [article] and [[claims]]"
                self.problem(self.lines.root.keys.get(key, 1), f"unknown key {key!r}", hint)
        if not any(key in self.document for key in TOP_KEYS):
            self.problem(
                1, "neither an article file nor an entity file", "add [article] or [[entities]]"
            )
        self._read_entities()
        self._read_places()
        article = self._read_article()
        self._read_claims(article)
        return self.loaded

    def _tables(self, name: str) -> Iterable[tuple[dict[str, Any], Block]]:
        value = self.document.get(name, [])
        if not isinstance(value, list):
            self.problem(self.lines.table(name).line, f"{name} must be written as [[{name}]]")
            return
        for index, table in enumerate(value):
            block = self.lines.array(name, index)
            if isinstance(table, dict):
                yield table, block
            else:
                self.problem(block.line, f"each entry of {name} must be a table")

    def _checked(
        self, table: dict[str, Any], block: Block, allowed: dict[str, tuple[type, ...]], where: str
    ) -> tuple[dict[str, Any], bool]:
        """The table's values of the right types, and whether all of them were right."""
        clean = {}
        for key, value in table.items():
            kinds = allowed.get(key)
            right = kinds is not None and isinstance(value, kinds) and not isinstance(value, bool)
            if right and (not isinstance(value, str) or value.strip() or key not in _NOT_EMPTY):
                clean[key] = value
                continue
            line = block.keys.get(key, block.line)  # a problem: only then is its line looked up
            if kinds is None:
                hint = closest(key, allowed) or "known keys: " + ", ".join(allowed)
                self.problem(line, f"unknown key {key!r} in {where}", hint)
            elif isinstance(value, str) and isinstance(value, kinds):  # the right type, empty
                self.problem(line, f"{key} in {where} is empty")
            else:
                words = (_TYPE_WORDS.get(t, t.__name__) for t in kinds)
                wanted = " or ".join(dict.fromkeys(words))
                self.problem(line, f"{key} in {where} must be {wanted}", TYPE_HINTS.get(key, ""))
        return clean, len(clean) == len(table)

    def _require(
        self, table: dict[str, Any], block: Block, keys: Iterable[str], where: str
    ) -> bool:
        missing = [key for key in keys if key not in table]
        for key in missing:
            self.problem(block.line, f"{where} has no {key!r}", f"add {key} = ...")
        return not missing

    def _read_entities(self) -> None:
        for table, block in self._tables("entities"):
            clean = self._named(table, block, ENTITY_KEYS, "[[entities]]")
            if clean is not None:
                location = Location(self.path, block.line)
                entity = Entity(
                    clean["name"],
                    tuple(clean["aliases"]),
                    location,
                    key_lines=block.key_lines,
                    gender=clean.get("gender"),
                    roles=tuple(clean.get("roles", ())),
                )
                self.loaded.entities.append(entity)

    def _read_places(self) -> None:
        for table, block in self._tables("places"):
            clean = self._named(table, block, PLACE_KEYS, "[[places]]")
            if clean is not None:
                location = Location(self.path, block.line)
                within = clean.get("within")
                place = Place(
                    clean["name"], tuple(clean["aliases"]), location, within, block.key_lines
                )
                self.loaded.places.append(place)

    def _named(
        self, table: dict[str, Any], block: Block, keys: dict[str, tuple[type, ...]], where: str
    ) -> dict[str, Any] | None:
        """A table with a name and aliases (an entity, a place), checked; None if faulty."""
        clean, ok = self._checked(table, block, keys, where)
        ok = self._require(table, block, REQUIRED["entity"], where) and ok
        clean.setdefault("aliases", [])
        for key in ("aliases", "roles"):
            # A blank alias is the spellings' to report, with the alias's line.
            if not all(
                isinstance(a, str) and (key == "aliases" or a.strip()) for a in clean.get(key, ())
            ):
                self.problem(block.keys.get(key, block.line), f"{key} must be a list of text")
                ok = False
        gender = clean.get("gender")
        if gender is not None and gender not in GENDERS:
            line = block.keys.get("gender", block.line)
            self.problem(line, f"gender {gender!r} is not known", "one of: " + ", ".join(GENDERS))
            ok = False
        return clean if ok else None

    def _read_article(self) -> Article | None:
        if "article" not in self.document:
            return None
        table = self.document["article"]
        block = self.lines.table("article")
        if not isinstance(table, dict):
            self.problem(block.line, "article must be a table: [article]")
            return None
        clean, _ = self._checked(table, block, ARTICLE_KEYS, "[article]")
        self._require(table, block, REQUIRED["article"], "[article]")
        # Even a faulty article is kept, so that its claims' problems are reported too.
        article = Article(
            id=clean.get("id", ""),
            location=Location(self.path, block.line),
            title=clean.get("title"),
            outlet=clean.get("outlet"),
            url=clean.get("url"),
            published=clean.get("published"),
            key_lines=block.key_lines,
        )
        self.loaded.articles.append(article)
        return article

    def _read_claims(self, article: Article | None) -> None:
        claims = list(self._tables("claims"))
        if claims and article is None and "article" not in self.document:
            self.problem(claims[0][1].line, "claims without an [article] table", "add [article]")
        owner = article or Article("", Location(self.path, 1))
        for table, block in claims:
            self.loaded.claims.append(self._read_claim(table, block, owner))

    def _read_claim(self, table: dict[str, Any], block: Block, article: Article) -> Claim:
        before = len(self.problems)
        clean, _ = self._checked(table, block, CLAIM_KEYS, "the claim")
        predicate = clean.get("predicate")
        spec = active().predicates.get(predicate) if predicate is not None else None
        link = spec is not None and spec.kind == "link"  # a parent and a child: no value
        required = [key for key in REQUIRED["claim"] if not (link and key == "value")]
        self._require(table, block, required, "the claim")
        if link and "value" in table:
            line = block.keys.get("value", block.line)
            self.problem(line, f"{predicate!r} takes no value", "remove value: the link is all")
        if predicate is not None and spec is None:
            known = ", ".join(active().predicates)
            hint = closest(predicate, active().predicates)
            hint = f"{hint} known predicates: {known}" if hint else f"known predicates: {known}"
            line = block.keys.get("predicate", block.line)
            self.problem(line, f"unknown predicate {predicate!r}", hint)
        if spec is not None:
            self._check_parties(table, block, spec.relation, f"predicate {predicate!r}")
        after = self._read_after(clean, block) if "after" in clean else None
        if after is not None and spec is not None and spec.kind != "date":
            self.problem(
                block.keys.get("after", block.line),
                f"after works with event predicates, not {predicate!r}",
                "use it with born, met, married, separated or divorced",
            )
        if "after" in clean and "as_of" in clean:
            self.problem(
                block.keys.get("as_of", block.line),
                "as_of has no meaning with after",
                "remove as_of: the years count from the event named in after",
            )
        return Claim(
            article=article,
            id=_shared(clean.get("id", "")),
            subject=_shared(clean.get("subject", "")),
            predicate=_shared(clean.get("predicate", "")),
            value=clean.get("value"),
            location=Location(self.path, block.line),
            object=_shared(clean["object"]) if "object" in clean else None,
            as_of=clean.get("as_of"),
            quote=clean.get("quote"),
            after=after,
            key_lines=block.key_lines,
            broken=len(self.problems) > before or ("after" in table and after is None),
        )

    def _check_parties(
        self, table: dict[str, Any], block: Block, relation: bool, what: str
    ) -> bool:
        if relation and "object" not in table:
            self.problem(
                block.line, f"{what} relates two people but has no 'object'", "add object = ..."
            )
            return False
        if not relation and "object" in table:
            hint = "it is about its subject alone: remove object"
            self.problem(block.keys.get("object", block.line), f"{what} takes no 'object'", hint)
            return False
        return True

    def _read_after(self, table: dict[str, Any], block: Block) -> EventRef | None:
        line = block.keys.get("after", block.line)
        inner = Block(line, {key: line for key in table["after"]})
        after, ok = self._checked(table["after"], inner, AFTER_KEYS, "after")
        if not ok:
            return None
        if not self._require(after, inner, REQUIRED["after"], "after"):
            return None
        spec = active().predicates.get(after["predicate"])
        if spec is None or spec.kind != "date":
            events = [name for name, p in active().predicates.items() if p.kind == "date"]
            hint = closest(after["predicate"], events) or "events: " + ", ".join(events)
            self.problem(line, f"after names {after['predicate']!r}, which is not an event", hint)
            return None
        if not self._check_parties(after, inner, spec.relation, f"after's {after['predicate']!r}"):
            return None
        return EventRef(after["predicate"], after["subject"], after.get("object"))


def _shared(text: str) -> str:
    """One copy of each name, predicate and claim id, however many claims repeat it: at a
    million claims, copies would take hundreds of megabytes."""
    return sys.intern(text)


def duplicates(corpus: Corpus) -> list[Problem]:
    problems = []
    articles: dict[str, Article] = {}
    for article in corpus.articles:
        first = articles.setdefault(article.id, article)
        if first is not article and article.id:
            line = article.line_of("id")
            problems.append(
                Problem(
                    article.location.path,
                    line,
                    f"duplicate article id {article.id!r}",
                    f"first used at {first.location.path}:{first.line_of('id')}",
                )
            )
    claims: dict[tuple[str, str], Claim] = {}
    for claim in corpus.claims:
        first_claim = claims.setdefault((claim.article.id, claim.id), claim)
        if first_claim is not claim and first_claim.article is claim.article and claim.id:
            problems.append(
                Problem(
                    claim.location.path,
                    claim.line_of("id"),
                    f"duplicate claim id {claim.id!r} in article {claim.article.id!r}",
                    f"first used at {first_claim.location.path}:{first_claim.line_of('id')}",
                )
            )
    return problems
