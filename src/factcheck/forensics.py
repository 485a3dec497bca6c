"""Forensics: which claims are likely wrong, and when each article appeared.

The two answers depend on each other: articles are dated without the claims likely wrong, and a
claim read at a misdated article's stated date is likely wrong because of that date. So the
verdicts come first (by support alone), then the dates, then the verdicts that the dates settle.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factcheck.attribution import Attribution, Blame, Verdict
from factcheck.constraints import Constraints
from factcheck.dates import DayInterval
from factcheck.dating import ArticleDate, date_articles
from factcheck.engine import ClaimKey, Conflict
from factcheck.entities import Names
from factcheck.model import Corpus
from factcheck.rules import MISDATED


@dataclass(frozen=True, slots=True)
class Forensics:
    blames: list[tuple[Conflict, Blame]]  # each contradiction with its likely wrong claim
    dates: dict[str, ArticleDate]  # each article, dated by its claims
    disputed: frozenset[ClaimKey]  # claims likely wrong, misread, or in undecided contradictions


def investigate(
    corpus: Corpus,
    names: Names,
    stated: dict[str, DayInterval | None],
    constraints: Constraints,
    conflicts: list[Conflict],
    disabled: frozenset[str],
) -> Forensics:
    attribution = Attribution(constraints)
    verdicts = attribution.decide(conflicts)
    # Claims likely wrong, or in a contradiction that cannot be decided, are left out when
    # articles are dated and timelines drawn: a sound claim is not dated by a doubtful one.
    blamed = {v.key for v in verdicts if v.key is not None}
    disputed = blamed | _undecided(verdicts)
    dates = date_articles(corpus, names, stated, constraints, disputed, blamed, disabled)
    if MISDATED.code in disabled:  # no finding to refer to: blame the claims themselves
        dates = {k: replace(d, explained=(), outvoted=0) for k, d in dates.items()}
    # A misdated article's claims in the present tense were read at the wrong date: they are
    # the likely wrong ones, also where their contradiction was undecided.
    misread = {k for d in dates.values() if d.misdated for s in d.explained if (k := s.claim_key)}
    verdicts = [v if v.key is not None else attribution.recheck(v, misread) for v in verdicts]
    disputed = {v.key for v in verdicts if v.key is not None} | misread | _undecided(verdicts)
    blames = [(v.conflict, attribution.blame(v, dates)) for v in verdicts]
    return Forensics(blames, dates, frozenset(disputed))


def _undecided(verdicts: list[Verdict]) -> set[ClaimKey]:
    return {k for v in verdicts if v.key is None for s in v.conflict.sources if (k := s.claim_key)}
