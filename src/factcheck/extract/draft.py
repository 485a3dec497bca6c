"""From an article's text to draft claims: find the patterns, resolve who they are about, tie
them to the time they were said, and give each a readable id and its verbatim quote.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace

from factcheck.dates import DayInterval
from factcheck.extract.cast import Cast
from factcheck.extract.datephrases import Dates, shadow_dates
from factcheck.extract.facts import Facts
from factcheck.extract.mentions import SHADOW_NAME, Mentions, name_pattern, role_nouns, shadowed
from factcheck.extract.patterns import Finder
from factcheck.extract.profiles import SPOUSE_GENDER, Profiles
from factcheck.extract.raw import RawClaim, Value, Who
from factcheck.extract.relations import AS_OF
from factcheck.extract.resolve import Fits, Resolver
from factcheck.extract.segments import Layout
from factcheck.extract.skipped import Drafted, Skipped, not_drafted
from factcheck.extract.statements import Statements
from factcheck.vocabulary import BUILTIN

ADULT_AGE = 18
_FACT_KINDS = ("link", "count", "place", "length")
# The predicates whose value depends on when it held: a number of years, as of a day.
_HOLDS_AT_AS_OF = tuple(n for n, p in BUILTIN.predicates.items() if p.kind == "years")
# The predicates that state a fact about people rather than bound an event.
_ABOUT_PEOPLE = frozenset(n for n, p in BUILTIN.predicates.items() if p.kind in _FACT_KINDS)


@dataclass(frozen=True, slots=True)
class DraftClaim:
    id: str
    subject: str
    predicate: str
    value: Value
    quote: str
    start: int  # the quote's character offsets in the text: text[start:end] == quote
    end: int
    object: str | None = None
    as_of: str | None = None
    # The event the value counts years from: (predicate, subject, object or None).
    after: tuple[str, str, str | None] | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    claims: list[DraftClaim]
    skipped: list[Skipped]  # sentences that look like claims but gave none


def extract(text: str, cast: Cast, published: DayInterval | None) -> Extracted:
    """Every claim the patterns find in ``text`` whose people resolve through ``cast``, and the
    sentences that name someone beside a date, an age or a fact's word but gave no claim."""
    extraction = _Extraction(text, cast, published)
    claims = extraction.run()
    drafted = Drafted([(c.start, c.end) for c in claims], extraction.read)
    ambiguous = extraction.dates.ambiguous
    skipped = not_drafted(text, extraction.layout, extraction.mentions, drafted, ambiguous)
    return Extracted(claims, skipped)


def extract_claims(text: str, cast: Cast, published: DayInterval | None) -> list[DraftClaim]:
    return extract(text, cast, published).claims


