"""The claim patterns: regular expressions over the article's text for ages, births and deaths,
on top of the relation patterns of :mod:`factcheck.extract.relations`.

Each pattern reads a value and says who it is about, as the text says it (a name, a pronoun, a
role, an unnamed child); :mod:`factcheck.extract.draft` resolves those to entities. A pattern
that cannot read its value (an age over 120, a date without a year) yields nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from factcheck.extract.datephrases import SHADOW_DATE as DATE
from factcheck.extract.datephrases import SHADOW_ON as ON
from factcheck.extract.datephrases import interval
from factcheck.extract.mentions import KIN_GENDER
from factcheck.extract.numbers import NUMBER, ORDINAL, parse_number, parse_ordinal, years_value
from factcheck.extract.parties import BORN
from factcheck.extract.raw import Child, RawClaim, Value, Who
from factcheck.extract.traits import PLACE_NAME, Traits

MAX_AGE = 120
# What may follow an age: the end of a clause, or a word that starts the next part of it.
_AGE_END = (
    r"(?=[ \t]*(?:[,;:)\].!?—\u2013\n]|$)"
    r"|\s+(?i:and|but|who|when|while|told|tells|says|said|is|was|has|had|are|were|shares"
    r"|today|now|this|at|in|on)\b)"
)
_YEARS_OLD = r"[- ](?P<unit>(?i:years?|yrs?|months?))[- ](?i:old)"
_DIED = r"(?i:died|passed\s+away|was\s+killed)"
# What a death's clause says of it, up to the clause's end: its date and the age at death.
_CLAUSE = re.compile(r"[^.;!?\n]{0,120}")
_DIED_ON = re.compile(rf"(?<![\w-]){ON}(?P<date>{DATE})")
_DIED_AGED = re.compile(
    rf"(?<![\w-])(?i:aged|at\s+the\s+age\s+of|at\s+age|at)\s+(?P<n>{NUMBER})(?![\w-])"
    r"(?!\s*(?i:a\.?m\b|p\.?m\b|o'clock|:|hours|in\s+the\s+morning))"  # "at 3 p.m."
)
# "John Roe, 85, died": an age at death, read with the death, not an age at the time of writing.
_DYING = re.compile(rf",?\s+(?:(?i:who)\s+)?(?:(?i:had|has)\s+)?{_DIED}(?![\w-])")
# The words of a plain description of a newborn: "their first child, son", "a baby girl".
_WORD = re.compile(r"[\w'\u2019]+|—|\u2013")
_AT_ANOTHER_TIME = re.compile(r"\s*,?\s*(?i:when|while|at\s+the\s+time|back\s+then|before|after)\b")
_DATE_RE = re.compile(DATE)
_BIRTH_WORDS = re.compile(r"(?i:born|birth|welcom|deliver|b\.|\(\d{4})")
_DEATH_WORDS = re.compile(r"(?i:died|death|passed\s+away|killed|\(\d{4})")
_COUPLE_WORDS = re.compile(
    r"(?i:met\b|meet|engag|marr|wed|knot|split|separat|divorc|vows|aisle|question|propos"
    r"|dat(?:ed|ing)|hitched|parted|broke|quits|anniversar|husband|wife|spouse|partner"
    r"|together|later|afterwards)"
)
_FAMILY_WORDS = re.compile(
    r"(?i:son|daughter|child|kid|boy|girl|twin|baby|mother|father|mom|dad|mum|parent|born"
    r"|welcom|birth)"
)
_TRAIT_WORDS = re.compile(r"(?i:born|native|hails|tall|stand|height|ft|feet|foot|cm|metre|meter)")
_LEADING_DATE = re.compile(rf"(?:(?i:and|but)\s+)?(?i:in|on|by|back\s+in)\s+(?P<date>{DATE}),")
_AGED_THEN = re.compile(
    rf"(?i:she|he)\s+(?i:was)\s+(?:(?i:just|only)\s+)?(?P<n>{NUMBER})"
    r"(?:\s+(?i:years?\s+old))?[.!]?"
)
_AGE_IN_ROLE = re.compile(r"\b(\d{1,3})-year-old\b", re.I)
_OTHER_EVENT = re.compile(
    r"(?<![\w-])(?:met|married|wed|divorced|separated|split|engaged|tied\s+the\s+knot)(?![\w-])",
    re.I,
)
_AFTER_WORD = re.compile(r"(?i:after|before|since|following)\s+$")
_CHILD_WORD = re.compile(
    r"(?i:their|her|his|a|an|the|first|second|third|fourth|fifth|eldest|oldest|youngest|only"
    r"|baby|son|daughter|child|boy|girl|twins|named|little|healthy|new|newborn|beautiful|and"
    r"|together|home)|—|\u2013"
)


class Finder(Traits):
    """Finds every claim the patterns read in a text."""

    def claims(self) -> list[RawClaim]:
        families = (
            (None, self.ages),
            (_BIRTH_WORDS, self.births),
            (_DEATH_WORDS, self.deaths),
            (_COUPLE_WORDS, self.dated_relations),
            (_COUPLE_WORDS, self.present_relations),
            (_COUPLE_WORDS, self.spans),
            (_COUPLE_WORDS, self.ages_at_events),
            (_COUPLE_WORDS, self.later),
            (_COUPLE_WORDS, self.durations),
            (_FAMILY_WORDS, self.kinship),
            (_TRAIT_WORDS, self.traits),
        )
        found: list[RawClaim] = []
        for words, finder in families:
            # A family of patterns whose words the text never uses is not even compiled:
            # compiling is most of the time an article takes.
            if words is None or words.search(self.text):
                found += finder()
        return sorted(found, key=lambda c: (c.start, c.end))

    # -- ages ---------------------------------------------------------------------------

    def ages(self) -> Iterator[RawClaim]:
        ref, names, number = self.party, self.names, NUMBER
        named_forms = (
            # "Aleph, 11", "the choreographer, 42"
            rf"(?P<who>{ref}),\s+(?P<age>{number}){_AGE_END}",
            rf"(?P<who>{ref}),?\s+(?:(?i:aged)|\((?i:aged?))\s+(?P<age>{number})",  # "aged 12"
            rf"(?P<who>{ref})\s+\((?P<age>{number})\)",  # "Amalia (6)"
            # "son Aleph is seven", "Portman, who turned 38", "Aleph turned 8 in 2019"
            rf"(?P<who>{ref})(?:,\s+who)?\s+(?P<verb>(?i:is|was|turned|turns|has\s+turned"
            rf"|just\s+turned))"
            rf"\s+(?:(?i:just|only|now|already)\s+)?(?P<age>{number})"
            rf"(?:\s+(?i:years?|yrs?)(?:\s+(?i:old|of\s+age))?)?"
            rf"(?:\s+(?i:in|on)\s+(?P<when>{DATE}))?{_AGE_END}",
            # "little Amalia just one and a half"
            rf"(?P<who>{ref}),?\s+(?i:just|only|now)\s+(?P<age>{number})"
            rf"(?:\s+(?i:years?)(?:\s+(?i:old))?)?{_AGE_END}",
            # "then-3-year-old Levi": as of the date its sentence gives
            rf"(?<![\w-])(?P<then>(?i:then)[- ])(?P<age>{number}){_YEARS_OLD}\s+(?P<who>{names})",
            # "12-year-old son Aleph", "the 42-year-old Millepied"
            rf"(?<![\w-])(?P<age>{number}){_YEARS_OLD}\s+(?:[a-z]+\s+){{0,2}}?(?P<who>{names})",
            # "Brooklyn, their four months old son"
            rf"(?P<who>{ref}),\s+(?i:their|her|his)\s+(?P<age>{number}){_YEARS_OLD}\s+"
            r"(?i:son|daughter|boy|girl|baby|child)\b",
            # "At 52, Portman is ...": a sentence that opens with an age, said in the present
            rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?i:at)\s+(?P<age>{number}),\s+(?P<who>{ref})\s+"
            r"(?=(?i:is|has|says|looks|remains|shows|feels|still|continues)\b)",
            # "Portman, a 38-year-old actress"
            rf"(?P<who>{ref}),\s+(?i:a|an|the)\s+(?P<age>{number}){_YEARS_OLD}\b",
        )
        for match in self.each(named_forms):
            claim = self._named_age(match)
            if claim is not None:
                yield claim
        # "the 38-year-old actress": an age inside a role phrase
        for mention in self.mentions.items:
            inside = _AGE_IN_ROLE.search(mention.text) if mention.kind == "role" else None
            value = _age(inside.group(1)) if inside else None
            if value is not None:
                yield RawClaim("age", mention.start, mention.end, value, Who(mention=mention))
        # "her 9th birthday", "Aleph's 12th birthday": that age, when it was celebrated
        # (not "On Garner's 33rd birthday, Ben proposed": a day in the past; see spans)
        birthday = (
            r"(?<![\w-])(?i:celebrates|celebrating|marks|marking|rings\s+in|ringing\s+in)\s+"
            rf"(?:(?P<who>{ref})['\u2019]s?|(?P<poss>\b(?i:her|his)))\s+(?P<n>{ORDINAL})\s+"
            r"(?i:birthday)\b"
        )
        for match in re.finditer(birthday, self.text):
            years = parse_ordinal(match.group("n"))
            whose = self.who(match, "who" if match.group("who") else "poss")
            if years is not None and years <= MAX_AGE and whose is not None:
                yield RawClaim("age", match.start(), match.end(), years, whose)
        # "my 10-year-old", "her 12-year-old son": a child the sentence does not name
        unnamed = (
            rf"\b(?i:my|her|his|their|our)\s+(?P<age>{number}){_YEARS_OLD}"
            r"(?:\s+(?P<kin>(?i:son|daughter|boy|girl|child|kid)))?(?![\w-])"
        )
        for match in re.finditer(unnamed, self.text):
            value = _age(match.group("age"), match.group("unit"))
            if value is None or self._named_next(match.end()):
                continue  # "her 12-year-old son Aleph" is read above, with his name
            kin = (match.group("kin") or "").lower()
            child = Child(match.start(), KIN_GENDER.get(kin))
            yield RawClaim("age", match.start(), match.end(), value, Who(child=child))

    # -- births -------------------------------------------------------------------------

    def births(self) -> Iterator[RawClaim]:
        ref, names = self.ref, self.names
        direct = (
            # "Aleph was born in June 2011", "Malti, was born via surrogate on January 15, 2022"
            # "Son Livingston (named after ...) was born Dec. 28, 2012", "born in London in
            # March 1999", "born in Chernivtsi, Ukraine, on August 14, 1983"
            rf"(?P<who>{ref})(?:\s*\([^()]{{0,200}}\))?(?:,\s+who|,)?\s+{BORN}\s+"
            rf"(?:(?i:in)\s+{PLACE_NAME},?\s+|{names}\s+)?(?:[a-z]+\s+){{0,3}}?{ON}?"
            rf"(?P<date>{DATE})",
            rf"(?P<who>{names})\s*\((?i:born|b\.)\s+{ON}?(?P<date>{DATE})\)",
            # "became parents in December 2005 when their daughter Violet was born"
            rf"\b(?i:in|on)\s+(?P<date>{DATE})\s+(?i:when)\s+[^.;!?]{{0,40}}?(?P<who>{ref})\s+"
            rf"{BORN}(?=\s*[.,;!?]|\s+(?i:and|in|at)\b)",
        )
        for match in self.each(direct):
            who = self.who(match, "who")
            value = self.dates.value(self.written(match, "date"))
            if who is not None and value is not None:
                yield RawClaim("born", match.start(), match.end(), value, who)
        # "On December 1, 2005, their first daughter Violet was born."
        for match in re.finditer(rf"(?P<who>{ref})\s+{BORN}(?=\s*[.;!?])", self.text):
            who, value = self.who(match, "who"), self._leading(match)
            if who is not None and value is not None:
                yield RawClaim("born", match.start(), match.end(), value, who)
        verb = r"(?i:welcomed|gave\s+birth\s+to|delivered)"
        desc = r"(?P<desc>(?:[\w'\u2019-]+,?\s+|[—\u2013]\s+){1,7}?)"
        forms = (
            # "welcomed their first child, son Aleph, on June 14, 2011"
            rf"\b(?P<verb>{verb})\s+{desc}{ON}(?P<date>{DATE})",
            # "On Feb. 22, 2017, the actress gave birth to her second child — a baby girl."
            rf"\b(?i:on|in)\s+(?P<date>{DATE}),\s+[^.;!?]{{0,80}}?\b(?P<verb>{verb})\s+"
            r"(?P<desc>[^.;!?]{1,60}?)(?=\s*(?:[.;!?,]|$))",
        )
        for pattern in forms:
            for match in re.finditer(pattern, self.text):
                verb_start = match.start("verb")
                if _AFTER_WORD.search(self.text, max(0, verb_start - 25), verb_start):
                    continue  # "a year after welcoming their son": the other event's date
                if _OTHER_EVENT.search(self.text, match.end("date"), verb_start):
                    continue  # "In 1988, he married Wilson, and they welcomed son Chet"
                value = self.dates.value(self.written(match, "date"))
                if value is None:
                    continue
                yield from self._born(match, value)

    def _named_age(self, match: re.Match[str]) -> RawClaim | None:
        who = self.who(match, "who")
        value = _age(match.group("age"), match.groupdict().get("unit"))
        if who is None or value is None or _bracketed(self.text, match.start("age")):
            return None
        if _DYING.match(self.text, match.end()):
            return None  # "John Roe, 85, died": an age at death (see deaths)
        when = match.groupdict().get("when")
        as_of = self.dates.value(self.written(match, "when")) if when else self._leading(match)
        if match.groupdict().get("then") and as_of is None:
            return None  # "then-3-year-old Levi", in a sentence that gives no date
        past = (match.groupdict().get("verb") or "").lower() == "was"
        if past and _AT_ANOTHER_TIME.match(self.text, match.end()):
            return None  # "Apollo was only five when we got together": not dated here
        return RawClaim("age", match.start(), match.end(), value, who, as_of=as_of, needs_time=past)

    def _leading(self, match: re.Match[str]) -> str | None:
        """The date a sentence opens with, for the ages it states: "In 2009, 12-year-old
        Hailey was introduced to Justin"."""
        sentence = self.layout.sentence_at(match.start())
        if sentence is None:
            return None
        found = _LEADING_DATE.match(self.text, sentence.start, match.start())
        return self.dates.value(self.written(found, "date")) if found else None

    def _born(self, match: re.Match[str], value: str) -> Iterator[RawClaim]:
        start, end = match.start("desc"), match.end("desc")
        named = [m for m in self.mentions.between(start, end) if m.kind == "name"]
        words = [
            w.group(0)
            for w in _WORD.finditer(self.text, start, end)
            if not any(m.start <= w.start() < m.end for m in named)
        ]
        if not all(_CHILD_WORD.fullmatch(w) for w in words):
            return  # not a plain description of a child: "welcomed guests ... in 2012"
        if named:
            for mention in named:
                yield RawClaim("born", match.start(), match.end(), value, Who(mention=mention))
            return
        genders = {KIN_GENDER[w.lower()] for w in words if w.lower() in KIN_GENDER}
        if not any(w.lower() in ("son", "daughter", "child", "boy", "girl", "baby") for w in words):
            return
        gender = genders.pop() if len(genders) == 1 else None
        child = Child(match.start("desc"), gender, interval(value))
        yield RawClaim("born", match.start(), match.end(), value, Who(child=child))

    # -- deaths -------------------------------------------------------------------------

    def deaths(self) -> Iterator[RawClaim]:
        """A death's date, and the age at death: "Prince died on April 21, 2016", "Bowie, who
        died in January 2016", "died aged 96 in 2015", "died in 2015 at the age of 96", "John
        Roe, 85, died on March 2, 2020" (an age at death is a death that many years after the
        birth)."""
        aged_before = rf"(?:,\s+(?P<before>{NUMBER}),)?"
        lead = (
            rf"(?P<who>{self.ref}){aged_before}(?:,\s+who|,)?\s+(?:(?i:had|has)\s+)?"
            rf"(?P<verb>{_DIED})(?![\w-])"
        )
        for match in re.finditer(lead, self.text):
            who = self.who(match, "who")
            if who is None:
                continue
            clause = _CLAUSE.match(self.text, match.end())
            end = clause.end() if clause else match.end()
            dated = _within(_DIED_ON, self.text, match.end(), end)
            value = self.dates.value(self.written(dated, "date")) if dated else None
            if dated is not None and value is not None:
                yield RawClaim("died", match.start(), dated.end(), value, who)
            aged = _within(_DIED_AGED, self.text, match.end(), end) or self._aged_next(end)
            count = parse_number(aged.group("n") if aged else match.group("before") or "")
            if count is not None and count <= MAX_AGE:
                years = years_value(count)
                stop = aged.end() if aged else match.end()
                yield RawClaim("died", match.start(), stop, years, who, after=("born", who))
        yield from self._lives()

    def _aged_next(self, position: int) -> re.Match[str] | None:
        """ "... died on March 12, 2002. She was 49 years old.": the sentence right after."""
        sentence = self.layout.sentence_at(position) or self.layout.sentence_at(position - 1)
        if sentence is None or sentence.index + 1 >= len(self.layout.sentences):
            return None
        following = self.layout.sentences[sentence.index + 1]
        found = _AGED_THEN.match(self.text, following.start, following.end)
        return found if found is not None and found.end() >= following.end - 1 else None

    def _lives(self) -> Iterator[RawClaim]:
        """ "John Roe (1930-2015)": born and died; "John Roe's death in 2015", "after Roe's
        death on March 2, 2020": died."""
        names = self.names
        span = (
            rf"(?P<who>{names})\s*\((?P<born>\d{{4}}|{DATE})\s*[-\u2013]\s*"
            rf"(?P<died>\d{{4}}|{DATE})\)"
        )
        for match in re.finditer(span, self.text):
            who = self.who(match, "who")
            born, died = self.written(match, "born"), self.written(match, "died")
            if who is not None and born.isdigit() and died.isdigit() and born < died:
                yield RawClaim("born", match.start(), match.end(), born, who)
                yield RawClaim("died", match.start(), match.end(), died, who)
        death = rf"(?P<who>{names})['\u2019]s?\s+death\s+{ON}(?P<date>{DATE})"
        for match in re.finditer(death, self.text):
            who, value = self.who(match, "who"), self.dates.value(self.written(match, "date"))
            if who is not None and value is not None:
                yield RawClaim("died", match.start(), match.end(), value, who)


def _within(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The first match that starts between ``start`` and ``end`` (it may look, and reach, past
    ``end``: "at 3" is a time in "at 3 p.m.", whose clause seems to end at "p.")."""
    found = pattern.search(text, start)
    return found if found is not None and found.start() < end else None


def _age(text: str, unit: str | None = None) -> Value | None:
    """An age in years; "4-month-old" is the years of the fifth month of life."""
    number = parse_number(text)
    if number is None or number > MAX_AGE:
        return None
    if unit is not None and unit.lower().startswith("month"):
        if number >= 24 or number != int(number):
            return None
        lo, hi = number / 12, (number + 1) / 12  # rounded outwards to hundredths
        return {"min": math.floor(lo * 100) / 100, "max": math.ceil(hi * 100) / 100}
    return years_value(number)


def _bracketed(text: str, position: int) -> bool:
    """An editor's insertion ("[now 11]") is not the speaker's claim."""
    opened = text.rfind("[", max(0, position - 20), position)
    return opened != -1 and text.find("]", opened) > position and "\n" not in text[opened:position]
