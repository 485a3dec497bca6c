"""Which claim of a contradiction is likely wrong, and why.

A claim's support is the other articles whose claims about the same event fit its window. On one
event, the sweep has already set each claim at odds against the largest agreeing group: it is
likely wrong when more articles stand on the group's side than on its own, and undecided when
the sides are even. Proofs through several events that share claims form a group; for each, the
smallest sets of claims whose removal resolves every proof in it are found (exactly, by trying
sets of growing size, for groups of up to ``EXACT_LIMIT`` claims; above that, greedily: the claim
in most remaining proofs, then the least supported), and among them the least supported set
wins. If two sets tie, a proof they resolve differently is left undecided: factcheck says it
cannot tell rather than guess. A claim of an article that looks misdated (FC302) is explained by
the article's date, which is named instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from factcheck.constraints import Constraints, Source
from factcheck.dates import day_str
from factcheck.dating import ArticleDate
from factcheck.engine import ClaimKey, Conflict
from factcheck.model import Claim
from factcheck.values import Point

EXACT_LIMIT = 12  # claims in a group; 2**12 subsets at most


@dataclass(frozen=True, slots=True)
class Blame:
    """The likely wrong claim (or article) of a finding, or None for either when it is unclear."""

    reason: str
    claim: Claim | None = None
    article: str | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """For one contradiction: the claim to remove, or None when it cannot be decided."""

    conflict: Conflict
    key: ClaimKey | None


class Attribution:
    def __init__(self, constraints: Constraints) -> None:
        # Each claim's window on each point it bounds, and the claims bounding each point.
        self.windows: dict[ClaimKey, dict[Point, list[int | None]]] = defaultdict(dict)
        self.on_point: dict[Point, set[ClaimKey]] = defaultdict(set)
        for bound in constraints.bounds:
            key = bound.source.claim_key
            if key is None or bound.source.claim is None:
                continue
            window = self.windows[key].setdefault(bound.point, [None, None])
            window[bound.upper] = bound.day
            self.on_point[bound.point].add(key)

    def support(self, key: ClaimKey, without: str | None = None) -> set[str]:
        """The other articles (not ``without``) with a claim about the same event that fits this
        claim's window."""
        found: set[str] = set()
        for point, (lo, hi) in self.windows.get(key, {}).items():
            for other in self.on_point[point] - {key}:
                if _overlap((lo, hi), tuple(self.windows[other][point])):
                    found.add(other[0])
        return found - {key[0], without}

    def decide(self, conflicts: Sequence[Conflict]) -> list[Verdict]:
        """A verdict for each contradiction.

        On one event, the sweep has set the claim at odds against the largest agreeing group:
        it is likely wrong if more articles support that group's side than its own. Proofs
        through several events are weighed group by group (smallest hitting sets). Last, an
        undecided contradiction whose claim is likely wrong in another is decided by it.
        """
        members = [_keys(c) for c in conflicts]
        verdicts: dict[int, ClaimKey | None] = {}
        cycles = []
        for i, conflict in enumerate(conflicts):
            if conflict.suspect is None or conflict.suspect.claim_key is None:
                cycles.append(i)
            else:
                verdicts[i] = self._outvoted(conflict.suspect.claim_key, members[i])
        for group in _groups([members[i] for i in cycles]):
            indices = [cycles[g] for g in group]
            keys = sorted(set().union(*(members[i] for i in indices)))
            chosen = self._smallest(keys, [members[i] for i in indices])
            for i in indices:
                picks = {next(iter(members[i] & s), None) for s in chosen}
                verdicts[i] = picks.pop() if len(picks) == 1 else None
        blamed = {k for k in verdicts.values() if k is not None}
        for i, key in verdicts.items():
            if key is None and len(members[i] & blamed) == 1:
                verdicts[i] = next(iter(members[i] & blamed))
        return [Verdict(c, verdicts[i]) for i, c in enumerate(conflicts)]

    def _outvoted(self, suspect: ClaimKey, members: set[ClaimKey]) -> ClaimKey | None:
        """The suspect, if the claims against it have more articles on their side than it."""
        own = len(self.support(suspect)) + 1
        against = max((len(self.support(k)) + 1 for k in members - {suspect}), default=0)
        return suspect if against > own else None

    def _smallest(self, keys: list[ClaimKey], sets: list[set[ClaimKey]]) -> list[set[ClaimKey]]:
        """The least supported of the smallest hitting sets (several when they tie)."""
        if len(keys) > EXACT_LIMIT:
            return [self._greedy(sets)]
        for size in range(1, len(keys) + 1):
            hits = [set(c) for c in combinations(keys, size) if all(set(c) & s for s in sets)]
            if hits:
                weight = {id(h): sum(len(self.support(k)) for k in h) for h in hits}
                least = min(weight.values())
                return [h for h in hits if weight[id(h)] == least]
        return []

    def _greedy(self, sets: list[set[ClaimKey]]) -> set[ClaimKey]:
        chosen: set[ClaimKey] = set()
        left = [s for s in sets if s]
        while left:
            counts: dict[ClaimKey, int] = defaultdict(int)
            for s in left:
                for key in s:
                    counts[key] += 1
            key = min(counts, key=lambda k: (-counts[k], len(self.support(k)), k))
            chosen.add(key)
            left = [s for s in left if key not in s]
        return chosen

    def recheck(self, verdict: Verdict, misread: set[ClaimKey]) -> Verdict:
        """An undecided contradiction one of whose claims was read at a wrong article date."""
        keys = sorted(_keys(verdict.conflict) & misread)
        return Verdict(verdict.conflict, keys[0]) if len(keys) == 1 else verdict

    def blame(self, verdict: Verdict, dates: dict[str, ArticleDate]) -> Blame:
        conflict = verdict.conflict
        claims = [s for s in conflict.sources if s.claim is not None]
        if verdict.key is None:
            return self._undecided(claims)
        suspect = next(s for s in claims if s.claim_key == verdict.key)
        assert suspect.claim is not None
        dated = dates.get(verdict.key[0])
        if dated is not None and dated.misdated and verdict.key in _keys_of(dated.explained):
            assert dated.window is not None
            reason = (
                f"{dated.article.id} looks misdated (FC302): its claims fit publication "
                f"between {_day(dated.window.lo)} and {_day(dated.window.hi)}, "
                f"not {dated.article.published}"
            )
            return Blame(reason, suspect.claim, dated.article.id)
        blamed_article = verdict.key[0]
        others = [(k, s) for s in claims if (k := s.claim_key) and k != verdict.key]
        if not others:
            return Blame("no day of any calendar fits it", suspect.claim)
        weighed = [(len(self.support(k, blamed_article)), s.text, s) for k, s in others]
        count, _, best = max(weighed, key=lambda w: (w[0], w[1]))
        assert best.claim is not None
        reason = f"{best.claim.article.name} says {best.text}"
        if count:
            reason += f", and {count} other article{' agrees' if count == 1 else 's agree'}"
        return Blame(reason, suspect.claim)

    def _undecided(self, claims: list[Source]) -> Blame:
        if len(claims) == 2:
            sides = [len(self.support(s.claim_key)) + 1 for s in claims]  # type: ignore[arg-type]
            return Blame(
                f"cannot tell which is wrong: {_articles(sides[0])} against {_articles(sides[1])}"
            )
        return Blame(f"cannot tell which of these {len(claims)} claims is wrong")


def _keys(conflict: Conflict) -> set[ClaimKey]:
    return {s.claim_key for s in conflict.sources if s.claim is not None and s.claim_key}


def _keys_of(sources: Sequence[Source]) -> set[ClaimKey]:
    return {s.claim_key for s in sources if s.claim_key is not None}


def _groups(members: list[set[ClaimKey]]) -> list[list[int]]:
    """Contradictions linked by shared claims."""
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[ClaimKey, int] = {}
    for i, keys in enumerate(members):
        for key in keys:
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(members)):
        groups[find(i)].append(i)
    return list(groups.values())


def _articles(count: int) -> str:
    return f"{count} article{'s' * (count != 1)}"


def _overlap(a: tuple[int | None, ...], b: tuple[int | None, ...]) -> bool:
    lo = max((d for d in (a[0], b[0]) if d is not None), default=None)
    hi = min((d for d in (a[1], b[1]) if d is not None), default=None)
    return lo is None or hi is None or lo <= hi


def _day(day: int | None) -> str:
    return "…" if day is None else day_str(day)
