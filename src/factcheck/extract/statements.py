"""When something was said: "told Us exclusively in June 2018", "shared in 2015".

A claim in someone's quoted words, or in the reported speech after a dated statement ("told Us in
2019 that ..."), held when it was said: that date becomes its ``as_of``. A statement's date
carries over to the paragraphs that follow it while they open with a quotation ("...," she
added): a paragraph that opens otherwise, without a dated statement of its own, has moved on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.datephrases import DATE, Dates
from factcheck.extract.segments import Layout, Sentence

_SPEECH = re.compile(
    # Not "shares": "shares two children with her husband" reports no statement.
    r"\b(?:told|tell|tells|telling|said|say|says|saying|shared|sharing|revealed|reveals"
    r"|revealing|explained|explains|added|adds|admitted|admits|wrote|writes|confirmed|recalled"
    r"|noted|gushed|joked|opened\s+up|reflected)\b",
    re.I,
)
_DATE = re.compile(DATE)
# "the 2009 film", "her 1998 album": a date that describes a thing, not when words were said.
_ATTRIBUTIVE = re.compile(r"\b(?i:the|a|an|his|her|their|its)\s+$")
_OPENING_QUOTES = '"\u201c\u00ab'  # straight, curly and French opening quotation marks


@dataclass(frozen=True, slots=True)
class _Statement:
    verb: int  # where the speech verb is
    date: str | None


class Statements:
    def __init__(self, text: str, layout: Layout, dates: Dates) -> None:
        self.layout = layout
        self.dates = dates
        self.statements: dict[int, _Statement] = {}  # sentence index -> its dated statement
        self.carried: dict[int, str | None] = {}  # paragraph -> the date its quotations hold
        current: str | None = None
        by_paragraph: dict[int, list[Sentence]] = {}
        for sentence in layout.sentences:
            by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
        for paragraph, (start, _) in enumerate(layout.paragraphs):
            dated = None
            for sentence in by_paragraph.get(paragraph, []):
                statement = self._statement(text, sentence.start, sentence.end)
                if statement is not None and statement.date is not None:
                    self.statements[sentence.index] = statement
                    dated = statement.date
            if dated is not None:
                current = dated
            elif text[start] not in _OPENING_QUOTES:
                current = None
            self.carried[paragraph] = current

    def _statement(self, text: str, start: int, end: int) -> _Statement | None:
        verbs = [m for m in _SPEECH.finditer(text, start, end) if not self.layout.quoted(m.start())]
        if not verbs:
            return None
        verb = verbs[0].start()
        dates = [
            (abs(m.start() - verb), value)
            for m in _DATE.finditer(text, start, end)
            if not self.layout.quoted(m.start())
            and not _ATTRIBUTIVE.search(text, max(start, m.start() - 12), m.start())
            and (value := self.dates.value(m.group(0)))
        ]
        return _Statement(verb, min(dates)[1] if dates else None)

    def as_of(self, position: int) -> str | None:
        """The date the claim found at ``position`` held on, if the text ties it to one."""
        sentence = self.layout.sentence_at(position)
        if sentence is None:
            return None
        if self.layout.quoted(position):
            return self.carried.get(sentence.paragraph)
        statement = self.statements.get(sentence.index)
        if statement is not None and position > statement.verb:
            return statement.date
        return None
