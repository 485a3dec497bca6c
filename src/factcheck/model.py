"""The corpus as loaded from claim files, before any interpretation of its values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

from factcheck.problems import Problem

R = TypeVar("R", bound=type)


def quick_pickle(cls: R) -> R:
    """Pickle a frozen slotted dataclass as a tuple of its fields, set back through the slots.

    dataclasses' own ``__setstate__`` walks ``fields()`` for every object: unpickling the
    100,000 claims of the parse cache spent 1.5 s there, about half as much this way."""
    names = tuple(f.name for f in fields(cls))
    setters: tuple[Callable[[Any, Any], None], ...] = tuple(
        cls.__dict__[name].__set__ for name in names
    )
    getter = attrgetter(*names)

    def __getstate__(self: Any) -> tuple[Any, ...]:
        got = getter(self)
        return got if len(names) > 1 else (got,)

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for put, value in zip(setters, state, strict=True):
            put(self, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 (mypy: no method assignment)
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls


TomlValue = object  # a value as tomllib returns it (a name of its own: Claim has an `object`)
ClaimKey = tuple[str, str]  # a claim as (article id, claim id): unique in a corpus


# The records below are slotted: at a million claims, a run peaks about 270 MB lower than with
# a __dict__ on each (2.10 against 2.36 GiB cold, 2.20 against 2.48 after an edit). Slotted
# dataclasses unpickle through Python (``__setstate__``), where objects with a __dict__
# unpickle in C: :func:`quick_pickle` makes that cheap.
@quick_pickle
@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@quick_pickle
@dataclass(frozen=True, slots=True)
class Article:
    id: str
    location: Location
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: TomlValue = None  # as written: a date, a partial date string, or None (undated)
    key_lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.location.line)

    @property
    def name(self) -> str:
        """How a reader would cite the article: outlet (or id) and date."""
        source = self.outlet or self.title
        if source is None:  # the id alone: "divorce-2024-03-09", not "... 2024-03-09 2024-03-09"
            if self.published is not None and str(self.published) in self.id:
                return self.id
            when = self.published if self.published is not None else "undated"
            return f"{self.id} ({when})"
        return f"{source} {self.published}" if self.published is not None else f"{source} (undated)"


@quick_pickle
@dataclass(frozen=True, slots=True)
class EventRef:
    """Another claim's event, named by predicate and participants (``after = {...}``)."""

    predicate: str
    subject: str
    object: str | None = None


@quick_pickle
@dataclass(frozen=True, eq=False, slots=True)  # a claim is itself; its value may be a table
class Claim:
    article: Article
    id: str
    subject: str
    predicate: str
    value: TomlValue
    location: Location
    object: str | None = None
    as_of: TomlValue = None
    quote: str | None = None
    after: EventRef | None = None
    key_lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)
    broken: bool = False  # has structural problems: read for more problems, never checked

    @property
    def ref(self) -> str:
        return f"{self.article.id}#{self.id}"

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.location.line)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    aliases: tuple[str, ...]
    location: Location
    key_lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)
    gender: str | None = None  # "female", "male" or "nonbinary"; for extract's pronouns
    roles: tuple[str, ...] = ()  # nouns an article may call them by: "actress", "footballer"

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.location.line)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Place:
    """A place in an entity file's [[places]]: its names, and the place that contains it."""

    name: str
    aliases: tuple[str, ...]
    location: Location
    within: str | None = None
    key_lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.location.line)


@dataclass
class LoadedFile:
    """One file's share of the corpus: what the loader makes of it, and what the parse cache
    keeps."""

    path: str
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unreadable: bool = False  # its text could not be parsed
    places: list[Place] = field(default_factory=list)


@dataclass(slots=True)
class Corpus:
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # files whose text could not be parsed
    places: list[Place] = field(default_factory=list)

    def add(self, loaded: LoadedFile) -> None:
        self.articles += loaded.articles
        self.claims += loaded.claims
        self.entities += loaded.entities
        self.places += loaded.places
        self.problems += loaded.problems
        if loaded.unreadable:
            self.unreadable.append(loaded.path)
