"""What the article itself says about each person it names: gender, child or adult, the roles
it gives them ("choreographer Benjamin Millepied"), and who is married to whom.

These facts decide which named person a pronoun or role can stand for. They come from the
article alone, strongest first: kinship and role words next to a name ("son Aleph", "her
husband, Benjamin Millepied"), then pronouns in sentences that name one person only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from factcheck.extract.mentions import FEMALE, KIN_GENDER, MALE, Mention, Mentions, noun_pattern

KINSHIP_GENDER = {**KIN_GENDER, "stepson": MALE, "stepdaughter": FEMALE}
SPOUSE_GENDER = {"husband": MALE, "wife": FEMALE, "fiancé": MALE, "fiancée": FEMALE}
_KIN = r"(?i:son|daughter|baby\s+boy|baby\s+girl|stepson|stepdaughter|child|kid)"
_SPOUSE = r"(?i:husband|wife|spouse|partner|fiancée|fiancé)"


@dataclass(slots=True)
class Profile:
    cue_gender: str | None = None
    conflicting: bool = False  # two cues disagreed: the gender is not known
    votes: Counter[str] = field(default_factory=Counter)
    kind: str | None = None  # "child" or "adult"
    roles: set[str] = field(default_factory=set)
    declared: bool = False  # the gender comes from the entity file
    declared_roles: frozenset[str] = frozenset()  # the roles the entity file gives

    @property
    def gender(self) -> str | None:
        if self.conflicting:
            return None
        if self.cue_gender is not None:
            return self.cue_gender
        female, male = self.votes[FEMALE], self.votes[MALE]
        return FEMALE if female > male else MALE if male > female else None


@dataclass(frozen=True, slots=True)
class PendingSpouse:
    """A spouse named after a possessive ("her husband, Benjamin Millepied"): whose spouse is
    known once "her" is resolved."""

    possessor: Mention
    spouse: str


class Profiles:
    def __init__(self, text: str, mentions: Mentions, names: str) -> None:
        self.people: defaultdict[str, Profile] = defaultdict(Profile)
        self.couples: list[tuple[str, str]] = []
        self.pending: list[PendingSpouse] = []
        self._mentions = mentions
        self._kinship(text, names)
        self._spouses(text, names)
        self._roles(text, names)
        self._votes()

    def gender(self, entity: str) -> str | None:
        return self.people[entity].gender if entity in self.people else None

    def kind(self, entity: str) -> str | None:
        return self.people[entity].kind if entity in self.people else None

    def roles(self, entity: str) -> set[str]:
        return self.people[entity].roles if entity in self.people else set()

    def declare_roles(self, entity: str, roles: tuple[str, ...]) -> None:
        profile = self.people[entity]
        profile.declared_roles = frozenset(roles)
        profile.roles.update(roles)

    def may_hold(self, entity: str, role: str) -> bool:
        """Whether a person may be called by a role noun: not when the entity file lists their
        roles without it and the text never calls them so."""
        profile = self.people.get(entity)
        return profile is None or not profile.declared_roles or role in profile.roles

    def holders(self, role: str) -> set[str]:
        """The people the entity file gives a role to."""
        return {e for e, p in self.people.items() if role in p.declared_roles}

    def declare_gender(self, entity: str, gender: str) -> None:
        """The entity file's word on a person's gender: no cue in the text overrides it."""
        profile = self.people[entity]
        profile.cue_gender, profile.conflicting, profile.declared = gender, False, True

    def set_gender(self, entity: str, gender: str | None) -> None:
        if gender is None or self.people[entity].declared:
            return
        profile = self.people[entity]
        if profile.cue_gender not in (None, gender):
            profile.conflicting = True
        profile.cue_gender = gender

    def set_kind(self, entity: str, kind: str) -> None:
        profile = self.people[entity]
        if profile.kind is None:
            profile.kind = kind

    def add_couple(self, a: str, b: str) -> None:
        if a == b:
            return
        pair = (a, b)
        if pair not in self.couples and pair[::-1] not in self.couples:
            self.couples.append(pair)
        self.set_kind(a, "adult")
        self.set_kind(b, "adult")

    def partner(self, entity: str) -> str | None:
        partners = {b if a == entity else a for a, b in self.couples if entity in (a, b)}
        return partners.pop() if len(partners) == 1 else None

    def _named(self, match: re.Match[str], group: str) -> str | None:
        mention = self._mentions.at(match.start(group), match.end(group))
        return mention.entity if mention is not None else None

    def _kinship(self, text: str, names: str) -> None:
        # "son Aleph", "daughter Amalia", "a son named Aleph". Not "Natalie Portman, her son
        # Aleph": after a name, a kinship word more often starts a list than an apposition.
        pattern = rf"\b(?P<kin>{_KIN})(?:,)?\s+(?:(?i:named|called)\s+)?(?P<who>{names})"
        for match in re.finditer(pattern, text):
            entity = self._named(match, "who")
            if entity is None:
                continue
            kin = " ".join(match.group("kin").lower().split()).removeprefix("baby ")
            self.set_gender(entity, KINSHIP_GENDER.get(kin))
            self.set_kind(entity, "child")
        # "parents to Aleph and Amalia", "mother of Aleph, 12, and Amalia": children all.
        parents = r"\b(?i:parents|mother|father|mom|mum|dad)\s+(?i:to|of)\s+"
        item = re.compile(
            rf"(?:(?i:a|an|their|her|his)\s+)?(?:(?:{_KIN}|(?i:children|kids))\s+"
            rf"(?:(?i:named|called)\s+)?)?(?P<who>{names})(?:,\s+(?:(?i:aged)\s+)?\d{{1,2}})?"
        )
        joint = re.compile(r",?\s+and\s+|,\s+")
        for found in re.finditer(parents, text):
            position = found.end()
            while (listed := item.match(text, position)) is not None:
                entity = self._named(listed, "who")
                if entity is not None:
                    self.set_kind(entity, "child")
                separator = joint.match(text, listed.end())
                if separator is None:
                    break
                position = separator.end()

    def _spouses(self, text: str, names: str) -> None:
        # "her husband, Benjamin Millepied", "her husband of 11 years, director ... Millepied"
        possessive = (
            rf"(?P<poss>\b(?i:her|his))\s+"
            rf"(?:(?i:future|late|former|estranged|first|second|third|ex-|then-|now-)\s*)?"
            rf"(?P<noun>{_SPOUSE})(?:\s+of\s+[^,.;:]{{1,30}}?)?,?\s+"
            rf"(?:(?:[a-z][\w-]*|and)\s+){{0,4}}(?P<who>{names})"
        )
        for match in re.finditer(possessive, text):
            spouse = self._named(match, "who")
            owner = self._mentions.at(match.start("poss"), match.end("poss"))
            if spouse is None or owner is None:
                continue
            noun = match.group("noun").lower()
            self.set_gender(spouse, SPOUSE_GENDER.get(noun))
            self.set_kind(spouse, "adult")
            self.pending.append(PendingSpouse(owner, spouse))
        # "Natalie Portman and her spouse, Benjamin Millepied"; "Portman's husband Millepied"
        joined = (
            rf"(?P<a>{names})(?:\s+(?i:and)\s+(?P<poss>(?i:her|his))|['\u2019]s)\s+"
            rf"(?:(?i:ex-|former\s+|late\s+))?(?P<noun>{_SPOUSE}),?\s+(?P<b>{names})"
        )
        for match in re.finditer(joined, text):
            a, b = self._named(match, "a"), self._named(match, "b")
            if a is None or b is None or a == b:
                continue
            self.set_gender(b, SPOUSE_GENDER.get(match.group("noun").lower()))
            if match.group("poss"):
                self.set_gender(a, FEMALE if match.group("poss").lower() == "her" else MALE)
            self.add_couple(a, b)

        # "She has been in a relationship with actor Ashton Kutcher", "Lively is dating
        # Reynolds": partners, whoever "she" turns out to be.
        partners = (
            rf"(?P<poss>{names}|(?i:she|he))\s+(?:(?i:has|had|have|is|was|are|were)\s+)?"
            rf"(?:(?i:been)\s+)?(?:(?i:in\s+a\s+(?:[\w-]+\s+)?relationship|romantically\s+"
            rf"(?:linked|involved)|together)\s+(?i:with)|(?i:dating))\s+"
            rf"(?:[a-z][\w-]*\s+){{0,2}}(?P<who>{names})"
        )
        for match in re.finditer(partners, text):
            other = self._named(match, "who")
            owner = self._mentions.at(match.start("poss"), match.end("poss"))
            if other is None or owner is None:
                continue
            if owner.entity is not None:
                self.add_couple(owner.entity, other)
            else:
                self.pending.append(PendingSpouse(owner, other))

        # "The late Samantha Lewes was Tom Hanks' first wife"
        was_spouse = (
            rf"(?P<a>{names})\s+(?i:is|was)\s+(?P<b>{names})['\u2019]s?\s+"
            rf"(?:(?i:first|second|third|former|late|longtime|ex-)\s*)?(?P<noun>{_SPOUSE})\b"
        )
        for match in re.finditer(was_spouse, text):
            a, b = self._named(match, "a"), self._named(match, "b")
            if a is not None and b is not None and a != b:
                self.set_gender(a, SPOUSE_GENDER.get(match.group("noun").lower()))
                self.add_couple(a, b)

        # "Stefani was previously married to Bush frontman Gavin Rossdale"
        married_to = (
            rf"(?P<a>{names}),?\s+(?:[^.;!?]{{0,30}}?\s)?(?i:(?:is|was|has\s+been|had\s+been)\s+"
            rf"(?:\w+\s+)?married\s+to)\s+(?:[\w-]+\s+){{0,3}}?(?P<b>{names})"
        )
        for match in re.finditer(married_to, text):
            a, b = self._named(match, "a"), self._named(match, "b")
            if a is not None and b is not None:
                self.add_couple(a, b)

    def _roles(self, text: str, names: str) -> None:
        # "director and choreographer Benjamin Millepied", "Natalie Portman, an Oscar-winning
        # actress", "Benjamin Millepied served as choreographer"
        nouns = self._mentions.roles
        role = noun_pattern(nouns)
        patterns = (
            rf"\b(?P<role>{role})(?:\s+and\s+(?P<role2>{role}))?\s+(?P<who>{names})",
            rf"(?P<who>{names}),\s+(?i:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?P<role>{role})\b",
            rf"(?P<who>{names})\s+(?i:served|serves|works|worked)\s+as\s+(?:(?i:a|an|the)\s+)?"
            rf"(?P<role>{role})\b",
        )
        for pattern in patterns:
            for match in re.finditer(pattern, text):
                entity = self._named(match, "who")
                if entity is None:
                    continue
                for group in ("role", "role2"):
                    noun = match.groupdict().get(group)
                    if noun:
                        self.people[entity].roles.add(" ".join(noun.lower().split()))
                        self.set_gender(entity, nouns.get(" ".join(noun.lower().split())))
                        if noun.lower() not in ("husband", "wife"):
                            self.set_kind(entity, "adult")

    def _votes(self) -> None:
        """In a sentence that names one person only, the first gendered pronoun after the name
        most likely stands for that person: a vote, which cues above outweigh."""
        by_sentence: defaultdict[int, list[Mention]] = defaultdict(list)
        for mention in self._mentions.items:
            if not mention.quoted:
                by_sentence[mention.sentence].append(mention)
        for mentions in by_sentence.values():
            named = [m for m in mentions if m.kind == "name" and m.entity]
            if len({m.entity for m in named}) != 1:
                continue
            first = named[0]
            pronoun = next(
                (m for m in mentions if m.kind == "pronoun" and m.start > first.start), None
            )
            if pronoun is not None and pronoun.gender is not None and first.entity:
                self.people[first.entity].votes[pronoun.gender] += 1
