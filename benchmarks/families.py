"""Generate family corpora for the blame benchmark, with their answer key.

    python benchmarks/families.py OUT_DIR [--families N] [--seed S]

Each family is a hidden truth: two parents (born 1955-1990) who met in a year after both turned
18 and married one to six years later, and one to three children born after the wedding. Each
family gets 3 to 10 articles, one file each. An article is published on a day after the
youngest child's first birthday and states 4 to 8 true facts at that day: ages, birth dates (at
day, month or year precision), the meeting and wedding years, and years of marriage.

Then mistakes are planted, as a desk meets them: in about a third of the articles one fact (in
a few, two) is replaced by a wrong one: an age off by one or two, a year off by one, or a birth
date with its day and month swapped. In about one family in six, one article is a reprint: its
facts are true at an earlier day, one to four years before the date it carries, and it states at
least two ages or years of marriage. The key (``OUT_DIR/key.json``) lists the planted claims, and
each reprint with its claims in the present tense and those of them that are false at the date
it carries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTHS += ["September", "October", "November", "December"]
LATEST = dt.date(2025, 12, 31)


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days + 1)))


def _family(rng: random.Random, number: int) -> dict[str, Any]:
    parents = [_day(rng, dt.date(1955, 1, 1), dt.date(1990, 12, 31)) for _ in range(2)]
    adult = max(parents) + relativedelta(years=18)
    met = _day(rng, adult, adult + relativedelta(years=10))
    wed = _day(rng, met + relativedelta(years=1), met + relativedelta(years=6))
    children = sorted(
        _day(rng, wed, min(wed + relativedelta(years=12), dt.date(2020, 12, 31)))
        for _ in range(rng.randint(1, 3))
    )
    names = [f"Parent {number}a", f"Parent {number}b"]
    names += [f"Child {number}{chr(ord('a') + i)}" for i in range(len(children))]
    return {"names": names, "born": parents + children, "met": met, "wed": wed}


def _facts(rng: random.Random, family: dict[str, Any], day: dt.date) -> list[dict[str, Any]]:
    """Every fact true on ``day``, one per kind and person, each a claim draft."""
    facts = []
    for name, born in zip(family["names"], family["born"], strict=True):
        if born + relativedelta(years=1) <= day:
            age = relativedelta(day, born).years
            facts.append({"kind": "age", "subject": name, "value": age})
        precision = rng.choice(["day", "month", "year"])
        facts.append({"kind": "born", "subject": name, "date": born, "precision": precision})
    couple = {"subject": family["names"][0], "object": family["names"][1]}
    facts.append({"kind": "met", "year": family["met"].year, **couple})
    facts.append({"kind": "married", "year": family["wed"].year, **couple})
    if family["wed"] + relativedelta(years=1) <= day:
        years = relativedelta(day, family["wed"]).years
        facts.append({"kind": "married_for", "value": years, **couple})
    return facts


def _truth(family: dict[str, Any], fact: dict[str, Any], day: dt.date) -> int:
    """What an age or a years of marriage would be on ``day``."""
    if fact["kind"] == "married_for":
        return relativedelta(day, family["wed"]).years
    return relativedelta(day, family["born"][family["names"].index(fact["subject"])]).years


def _plant(rng: random.Random, fact: dict[str, Any]) -> None:
    """Make ``fact`` wrong, as a desk meets mistakes."""
    kind = fact["kind"]
    if kind in ("age", "married_for"):
        fact["value"] += rng.choice([d for d in (-2, -1, 1, 2) if fact["value"] + d >= 0])
        return
    if kind in ("met", "married"):
        fact["year"] += rng.choice([-1, 1])
        return
    date = fact["date"]
    if fact["precision"] == "day" and date.day <= 12 and date.day != date.month:
        fact["date"] = date.replace(month=date.day, day=date.month)
    else:  # February 29th has no day in the next or last year: the 28th, a year off
        fact["date"] = date.replace(year=date.year + rng.choice([-1, 1]), day=min(date.day, 28))


def _value(fact: dict[str, Any]) -> str:
    kind = fact["kind"]
    if kind in ("age", "married_for"):
        return str(fact["value"])
    if kind in ("met", "married"):
        return f'"{fact["year"]}"'
    date = fact["date"]
    if fact["precision"] == "day":
        return date.isoformat()
    if fact["precision"] == "month":
        return f'"{MONTHS[date.month - 1]} {date.year}"'
    return f'"{date.year}"'


def _render(article: dict[str, Any]) -> str:
    lines = ["[article]", f'id = "{article["id"]}"', f"published = {article['published']}", ""]
    for claim in article["claims"]:
        predicate = claim["kind"]
        lines += ["[[claims]]", f'id = "{claim["id"]}"', f'subject = "{claim["subject"]}"']
        lines.append(f'predicate = "{predicate}"')
        if "object" in claim:
            lines.append(f'object = "{claim["object"]}"')
        lines += [f"value = {_value(claim)}", ""]
    return "\n".join(lines)


def build(families: int, seed: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The articles of every family, and the answer key."""
    rng = random.Random(seed)
    articles: list[dict[str, Any]] = []
    key: dict[str, Any] = {"planted": [], "reprints": [], "families": families}
    for number in range(families):
        family = _family(rng, number)
        first = max(family["born"][-1], family["wed"]) + relativedelta(years=1)
        count = rng.randint(3, 10)
        reprint = rng.randrange(count) if rng.random() < 1 / 6 else None
        for index in range(count):
            published = _day(rng, first, LATEST)
            said = published  # the day its facts are true on
            if index == reprint:
                said = _day(rng, first, LATEST - relativedelta(years=1))
                published = min(LATEST, said + relativedelta(years=rng.randint(1, 4)))
            facts = _facts(rng, family, said)
            present = [f for f in facts if f["kind"] in ("age", "married_for")]
            if said != published and len(present) < 2:
                said = published  # too young a family for a reprint with two ages: not one
            rng.shuffle(facts)
            chosen = facts[: rng.randint(4, 8)]
            if said != published:  # a reprint states at least two ages or years of marriage
                chosen = present[:3] + [f for f in chosen if f not in present[:3]][:3]
            aid = f"f{number:04d}-{index:02d}"
            for n, fact in enumerate(chosen, start=1):
                fact["id"] = f"c{n}"
            wrong = 2 if rng.random() < 0.05 else 1 if rng.random() < 0.33 else 0
            for fact in rng.sample(chosen, min(wrong, len(chosen))) if said == published else ():
                _plant(rng, fact)
                key["planted"].append(f"{aid}#{fact['id']}")
            if said != published:
                present = [f for f in chosen if f["kind"] in ("age", "married_for")]
                misread = [f for f in present if f["value"] != _truth(family, f, published)]
                key["reprints"].append(
                    {
                        "article": aid,
                        "present": [f"{aid}#{f['id']}" for f in present],
                        "misread": [f"{aid}#{f['id']}" for f in misread],
                    }
                )
            articles.append({"id": aid, "published": published.isoformat(), "claims": chosen})
    return articles, key


def write(out: Path, families: int, seed: int) -> dict[str, Any]:
    articles, key = build(families, seed)
    claims = out / "claims"
    if claims.exists():
        shutil.rmtree(claims)
    claims.mkdir(parents=True)
    people = {c[k] for a in articles for c in a["claims"] for k in ("subject", "object") if k in c}
    names = sorted(people)
    entities = "".join(f'[[entities]]\nname = "{name}"\n\n' for name in names)
    (claims / "entities.toml").write_text(entities, encoding="utf-8")
    for article in articles:
        (claims / f"{article['id']}.toml").write_text(_render(article), encoding="utf-8")
    key["claims"] = sum(len(a["claims"]) for a in articles)
    key["articles"] = len(articles)
    (out / "key.json").write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    return key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--families", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    key = write(args.out, args.families, args.seed)
    print(
        f"{key['claims']} claims in {key['articles']} articles about {args.families} families, "
        f"{len(key['planted'])} planted, {len(key['reprints'])} reprints -> {args.out}"
    )


if __name__ == "__main__":
    main()
