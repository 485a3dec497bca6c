"""Facts that are not dates: numbers of children, birthplaces, heights; checked after the dates,
whose windows some of them need (when a child was born, when a person turned 18, when an
undated article appeared).

Each kind of rule reads the claims of its predicates, person by person, and finds the sets of
claims that cannot all hold (see :mod:`factcheck.weighing` for how the least correction names
the likely wrong ones):

- *monotone*: a count as of a day certainly before another's is not higher (FC403);
- *undercount*: a count is not below the known children (a link's objects) certainly born by
  its day (FC404); *overcount*: a count above the known children who could have been born by
  then is a notice, not a contradiction: the corpus may not know a child (FC405);
- *place*: two places apart (FC406); *place-unrelated*: two places factcheck cannot relate, a
  notice with a hint (FC407);
- *length*: two heights of an adult whose ranges do not meet (FC408).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations, product
from typing import cast

from factcheck.blame import Notice, Verdict
from factcheck.constraints import Constraints, Source
from factcheck.dates import DayInterval, add_months
from factcheck.engine import Window, solve
from factcheck.forensics import Forensics
from factcheck.lengths import Length
from factcheck.model import Claim, ClaimKey
from factcheck.paths import Conflict
from factcheck.places import Places
from factcheck.reasons import Reasons, alike
from factcheck.terms import Rule
from factcheck.values import FactReading, Point
from factcheck.vocabulary import active
from factcheck.weighing import weigh

MAX_CORES = 256  # sets of known children weighed against one count


@dataclass(slots=True)
class Found:
    verdicts: list[Verdict] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    blamed: set[ClaimKey] = field(default_factory=set)  # named likely wrong
    contested: set[ClaimKey] = field(default_factory=set)


def examine(
    facts: list[FactReading],
    places: Places,
    constraints: Constraints,
    forensics: Forensics,
    disabled: frozenset[str],
) -> Found:
    """Every verdict and notice of the rules about facts, in the vocabulary's order."""
    check = _Check(facts, places, constraints, forensics)
    for rule in active().rules:
        handler = _HANDLERS.get(rule.kind)
        if handler is not None and rule.code not in disabled:
            handler(check, rule)
    return check.found


def _key(claim: Claim) -> ClaimKey:
    return (claim.article.id, claim.id)


class _Check:
    def __init__(
        self,
        facts: list[FactReading],
        places: Places,
        constraints: Constraints,
        forensics: Forensics,
    ) -> None:
        self.facts = facts
        self.places = places
        self.constraints = constraints
        self.forensics = forensics
        # Windows leave out the claims named likely wrong; contested ones stay in doubt, and the
        # solver weighs them again (a contested birth date still dates a child).
        self.aside = forensics.blamed
        self.found = Found()
        self._windows: dict[Point, Window] = {}

    # -- what the dates say -----------------------------------------------------------------

    def windows(self, points: Iterable[Point]) -> dict[Point, Window]:
        """The windows of events, from the claims not disputed (solved once for all asked)."""
        wanted = [p for p in points if p not in self._windows]
        if wanted:
            solution = solve(self.constraints, wanted, self.aside, focus=True)
            self._windows.update(solution.windows)
        return self._windows

    def when(self, fact: FactReading) -> DayInterval | None:
        """The days a fact holds on: its as_of, its article's date, or the window the claims
        of an undated article allow."""
        if isinstance(fact.when, DayInterval):
            return fact.when
        dated = self.forensics.dates.get(fact.claim.article.id)
        if dated is None or dated.window is None:
            return None
        return DayInterval(dated.window.lo, dated.window.hi)

    def of(self, rule: Rule, predicates: Iterable[str] = ()) -> dict[str, list[FactReading]]:
        """The facts of the rule's predicates (or of ``predicates``), person by person, but
        those another rule already names likely wrong (contested ones stay: they may be
        right)."""
        wanted = set(predicates) or set(rule.predicates)
        taken = self.found.blamed
        found: dict[str, list[FactReading]] = defaultdict(list)
        for fact in self.facts:
            if fact.claim.predicate in wanted and _key(fact.claim) not in taken:
                found[fact.who[0]].append(fact)
        return found

    # -- verdicts ---------------------------------------------------------------------------

    def weigh(self, fact: Point, proofs: dict[frozenset[ClaimKey], Conflict]) -> None:
        """The verdicts of the contradictions ``proofs`` prove, about one person's ``fact``."""
        if not proofs:
            return
        claims = {s.claim_key: s.claim for p in proofs.values() for s in p.sources if s.claim}
        sources = {s.claim_key: s for p in proofs.values() for s in p.sources if s.claim}
        reasons = Reasons({k: c for k, c in claims.items() if k is not None})
        for group, outcome in weigh(fact, list(proofs), proofs):
            for key in sorted(outcome.decided):
                kept = outcome.keep.get(key) or frozenset()
                against = kept - alike(key, group, outcome)
                proof = _proof(proofs, {key}, against)
                blame = reasons.outvoted(key, group, outcome)
                claim = reasons.claims[key]
                opposed = tuple(reasons.claims[k] for k in sorted(against))
                self.found.verdicts.append(
                    Verdict(proof, (claim,), blame, against=opposed, ends=proof.reason)
                )
                self.found.blamed.add(key)
            for dispute in outcome.disputes:
                proof = _proof(proofs, dispute.claims, frozenset())
                cited = {s.claim_key for s in proof.sources}
                also = tuple(sources[k] for k in sorted(dispute.claims - cited))
                blame = reasons.undecided(dispute, group, outcome)
                disputed = tuple(reasons.claims[k] for k in sorted(dispute.claims))
                self.found.verdicts.append(Verdict(proof, disputed, blame, also, ends=proof.reason))
                self.found.contested.update(dispute.claims)


