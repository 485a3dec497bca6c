"""A baseline stays true as articles are added: adding articles to a corpus never turns an
accepted finding into a fixed one, and a finding that still disputes what it disputed keeps its
fingerprint, however the added articles weigh in."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.baseline import Baseline, compare, entry
from factcheck.check import check
from factcheck.config import Settings

ENTITIES = """\
[[entities]]
name = "Kid"
aliases = []

[[entities]]
name = "Mom"
aliases = []

[[entities]]
name = "Dad"
aliases = []
"""

# The truth the claims are drawn around: Kid born 2014-12-16, the parents met in 2009 and
# married in 2011. A claim is true, or off by a year or two.
BORN, MET, MARRIED = 2014, 2009, 2011


FACTS = {
    "born": ('subject = "Kid"\npredicate = "born"', lambda year, off: f'"{BORN + off}-12-16"'),
    # Kid's age on June 1st of the article's year
    "age": (
        'subject = "Kid"\npredicate = "age"',
        lambda year, off: str(max(0, year - BORN - 1 + off)),
    ),
    "met": ('subject = "Mom"\npredicate = "met"\nobject = "Dad"', lambda year, off: f"{MET + off}"),
    "married": (
        'subject = "Mom"\npredicate = "married"\nobject = "Dad"',
        lambda year, off: f"{MARRIED + off}",
    ),
}
# An article: its year, and for some facts how far off it is (mostly true).
articles = st.lists(
    st.tuples(
        st.integers(2016, 2024),
        st.dictionaries(st.sampled_from(sorted(FACTS)), st.sampled_from([0, 0, 0, -2, -1, 1, 2])),
    ),
    min_size=1,
    max_size=4,
)


def _write(root: Path, name: str, year: int, facts: dict[str, int]) -> None:
    text = f'[article]\nid = "{name}"\npublished = {year}-06-01\n'
    for fact, off in sorted(facts.items()):
        line, value = FACTS[fact]
        text += f'\n[[claims]]\nid = "{fact}"\n{line}\nvalue = {value(year, off)}\n'
    (root / f"{name}.toml").write_text(text, encoding="utf-8")


def _run(root: Path):
    return check([root], Settings(cache=False, jobs=1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, articles)
def test_added_articles_never_fix_an_accepted_finding(before, added) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "claims"
        root.mkdir()
        (root / "entities.toml").write_text(ENTITIES, encoding="utf-8")
        for number, (year, article) in enumerate(before):
            _write(root, f"old{number}", year, article)
        accepted = _run(root).findings
        baseline = Baseline("baseline.json", {f.fingerprint: entry(f) for f in accepted})
        for number, (year, article) in enumerate(added):
            _write(root, f"new{number}", year, article)
        report = _run(root)
        assert compare(report.findings, baseline).fixed == ()
        now = {tuple(sorted(c.ref for c in f.disputed)): f.fingerprint for f in report.findings}
        for finding in accepted:
            same = now.get(tuple(sorted(c.ref for c in finding.disputed)))
            assert same in (None, finding.fingerprint), "what it disputes is its identity"
