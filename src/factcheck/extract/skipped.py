"""Sentences that look like they state a fact but gave no claim: listed, never dropped silently.

A sentence is listed when no drafted claim was read from it, it names someone (a person of the
entity file, or a name as a text writes one: capitalised words that do not start the sentence),
and it holds something a claim is made of: a date, an age-like number, or a word of an event or
fact ("married", "born", "son", "tall"). A sentence that gave claims is listed too when it holds
a date or a number none of them was read from ("married in 2010, a year after a party in 2008").
A reviewer reads the list to add what the patterns missed; a sentence that is rightly not a
claim costs a glance.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.extract.datephrases import DATE, WEEKDAY
from factcheck.extract.mentions import Mentions
from factcheck.extract.segments import Layout
from factcheck.vocabulary import BUILTIN

# The words of facts that are not a couple's events (those come from the vocabulary).
_FACT_WORDS = (
    r"born|birth|birthday|died|death|dead|passed\s+away|age[ds]?|years?[- ]old|anniversary"
    r"|son|sons|daughters?|children|child|kids?|twins|mother|father|mom|dad|parents?"
    r"|pregnant|expecting|welcomed|tall|height|stands|native|hometown|raised|engagement"
    r"|wedding|marriage|husband|wife|fianc[ée]e?|divorce|split|relationship|dating"
)
_TRIGGER = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(e.phrases for e in BUILTIN.events.values() if e.phrases)
    + rf"|(?i:{_FACT_WORDS}))(?![\w-])"
)
_NUMBER = re.compile(r"(?<![\w.,-])\d{1,3}(?:\.\d)?(?![\d]|[.,]\d)")  # not "1,000" or "2.5.1"
_DATE = re.compile(rf"{DATE}|{WEEKDAY}")
# A capitalised word inside a sentence (not its first): a name the entity file may not know.
_CAPITALISED = re.compile(r"(?<=[\s(“\"])[A-Z][a-z'\u2019]+")
_NOT_NAMES = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|In|On|At|And|But|I|It"
    r"|He|She|They|We|You|His|Her|Their|This|That|When|After|Before|Mr|Mrs|Ms|Dr)"
)
_MAX_SHOWN = 300  # characters of a listed sentence; a longer one is cut, with an ellipsis


@dataclass(frozen=True, slots=True)
class Skipped:
    start: int
    end: int
    line: int  # in the article's text, from 1
    text: str  # the sentence on one line, cut at _MAX_SHOWN characters
    why: str | None = None  # what kept it from being drafted, when that is known


def not_drafted(
    text: str,
    layout: Layout,
    mentions: Mentions,
    drafted: Drafted,
    ambiguous: Sequence[str] = (),
) -> list[Skipped]:
    """The sentences that name someone and hold a date, an age or a fact's word, but that no
    drafted claim quotes; and the sentences that gave claims but hold a date or a number that
    none of them was read from ("married in 2010, having met in 2008": the meeting)."""
    quoted, read = _Spans(drafted.quotes), _Spans(drafted.read)
    newlines = [m.start() for m in re.finditer("\n", text)]
    skipped = []
    for sentence in layout.sentences:
        start, end = sentence.start, sentence.end
        words = text[start:end]
        if quoted.touches(start, end):
            unread = [
                found.group(0)
                for found in itertools.chain(
                    _DATE.finditer(text, start, end), _NUMBER.finditer(text, start, end)
                )
                if not read.covers(found.start(), found.end())
            ]
            why = f"partly drafted: {unread[0]!r} was not read" if unread else None
        else:
            named = any(m.kind == "name" for m in mentions.in_sentence(sentence.index))
            if not named and not any(
                not _NOT_NAMES.fullmatch(found.group(0)) for found in _CAPITALISED.finditer(words)
            ):
                continue
            if not (_DATE.search(words) or _NUMBER.search(words) or _TRIGGER.search(words)):
                continue
            undecided = [d for d in ambiguous if d in words]
            why = (
                f"{undecided[0]}: the day and month could be either way round"
                if undecided
                else None
            )
            unread = [words]
        if not unread:
            continue
        shown = " ".join(words.split())
        if len(shown) > _MAX_SHOWN:
            shown = shown[: _MAX_SHOWN - 1].rstrip() + "…"
        line = bisect.bisect_left(newlines, start) + 1
        skipped.append(Skipped(start, end, line, shown, why))
    return skipped


@dataclass(frozen=True, slots=True)
class Drafted:
    quotes: Sequence[tuple[int, int]]  # the drafted claims' quotes
    read: Sequence[tuple[int, int]]  # the stretches of text their values were read from


class _Spans:
    """Stretches of text, to ask whether a stretch touches or lies inside any of them."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.reach = list(itertools.accumulate((b for _, b in self.spans), max))

    def _furthest(self, position: int) -> int:
        """The furthest end of the spans that start at or before ``position``."""
        before = bisect.bisect_right(self.spans, (position, 1 << 62))
        return self.reach[before - 1] if before else -1

    def touches(self, start: int, end: int) -> bool:
        return self._furthest(end - 1) > start

    def covers(self, start: int, end: int) -> bool:
        return self._furthest(start) >= end
