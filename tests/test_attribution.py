"""Which claim is likely wrong: the claims of the least correction (fewest articles, then fewest
claims), the article's date when the article looks misdated, and no guess when corrections tie."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import BUNDLED_CLAIMS

BORN = """\
[article]
id = "{id}"
published = {published}

[[claims]]
id = "born"
subject = "Aleph"
predicate = "born"
value = {value}
"""


def _births(*articles: tuple[str, str]) -> dict[str, str]:
    """One article per (id, birth date) stating Aleph's birth, published on following days."""
    return {
        f"{aid}.toml": BORN.format(id=aid, published=f"2023-06-0{n}", value=value)
        for n, (aid, value) in enumerate(articles, start=1)
    }


def _findings(cli, root) -> list[dict]:
    return json.loads(cli("run", str(root), "--format", "json").stdout)["findings"]


def test_the_seed_ages_are_blamed_on_the_misdated_2021_piece_and_its_meeting_date_on_it(
    cli,
) -> None:
    findings = {f["subject"]: f for f in _findings(cli, BUNDLED_CLAIMS) if f["rule"] == "FC101"}
    for subject in ("Aleph", "Amalia"):
        blame = findings[subject]["likely_wrong"]
        assert blame["article"] == "bild-2021-09-17"
        assert blame["reason"].startswith("bild-2021-09-17 looks misdated (FC302)")
    met = next(
        f
        for f in _findings(cli, BUNDLED_CLAIMS)
        if f["rule"] == "FC101"
        and "bild-2021-09-17#met" in {f"{c['article']}#{c['claim']}" for c in f["claims"]}
    )
    assert met["likely_wrong"]["claim"] == "bild-2021-09-17#met"
    assert met["likely_wrong"]["article"] is None, "its own date, not the article's, is wrong"
    assert met["likely_wrong"]["reason"] == (
        "people-2023-06-07 and separation-undated agree against it (2 articles against 1)"
    )
    assert met["likely_wrong"]["agreeing"] == ["people-2023-06-07", "separation-undated"]


def test_one_article_against_one_cannot_be_decided(cli, corpus) -> None:
    root = corpus(
        {
            "a.toml": BORN.format(id="a", published="2023-06-07", value="2011-06-14"),
            "b.toml": BORN.format(id="b", published="2023-06-08", value='"January 2012"'),
        }
    )
    (finding,) = _findings(cli, root)
    assert finding["likely_wrong"]["claim"] is None
    assert finding["likely_wrong"]["reason"] == (
        "cannot tell which is wrong: a against b (1 article against 1)"
    )
    assert finding["likely_wrong"]["sides"] == [["a"], ["b"]]


def test_the_claim_other_articles_contradict_is_likely_wrong(cli, corpus) -> None:
    root = corpus(
        {
            "a.toml": BORN.format(id="a", published="2023-06-07", value="2011-06-14"),
            "b.toml": BORN.format(id="b", published="2023-06-08", value='"January 2012"'),
            "c.toml": BORN.format(id="c", published="2023-06-09", value='"June 2011"'),
            "d.toml": BORN.format(id="d", published="2023-06-10", value='"2011"'),
        }
    )
    (finding,) = _findings(cli, root)
    assert finding["likely_wrong"]["claim"] == "b#born"
    assert finding["likely_wrong"]["reason"] == (
        "a, c and d agree against it (3 articles against 1)"
    )


BIRTHS = """\
[article]
id = "a"
published = 2023-06-07

[[claims]]
id = "aleph-born"
subject = "Aleph"
predicate = "born"
value = 2011-06-14

[[claims]]
id = "millepied-born"
subject = "Millepied"
predicate = "born"
value = 1977-06-10
"""

# Agrees with the births, so that b's ages are outvoted rather than one article against one.
AGREEING = """\
[article]
id = "c"
published = 2024-03-09

[[claims]]
id = "aleph-age"
subject = "Aleph"
predicate = "age"
value = 12

[[claims]]
id = "millepied-age"
subject = "Millepied"
predicate = "age"
value = 46
"""

# Dated 2021 but written in 2018-19: Aleph 7 and Millepied 41 then. Only it gives the wedding.
MISDATED_ONLY_SOURCE = """\
[article]
id = "b"
published = 2021-09-17

[[claims]]
id = "aleph-age"
subject = "Aleph"
predicate = "age"
value = 7

[[claims]]
id = "millepied-age"
subject = "Millepied"
predicate = "age"
value = 41

[[claims]]
id = "married"
subject = "Portman"
predicate = "married"
object = "Millepied"
value = "2012"
"""


