"""factcheck's own rules: part of the built-in vocabulary (:mod:`factcheck.vocabulary`), kept
in a module of their own for their length. Each has a stable code, a name, a severity, what it
checks, why it holds, a kind and its parameters; each has example corpora in
``examples/CODE/`` and a page in ``docs/rules/CODE.md``, made from them.

FC1xx: claims that put one event in windows that do not overlap; FC2xx: events out of order;
FC3xx: an article's date; FC4xx: facts that are not dates (children, places, heights).
"""

from __future__ import annotations

from factcheck.terms import EVERY, Rule


def _order(code: str, name: str, earlier: str, later: str, doc: str, why: str = "") -> Rule:
    return Rule(code, name, "error", doc, "order", (earlier,), (later,), why=why)


RULES = (
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
        "FC401",
        "parent-older-than-child",
        "error",
        "A parent is born some years before their child: at least 12, unless the configuration "
        "sets another least. The child is the object of a child claim, the parent its subject.",
        "gap",
        ("born",),
        ("born",),
        least=12,
        via="child",
        why=(
            "A child listed as born when the parent was nine is a wrong birth year, a wrong "
            "parent (often a grandparent, or a namesake), or a child claim the wrong way round."
        ),
    ),
    Rule(
        "FC402",
        "born-by-parent-death",
        "error",
        "A child is born no later than 10 months after a parent's death. Without both dates "
        "exact, 10 months counts as the longest 10 months of the calendar (306 days), so that "
        "no real calendar is excluded.",
        "gap",
        ("died",),
        ("born",),
        most=10 / 12,
        via="child",
        why=(
            "A posthumous birth comes within a pregnancy of the death; a child born years after "
            "a parent died shows a wrong date of death or birth, or a wrong parent."
        ),
    ),
    Rule(
        "FC403",
        "children-never-fewer",
        "error",
        "A number of children as of one day is no higher than the number as of a later day. "
        "Children are counted, never taken away: the rule ignores a child's death.",
        "monotone",
        predicates=("children",),
        why=(
            'A "mother of two" in 2019 who is a "mother of one" in 2021 shows a wrong count or '
            "a wrong date; articles that count only living children say so in their words, "
            "and their claims should be read that way."
        ),
    ),
    Rule(
        "FC404",
        "fewer-children-than-known",
        "error",
        "A number of children as of a day is no lower than the number of the subject's known "
        "children (objects of their child claims) certainly born by then.",
        "undercount",
        later=("born",),
        predicates=("children",),
        via="child",
        why=(
            "If the corpus knows three children born by 2020, an article that gives two in "
            "2020 has a wrong count, or one of the children is misdated or not theirs."
        ),
    ),
    Rule(
        "FC405",
        "more-children-than-known",
        "warning",
        "A number of children as of a day is higher than the number of the subject's known "
        "children who could have been born by then: there may be a child the corpus does not "
        "know. Checked for subjects with at least one child claim.",
        "overcount",
        later=("born",),
        predicates=("children",),
        via="child",
        why=(
            "The corpus may lack a child (add a child claim), a count may be wrong, or a known "
            "child's birth may be dated too late; the warning names the children and when each "
            "was born."
        ),
    ),
    Rule(
        "FC406",
        "birthplaces-apart",
        "error",
        "A person is born in one place: two birthplaces, both known places where neither "
        "contains the other (or within known places that are apart), cannot both be right.",
        "place",
        predicates=("birthplace",),
        why=(
            '"Born in Jerusalem" and "born in Tel Aviv" cannot both hold; "born in Jerusalem" '
            'and "born in Israel" can, when [[places]] says Jerusalem is within Israel.'
        ),
    ),
    Rule(
        "FC407",
        "birthplace-unrelated",
        "warning",
        "Two birthplaces of a person that factcheck cannot relate, because a place is not in "
        "[[places]]: they may be the same place, one within the other, or apart.",
        "place-unrelated",
        predicates=("birthplace",),
        why=(
            "Adding the place, with the place that contains it, lets factcheck tell whether the "
            "articles agree; this is a gap in the places, never a contradiction."
        ),
    ),
    Rule(
        "FC408",
        "heights-apart",
        "error",
        "Two heights of an adult whose ranges cannot overlap. A height is as precise as it is "
        "written; heights as of a day before the subject's 18th birthday (least years after "
        "their birth, when it is known) are not compared.",
        "length",
        ("born",),
        predicates=("height",),
        least=18,
        why=(
            '"5 ft 3 in" (158.7-161.3 cm) and "170 cm" cannot be the same adult; a child\'s '
            "height as of another day can differ from an adult's, so it is not compared."
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
)
