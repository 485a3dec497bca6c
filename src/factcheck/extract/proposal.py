"""A first entity file, proposed from an article's text when the user has none.

People are the names the text writes as names (two to four capitalised words: "Blake Lively",
"Freddie Prinze Jr.") that it treats as people: with an age beside them, a kinship, spouse or
role word before them ("husband Ryan Reynolds", "son Aleph"), a person's verb after them ("was
born", "said", "and her husband"), or named again by their first name or surname alone. A single
capitalised word after a kinship word ("daughter James") is a child's name. Each person gets the
first name and surname the text uses alone as aliases, where they belong to one person only,
and a gender where a kinship or spouse word states it. The result is a draft for review.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.entities import Names
from factcheck.extract.cast import Cast
from factcheck.extract.mentions import FEMALE, MALE, PRONOUNS, ROLES
from factcheck.extract.profiles import KINSHIP_GENDER, SPOUSE_GENDER
from factcheck.extract.render import toml_string
from factcheck.model import Corpus, Entity, Location

_WORD = r"[A-Z][a-zà-öø-ÿ]+(?:['\u2019-][A-Za-zà-öø-ÿ]+)*"
_NAME = re.compile(
    rf"(?<![\w'\u2019.-])(?:{_WORD}|[A-Z]\.)(?:\s+(?:{_WORD}|[A-Z]\.|Jr\.|Sr\.))" "{1,3}"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that start no name: sentence openers, months, days, titles of things.
_NOT_FIRST = _words(
    """
    a an and as at after before but by during for from he her his i if in it its last my
    now of on once our she since so the their then there these they this those to until we
    when where while with yet january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday mr
    mrs ms dr sir lady lord prince princess king queen duke duchess
    """
)
# Last words of names of things, not people: "Black Swan Awards", "Cannes Film Festival".
_THINGS = _words(
    """
    academy award awards festival show series film movie magazine times post news street
    avenue hotel church school university college club hospital house city county state
    park center centre league cup games team records studios company inc ltd llc network
    channel day week tour album island islands beach valley hills york angeles kingdom
    states
    """
)
# One capitalised word, not beside another: "Cruz", not "Cruz Beckham" or "Los Angeles".
_SINGLE = re.compile(rf"(?<![\w'\u2019.-])(?:{_WORD})(?![\w'\u2019-])(?!\s+[A-Z])")
# The word before is part of a longer name, unless a full stop ends it ("... and Max. Roe was").
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'\u2019-]*\s+$")
_SENTENCE = re.compile(r"[^.!?]+")
_PRONOUN = re.compile(r"\b(?i:she|her|he|his|him)\b")
_KIN = r"(?:son|daughter|stepson|stepdaughter|baby\s+boy|baby\s+girl|child|kid|brother|sister)"
_SPOUSE = r"(?:husband|wife|fianc[ée]e?|boyfriend|girlfriend|partner|spouse)"
# Words before a name that give its gender: the kinship and spouse words profiles read, and a
# few that only name a person here ("brother", "girlfriend").
_KIN_GENDER = {
    **KINSHIP_GENDER,
    **SPOUSE_GENDER,
    **dict.fromkeys(("brother", "boyfriend"), MALE),
    **dict.fromkeys(("sister", "girlfriend"), FEMALE),
}
_ROLE = "|".join(sorted(ROLES, key=len, reverse=True))
_BEFORE = re.compile(
    rf"(?i:\b(?P<cue>{_KIN}|{_SPOUSE}|{_ROLE}|married|wed|met|dating|divorced|engaged\s+to))"
    r"(?:,)?\s+(?i:named\s+)?$"
)
_AFTER = re.compile(
    r"(?:,?\s+\(?\d{1,3}\)?[,)]|\s+\(\d{1,3}\)|['\u2019]s\s+(?i:son|daughter|husband|wife|mom"
    r"|dad|mother|father|children|kids|birthday|age|parents)|,?\s+(?:who\s+)?(?:was|is)\s+born"
    r"|,?\s+(?:said|says|told|tells|shared|wrote|revealed|was|is|has|had|and\s+(?:her|his)"
    r"|who|turned|married|met|wed|welcomed|died|became|gave\s+birth|announced)\b)"
)


@dataclass
class _Candidate:
    name: str
    cues: int = 0
    gender: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    votes: Counter[str] = field(default_factory=Counter)  # "she", "he" after the name


@dataclass(frozen=True, slots=True)
class Proposal:
    cast: Cast
    entities: list[Entity]

    def text(self, source: str) -> str:
        lines = [
            f"# Proposed by factcheck extract from {source.replace(chr(10), ' ')}: the people",
            "# the article names. Check each name, alias and gender before relying on it.",
        ]
        for entity in self.entities:
            lines += ["", "[[entities]]", f"name = {toml_string(entity.name)}"]
            aliases = ", ".join(toml_string(a) for a in entity.aliases)
            lines.append(f"aliases = [{aliases}]")
            if entity.gender:
                lines.append(f"gender = {toml_string(entity.gender)}")
            if entity.roles:
                lines.append(f"roles = [{', '.join(toml_string(r) for r in entity.roles)}]")
        return "\n".join(lines) + "\n"


def propose(text: str, path: Path | None = None) -> Proposal:
    """The people ``text`` names, as an entity file would list them."""
    candidates: dict[str, _Candidate] = {}
    for match in _NAME.finditer(text):
        words = match.group(0).split()
        lead = []  # "Actress Saffron Burrows": a role, not a name
        while words and (words[0].lower().strip(".") in _NOT_FIRST or words[0].lower() in ROLES):
            lead.append(words[0].lower())
            words = words[1:]
        if len(words) < 2 or words[-1].lower() in _THINGS:
            continue
        name = " ".join(words)
        start = match.end() - len(name)
        candidate = candidates.setdefault(name, _Candidate(name))
        _cue(candidate, text, start, match.end())
        for word in lead[-1:]:
            if word in ROLES:
                candidate.cues += 1
                _gender(candidate, word)
    for match in re.finditer(
        rf"(?i:\b(?P<kin>{_KIN}))(?:,)?\s+(?i:named\s+)?(?P<who>{_WORD})", text
    ):
        name = match.group("who")
        if name.lower() in _NOT_FIRST or any(name in c.split() for c in candidates):
            continue
        candidate = candidates.setdefault(name, _Candidate(name))
        candidate.cues += 1
        _gender(candidate, match.group("kin"))
    _single_names(text, candidates)
    singles = _alone(text, candidates)
    _votes(text, candidates, singles)
    people = [c for c in candidates.values() if c.cues or singles.get(c.name)]
    entities = _entities(people, singles, path or Path("entities.toml"))
    corpus = Corpus(entities=entities)
    return Proposal(Cast(Names(corpus), entities), entities)


def _single_names(text: str, candidates: dict[str, _Candidate]) -> None:
    """One capitalised word that the text treats as a person ("Romeo is their second son",
    "Cruz, 16,") and that is no part of a full name found: a name of its own."""
    parts = {word for name in candidates for word in name.split()}
    for match in _SINGLE.finditer(text):
        word = match.group(0)
        if word.lower() in _NOT_FIRST or word.lower() in _THINGS or word in parts:
            continue
        if _CAPITALISED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # the last word of a longer name
        found = _Candidate(word)
        _cue(found, text, match.start(), match.end())
        if found.cues:
            candidate = candidates.setdefault(word, _Candidate(word))
            candidate.cues += found.cues
            candidate.gender |= found.gender


def _cue(candidate: _Candidate, text: str, start: int, end: int) -> None:
    before = _BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        candidate.cues += 1
        _gender(candidate, before.group("cue"))
    if _AFTER.match(text, end):
        candidate.cues += 1


def _gender(candidate: _Candidate, cue: str) -> None:
    word = " ".join(cue.lower().split()).removeprefix("baby ")
    gender = _KIN_GENDER.get(word) or ROLES.get(word)
    if gender is not None:
        candidate.gender.add(gender)
    if word in ROLES and word not in _KIN_GENDER:
        candidate.roles.add(word)


def _votes(text: str, candidates: dict[str, _Candidate], aliases: dict[str, list[str]]) -> None:
    """In a sentence that names one candidate, the first "she" or "he" after the name most
    likely stands for them: a vote for a gender, which a kinship or role word outweighs."""
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group(0)
        named = {
            name: found.end()
            for name in candidates
            for spelling in (name, *aliases.get(name, ()))
            if (found := re.search(rf"\b{re.escape(spelling)}\b", words))
        }
        if len(named) != 1:
            continue
        name, end = next(iter(named.items()))
        pronoun = _PRONOUN.search(words, end)
        if pronoun is not None:
            candidates[name].votes[PRONOUNS[pronoun.group(0).lower()]] += 1


def _alone(text: str, candidates: dict[str, _Candidate]) -> dict[str, list[str]]:
    """For each full name, its first name and surname where the text uses them alone and they
    belong to that one name."""
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for name in candidates:
        words = [w for w in name.split() if w not in ("Jr.", "Sr.")]
        if len(words) >= 2:
            owners[words[0]].add(name)
            owners[words[-1]].add(name)
    found: defaultdict[str, list[str]] = defaultdict(list)
    for word, names in owners.items():
        if len(names) != 1 or word in candidates:
            continue
        if any(
            not _CAPITALISED_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
            for m in re.finditer(rf"(?<![\w'\u2019-]){re.escape(word)}(?![\w-])(?!\s+[A-Z])", text)
        ):
            found[next(iter(names))].append(word)
    return found


def _entities(people: list[_Candidate], aliases: dict[str, list[str]], path: Path) -> list[Entity]:
    entities = []
    for number, person in enumerate(people):
        gender = next(iter(person.gender)) if len(person.gender) == 1 else None
        if not person.gender and len(person.votes) == 1:
            gender = next(iter(person.votes))
        location = Location(str(path), 1 + number)
        roles = tuple(sorted(person.roles))
        names = tuple(aliases.get(person.name, ()))
        entities.append(Entity(person.name, names, location, gender=gender, roles=roles))
    return entities
