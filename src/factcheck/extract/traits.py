"""Facts about one person that are not dates: where they were born, and how tall they are.

Birthplaces: "born in Jerusalem", "was born on June 9, 1981, in Jerusalem, Israel", "born and
raised in Uvalde, Texas", "the London-born singer", "a native of Austin". A place is what the
text capitalises after the preposition, up to two parts joined by commas ("San Diego,
California"); a date is never a place.

Heights: "stands 5 ft 3 in", "is 5'3\"", "is 1.60 m tall", "the 5-foot-3 actress", "a height
of 160 cm": written as the claims format reads them, as precise as the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.extract.datephrases import SHADOW_DATE as DATE
from factcheck.extract.kinship import Kinship
from factcheck.extract.mentions import CAPITAL
from factcheck.extract.parties import BORN
from factcheck.extract.raw import RawClaim, Who
from factcheck.lengths import LengthError, parse_length

_TOWN_OF = r"(?:(?i:the)\s+(?:[a-z]+\s+){0,2}(?i:town|city|village|suburb|borough)\s+(?i:of)\s+)?"
_CALENDAR = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
)
# A word of a place: capitalised, or an abbreviation ("St.", "D.C."); a full stop after any
# other word ends the sentence, and the place with it ("born in Leeds, England. She ...").
_PLACE_WORD = (
    rf"(?:(?!{_CALENDAR})(?:St\.|(?:[A-Z]\.){{2,}}|[A-Z][\w'\u2019-]*)"
    r"|(?:de|del|la|le|of)(?=\s+[A-Z]))"
)
_PLACE_PART = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}"
PLACE_NAME = rf"{_PLACE_PART}(?:,\s+{_PLACE_PART}){{0,2}}"
PLACE = rf"(?P<place>{PLACE_NAME})"
_NOT_PLACES = re.compile(rf"(?:{DATE})|(?i:the|a|an|his|her|their)\b")
# Feet and inches marks: apostrophe, right single quote, prime; quote, right double, double prime.
# Verbs after "born" that start another clause: its place is not where the birth was.
_OTHER_VERB = r"\b(?i:raised|grew|moved|lived|studied|married|met|settled|worked|died)\b"
_FEET = r"(?P<ft>\d)\s*(?:['\u2019\u2032]|-?\s*(?i:ft\.?|feet|foot))"
_INCHES = r"(?P<in>\d{1,2}(?:\.\d|½)?)\s*(?:[\"\u201d\u2033]|''|-?\s*(?i:in\.?|inches|inch))?"
HEIGHT = (
    rf"(?P<height>{_FEET}(?:[\s,-]*(?:(?i:and)\s+)?{_INCHES})?"
    r"|(?P<m>[12][.,]\d{1,2})\s*(?i:m|meters?|metres?)"
    r"|(?P<cm>1\d{2}|2[0-4]\d)\s*(?i:cm|centimet(?:er|re)s?))(?![\w'\"])"
)


class Traits(Kinship):
    """Finds birthplaces and heights."""

    def traits(self) -> Iterator[RawClaim]:
        yield from self._birthplaces()
        yield from self._heights()

    def _birthplaces(self) -> Iterator[RawClaim]:
        ref = self.ref
        aside = r"(?:,?\s+(?i:on|in)\s+[^,.;]{3,30}?,|\s+(?i:on|in)\s+" + DATE + r",?)?"
        forms = (
            rf"(?P<who>{ref})(?:,\s+who|,)?\s+(?:{BORN}|(?i:born))(?:\s+(?i:and\s+raised))?"
            rf"(?:\s+{CAPITAL}[\w\s]{{0,40}}?)?{aside}\s+(?i:in)\s+{_TOWN_OF}{PLACE}",
            # "Born in the small town of Stratford in Ontario, Canada, Bieber was raised ..."
            rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?i:born)\s+(?:(?i:on|in)\s+{DATE},?\s+)?(?i:in)\s+"
            rf"{_TOWN_OF}{PLACE}(?:\s+(?i:in)\s+(?P<wider>{PLACE_NAME}))?,\s+(?P<who>{ref})",
            # "was born on April 17, 1974 to parents ..., at Princess Alexandra Hospital in Harlow,
            # Essex": the place at the end of the clause about the birth
            rf"(?P<who>{ref})(?:,\s+who|,)?\s+{BORN}\b(?:(?!{_OTHER_VERB})[^.;!?]){{0,160}}?"
            rf"\s(?i:at)\s+[^,.;]{{1,60}}?\s(?i:in)\s+{PLACE}",
            rf"(?P<who>{ref}),?\s+(?:(?i:is|was)\s+)?(?:(?i:a)\s+)?(?i:native\s+of|hails\s+from)"
            rf"\s+{PLACE}",
            rf"(?<![\w-]){PLACE}-(?i:born)\s+(?:[\w-]+\s+){{0,3}}?(?P<who>{ref})",
        )
        for match in self.each(forms):
            written = match.group("place")
            if match.groupdict().get("wider"):
                written += ", " + match.group("wider")  # "Stratford in Ontario, Canada"
            place, who = _place(written), self.who(match, "who")
            if place is not None and who is not None:
                yield RawClaim("birthplace", match.start(), match.end(), place, who)

    def _heights(self) -> Iterator[RawClaim]:
        ref = self.ref
        forms = (
            rf"(?P<who>{ref}),?\s+(?:(?i:who)\s+)?(?i:stands|stood|is|was|measures|measured)"
            rf"\s+(?:(?i:at|about|around|roughly)\s+)?{HEIGHT}",
            rf"(?P<who>{ref})['\u2019]s\s+(?i:height)\s+(?:(?i:is|was|of)\s+)?{HEIGHT}",
            rf"(?<![\w-]){HEIGHT}\s*(?:-?(?i:tall)\s+)?(?P<who>{ref})",
        )
        for match in self.each(forms):
            value, who = _height(match), self.who(match, "who")
            if value is not None and who is not None:
                yield RawClaim("height", match.start(), match.end(), value, who)
        # "Standing a willowy 5'11\", the Australian actress ...": the clause's subject after
        standing = rf"(?<![\w-])(?i:standing)\s+(?:(?i:at|a|an)\s+)?(?:[a-z-]+\s+)?{HEIGHT}"
        for match in re.finditer(standing, self.text):
            sentence = self.layout.sentence_at(match.start())
            after = (
                [m for m in self.mentions.between(match.end(), sentence.end) if m.person]
                if sentence is not None
                else []
            )
            value = _height(match)
            if value is not None and after:
                who = Who(mention=after[0])
                yield RawClaim("height", match.start(), after[0].end, value, who)


def _place(written: str) -> str | None:
    if written.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$|\bSt\.$", written):
        written = written[:-1]  # the sentence's full stop, not "D.C." or "St."
    parts = [" ".join(p.split()) for p in written.split(",")]
    parts = [p for p in parts if p]
    while parts and _NOT_PLACES.fullmatch(parts[-1]):
        parts.pop()
    if not parts or _NOT_PLACES.match(parts[0]):
        return None
    return ", ".join(parts)


def _height(match: re.Match[str]) -> str | None:
    if match.group("cm"):
        value = f"{match.group('cm')} cm"
    elif match.group("m"):
        value = f"{match.group('m').replace(',', '.')} m"
    else:
        inches = match.group("in")
        value = f"{match.group('ft')} ft" + (f" {inches.replace('½', '.5')} in" if inches else "")
    try:
        parse_length(value)
    except LengthError:
        return None
    return value
