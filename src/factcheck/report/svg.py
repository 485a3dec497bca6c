"""Timelines drawn as SVG for the HTML report: a year axis, and on it each event's best-supported
window, each claim's window as a bar from its article, each reported age where it held, and each
article's stated and inferred publication dates.

A bar's kind is in its class (``best``, ``agree``, ``disputed``, ``contested``, ``stated``), so
that the page's style sheet draws it: kinds differ in shape and pattern as well as colour, and
keep their meaning for colour-blind readers and in print. Every bar has a ``<title>`` with what
it stands for in words; the page also gives each drawing as a table.

Text from claim files is escaped like all text of the page (:func:`text`).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.dates import DayInterval, in_calendar
from factcheck.findings import Dating
from factcheck.textsafe import inert
from factcheck.timeline import Age, Cited, Timeline

WIDTH = 960
LABELS = 330  # the label column, left of the axis
ROW = 22
AXIS = 30  # the year labels and ticks on top
_LABEL_CHARS = 48  # a longer label is cut, whole in its tooltip


def text(value: object) -> str:
    """Text from anywhere, as HTML or SVG text or attribute value: escaped, with control and
    direction characters shown as escapes (as the terminal shows them)."""
    return html.escape(inert(str(value)), quote=True)


@dataclass(frozen=True, slots=True)
class Bar:
    """One row: a label, and the days it marks (None: nothing to draw)."""

    label: str
    window: DayInterval | None
    kind: str  # a CSS class: heading, best, agree, disputed, contested, stated, undated
    title: str  # what the bar stands for, in words
    mark: DayInterval | None = None  # a second mark on the row: an article's stated date


def _year(day: int) -> int:
    return dt.date.fromordinal(in_calendar(day)).year


_FIRST_YEAR, _LAST_YEAR = dt.date.min.year, dt.date.max.year


def _first_of(year: int) -> int:
    """The first day of ``year``; for the year after the calendar's last, the day after it."""
    if year > _LAST_YEAR:
        return dt.date.max.toordinal() + 1
    return dt.date(max(_FIRST_YEAR, year), 1, 1).toordinal()


@dataclass(frozen=True, slots=True)
class Scale:
    """Days to x: whole years from ``first`` to ``last``, between the labels and the edge."""

    first: int
    last: int

    @classmethod
    def around(cls, windows: Iterable[DayInterval | None]) -> Scale | None:
        """Whole years around every end of the windows, and one after them; one before them too
        where a window is open there, so that its arrow has room; never past the calendar."""
        shown = [window for window in windows if window is not None]
        ends = [end for window in shown for end in (window.lo, window.hi) if end is not None]
        if not ends:
            return None
        first = _year(min(ends)) - any(window.lo is None for window in shown)
        last = _year(max(ends)) + 1
        return cls(max(_FIRST_YEAR, first), min(_LAST_YEAR, last))

    def x(self, day: int) -> float:
        start, stop = _first_of(self.first), _first_of(self.last + 1)
        share = (in_calendar(day) - start) / max(1, stop - start)
        return LABELS + min(max(share, 0.0), 1.0) * (WIDTH - LABELS - 30)

    def years(self) -> list[int]:
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 500, 1000) if self.span / s <= 12)
        return [y for y in range(self.first, self.last + 2) if y % step == 0 and y <= _LAST_YEAR]

    @property
    def span(self) -> int:
        return self.last - self.first + 1


def _axis(scale: Scale, height: int) -> list[str]:
    parts = []
    for year in scale.years():
        x = scale.x(_first_of(year))
        parts.append(
            f'<line class="tick" x1="{x:.1f}" y1="{AXIS - 6}" x2="{x:.1f}" y2="{height}"/>'
        )
        parts.append(f'<text class="year" x="{x:.1f}" y="{AXIS - 10}">{year}</text>')
    return parts


def _span(scale: Scale, window: DayInterval, y: int, kind: str, title: str) -> str:
    """A bar over the window's days; an open end runs to the edge, faded, with an arrowhead."""
    start, end = scale.x(_first_of(scale.first)), scale.x(_first_of(scale.last + 1))
    lo = start if window.lo is None else scale.x(window.lo)
    hi = end if window.hi is None else scale.x(window.hi + 1)
    opened = " open" if window.lo is None or window.hi is None else ""
    width = max(hi - lo, 3.0)  # a day is still visible
    parts = [
        f'<rect class="bar {kind}{opened}" x="{lo:.1f}" y="{y + 5}" width="{width:.1f}" '
        f'height="{ROW - 10}" rx="2"><title>{text(title)}</title></rect>'
    ]
    mid = y + ROW / 2
    for edge, side in ((lo, -1), (hi, 1)):
        if (side < 0 and window.lo is None) or (side > 0 and window.hi is None):
            tip = edge + 7 * side
            points = f"{edge:.1f},{mid - 6:.1f} {tip:.1f},{mid:.1f} {edge:.1f},{mid + 6:.1f}"
            parts.append(f'<polygon class="arrow {kind}" points="{points}"/>')
    return "".join(parts)