def test_a_misdated_article_that_alone_reports_an_event_keeps_it(cli, corpus) -> None:
    root = corpus(
        {
            "a.toml": BIRTHS,
            "b.toml": MISDATED_ONLY_SOURCE,
            "c.toml": AGREEING,
        }
    )
    report = json.loads(cli("run", str(root), "--format", "json").stdout)
    rules = sorted(f["rule"] for f in report["findings"])
    assert rules == ["FC101", "FC101", "FC302"]
    for finding in report["findings"]:
        refs = {f"{c['article']}#{c['claim']}" for c in finding["claims"]}
        assert "b#married" not in refs, "its wedding date has a date of its own: not in dispute"
        if finding["rule"] == "FC101":
            assert finding["likely_wrong"]["article"] == "b"
    articles = {a["id"]: a for a in report["articles"]}
    assert articles["b"]["misdated"] is True
    assert articles["b"]["inferred_window"] == {"earliest": "2018-06-14", "latest": "2019-06-09"}


def _article(aid: str, published: str, claims: list[tuple[str, str, str]]) -> str:
    text = f'[article]\nid = "{aid}"\npublished = {published}\n'
    for cid, predicate, value in claims:
        text += f'\n[[claims]]\nid = "{cid}"\nsubject = "Portman"\npredicate = "{predicate}"\n'
        if predicate != "age":
            text += 'object = "Millepied"\n'
        text += f"value = {value}\n"
    return text


def test_a_claim_in_two_contradictions_of_a_group_is_the_one_to_remove(cli, corpus) -> None:
    root = corpus(
        {
            "a.toml": _article("a", "2020-01-01", [("met", "met", '"2012"')]),
            "b.toml": _article("b", "2020-01-02", [("met", "met", '"2012"')]),
            "c.toml": _article("c", "2020-01-03", [("married", "married", '"2010"')]),
            "d.toml": _article("d", "2020-01-04", [("married", "married", '"2013"')]),
        }
    )
    (finding,) = _findings(cli, root)
    # Married in 2010 contradicts both the 2012 meetings and the 2013 wedding: removing it alone
    # resolves both, though against the wedding alone it is one article against one.
    assert finding["likely_wrong"]["claim"] == "c#married"
    assert finding["likely_wrong"]["agreeing"] == ["a", "b", "d"]


def test_a_claim_the_misdating_does_not_explain_is_blamed_on_its_own(cli, corpus) -> None:
    entities = (
        '[[entities]]\nname = "Aleph"\naliases = []\n\n[[entities]]\nname = "Amalia"\n'
        'aliases = []\n\n[[entities]]\nname = "Other"\naliases = []\n'
    )
    births = (
        '[article]\nid = "a"\npublished = 2023-06-07\n\n[[claims]]\nid = "aleph"\n'
        'subject = "Aleph"\npredicate = "born"\nvalue = 2011-06-14\n\n[[claims]]\n'
        'id = "amalia"\nsubject = "Amalia"\npredicate = "born"\nvalue = 2017-02-22\n\n'
        '[[claims]]\nid = "other"\nsubject = "Other"\npredicate = "born"\nvalue = 2000-01-01\n'
    )
    agreeing = (
        '[article]\nid = "c"\npublished = 2024-03-09\n\n[[claims]]\nid = "aleph"\n'
        'subject = "Aleph"\npredicate = "age"\nvalue = 12\n\n[[claims]]\nid = "amalia"\n'
        'subject = "Amalia"\npredicate = "age"\nvalue = 7\n\n[[claims]]\nid = "other"\n'
        'subject = "Other"\npredicate = "age"\nvalue = 24\n'
    )
    misdated = (
        '[article]\nid = "b"\npublished = 2021-09-17\n\n[[claims]]\nid = "aleph"\n'
        'subject = "Aleph"\npredicate = "age"\nvalue = 7\n\n[[claims]]\nid = "amalia"\n'
        'subject = "Amalia"\npredicate = "age"\nvalue = 1.5\n\n[[claims]]\nid = "other"\n'
        'subject = "Other"\npredicate = "age"\nvalue = 3\n'
    )
    root = corpus({"a.toml": births, "b.toml": misdated, "c.toml": agreeing}, entities=entities)
    findings = _findings(cli, root)
    blames = {f["likely_wrong"]["claim"]: f["likely_wrong"] for f in findings if f["likely_wrong"]}
    assert blames["b#aleph"]["article"] == "b" and blames["b#amalia"]["article"] == "b"
    assert blames["b#other"]["article"] is None, "an age of 3 fits no date in the window"
    assert "looks misdated" not in blames["b#other"]["reason"]


def test_two_wrong_birth_dates_against_three_right_ones_are_both_named(cli, corpus) -> None:
    files = _births(
        ("v1", "2011-06-14"),
        ("v2", "2011-06-14"),
        ("v3", "2011-06-14"),
        ("v4", "2012-06-14"),
        ("v5", "2013-06-14"),
    )
    findings = _findings(cli, corpus(files))
    assert sorted(f["likely_wrong"]["claim"] for f in findings) == ["v4#born", "v5#born"]
    assert all(f["likely_wrong"]["agreeing"] == ["v1", "v2", "v3"] for f in findings)


