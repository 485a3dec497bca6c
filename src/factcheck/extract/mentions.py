"""Who the article talks about: every mention of a person, named (through the entity file),
by pronoun ("she", "his") or by role ("the actress", "the Star Wars actress", "the couple").

Names are matched as the entity file spells them, ignoring case but only where the text
capitalises them (a name is a proper noun), and never inside a longer word or hyphenated name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.extract.segments import Layout

FEMALE, MALE = "female", "male"
KIN_GENDER = {"son": MALE, "boy": MALE, "daughter": FEMALE, "girl": FEMALE}
PRONOUNS = {
    **dict.fromkeys(("she", "her", "hers", "herself"), FEMALE),
    **dict.fromkeys(("he", "him", "his", "himself"), MALE),
}
GROUP_PRONOUNS = ("they", "them", "their", "themselves")
# Role nouns a text uses for someone it has named, with the gender the noun itself gives.
ROLES: dict[str, str | None] = {
    "actress": FEMALE,
    "mother": FEMALE,
    "mom": FEMALE,
    "wife": FEMALE,
    "businesswoman": FEMALE,
    "father": MALE,
    "dad": MALE,
    "husband": MALE,
    "businessman": MALE,
    "duchess": FEMALE,
    "princess": FEMALE,
    "queen": FEMALE,
    "duke": MALE,
    "prince": MALE,
    "king": MALE,
    **dict.fromkeys(
        (
            "actor",
            "activist",
            "athlete",
            "author",
            "choreographer",
            "comedian",
            "dancer",
            "designer",
            "director",
            "entrepreneur",
            "filmmaker",
            "footballer",
            "host",
            "model",
            "musician",
            "presenter",
            "producer",
            "rapper",
            "rocker",
            "singer",
            "songwriter",
            "star",
            "winner",
            "writer",
        ),
        None,
    ),
}
GROUPS = ("couple", "pair", "duo", "twosome", "lovebirds", "newlyweds", "exes", "spouses")
# "the actress", "the Star Wars actress", "the Oscar-winning star", "the former couple".
_MODIFIER = (
    r"(?:[A-Z][\w'\u2019.-]*|\d{1,3}-(?i:year)-(?i:old)"  # "the 38-year-old actress"
    r"|[\"\u201c][^\"\u201d\n]{1,40}[\"\u201d]"  # "the “Shakespeare in Love” actress"
    r"|(?:and|of|in|the|&)(?=\s+[A-Z])"  # "the Queen and Slim actress"
    r"|(?i:former|estranged|happy|new|young|proud|famous|married|beloved|late))"
)
# "the two" is a couple only before a verb ("the two married"), not in "the two children".
_THE_TWO = (
    r"(?i:the\s+two)(?=\s+(?i:have|had|were|are|met|first|married|wed|tied|got|split"
    r"|separated|divorced|broke|parted|later|then|also|eventually|finally|initially|began"
    r"|started|officially|reportedly)\b|\s*$)"  # (or cut off before its verb)
)
_PRONOUN = (
    r"(?<![\w'\u2019-])(?i:"
    + "|".join(sorted((*PRONOUNS, *GROUP_PRONOUNS), key=len, reverse=True))
    + r")(?![\w'\u2019-])"
)


def role_nouns(extra: Iterable[str] = ()) -> dict[str, str | None]:
    """The role nouns a text may call someone by: the common ones, and those the entity file
    gives its people ("footballer"), each with the gender the noun itself gives."""
    nouns = dict(ROLES)
    for noun in extra:
        nouns.setdefault(" ".join(noun.lower().split()), None)
    return nouns


def noun_pattern(nouns: Iterable[str]) -> str:
    """Nouns as one case-insensitive alternative, longest first."""
    ordered = sorted(nouns, key=len, reverse=True)
    return "(?i:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in ordered) + ")"


def _role_phrase(nouns: Iterable[str]) -> str:
    role = noun_pattern(nouns)
    groups = "|".join(GROUPS) + f"|{role}s"  # two people by one plural: "the singers"
    return (
        rf"(?:(?i:the)\s+(?:{_MODIFIER}\s+){{0,4}}(?:{role}|(?i:{groups}))(?![\w-])"
        rf"|{_THE_TWO})"
    )


# Where a pattern is to find a named person, it reads a shadow of the text in which each name
# mention is one letter-like mark followed by fillers, as long as the name: a pattern then finds
# names with a tiny expression instead of the entity file's every spelling (compiling those into
# some sixty patterns took over a second), and offsets stay those of the text.
NAME_MARK, ROLE_MARK, NAME_FILL = "\ua66e", "\ua686", "\ua66d"
SHADOW_NAME = f"(?:{NAME_MARK}{NAME_FILL}*)"
SHADOW_ROLE = f"(?:{ROLE_MARK}{NAME_FILL}*)"  # "the actress", "the couple": a role phrase
CAPITAL = f"[A-Z{NAME_MARK}]"  # what a name starts with, in the text or its shadow
_MIDDLE = r"(?-i:[\"\u201c\u2018]?[A-Z][\w'\u2019-]*[.\"\u201d\u2019]?)"  # "Chester “Chet” Hanks"


def name_pattern(spellings: Iterable[str]) -> str:
    """A regular expression for the entity file's names and aliases (longest first, so that
    "Aleph Portman-Millepied" wins over "Aleph"). It never matches when there are none."""
    alternatives = sorted({s.strip() for s in spellings if s.strip()}, key=len, reverse=True)
    if not alternatives:
        return r"(?!x)x"
    body = "|".join(_spelled(s) for s in alternatives)
    # Capitalised where it stands: "Will" is a name, "will" is not.
    return rf"(?<![\w-])(?=[A-ZÀ-ÖØ-Þ])(?i:{body})(?![\w-])"


def _spelled(spelling: str) -> str:
    """A name as a text may write it: its words, and up to two middle names between the first
    and the next ("Wyatt Isabelle Kutcher" for "Wyatt Kutcher")."""
    words = [re.escape(w) for w in spelling.split()]
    if len(words) < 2:
        return words[0]
    return words[0] + rf"(?:\s+{_MIDDLE}){{0,2}}?\s+" + r"\s+".join(words[1:])


def ref_pattern(names: str) -> str:
    """Any mention of a person in the shadow text: a name, a pronoun or a role phrase."""
    return rf"(?:{names}|{SHADOW_ROLE}|{_PRONOUN})"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # "name", "pronoun", "role" or "group" (the couple, they)
    text: str
    sentence: int
    quoted: bool  # inside quotation marks: "I" and "my" are the speaker there
    entity: str | None = None  # the canonical name, for a name
    gender: str | None = None  # the gender a pronoun or role noun gives
    role: str | None = None  # the role noun of a role mention

    @property
    def person(self) -> bool:
        return self.kind != "group"


def shadowed(text: str, mentions: Iterable[Mention]) -> str:
    """The text with each name and role phrase replaced by its shadow (see NAME_MARK)."""
    parts, position = [], 0
    for mention in mentions:
        mark = NAME_MARK if mention.kind == "name" else ROLE_MARK if mention.role else None
        if mark is not None:
            parts += [text[position : mention.start], mark]
            parts.append(NAME_FILL * (mention.end - mention.start - 1))
            position = mention.end
    parts.append(text[position:])
    return "".join(parts)


class Mentions:
    """Every mention in the article, in reading order, and lookups by position."""

    def __init__(
        self,
        text: str,
        layout: Layout,
        names: str,
        resolve_name: Callable[[str], str | None],
        roles: dict[str, str | None] | None = None,
    ) -> None:
        self.layout = layout
        self.roles = ROLES if roles is None else roles
        self.items: list[Mention] = []
        role = _role_phrase(self.roles)
        finder = re.compile(rf"(?P<name>{names})|(?P<role>{role})|(?P<pronoun>{_PRONOUN})")
        for match in finder.finditer(text):
            sentence = layout.sentence_at(match.start())
            if sentence is None:
                continue
            quoted = layout.quoted(match.start())
            self.items.append(_mention(match, sentence.index, quoted, resolve_name, self.roles))
        self._by_start = {m.start: m for m in self.items}
        self._starts = [m.start for m in self.items]
        self._by_sentence: dict[int, list[Mention]] = {}
        for mention in self.items:
            self._by_sentence.setdefault(mention.sentence, []).append(mention)

    def at(self, start: int, end: int | None = None) -> Mention | None:
        """The mention that a pattern's group matched, by its span."""
        mention = self._by_start.get(start)
        if mention is None or (end is not None and mention.end != end):
            return None
        return mention

    def in_sentence(self, index: int) -> list[Mention]:
        return self._by_sentence.get(index, [])

    def between(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [m for m in self.items[first:last] if m.end <= end]


def _mention(
    match: re.Match[str],
    sentence: int,
    quoted: bool,
    resolve_name: Callable[[str], str | None],
    roles: dict[str, str | None],
) -> Mention:
    text = match.group(0)
    span = match.start(), match.end()
    if match.group("name"):
        return Mention(*span, "name", text, sentence, quoted, entity=resolve_name(text))
    if match.group("pronoun"):
        word = text.lower()
        kind = "group" if word in GROUP_PRONOUNS else "pronoun"
        return Mention(*span, kind, text, sentence, quoted, gender=PRONOUNS.get(word))
    words = text.lower().split()
    noun = next(
        (n for n in (" ".join(words[i:]) for i in range(1, len(words))) if n in roles),
        words[-1],
    )
    plural = noun.endswith("s") and noun[:-1] in roles  # "the singers"
    if noun in GROUPS or noun == "two" or plural:
        return Mention(*span, "group", text, sentence, quoted, role=noun)
    return Mention(*span, "role", text, sentence, quoted, gender=roles.get(noun), role=noun)