def _marker(scale: Scale, day: int, y: int, kind: str, title: str) -> str:
    x, mid = scale.x(day), y + ROW / 2
    corners = ((x, mid - 7), (x + 6, mid), (x, mid + 7), (x - 6, mid))
    points = " ".join(f"{a:.1f},{b:.1f}" for a, b in corners)
    return f'<polygon class="mark {kind}" points="{points}"><title>{text(title)}</title></polygon>'


def _row(scale: Scale, bar: Bar, y: int) -> list[str]:
    shown = bar.label if len(bar.label) <= _LABEL_CHARS else bar.label[: _LABEL_CHARS - 1] + "…"
    parts = [
        f'<text class="label {bar.kind}" x="4" y="{y + 15}">{text(shown)}'
        f"<title>{text(bar.label)}</title></text>"
    ]
    window = bar.window
    if window is not None and window.lo is not None and window.lo == window.hi:
        parts.append(_marker(scale, window.lo, y, bar.kind, bar.title))  # one day
    elif window is not None and (window.lo is not None or window.hi is not None):
        parts.append(_span(scale, window, y, bar.kind, bar.title))
    if bar.mark is not None and bar.mark.lo is not None:
        parts.append(_marker(scale, bar.mark.lo, y, "stated", f"stated: {bar.mark}"))
    return parts


def draw(bars: list[Bar], scale: Scale, label: str) -> str:
    """An SVG of the rows that mark days (and of headings), labelled for screen readers by
    ``label``; a claim relative to another event has a row in the table only."""
    bars = [bar for bar in bars if bar.window or bar.mark or bar.kind in ("heading", "best")]
    height = AXIS + ROW * len(bars) + 4
    parts = _axis(scale, height)
    for row, bar in enumerate(bars):
        y = AXIS + ROW * row
        if row % 2:
            parts.append(f'<rect class="stripe" x="0" y="{y}" width="{WIDTH}" height="{ROW}"/>')
        parts += _row(scale, bar, y)
    return (
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{text(label)}" preserveAspectRatio="xMinYMin meet">'
        + "".join(parts)
        + "</svg>"
    )


def _kind(said: Cited | Age) -> str:
    return "disputed" if said.disputed else "contested" if said.contested else "agree"


def _status(kind: str) -> str:
    marks = {"disputed": "✗ ", "contested": "? "}
    return marks.get(kind, "")


def person_bars(timeline: Timeline) -> list[Bar]:
    """A person's rows: each event (its best window) with the claims that bound it, then the
    ages reported."""
    bars = []
    for event in timeline.events:
        best = event.window
        # A day is short enough to read beside the event; a longer window is the grey band.
        label = f"{event.label} {best}" if best.exact else event.label
        dated = best.lo is not None or best.hi is not None
        title = f"{event.label}: {best} (the best-supported window)"
        if not dated:
            title = f"{event.label}: no undisputed claim dates it"
        bars.append(Bar(label, best if dated else None, "best", title))
        for cited in event.sources:  # one relative to another event has no window of its own
            kind = _kind(cited)
            said = f"{cited.cited_as} says {cited.says}"
            label = f"{_status(kind)}{cited.cited_as}: {cited.predicate.replace('_', ' ')}"
            bars.append(Bar(label, cited.window, kind, said))
    if timeline.ages:
        bars.append(Bar("reported ages", None, "heading", "the ages the articles give"))
    for age in timeline.ages:
        kind = _kind(age)
        title = f"{age.cited_as}: age {age.value_text}, as of {age.as_of}"
        label = f"{_status(kind)}age {age.value_text}: {age.cited_as}"
        bars.append(Bar(label, age.as_of, kind, title))
    return bars


def article_bars(dates: Iterable[Dating], names: dict[str, str]) -> list[Bar]:
    """Each article's row: the window its claims allow (misdated and undated ones stand out),
    and its stated date."""
    bars = []
    for dating in dates:
        window = None
        if dating.earliest is not None or dating.latest is not None:
            window = DayInterval(dating.earliest, dating.latest)
        name = names.get(dating.article, dating.article)  # "(undated)" where it is
        kind = "undated" if dating.stated is None else "disputed" if dating.misdated else "agree"
        title = f"{name}: its claims fit {window or 'any day'}"
        if dating.stated is not None:
            title += f"; stated {dating.stated}" + (", which they do not fit" * dating.misdated)
        bars.append(Bar(f"{_status(kind)}{name}", window, kind, title, dating.stated))
    return bars


def windows_of(bars: list[Bar]) -> list[DayInterval | None]:
    return [w for bar in bars for w in (bar.window, bar.mark)]
