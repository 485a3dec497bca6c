"""The least corrections of contradictions that are not about dates: places, heights, counts.

Such a contradiction is a small set of claims that cannot all hold (two birthplaces apart, two
heights whose ranges do not meet, a count and the children it leaves out): a *core*. The least
correction is found as for dates (see :mod:`factcheck.correction`): the sets of claims that meet
every core at the least cost, counting corrections of articles first, then claims, an article
once for each fact it is corrected about. Every core is known from the start, so the search
(:func:`factcheck.hitting.least_hitting_sets`) needs no oracle. The claims in every least
correction are likely wrong; those in some are contested.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

from factcheck.correction import SHOWN, SIDES, Dispute, Group, Outcome, disputes_of
from factcheck.engine import Component
from factcheck.hitting import Budget, OverBudget, least_hitting_sets
from factcheck.model import ClaimKey
from factcheck.paths import Conflict, connected
from factcheck.values import Point


def weigh(
    fact: Point, cores: list[frozenset[ClaimKey]], proofs: dict[frozenset[ClaimKey], Conflict]
) -> list[tuple[Group, Outcome]]:
    """Each group of cores that share claims, with its least corrections; ``fact`` names what
    the claims are about (a person's birthplace), ``proofs`` each core's proof."""
    claims = sorted({key for core in cores for key in core})
    number = connected(claims, [sorted(core) for core in cores])
    together: dict[int, list[frozenset[ClaimKey]]] = defaultdict(list)
    for core in cores:
        together[number[min(core)]].append(core)
    found = []
    for group_cores in together.values():
        keys = frozenset().union(*group_cores)
        units: dict[ClaimKey, Hashable] = {key: (key[0], fact) for key in keys}
        unbounded: tuple[int | None, int | None] = (None, None)  # no days: not a date
        windows = {fact: dict.fromkeys(keys, unbounded)}
        first = proofs[group_cores[0]]
        group = Group(Component([fact], [], []), first, keys, windows, frozenset(), units)
        found.append((group, _outcome(group, group_cores, proofs)))
    return found


def _outcome(
    group: Group, cores: list[frozenset[ClaimKey]], proofs: dict[frozenset[ClaimKey], Conflict]
) -> Outcome:
    budget = Budget()
    shown = tuple(proofs[core] for core in cores)
    try:
        least = least_hitting_sets(cores, frozenset(), budget, group.unit) or []
        decided = frozenset.intersection(*least)
        contested = frozenset.union(*least) - decided
        keep: dict[ClaimKey, frozenset[ClaimKey] | None] = {}
        for key in sorted(decided):
            kept = least_hitting_sets(cores, frozenset({key}), budget, group.unit)
            keep[key] = None if kept is None else kept[0]
    except OverBudget:  # too many ways to weigh: every claim of the group stays in doubt
        everything = frozenset(group.claims)
        dispute = Dispute(everything, (frozenset(),))
        return Outcome((), frozenset(), everything, {}, (dispute,), shown, False)
    disputes = []
    for claims in disputes_of(contested, cores, group.windows):
        standing = sorted({claims - correction for correction in least}, key=sorted)
        disputes.append(Dispute(claims, tuple(standing[:SIDES]), max(0, len(standing) - SIDES)))
    ordered = sorted(least, key=sorted)
    return Outcome(tuple(ordered[:SHOWN]), decided, contested, keep, tuple(disputes), shown, True)