def _proof(
    proofs: dict[frozenset[ClaimKey], Conflict],
    keys: Iterable[ClaimKey],
    against: Iterable[ClaimKey],
) -> Conflict:
    """The proof that cites the claims ``keys`` with the most of ``against``, then the fewest
    claims."""
    wanted, opposed = set(keys), set(against)
    met = [core for core in proofs if core & wanted]
    return proofs[min(met, key=lambda core: (-len(core & opposed), len(core), sorted(core)))]


# -- counts ---------------------------------------------------------------------------------


def _count(fact: FactReading) -> tuple[int, int | None]:
    """A count's least and most (None: no most)."""
    return cast(tuple[int, int | None], fact.value)


def _noun(predicate: str, count: int | None) -> str:
    """ "children", and "child" for one (a count's predicate names what it counts)."""
    if count != 1:
        return predicate
    return predicate[:-3] if predicate.endswith("ren") else predicate.removesuffix("s")


def _count_text(fact: FactReading, when: DayInterval | None) -> str:
    least, most = _count(fact)
    noun = _noun(fact.claim.predicate, most)
    if most is None:
        amount = f"at least {least}"
    elif least == most:
        amount = str(least)
    else:
        amount = f"{least} to {most}"
    day = f" on {when}" if when is not None and when.exact else f" in {when}" if when else ""
    return f"{fact.who[0]} has {amount} {noun}{day}"


def _monotone(check: _Check, rule: Rule) -> None:
    for person, facts in check.of(rule).items():
        timed = [(f, w) for f in facts if (w := check.when(f)) is not None]
        proofs = {}
        for one, other in combinations(timed, 2):
            for (earlier, on), (later, then) in ((one, other), (other, one)):
                if on.hi is None or then.lo is None or on.hi >= then.lo:
                    continue  # not certainly earlier
                most_later = _count(later)[1]
                if most_later is None or _count(earlier)[0] <= most_later:
                    continue
                sources = (
                    Source(_count_text(earlier, on), earlier.claim, rule),
                    Source(_count_text(later, then), later.claim, rule),
                )
                ends = f"the count went down, which it never does ({rule.code})"
                core = frozenset({_key(earlier.claim), _key(later.claim)})
                proofs[core] = Conflict(sources, reason=ends)
        check.weigh(Point(rule.code, (person,)), proofs)


