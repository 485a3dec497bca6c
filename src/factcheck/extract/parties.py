"""Who a claim is about: the people a pattern's words point to, as the text says them.

A relation's two people are found around its verb ("X and Y met", "whom she met", "the couple
met", "X met Y", or the people of the relation it is coordinated with); a single person is a
mention, or "her husband" (her partner). :mod:`factcheck.extract.draft` resolves them to
entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from factcheck.extract.datephrases import Dates
from factcheck.extract.mentions import Mention, Mentions, ref_pattern
from factcheck.extract.numbers import NUMBER
from factcheck.extract.raw import Who
from factcheck.extract.segments import Layout, Sentence

SPOUSE = r"(?i:husband|wife|spouse|partner)"
# "was born", "was actually born", "born"
BORN = r"(?i:was\s+(?:[a-z]+ly\s+)?born|born)"
# Words between a subject and its verb: "have been", "first", "officially", ", who".
AUX_WORDS = (
    r"(?i:have|has|had|were|was|are|is|been|be|got|finally|first|initially|originally"
    r"|officially|reportedly|secretly|quietly|later|then|also|once|subsequently|eventually"
    r"|now|legally|both|recently|decided\s+to|went\s+on\s+to|who|would|having)"
)
# "X and (her) (future) husband Y met": the spouse word before the second name.
_SPOUSE_BEFORE = (
    rf"(?:(?:(?i:her|his)\s+)?(?:(?i:future|now|then|longtime|actor|actress)[\s-]+)?{SPOUSE},?\s+)"
)
# Words that describe the second of two people: "and former Spice Girl Victoria Beckham".
_DESCRIBED = r"(?:(?:[a-z][\w-]*|[A-Z][\w-]*)(?:,|\s+and)?\s+){0,5}?"
_SPOUSE_PHRASE = re.compile(rf"(?i:her|his)\s+{SPOUSE}")
# Asides between a subject and its verb, blanked out so that the subject is found:
# "Natalie Portman, 42, and Benjamin Millepied, 46, are ...", "X and Y, who met in 2009, wed".
_ASIDES = re.compile(rf",\s+{NUMBER},|,\s+(?i:who|which)\b[^,;]*,(?=\s*$)")
_ANY_RELATION = re.compile(
    r"(?<![\w-])(?:met|meeting|(?i:tied\s+the\s+knot|married|wed|split|separated|divorced"
    r"|dating|parted\s+ways|broke\s+up|engaged))(?![\w-])"
)
_GAP = re.compile(r"[ \t,]*")
_PARTICIPLE = re.compile(r"\s*(?:(?i:after|before|since|upon|while|following)\s+)?")
_AND_THEN = re.compile(rf"(?:,\s*|\s)(?i:and)\s+(?:{AUX_WORDS}\s+)*$")
_OPENS = re.compile(r"(?:(?i:and|but|so|then)\s+)?")  # what may come before the subject


class People:
    """The people of a text: finds who each pattern match is about."""

    def __init__(
        self, text: str, layout: Layout, mentions: Mentions, names: str, dates: Dates, source: str
    ) -> None:
        self.text = text
        self.source = source
        self.dates = dates
        self.layout = layout
        self.mentions = mentions
        self.names = names
        self.ref = ref_pattern(names)
        # A party: anyone a mention names, or "her husband" (her partner).
        self.party = rf"(?:(?i:her|his)\s+{SPOUSE}(?![\w-])|{self.ref})"
        self.subject = re.compile(
            rf"(?:(?P<a>{self.party}),?\s+(?i:and)\s+{_SPOUSE_BEFORE}?{_DESCRIBED}"
            rf"(?P<b>{self.party}),?"
            rf"|(?i:whom)\s+(?P<w>{self.party})"
            rf"|(?P<g>{self.party}),?)\s+(?:{AUX_WORDS}\s+)*$"
        )

    def subjects(self, verb_start: int) -> list[Who]:
        """Who does what a verb says, as the words before it name them: "X and Y have", "with
        whom she has" (she and whom), "they have" (they), "Portman has" (Portman)."""
        sentence = self.layout.sentence_at(verb_start)
        if sentence is None:
            return []
        start = max(sentence.start, verb_start - 200)
        prefix = _ASIDES.sub(lambda m: " " * len(m.group(0)), self.text[start:verb_start])
        match = self.subject.search(prefix)
        if match is None:
            opening = self._clause_subject(sentence, verb_start)
            return [opening] if opening is not None else []
        if match.group("w"):
            before = [
                m
                for m in self.mentions.in_sentence(sentence.index)
                if m.end <= start + match.start() and m.person
            ]
            speaker = self.who_at(start + match.start("w"), start + match.end("w"))
            return [speaker, Who(whom=before[-1])] if speaker and before else []
        groups = ("a", "b") if match.group("a") else ("g",)
        found = [self.who_at(start + match.start(g), start + match.end(g)) for g in groups]
        return [who for who in found if who is not None]

    def each(self, patterns: Iterable[str]) -> Iterator[re.Match[str]]:
        """Every match of each pattern in the text, pattern by pattern."""
        for pattern in patterns:
            yield from re.finditer(pattern, self.text)

    def written(self, match: re.Match[str], group: str) -> str:
        """What a pattern's group matched, as the article writes it (patterns read a shadow)."""
        return self.source[match.start(group) : match.end(group)]

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
        others = [m for m in self.mentions.between(*tail) if m.person]
        if match is None:
            shared = self._shared_subject(sentence.start, verb_start, depth)
            opening = self._clause_subject(sentence, verb_start)
            if shared is not None or opening is None:
                return shared
            return self._with_single(opening, others, sentence.start, depth)

        def at(group: str) -> Who | None:
            return self.who_at(start + match.start(group), start + match.end(group))

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
        return self._with_single(single, others, sentence.start, depth)

    def _with_single(
        self, single: Who, others: list[Mention], sentence_start: int, depth: int
    ) -> tuple[Who, Who | None] | None:
        """The two people of a relation whose subject is one mention: a group ("the couple"),
        or a person with the other party after the verb, else their one partner."""
        if single.mention is not None and single.mention.kind == "group":
            if others:
                return None
            if single.mention.role is None:  # "X wed Y in 2003, and they split in 2010"
                return self._earlier_pair(sentence_start, single.mention.start, depth) or (
                    single,
                    None,
                )
            return single, None
        if not others:
            # "He popped the question in 2011": the other party is his one partner, when the
            # article knows of exactly one (see draft.py).
            if single.mention is not None and single.mention.kind != "group":
                return single, Who(spouse_of=single.mention)
            return None
        found = self.who_at(others[0].start, _spouse_end(self.text, others[0]))
        return (single, found) if found else None

    def _clause_subject(self, sentence: Sentence, verb_start: int) -> Who | None:
        """The subject of a verb whose own words name none: the sentence's opening subject for
        a verb after "and" ("She shares two children ... and has two daughters"), and the
        subject after a sentence-opening participle ("After marrying in 2003, the couple")."""
        before = self.text[sentence.start : verb_start]
        if _PARTICIPLE.fullmatch(before) and self.text[verb_start:].split(None, 1)[0].endswith(
            "ing"
        ):
            comma = self.text.find(",", verb_start, sentence.end)
            after = [m for m in self.mentions.between(comma, sentence.end) if m.person]
            opening = after[0] if comma != -1 and after else None
            if opening is not None and self.text[comma + 1 : opening.start].strip() == "":
                return Who(mention=opening)
            return None
        if not _AND_THEN.search(before):
            return None
        first = next(iter(self.mentions.in_sentence(sentence.index)), None)
        if first is None or not _OPENS.fullmatch(self.text, sentence.start, first.start):
            return None
        return Who(mention=first) if first.person or first.kind == "group" else None

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
        if not re.search(
            rf"(?:\band|\bafter|\bbefore|\bthen|\bbut|,)\s+(?:{AUX_WORDS}\s+)*$", between
        ):
            return None
        people = [m for m in self.mentions.between(last.end(), verb_start) if m.person]
        if people:
            return None
        return self.parties(last.start(), (last.end(), verb_start), depth + 1)

    def _named_next(self, position: int) -> bool:
        gap = _GAP.match(self.text, position)
        mention = self.mentions.at(gap.end() if gap else position)
        return mention is not None and mention.kind == "name"


def _spouse_end(text: str, mention: Mention) -> int:
    """Where "her husband" ends, when the mention is the "her" of it; else the mention's end."""
    found = _SPOUSE_PHRASE.match(text, mention.start)
    return found.end() if found else mention.end
