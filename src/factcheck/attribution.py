"""Which claims are likely wrong, and why, from the least corrections of each group of
contradicting claims (see :mod:`factcheck.correction`).

A claim in every least correction of its group is likely wrong. It gets a finding of its own: a
proof that it cannot hold with the claims that survive, and a reason that names the articles
agreeing against it (those the least correction that keeps it would have to correct). The
contested claims of a group, in some least corrections but not all, make one finding per
dispute, which says that factcheck cannot tell and names the articles on each side. A claim read
at its article's stated date when the article looks misdated (FC302) is set aside before the
groups are weighed, so that it counts against nothing, and is blamed on the article's date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

from factcheck.blame import Blame, Option
from factcheck.constraints import Constraints, Source
from factcheck.correction import Dispute, Group, Outcome, correct, groups, keys_of
from factcheck.dates import day_str
from factcheck.dating import ArticleDate
from factcheck.engine import Checker, Component
from factcheck.hitting import cost
from factcheck.model import Claim, ClaimKey
from factcheck.paths import Conflict

NAMED = 6  # articles named on one side; more are counted


@dataclass(frozen=True, slots=True)
class Verdict:
    """One finding's worth: the proof to show, the claims it disputes (its identity: the likely
    wrong claim, or every claim of an undecided dispute), and the blame."""

    conflict: Conflict
    disputed: tuple[Claim, ...]
    blame: Blame
    also: tuple[Source, ...] = ()  # the disputed claims the proof does not cite, to show them
    against: tuple[Claim, ...] = ()  # the claims that agree against the likely wrong claim


@dataclass(frozen=True, slots=True)
class Weighing:
    """The least corrections of every contradicting group, with some claims set aside."""

    outcomes: tuple[tuple[Group, Outcome], ...]
    set_aside: frozenset[ClaimKey] = frozenset()

    @property
    def decided(self) -> frozenset[ClaimKey]:
        return frozenset().union(*(outcome.decided for _, outcome in self.outcomes))

    @property
    def contested(self) -> frozenset[ClaimKey]:
        return frozenset().union(*(outcome.contested for _, outcome in self.outcomes))


class Attribution:
    def __init__(self, constraints: Constraints) -> None:
        self.checker = Checker(constraints)
        self.sources: dict[ClaimKey, Source] = {}
        for source in constraints.sources():
            if source.claim_key is not None:
                self.sources.setdefault(source.claim_key, source)
        self.claims = {k: s.claim for k, s in self.sources.items() if s.claim is not None}
        self._components: dict[ClaimKey, Component] = {}

    def weigh(self, set_aside: Iterable[ClaimKey] = ()) -> Weighing:
        aside = frozenset(set_aside)
        found = groups(self.checker, aside)
        return Weighing(tuple((g, correct(g, self.checker)) for g in found), aside)

    def verdicts(self, weighing: Weighing, dates: dict[str, ArticleDate]) -> list[Verdict]:
        """A verdict for each likely wrong claim, each undecided dispute, and each claim set
        aside (misread at a wrong date) that cannot hold with the claims that survive."""
        left_out = weighing.decided | weighing.contested | weighing.set_aside
        verdicts = []
        for group, outcome in weighing.outcomes:
            for key in sorted(outcome.decided):
                proof = self.proof(group.component, {key}, left_out, outcome.proofs)
                blame = self.outvoted(key, group, outcome)
                kept = outcome.keep.get(key) or frozenset()
                least = _alike(key, group, outcome)
                against = tuple(self.claims[k] for k in sorted(kept - least))
                verdicts.append(Verdict(proof, (self.claims[key],), blame, against=against))
            for dispute in outcome.disputes:
                keys = dispute.claims
                proof = self.proof(group.component, keys, left_out, outcome.proofs)
                claims = tuple(self.claims[key] for key in sorted(keys))
                also = tuple(self.sources[k] for k in sorted(keys - keys_of(proof)))
                blame = self.undecided(dispute, group, outcome)
                verdicts.append(Verdict(proof, claims, blame, also))
        for key in sorted(weighing.set_aside):
            component = self.component(key)
            if component is None:
                continue  # constrains no event at its stated date
            conflict = self.checker.conflict(component, left_out - {key})
            dated = dates.get(key[0])
            if conflict is None or key not in keys_of(conflict) or dated is None:
                continue  # it holds with the claims that survive, read at its stated date
            claim = self.claims[key]
            verdicts.append(Verdict(conflict, (claim,), _misdated(claim, dated)))
        return verdicts

    def proof(
        self,
        component: Component,
        keys: frozenset[ClaimKey] | set[ClaimKey],
        left_out: frozenset[ClaimKey],
        proofs: Sequence[Conflict],
    ) -> Conflict:
        """A proof that ``keys`` cannot hold with the claims that survive: the solver's, else
        the smallest met while weighing the group."""
        conflict = self.checker.conflict(component, left_out - keys)
        if conflict is not None and keys_of(conflict) & keys:
            return conflict
        met = [p for p in proofs if keys_of(p) & keys]
        return min(met or proofs, key=lambda p: len(p.sources))

    def component(self, key: ClaimKey) -> Component | None:
        if not self._components:
            for component in self.checker.components:
                for point in component.points:
                    for bound in self.checker.bounds(point):
                        if bound.source.claim_key is not None:
                            self._components[bound.source.claim_key] = component
                for edge in component.edges:
                    if edge.source.claim_key is not None:
                        self._components[edge.source.claim_key] = component
        return self._components.get(key)

    def option(self, keys: Set[ClaimKey], group: Group) -> Option:
        return Option.of((self.claims[key] for key in keys), cost(keys, group.unit)[0])

    def outvoted(self, key: ClaimKey, group: Group, outcome: Outcome) -> Blame:
        """Name the articles that keeping the claim would have to correct: those that agree
        against it. Where as many articles stand on each side, say what tips the balance. The
        corrections weighed are shown by what sets them apart: what both leave out is not the
        claim's business (and, in a large group, would repeat the group in every finding)."""
        claim = self.claims[key]
        kept = outcome.keep.get(key)
        least = _alike(key, group, outcome)
        if kept is None:
            reason = "no calendar allows it, whatever the other claims say"
            return Blame(reason, claim, chosen=(self.option({key}, group),))
        chosen = (self.option(least - kept, group),)
        against = sorted({k[0] for k in kept - least})
        names = [a for a in against if a != key[0]]
        if key[0] in against:
            names.append(f"another claim of {key[0]}")
        verb = "agree" if len(names) > 1 else "agrees"
        reason = f"{_listed(names)} {verb} against it ({self.weighed(key, group, least, kept)})"
        keeping = (self.option(kept - least, group),)
        return Blame(reason, claim, agreeing=tuple(against), chosen=chosen, alternatives=keeping)

    def weighed(
        self, key: ClaimKey, group: Group, least: frozenset[ClaimKey], kept: frozenset[ClaimKey]
    ) -> str:
        """How leaving the claim out compares with keeping it, in what was weighed: the
        corrections of articles each asks for beyond what both do, then the claims."""
        both = {group.unit(k) for k in least & kept}
        keeping, leaving = kept - least, least - kept
        more = len({group.unit(k) for k in keeping} - both)
        fewer = len({group.unit(k) for k in leaving} - both)
        if fewer == 0:  # its article is corrected about this event anyway
            same = self.claims[min(group.sharing(key) & least & kept)].ref
            anyway = f"{key[0]} is corrected about this event anyway, for {same}"
            return f"{_count(keeping, more)} against none: {anyway}"
        plain = more == len({k[0] for k in keeping}) and fewer == len({k[0] for k in leaving})
        if plain:
            text = _weighed(more, [fewer])
        else:
            text = f"{_count(keeping, more)} against {_count(leaving, fewer)}"
        if more == fewer:
            text += f"; {_claims(len(keeping))} against {len(leaving)}"
        return text

    def undecided(self, dispute: Dispute, group: Group, outcome: Outcome) -> Blame:
        """Each least correction leaves one side of the dispute standing: name the sides, by
        their articles (by their claims where an article stands on two sides)."""
        standing = dispute.standing
        chosen = tuple(self.option(dispute.claims - side, group) for side in standing)
        sides = [tuple(sorted({k[0] for k in side})) for side in standing]
        if len(sides) < 2 or not outcome.exact:
            refs = _listed([self.claims[k].ref for k in sorted(dispute.claims)])
            reason = (
                f"cannot tell which is wrong: the group is too large to weigh exactly, and no "
                f"correction was proven least; in doubt: {refs}"
            )
            return Blame(reason, chosen=chosen)
        shared = len({a for side in sides for a in side}) < sum(len(side) for side in sides)
        if shared or not all(sides):
            names = [tuple(self.claims[k].ref for k in sorted(side)) for side in standing]
        else:
            names = sides
        reason = "cannot tell which is wrong: " + " against ".join(_listed(n) for n in names)
        if dispute.more:
            reason += f" against {dispute.more} more"
        units = [len({group.unit(k) for k in side}) for side in standing]
        counts = [len(side) for side in sides]
        if shared or units != counts:
            counted = (_count(side, n) for side, n in zip(standing, units, strict=True))
            reason += f" ({' against '.join(counted)})"
        elif len(counts) > 2 and len(set(counts)) == 1:
            reason += f" ({counts[0]} article{'s' * (counts[0] != 1)} each)"
        else:
            reason += f" ({_weighed(counts[0], counts[1:])})"
        return Blame(reason, sides=tuple(sides), more_sides=dispute.more, chosen=chosen)


