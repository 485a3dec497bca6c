"""Least-cost hitting sets: the search at the heart of the least correction of a group of
claims (see :mod:`factcheck.correction`).

Every proof that some claims cannot all hold must lose one of them, so a correction is a set of
claims that meets ("hits") every proof. Its cost counts the articles it touches first, then its
claims, compared in that order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from factcheck.model import ClaimKey

BUDGET = 20_000  # steps of one group's exact search: nodes searched and solver checks
MAX_LEAST = 256  # least corrections that tie: more is a tie too wide to weigh

Cost = tuple[int, int]  # (articles, claims)
Unit = Callable[[ClaimKey], Hashable]  # what one correction of an article is: see correction


def article(key: ClaimKey) -> Hashable:
    return key[0]


def cost(keys: Iterable[ClaimKey], unit: Unit = article) -> Cost:
    unique = set(keys)
    return (len({unit(key) for key in unique}), len(unique))


class OverBudget(Exception):
    """The exact search would take longer than its budget."""


@dataclass(slots=True)
class Budget:
    left: int = BUDGET

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise OverBudget


def least_hitting_sets(
    cores: list[frozenset[ClaimKey]], kept: frozenset[ClaimKey], budget: Budget, unit: Unit
) -> list[frozenset[ClaimKey]] | None:
    """Every least-cost set of claims (not ``kept``) that meets every core; None if a core has
    no claim but kept ones. Branch and bound: on the first core not yet met that has the
    fewest choices, each claim in turn (the earlier ones forbidden in later branches, so that
    no set is found twice), pruned by a lower bound from cores that no one claim, and no one
    article, can meet together."""
    free = [core - kept for core in cores]
    if any(not core for core in free):
        return None
    best: list[Cost] = []
    found: list[frozenset[ClaimKey]] = []

    def visit(
        chosen: frozenset[ClaimKey], articles: frozenset[Hashable], banned: frozenset[ClaimKey]
    ) -> None:
        budget.spend()
        here = (len(articles), len(chosen))
        unmet = [core for core in free if core.isdisjoint(chosen)]
        if not unmet:
            if not best or here < best[0]:
                best[:] = [here]
                found[:] = [chosen]
            elif here == best[0]:
                found.append(chosen)
            return
        if best and _lower_bound(here, unmet, articles, unit) > best[0]:
            return
        core = min(unmet, key=lambda c: len(c - banned))
        options = sorted(core - banned)
        for index, key in enumerate(options):
            visit(chosen | {key}, articles | {unit(key)}, banned | frozenset(options[:index]))

    visit(frozenset(), frozenset(), frozenset())
    if len(found) > MAX_LEAST:
        raise OverBudget  # a tie among that many corrections is beyond weighing
    return sorted(found, key=sorted)


def _lower_bound(
    here: Cost, unmet: list[frozenset[ClaimKey]], articles: frozenset[Hashable], unit: Unit
) -> Cost:
    """``here`` plus what the unmet cores still need at least: one claim for each of a set of
    cores that share no claim, and one new article for each of a set that share no article
    with each other or with the correction so far."""
    claims_taken: set[ClaimKey] = set()
    articles_taken: set[Hashable] = set(articles)
    more_claims = more_articles = 0
    for core in sorted(unmet, key=len):
        if claims_taken.isdisjoint(core):
            claims_taken |= core
            more_claims += 1
        core_articles = {unit(key) for key in core}
        if articles_taken.isdisjoint(core_articles):
            articles_taken |= core_articles
            more_articles += 1
    return (here[0] + more_articles, here[1] + more_claims)
