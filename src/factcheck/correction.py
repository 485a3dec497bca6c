"""The least correction of a group of contradicting claims: which claims to leave out so that all
the others can hold, counting the articles to correct first, then the claims.

A group is a set of linked time points whose claims cannot all hold (an event, and the events
that order rules and spans of years tie to it). A correction is a set of claims whose removal
lets the rest hold together. Its cost is the number of corrections of articles it asks for, then
the number of claims; an article corrected about one event counts once, however many of its
claims about that event go (a birth date and an age together are one mistake), and an article
corrected about two events counts twice, as two mistakes. The claims in every
least-cost correction are likely wrong; those in some least-cost corrections but not all are
contested: factcheck cannot tell which side is wrong. An article whose claims fit both sides is
in no least correction, so it counts on neither side.

Three ways to the answer, cheapest first:

1. **One event** (no edge links its point to another): a sweep over the days finds every least
   correction exactly, for any number of claims. A day chosen for the event keeps the claims
   whose window holds it; the others are the correction.
2. **Linked events, proven by bounds**: a correction is built (each event's own least
   correction, then a claim of each proof still found), and each of its claims is proven to be
   in every least correction when keeping it costs more, on its own event alone, than the whole
   correction. When all are proven, that correction is the only least one.
3. **Linked events, searched**: for groups of at most ``EXACT_CLAIMS`` claims, an exact search
   by implicit hitting sets (Moreno-Centeno and Karp, 2013): the least-cost sets that hit every
   proof found so far are each checked by the solver; a check that fails yields another proof,
   and the search goes on. Above that size, or past the search's budget, the answer is
   conservative: only the claims proven in step 2 are named, the rest of the correction is
   contested. It never names a claim that the exact search would clear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Set
from dataclasses import dataclass, field

from factcheck.engine import Checker, Component, Question
from factcheck.hitting import Budget, OverBudget, cost, least_hitting_sets
from factcheck.model import ClaimKey
from factcheck.paths import Conflict, connected
from factcheck.sweep import Sweep, Window
from factcheck.values import Point

EXACT_CLAIMS = 64  # claims in a group of linked events, for the exact search
SHOWN = 8  # least corrections kept, for the verdicts' reasons
SIDES = 32  # sides of one dispute kept to name them; more are counted

Oracle = Callable[[frozenset[ClaimKey]], Conflict | None]  # a proof that the rest cannot hold


def keys_of(conflict: Conflict) -> frozenset[ClaimKey]:
    """The claims of a proof (domain rules are not claims: they cannot be corrected)."""
    return frozenset(s.claim_key for s in conflict.sources if s.claim_key is not None)


@dataclass(frozen=True, slots=True)
class Group:
    """Linked points whose claims cannot all hold, with a first proof of it."""

    component: Component
    first: Conflict
    claims: frozenset[ClaimKey]
    windows: dict[Point, dict[ClaimKey, Window]]  # each claim's window on each point it bounds
    set_aside: frozenset[ClaimKey] = frozenset()  # left out before the search (misread claims)
    units: dict[ClaimKey, Hashable] = field(default_factory=dict)  # see unit()

    def unit(self, key: ClaimKey) -> Hashable:
        """What correcting this claim counts as: its article, on the event it bounds. An
        article's claims about one event (a birth date and an age) are one correction, however
        many; its claims about two events are two, as two mistakes are. A claim between two
        events (a span of years after another event) is a correction of its own."""
        return self.units.get(key, key)

    def on_event(self, key: ClaimKey) -> frozenset[ClaimKey]:
        """The claims about the event ``key`` bounds (none if it bounds none)."""
        return frozenset().union(*(set(w) for w in self.windows.values() if key in w))

    def sharing(self, key: ClaimKey) -> frozenset[ClaimKey]:
        """The other claims that count as the same correction as ``key``."""
        unit = self.unit(key)
        return frozenset(
            k
            for on_point in self.windows.values()
            for k in on_point
            if k != key and self.units.get(k) == unit
        )

    @property
    def linked(self) -> bool:
        return bool(self.component.edges)


@dataclass(frozen=True, slots=True)
class Dispute:
    """Contested claims that stand or fall together, and what each least correction leaves of
    them standing: the sides factcheck cannot choose between."""

    claims: frozenset[ClaimKey]
    standing: tuple[frozenset[ClaimKey], ...]  # one per side (at most SIDES of them)
    more: int = 0  # sides not kept


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the least corrections of one group say about its claims."""

    least: tuple[frozenset[ClaimKey], ...]  # least corrections (at most SHOWN of them)
    decided: frozenset[ClaimKey]  # in every least correction: likely wrong
    contested: frozenset[ClaimKey]  # in some but not all (or, when not exact, not proven)
    keep: dict[ClaimKey, frozenset[ClaimKey] | None]  # per decided claim: the least correction
    # that keeps it (on its own event when proven by bounds); None when nothing can keep it
    disputes: tuple[Dispute, ...]
    proofs: tuple[Conflict, ...]  # every proof met on the way
    exact: bool  # False: the group was too large to search, and the answer is conservative
    local: frozenset[ClaimKey] = frozenset()  # decided claims whose keep is on their event only

    def least_with(self, key: ClaimKey) -> frozenset[ClaimKey]:
        """A least correction that leaves ``key`` out (every one does, for a decided claim)."""
        return next((c for c in self.least if key in c), frozenset())


