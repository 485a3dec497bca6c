"""The rules table: every kind of finding factcheck reports, with its stable code.

Each rule's ``doc`` is its user documentation (``factcheck rules`` prints it). An ordering rule
(``earlier`` and ``later`` set) is domain knowledge the engine adds as constraints: the ``earlier``
event of some people happens on or before each ``later`` event of the same people (a person's
event is linked to every couple event that person is part of). Adding a domain rule is one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    earlier: str | None = None
    later: tuple[str, ...] = ()


def _order(code: str, name: str, earlier: str, later: tuple[str, ...], doc: str) -> Rule:
    return Rule(code, name, "error", doc, earlier, later)


RULES: tuple[Rule, ...] = (
    Rule(
        "FC101",
        "conflicting-claims",
        "error",
        "Claims put an event in windows that do not overlap: a birth date and an age that implies "
        "another birth year, two different meeting years, a span of marriage that does not fit "
        "the wedding date. Imprecise dates compare as ranges, so only claims that no calendar "
        "could satisfy together are reported.",
    ),
    _order(
        "FC201",
        "wedding-after-meeting",
        "met",
        ("married",),
        "A couple marries on or after the day they met.",
    ),
    _order(
        "FC202",
        "separation-after-wedding",
        "married",
        ("separated",),
        "A couple separates on or after their wedding.",
    ),
    _order(
        "FC203",
        "divorce-after-wedding",
        "married",
        ("divorced",),
        "A couple divorces on or after their wedding.",
    ),
    _order(
        "FC204",
        "divorce-after-separation",
        "separated",
        ("divorced",),
        "A couple that separated did so on or before their divorce.",
    ),
    _order(
        "FC205",
        "born-first",
        "born",
        ("met", "married", "separated", "divorced"),
        "Nothing happens to a person before their birth. Ages and spans of years are never "
        "negative either: a negative value is rejected as bad input.",
    ),
    Rule(
        "FC301",
        "undated-article",
        "warning",
        "The article has no publication date. Its claims in the present tense (no as_of) hold on "
        "its unknown publication day; the warning states the window of dates they allow, so that "
        "the article can be dated.",
    ),
    Rule(
        "FC302",
        "article-date-mismatch",
        "warning",
        "The article's stated date lies outside the window of dates its own claims allow, given "
        "the rest of the corpus: its claims in the present tense fit another time (an interview "
        "republished under a later date, a wrong date on the page). The finding states the "
        "window and the claims that pin each end; findings that blame its claims are explained "
        "by it.",
    ),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
CONFLICT = RULES_BY_CODE["FC101"]
UNDATED = RULES_BY_CODE["FC301"]
MISDATED = RULES_BY_CODE["FC302"]
ORDER_RULES: tuple[Rule, ...] = tuple(rule for rule in RULES if rule.earlier)
