"""Generate a deterministic synthetic corpus in claims format v1.

    python benchmarks/generate.py OUT_DIR --claims N [--seed S] [--planted K]

A hidden truth is drawn first: M people (about N/20, at least 10) with birth days, and couples
with a meeting day and a later wedding day. Articles of about 20 claims each (N/20 files, one
article per file, at most 1000 files per folder) are then written, each with a publication day
and claims that hold at that day: ages computed with ``relativedelta``, birth dates at day, month
or year precision, meetings and weddings as years. Finally K claims are replaced by planted
contradictions (an age off by 2 to 4 years, or a wedding year before the meeting year), at most
one per article, each on an event that other, unplanted articles state truthfully. The answer key
is ``OUT_DIR/planted.json``.
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

CLAIMS_PER_ARTICLE = 20
FILES_PER_FOLDER = 1000
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FIRST = ["Ada", "Ben", "Cleo", "Dan", "Eva", "Finn", "Gia", "Hugo", "Ines", "Jon", "Kai", "Lea"]
LAST = ["Abbott", "Berg", "Costa", "Dahl", "Ekman", "Frost", "Gale", "Holm", "Ivers", "Jansen"]


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def build(
    n_claims: int, seed: int, planted: int
) -> tuple[list[str], list[dict[str, Any]], list[dict[str, str]]]:
    """Return (people, articles, answer key); each article is a dict with its claims."""
    rng = random.Random(seed)
    n_people = max(10, round(n_claims / 20))
    n_articles = max(1, round(n_claims / CLAIMS_PER_ARTICLE))
    people = [
        f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST) % len(LAST)]} {i}" for i in range(n_people)
    ]
    births = [_day(rng, dt.date(1940, 1, 1), dt.date(1995, 12, 31)) for _ in people]
    first_birthday = [b + relativedelta(years=1) for b in births]
    order = list(range(n_people))
    rng.shuffle(order)
    couples: list[tuple[int, int, dt.date, dt.date]] = []
    partner: dict[int, int] = {}
    for a, b in zip(order[0::2], order[1::2], strict=False):
        if rng.random() < 0.6:
            adult = max(births[a], births[b]) + relativedelta(years=18)
            met = _day(rng, adult, adult + dt.timedelta(days=365 * 15))
            wed = _day(rng, met + relativedelta(years=1), met + relativedelta(years=6))
            partner[a], partner[b] = len(couples), len(couples)
            couples.append((a, b, met, wed))

    # Split n_claims into articles of about CLAIMS_PER_ARTICLE claims.
    sizes = [
        n_claims // n_articles + (1 if i < n_claims % n_articles else 0) for i in range(n_articles)
    ]
    articles: list[dict[str, Any]] = []
    for index, size in enumerate(sizes):
        pub = _day(rng, dt.date(2000, 1, 1), dt.date(2024, 12, 31))
        # A sample of people (not all of them: that would make generation quadratic).
        sample = rng.sample(range(n_people), min(n_people, 4 * size))
        alive = [p for p in sample if first_birthday[p] <= pub]
        pool: list[dict[str, Any]] = []
        for p in alive:
            pool.append(_age(people, births, p, pub))
            pool.append(_born(rng, people, births, p))
            c = partner.get(p)
            if c is not None and couples[c][3] < pub:
                a, b, met, wed = couples[c]
                subj, obj = (a, b) if rng.random() < 0.5 else (b, a)
                pool.append(_rel("met", people, subj, obj, met.year, c))
                pool.append(_rel("married", people, subj, obj, wed.year, c))
            if len(pool) >= size * 2:
                break
        # Keep at most one claim per (kind, event) so that an article never repeats itself.
        chosen: list[dict[str, Any]] = []
        seen: set[tuple[str, tuple[str, int]]] = set()
        for claim in pool:
            kind_event = (claim["kind"], claim["event"])
            if kind_event not in seen:
                seen.add(kind_event)
                chosen.append(claim)
            if len(chosen) == size:
                break
        for number, claim in enumerate(chosen, 1):
            claim["id"] = f"c{number:02d}"
        articles.append({"id": f"a{index:07d}", "published": pub, "claims": chosen})

    key = _plant(rng, people, births, couples, articles, planted)
    return people, articles, key


def _age(people: list[str], births: list[dt.date], p: int, pub: dt.date) -> dict[str, Any]:
    age = relativedelta(pub, births[p]).years
    return {
        "kind": "age",
        "event": ("birth", p),
        "subject": people[p],
        "predicate": "age",
        "value": str(age),
        "quote": f"{people[p]}, {age}",
    }


def _born(rng: random.Random, people: list[str], births: list[dt.date], p: int) -> dict[str, Any]:
    b = births[p]
    precision = rng.randrange(4)
    if precision == 0:
        value, quote = b.isoformat(), f"born {b.isoformat()}"
    elif precision == 1:
        text = f"{MONTHS[b.month - 1]} {b.day}, {b.year}"
        value, quote = _q(text), f"born on {text}"
    elif precision == 2:
        text = f"{MONTHS[b.month - 1]} {b.year}"
        value, quote = _q(text), f"born in {text}"
    else:
        value, quote = str(b.year), f"born in {b.year}"
    return {
        "kind": "born",
        "event": ("birth", p),
        "subject": people[p],
        "predicate": "born",
        "value": value,
        "quote": quote,
    }


def _rel(
    predicate: str, people: list[str], subj: int, obj: int, year: int, couple: int
) -> dict[str, Any]:
    return {
        "kind": predicate,
        "event": (predicate, couple),
        "subject": people[subj],
        "predicate": predicate,
        "object": people[obj],
        "value": str(year),
        "quote": f"{predicate} {people[obj]} in {year}",
    }


def _plant(
    rng: random.Random,
    people: list[str],
    births: list[dt.date],
    couples: list[tuple[int, int, dt.date, dt.date]],
    articles: list[dict[str, Any]],
    k: int,
) -> list[dict[str, str]]:
    """Replace one claim in each of k articles by a contradiction, keeping the key."""
    k = min(k, len(articles))
    targets = set(rng.sample(range(len(articles)), k))
    # Events stated (truthfully) by the articles that receive no planted claim.
    supported: set[tuple[str, int]] = set()
    for i, article in enumerate(articles):
        if i not in targets:
            supported.update(c["event"] for c in article["claims"])
    key = []
    for i in sorted(targets):
        article = articles[i]
        pub = article["published"]
        options = [
            j
            for j, c in enumerate(article["claims"])
            if (c["kind"] == "age" and c["event"] in supported)
            or (c["kind"] == "married" and ("met", c["event"][1]) in supported)
        ]
        if not options:
            continue
        j = rng.choice(options)
        claim = article["claims"][j]
        if claim["kind"] == "age":
            p = claim["event"][1]
            true_age = relativedelta(pub, births[p]).years
            off = rng.randint(2, 4)
            wrong = true_age + off if true_age < off or rng.random() < 0.5 else true_age - off
            claim.update(value=str(wrong), quote=f"{people[p]}, {wrong}", kind="planted-age")
            kind = "age-off"
        else:
            met = couples[claim["event"][1]][2]
            wrong = met.year - rng.randint(1, 3)
            claim.update(value=str(wrong), quote=f"married in {wrong}", kind="planted-married")
            kind = "wedding-before-meeting"
        key.append({"article": article["id"], "claim": claim["id"], "kind": kind})
    return key


def render(article: dict[str, Any]) -> str:
    lines = [
        "[article]",
        f'id = "{article["id"]}"',
        'outlet = "Synthetic Daily"',
        f"published = {article['published'].isoformat()}",
        "",
    ]
    for c in article["claims"]:
        lines += ["[[claims]]", f'id = "{c["id"]}"', f"subject = {_q(c['subject'])}"]
        lines.append(f'predicate = "{c["predicate"]}"')
        if "object" in c:
            lines.append(f"object = {_q(c['object'])}")
        lines += [f"value = {c['value']}", f"quote = {_q(c['quote'])}", ""]
    return "\n".join(lines)


def write(out: Path, n_claims: int, seed: int = 1, planted: int | None = None) -> dict[str, Any]:
    if planted is None:
        planted = max(5, n_claims // 500)
    people, articles, key = build(n_claims, seed, planted)
    claims_dir = out / "claims"
    if claims_dir.exists():
        shutil.rmtree(claims_dir)
    claims_dir.mkdir(parents=True)
    entities = "".join(f"[[entities]]\nname = {_q(name)}\n\n" for name in people)
    (claims_dir / "entities.toml").write_text(entities, encoding="utf-8")
    for index, article in enumerate(articles):
        folder = claims_dir / "articles" / f"{index // FILES_PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{article['id']}.toml").write_text(render(article), encoding="utf-8")
    summary = {
        "seed": seed,
        "claims": sum(len(a["claims"]) for a in articles),
        "articles": len(articles),
        "people": len(people),
        "planted": key,
    }
    (out / "planted.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--planted", type=int, default=None, help="default: max(5, claims/500)")
    args = parser.parse_args()
    summary = write(args.out, args.claims, args.seed, args.planted)
    print(
        f"{summary['claims']} claims in {summary['articles']} articles about "
        f"{summary['people']} people, {len(summary['planted'])} planted -> {args.out}"
    )


if __name__ == "__main__":
    main()
