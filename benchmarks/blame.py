"""The blame benchmark: does factcheck name the claims a desk would correct, and only those?

    python benchmarks/blame.py [--families N] [--seeds S [S ...]] [--cache-dir DIR]

For each seed, ``families.py`` writes a corpus of N families (default 300) with planted mistakes
and reprints into ``DIR/families-n{N}-s{S}`` (default DIR: the system's temporary folder), then
``factcheck run --format json --no-cache claims`` runs on it. Its findings are scored against
the answer key and against a reference written here, apart from factcheck's code: for each event
on its own (a person's birth, a couple's meeting, their wedding), every claim's window of days
is computed with ``relativedelta``, every candidate day is tried, and the least corrections of
that event (fewest articles, then fewest claims, among those whose claims miss the day) decide
a claim when it is in all of them.

The columns, one row per seed:

- wrong: claims false at their article's stated date (planted, and a reprint's ages and years of
  marriage);
- reference decides: claims the per-event reference names likely wrong; its precision is the
  share of them that are wrong;
- factcheck names: claims named likely wrong (for a reprint, blamed on its date too); precision
  against the wrong claims, and recall against what the reference decides;
- undecided, reference decides: findings that cannot tell although the reference decides one of
  the claims they dispute;
- reprints misdated: reprints with two or more claims in the present tense reported FC302;
- false alarms: error findings none of whose claims is wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench
import families

HEADER = (
    "| seed | claims | wrong | reference decides | reference precision | factcheck names "
    "| precision | recall vs reference | undecided, reference decides | reprints misdated "
    "| false alarms |"
)
RULE = "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
ONE_DAY = dt.timedelta(days=1)
Window = tuple[dt.date, dt.date]
Event = tuple[str, str | tuple[str, ...]]  # ("born", a person), or an event and a couple


def _years_before(day: dt.date, years: int) -> Window:
    """The days on which someone was born (or married) to be ``years`` on ``day``."""
    return day - relativedelta(years=years + 1) + ONE_DAY, day - relativedelta(years=years)


def _window(value: str) -> Window:
    """A date value as the generator writes it: 2011-06-14, "June 2011" or "2011"."""
    text = value.strip('"')
    if "-" in text:
        day = dt.date.fromisoformat(text)
        return day, day
    words = text.split()
    year = int(words[-1])
    if len(words) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = families.MONTHS.index(words[0]) + 1
    end = dt.date(year + month // 12, month % 12 + 1, 1) - ONE_DAY
    return dt.date(year, month, 1), end


def _claims(root: Path) -> list[tuple[str, Event, Window]]:
    """Every claim as (ref, event, window), read at its article's stated date."""
    import tomllib

    found = []
    for path in sorted(root.glob("f*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        published = data["article"]["published"]
        for claim in data.get("claims", []):
            ref = f"{data['article']['id']}#{claim['id']}"
            predicate, value = claim["predicate"], claim["value"]
            couple = tuple(sorted((claim["subject"], claim.get("object", ""))))
            if predicate == "age":
                found.append((ref, ("born", claim["subject"]), _years_before(published, value)))
            elif predicate == "married_for":
                found.append((ref, ("married", couple), _years_before(published, value)))
            elif predicate == "born":
                found.append((ref, ("born", claim["subject"]), _window(str(value))))
            else:
                found.append((ref, (predicate, couple), _window(str(value))))
    return found


def reference(root: Path, misread: set[str]) -> set[str]:
    """The claims in every least correction of their event, each event weighed on its own; a
    reprint's claims in the present tense (``misread``) are set aside first, as misdating is
    blamed first."""
    events: dict[Event, list[tuple[str, Window]]] = defaultdict(list)
    for ref, event, window in _claims(root):
        if ref not in misread:
            events[event].append((ref, window))
    decided: set[str] = set()
    for claims in events.values():
        days = {d for _, (lo, hi) in claims for d in (lo, hi, lo - ONE_DAY, hi + ONE_DAY)}
        costs = {}
        for day in days:
            missing = [ref for ref, (lo, hi) in claims if not lo <= day <= hi]
            costs[day] = ((len({ref.split("#")[0] for ref in missing}), len(missing)), missing)
        least = min(cost for cost, _ in costs.values())
        optimal = [set(missing) for cost, missing in costs.values() if cost == least]
        decided |= set.intersection(*optimal)
    return decided


def score(
    report: dict[str, Any], key: dict[str, Any], decided: set[str], misdating_first: set[str]
) -> dict[str, int | float | str]:
    """``decided``: what the reference decides reading every claim at its article's stated
    date; ``misdating_first``: what it decides with the reprints' claims in the present tense
    set aside."""
    wrong = set(key["planted"]) | {ref for r in key["reprints"] for ref in r["misread"]}
    blames = [f for f in report["findings"] if f["likely_wrong"]]
    undecided = [f for f in blames if not f["likely_wrong"]["claim"]]
    named = {f["likely_wrong"]["claim"] for f in blames} - {None}
    misdated = {a["id"] for a in report["articles"] if a["misdated"]}
    reprints = [r for r in key["reprints"] if len(r["present"]) >= 2]
    revealed = [r for r in reprints if len(set(r["present"]) & decided) >= 2]
    undecided_decided = [f for f in undecided if set(f["disputed"]) & decided]
    false_alarms = [
        f
        for f in report["findings"]
        if f["severity"] == "error"
        and not ({f"{c['article']}#{c['claim']}" for c in f["claims"]} | set(f["disputed"])) & wrong
    ]
    return {
        "claims": key["claims"],
        "wrong": len(wrong),
        "reference": len(decided),
        "reference_precision": len(decided & wrong) / max(1, len(decided)),
        "named": len(named),
        "precision": len(named & wrong) / max(1, len(named)),
        "recall": len(named & decided) / max(1, len(decided)),
        "undecided_decided": len(undecided_decided),
        "of_them_reprints": sum(
            1 for f in undecided_decided if not set(f["disputed"]) & misdating_first
        ),
        "reprints": f"{sum(1 for r in reprints if r['article'] in misdated)}/{len(reprints)}",
        "revealed": f"{sum(1 for r in revealed if r['article'] in misdated)}/{len(revealed)}",
        "false_alarms": len(false_alarms),
    }


def run(out: Path) -> dict[str, Any]:
    return bench.run(out, "--no-cache")[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=300)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    print(HEADER)
    print(RULE)
    for seed in args.seeds:
        out = args.cache_dir / f"families-n{args.families}-s{seed}"
        key = families.write(out, args.families, seed)
        present = {ref for r in key["reprints"] for ref in r["present"]}
        decided = reference(out / "claims", set())
        row = score(run(out), key, decided, reference(out / "claims", present))
        print(
            f"| {seed} | {row['claims']} | {row['wrong']} | {row['reference']} "
            f"| {row['reference_precision']:.3f} | {row['named']} | {row['precision']:.3f} "
            f"| {row['recall']:.3f} | {row['undecided_decided']} ({row['of_them_reprints']}) "
            f"| {row['reprints']} "
            f"({row['revealed']}) "
            f"| {row['false_alarms']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
