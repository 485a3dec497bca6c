"""Findings: what a run reports, as plain records.

A finding's identity is what it disputes, never how it was proven. A contradiction's is the
claims it disputes (article id, claim id and what the value means): the likely wrong claim
alone, or every claim of a dispute factcheck cannot decide. Which surviving claims a proof sets
against it, and which rule (FC101 or an order rule) the proof goes through, may change as
articles are added, so neither is part of it. A finding about an article as a whole is
identified by its rule and the article's id. The fingerprint derives from that alone, never
from wording, files, lines or order; the message and the claims' locations are presentation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.blame import Blame, Notice, Verdict
from factcheck.constraints import Source
from factcheck.dates import DayInterval, day_str, iso, parse_date
from factcheck.lengths import parse_length
from factcheck.model import Article, Claim, Location
from factcheck.paths import Step
from factcheck.spellings import fold
from factcheck.values import AS_OF, may_be_present_tense, read_count
from factcheck.vocabulary import CONFLICT, MISDATED, UNDATED, Rule, Severity, active

if TYPE_CHECKING:  # dating is the analysis: a report read from the cache needs none of it
    from factcheck.dating import ArticleDate


@dataclass(frozen=True, slots=True)
class Evidence:
    """A claim a finding rests on, with what it implies in the finding's arithmetic."""

    claim: Claim
    implies: str


@dataclass(frozen=True, slots=True)
class Finding:
    rule: Rule
    evidence: tuple[Evidence, ...]
    fingerprint: str
    message: str
    subject: str | None = None
    article: str | None = None
    steps: tuple[str, ...] = ()  # the arithmetic, one constraint a line
    people: tuple[str, ...] = ()  # everyone the evidence is about, by canonical name
    window: DayInterval | None = None  # for an undated article: when it can have appeared
    level: Severity | None = None  # the configured severity, where it overrides the rule's
    likely_wrong: Blame | None = None  # which claim is likely wrong, and why
    proof: tuple[Step, ...] = ()  # the constraints that cannot all hold, in cycle order
    where: Location | None = None  # about an article: its [article] table, shown without claims
    disputed: tuple[Claim, ...] = ()  # what it disputes: its identity (see the module's docs)
    against: tuple[Claim, ...] = ()  # the claims that agree against the claim it names
    said: dict[str, object] = field(default_factory=dict)  # what its claims say, by ref
    legacy: str | None = None  # its fingerprint as versions before 0.2 made it
    ends_in: str | None = None  # the impossibility, where the proof is neither cycle nor window

    @property
    def severity(self) -> Severity:
        return self.level or self.rule.severity

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(e.claim for e in self.evidence)


@dataclass(frozen=True, slots=True)
class Dating:
    """An article's stated date and the window of dates its own claims allow, as reported."""

    article: str
    stated: DayInterval | None
    earliest: int | None  # None: unbounded, or no claim depends on the article's date
    latest: int | None
    pinned_by: tuple[str, ...]  # the claims (``article#claim``) that pin either end
    misdated: bool

    @classmethod
    def of(cls, dated: ArticleDate) -> Dating:
        window = dated.window
        if window is None:
            return cls(dated.article.id, dated.stated, None, None, (), dated.misdated)
        pins = tuple(sorted({s.claim.ref for s in (*window.lo_by, *window.hi_by) if s.claim}))
        return cls(dated.article.id, dated.stated, window.lo, window.hi, pins, dated.misdated)


def normalised(value: object) -> object:
    """A claim value in a canonical JSON form, for identities and reports."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in sorted(value.items())}
    return value


def meaning(claim: Claim) -> object:
    """A claim's value as what it means, so that "June 14, 2011" and 2011-06-14 are one value."""
    value = claim.value
    kind = active().predicates[claim.predicate].kind
    if claim.after is None and kind == "date":
        if isinstance(value, dict):
            return {k: v if v == AS_OF else iso(parse_date(v)) for k, v in sorted(value.items())}
        return iso(parse_date(value))
    if kind == "length":  # "5 ft 3 in" and 5'3": one height
        length = parse_length(value)
        return [length.lo, length.hi]
    if kind == "place":
        return [fold(part) for part in str(value).split(",") if part.strip()]
    if kind == "count":
        return list(read_count(value))
    return normalised(value)


