"""The claim patterns: regular expressions over the article's text for ages, births, meetings,
weddings, separations, divorces and marriage durations.

Each pattern reads a value and says who it is about, as the text says it (a name, a pronoun, a
role, an unnamed child); :mod:`factcheck.extract.draft` resolves those to entities. A pattern
that cannot read its value (an age over 120, a date without a year) yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.dates import parse_years, starts_within
from factcheck.extract.datephrases import DATE, date_value, interval
from factcheck.extract.mentions import FEMALE, MALE, Mention, Mentions, ref_pattern
from factcheck.extract.numbers import DURATION, NUMBER, parse_duration, parse_number, years_value
from factcheck.extract.raw import Child, RawClaim, Who
from factcheck.extract.segments import Layout
from factcheck.vocabulary import BUILTIN

MAX_AGE = 120
AS_OF = "as_of"
_KIN_GENDER = {"son": MALE, "boy": MALE, "daughter": FEMALE, "girl": FEMALE}
# What may follow an age: the end of a clause, or a word that starts the next part of it.
_AGE_END = (
    r"(?=[ \t]*(?:[,;:)\].!?—\u2013\n]|$)"
    r"|\s+(?i:and|but|who|when|while|told|tells|says|said|is|was|has|had|are|were|shares"
    r"|today|now|this|at|in|on)\b)"
)
_YEARS_OLD = r"[- ](?i:years?|yrs?)[- ](?i:old)"
_SPOUSE = r"(?i:husband|wife|spouse|partner)"
# Words between a subject and its verb: "have been", "first", "officially", ", who".
_AUX = (
    r"(?i:have|has|had|were|was|are|is|been|be|got|finally|first|initially|originally"
    r"|officially|reportedly|secretly|quietly|later|then|also|once|subsequently|eventually"
    r"|now|legally|both|recently|decided\s+to|went\s+on\s+to|who|would)"
)
_MEETING_AFTER = re.compile(r"(?i:after|before|since|upon|following)\s+$")
_DATING = r"(?i:(?:has|have|had)\s+been\s+dating|began\s+dating|started\s+dating|dating)"
# A couple's events, and how articles say they happened, from the vocabulary.
_DATED = {
    name: event.phrases
    for name, event in BUILTIN.events.items()
    if event.parties == "couple" and event.phrases
}
_DIED = r"(?i:died|passed\s+away|was\s+killed)"
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
_SPOUSE_PHRASE = re.compile(rf"(?i:her|his)\s+{_SPOUSE}")
# Asides between a subject and its verb, blanked out so that the subject is found:
# "Natalie Portman, 42, and Benjamin Millepied, 46, are ...", "X and Y, who met in 2009, wed".
_ASIDES = re.compile(rf",\s+{NUMBER},|,\s+(?i:who|which)\b[^,;]*,(?=\s*$)")
_ANY_RELATION = re.compile(
    r"(?<![\w-])(?:met|meeting|(?i:tied\s+the\s+knot|married|wed|split|separated|divorced"
    r"|dating|parted\s+ways|broke\s+up|engaged))(?![\w-])"
)
_NOW_END = r"(?=\s*(?:[,.;:!?)—\u2013\n]|$)|\s+(?i:following|after|amid|from\s+each\s+other)\b)"
_RELATION_WORDS = re.compile(
    r"\b(?:met|meet|married|marry|wed|divorced?|separated?|split|dating|engaged|"
    r"welcomed|born)\b",
    re.I,
)
# The words of a plain description of a newborn: "their first child, son", "a baby girl".
_WORD = re.compile(r"[\w'\u2019]+|—|\u2013")
_GAP = re.compile(r"[ \t,]*")
_AT_ANOTHER_TIME = re.compile(r"\s*,?\s*(?i:when|while|at\s+the\s+time|back\s+then|before|after)\b")
_DATE_RE = re.compile(DATE)
_AFTER_WORD = re.compile(r"(?i:after|before|since|following)\s+$")
_CHILD_WORD = re.compile(
    r"(?i:their|her|his|a|an|the|first|second|third|fourth|fifth|eldest|oldest|youngest|only"
    r"|baby|son|daughter|child|boy|girl|twins|named|little|healthy|new|newborn|beautiful|and"
    r"|together)|—|\u2013"
)


class Finder:
    def __init__(self, text: str, layout: Layout, mentions: Mentions, names: str) -> None:
        self.text = text
        self.layout = layout
        self.mentions = mentions
        self.names = names
        self.ref = ref_pattern(names)
        # A party: anyone a mention names, or "her husband" (her partner).
        self.party = rf"(?:(?i:her|his)\s+{_SPOUSE}(?![\w-])|{self.ref})"
        self.subject = re.compile(
            rf"(?:(?P<a>{self.party}),?\s+(?i:and)\s+(?:(?i:her|his)\s+{_SPOUSE},?\s+)?"
            rf"(?P<b>{self.party}),?"
            rf"|(?i:whom)\s+(?P<w>{self.party})"
            rf"|(?P<g>{self.party}),?)\s+(?:{_AUX}\s+)*$"
        )

        self.years_after = re.compile(
            rf",?\s+(?P<n>{NUMBER}|(?i:an?))\s+(?i:years?)\s+(?i:after)\s+"
            rf"(?:(?i:welcoming|the\s+birth\s+of|giving\s+birth\s+to|having)\s+"
            rf"(?:(?P<who>{names})|(?i:their|her|his)\s+(?:(?i:first|second|third|only)\s+)?"
            rf"(?P<kin>(?i:son|daughter|child|baby)))"
            rf"|(?P<met>(?i:meeting|they\s+met|they\s+first\s+met|first\s+meeting))"
            rf"|(?P<wed>(?i:they\s+(?:wed|married|got\s+married|tied\s+the\s+knot)"
            rf"|their\s+wedding|marrying|getting\s+married|tying\s+the\s+knot)))"
        )

    def claims(self) -> list[RawClaim]:
        found = [
            *self.ages(),
            *self.births(),
            *self.deaths(),
            *self.dated_relations(),
            *self.present_relations(),
            *self.durations(),
        ]
        return sorted(found, key=lambda c: (c.start, c.end))

    # -- people -------------------------------------------------------------------------

    def who(self, match: re.Match[str], group: str) -> Who | None:
        return self.who_at(match.start(group), match.end(group))

    def who_at(self, start: int, end: int) -> Who | None:
        """The person a pattern's group matched: a mention, or "her husband" (her partner)."""
        if _SPOUSE_PHRASE.fullmatch(self.text, start, end):
            owner = self.mentions.at(start)
            return Who(spouse_of=owner) if owner is not None else None
        mention = self.mentions.at(start, end)
        return Who(mention=mention) if mention is not None else None

    def parties(
        self, verb_start: int, tail: tuple[int, int], depth: int = 0
    ) -> tuple[Who, Who | None] | None:
        """The two people of a relation whose verb starts at ``verb_start``: "X and Y met",
        "whom she met", "the couple met", "X met Y" (Y in the tail after the verb), or the
        people of the relation it is coordinated with ("met in 2009 and married in 2012")."""
        sentence = self.layout.sentence_at(verb_start)
        if sentence is None:
            return None
        start = max(sentence.start, verb_start - 200)
        prefix = _ASIDES.sub(lambda m: " " * len(m.group(0)), self.text[start:verb_start])
        match = self.subject.search(prefix)
        if match is None:
            return self._shared_subject(sentence.start, verb_start, depth)

        def at(group: str) -> Who | None:
            return self.who_at(start + match.start(group), start + match.end(group))

        others = [m for m in self.mentions.between(*tail) if m.person]
        if match.group("a"):
            a, b = at("a"), at("b")
            # "Portman and Doe met Millepied": three people, not one relation of two.
            return (a, b) if a and b and not others else None
        if match.group("w"):
            speaker = at("w")
            before = [
                m
                for m in self.mentions.in_sentence(sentence.index)
                if m.end <= start + match.start() and m.person
            ]
            if speaker is None or not before:
                return None
            return speaker, Who(whom=before[-1])
        single = at("g")
        if single is None:
            return None
        if single.mention is not None and single.mention.kind == "group":
            if others:
                return None
            if single.mention.role is None:  # "X wed Y in 2003, and they split in 2010"
                return self._earlier_pair(sentence.start, single.mention.start, depth) or (
                    single,
                    None,
                )
            return single, None
        if not others:
            return None
        found = self.who_at(others[0].start, _spouse_end(self.text, others[0]))
        return (single, found) if found else None

    def _earlier_pair(
        self, sentence_start: int, position: int, depth: int
    ) -> tuple[Who, Who | None] | None:
        """The people of the last relation before ``position`` in its sentence, if any."""
        previous = list(_ANY_RELATION.finditer(self.text, sentence_start, position))
        if not previous or depth > 2:
            return None
        last = previous[-1]
        return self.parties(last.start(), (last.end(), position), depth + 1)

    def _shared_subject(
        self, sentence_start: int, verb_start: int, depth: int
    ) -> tuple[Who, Who | None] | None:
        """The people of the relation a verb is coordinated with, when nobody new comes between:
        "separated in 2023 and divorced in 2024", "married in 2012 after meeting in 2009"."""
        if depth > 2:
            return None
        previous = list(_ANY_RELATION.finditer(self.text, sentence_start, verb_start))
        if not previous:
            return None
        last = previous[-1]
        between = self.text[last.end() : verb_start]
        if not re.search(rf"(?:\band|\bafter|\bbefore|\bthen|\bbut|,)\s+(?:{_AUX}\s+)*$", between):
            return None
        people = [m for m in self.mentions.between(last.end(), verb_start) if m.person]
        if people:
            return None
        return self.parties(last.start(), (last.end(), verb_start), depth + 1)

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
            # "12-year-old son Aleph", "the 42-year-old Millepied"
            rf"(?<![\w-])(?P<age>{number}){_YEARS_OLD}\s+(?:[a-z]+\s+){{0,2}}?(?P<who>{names})",
            # "Portman, a 38-year-old actress"
            rf"(?P<who>{ref}),\s+(?i:a|an|the)\s+(?P<age>{number}){_YEARS_OLD}\b",
        )
        for pattern in named_forms:
            for match in re.finditer(pattern, self.text):
                who = self.who(match, "who")
                value = _age(match.group("age"))
                if who is None or value is None or _bracketed(self.text, match.start("age")):
                    continue
                when = match.groupdict().get("when")
                as_of = date_value(when) if when else None
                past = (match.groupdict().get("verb") or "").lower() == "was"
                if past and _AT_ANOTHER_TIME.match(self.text, match.end()):
                    continue  # "Apollo was only five when we got together": not dated here
                yield RawClaim(
                    "age", match.start(), match.end(), value, who, as_of=as_of, needs_time=past
                )
        # "my 10-year-old", "her 12-year-old son": a child the sentence does not name
        unnamed = (
            rf"\b(?i:my|her|his|their|our)\s+(?P<age>{number}){_YEARS_OLD}"
            r"(?:\s+(?P<kin>(?i:son|daughter|boy|girl|child|kid)))?(?![\w-])"
        )
        for match in re.finditer(unnamed, self.text):
            value = _age(match.group("age"))
            if value is None or self._named_next(match.end()):
                continue  # "her 12-year-old son Aleph" is read above, with his name
            kin = (match.group("kin") or "").lower()
            child = Child(match.start(), _KIN_GENDER.get(kin))
            yield RawClaim("age", match.start(), match.end(), value, Who(child=child))

    def _named_next(self, position: int) -> bool:
        gap = _GAP.match(self.text, position)
        mention = self.mentions.at(gap.end() if gap else position)
        return mention is not None and mention.kind == "name"

    # -- births -------------------------------------------------------------------------

    def births(self) -> Iterator[RawClaim]:
        ref, names = self.ref, self.names
        direct = (
            # "Aleph was born in June 2011", "Malti, was born via surrogate on January 15, 2022"
            rf"(?P<who>{ref})(?:,\s+who|,)?\s+(?i:was\s+born|born)\s+(?:[a-z]+\s+){{0,3}}?"
            rf"(?:(?i:on|in)\s+)?"
            rf"(?P<date>{DATE})",
            rf"(?P<who>{names})\s*\((?i:born|b\.)\s+(?:(?i:on|in)\s+)?(?P<date>{DATE})\)",
        )
        for pattern in direct:
            for match in re.finditer(pattern, self.text):
                who = self.who(match, "who")
                value = date_value(match.group("date"))
                if who is not None and value is not None:
                    yield RawClaim("born", match.start(), match.end(), value, who)
        verb = r"(?i:welcomed|gave\s+birth\s+to|delivered)"
        desc = r"(?P<desc>(?:[\w'\u2019-]+,?\s+|[—\u2013]\s+){1,7}?)"
        forms = (
            # "welcomed their first child, son Aleph, on June 14, 2011"
            rf"\b(?P<verb>{verb})\s+{desc}(?i:on|in)\s+(?P<date>{DATE})",
            # "On Feb. 22, 2017, the actress gave birth to her second child — a baby girl."
            rf"\b(?i:on|in)\s+(?P<date>{DATE}),\s+[^.;!?]{{0,80}}?\b(?P<verb>{verb})\s+"
            r"(?P<desc>[^.;!?]{1,60}?)(?=\s*(?:[.;!?,]|$))",
        )
        for pattern in forms:
            for match in re.finditer(pattern, self.text):
                verb_start = match.start("verb")
                if _AFTER_WORD.search(self.text, max(0, verb_start - 25), verb_start):
                    continue  # "a year after welcoming their son": the other event's date
                value = date_value(match.group("date"))
                if value is None:
                    continue
                yield from self._born(match, value)

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
        genders = {_KIN_GENDER[w.lower()] for w in words if w.lower() in _KIN_GENDER}
        if not any(w.lower() in ("son", "daughter", "child", "boy", "girl", "baby") for w in words):
            return
        gender = genders.pop() if len(genders) == 1 else None
        child = Child(match.start("desc"), gender, interval(value))
        yield RawClaim("born", match.start(), match.end(), value, Who(child=child))

    # -- deaths -------------------------------------------------------------------------

    def deaths(self) -> Iterator[RawClaim]:
        lead = rf"(?P<who>{self.ref})(?:,\s+who|,)?\s+(?:(?i:had|has)\s+)?(?P<verb>{_DIED})\s+"
        # "Prince died on April 21, 2016", "Bowie, who died in January 2016"
        dated = lead + rf"(?:[a-z]+\s+){{0,3}}?(?i:on|in)\s+(?P<date>{DATE})"
        for match in re.finditer(dated, self.text):
            who, value = self.who(match, "who"), date_value(match.group("date"))
            if who is not None and value is not None:
                yield RawClaim("died", match.start(), match.end(), value, who)
        # "died aged 96", "died at the age of 96": a death that many years after the birth
        aged = lead + rf"(?i:aged|at\s+the\s+age\s+of|at\s+age|at)\s+(?P<n>{NUMBER})(?![\w-])"
        for match in re.finditer(aged, self.text):
            who, count = self.who(match, "who"), parse_number(match.group("n"))
            if who is None or count is None or count > MAX_AGE:
                continue
            years = years_value(count)
            yield RawClaim("died", match.start(), match.end(), years, who, after=("born", who))

    # -- relations ----------------------------------------------------------------------

    def dated_relations(self) -> Iterator[RawClaim]:
        tail = r"(?P<tail>(?:\s+[^\s.;!?,]+){0,12}?)"
        preposition = r"\s+(?i:in|on|back\s+in|since|during)\s+"
        verbs = {**_DATED, "dating": _DATING}
        for predicate, verb in verbs.items():
            # "met on the set of Black Swan in 2009"
            after = rf"(?<![\w-])(?P<verb>{verb})(?![\w-]){tail}{preposition}(?P<date>{DATE})"
            # "In December 2012, Winslet tied the knot with Edward Abel Smith"
            before = (
                rf"\b(?i:in|on)\s+(?P<date>{DATE}),\s+(?P<lead>[^.;!?]{{0,80}}?)"
                rf"(?<![\w-])(?P<verb>{verb})(?![\w-])(?P<tail>[^.;!?,]{{0,60}})"
            )
            for pattern in (after, before):
                for match in re.finditer(pattern, self.text):
                    yield from self._dated(match, predicate)

    def _dated(self, match: re.Match[str], predicate: str) -> Iterator[RawClaim]:
        sentence = self.layout.sentence_at(match.start())
        if "lead" in match.groupdict() and (sentence is None or sentence.start != match.start()):
            return  # a date leads only at the start of its sentence: "In 2012, they wed"
        between = match.group("tail") + (match.groupdict().get("lead") or "")
        if _RELATION_WORDS.search(between) or _DATE_RE.search(match.group("tail")):
            return  # the date belongs to another event
        verb = match.group("verb")
        before = self.text[max(0, match.start("verb") - 12) : match.start("verb")]
        if verb.lower() == "meeting" and not _MEETING_AFTER.search(before):
            return
        if predicate == "dating" and "since" not in match.group(0).lower():
            return
        value = date_value(match.group("date"))
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
            event = ("born", Who(child=Child(match.start("kin"), _KIN_GENDER.get(kin), born)))
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
            rf"(?P<poss>\b(?i:her|his)|{names}['\u2019]s)\s+{_SPOUSE}\s+of\s+{DURATION}"
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


def _spouse_end(text: str, mention: Mention) -> int:
    """Where "her husband" ends, when the mention is the "her" of it; else the mention's end."""
    found = _SPOUSE_PHRASE.match(text, mention.start)
    return found.end() if found else mention.end


def _age(text: str) -> int | float | None:
    number = parse_number(text)
    if number is None or number > MAX_AGE:
        return None
    return years_value(number)


def _duration(match: re.Match[str]) -> int | float | dict[str, int | float | str] | None:
    value = parse_duration(match.group("qualifier"), match.group("count"), match.group("unit"))
    return dict(value) if isinstance(value, dict) else value


def _bracketed(text: str, position: int) -> bool:
    """An editor's insertion ("[now 11]") is not the speaker's claim."""
    opened = text.rfind("[", max(0, position - 20), position)
    return opened != -1 and text.find("]", opened) > position and "\n" not in text[opened:position]
