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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.blame import Blame, Verdict
from factcheck.constraints import Constraints, Source
from factcheck.correction import Group, Outcome, correct, groups, keys_of
from factcheck.dates import day_str
from factcheck.dating import ArticleDate
from factcheck.engine import Checker, Component, Question
from factcheck.model import Claim, ClaimKey
from factcheck.paths import Conflict
from factcheck.reasons import Reasons, alike


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


class Attribution(Reasons):
    def __init__(self, constraints: Constraints) -> None:
        self.checker = Checker(constraints)
        self.sources: dict[ClaimKey, Source] = {}
        for source in constraints.sources():
            if source.claim_key is not None:
                self.sources.setdefault(source.claim_key, source)
        super().__init__({k: s.claim for k, s in self.sources.items() if s.claim is not None})
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
            question = Question(self.checker, group.component, left_out)
            for key in sorted(outcome.decided):
                proof = self.proof(question, {key}, outcome.proofs)
                blame = self.outvoted(key, group, outcome)
                kept = outcome.keep.get(key) or frozenset()
                least = alike(key, group, outcome)
                against = tuple(self.claims[k] for k in sorted(kept - least))
                verdicts.append(Verdict(proof, (self.claims[key],), blame, against=against))
            for dispute in outcome.disputes:
                keys = dispute.claims
                proof = self.proof(question, keys, outcome.proofs)
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
        question: Question,
        keys: frozenset[ClaimKey] | set[ClaimKey],
        proofs: Sequence[Conflict],
    ) -> Conflict:
        """A proof that ``keys`` cannot hold with the claims that survive (``question`` leaves
        them all out): the solver's, else the smallest met while weighing the group."""
        question.put_back(keys)
        conflict = question.conflict()
        question.leave_out(keys)
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


def _misdated(claim: Claim, dated: ArticleDate) -> Blame:
    assert dated.window is not None
    reason = (
        f"{dated.article.id} looks misdated (FC302): its claims fit publication "
        f"between {_day(dated.window.lo)} and {_day(dated.window.hi)}, "
        f"not {dated.article.published}"
    )
    return Blame(reason, claim, dated.article.id)


def _day(day: int | None) -> str:
    return "…" if day is None else day_str(day)