def _kids(
    check: _Check, rule: Rule
) -> tuple[dict[str, dict[str, list[FactReading]]], dict[Point, Window]]:
    """Each person's known children (the objects of their links of the rule's ``via``), each
    with the links that say so, and the windows of the children's ``later`` event (birth)."""
    kids: dict[str, dict[str, list[FactReading]]] = defaultdict(dict)
    for person, links in check.of(rule, [rule.via]).items():
        for link in links:
            kids[person].setdefault(link.who[1], []).append(link)
    points = [Point(rule.later[0], (kid,)) for known in kids.values() for kid in known]
    return kids, check.windows(points)


def _born(windows: dict[Point, Window], rule: Rule, kid: str) -> Window:
    return windows[Point(rule.later[0], (kid,))]


def _link_text(link: FactReading) -> str:
    return f"{link.who[1]} is {link.who[0]}'s {link.claim.predicate}"


def _kid_text(window: Window) -> str:
    days = DayInterval(window.lo, window.hi)
    known = f"{window.point.event} {days}" if days.lo or days.hi else "date of birth unknown"
    return f"{window.point.who[0]} ({known})"


def _undercount(check: _Check, rule: Rule) -> None:
    kids, windows = _kids(check, rule)
    for person, facts in check.of(rule).items():
        proofs = {}
        for fact in facts:
            when, most = check.when(fact), _count(fact)[1]
            if when is None or when.lo is None or most is None:
                continue
            certain = [
                (links, w)
                for kid, links in kids.get(person, {}).items()
                # Born before the count's first day: a child born that day may come after it.
                if (w := _born(windows, rule, kid)).hi is not None and w.hi < when.lo
            ]
            if len(certain) <= most:
                continue
            count = Source(_count_text(fact, when), fact.claim, rule)
            noun = fact.claim.predicate
            for chosen in combinations(certain, most + 1):
                # The births are shown, not weighed: a wrong date of birth is the dates' to find;
                # here either the count is wrong or a child is not theirs (or born later). A
                # child stays known while any claim says it is theirs: one core per choice.
                births = [s for _, w in chosen for s in w.hi_by if s.claim is not None]
                named = ", ".join(_kid_text(w) for _, w in chosen)
                known = f"{len(chosen)} known {_noun(noun, len(chosen))}"
                ends = f"{known} were born before that day: {named} ({rule.code})"
                for picked in product(*(links for links, _ in chosen)):
                    said = [Source(_link_text(link), link.claim, rule) for link in picked]
                    core = frozenset(_key(s.claim) for s in (count, *said) if s.claim)
                    shown = tuple(dict.fromkeys((count, *said, *births)))
                    proofs[core] = Conflict(shown, reason=ends)
                    if len(proofs) >= MAX_CORES:
                        break
        check.weigh(Point(rule.code, (person,)), proofs)


def _overcount(check: _Check, rule: Rule) -> None:
    kids, windows = _kids(check, rule)
    for person, facts in check.of(rule).items():
        known = {kid: _born(windows, rule, kid) for kid in kids.get(person, {})}
        if not known:
            continue  # a count of someone whose children the corpus does not list
        # What the notice rests on besides the count: who the children are, when each was born.
        said = [(link.claim, _link_text(link)) for kid in known for link in kids[person][kid]]
        said += [(s.claim, s.text) for w in known.values() for s in w.hi_by if s.claim]
        said += [(s.claim, s.text) for w in known.values() for s in w.lo_by if s.claim]
        for fact in facts:
            when, least = check.when(fact), _count(fact)[0]
            latest = None if when is None else when.hi
            possible = [
                w for w in known.values() if w.lo is None or latest is None or w.lo <= latest
            ]
            if least <= len(possible):
                continue
            listed = ", ".join(_kid_text(w) for w in known.values())
            text = _count_text(fact, when)
            noun = _noun(fact.claim.predicate, len(possible))
            message = (
                f"{fact.claim.article.name} says {text}; but only {len(possible)} known {noun} "
                f"could have been born by then, of {listed}: there may be one the corpus does "
                "not know"
            )
            ends = (
                f"the count is above the known {fact.claim.predicate} who could have been born "
                f"by then: a {rule.via} claim may be missing, or the count is wrong"
            )
            evidence = tuple(dict.fromkeys(((fact.claim, text), *said)))
            check.found.notices.append(Notice(rule, (fact.claim,), message, evidence, ends))


