"""The layout of an article: paragraphs, sentences and quotations, as character offsets.

Offsets always point into the text as given, so that every quote a claim carries is an exact
substring of the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Words whose period does not end a sentence ("Feb. 22", "Mr. Smith").
_ABBREVIATION = re.compile(
    r"(?i:mr|mrs|ms|dr|st|jr|sr|prof|gen|sen|rep|gov|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct"
    r"|nov|dec|no|vs|approx|ca)"
)
_END = re.compile(r"[.!?…]+[\"”\u2019)\]]*\s+")
_INITIALS = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b[A-Z]\.$")  # "L.A.", "U.S.", "J."
_CLAUSE_MARKS = re.compile(r"\s*(?:[,;:]|\s[—\u2013-]\s|—|\u2013)\s*")
_LOOSE_START = "”\u2019\"'),;:—\u2013 "
_LOOSE_END = ",;:—\u2013“\u2018( "
SHORT_QUOTE = 120  # a sentence up to this length is quoted whole; a longer one by its clauses
LONG_QUOTE = 200  # the most a quote runs on either side of what it found


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


class Layout:
    """Sentences in reading order, the paragraph of each, and the quoted stretches of text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[Sentence] = []
        self.paragraphs: list[tuple[int, int]] = []
        for start, end in _paragraphs(text):
            number = len(self.paragraphs)
            self.paragraphs.append((start, end))
            for line_start, line_end in _lines(text, start, end):
                for s, e in _sentences(text, line_start, line_end):
                    self.sentences.append(Sentence(len(self.sentences), s, e, number))
        self._starts = [s.start for s in self.sentences]
        self.quotes = _quotations(text, self.paragraphs)
        self._quote_starts = [q[0] for q in self.quotes]
        # Found once for the whole text: a claim in a sentence of any length finds its clause
        # by a search, not by a look along the sentence.
        marks = [(m.start(), m.end()) for m in _CLAUSE_MARKS.finditer(text)]
        self._mark_starts = [s for s, _ in marks]
        self._mark_ends = [e for _, e in marks]

    def sentence_at(self, position: int) -> Sentence | None:
        index = bisect.bisect_right(self._starts, position) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        return sentence if position < sentence.end else None

    def quoted(self, position: int) -> bool:
        """Whether the position is inside quotation marks: someone's own words."""
        index = bisect.bisect_right(self._quote_starts, position) - 1
        return index >= 0 and position < self.quotes[index][1]

    def quote_span(self, start: int, end: int) -> tuple[int, int]:
        """What a claim found at [start, end) quotes: its sentence, or in a long sentence the
        clauses that hold the match."""
        sentence = self.sentence_at(start)
        if sentence is None:
            return start, end
        lo, hi = sentence.start, max(sentence.end, end)
        if hi - lo > SHORT_QUOTE:
            lo, hi = self._clause(lo, hi, start, end)
        lo, hi = _trimmed(self.text, lo, hi)
        # A clause cut out of a quotation starts after its closing mark, not with it.
        while lo < min(hi, start) and self.text[lo] in _LOOSE_START:
            lo += 1
        while hi > max(lo, end) and self.text[hi - 1] in _LOOSE_END:
            hi -= 1
        return _trimmed(self.text, lo, hi)

    def _clause(self, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
        """The clause of the sentence [lo, hi) that holds [start, end): from the last clause
        mark that ends before it to the first that starts after it; at most LONG_QUOTE
        characters on either side, cut at a space, where the sentence has no marks (a text
        with no punctuation is one sentence)."""
        before = bisect.bisect_right(self._mark_ends, start) - 1
        if before >= 0 and self._mark_ends[before] > lo:
            lo = self._mark_ends[before]
        after = bisect.bisect_left(self._mark_starts, end)
        if after < len(self._mark_starts) and self._mark_starts[after] < hi:
            hi = self._mark_starts[after]
        if start - lo > LONG_QUOTE:
            lo = max(lo, self.text.find(" ", start - LONG_QUOTE, start) + 1, start - LONG_QUOTE)
        if hi - end > LONG_QUOTE:
            cut = self.text.rfind(" ", end, end + LONG_QUOTE)
            hi = cut if cut > end else end + LONG_QUOTE
        return lo, hi


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for gap in re.finditer(r"\n[ \t\r\f\v]*\n\s*", text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return [_trimmed(text, s, e) for s, e in spans if text[s:e].strip()]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph's lines; a line that a hard wrap broke mid-sentence joins the next one.

    Lines are kept apart otherwise: headings ("Aleph, 11") and photo captions stand alone.
    """
    lines: list[tuple[int, int]] = []
    position = start
    for newline in re.finditer(r"\n", text[start:end]):
        lines.append((position, start + newline.start()))
        position = start + newline.end()
    lines.append((position, end))
    joined: list[tuple[int, int]] = []
    for s, e in lines:
        s, e = _trimmed(text, s, e)
        if s == e:
            continue
        if joined and _wrapped(text, joined[-1], s):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


def _wrapped(text: str, previous: tuple[int, int], start: int) -> bool:
    last = text[previous[1] - 1]
    return ((last.isalpha() and last.islower()) or last in ",;") and text[start].islower()


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in _END.finditer(text, start, end):
        following = text[match.end() : match.end() + 1]
        if not following or not (
            following.isupper() or following.isdigit() or following in "“\"\u2018'("
        ):
            continue
        word = re.search(r"[\w.]*$", text[position : match.start() + 1])
        token = word.group(0) if word else ""
        if text[match.start()] == "." and (
            _ABBREVIATION.fullmatch(token.rstrip(".")) or _INITIALS.search(token)
        ):
            continue
        spans.append((position, match.end()))
        position = match.end()
    spans.append((position, end))
    return [_trimmed(text, s, e) for s, e in spans if text[s:e].strip()]


def _quotations(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches between quotation marks. Curly quotes pair up as written; straight ones in
    turn. A quotation still open at the end of its paragraph ends there (the next paragraph
    reopens it, as style guides have it)."""
    spans: list[tuple[int, int]] = []
    for start, end in paragraphs:
        opened: int | None = None
        for index in range(start, end):
            char = text[index]
            if char == "“" or (char == '"' and opened is None):
                opened = index + 1 if opened is None or char == "“" else opened
            elif char in '”"' and opened is not None:
                spans.append((opened, index))
                opened = None
        if opened is not None:
            spans.append((opened, end))
    return spans
