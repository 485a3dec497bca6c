"""The family patterns: who is whose child, and how many children someone has.

A named child after a kinship word is a child of whoever the word belongs to: "their son Aleph"
(the couple), "her daughter Amalia" (her), "Portman's son Aleph" (Portman), "have two children,
Chet and Truman" (the clause's subject), "welcomed daughter Vida in 2010" (the sentence's two
adults, else the article's one couple). "Aleph, the son of Portman and Millepied" and "mother of
Aleph and Amalia" say it the other way round. A child named beside a date in a sentence about a
birth ("welcome daughter Vida in 2010") is also born then.

Counts: "have three children", "mother of two", "their four kids", "with whom she has two
children" (at least two: she may have others), read as of the article's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from factcheck.extract.datephrases import SHADOW_DATE as DATE
from factcheck.extract.datephrases import SHADOW_ON as ON
from factcheck.extract.mentions import CAPITAL, Mention, noun_pattern
from factcheck.extract.numbers import NUMBER, parse_number
from factcheck.extract.parties import SPOUSE
from factcheck.extract.raw import RawClaim, Who
from factcheck.extract.spans import Spans

_KIN = (
    r"(?i:sons?|daughters?|child(?:ren)?|kids?|baby\s+(?:boy|girl)|twins|stepsons?"
    r"|stepdaughters?|boys|girls|little\s+(?:boy|girl))"
)
_ORDINAL = (
    r"(?i:first|second|third|fourth|fifth|sixth|eldest|oldest|youngest|middle|only|firstborn"
    r"|baby|little|newborn|late|beloved|beautiful|adult|grown|two|three|four|five|six|\d)"
)
_POSSESSOR = r"(?i:their|her|his|our|my)"
_COUNTED = r"(?i:children|kids|sons|daughters|child|kid|son|daughter|boys|girls)"
_HAVE = r"(?i:have|has|had|share|shares|shared|raise|raises|raised|raising|are\s+raising)"
_PARENT = r"(?i:mother|father|mom|mum|dad|parents?|mother-of|father-of|mom-of|dad-of)"
_BIRTH = re.compile(r"(?i:welcom|birth|born|arriv|adopt|expect)")
_BIRTH_VERB = r"(?i:welcomed|welcome|welcoming|gave\s+birth\s+to|give\s+birth\s+to|adopted)"
_DATED = re.compile(rf"\s+{ON}(?P<date>{DATE})")
_SPACE = re.compile(r"\s+")
_LIST_NOW = re.compile(r"(?:\s+(?i:from|of)\s+[^:;.!?,]{1,40}?)?(?::|,)\s+")
_INCLUDING = re.compile(r",?\s+(?i:including|namely)\s+|:\s+")
_COORDINATED = re.compile(r"(?:,|\band)\s+(?:(?i:a|an)\s+)?$")
_VERB_BEFORE = re.compile(
    rf"(?<![\w-])(?:{_BIRTH_VERB}|{_HAVE})\s+(?:(?i:a|an|their|her|his)\s+)?"
    rf"(?:(?:{_ORDINAL}|{NUMBER})[\s,-]+){{0,3}}$"
)
# What may follow a listed name: "(6)", ", 22," or ", an electronics engineer,".
_ASIDE = re.compile(
    rf"\s*\([^()]{{0,80}}\)|,\s+{NUMBER}(?=,|\s+(?i:and)\b|\.)"
    r"|,\s+(?i:a|an|the)\s+[^,.;()]{1,60}(?=,)"
)
_TOGETHER = re.compile(r"\s+(?i:together|with\b)")
_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:(?i:and)\s+)?|\s+(?i:and|&)\s+)(?:(?i:later|then|finally|also)\s+)?"
)


class Kinship(Spans):
    """Finds who is whose child and how many children people have."""

    @cached_property
    def _role_before(self) -> re.Pattern[str]:
        return re.compile(rf"{noun_pattern(self.mentions.roles)}\s+(?={CAPITAL})")

    def kinship(self) -> Iterator[RawClaim]:
        yield from self._kin_words()
        yield from self._births_named()
        yield from self._child_of()
        yield from self._parent_of()
        yield from self._born_to()
        yield from self._counts()

    # -- "their son Aleph", "have two children, Chet and Truman" ---------------------------

    def _kin_words(self) -> Iterator[RawClaim]:
        pattern = (
            rf"(?:(?P<poss>{_POSSESSOR}|{self.names}['\u2019]s?)\s+)?"
            rf"(?:{_ORDINAL}[\s,-]+){{0,3}}(?P<kin>{_KIN})(?![\w-])(?:\s+(?i:together))?"
            rf"[,:]?(?:\s+(?i:a|an)\s+(?i:baby\s+)?(?i:boy|girl|son|daughter))?"
            rf"(?:\s+(?i:including|named|called|are|is|namely)"
            rf"|\s+(?i:whom|who)\s+(?i:they|she|he)\s+(?i:named|called))?"
            rf"\s+(?=(?:[a-z]+\s+)?{CAPITAL})"
        )
        last: tuple[int, list[Who]] | None = None  # the sentence and parents of the last one
        for match in re.finditer(pattern, self.text):
            parents = self._parents(match)
            sentence = self.layout.sentence_at(match.start())
            index = sentence.index if sentence else -1
            coordinated = _COORDINATED.search(self.text, max(0, match.start() - 12), match.start())
            if not match.group("poss") and last and last[0] == index and coordinated:
                parents = last[1]  # "a son, Aleph, and a daughter, Amalia": the same parents
            elif not match.group("poss"):
                # "Portman has a son, Aleph", "welcomed son Colin with his then-wife Samantha
                # Lewes": the verb's subjects (and the partner), else the sentence's couple.
                listed = [end for _, end, _ in self._listed(match.end())]
                partner = self._with(max(listed, default=match.end()))
                subjects = self._verb_subjects(match.start())
                if subjects or partner is not None:
                    parents = [*subjects, *([partner] if partner is not None else [])]
            last = (index, parents)
            yield from self._links(match.start(), match.end(), parents)

    def _links(self, start: int, position: int, parents: list[Who]) -> Iterator[RawClaim]:
        """A child claim for each parent and each child listed from ``position``; a birth for
        a child named beside a date in a sentence about births."""
        sentence = self.layout.sentence_at(start)
        births = sentence is not None and bool(_BIRTH.search(self.text, sentence.start, position))
        for child, end, date in self._listed(position):
            for parent in parents:
                yield RawClaim("child", start, end, "", parent, Who(mention=child))
            if births and date is not None:
                yield RawClaim("born", start, end, date, Who(mention=child))

    def _births_named(self) -> Iterator[RawClaim]:
        """ "She gave birth to Colin on Nov. 24, 1977, and Elizabeth on May 17, 1982",
        "they welcomed Wyatt": the verb's subjects are the parents."""
        pattern = (
            rf"(?<![\w-])(?P<verb>{_BIRTH_VERB})\s+(?:(?i:home)\s+)?(?:(?i:their|her|his|a|an)\s+)?"
            rf"(?:{_ORDINAL}[\s,-]+){{0,3}}(?:{_KIN}\s+)?(?:(?i:named|called)\s+)?(?={CAPITAL})"
        )
        for match in re.finditer(pattern, self.text):
            parents = self.subjects(match.start("verb"))
            yield from self._links(match.start(), match.end(), parents)

    def _listed(self, position: int) -> Iterator[tuple[Mention, int, str | None]]:
        """The named people listed from ``position``: "Chet and Truman Hanks", "Brooklyn, 22,
        Romeo, 19, and Cruz", "actor Colin Hanks and actress Elizabeth Hanks", "Tony, an
        engineer, and Jackie", "Colin on Nov. 24, 1977, and Elizabeth": each with where its item
        ends and the date written right after it."""
        while True:
            role = self._role_before.match(self.text, position)
            mention = self.mentions.at(role.end() if role else position)
            if mention is None or mention.kind != "name":
                return
            end = mention.end
            aside = _ASIDE.match(self.text, end)
            if aside is not None:
                end = aside.end()
            when = _DATED.match(self.text, end)
            date = None
            if when is not None:
                date = self.dates.value(self.written(when, "date"))
                end = when.end()
            yield mention, end, date
            separator = _SEPARATOR.match(self.text, end)
            if separator is None:
                return
            position = separator.end()

    def _parents(self, match: re.Match[str]) -> list[Who]:
        """Whose children a kinship word names: its possessor, else the sentence's two adults
        (or the article's one couple)."""
        if match.group("poss"):
            start = match.start("poss")
            name_end = start + len(_unpossessed(match.group("poss")))
            mention = self.mentions.at(start, name_end) or self.mentions.at(start)
            if mention is None:
                return []
            if mention.quoted and mention.kind == "pronoun":
                return []
            return [Who(mention=mention)]
        return [Who(sentence_pair=match.start())]

    def _verb_subjects(self, position: int) -> list[Who]:
        """The subjects of the verb right before a kinship phrase ("Portman has a son",
        "McConaughey and Alves went on to welcome daughter Vida"), if there is one."""
        sentence = self.layout.sentence_at(position)
        if sentence is None:
            return []
        verb = _VERB_BEFORE.search(self.text, sentence.start, position)
        return self.subjects(verb.start()) if verb else []

    # -- "Aleph, the son of Portman and Millepied"; "mother of Aleph" ----------------------

    def _child_of(self) -> Iterator[RawClaim]:
        names, ref = self.names, self.ref
        of = (
            rf"(?P<child>{names}),?\s+(?:(?i:is|was)\s+)?(?:(?i:the|a)\s+)?(?:{_ORDINAL}\s+){{0,2}}"
            rf"(?i:son|daughter|child)\s+(?i:of)\s+(?P<a>{ref})(?:\s+(?i:and)\s+(?P<b>{ref}))?"
        )
        # "Apple is the oldest of Paltrow and Martin's two children"
        eldest = (
            rf"(?P<child>{names})\s+(?i:is|was)\s+(?i:the)\s+(?:{_ORDINAL}[\s-]+){{1,2}}(?i:of)\s+"
            rf"(?P<a>{ref})(?:\s+(?i:and)\s+(?P<b>{ref}))?['\u2019]s?\s+(?:{NUMBER}\s+)?"
            r"(?i:children|kids)\b"
        )
        # "Brooklyn is David and Victoria's oldest child"
        possessive = (
            rf"(?P<child>{names})\s+(?i:is|was)\s+(?P<a>{ref})(?:\s+(?i:and)\s+(?P<b>{ref}))?"
            rf"['\u2019]s?\s+(?:{_ORDINAL}[\s-]+){{0,2}}(?i:son|daughter|child|kid|boy|girl)\b"
        )
        # "Brooklyn, their four months old son", "Aleph, her eldest son"
        apposed = (
            rf"(?P<child>{names}),\s+(?P<a>{_POSSESSOR}|{names}['\u2019]s?)\s+"
            rf"(?:(?:{_ORDINAL}|{NUMBER}|(?i:years?|months?|old))[\s-]+){{0,4}}"
            rf"(?i:son|daughter|child|kid|boy|girl)\b"
        )
        found = [*self.each((of, possessive, eldest))]
        for match in (*found, *re.finditer(apposed, self.text)):
            child = self.mentions.at(*match.span("child"))
            if child is None:
                continue
            for group in ("a", "b"):
                if match.groupdict().get(group):
                    start = match.start(group)
                    parent = self.who_at(start, start + len(_unpossessed(match.group(group))))
                    if parent is not None:
                        yield RawClaim(
                            "child", match.start(), match.end(), "", parent, Who(mention=child)
                        )

    def _parent_of(self) -> Iterator[RawClaim]:
        """ "Roe and Doe are parents to Ada and Max", "Portman, mother of Aleph"; "Portman's
        mother, Shelley", "her parents, Tony and Jackie"."""
        parent_of = re.compile(
            r"(?<![\w-])(?:(?i:is|was|are|were)\s+)?(?:(?i:a|the)\s+)?(?:(?i:proud)\s+)?"
            rf"{_PARENT}\s+(?i:of|to)\s+(?:(?i:both)\s+)?(?={CAPITAL})"
        )
        for match in parent_of.finditer(self.text):
            for parent in self.subjects(match.start()):
                for child, end, _ in self._listed(match.end()):
                    yield RawClaim("child", match.start(), end, "", parent, Who(mention=child))
        parents = (
            rf"(?P<poss>{self.names}['\u2019]s?|\b(?i:her|his))\s+(?:(?i:late)\s+)?"
            rf"(?i:mother|father|mom|mum|dad|parents)[,:]?\s+(?={CAPITAL})"
        )
        for found in re.finditer(parents, self.text):
            start = found.start("poss")
            whose = self.mentions.at(start, start + len(_unpossessed(found.group("poss"))))
            if whose is None:
                continue
            for named, end, _ in self._listed(found.end()):
                yield RawClaim(
                    "child", found.start(), end, "", Who(mention=named), Who(mention=whose)
                )

    def _born_to(self) -> Iterator[RawClaim]:
        """ "Victoria was born on April 17, 1974 to parents Tony, an engineer, and Jackie"."""
        pattern = (
            rf"(?P<child>{self.names})(?:,\s+who|,)?\s+(?i:was\s+born)\b[^.;!?]{{0,80}}?"
            rf"\s(?i:to)\s+(?:(?i:parents)\s+)?(?={CAPITAL})"
        )
        for match in re.finditer(pattern, self.text):
            child = self.mentions.at(*match.span("child"))
            if child is None:
                continue
            for parent, end, _ in self._listed(match.end()):
                yield RawClaim(
                    "child", match.start(), end, "", Who(mention=parent), Who(mention=child)
                )

    # -- counts ----------------------------------------------------------------------------

    def _counts(self) -> Iterator[RawClaim]:
        count = (
            rf"(?P<n>{NUMBER}|(?i:an?))\s+"
            r"(?:(?i:young|beautiful|adult|grown|biological|adopted|twin)\s+)?"
        )
        forms = (
            # "X and Y have two children (together)", "with whom she has two children"
            # "three sons and one daughter": all of them
            rf"(?<![\w-])(?P<verb>{_HAVE})\s+{count}(?P<what>{_COUNTED})(?![\w-])"
            rf"(?:\s+(?i:and)\s+(?P<n2>{NUMBER}|(?i:an?))\s+(?P<what2>{_COUNTED})(?![\w-]))?",
            # "X, a mother of two", "the father of three", "mother-of-two X"
            rf"(?<![\w-])(?P<verb>{_PARENT})[\s-]+(?i:of|to)[\s-]+(?P<n>{NUMBER})(?![\w-])"
            rf"(?!\s*-?\s*(?i:year|month|week|day))",
            # "their three children", "her two kids"
            rf"(?P<poss>{_POSSESSOR})\s+(?P<n>{NUMBER})\s+(?P<what>{_COUNTED})(?![\w-])",
            # "Paltrow and Martin's two children"
            rf"(?P<pa>{self.names})(?:\s+(?i:and)\s+(?P<pb>{self.names}))?['\u2019]s?\s+"
            rf"(?P<n>{NUMBER})\s+(?P<what>{_COUNTED})(?![\w-])",
        )
        for match in self.each(forms):
            # "two children, Bella and Connor, with her ex-husband, Tom Cruise"; "two children
            # from their marriage: Apple, 20, and Moses"
            first = _LIST_NOW.match(self.text, match.end())
            children = list(self._listed(first.end())) if first else []
            end = children[-1][1] if children else match.end()
            partner = self._with_at(end)
            value = self._count(match, with_someone=partner is not None)
            if value is None:
                continue
            counted = self._counted_for(match)
            if counted and partner is not None:
                counted.append(partner[0])
            for who in counted:
                yield RawClaim("children", match.start(), match.end(), value, who)
            if first is not None and children and counted:
                yield from self._links(match.start(), first.end(), counted)
                continue
            # "... with his wife Victoria Beckham, 47, including Brooklyn, 22, and Romeo"
            end = partner[1] if partner is not None else end
            aside = _ASIDE.match(self.text, end)
            listed = _INCLUDING.match(self.text, aside.end() if aside else end)
            if listed is not None and counted:
                yield from self._links(match.start(), listed.end(), counted)

    def _count(
        self, match: re.Match[str], with_someone: bool = False
    ) -> int | dict[str, int | float | str] | None:
        number = _number(match.group("n"))
        what = (match.groupdict().get("what") or "children").lower()
        if number is None or (what in ("child", "kid", "son", "daughter") and number != 1):
            return None
        partial = what in ("son", "daughter", "sons", "daughters", "boys", "girls")
        if match.groupdict().get("n2"):  # "three sons and one daughter": all of them
            more = _number(match.group("n2"))
            if more is None:
                return None
            number, partial = number + more, False
        elif what in ("son", "daughter"):
            return None  # "has a son": nothing about how many children
        # Sons alone, or children had together or with someone: there may be others.
        shared = (
            partial
            or with_someone
            or (
                _TOGETHER.match(self.text, match.end())
                or "whom" in self.text[max(0, match.start() - 25) : match.start()].lower()
            )
        )
        return {"min": number} if shared else number

    def _with(self, position: int) -> Who | None:
        """The other parent of children had "with" someone: "with her husband, Benjamin
        Millepied", "with Kutcher", "with her husband"."""
        found = self._with_at(position)
        return found[0] if found else None

    def _with_at(self, position: int) -> tuple[Who, int] | None:
        found = self._with_pattern.match(self.text, position)
        if found is None:
            return None
        group = "who" if found.group("who") else "spouse" if found.group("spouse") else None
        who = self.who_at(*found.span(group)) if group else None
        return (who, found.end()) if who is not None else None

    @cached_property
    def _with_pattern(self) -> re.Pattern[str]:
        return re.compile(
            rf",?\s+(?:(?i:together)\s+)?(?i:with)\s+"
            rf"(?:(?P<spouse>(?i:her|his)\s+(?:(?i:then|now|future|late|ex)[\s-])?{SPOUSE})"
            rf"(?:\s+of\s+[^,.;]{{1,30}}?)?(?:,?\s+|$))?"
            rf"(?:(?:(?:[a-z][\w-]*|and)\s+){{0,3}}?(?P<who>{self.names}))?"
        )

    def _counted_for(self, match: re.Match[str]) -> list[Who]:
        if match.groupdict().get("pa"):
            named = [match.span(g) for g in ("pa", "pb") if match.group(g)]
            found = [self.who_at(a, a + len(_unpossessed(self.text[a:b]))) for a, b in named]
            return [who for who in found if who is not None]
        if match.groupdict().get("poss"):
            mention = self.mentions.at(*match.span("poss"))
            return [Who(mention=mention)] if mention is not None else []
        verb = match.start("verb")
        if match.group("verb").lower().startswith(("have", "has", "had", "share", "raise", "are")):
            # Whoever has them, as the words before the verb say: not their partner unless named.
            return self.subjects(verb)
        # "X, a mother of two": the person named before; "mother-of-two X": after.
        aside = re.search(
            rf"(?P<who>{self.ref}),?\s+(?:(?i:is|was)\s+)?(?:(?i:a|the)\s+)?(?:(?i:proud)\s+)?$",
            self.text[max(0, verb - 80) : verb],
        )
        if aside is not None:
            start = max(0, verb - 80)
            who = self.who_at(start + aside.start("who"), start + aside.end("who"))
            return [who] if who is not None else []
        after = _SPACE.match(self.text, match.end())
        mention = self.mentions.at(after.end() if after else match.end())
        return [Who(mention=mention)] if mention is not None and mention.kind == "name" else []


def _number(written: str) -> int | None:
    """A count of children as written: "two", "3", "a"."""
    number = 1.0 if written.lower() in ("a", "an") else parse_number(written)
    if number is None or number != int(number) or number > 30:
        return None
    return int(number)


def _unpossessed(written: str) -> str:
    """A name without its possessive ending: "Victoria's" is Victoria, "Hanks'" Hanks."""
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if written.endswith(ending):
            return written[: -len(ending)]
    return written
