"""Relations dated by something other than a date: an age ("she was 18 when they met", "At
the age of 24, Paltrow was engaged to Pitt"), another event ("officially divorcing three
years later"), or a stretch of years ("married from 1978 to 1987", "dated from 1994 to 1997").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.extract.datephrases import SHADOW_DATE as DATE
from factcheck.extract.numbers import NUMBER, ORDINAL, parse_number, parse_ordinal, years_value
from factcheck.extract.parties import AUX_WORDS
from factcheck.extract.raw import RawClaim, Value
from factcheck.extract.relations import DATED, Relations

_LATER = re.compile(
    rf"\s+(?P<n>{NUMBER}|(?i:a|an))\s+(?P<unit>(?i:years?|months?))\s+(?i:later|afterwards)\b"
)
# Any couple's event, each in a group named after it.
_ANY_EVENT = "|".join(f"(?P<{name}>{phrases})" for name, phrases in DATED.items())
_EVENT_WORD = re.compile(_ANY_EVENT)


class Spans(Relations):
    """Finds relations dated by ages, by other events and by stretches of years."""

    def ages_at_events(self) -> Iterator[RawClaim]:
        """A couple's event dated by someone's age: "she was 18 when they met", "they wed in
        a chapel when he was 25": the event that many years after that person's birth."""
        age = (
            rf"(?P<who>{self.ref})\s+(?i:was)\s+(?:(?i:just|only|barely)\s+)?(?P<age>{NUMBER})"
            r"(?:\s+(?i:years?\s+old))?"
        )
        # "On Garner's 33rd birthday, Ben proposed to her"
        birthday = (
            rf"(?i:on)\s+(?P<who>{self.ref})['\u2019]s?\s+(?P<age>{ORDINAL})\s+(?i:birthday),\s+"
        )
        # "At the age of 24, Paltrow was engaged to Brad Pitt"
        opening = (
            rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?i:at)\s+(?:(?i:the\s+)?(?i:age)\s+(?i:of)\s+)?"
            rf"(?P<age>{NUMBER}),\s+(?P<who>{self.ref})\s+"
        )
        # One pattern for all events (compiling one per event cost a tenth of a second).
        verb = _ANY_EVENT
        before = rf"{age}\s+(?i:when|as)\s+(?P<lead>[^.;!?]{{0,60}}?)(?P<verb>{verb})(?![\w-])"
        after = rf"(?<![\w-])(?P<verb>{verb})(?![\w-])[^.;!?]{{0,60}}?\s(?i:when)\s+{age}"
        on = rf"{birthday}(?P<lead>[^.;!?]{{0,60}}?)(?<![\w-])(?P<verb>{verb})(?![\w-])"
        at = rf"{opening}(?:(?:{AUX_WORDS})\s+)*(?P<verb>{verb})(?![\w-])"
        for match in self.each((before, after, on, at)):
            yield from self._at_age(match, next(e for e in DATED if match.group(e)))

    def _at_age(self, match: re.Match[str], predicate: str) -> Iterator[RawClaim]:
        count = parse_number(match.group("age")) or parse_ordinal(match.group("age"))
        who = self.who(match, "who")
        if count is None or count > 120 or who is None:
            return
        # The other party is named after the verb: up to "when", or to the sentence's end.
        sentence = self.layout.sentence_at(match.start("verb"))
        end = match.start("who") if match.start("who") > match.end("verb") else None
        if end is None:
            end = sentence.end if sentence is not None else match.end("verb")
        parties = self.parties(match.start("verb"), (match.end("verb"), end))
        if parties is None:
            return
        subject, other = parties
        years = years_value(count)
        yield RawClaim(
            predicate,
            match.start(),
            match.end(),
            years,
            subject,
            other,
            after=("born", who),
            relation=True,
        )

    def later(self) -> Iterator[RawClaim]:
        """An event counted from the one before it in its sentence: "split in 2015 after 10
        years of marriage, officially divorcing three years later"."""
        pattern = rf"(?<![\w-])(?P<verb>{_ANY_EVENT})(?![\w-])(?={_LATER.pattern})"
        for match in re.finditer(pattern, self.text):
            later = _LATER.match(self.text, match.end())
            sentence = self.layout.sentence_at(match.start())
            if later is None or sentence is None:
                continue
            predicate = next(e for e in DATED if match.group(e))
            earlier = list(_EVENT_WORD.finditer(self.text, sentence.start, match.start()))
            years = _span(later.group("n"), later.group("unit"))
            parties = self.parties(match.start("verb"), (later.end(), later.end()))
            if not earlier or years is None or parties is None:
                continue
            event = earlier[-1].lastgroup or predicate
            subject, other = parties
            yield RawClaim(
                predicate,
                match.start(),
                later.end(),
                years,
                subject,
                other,
                after=(event, subject),
                relation=True,
            )

    def spans(self) -> Iterator[RawClaim]:
        """A marriage from one date to another: "married from 1978 to 1987" (a wedding and a
        divorce; not when a death ended it)."""
        yield from self._dated_spans()
        pattern = (
            rf"(?<![\w-])(?P<verb>(?i:married|wed))(?:\s+(?i:to))?\s+(?i:from|between)\s+"
            rf"(?P<date>{DATE})\s+"
            rf"(?i:to|until|till|and|through|[-\u2013])\s+(?P<end>{DATE})"
            r"(?!\s*,?\s*(?i:when|with)\s+(?:\w+\s+){0,2}(?i:death|died))"
        )
        for match in re.finditer(pattern, self.text):
            parties = self.parties(match.start("verb"), (match.end(), match.end()))
            begun, ended = (
                self.dates.value(self.written(match, "date")),
                self.dates.value(self.written(match, "end")),
            )
            if parties is None or begun is None or ended is None:
                continue
            subject, other = parties
            for predicate, value in (("married", begun), ("divorced", ended)):
                yield RawClaim(
                    predicate, match.start(), match.end(), value, subject, other, relation=True
                )

    def _dated_spans(self) -> Iterator[RawClaim]:
        """ "who she dated from 1994 to 1997": met by the first year, parted in the last."""
        pattern = (
            rf"(?<![\w-])(?P<verb>(?i:dated|were\s+together))(?:\s+{self.ref})?\s+"
            r"(?i:from|between)\s+"
            rf"(?P<date>{DATE})\s+(?i:to|until|till|and|through|[-\u2013])\s+(?P<end>{DATE})"
        )
        for match in re.finditer(pattern, self.text):
            parties = self.parties(match.start("verb"), (match.end("verb"), match.end()))
            begun = self.dates.value(self.written(match, "date"))
            ended = self.dates.value(self.written(match, "end"))
            if parties is None or begun is None or ended is None:
                continue
            subject, other = parties
            values: tuple[tuple[str, Value], ...] = (("met", {"max": begun}), ("separated", ended))
            for predicate, value in values:
                yield RawClaim(
                    predicate, match.start(), match.end(), value, subject, other, relation=True
                )


def _span(count: str, unit: str) -> int | float | dict[str, int | float | str] | None:
    """ "three years" is 3; "two months" the years of two to three months."""
    number = 1.0 if count.lower() in ("a", "an") else parse_number(count)
    if number is None:
        return None
    if unit.lower().startswith("month"):
        lo, hi = number / 12, (number + 1) / 12
        return {"min": round(lo - 0.005, 2), "max": round(hi + 0.005, 2)}
    return years_value(number)
