"""Pages made from the vocabulary: one per rule, from the rule and its example corpora (what it
checks, why, a contradicting example and a consistent one with what factcheck says of each, and
how to disable or re-grade it), and one of the whole vocabulary (events, predicates, rules).
``factcheck rules CODE`` prints a rule's page; ``docs/rules/CODE.md`` and ``docs/vocabulary.md``
are the same pages, committed (a test fails when one differs from what this module makes).

The examples are the rule's corpora in ``examples/CODE/``, shipped with the package: each case a
``claims/`` folder beside an ``expected.toml`` that lists the findings the case must produce
(the test suite checks every case), and whose leading comment says what the case shows.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.vocabulary import BUILTIN, EVERY, Rule, Vocabulary

EXAMPLES = Path(__file__).parent / "examples"
SAYS = "says.txt"  # beside a case's expected.toml: what factcheck says of it


def cases(code: str) -> list[Path]:
    """A rule's example cases: ``consistent``, then each ``contradicting...`` one."""
    folder = EXAMPLES / code
    found = sorted(p for p in folder.glob("*") if (p / "expected.toml").is_file())
    return sorted(found, key=lambda p: (not p.name.startswith("consistent"), p.name))


def page(rule: Rule, vocabulary: Vocabulary = BUILTIN) -> str:
    """The rule's page, in Markdown."""
    parts = [f"# {rule.code} {rule.name}", "", _summary(rule, vocabulary), "", rule.doc, ""]
    if rule.why:
        parts += ["## Why", "", rule.why, ""]
    shown = _examples(rule.code)
    if shown:
        parts += shown
    parts += _disabling(rule)
    return "\n".join(parts).rstrip() + "\n"


def _summary(rule: Rule, vocabulary: Vocabulary) -> str:
    return f"Severity: {rule.severity}. Kind: {_kind(rule, vocabulary)}."


def _kind(rule: Rule, vocabulary: Vocabulary) -> str:
    earlier = _events(rule.earlier, vocabulary)
    later = _events(rule.later, vocabulary)
    said = " and ".join(f"`{p}`" for p in rule.predicates)
    people = "of the same people"
    if rule.via:
        people = f"the first of a `{rule.via}` claim's subject, the second of its object"
    if rule.kind == "order":
        return f"order: {earlier} on or before {later}, {people}"
    if rule.kind == "gap":
        return f"gap: {rule.span()} from {earlier} to {later}, {people}"
    if rule.kind == "alive":
        return f"alive: a claim of {said} holds on a day on or before the subject's {later}"
    texts = {
        "monotone": f"monotone: claims of {said} never decrease over time",
        "undercount": (
            f"undercount: claims of {said} against the objects of the subject's `{rule.via}` "
            f"claims whose {later} is certainly by the claim's day"
        ),
        "overcount": (
            f"overcount: claims of {said} against the objects of the subject's `{rule.via}` "
            f"claims whose {later} can be by the claim's day"
        ),
        "place": f"place: claims of {said} name places that are the same or within one another",
        "place-unrelated": f"place-unrelated: claims of {said} name places factcheck can relate",
        "length": (
            f"length: claims of {said} about an adult (at least {rule.least:g} years after "
            f"their {earlier}) have ranges that meet"
            if rule.least is not None and rule.earlier
            else f"length: claims of {said} have ranges that meet"
        ),
    }
    return texts.get(rule.kind, rule.kind)


def _events(names: tuple[str, ...], vocabulary: Vocabulary) -> str:
    if EVERY in names:
        return "every event"
    return " or ".join(f"`{name}`" for name in names)


def _examples(code: str) -> list[str]:
    lines: list[str] = []
    for case in cases(code):
        kind, _, detail = case.name.partition("-")
        title = kind.capitalize() + (f": {detail.replace('-', ' ')}" if detail else "")
        lines += [f"## {title}", ""]
        lines += _comment(case / "expected.toml")
        for path in sorted((case / "claims").glob("*.toml")):
            if path.name == "entities.toml":
                continue
            lines += [f"`{path.name}`:", "", "```toml", path.read_text("utf-8").strip(), "```", ""]
        lines += ["factcheck says:", "", "```text", *recorded(case), "```", ""]
    return lines


def _comment(expected: Path) -> list[str]:
    """The leading comment of a case's expected findings: what the case shows."""
    said = []
    for line in expected.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            break
        said.append(line.lstrip("#").strip())
    return [" ".join(said), ""] if said else []


def said(claims: Path) -> list[str]:
    """Each finding of a case as the report says it: rule, message and verdict (no paths,
    which depend on where the package is). Recorded in the case's ``says.txt`` by
    ``scripts/rule_pages.py`` (a test checks the record), so that a page is made without
    running a check: SARIF carries every rule's page."""
    from factcheck.check import check
    from factcheck.config import Settings
    from factcheck.report.text import verdict

    report = check([claims], Settings(cache=False, jobs=1))
    if not report.findings:
        return ["no finding"]
    lines = []
    for finding in report.findings:
        lines.append(f"{finding.rule.code} {finding.rule.name}: {finding.message}")
        if (shown := verdict(finding)) is not None:
            lines.append(f"  {shown}")
    return lines


def recorded(case: Path) -> list[str]:
    """What the case's ``says.txt`` records that factcheck says of it."""
    record = case / SAYS
    return record.read_text("utf-8").splitlines() if record.is_file() else []


def _disabling(rule: Rule) -> list[str]:
    return [
        "## Disable or re-grade",
        "",
        "In `factcheck.toml` (or under `[tool.factcheck]` in `pyproject.toml`):",
        "",
        "```toml",
        f'disable = ["{rule.code}"]      # report no {rule.code} finding'
        + ("; add none of its constraints" if rule.kind in ("order", "alive") else ""),
        "",
        "[severity]",
        f'{rule.code} = "warning"        # or "error", "info": only errors fail a run',
        "```",
    ]


def vocabulary_page(vocabulary: Vocabulary = BUILTIN) -> str:
    """Every event, predicate and rule, in Markdown tables."""
    lines = [
        "# The vocabulary",
        "",
        "What factcheck knows about people's lives: the events, the predicates that claims use,",
        "and the rules that findings are reported under (`src/factcheck/vocabulary.py`, the",
        "rules in `src/factcheck/builtin_rules.py`).",
        "",
        "## Predicates",
        "",
        "| predicate | relation | value | event | the claim says |",
        "| --- | --- | --- | --- | --- |",
    ]
    for p in vocabulary.predicates.values():
        relation = "yes" if p.relation else "no"
        event = f"`{p.event}`" if p.event else "none"
        lines.append(f"| `{p.name}` | {relation} | {p.kind} | {event} | {p.doc} |")
    lines += [
        "",
        "## Events",
        "",
        "| event | of | noun | in a timeline |",
        "| --- | --- | --- | --- |",
    ]
    for e in vocabulary.events.values():
        lines.append(f"| `{e.name}` | {e.parties} | {e.noun} | {e.verb} |")
    lines += [
        "",
        "## Rules",
        "",
        "| code | name | severity | kind | checks |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in vocabulary.rules:
        link = f"[{rule.code}](rules/{rule.code}.md)"
        checks = rule.doc.split(". ")[0].rstrip(".") + "."
        kind = _kind(rule, vocabulary)
        lines.append(f"| {link} | {rule.name} | {rule.severity} | {kind} | {checks} |")
    return "\n".join(lines) + "\n"
