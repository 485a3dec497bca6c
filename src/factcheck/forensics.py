"""Forensics: which claims are likely wrong, and when each article appeared.

The two answers depend on each other: articles are dated without the claims likely wrong, and a
claim read at a misdated article's stated date is likely wrong because of that date. So the
groups of contradicting claims are weighed first, then the articles dated, then the groups
weighed again with the misread claims set aside: they count against nothing, and are blamed on
their article's date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factcheck.attribution import Attribution
from factcheck.blame import Verdict
from factcheck.constraints import Constraints
from factcheck.dates import DayInterval
from factcheck.dating import ArticleDate, date_articles
from factcheck.entities import Names
from factcheck.model import ClaimKey, Corpus
from factcheck.progress import SILENT, Progress
from factcheck.vocabulary import MISDATED

if TYPE_CHECKING:
    from factcheck.incremental import Kept


@dataclass(frozen=True, slots=True)
class Forensics:
    verdicts: list[Verdict]  # each contradiction with its likely wrong claim, or none
    dates: dict[str, ArticleDate]  # each article, dated by its claims
    blamed: frozenset[ClaimKey]  # claims a finding names likely wrong
    contested: frozenset[ClaimKey]  # claims of undecided disputes: on one side or the other
    misread: frozenset[ClaimKey]  # claims of misdated articles read at their stated date


def investigate(
    corpus: Corpus,
    names: Names,
    stated: dict[str, DayInterval | None],
    constraints: Constraints,
    disabled: frozenset[str],
    progress: Progress = SILENT,
    kept: Kept | None = None,
) -> Forensics:
    """``kept``: the article dates of the last run, reused where they still hold."""
    progress.stage("weighing contradictions")
    attribution = Attribution(constraints)
    first = attribution.weigh()
    # Claims likely wrong, or contested, are left out when articles are dated: a sound claim is
    # not dated by a doubtful one.
    disputed = first.decided | first.contested
    progress.stage("dating articles", len(corpus.articles))
    dates = date_articles(
        corpus, names, stated, constraints, disputed, first.decided, disabled, progress, kept
    )
    if MISDATED.code in disabled:  # no finding to refer to: blame the claims themselves
        dates = {
            k: replace(d, explained=(), outvoted=0, fitting=frozenset()) for k, d in dates.items()
        }
    misread = {key for d in dates.values() if d.misdated for key in d.fitting}
    progress.stage("weighing contradictions again" if misread else "writing findings")
    final = attribution.weigh(misread) if misread else first
    verdicts = attribution.verdicts(final, dates)
    blamed = {(c.article.id, c.id) for v in verdicts if (c := v.blame.claim) is not None}
    return Forensics(verdicts, dates, frozenset(blamed), final.contested, frozenset(misread))
