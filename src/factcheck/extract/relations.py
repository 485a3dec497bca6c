"""The relation patterns: when a couple met, got engaged, married, separated or divorced, how
long they have been married, and what is true of them at the time of writing ("are divorced").

A couple's events and how articles say them come from the vocabulary (each event's
``phrases``); a date is read after the verb ("met in 2009") or leading its sentence ("In 2012,
they wed"), and a count of years right after it ("one year after welcoming their son") becomes a
second claim about the same event.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.dates import parse_years, starts_within
from factcheck.extract.datephrases import SHADOW_DATE as DATE
from factcheck.extract.datephrases import SHADOW_FULL as FULL_DATE
from factcheck.extract.datephrases import SHADOW_RELATIVE as RELATIVE
from factcheck.extract.datephrases import Dates, interval
from factcheck.extract.mentions import KIN_GENDER, Mentions
from factcheck.extract.numbers import (
    DURATION,
    NUMBER,
    ORDINAL,
    parse_duration,
    parse_number,
    parse_ordinal,
    years_value,
)
from factcheck.extract.parties import SPOUSE, People
from factcheck.extract.raw import Child, RawClaim, Who
from factcheck.extract.segments import Layout
from factcheck.vocabulary import BUILTIN

AS_OF = "as_of"
_MEETING_AFTER = re.compile(r"(?i:after|before|since|upon|following)\s+$")
_DATING = r"(?i:(?:has|have|had)\s+been\s+dating|began\s+dating|started\s+dating|dating)"
# A couple's events, and how articles say they happened, from the vocabulary.
DATED = {
    name: event.phrases
    for name, event in BUILTIN.events.items()
    if event.parties == "couple" and event.phrases
}
# "are officially divorced", "have decided to separate": true by the time of writing.
_NOW = {
    "separated": (
        r"(?i:(?:have|has)\s+(?:officially\s+|now\s+)?(?:decided\s+to\s+)?"
        r"(?:separated?|split(?:\s+up)?|parted\s+ways|part\s+ways)"
        r"|(?:are|is)\s+(?:now\s+|officially\s+)?(?:separated|separating|splitting(?:\s+up)?)"
        r"|decided\s+to\s+(?:separate|split(?:\s+up)?|part\s+ways)|part\s+ways)"
    ),
    "divorced": (
        r"(?i:(?:are|is)\s+(?:now\s+|officially\s+|legally\s+)*divorced"
        r"|(?:have|has)\s+(?:officially\s+|now\s+)?divorced)"
    ),
}
_NOW_END = r"(?=\s*(?:[,.;:!?)—\u2013\n]|$)|\s+(?i:following|after|amid|from\s+each\s+other)\b)"
_RELATION_WORDS = re.compile(
    r"\b(?:met|meet|married|marry|wed|divorced?|separated?|split|dating|engaged|"
    r"welcomed|born)\b",
    re.I,
)
_DATE_RE = re.compile(DATE)
_OPENING = re.compile(r"(?:(?i:and|but|then|so)\s+)?")
# "In 2005, after dating for about a year, Ben and Garner tied the knot": the aside's event
# does not take the leading date.
_ASIDE = re.compile(r"^(?i:after|before|following|since|while)\b[^,]*,\s*")


class Relations(People):
    """Finds the relations of a couple in a text."""

    def __init__(
        self, text: str, layout: Layout, mentions: Mentions, names: str, dates: Dates, source: str
    ) -> None:
        super().__init__(text, layout, mentions, names, dates, source)
        self.years_after = re.compile(
            rf",?\s+(?P<n>{NUMBER}|(?i:an?))\s+(?i:years?)\s+(?i:after)\s+"
            rf"(?:(?i:welcoming|the\s+birth\s+of|giving\s+birth\s+to|having)\s+"
            rf"(?:(?P<who>{names})|(?i:their|her|his)\s+(?:(?i:first|second|third|only)\s+)?"
            rf"(?P<kin>(?i:son|daughter|child|baby)))"
            rf"|(?P<met>(?i:meeting|they\s+met|they\s+first\s+met|first\s+meeting))"
            rf"|(?P<wed>(?i:they\s+(?:wed|married|got\s+married|tied\s+the\s+knot)"
            rf"|their\s+wedding|marrying|getting\s+married|tying\s+the\s+knot)))"
        )

    def dated_relations(self) -> Iterator[RawClaim]:
        tail = r"(?P<tail>(?:\s+[^\s.;!?,]+){0,12}?)"
        # "tied the knot in 2012", "on June 9, 2012", "last week"; a full date needs none:
        # "tying the knot June 9, 2012".
        preposition = rf"(?:\s+(?i:in|on|back\s+in|since|during)\s+|\s+(?={RELATIVE}|{FULL_DATE}))"
        verbs = {**DATED, "dating": _DATING}
        for predicate, verb in verbs.items():
            # "met on the set of Black Swan in 2009"
            after = rf"(?<![\w-])(?P<verb>{verb})(?![\w-]){tail}{preposition}(?P<date>{DATE})"
            # "In December 2012, Winslet tied the knot with Edward Abel Smith"
            before = (
                rf"(?:\b(?i:in|on)\s+|(?<![\w-]))(?P<date>{DATE})[,:]\s+"
                rf"(?P<lead>[^.;!?]{{0,80}}?)"
                rf"(?<![\w-])(?P<verb>{verb})(?![\w-])(?P<tail>[^.;!?,]{{0,60}})"
            )
            for pattern in (after, before):
                for match in re.finditer(pattern, self.text):
                    yield from self._dated(match, predicate)

    def _dated(self, match: re.Match[str], predicate: str) -> Iterator[RawClaim]:
        sentence = self.layout.sentence_at(match.start())
        if "lead" in match.groupdict() and (
            sentence is None or not _OPENING.fullmatch(self.text, sentence.start, match.start())
        ):
            return  # a date leads only at the start of its sentence: "(And) in 2012, they wed"
        lead = _ASIDE.sub("", match.groupdict().get("lead") or "")
        between = match.group("tail") + lead
        if _RELATION_WORDS.search(between) or _DATE_RE.search(match.group("tail")):
            return  # the date belongs to another event
        verb = match.group("verb")
        before = self.text[max(0, match.start("verb") - 12) : match.start("verb")]
        if verb.lower() == "meeting" and not _MEETING_AFTER.search(before):
            return
        if predicate == "dating" and "since" not in match.group(0).lower():
            return
        value = self.dates.value(self.written(match, "date"))
        parties = self.parties(match.start("verb"), match.span("tail"))
        if value is None or parties is None:
            return
        name = "met" if predicate == "dating" else predicate
        subject, other = parties
        yield RawClaim(name, match.start(), match.end(), value, subject, other, relation=True)
        after = self._after(match, name, value, subject, other)
        if after is not None:
            yield after

    def _after(
        self,
        event_match: re.Match[str],
        predicate: str,
        date: str,
        subject: Who,
        other: Who | None,
    ) -> RawClaim | None:
        """The same event counted in years from another, right after its date: "tied the knot
        in 2012, one year after welcoming their son" (a birth, a meeting or a wedding)."""
        match = self.years_after.match(self.text, event_match.end())
        if match is None:
            return None
        count = 1.0 if match.group("n").lower() in ("a", "an") else parse_number(match.group("n"))
        if count is None:
            return None
        years = years_value(count)
        if match.group("met"):
            event: tuple[str, Who] = ("met", subject)
        elif match.group("wed"):
            event = ("married", subject)
        elif match.group("who"):
            named = self.who(match, "who")
            if named is None:
                return None
            event = ("born", named)
        else:
            kin = match.group("kin").lower()
            # Married in 2012, a year after the birth: the child was born in 2010-2011.
            day = interval(date)
            born = starts_within(day, parse_years(years)) if day is not None else None
            event = ("born", Who(child=Child(match.start("kin"), KIN_GENDER.get(kin), born)))
        # Quoted with the event it counts to: "tied the knot in 2012, one year after ...".
        return RawClaim(
            predicate,
            event_match.start(),
            match.end(),
            years,
            subject,
            other,
            after=event,
            relation=True,
        )

    def present_relations(self) -> Iterator[RawClaim]:
        for predicate, verb in _NOW.items():
            pattern = rf"(?<![\w-])(?P<verb>{verb})(?![\w-]){_NOW_END}"
            for match in re.finditer(pattern, self.text):
                parties = self.parties(match.start("verb"), (match.end(), match.end()))
                if parties is None:
                    continue
                subject, other = parties
                yield RawClaim(
                    predicate,
                    match.start(),
                    match.end(),
                    {"max": AS_OF},
                    subject,
                    other,
                    relation=True,
                )

    def durations(self) -> Iterator[RawClaim]:
        names = self.names
        # "her husband of 11 years, director and choreographer Benjamin Millepied"
        spouse = (
            rf"(?P<poss>\b(?i:her|his)|{names}['\u2019]s)\s+{SPOUSE}\s+of\s+{DURATION}"
            rf"(?:,\s+(?:(?:[a-z][\w-]*|and)\s+){{0,4}}(?P<who>{names}))?"
        )
        for match in re.finditer(spouse, self.text):
            value = _duration(match)
            owner_end = match.end("poss") - (
                2 if match.group("poss")[-2:] in ("'s", "\u2019s") else 0
            )
            owner = self.mentions.at(match.start("poss"), owner_end)
            if value is None or owner is None:
                continue
            # Without a name after it, the spouse is the owner's partner (see draft.py).
            other = self.who(match, "who") if match.group("who") else None
            yield RawClaim(
                "married_for",
                match.start(),
                match.end(),
                value,
                Who(mention=owner),
                other,
                relation=True,
            )
        # "their 24th wedding anniversary", "Hanks and Wilson's 35th anniversary"
        anniversary = (
            rf"(?:(?P<g>(?i:their))|(?P<a>{names})(?:['\u2019]s?)?\s+(?i:and)\s+(?P<b>{names})"
            rf"|(?P<one>{names}))['\u2019]?s?\s+(?P<n>{ORDINAL})\s+"
            r"(?:(?i:wedding|marriage)\s+)?(?i:anniversary)\b"
        )
        for match in re.finditer(anniversary, self.text):
            years = parse_ordinal(match.group("n"))
            if years is None or years > 80:
                continue
            group = next(g for g in ("g", "a", "one") if match.group(g))
            subject = self.who(match, group)
            other = self.who(match, "b") if match.group("b") else None
            if subject is not None and (group != "a" or other is not None):
                yield RawClaim(
                    "married_for", match.start(), match.end(), years, subject, other, relation=True
                )
        # "following 11 years of marriage", "their 11-year marriage"
        of_marriage = (
            rf"{DURATION}\s+(?i:of\s+(?:their\s+)?marriage)"
            rf"|(?P<n>{NUMBER})-year\s+(?i:marriage)"
        )
        for match in re.finditer(of_marriage, self.text):
            if match.group("n"):
                number = parse_number(match.group("n"))
                value = None if number is None else years_value(number)
            else:
                value = _duration(match)
            if value is None:
                continue
            yield RawClaim(
                "married_for",
                match.start(),
                match.end(),
                value,
                Who(sentence_pair=match.start()),
                relation=True,
            )
        # "have been married for 11 years", "has been married to Millepied for 11 years"
        married_for = (
            rf"(?<![\w-])(?P<verb>(?i:(?:been\s+)?married))"
            rf"(?:\s+(?i:to)\s+(?P<to>{self.party}))?\s+(?i:for)\s+{DURATION}"
        )
        for match in re.finditer(married_for, self.text):
            value = _duration(match)
            to = match.span("to") if match.group("to") else (match.end(), match.end())
            parties = self.parties(match.start("verb"), to)
            if value is None or parties is None:
                continue
            subject, other = parties
            yield RawClaim(
                "married_for", match.start(), match.end(), value, subject, other, relation=True
            )


def _duration(match: re.Match[str]) -> int | float | dict[str, int | float | str] | None:
    value = parse_duration(match.group("qualifier"), match.group("count"), match.group("unit"))
    return dict(value) if isinstance(value, dict) else value
