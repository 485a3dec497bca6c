"""Which claim of a contradiction is likely wrong, and why: the records that attribution makes
(a verdict: a proof, what it disputes, and the blame) and the findings, the report formats and
``explain`` show."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.model import Claim

if TYPE_CHECKING:
    from factcheck.constraints import Source
    from factcheck.paths import Conflict
    from factcheck.terms import Rule


@dataclass(frozen=True, slots=True)
class Option:
    """A correction: the claims to leave out so that the rest of their group can all hold."""

    claims: tuple[str, ...]  # article#claim, sorted
    articles: tuple[str, ...]  # the articles they are in, sorted
    corrections: int  # corrections of an article about one event: what is weighed first

    @classmethod
    def of(cls, claims: Iterable[Claim], corrections: int) -> Option:
        unique = {claim.ref: claim for claim in claims}
        articles = sorted({claim.article.id for claim in unique.values()})
        return cls(tuple(sorted(unique)), tuple(articles), corrections)

    @property
    def cost(self) -> tuple[int, int]:
        """Corrections of articles, then claims: the order in which corrections are weighed."""
        return (self.corrections, len(self.claims))

    def describe(self) -> str:
        """ "1 article, 1 claim"; "2 articles, about 3 events, 4 claims"."""
        articles, claims = len(self.articles), len(self.claims)
        text = f"{articles} article{'s' * (articles != 1)}"
        if self.corrections != articles:
            text += f", about {self.corrections} events"
        return f"{text}, {claims} claim{'s' * (claims != 1)}"


@dataclass(frozen=True, slots=True)
class Blame:
    """The likely wrong claim of a finding (or the article whose date is to blame), or neither
    when factcheck cannot tell; and the corrections it weighed."""

    reason: str
    claim: Claim | None = None
    article: str | None = None  # the misdated article whose stated date explains the claim
    agreeing: tuple[str, ...] = ()  # the articles that agree against the likely wrong claim
    sides: tuple[tuple[str, ...], ...] = ()  # undecided: the articles of each side
    more_sides: int = 0  # undecided: sides beyond those listed
    # The corrections weighed, each by what sets it apart from the others (what they all leave
    # out is not shown): the least one chosen, or those tied on the dispute's claims; and the
    # least one that keeps the blamed claim.
    chosen: tuple[Option, ...] = ()
    alternatives: tuple[Option, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """One finding's worth: the proof to show, the claims it disputes (its identity: the likely
    wrong claim, or every claim of an undecided dispute), and the blame."""

    conflict: Conflict
    disputed: tuple[Claim, ...]
    blame: Blame
    also: tuple[Source, ...] = ()  # the disputed claims the proof does not cite, to show them
    against: tuple[Claim, ...] = ()  # the claims that agree against the likely wrong claim
    ends: str | None = None  # what the claims amount to, in place of "these cannot all hold"


@dataclass(frozen=True, slots=True)
class Notice:
    """A finding that blames no claim: something worth an editor's look, like a count higher
    than the children the corpus knows, or two places factcheck cannot relate."""

    rule: Rule
    claims: tuple[Claim, ...]  # what it is about: its identity
    message: str
    said: tuple[tuple[Claim, str], ...]  # each claim, with what it says here
    ends: str = ""  # what it comes to, and what to do: the conclusion ``explain`` draws
