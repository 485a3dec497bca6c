"""The people an article may name, as the entity file gives them: every spelling that stands for
one of them, with the forms an article uses that the file need not list (a first name, a
surname, the name without its middle names), and the gender and roles the file states.

A derived form is used only when it stands for one person: "Beckham" is nobody when the file
knows David, Victoria and Brooklyn Beckham; a form the file spells itself is never overridden.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.entities import Names
from factcheck.model import Entity
from factcheck.spellings import fold

# Words that end a name without being its surname: "Freddie Prinze Jr.".
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    gender: str | None = None
    roles: tuple[str, ...] = ()


class Cast:
    """Spellings (folded) to canonical names, and what the entity file says of each person."""

    def __init__(self, names: Names, entities: Iterable[Entity] = ()) -> None:
        self.people: dict[str, Person] = {}
        for entity in entities:
            roles = tuple(r.strip().lower() for r in entity.roles)
            self.people[entity.name] = Person(entity.name, entity.gender, roles)
        self.spelled: dict[str, str] = dict(names.spelled)
        self._canonical: dict[str, str] = {}
        for key in names.spelled:
            found = names.resolve(key)
            if found is not None:
                self._canonical[key] = found
        for key, (spelling, name) in _derived(self._canonical).items():
            self.spelled[key] = spelling
            self._canonical[key] = name

    def resolve(self, spelling: str) -> str | None:
        """The person a spelling stands for; with middle names the file does not spell ("Wyatt
        Isabelle Kutcher"), the person its first and last words stand for."""
        found = self._canonical.get(fold(spelling))
        words = spelling.split()
        if found is None and len(words) > 2:
            found = self._canonical.get(fold(f"{words[0]} {words[-1]}"))
        return found

    def roles(self) -> dict[str, set[str]]:
        """Each role noun the entity file gives, and the people it gives it to."""
        holders: defaultdict[str, set[str]] = defaultdict(set)
        for person in self.people.values():
            for role in person.roles:
                holders[role].add(person.name)
        return dict(holders)


def _derived(canonical: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Forms of each canonical name an article may use alone: first name, surname, first and
    last name; kept only where they stand for one person and the file has no such spelling."""
    forms: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
    for name in set(canonical.values()):
        words = name.split()
        while len(words) > 2 and words[-1].lower() in _SUFFIXES:
            words = words[:-1]
        if len(words) < 2:
            continue
        for form in {words[0], words[-1], f"{words[0]} {words[-1]}"}:
            if len(form) > 1 and form[0].isupper():
                forms[fold(form)].add((form, name))
    return {
        key: next(iter(found))
        for key, found in forms.items()
        if key not in canonical and len({name for _, name in found}) == 1
    }