# -- places ---------------------------------------------------------------------------------


def _place_text(fact: FactReading) -> str:
    return f"{fact.who[0]}'s {fact.claim.predicate} is {fact.value}"


def _apart(check: _Check, rule: Rule) -> None:
    for person, facts in check.of(rule).items():
        proofs = {}
        for one, other in combinations(facts, 2):
            named = check.places.named(str(one.value)), check.places.named(str(other.value))
            if check.places.relate(*named) != "apart":
                continue
            sources = (
                Source(_place_text(one), one.claim, rule),
                Source(_place_text(other), other.claim, rule),
            )
            ends = f"{named[0]} and {named[1]} are apart: neither is within the other ({rule.code})"
            proofs[frozenset({_key(one.claim), _key(other.claim)})] = Conflict(sources, reason=ends)
        check.weigh(Point(rule.code, (person,)), proofs)


def _unrelated(check: _Check, rule: Rule) -> None:
    for facts in check.of(rule).values():
        for one, other in combinations(facts, 2):
            named = check.places.named(str(one.value)), check.places.named(str(other.value))
            if check.places.relate(*named) != "unknown":
                continue
            unknown = sorted({*named[0].unknown, *named[1].unknown})
            texts = ((one.claim, _place_text(one)), (other.claim, _place_text(other)))
            message = (
                f"{one.claim.article.name} says {texts[0][1]}; {other.claim.article.name} says "
                f"{texts[1][1]}: factcheck cannot tell how they relate, for want of "
                + " and ".join(repr(u) for u in unknown)
                + " in [[places]]"
            )
            hint = (
                f"factcheck can relate them once {' and '.join(unknown)} "
                f"{'is' if len(unknown) == 1 else 'are'} in [[places]], each with the place that "
                "contains it (within)"
            )
            check.found.notices.append(Notice(rule, (one.claim, other.claim), message, texts, hint))


# -- heights --------------------------------------------------------------------------------


def _adult(check: _Check, rule: Rule, fact: FactReading, when: DayInterval | None) -> bool:
    """Whether the fact holds of an adult: its day is certainly ``least`` years after the
    subject's ``earlier`` event (their birth); true when the birth is unknown."""
    if not rule.earlier or rule.least is None:
        return True
    born = check.windows([Point(rule.earlier[0], fact.who[:1])])[
        Point(rule.earlier[0], fact.who[:1])
    ]
    if born.hi is None:
        return born.lo is None  # no birth known: taken as an adult
    if when is None or when.lo is None:
        return False
    of_age = add_months(born.hi, round(rule.least * 12))
    return of_age is not None and when.lo >= of_age


def _length_text(fact: FactReading, when: DayInterval | None) -> str:
    length = fact.value
    assert isinstance(length, Length)
    day = f" on {when}" if when is not None and when.exact else f" in {when}" if when else ""
    return f"{fact.who[0]}'s {fact.claim.predicate} is {length.written}{day}: {length.describe()}"


def _lengths(check: _Check, rule: Rule) -> None:
    for person, facts in check.of(rule).items():
        adult = [(f, w) for f in facts if _adult(check, rule, f, w := check.when(f))]
        proofs = {}
        for (one, when_one), (other, when_two) in combinations(adult, 2):
            a, b = one.value, other.value
            assert isinstance(a, Length) and isinstance(b, Length)
            if a.overlaps(b):
                continue
            sources = (
                Source(_length_text(one, when_one), one.claim, rule),
                Source(_length_text(other, when_two), other.claim, rule),
            )
            ends = f"the two ranges do not meet: one adult is not both ({rule.code})"
            proofs[frozenset({_key(one.claim), _key(other.claim)})] = Conflict(sources, reason=ends)
        check.weigh(Point(rule.code, (person,)), proofs)


_HANDLERS: dict[str, Callable[[_Check, Rule], None]] = {
    "monotone": _monotone,
    "undercount": _undercount,
    "overcount": _overcount,
    "place": _apart,
    "place-unrelated": _unrelated,
    "length": _lengths,
}
