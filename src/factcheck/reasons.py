"""Why a claim is likely wrong, or why factcheck cannot tell, in words: the reasons of the
verdicts of every kind of contradiction, from the least corrections of its group (see
:mod:`factcheck.correction`). A likely wrong claim's reason names the articles that agree
against it and what was weighed; an undecided dispute's names each side."""

from __future__ import annotations

from collections.abc import Sequence, Set

from factcheck.blame import Blame, Option
from factcheck.correction import Dispute, Group, Outcome
from factcheck.hitting import cost
from factcheck.model import Claim, ClaimKey

NAMED = 6  # articles named on one side; more are counted


class Reasons:
    """The reasons of verdicts about ``claims``."""

    def __init__(self, claims: dict[ClaimKey, Claim]) -> None:
        self.claims = claims

    def option(self, keys: Set[ClaimKey], group: Group) -> Option:
        return Option.of((self.claims[key] for key in keys), cost(keys, group.unit)[0])

    def outvoted(self, key: ClaimKey, group: Group, outcome: Outcome) -> Blame:
        """Name the articles that keeping the claim would have to correct: those that agree
        against it. Where as many articles stand on each side, say what tips the balance. The
        corrections weighed are shown by what sets them apart: what both leave out is not the
        claim's business (and, in a large group, would repeat the group in every finding)."""
        claim = self.claims[key]
        kept = outcome.keep.get(key)
        least = alike(key, group, outcome)
        if kept is None:
            reason = "no calendar allows it, whatever the other claims say"
            return Blame(reason, claim, chosen=(self.option({key}, group),))
        if key in outcome.local and not group.on_event(key):
            # A span between two events has no event of its own to weigh keeping it on, and
            # the search for the least correction that keeps it ran out of budget.
            reason = (
                "every least correction of its group leaves it out (keeping it was not weighed: "
                "the group is too large to search again for each claim)"
            )
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
        left_out = [dispute.claims - side for side in standing]
        if shared and not dispute.more and all(len(claims) == 1 for claims in left_out):
            # Sides that share articles read badly as sides: "a#x and a#y against a#x and
            # b#z against ...". Where each least correction leaves out one claim, name them.
            refs = _listed([self.claims[k].ref for (k,) in left_out], "or")
            reason = f"cannot tell which is wrong: one of {refs} (each a least correction)"
            return Blame(reason, sides=tuple(sides), chosen=chosen)
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


def alike(key: ClaimKey, group: Group, outcome: Outcome) -> frozenset[ClaimKey]:
    """The least correction to set against the least one keeping ``key``, like for like: on
    the claim's own event only where keeping it was weighed there only (a large group)."""
    least = outcome.least_with(key)
    return least & group.on_event(key) if key in outcome.local else least


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


def _listed(names: Sequence[str], last: str = "and") -> str:
    """ "a", "a and b", "a, b and c"; past NAMED, "a, b, ... and 3 more"."""
    shown = list(names[:NAMED])
    if len(names) > NAMED:
        shown.append(f"{len(names) - NAMED} more")
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {last} {shown[-1]}"