class _Extraction:
    def __init__(self, text: str, cast: Cast, published: DayInterval | None) -> None:
        self.text = text
        self.published = published
        self.layout = Layout(text)
        pattern = name_pattern(cast.spelled.values())
        roles = cast.roles()
        self.mentions = Mentions(text, self.layout, pattern, cast.resolve, role_nouns(roles))
        # Patterns read names and dates in a shadow of the text (see mentions.NAME_MARK).
        shadow = shadow_dates(shadowed(text, self.mentions.items))
        self.profiles = Profiles(shadow, self.mentions, SHADOW_NAME)
        for person in cast.people.values():  # what the entity file says outweighs any cue
            if person.gender is not None:
                self.profiles.declare_gender(person.name, person.gender)
            if person.roles:
                self.profiles.declare_roles(person.name, person.roles)
        self.dates = Dates(text, published)
        finder = Finder(shadow, self.layout, self.mentions, SHADOW_NAME, self.dates, text)
        self.raw = finder.claims()
        statements = Statements(text, self.layout, self.dates)
        for claim in self.raw:
            if claim.as_of is None and _depends_on_as_of(claim):
                claim.as_of = statements.as_of(claim.start)
        self.raw = [c for c in self.raw if c.as_of is not None or not c.needs_time]
        self.resolver = Resolver(text, self.layout, self.mentions, self.profiles)
        self.first_seen: dict[str, int] = {}
        for mention in self.mentions.items:
            if mention.entity:
                self.first_seen.setdefault(mention.entity, mention.start)

    def run(self) -> list[DraftClaim]:
        self._learn_from_named()
        self.resolver.settle()
        for pending in self.profiles.pending:
            owner = self.resolver.person(pending.possessor, kind="adult", exclude={pending.spouse})
            if owner is not None:
                self.profiles.add_couple(owner, pending.spouse)
                self.profiles.set_gender(owner, pending.possessor.gender)  # "her" husband
        # Twice: the ages, births and couples resolved in the first pass tell who fits in the
        # second ("the choreographer, 42" is not the actress who is 38).
        resolved = self._resolve_all(self._facts([]))
        for raw, claim in resolved:
            if claim.object is not None and raw.relation:
                self.profiles.add_couple(claim.subject, claim.object)
            elif claim.predicate == "child" and claim.object is not None:
                self.profiles.set_kind(claim.object, "child")
        for a, b in _co_parents(resolved):  # a child's two parents, named together: a couple
            self.profiles.add_couple(a, b)
        resolved = self._resolve_all(self._facts(resolved))
        self.read = [(raw.start, raw.end) for raw, _ in resolved]
        return _numbered(_unique(resolved))

    def _learn_from_named(self) -> None:
        """Named people's ages say who is a child; named pairs in relations are couples."""
        for claim in self.raw:
            mention = claim.subject.mention
            if claim.predicate == "age" and mention is not None and mention.entity:
                age = _years(claim.value)
                self.profiles.set_kind(mention.entity, "child" if age < ADULT_AGE else "adult")
            other = claim.other.mention if claim.other is not None else None
            if claim.relation and mention and other and mention.entity and other.entity:
                self.profiles.add_couple(mention.entity, other.entity)

    def _facts(self, resolved: list[tuple[RawClaim, DraftClaim]]) -> Facts:
        """The ages and births known: at first those of named people, then all resolved."""
        facts = Facts(self.published)
        for raw, claim in resolved:
            facts.add(id(raw), claim.subject, claim.predicate, claim.value, claim.as_of)
        if not resolved:
            for raw in self.raw:
                mention = raw.subject.mention
                if mention is not None and mention.entity:
                    facts.add(id(raw), mention.entity, raw.predicate, raw.value, raw.as_of)
        return facts

    def _resolve_all(self, facts: Facts) -> list[tuple[RawClaim, DraftClaim]]:
        resolved = []
        for raw in self.raw:
            if raw.predicate in _ABOUT_PEOPLE:
                resolved += [(raw, claim) for claim in self._about_people(raw)]
                continue
            claim = self._resolve(raw, facts)
            if claim is not None:
                resolved.append((raw, claim))
        return resolved

    def _about_people(self, raw: RawClaim) -> list[DraftClaim]:
        """A fact that is not a date, for each person it is about: "their son Aleph" is a child
        of each of the couple; "they have two children" a count for each."""
        child = None
        if raw.predicate == "child":
            child = self._person(raw.other) if raw.other is not None else None
            if child is None:
                return []
        people = self._people(raw.subject, exclude={child} if child else set())
        return [self._claim(raw, person, child) for person in people]

    def _people(self, who: Who, exclude: Collection[str]) -> list[str]:
        """Who a fact is about: one person, or both of a couple ("they", "the couple", the
        sentence's two adults)."""
        pair: tuple[str, str] | None = None
        if who.sentence_pair is not None:
            pair = self.resolver.pair_in_sentence(who.sentence_pair)
        elif who.mention is not None and who.mention.kind == "group":
            pair = self.resolver.group(who.mention)
        else:
            one = self._person(who, kind="adult" if exclude else None, exclude=exclude)
            return [one] if one is not None else []
        return [p for p in pair or () if p not in exclude]

    def _resolve(self, raw: RawClaim, facts: Facts) -> DraftClaim | None:
        if raw.relation:
            pair = self._pair(raw)
            if pair is None:
                return None
            subject, other = pair
        else:
            found = self._one(raw, facts)
            if found is None:
                return None
            subject, other = found, None
        after = None
        if raw.after is not None:
            event, who = raw.after
            if BUILTIN.events[event].parties == "couple":
                after = (event, subject, other)
            else:
                child = self._born_child(who, facts)
                if child is None:
                    return None
                after = ("born", child, None)
        return self._claim(raw, subject, other, after)

    def _claim(
        self,
        raw: RawClaim,
        subject: str,
        other: str | None,
        after: tuple[str, str, str | None] | None = None,
    ) -> DraftClaim:
        """The draft claim a raw one makes about these people, quoting its sentence or clause."""
        start, end = self.layout.quote_span(raw.start, raw.end)
        return DraftClaim(
            id="",
            subject=subject,
            predicate=raw.predicate,
            value=raw.value,
            quote=self.text[start:end],
            start=start,
            end=end,
            object=other,
            as_of=raw.as_of,
            after=after,
        )

    def _one(self, raw: RawClaim, facts: Facts) -> str | None:
        """The person an age or birth is about."""
        key, who = id(raw), raw.subject
        if raw.predicate != "age":
            return self._born_child(who, facts, key)

        def fits(entity: str) -> bool:
            return facts.age_fits(entity, key, raw.value, raw.as_of)

        age = _years(raw.value)
        if who.child is not None:
            return self.resolver.child(who.child.position, gender=who.child.gender, fits=fits)
        return self._person(who, kind="child" if age < ADULT_AGE else "adult", fits=fits)

    def _born_child(self, who: Who, facts: Facts, key: int = 0) -> str | None:
        if who.child is None:
            return self._person(who)
        born = who.child.born

        def fits(entity: str) -> bool:
            return facts.born_fits(entity, key, born)

        return self.resolver.child(who.child.position, gender=who.child.gender, fits=fits)

    def _person(
        self,
        who: Who,
        *,
        kind: str | None = None,
        exclude: Collection[str] = (),
        fits: Fits | None = None,
    ) -> str | None:
        mention = who.mention or who.whom
        if mention is not None:
            return self.resolver.person(mention, kind=kind, exclude=exclude, fits=fits)
        if who.spouse_of is None:
            return None
        # "her husband": whoever "her" is, her one partner in the article, if it names one.
        owner = self.resolver.person(who.spouse_of, kind="adult")  # "his" may be the other party
        partner = self.profiles.partner(owner) if owner is not None else None
        if partner is None or partner in exclude or (fits is not None and not fits(partner)):
            return None
        following = re.match(r"\s*(\S+)", self.text[who.spouse_of.end : who.spouse_of.end + 40])
        noun = following.group(1).lower() if following else ""
        wanted = SPOUSE_GENDER.get(noun)
        known = self.profiles.gender(partner)
        return None if wanted and known and wanted != known else partner

    def _pair(self, raw: RawClaim) -> tuple[str, str] | None:
        """The two parties of a relation; None if either is unknown or ambiguous."""
        who, other = raw.subject, raw.other
        pair: tuple[str | None, str | None] = (None, None)
        if who.sentence_pair is not None:
            pair = self.resolver.pair_in_sentence(who.sentence_pair) or pair
        elif who.mention is not None and who.mention.kind == "group":
            pair = self.resolver.group(who.mention) or pair
        elif other is None:  # "her husband of 11 years": her partner
            a = self._person(who, kind="adult")
            pair = (a, self.profiles.partner(a) if a else None)
        else:
            pair = self._two(who, other)
        a, b = pair
        if a is None or b is None or a == b:
            return None
        # The person the article names first comes first, as a reader would write it.
        order = sorted((a, b), key=lambda e: self.first_seen.get(e, len(self.text)))
        return order[0], order[1]

    def _two(self, one: Who, two: Who) -> tuple[str | None, str | None]:
        # Names first, so that a pronoun beside a name is never that name: "She and Millepied".
        if _named(two) and not _named(one):
            b = self._person(two, kind="adult")
            a = self._person(one, kind="adult", exclude={b} if b else ())
        else:
            a = self._person(one, kind="adult")
            b = self._person(two, kind="adult", exclude={a} if a else ())
        return a, b