def _alike(key: ClaimKey, group: Group, outcome: Outcome) -> frozenset[ClaimKey]:
    """The least correction to set against the least one keeping ``key``, like for like: on
    the claim's own event only where keeping it was weighed there only (a large group)."""
    least = outcome.least_with(key)
    return least & group.on_event(key) if key in outcome.local else least


def _misdated(claim: Claim, dated: ArticleDate) -> Blame:
    assert dated.window is not None
    reason = (
        f"{dated.article.id} looks misdated (FC302): its claims fit publication "
        f"between {_day(dated.window.lo)} and {_day(dated.window.hi)}, "
        f"not {dated.article.published}"
    )
    return Blame(reason, claim, dated.article.id)


def _weighed(first: int, others: Sequence[int]) -> str:
    """ "2 articles against 1", "1 article against 1 against 1"."""
    return f"{first} article{'s' * (first != 1)} against " + " against ".join(map(str, others))


def _count(keys: Set[ClaimKey], corrections: int) -> str:
    """ "2 articles"; "1 article about 3 events"; "3 corrections of 2 articles", where the
    corrections of articles about events (what is weighed) are not one per article."""
    articles = len({key[0] for key in keys})
    if corrections == articles:
        return f"{articles} article{'s' * (articles != 1)}"
    if articles == 1:
        return f"1 article about {corrections} events"
    return f"{corrections} correction{'s' * (corrections != 1)} of {articles} articles"


def _claims(count: int) -> str:
    return f"{count} claim{'s' * (count != 1)}"


def _listed(names: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"; past NAMED, "a, b, ... and 3 more"."""
    shown = list(names[:NAMED])
    if len(names) > NAMED:
        shown.append(f"{len(names) - NAMED} more")
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _day(day: int | None) -> str:
    return "…" if day is None else day_str(day)
