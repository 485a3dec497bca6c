"""Resolve pronouns, roles and unnamed children to the named people they stand for.

The rule is the nearest fitting named person, and only when that is unambiguous: the sentences
before the mention are searched nearest first, people who cannot be meant are set aside (the
wrong gender, a child for an adult, an age or birth the article contradicts, the other party of
the same claim), and the nearest sentence that still names someone must name exactly one. When
some of the people left are known to fit (a woman for "she", the choreographer for "the
choreographer"), only they are considered. Anything else is left unresolved, never guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection

from factcheck.extract.mentions import Mention, Mentions
from factcheck.extract.profiles import Profiles
from factcheck.extract.segments import Layout

Fits = Callable[[str], bool]
_AND = re.compile(r",?\s+and\s+")
_CLAUSE_START = re.compile(r"(?:[;:]|,\s*and|\bbut|\bwhile|\bwhereas)\s*$", re.I)
BACK = 6  # sentences searched before a pronoun or role
CHILD_BACK, CHILD_AHEAD = 8, 2  # and around an unnamed child


class Resolver:
    def __init__(self, text: str, layout: Layout, mentions: Mentions, profiles: Profiles) -> None:
        self.text = text
        self.layout = layout
        self.mentions = mentions
        self.profiles = profiles
        self.known: dict[int, str] = {}  # a pronoun or role mention's start -> its entity

    def settle(self) -> None:
        """Resolve every pronoun and role on its own, in reading order, so that later ones can
        refer back through them ("The actress ... her husband")."""
        for mention in self.mentions.items:
            if mention.kind in ("pronoun", "role") and mention.start not in self.known:
                entity = self.person(mention)
                if entity is not None:
                    self.known[mention.start] = entity

    def person(
        self,
        mention: Mention,
        *,
        kind: str | None = None,
        exclude: Collection[str] = (),
        fits: Fits | None = None,
    ) -> str | None:
        if mention.kind == "name":
            return mention.entity if mention.entity not in exclude else None
        if mention.kind == "group" or (mention.quoted and mention.kind == "pronoun"):
            return None  # "I", "my" and a quotation's pronouns are the speaker's, not ours
        if kind is None and mention.kind == "role":
            kind = "adult"  # an actress, a choreographer: not a child
        found: dict[str, int] = {}  # entity -> the nearest sentence that names it
        window = range(max(0, mention.sentence - BACK), mention.sentence + 1)
        for candidate in (m for index in window for m in self.mentions.in_sentence(index)):
            if candidate.start >= mention.start:
                break
            if (
                mention.kind == "role"
                and candidate.kind == "role"
                and candidate.role != mention.role
            ):
                continue  # "The actress, 41, and the singer, 31": another role, another person
            entity = self._entity(candidate)
            if entity is None or entity in exclude:
                continue
            if not self._fits(entity, mention.gender, kind, fits):
                continue
            if mention.role is not None and not self.profiles.may_hold(entity, mention.role):
                continue
            found[entity] = candidate.sentence
        known = {e: s for e, s in found.items() if self._known_to_fit(e, mention)}
        nearest = _nearest(known or found)
        if nearest is None and len(found) > 1 and mention.kind == "pronoun":
            nearest = self._continued_subject(mention, known or found)
        if nearest is None and not found and mention.role is not None:
            # "The Oscar winner" with nobody fitting before: the one person the entity file
            # gives that role to.
            holders = {e for e in self.profiles.holders(mention.role) if e not in exclude}
            holders = {e for e in holders if self._fits(e, mention.gender, kind, fits)}
            return holders.pop() if len(holders) == 1 else None
        return nearest

    def _continued_subject(self, mention: Mention, found: dict[str, int]) -> str | None:
        """A pronoun that opens its sentence, where the sentence before names several people
        who fit: the one that sentence opens with, its subject ("Romeo is David and Victoria's
        second child. He was born in London")."""
        sentence = self.layout.sentences[mention.sentence]
        if mention.start != sentence.start:
            return None
        nearest = max(found.values())
        if nearest != mention.sentence - 1:
            return None
        previous = self.layout.sentences[nearest]
        opening = next(iter(self.mentions.in_sentence(nearest)), None)
        if opening is None or opening.start != previous.start:
            return None
        entity = self._entity(opening)
        if entity is None or found.get(entity) != nearest:
            return None
        for other in self.mentions.in_sentence(nearest):
            lead = self.text[max(previous.start, other.start - 12) : other.start]
            if self._entity(other) not in (None, entity) and _CLAUSE_START.search(lead):
                return None  # "Portman smiled; Doe waved": two subjects, two candidates
        return entity

    def child(
        self, position: int, *, gender: str | None = None, fits: Fits | None = None
    ) -> str | None:
        """The one named child near ``position`` who fits; None when none or several do."""
        sentence = self.layout.sentence_at(position)
        if sentence is None:
            return None
        lo, hi = sentence.index - CHILD_BACK, sentence.index + CHILD_AHEAD
        names = {
            m.entity
            for index in range(max(0, lo), hi + 1)
            for m in self.mentions.in_sentence(index)
            if m.kind == "name" and m.entity
        }
        # Known children; with a gender to go by, people not known to be adults too (the
        # entity file's "Livingston", male, for "his 4-month-old son").
        kinds = ("child", None) if gender is not None else ("child",)
        fitting = {
            e
            for e in names
            if self.profiles.kind(e) in kinds
            and (self.profiles.kind(e) == "child" or self.profiles.gender(e) == gender)
            and self._fits(e, gender, None, fits)
        }
        return fitting.pop() if len(fitting) == 1 else None

    def group(self, mention: Mention) -> tuple[str, str] | None:
        """The couple that "the couple" or "they" stands for: the one couple the article knows
        of, or, among several, the one the nearest sentence names both of. With none known,
        the two adults the nearest sentence joins with "and" ("Natalie Portman and Benjamin
        Millepied are ...")."""
        couples = self.profiles.couples
        if len(couples) == 1:
            return couples[0]
        if not couples:
            return self._joined_pair(mention)
        for index in range(mention.sentence, max(-1, mention.sentence - BACK), -1):
            named = {self._entity(m) for m in self.mentions.in_sentence(index)}
            named.discard(None)
            both = [c for c in couples if set(c) <= named]
            if len(both) == 1:
                return both[0]
            if both:
                return None
        return None

    def _joined_pair(self, mention: Mention) -> tuple[str, str] | None:
        for index in range(mention.sentence, max(-1, mention.sentence - BACK), -1):
            names = [
                m
                for m in self.mentions.in_sentence(index)
                if m.kind == "name" and m.entity and m.start < mention.start
            ]
            pairs: set[tuple[str, str]] = set()
            for a, b in itertools.pairwise(names):
                if not _AND.fullmatch(self.text, a.end, b.start):
                    continue
                assert a.entity is not None and b.entity is not None
                kinds = (self.profiles.kind(a.entity), self.profiles.kind(b.entity))
                if a.entity != b.entity and "child" not in kinds:
                    pairs.add((a.entity, b.entity))
            if pairs:
                return pairs.pop() if len(pairs) == 1 else None
        return None

    def pair_in_sentence(self, position: int) -> tuple[str, str] | None:
        """The two adults a sentence names before ``position`` ("Natalie Portman and her
        spouse, Benjamin Millepied, ... following 11 years of marriage"), else the couple."""
        sentence = self.layout.sentence_at(position)
        if sentence is None:
            return None
        named: list[str] = []
        for mention in self.mentions.in_sentence(sentence.index):
            entity = self._entity(mention)
            adult = entity is not None and self.profiles.kind(entity) != "child"
            if mention.start < position and entity and adult and entity not in named:
                named.append(entity)
        if len(named) == 2:
            return named[0], named[1]
        return self.profiles.couples[0] if len(self.profiles.couples) == 1 else None

    def _entity(self, mention: Mention) -> str | None:
        if mention.kind == "name":
            return mention.entity
        return self.known.get(mention.start)

    def _fits(self, entity: str, gender: str | None, kind: str | None, fits: Fits | None) -> bool:
        known_gender = self.profiles.gender(entity)
        if gender is not None and known_gender is not None and known_gender != gender:
            return False
        known_kind = self.profiles.kind(entity)
        if kind is not None and known_kind is not None and known_kind != kind:
            return False
        return fits is None or fits(entity)

    def _known_to_fit(self, entity: str, mention: Mention) -> bool:
        if mention.role is not None and mention.role in self.profiles.roles(entity):
            return True
        return mention.gender is not None and self.profiles.gender(entity) == mention.gender


def _nearest(found: dict[str, int]) -> str | None:
    if not found:
        return None
    nearest = max(found.values())
    at_nearest = [e for e, s in found.items() if s == nearest]
    return at_nearest[0] if len(at_nearest) == 1 else None
