"""A timeline as a picture: a year ruler, each event's window as a bar on it, the reported ages
as marks on the same axis, then the claims behind each event.

As in the run report, every piece of text from a claim file goes through :func:`inert` into a
``Text`` object (never markup); colour only on a terminal and never with NO_COLOR; no line reads
as a CI workflow command and none ends in spaces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from factcheck.dates import DayInterval, in_calendar, iso
from factcheck.report.text import marks_for, terminal
from factcheck.textsafe import inert
from factcheck.timeline import Age, Cited, Event, Timeline

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_GLYPHS = {
    "bar": "━",
    "day": "●",
    "left": "◂",
    "right": "▸",
    "grid": "·",
    "rule": "─",
    "tick": "┬",
    "age": "◆",
    "span": "─",
    "guess": "┄",
    "more": "…",
}
_ASCII = {
    "bar": "=",
    "day": "o",
    "left": "<",
    "right": ">",
    "grid": ".",
    "rule": "-",
    "tick": "+",
    "age": "*",
    "span": "-",
    "guess": ".",
    "more": "~",
}
_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)
_MIN_TICK = 6  # columns between year ticks: a year's digits and a space
_MIN_BAR, _MAX_BAR = 30, 120  # the axis's width; narrower, labels go above their bars
_MAX_LABEL = 32
_GAP = 2
_EVENT, _AGE, _DISPUTED, _CONTESTED = "bold cyan", "magenta", "bold red", "bold yellow"


def _glyphs(out: TextIO) -> dict[str, str]:
    try:
        "".join(_GLYPHS.values()).encode(getattr(out, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return _ASCII
    return _GLYPHS


def when(interval: DayInterval | None) -> str:
    """An interval as briefly as it reads: 2011-06-14, 2009, 2011-06, 2012-03-10..2013-03-09."""
    if interval is None:
        return "no date"
    if interval.lo is None or interval.hi is None:
        return str(interval)  # "on or before 2024-03-09", "any day"
    return iso(interval).replace("/", "..")


def _event_when(event: Event) -> str:
    """The event's window; "in dispute" where every claim that dates it is disputed or
    contested (none is left to date it, which does not make it "any day")."""
    unbounded = event.window.lo is None and event.window.hi is None
    if unbounded and event.sources and event.articles == 0:
        return "in dispute"
    return when(event.window)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


@dataclass(frozen=True, slots=True)
class _Axis:
    """Whole years, ``step`` years between labelled ticks, each tick on the same column spacing
    (a day's column is its year's plus the fraction of that year gone by)."""

    first_year: int
    years: int  # a multiple of step
    step: int
    width: int  # a multiple of the ticks' count when it can be

    def col(self, day: int) -> int:
        date = dt.date.fromordinal(in_calendar(day))
        length = dt.date(date.year, 12, 31).timetuple().tm_yday
        position = date.year - self.first_year + (date.timetuple().tm_yday - 1) / length
        return min(self.width - 1, max(0, int(position * self.width / self.years)))

    def ticks(self) -> list[tuple[int, int]]:
        """(year, column) of each labelled year."""
        return [
            (self.first_year + i * self.step, i * self.step * self.width // self.years)
            for i in range(self.years // self.step)
        ]


def _axis(days: list[int], width: int) -> _Axis:
    """The years from the first day to the last, starting on a labelled tick: every year, or
    every 2nd, 5th, 10th... so that the labels fit."""
    low, last = (dt.date.fromordinal(in_calendar(d)).year for d in (min(days), max(days)))
    for step in _STEPS:
        first = low - low % step
        ticks = -(-(last - first + 1) // step)
        if width >= _MIN_TICK * ticks:
            break
    if width >= ticks:
        width -= width % ticks
    return _Axis(first, ticks * step, step, width)


@dataclass(frozen=True, slots=True)
class _Row:
    label: str  # already inert
    label_style: str
    window: DayInterval | None
    fill: str  # glyph names: for a span of days, and for one day
    mark: str
    style: str
    right: str  # already inert
    right_style: str = ""


def _bar(axis: _Axis, row: _Row, glyphs: dict[str, str]) -> Text:
    from rich.text import Text

    cells = [(" ", "")] * axis.width
    for _, column in axis.ticks():
        cells[column] = (glyphs["grid"], "dim")
    window = row.window
    if window is not None:
        lo, hi = window.lo, window.hi
        if lo is not None and lo == hi:
            cells[axis.col(lo)] = (glyphs[row.mark], row.style)
        else:
            fill = glyphs[row.fill] if lo is not None or hi is not None else glyphs["guess"]
            first = 0 if lo is None else axis.col(lo)
            last = axis.width - 1 if hi is None else axis.col(hi)
            for column in range(first, last + 1):
                cells[column] = (fill, row.style)
            if lo is None:
                cells[0] = (glyphs["left"], row.style)
            if hi is None:
                cells[-1] = (glyphs["right"], row.style)
    text = Text()
    for char, style in cells:
        text.append(char, style)
    return text


def _standing(item: Cited | Age | Event) -> tuple[str, str]:
    """How a claim (or an event's claims) stands, in words and in colour: named likely wrong
    (disputed), on one side of an undecided dispute (contested), or neither."""
    if item.disputed:
        return "disputed", _DISPUTED
    if item.contested:
        return "contested", _CONTESTED
    return "", ""


def _event_rows(event: Event, marks: dict[str, str]) -> list[_Row]:
    # Every article behind the event, then how many of them a finding disputes or contests.
    count = _plural(len({s.article for s in event.sources}), "article")
    standing = [f"{event.disputed_articles} disputed"] if event.disputed_articles else []
    if event.contested_articles:
        standing.append(f"{event.contested_articles} contested")
    if standing:
        count += ": " + ", ".join(standing)
    _, marked = _standing(event)
    right = f"{_event_when(event)}  {count}"
    rows = [
        _Row(
            inert(event.label), "bold", event.window, "bar", "day", marked or _EVENT, right, marked
        )
    ]
    for source in event.sources:
        word, style = _standing(source)
        if word and source.window is not None:
            mark = marks["error"] if source.disputed else marks["contested"]
            label = f"  {mark} {inert(source.article)}"
            right = f"{when(source.window)}  {word}"
            rows.append(_Row(label, style, source.window, "bar", "day", style, right, style))
    return rows


def _age_row(age: Age) -> _Row:
    inferred = age.as_of_from == "inferred"
    word, marked = _standing(age)
    right = when(age.as_of) + (" (inferred)" if inferred else "")
    right += f"  {inert(age.article)}" + (f"  {word}" if word else "")
    fill = "guess" if inferred else "span"
    label = inert(f"age {age.value_text}")
    return _Row(label, marked, age.as_of, fill, "age", marked or _AGE, right, marked)


def _fit(label: str, width: int, glyphs: dict[str, str]) -> str:
    return label if len(label) <= width else label[: width - 1] + glyphs["more"]


def _whole(console: Console, text: Text) -> None:
    """Print a line that is never wrapped: a chart's row (its columns line up), a location
    (clicked or copied whole)."""
    console.print(text, no_wrap=True, crop=False, overflow="ignore")


def _joined(*parts: Text) -> Text:  # one Text, each part keeping its own style only
    from rich.text import Text

    line = Text()
    for number, part in enumerate(parts):
        if number:
            line.append(" " * _GAP)
        line.append_text(part)
    return line


def _print_chart(
    result: Timeline, console: Console, marks: dict[str, str], glyphs: dict[str, str]
) -> None:
    from rich.text import Text

    event_rows = [row for event in result.events for row in _event_rows(event, marks)]
    age_rows = [_age_row(age) for age in result.ages]
    rows = event_rows + age_rows
    days = [
        day
        for row in rows
        if row.window is not None
        for day in (row.window.lo, row.window.hi)
        if day is not None
    ]
    if not days:
        console.print(Text("  no dated event or age", style="dim"))
        return
    label_width = min(_MAX_LABEL, max(len(row.label) for row in rows))
    right_width = max(len(row.right) for row in rows)
    beside = console.width - label_width - right_width - 2 * _GAP
    inline = beside >= _MIN_BAR
    width = min(_MAX_BAR, beside) if inline else max(20, console.width - 2 * _GAP)
    indent = " " * (label_width + _GAP if inline else _GAP)
    axis = _axis(days, width)
    width = axis.width

    years, ruler = [" "] * width, [glyphs["rule"]] * width
    for year, column in axis.ticks():
        digits = str(year)
        if column + len(digits) <= width and years[max(0, column - 1)] == " ":
            years[column : column + len(digits)] = digits
        ruler[column] = glyphs["tick"]
    _whole(console, Text(indent + "".join(years), style="dim"))
    _whole(console, Text(indent + "".join(ruler), style="dim"))

    def draw(row: _Row) -> None:
        fitted = _fit(row.label, label_width, glyphs) if inline else row.label
        label = Text(fitted, style=row.label_style)
        right = Text(row.right, style=row.right_style)
        if inline:
            label.pad_right(label_width - len(label))
            _whole(console, _joined(label, _bar(axis, row, glyphs), right))
        else:
            _whole(console, _joined(label, right))
            _whole(console, _joined(Text(indent[:-_GAP]), _bar(axis, row, glyphs)))

    for row in event_rows:
        draw(row)
    if age_rows:
        console.print()
        console.print(Text("Reported ages", style="bold"))
        for row in age_rows:
            draw(row)


def _print_source(source: Cited, console: Console, marks: dict[str, str]) -> None:
    from rich.padding import Padding
    from rich.text import Text

    head = Text()
    word, style = _standing(source)
    if word:
        mark = marks["error"] if source.disputed else marks["contested"]
        head.append(f"{mark} {word}: ", style=style)
    head.append(inert(source.cited_as), style="bold")
    head.append(f" says {inert(source.says)}", style=style.removeprefix("bold "))
    console.print(Padding(head, (0, 0, 0, 4), expand=False))
    location = Text(inert(f"{source.file}:{source.line}"), style="cyan")
    quote = None
    if source.quote:
        quote = Text(f"{marks['open']}{inert(source.quote)}{marks['close']}", style="italic")
    if quote is not None and 6 + len(quote) + _GAP + len(location) <= console.width:
        _whole(console, _joined(Text(" " * (6 - _GAP)), quote, location))
        return
    if quote is not None:
        console.print(Padding(quote, (0, 0, 0, 6), expand=False))
    _whole(console, _joined(Text(" " * (6 - _GAP)), location))


def _print(
    result: Timeline, console: Console, marks: dict[str, str], glyphs: dict[str, str]
) -> None:
    from rich.text import Text

    console.print(Text(inert(result.entity), style="bold underline"))
    if not result.events and not result.ages and not result.facts:
        console.print(Text("  no claim dates an event of theirs", style="dim"))
        return
    console.print()
    if result.events or result.ages:
        _print_chart(result, console, marks, glyphs)
    if result.events:
        console.print()
        console.print(Text("Sources", style="bold underline"))
    for event in result.events:
        head = Text("  ")
        head.append(inert(event.label), style="bold")
        head.append(f"  {_event_when(event)}", style=_standing(event)[1])
        _whole(console, head)
        for source in event.sources:
            _print_source(source, console, marks)
    if result.facts:
        console.print()
        console.print(Text("Facts", style="bold underline"))
    for facts in result.facts:
        _whole(console, Text(f"  {inert(facts.label)}", style="bold"))
        for source in facts.sources:
            _print_source(source, console, marks)
    console.print()
    console.print(Text(_summary(result), style="bold"))


def _summary(result: Timeline) -> str:
    facts = [s for f in result.facts for s in f.sources]
    articles = {s.article for e in result.events for s in e.sources}
    articles |= {a.article for a in result.ages} | {f.article for f in facts}
    claims: list[Cited | Age] = [
        *(s for e in result.events for s in e.sources),
        *result.ages,
        *facts,
    ]
    disputed = {(c.article, c.claim) for c in claims if c.disputed}
    contested = {(c.article, c.claim) for c in claims if c.contested}
    counted = [_plural(len(result.events), "event"), _plural(len(result.ages), "reported age")]
    if facts:
        counted.append(_plural(len(facts), "other fact"))
    listed = f"{', '.join(counted[:-1])} and {counted[-1]}"
    text = f"{listed} from {_plural(len(articles), 'article')}"
    if disputed:
        text += f"; {_plural(len(disputed), 'claim')} disputed"
    if contested:
        text += f"; {_plural(len(contested), 'claim')} contested (factcheck cannot tell)"
    return text


def render(result: Timeline, out: TextIO) -> None:
    with terminal(out) as console:
        _print(result, console, marks_for(out), _glyphs(out))
