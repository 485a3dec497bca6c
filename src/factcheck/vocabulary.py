"""What factcheck knows about people's lives, as data: the events, the predicates claims use, and
the rules that findings are reported under. Everything else derives from it: the constraints
the engine solves, the timeline's labels and order, the extractor's dated events, the JSON
Schema, ``factcheck rules`` and the rules' pages.

- An **event** happens to one person (a birth), a couple (a wedding) or an article (its
  publication), with a noun and a verb for messages and timelines, and its usual place in a life.
- A **predicate** bounds one event: with a date, or with a number of years since it (an age
  counts from the subject's birth).
- A **rule** has a stable code, a name, a severity, its documentation and a kind: *conflict*
  (claims that put one event in windows that do not overlap), *order* (an earlier event of some
  people happens on or before a later event of the same people), *gap* (at least, or at most,
  some years between an earlier event and a later one of the same people), *alive* (a claim
  that holds as of a day says its subject was alive that day: on or before the rule's later
  event, their death) or *article* (findings about an article as a whole).

Order rules link events through the people they share: a person's event with each couple event
the person is part of, a couple's event with the same couple's, a person's with the same
person's. ``("*",)`` as the earlier or the later events stands for every event of the people
but the other side's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from factcheck.terms import (
    EVERY,
    Event,
    Parties,
    Predicate,
    PredicateKind,
    Rule,
    RuleKind,
    Severity,
    Vocabulary,
)

__all__ = [
    "BUILTIN",
    "CONFLICT",
    "EVERY",
    "MISDATED",
    "UNDATED",
    "Event",
    "Parties",
    "Predicate",
    "PredicateKind",
    "Rule",
    "RuleKind",
    "Severity",
    "Vocabulary",
    "active",
    "using",
]


def _order(code: str, name: str, earlier: str, later: str, doc: str, why: str = "") -> Rule:
    return Rule(code, name, "error", doc, "order", (earlier,), (later,), why=why)


BUILTIN = Vocabulary(
    events={
        e.name: e
        for e in (
            Event("born", "birth", "born", "person", 0),
            # "meeting" only as in "after meeting in 2009" (the extractor checks): not "a meeting"
            Event(
                "met",
                "meeting",
                "met",
                "couple",
                1,
                r"(?:(?i:first|initially|originally)\s+)?met(?!\s+(?i:with|up)\b)|meeting",
            ),
            Event(
                "engaged",
                "engagement",
                "engaged to",
                "couple",
                2,
                r"(?i:got\s+engaged|became\s+engaged|were\s+engaged|engaged)(?!\s+(?i:for)\b)",
            ),
            Event(
                "married",
                "wedding",
                "married",
                "couple",
                3,
                r"(?i:tied\s+the\s+knot|got\s+married|were\s+married|was\s+married"
                r"|(?:been\s+)?married|were\s+wed|got\s+hitched|exchanged\s+vows|wed)"
                r"(?!\s+(?i:for)\b)",
            ),
            Event(
                "separated",
                "separation",
                "separated from",
                "couple",
                4,
                r"(?i:separated|split(?:\s+up)?|broke\s+up|parted\s+ways|called\s+it\s+quits)",
            ),
            Event(
                "divorced",
                "divorce",
                "divorced",
                "couple",
                5,
                r"(?i:divorced|finali[sz]ed\s+(?:their|the)\s+divorce)",
            ),
            Event("died", "death", "died", "person", 8),
            Event("published", "publication", "published", "article", 9),
        )
    },
    predicates={
        p.name: p
        for p in (
            Predicate("born", "date", "born", False, "the subject's date of birth"),
            Predicate("age", "years", "born", False, "the subject's age in years as of as_of"),
            Predicate("died", "date", "died", False, "the subject's date of death"),
            Predicate("met", "date", "met", True, "when subject and object first met"),
            Predicate("engaged", "date", "engaged", True, "when subject and object got engaged"),
            Predicate("married", "date", "married", True, "when subject and object married"),
            Predicate("separated", "date", "separated", True, "when subject and object separated"),
            Predicate("divorced", "date", "divorced", True, "when subject and object divorced"),
            Predicate(
                "married_for",
                "years",
                "married",
                True,
                "years subject and object had been married",
            ),
        )
    },
    rules=(
        Rule(
            "FC101",
            "conflicting-claims",
            "error",
            "Claims put an event in windows that do not overlap: a birth date and an age that "
            "implies another birth year, two different meeting years, a span of marriage that "
            "does not fit the wedding date. Imprecise dates compare as ranges, so only claims "
            "that no calendar could satisfy together are reported.",
            why=(
                "Two claims about the same event that no calendar reconciles cannot both be "
                "right: an article misreports a date, an age or a span. Windows of days are "
                'compared, not the numbers as written, so "June 2009" and "2009", or an age of '
                "11 just before and just after a birthday, are never reported."
            ),
        ),
        _order(
            "FC201",
            "wedding-after-meeting",
            "met",
            "married",
            "A couple marries on or after the day they met.",
            why=(
                "Nobody marries someone they have not met yet: a wedding dated before the "
                "meeting means one of the two dates is wrong, often a year of dating read as "
                "the year they met."
            ),
        ),
        _order(
            "FC202",
            "separation-after-wedding",
            "married",
            "separated",
            "A couple separates on or after their wedding.",
            why=(
                "A couple separates from a marriage that has begun: a separation dated before "
                "the wedding means one of the two dates is wrong."
            ),
        ),
        _order(
            "FC203",
            "divorce-after-wedding",
            "married",
            "divorced",
            "A couple divorces on or after their wedding.",
            why=(
                "A divorce ends a marriage, so it cannot come before the wedding: one of the "
                "two dates is wrong."
            ),
        ),
        _order(
            "FC204",
            "divorce-after-separation",
            "separated",
            "divorced",
            "A couple that separated did so on or before their divorce.",
            why=(
                "Where articles report both, the separation comes first and the divorce ends "
                "it: a separation dated after the divorce is usually the divorce's "
                "announcement, or a wrong year."
            ),
        ),
        Rule(
            "FC205",
            "born-first",
            "error",
            "Nothing happens to a person before their birth. Ages and spans of years are never "
            "negative either: a negative value is rejected as bad input.",
            "order",
            ("born",),
            (EVERY,),
            why=(
                "A life starts at birth: a meeting, a wedding or an age that puts an event "
                "before the birth shows a wrong birth date or a wrong date of the event."
            ),
        ),
        _order(
            "FC206",
            "engagement-after-meeting",
            "met",
            "engaged",
            "A couple gets engaged on or after the day they met.",
            why=(
                "People get engaged to someone they have met: an engagement dated before the "
                "meeting means one of the two dates is wrong."
            ),
        ),
        _order(
            "FC207",
            "wedding-after-engagement",
            "engaged",
            "married",
            "A couple that got engaged did so on or before their wedding.",
            why=(
                "Couples get engaged, then marry: an engagement dated after the wedding is "
                "usually a wrong year, or a renewal of vows reported as an engagement."
            ),
        ),
        Rule(
            "FC208",
            "nothing-after-death",
            "error",
            "Nothing happens to a person after their death. Nobody meets, gets engaged, marries, "
            "separates or divorces after their own death: every event of a person, and of each "
            "couple they are part of, is on or before their death.",
            "order",
            (EVERY,),
            ("died",),
            why=(
                "After a death nothing new happens to the person: a meeting, an engagement or a "
                "wedding dated after it means that date, or the date of death, is wrong."
            ),
        ),
        Rule(
            "FC209",
            "alive-when-aged",
            "error",
            "An age is reported of the living: a claim that someone is N years old as of a day "
            "says they were alive that day, so they died on or after it. An age at death is "
            'said with the death itself: died, value 85, after their birth ("died aged 85").',
            "alive",
            (),
            ("died",),
            ("age",),
            why=(
                "An age in the present tense is said of the living: an article that calls "
                "someone 70 after they died at 64 is misdated, or one of the claims is wrong."
            ),
        ),
        Rule(
            "FC301",
            "undated-article",
            "warning",
            "The article has no publication date. Its claims in the present tense (no as_of) "
            "hold on its unknown publication day; the warning states the window of dates they "
            "allow, so that the article can be dated.",
            "article",
            why=(
                'Claims in the present tense ("is 11", "are divorced") hold on the day an '
                "article appeared; without its date they cannot be checked. The window its "
                "claims allow tells an editor when it was written, and lets them date it."
            ),
        ),
        Rule(
            "FC302",
            "article-date-mismatch",
            "warning",
            "The article's stated date lies outside the window of dates its own claims allow, "
            "given the rest of the corpus: its claims in the present tense fit another time (an "
            "interview republished under a later date, a wrong date on the page). The finding "
            "states the window and the claims that pin each end; findings that blame its claims "
            "are explained by it.",
            "article",
            why=(
                "A republished interview, or a wrong date on a page, makes every claim in the "
                "present tense look wrong at once; the window the article's own claims allow "
                "shows that the date is the problem, not the claims."
            ),
        ),
    ),
)

CONFLICT = BUILTIN.rules_by_code["FC101"]
UNDATED = BUILTIN.rules_by_code["FC301"]
MISDATED = BUILTIN.rules_by_code["FC302"]


_ACTIVE = [BUILTIN]


def active() -> Vocabulary:
    """The vocabulary in force: the configuration's (built-in and user-defined) during a check,
    else the built-in one. A check runs under one vocabulary from start to end, so the stages
    read it here rather than each being handed it."""
    return _ACTIVE[-1]


@contextmanager
def using(vocabulary: Vocabulary) -> Iterator[None]:
    """Put ``vocabulary`` in force for the ``with`` block."""
    _ACTIVE.append(vocabulary)
    try:
        yield
    finally:
        _ACTIVE.pop()
