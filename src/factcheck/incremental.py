"""Incremental dating: each article's date from the last run, reused where nothing it was worked
out from has changed.

Dating an article (see :mod:`factcheck.dating`) reads three things: the article itself, which of
its claims are disputed or outvoted, and the bounds that the rest of the corpus puts on the
events its claims touch. The first two are compared directly: the article's file by its content
hash, its claims' standing by key. The third goes through :class:`~factcheck.dating.Bounds`, so
a run notes every question it asks of them and the answer it got (a *trace*, as build systems
that verify traces keep one); the next run asks the same questions again, and reuses the date
only if every answer is the same. An answer names each bound's day, side and source, so an edit
anywhere that could move a window is seen, and one that cannot (a quote, a comment, a claim
that is not the tightest bound on its event) is not paid for.

Everything else a date depends on is the *context*: the files that define entities and places,
and the rules disabled; the pack's header adds the code, the vocabulary, python-dateutil and
Python (see :mod:`factcheck.cache`). When the context changes, nothing is reused. Dates are
pickled with their claims, articles and rules named by key, and relinked to this run's on the
way out: a claim is itself (compared by identity), and the copy in a pickle would not be.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence, Set
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import Any

from factcheck.cache import pack_at, read_pack, write_pack
from factcheck.constraints import Bound
from factcheck.dating import ArticleDate, Later, Tightest
from factcheck.model import Article, Claim, ClaimKey, Corpus
from factcheck.terms import Rule
from factcheck.values import Point
from factcheck.vocabulary import active

# (which bounds: "near" or "far", what: "on" or "in", the point, every) and its answer.
Question = tuple[str, str, Point, bool]
# The article's file and hash, its claims disputed, its claims outvoted.
Standing = tuple[str, str, tuple[ClaimKey, ...], tuple[ClaimKey, ...]]
# What an article's date was worked out from, and the date: pickled, one entry per article.
Entry = tuple[Standing, frozenset[ClaimKey] | None, tuple[tuple[Question, Hashable], ...], object]


class Asked:
    """The two sets of bounds dating may ask of, each noting its questions and answers."""

    def __init__(self, near: Tightest, far: Later[Tightest]) -> None:
        self.noted: dict[Question, Hashable] = {}
        self.excluded: list[frozenset[ClaimKey]] = []  # the article's own claims: one set
        self.near = _Noting(self, "near", lambda: near)
        self.far = Later(lambda: _Noting(self, "far", far.get))


class _Noting:
    def __init__(
        self,
        asked: Asked,
        which: str,
        bounds: Callable[[], Tightest],  # the far ones are made only if asked for
    ) -> None:
        self._asked = asked
        self._which = which
        self.tightest = bounds
        self.points: Set[Point] = _Members(self)

    def on(self, point: Point, excluded: Set[ClaimKey], every: bool = False) -> list[Bound]:
        found = self.tightest().on(point, excluded, every)
        own = frozenset(excluded)
        if own not in self._asked.excluded:
            self._asked.excluded.append(own)
        self._asked.noted[(self._which, "on", point, every)] = answer(found)
        return found

    def note(self, point: Point, member: bool) -> None:
        self._asked.noted[(self._which, "in", point, False)] = member


class _Members(Set[Point]):
    """The points bounded, noting which were asked about."""

    def __init__(self, noting: _Noting) -> None:
        self._noting = noting

    def __contains__(self, point: object) -> bool:
        member = point in self._noting.tightest().points
        if isinstance(point, Point):
            self._noting.note(point, member)
        return member

    def __iter__(self) -> Iterator[Point]:
        raise TypeError("dating asks whether a point is bounded, never for them all")

    def __len__(self) -> int:
        return len(self._noting.tightest().points)


def answer(bounds: list[Bound]) -> bytes:
    """What a list of bounds is, for dating: each one's day, side and source (its claim by key,
    and the arithmetic it stands for), as a digest (a much-stated event has dozens of bounds,
    and a trace keeps every answer). A claim's other content (its quote, its line) is not read
    by dating, and a date read back names this run's claim, so it shows the content now."""
    told = tuple((b.day, b.upper, b.source.order, b.source.claim_key) for b in bounds)
    # repr, not marshal: marshal writes shared and interned strings otherwise from run to run.
    return hashlib.blake2b(repr(told).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Kept:
    """The article dates of the last run of these paths, and the ones this run adds."""

    def __init__(
        self,
        pack: Path,
        key: bytes,
        corpus: Corpus,
        versions: Mapping[str, str],
        disabled: Iterable[str],
    ) -> None:
        self.pack = pack
        self.key = key
        self.versions = versions
        self.context = _context(corpus, versions, disabled)
        self.corpus = corpus
        self.disputed: dict[str, list[ClaimKey]] = {}  # by article: see :meth:`weighed`
        self.outvoted: dict[str, list[ClaimKey]] = {}
        self._index: tuple[dict[ClaimKey, Claim], dict[str, Article]] | None = None
        self.entries: dict[str, bytes | memoryview] = {}  # pickled, read only when asked for
        self.kept: dict[str, bytes | memoryview] = {}
        self.changed = False
        read = read_pack(pack, key)
        if read is None:
            return
        with suppress(ValueError, TypeError):  # signed by this user, yet not ours: a miss
            context, index = json.loads(read[0])
            if context == self.context.decode():
                offset = 0
                for article, length in index:
                    self.entries[article] = read[1][offset : offset + length]
                    offset += length

    @classmethod
    def at(
        cls,
        root: Path,
        paths: Sequence[Path],
        corpus: Corpus,
        versions: Mapping[str, str],
        disabled: Iterable[str],
    ) -> Kept | None:
        """The dates kept for these paths in the repository at ``root``; ``versions`` are the
        content hashes of the files, by path; None where the cache cannot be kept."""
        found = pack_at(root, paths, "dates")
        return None if found is None else cls(*found, corpus, versions, disabled)

    def weighed(self, disputed: Iterable[ClaimKey], outvoted: Iterable[ClaimKey]) -> None:
        """The claims disputed, and those outvoted at their article's stated date, this run:
        each article's among them are part of what its date is worked out from."""
        for keys, by_article in ((disputed, self.disputed), (outvoted, self.outvoted)):
            by_article.clear()
            for key in sorted(keys):
                by_article.setdefault(key[0], []).append(key)

    def standing(self, article: Article) -> Standing | None:
        """What the article's date depends on directly; None for a file whose content hash is
        unknown (then nothing is kept or reused for it)."""
        path = article.location.path
        version = self.versions.get(path)
        if version is None:
            return None
        return (
            path,
            version,
            tuple(self.disputed.get(article.id, ())),
            tuple(self.outvoted.get(article.id, ())),
        )

    def get(self, article: Article, near: Tightest, far: Later[Tightest]) -> ArticleDate | None:
        """The article's date from the last run, if every answer it was worked out from holds."""
        pickled = self.entries.get(article.id)
        standing = self.standing(article)
        if pickled is None or standing is None:
            return None
        entry = self._relinked(pickled)
        if entry is None or entry[0] != standing:
            return None
        _, excluded, noted, dated = entry
        for (which, what, point, every), was in noted:
            bounds = near if which == "near" else far.get()
            if what == "in":
                now: Hashable = point in bounds.points
            else:
                now = answer(bounds.on(point, excluded or frozenset(), every))
            if now != was:
                return None
        if not isinstance(dated, ArticleDate):
            return None
        self.kept[article.id] = pickled
        return dated

    def asking(self, near: Tightest, far: Later[Tightest]) -> Asked:
        return Asked(near, far)

    def put(self, article: Article, asked: Asked, dated: ArticleDate) -> None:
        self.changed = True
        standing = self.standing(article)
        if standing is None or len(asked.excluded) > 1:  # two articles' claims: not one's trace
            return
        excluded = asked.excluded[0] if asked.excluded else None
        entry: Entry = (standing, excluded, tuple(asked.noted.items()), dated)
        buffer = io.BytesIO()
        _Naming(buffer, pickle.HIGHEST_PROTOCOL).dump(entry)
        self.kept[article.id] = buffer.getvalue()

    def save(self) -> None:
        """Keep this run's dates, and only these, if any was worked out again."""
        if self.changed or self.kept.keys() != self.entries.keys():
            index = [[article, len(entry)] for article, entry in self.kept.items()]
            head = json.dumps([self.context.decode(), index], ensure_ascii=False)
            write_pack(
                self.pack, self.key, head.encode("utf-8", "surrogatepass"), self.kept.values()
            )

    def _relinked(self, pickled: bytes | memoryview) -> Entry | None:
        unpickler = _Relinking(io.BytesIO(pickled), *self._by_key())
        with suppress(Exception):  # a claim or article gone, or unreadable: worked out again
            entry = unpickler.load()
            if isinstance(entry, tuple) and len(entry) == 4:
                return entry  # its parts are checked as used
        return None

    def _by_key(self) -> tuple[dict[ClaimKey, Claim], dict[str, Article]]:
        """This run's claims and articles by key, made for the first date read back."""
        if self._index is None:
            claims = {(c.article.id, c.id): c for c in self.corpus.claims}
            self._index = (claims, {a.id: a for a in self.corpus.articles})
        return self._index


def _named(*key: str) -> object:
    """Stands for a claim or an article in a pickle: :class:`_Relinking` reads it back."""
    raise pickle.UnpicklingError("a claim or an article is read back only by its run")


def _claim_key(claim: Claim) -> tuple[Callable[..., object], tuple[str, ...]]:
    return _named, ("claim", claim.article.id, claim.id)


def _article_key(article: Article) -> tuple[Callable[..., object], tuple[str, ...]]:
    return _named, ("article", article.id)


def _rule_key(rule: Rule) -> str | tuple[Any, ...]:
    # By code when it is the vocabulary's own: a copy in every article's date would hold its
    # documentation, over and over (70 MB at 100k claims).
    if active().rules_by_code.get(rule.code) is rule:
        return _named, ("rule", rule.code)
    return rule.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


class _Naming(pickle.Pickler):
    """Claims and articles by key: they are this run's objects when read back. (A reduction
    by type, not ``persistent_id``, which Python would call for each of the million objects.)"""

    dispatch_table = {Claim: _claim_key, Article: _article_key, Rule: _rule_key}  # noqa: RUF012 (pickle's API)


class _Relinking(pickle.Unpickler):
    def __init__(
        self, file: io.BytesIO, claims: Mapping[ClaimKey, Claim], articles: Mapping[str, Article]
    ) -> None:
        super().__init__(file)
        # Not a method of this unpickler: its memo would hold it, and it the unpickler, a cycle
        # that keeps every object read until the collector runs (it is paused during a check).
        self._named = partial(_relinked, claims, articles)

    def find_class(self, module: str, name: str) -> object:
        if (module, name) == (__name__, _named.__name__):
            return self._named
        return super().find_class(module, name)


def _relinked(
    claims: Mapping[ClaimKey, Claim], articles: Mapping[str, Article], *key: str
) -> object:
    """This run's claim, article or rule of that key."""
    match key:
        case ("claim", article, claim):
            return claims[(article, claim)]
        case ("article", article):
            return articles[article]
        case ("rule", code):
            return active().rules_by_code[code]
    raise pickle.UnpicklingError("not a claim, an article or a rule")


def _context(corpus: Corpus, versions: Mapping[str, str], disabled: Iterable[str]) -> bytes:
    """What every date depends on: the files that define entities and places (names are read
    through them), as content hashes, and the rules disabled."""
    defining = {e.location.path for e in corpus.entities} | {p.location.path for p in corpus.places}
    named = [[[path, versions.get(path, "")] for path in sorted(defining)], sorted(disabled)]
    text = json.dumps(named, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest().encode()