def groups(checker: Checker, set_aside: Set[ClaimKey] = frozenset()) -> list[Group]:
    """Every group of linked points whose claims, but for ``set_aside``, cannot all hold."""
    aside = frozenset(set_aside)
    found = []
    for component in checker.components:
        first = checker.conflict(component, aside)
        if first is None:
            continue
        windows: dict[Point, dict[ClaimKey, Window]] = {}
        for point in component.points:
            on_point: dict[ClaimKey, list[int | None]] = {}
            for bound in checker.bounds(point):
                key = bound.source.claim_key
                if key is None or key in aside:
                    continue
                window = on_point.setdefault(key, [None, None])
                old = window[bound.upper]
                if bound.upper:
                    window[1] = bound.day if old is None else min(old, bound.day)
                else:
                    window[0] = bound.day if old is None else max(old, bound.day)
            if on_point:
                windows[point] = {k: (w[0], w[1]) for k, w in on_point.items()}
        claims = {k for on_point in windows.values() for k in on_point}
        claims.update(e.source.claim_key for e in component.edges if e.source.claim_key)
        units: dict[ClaimKey, Hashable] = {
            k: (k[0], p) for p, on_point in windows.items() for k in on_point
        }
        found.append(Group(component, first, frozenset(claims - aside), windows, aside, units))
    return found


def correct(group: Group, checker: Checker) -> Outcome:
    """The least corrections of ``group``, by the cheapest way that answers exactly (see the
    module's documentation)."""

    def oracle(left_out: frozenset[ClaimKey]) -> Conflict | None:
        return checker.conflict(group.component, left_out | group.set_aside)

    events = {p: Sweep(w) for p, w in group.windows.items()}
    if not group.linked:
        (event,) = events.values()
        decided, contested = event.split()
        keep = {key: event.keep(key) for key in decided}
        disputes: tuple[Dispute, ...] = ()
        if contested:
            standing = tuple(sorted((contested - c for c in event.least(SIDES)), key=sorted))
            more = max(0, len(event.optimal) - SIDES)
            disputes = (Dispute(contested, standing, more),)
        least = event.least(SHOWN)
        return Outcome(least, decided, contested, keep, disputes, (group.first,), True)
    return _Linked(group, events, oracle, checker).outcome()