def _years(value: Value) -> float:
    """An age as a number, to tell a child from an adult: a range by its top."""
    if isinstance(value, int | float):
        return value
    top = value.get("max", value.get("min")) if isinstance(value, dict) else None
    return top if isinstance(top, int | float) else ADULT_AGE


def _co_parents(resolved: list[tuple[RawClaim, DraftClaim]]) -> set[tuple[str, str]]:
    """The parents that one phrase gives one child: "their son Aleph", "X and Y welcomed"."""
    parents: dict[tuple[int, str], set[str]] = {}
    for raw, claim in resolved:
        if claim.predicate == "child" and claim.object is not None:
            parents.setdefault((raw.start, claim.object), set()).add(claim.subject)
    pairs = set()
    for found in parents.values():
        if len(found) == 2:
            a, b = sorted(found)
            pairs.add((a, b))
    return pairs


def _named(who: Who) -> bool:
    mention = who.mention or who.whom
    return mention is not None and mention.kind == "name"


def _depends_on_as_of(claim: RawClaim) -> bool:
    if claim.after is not None:
        return False
    if claim.predicate in _HOLDS_AT_AS_OF:
        return True
    return isinstance(claim.value, dict) and AS_OF in claim.value.values()


# A claim's meaning: predicate, parties, value, as_of, after.
_Key = tuple[str, tuple[str, ...], str, str | None, tuple[str, str, str | None] | None]