Parties = dict[tuple[str, str], tuple[str, str | None]]  # (article, claim): subject, object


def said(claim: Claim, parties: Parties) -> dict[str, object]:
    """All that a claim says, as what it means: its people (by canonical name), predicate and
    value, when it held, the event it counts from, and, for a claim in the present tense, the
    date of its article. Respelling a date or naming someone by an alias changes none of it."""
    subject, other = parties.get((claim.article.id, claim.id), (claim.subject, claim.object))
    found: dict[str, object] = {
        "predicate": claim.predicate,
        "subject": subject,
        "value": meaning(claim),
    }
    if other is not None:
        found["object"] = other
    if claim.as_of is not None:
        found["as_of"] = iso(parse_date(claim.as_of))
    if claim.after is not None:
        after = claim.after
        found["after"] = [after.predicate, after.subject, after.object]
    if may_be_present_tense(claim):
        published = claim.article.published
        found["published"] = None if published is None else iso(parse_date(published))
    return found


def fingerprint(
    rule: Rule,
    claims: tuple[Claim, ...],
    article: str | None = None,
    parties: Parties | None = None,
) -> str:
    """The identity of a finding: its rule, its article (for one about an article as a whole)
    and what its claims say (see :func:`said`). Without ``parties``, the identity that earlier
    versions gave, from each claim's value alone: baselines written by them match by it."""
    if parties is None:
        identity: list[list[object]] = sorted([c.article.id, c.id, meaning(c)] for c in claims)
    else:
        ordered = sorted(claims, key=lambda c: (c.article.id, c.id))
        identity = [[c.article.id, c.id, said(c, parties)] for c in ordered]
    payload = json.dumps([rule.code, article, identity], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _published_key(article: Article) -> str:
    published = article.published
    if isinstance(published, dt.date):
        return published.isoformat()
    return "" if published is None else str(published)


def _order(claim: Claim) -> tuple[str, str, str]:
    return (_published_key(claim.article), claim.article.id, claim.id)


def _evidence(sources: tuple[Source, ...], first: Source | None = None) -> tuple[Evidence, ...]:
    """The claims among ``sources``, in date order (``first`` leads)."""
    # A claim that makes two constraints of a proof (an age, and that its subject was alive
    # then) is cited once, saying both.
    said: dict[Claim, list[str]] = {}
    for source in sources:
        if source.claim is not None:
            said.setdefault(source.claim, []).append(source.text)
    evidence = [Evidence(claim, ", and ".join(texts)) for claim, texts in said.items()]
    evidence.sort(key=lambda e: _order(e.claim))
    if first is not None:
        evidence.sort(key=lambda e: e.claim is not first.claim)
    return tuple(evidence)


def _cited(source: Source | Evidence) -> str:
    """A constraint in words, naming the article a claim comes from."""
    if isinstance(source, Evidence):
        return f"{source.claim.article.name} says {source.implies}"
    return _cited(Evidence(source.claim, source.text)) if source.claim else source.text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def from_verdict(verdict: Verdict, parties: Parties) -> Finding:
    conflict, blame = verdict.conflict, verdict.blame
    sources = conflict.sources
    rules = [s.rule for s in sources if s.rule is not None]
    rule = min(rules, key=lambda r: r.code) if rules else CONFLICT
    # The likely wrong claim, where one is named, reads first. The message says what the proof
    # says; a dispute's other claims are shown beside it.
    first = next((s for s in sources if blame.claim and s.claim is blame.claim), None)
    proven = _evidence(sources, first)
    evidence = _evidence((*sources, *verdict.also), first)
    claims = tuple(e.claim for e in evidence)
    named = [parties[(c.article.id, c.id)] for c in claims]
    people = tuple(sorted({who for pair in named for who in pair if who is not None}))
    if len(proven) == 1 and not rules:
        message = f"{_cited(proven[0])}: no day of any calendar fits that"
    elif len(sources) == 2 and not rules:
        message = f"{_cited(proven[0])}; but {_cited(proven[1])}"
    else:
        words = [_cited(e) for e in proven] + [s.text for s in sources if s.claim is None]
        message = "; ".join(words) + ": " + (verdict.ends or "these cannot all hold")
        if conflict.slack is not None:
            message += f", by {_plural(conflict.slack, 'day')} or more"
    # One person, or else the subject of the claim that reads first.
    subject = people[0] if len(people) == 1 else named[0][0] if named else None
    steps = tuple(_cited(s) for s in sources)
    emptied = None if conflict.emptied is None else conflict.emptied[1]
    involved = {c.ref: c for c in (*claims, *verdict.disputed, *verdict.against)}
    return Finding(
        rule,
        evidence,
        fingerprint(CONFLICT, verdict.disputed, parties=parties),
        message,
        subject,
        None,
        steps,
        people,
        window=emptied,
        likely_wrong=blame,
        proof=conflict.steps,
        disputed=verdict.disputed,
        against=verdict.against,
        said={ref: said(c, parties) for ref, c in sorted(involved.items())},
        legacy=fingerprint(CONFLICT, verdict.disputed),
        ends_in=conflict.reason,
    )


def from_article_date(dated: ArticleDate, parties: Parties) -> Finding | None:
    """FC301 for an undated article, FC302 for one whose stated date its claims contradict."""
    article, window = dated.article, dated.window
    if dated.stated is None:
        rule = UNDATED
        if window is None or (window.lo is None and window.hi is None):
            message = f"{article.id} has no publication date, and no claim narrows it down"
        else:
            message = (
                f"{article.id} has no publication date; its claims fit publication "
                f"{_between(window.lo, window.hi)}"
            )
        if dated.left_out:
            refs = ", ".join(s.claim.ref for s in dated.left_out if s.claim is not None)
            message += f" (left out as disputed: {refs})"
    elif dated.misdated:
        assert window is not None
        rule = MISDATED
        message = (
            f"{article.id} says it was published {article.published}, but its claims fit "
            f"publication {_between(window.lo, window.hi)}"
        )
        lost = [s.claim.ref for s in dated.left_out if s.claim is not None]
        if lost:
            verb = "fits" if len(lost) == 1 else "fit"
            message += f" (but for {', '.join(lost)}, which {verb} no date with them)"
    else:
        return None
    pins = () if window is None else (*window.lo_by, *window.hi_by)
    explained = dated.explained if rule is MISDATED else ()
    sources = tuple(dict.fromkeys((*pins, *explained)))
    evidence = _evidence(sources)
    steps = tuple(_cited(s) for s in sources)
    # About the article as a whole: its identity is the article, not the claims that happen to
    # pin its window today, so that a baseline accepting it does not churn as claims are added.
    identity = fingerprint(rule, (), article.id)
    dates = None if window is None else DayInterval(window.lo, window.hi)
    where = article.location
    disputed = tuple(s.claim for s in explained if s.claim is not None)
    involved = {c.ref: c for c in (*(e.claim for e in evidence), *disputed)}
    return Finding(
        rule,
        evidence,
        identity,
        message,
        None,
        article.id,
        steps,
        window=dates,
        where=where,
        disputed=disputed,
        said={ref: said(c, parties) for ref, c in sorted(involved.items())},
        legacy=identity,
    )


def from_notice(notice: Notice, parties: Parties) -> Finding:
    """A finding that blames no claim (a count above the children known, places that cannot be
    related): identified by its rule and its claims."""
    evidence = tuple(Evidence(claim, text) for claim, text in notice.said)
    named = [parties[(c.article.id, c.id)] for c in notice.claims]
    people = tuple(sorted({who for pair in named for who in pair if who is not None}))
    return Finding(
        notice.rule,
        evidence,
        fingerprint(notice.rule, notice.claims, parties=parties),
        notice.message,
        people[0] if people else None,
        None,
        tuple(_cited(e) for e in evidence),
        people,
        disputed=notice.claims,
        said={c.ref: said(c, parties) for c in notice.claims},
        legacy=fingerprint(notice.rule, notice.claims),
        ends_in=notice.ends or None,
    )


def _between(lo: int | None, hi: int | None) -> str:
    """ "between 2014-05-01 and 2014-08-01", or "on" the one day."""
    first, last = _end(lo), _end(hi)
    return f"between {first} and {last}" if first != last else f"on {first}"


def _end(day: int | None) -> str:
    return "…" if day is None else day_str(day)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(
        findings,
        key=lambda f: (f.people or ("\uffff",), order[f.severity], f.rule.code, f.fingerprint),
    )