@dataclass(slots=True)
class _Linked:
    """A group of linked events: a correction proven by bounds, else searched exactly."""

    group: Group
    events: dict[Point, Sweep]
    oracle: Oracle
    checker: Checker  # asked through a Question where claims change one at a time
    proofs: list[Conflict] = field(default_factory=list)
    cores: list[frozenset[ClaimKey]] = field(default_factory=list)
    budget: Budget = field(default_factory=Budget)

    def outcome(self) -> Outcome:
        self.found(self.group.first)
        upper = self.feasible()
        bound = cost(upper, self.group.unit)
        proven = frozenset(k for k in upper if self.keep_bound(k) > bound)
        if proven == upper:
            return self.result((upper,), upper, frozenset(), *self.keeps(upper), True)
        if len(self.group.claims) <= EXACT_CLAIMS:
            try:
                return self.exact()
            except OverBudget:
                pass
        keep = self.event_keeps(proven)
        return self.result((upper,), proven, upper - proven, keep, frozenset(keep), False)

    def found(self, proof: Conflict) -> None:
        self.proofs.append(proof)
        self.cores.append(keys_of(proof))

    def keep_bound(self, key: ClaimKey) -> tuple[float, float]:
        """A lower bound on the cost of any correction of the group that keeps ``key``: the
        least cost of keeping it on each event it bounds (infinite if none can)."""
        best: tuple[float, float] = (0, 0)
        for event in self.events.values():
            if key in event.windows:
                found = event.keep_cost(key)
                best = max(best, (float("inf"), float("inf")) if found is None else found)
        return best

    def event_keeps(self, keys: Iterable[ClaimKey]) -> dict[ClaimKey, frozenset[ClaimKey] | None]:
        keeps: dict[ClaimKey, frozenset[ClaimKey] | None] = {}
        for key in keys:
            keeps[key] = frozenset()
            for event in self.events.values():
                if key in event.windows:
                    keeps[key] = event.keep(key)
        return keeps

    def feasible(self) -> frozenset[ClaimKey]:
        """A correction that is no larger than it needs to be: each event's own least
        correction, then, while a proof remains, the claim of it that is dearest to keep."""
        chosen: set[ClaimKey] = set()
        for event in self.events.values():
            if event.best != (0, 0):
                chosen |= event.missing(event.optimal[0])
        articles = {self.group.unit(key) for key in chosen}
        group = self.group
        question = Question(self.checker, group.component, group.set_aside | chosen)
        while (proof := question.conflict()) is not None:
            self.found(proof)
            options = keys_of(proof) - chosen
            if not options:
                break  # domain rules alone: nothing a correction could change
            choice = min(
                options,
                key=lambda k: (self.group.unit(k) not in articles, _negated(self.keep_bound(k)), k),
            )
            chosen.add(choice)
            question.leave_out((choice,))
            articles.add(self.group.unit(choice))
        # A claim that is the only one chosen of a proof already found stays: that proof would
        # still hold with it put back, so the solver need not be asked (it would say so too).
        cores_of: dict[ClaimKey, list[frozenset[ClaimKey]]] = defaultdict(list)
        for core in self.cores:
            for key in core:
                cores_of[key].append(core)
        for key in sorted(chosen, key=lambda k: (_negated(self.keep_bound(k)), k), reverse=True):
            if any(core & chosen == {key} for core in cores_of[key]):
                continue
            question.put_back((key,))
            if question.conflict() is None:
                chosen.discard(key)
            else:
                question.leave_out((key,))
        return frozenset(chosen)

    def exact(self) -> Outcome:
        found = self.least(frozenset())
        assert found is not None, "leaving out every claim always resolves a group"
        least = found
        decided = frozenset.intersection(*least)
        contested = frozenset.union(*least) - decided
        return self.result(least, decided, contested, *self.keeps(decided), True)

    def keeps(
        self, keys: Iterable[ClaimKey]
    ) -> tuple[dict[ClaimKey, frozenset[ClaimKey] | None], frozenset[ClaimKey]]:
        """For each claim, the least correction of the group that keeps it, searched exactly
        while the group is small and the budget lasts; else the least on its own event (those
        claims are returned too)."""
        keeps = self.event_keeps(keys)
        local = set(keeps)
        if len(self.group.claims) <= EXACT_CLAIMS:
            for key in sorted(keeps):
                try:
                    kept = self.least(frozenset({key}))
                except OverBudget:
                    break
                keeps[key] = None if kept is None else kept[0]
                local.discard(key)
        return keeps, frozenset(local)

    def least(self, kept: frozenset[ClaimKey]) -> list[frozenset[ClaimKey]] | None:
        """Every least correction that leaves ``kept`` in (None if none can): the least sets
        that hit every proof found so far, until the solver accepts each of them."""
        while True:
            hits = least_hitting_sets(self.cores, kept, self.budget, self.group.unit)
            if hits is None:
                return None
            fresh = False
            for candidate in hits:
                self.budget.spend()
                proof = self.oracle(candidate)
                if proof is not None:
                    self.found(proof)
                    fresh = True
            if not fresh:
                return hits

    def result(
        self,
        least: Iterable[frozenset[ClaimKey]],
        decided: frozenset[ClaimKey],
        contested: frozenset[ClaimKey],
        keep: dict[ClaimKey, frozenset[ClaimKey] | None],
        local: frozenset[ClaimKey],
        exact: bool,
    ) -> Outcome:
        every = sorted(least, key=sorted)
        disputes = []
        for claims in disputes_of(contested, self.cores, self.group.windows):
            standing = sorted({claims - least for least in every}, key=sorted)
            more = max(0, len(standing) - SIDES)
            disputes.append(Dispute(claims, tuple(standing[:SIDES]), more))
        proofs = tuple(self.proofs)
        return Outcome(
            tuple(every[:SHOWN]), decided, contested, keep, tuple(disputes), proofs, exact, local
        )


def disputes_of(
    contested: frozenset[ClaimKey],
    cores: list[frozenset[ClaimKey]],
    windows: dict[Point, dict[ClaimKey, Window]],
) -> tuple[frozenset[ClaimKey], ...]:
    """The contested claims in groups that stand or fall together: linked by a proof they share,
    or by an event they both bound."""
    linked = [sorted(core & contested) for core in cores]
    linked += [sorted(frozenset(on_point) & contested) for on_point in windows.values()]
    group = connected(sorted(contested), linked)
    together: dict[int, set[ClaimKey]] = defaultdict(set)
    for key, number in group.items():
        together[number].add(key)
    return tuple(sorted((frozenset(s) for s in together.values()), key=sorted))


def _negated(value: tuple[float, float]) -> tuple[float, float]:
    return (-value[0], -value[1])