def _key(claim: DraftClaim) -> _Key:
    parties = tuple(sorted(p for p in (claim.subject, claim.object) if p))
    value = tuple(sorted(claim.value.items())) if isinstance(claim.value, dict) else claim.value
    return claim.predicate, parties, repr(value), claim.as_of, claim.after


def _unique(resolved: list[tuple[RawClaim, DraftClaim]]) -> list[DraftClaim]:
    """One claim per meaning: a heading "Aleph, 11" repeats the text's "son Aleph, 11"."""
    seen: dict[_Key, DraftClaim] = {}
    for _, claim in sorted(resolved, key=lambda pair: (pair[1].start, pair[1].end)):
        seen.setdefault(_key(claim), claim)
    return list(seen.values())


def _numbered(claims: list[DraftClaim]) -> list[DraftClaim]:
    people = {p for c in claims for p in (c.subject, c.object) if p}
    short = Counter(slug(p) for p in people)
    # A surname two people of the draft share names neither: "jamie-cullum", "lyra-cullum".
    names = {p: slug(p) if short[slug(p)] == 1 else slug(p, whole=True) for p in people}
    bases = [_base_id(c, names) for c in claims]
    counts: Counter[str] = Counter()
    numbered = []
    for claim, base in zip(claims, bases, strict=True):
        counts[base] += 1
        name = base if counts[base] == 1 else f"{base}-{counts[base]}"
        numbered.append(replace(claim, id=name))
    return numbered


def _base_id(claim: DraftClaim, names: dict[str, str]) -> str:
    predicate = claim.predicate.replace("_", "-")
    if claim.after is not None:
        event, subject, _ = claim.after
        who = names.get(subject) or slug(subject)
        return f"{predicate}-after-{who if event == 'born' else event}"
    if claim.predicate == "child" and claim.object is not None:
        return f"{names[claim.subject]}-child-{names[claim.object]}"
    if claim.object is not None:
        return predicate
    return f"{names[claim.subject]}-{predicate}"


def slug(name: str, whole: bool = False) -> str:
    """A person's name as an id part: "Natalie Portman" -> "portman" (or "natalie-portman")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    if not words:
        return "person"
    return "-".join(words) if whole else words[-1]