def test_two_articles_against_two_cannot_be_decided(cli, corpus) -> None:
    files = _births(
        ("b1", "2011-06-14"), ("b2", "2011-06-14"), ("b3", "2012-06-14"), ("b4", "2012-06-14")
    )
    (finding,) = _findings(cli, corpus(files))
    assert finding["likely_wrong"]["claim"] is None
    assert finding["likely_wrong"]["reason"] == (
        "cannot tell which is wrong: b1 and b2 against b3 and b4 (2 articles against 2)"
    )
    refs = {f"{c['article']}#{c['claim']}" for c in finding["claims"]}
    assert refs == {"b1#born", "b2#born", "b3#born", "b4#born"}, "every side's claims are shown"


KID = '[[entities]]\nname = "Kid"\naliases = []\n'


def _about(aid: str, published: str, claims: dict[str, tuple[str, str]]) -> str:
    """An article: claim id -> (subject, "predicate=value")."""
    text = f'[article]\nid = "{aid}"\npublished = {published}\n'
    for cid, (subject, said) in claims.items():
        predicate, value = said.split("=", 1)
        text += f'\n[[claims]]\nid = "{cid}"\nsubject = "{subject}"\npredicate = "{predicate}"\n'
        text += f"value = {value}\n"
    return text


def _kid(aid: str, published: str, **claims: str) -> str:
    """An article about Kid: claim id -> "predicate=value"."""
    return _about(aid, published, {cid: ("Kid", said) for cid, said in claims.items()})


def _issue_case(corpus, **extra: str) -> object:
    """Issue 11's three articles: a gives Kid's birth date and "6" the same day, b and c "7"."""
    files = {
        "a.toml": _kid("a", "2020-12-16", born="born=2014-12-16", age="age=6"),
        "b.toml": _kid("b", "2021-06-01", age="age=7"),
        "c.toml": _kid("c", "2022-09-09", age="age=7"),
        **extra,
    }
    return corpus(files, entities=KID)


def test_an_article_whose_claims_fit_both_sides_counts_on_neither(cli, corpus) -> None:
    (finding,) = _findings(cli, _issue_case(corpus))
    blame = finding["likely_wrong"]
    assert blame["claim"] == "b#age"
    assert blame["agreeing"] == ["a", "c"]
    assert blame["reason"] == "a and c agree against it (2 articles against 1)"
    assert finding["disputed"] == ["b#age"]


def test_the_timeline_marks_only_the_named_claim_disputed(cli, corpus) -> None:
    root = _issue_case(corpus)
    document = json.loads(cli("timeline", "Kid", str(root), "-f", "json").stdout)
    (born,) = document["events"]
    disputed = {f"{s['article']}#{s['claim']}" for s in born["sources"] if s["disputed"]}
    assert disputed == {"b#age"}
    assert not any(s["contested"] for s in born["sources"])
    assert born["window"] == {"earliest": "2014-12-16", "latest": "2014-12-16"}


def test_an_article_with_a_true_and_a_false_claim_about_one_event(cli, corpus) -> None:
    # a's birth date agrees with b and c; a's own age ("4" in 2020: born 2015-2016) does not.
    files = {
        "a.toml": _kid("a", "2020-12-16", born="born=2014-12-16", age="age=4"),
        "b.toml": _kid("b", "2021-06-01", age="age=6"),
        "c.toml": _kid("c", "2022-09-09", born='born="December 2014"'),
    }
    (finding,) = _findings(cli, corpus(files, entities=KID))
    blame = finding["likely_wrong"]
    assert blame["claim"] == "a#age"
    assert blame["reason"] == (
        "b, c and another claim of a agree against it (3 articles against 1)"
    )


def test_one_against_one_is_a_dispute_in_the_timeline_never_a_wrong_claim(cli, corpus) -> None:
    files = {
        "a.toml": _kid("a", "2020-12-16", born="born=2014-12-16"),
        "b.toml": _kid("b", "2021-06-01", age="age=7"),
    }
    root = corpus(files, entities=KID)
    (finding,) = _findings(cli, root)
    assert finding["likely_wrong"]["claim"] is None
    assert finding["likely_wrong"]["sides"] == [["a"], ["b"]]
    document = json.loads(cli("timeline", "Kid", str(root), "-f", "json").stdout)
    sources = document["events"][0]["sources"]
    assert [(s["disputed"], s["contested"]) for s in sources] == [(False, True)] * 2
    text = cli("timeline", "Kid", str(root)).stdout
    assert "contested" in text and "disputed" not in text


def test_explain_shows_the_correction_chosen_and_what_keeping_the_claim_costs(cli, corpus) -> None:
    root = _issue_case(corpus)
    (finding,) = _findings(cli, root)
    text = cli("explain", finding["fingerprint"], str(root)).stdout
    assert "chosen: leave out b#age  (1 article, 1 claim)" in text
    assert "to keep b#age: leave out a#born, c#age  (2 articles, 2 claims)" in text
    document = json.loads(cli("explain", finding["fingerprint"], str(root), "-f", "json").stdout)
    assert [(w["role"], w["leave_out"], w["cost"]) for w in document["weighed"]] == [
        ("chosen", ["b#age"], {"articles": 1, "corrections": 1, "claims": 1}),
        ("keeping", ["a#born", "c#age"], {"articles": 2, "corrections": 2, "claims": 2}),
    ]


def test_an_article_corrected_about_one_event_is_not_presumed_wrong_about_another(
    cli, corpus
) -> None:
    # a's meeting year is outvoted; its wedding year against d's is one article against one.
    # Two mistakes are two corrections, so the wedding stays undecided.
    root = corpus(
        {
            "a.toml": _article(
                "a", "2020-01-01", [("met", "met", '"2010"'), ("wed", "married", "2013")]
            ),
            "b.toml": _article("b", "2020-01-02", [("met", "met", '"2009"')]),
            "c.toml": _article("c", "2020-01-03", [("met", "met", '"2009"')]),
            "d.toml": _article("d", "2020-01-04", [("wed", "married", "2012")]),
        }
    )
    blames = sorted((f["likely_wrong"]["claim"] or "", f["disputed"]) for f in _findings(cli, root))
    assert blames == [("", ["a#wed", "d#wed"]), ("a#met", ["a#met"])]


def test_every_side_of_a_wide_tie_is_named(cli, corpus) -> None:
    files = {
        f"a{n}.toml": _kid(f"a{n}", "2024-01-01", born=f'born="{2000 + n}"') for n in range(10)
    }
    (finding,) = _findings(cli, corpus(files, entities=KID))
    blame = finding["likely_wrong"]
    assert blame["sides"] == [[f"a{n}"] for n in range(10)]
    assert blame["reason"] == (
        "cannot tell which is wrong: "
        + " against ".join(f"a{n}" for n in range(10))
        + " (1 article each)"
    )


FAMILY = (
    '[[entities]]\nname = "Kid"\naliases = []\n\n[[entities]]\nname = "Ann"\naliases = []\n\n'
    '[[entities]]\nname = "Bob"\naliases = []\n'
)


def _ages(aid: str, published: str, **said: str) -> str:
    """An article: person -> "predicate=value", each claim's id the person's name."""
    return _about(aid, published, {who.lower(): (who, value) for who, value in said.items()})


def test_a_misdated_articles_claim_that_no_date_saves_is_not_blamed_on_the_date(
    cli, corpus
) -> None:
    # r (2021) is a 2018-19 interview: Kid 7 and Ann 37 fit then. Bob 45 fits no date of that
    # window with p's birth date for him: r and p disagree about Bob, whatever r's date.
    files = {
        "p.toml": _ages(
            "p", "2023-06-07", Kid="born=2011-06-14", Ann="born=1981-06-09", Bob="born=1977-06-18"
        ),
        "q.toml": _ages("q", "2019-10-21", Kid="age=8", Ann="age=38"),
        "r.toml": _ages("r", "2021-09-17", Kid="age=7", Ann="age=37", Bob="age=45"),
    }
    findings = _findings(cli, corpus(files, entities=FAMILY))
    blames = {tuple(f["disputed"]): f["likely_wrong"] for f in findings if f["likely_wrong"]}
    assert blames[("r#kid",)]["article"] == "r" and blames[("r#ann",)]["article"] == "r"
    assert blames[("p#bob", "r#bob")]["claim"] is None
    assert blames[("p#bob", "r#bob")]["sides"] == [["p"], ["r"]]


def test_a_span_whose_keeping_was_not_weighed_gets_a_reason(cli, tmp_path, monkeypatch) -> None:
    """Regression (#14, found by a fuzzing review): when the search ran out of budget weighing
    what keeping each likely wrong claim would cost, a span between two events (no event of its
    own to weigh it on) crashed the reason with exit 3."""
    root = tmp_path / "claims"
    shutil.copytree(Path(__file__).parent / "data" / "keep-over-budget", root)
    monkeypatch.chdir(tmp_path)
    result = cli("run", "--format", "json", "--no-cache", "claims")
    assert result.exit_code == 1, result.output
    blamed = {
        f["likely_wrong"]["claim"]: f["likely_wrong"]["reason"]
        for f in json.loads(result.stdout)["findings"]
        if f.get("likely_wrong")
    }
    assert "keeping it was not weighed" in blamed["art4#c5"]
