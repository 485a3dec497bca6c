"""Input errors: exit 2, one ``path:line: what is wrong (hint)`` line per problem, nothing checked.

Each test writes a small corpus, runs the check, and asserts the exact file, the line and the key
words of each problem. Expected line numbers are computed from the text written (``line_of``), so
the fixtures read like the files a user would write.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

from factcheck.cache import CACHE_DIR
from factcheck.check import check
from factcheck.inputs import find_files
from factcheck.problems import InputError, Problem
from factcheck.vocabulary import BUILTIN

SUMMARY = re.compile(r"^factcheck: (\d+) problems? in the input; nothing was checked$")
# A line number where the problem has one (not for a path that does not exist, say).
PROBLEM_LINE = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+))?: (?P<rest>\S.*)$")

VALID = """\
[article]
id = "people-2023-06-07"
outlet = "People"
published = 2023-06-07

[[claims]]
id = "aleph-age"
subject = "Aleph"
predicate = "age"
value = 11
quote = "son Aleph, 11"
"""


def text(source: str) -> str:
    return textwrap.dedent(source)


def line_of(source: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line of ``source`` that contains ``needle``."""
    hits = [n for n, line in enumerate(source.splitlines(), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} not found {occurrence} time(s)"
    return hits[occurrence - 1]


def run_bad(cli, *paths: str) -> list[str]:
    """Run the CLI on bad input; check the promise and return the problem lines."""
    result = cli("run", *paths)
    assert result.exit_code == 2, result.output
    assert result.stdout == "", "nothing is checked, so nothing is reported on stdout"
    assert "Traceback" not in result.output
    assert b"\x1b" not in result.stderr_bytes
    assert b"\r" not in result.stderr_bytes
    lines = result.stderr_bytes.decode("utf-8").split("\n")
    assert lines[-1] == "", "stderr ends with a newline"
    lines = lines[:-1]
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-1]
    problems = lines[:-1]
    assert int(summary.group(1)) == len(problems) > 0
    for line in problems:
        assert PROBLEM_LINE.match(line), f"not a problem line: {line!r}"
    return problems


def problems_of(root: Path | str, *more: Path | str) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        check([Path(root), *(Path(p) for p in more)])
    return caught.value.problems


def only(lines: list[str], path: Path | str, line: int) -> str:
    """The one problem line for ``path:line``; fails when there is none or several."""
    prefix = f"{path}:{line}: "
    hits = [entry for entry in lines if entry.startswith(prefix)]
    assert len(hits) == 1, f"expected one problem at {prefix!r}, got {lines}"
    return hits[0]


def claim_file(**claim: str) -> str:
    """An article file with one claim whose TOML lines are given (key -> raw TOML value)."""
    body = "\n".join(f"{key} = {value}" for key, value in claim.items())
    return f'[article]\nid = "a1"\npublished = 2023-06-07\n\n[[claims]]\n{body}\n'


# --- TOML syntax -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad_line", "occurrence", "words"),
    [
        ("subject = Aleph", 1, ["TOML syntax error", "Invalid value", "quote text values"]),
        ('predicate "age"', 1, ["TOML syntax error", "Expected '='"]),
        ('id = "c1"', 2, ["TOML syntax error", "Cannot overwrite a value"]),  # a key set twice
    ],
)
def test_toml_syntax_error_names_the_line_of_the_error(corpus, cli, bad_line, occurrence, words):
    source = text(
        f"""\
        [article]
        id = "a1"
        published = 2023-06-07

        [[claims]]
        id = "c1"
        subject = "Aleph"
        predicate = "age"
        {bad_line}
        value = 11
        """
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    assert len(lines) == 1
    line = only(lines, root / "a.toml", line_of(source, bad_line, occurrence))
    for word in words:
        assert word in line


def test_toml_syntax_error_at_end_of_document_names_the_last_line(corpus, cli):
    source = '[article]\nid = "a1"\n\n[[claims]]\nid = "c1"\nsubject = "Aleph"\n'
    source += 'predicate = "age"\nvalue ='  # the editor left no final newline
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    assert len(lines) == 1
    assert "TOML syntax error" in only(lines, root / "a.toml", 8)


# --- missing and unknown keys ------------------------------------------------------------------


def test_claim_without_value(corpus, cli):
    source = text(
        """\
        [article]
        id = "a1"
        published = 2023-06-07

        [[claims]]
        id = "c1"
        subject = "Aleph"
        predicate = "age"
        value = 11

        [[claims]]
        id = "c2"
        subject = "Aleph"
        predicate = "age"
        quote = "son Aleph"
        """
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    assert lines == [
        f"{root / 'a.toml'}:{line_of(source, '[[claims]]', 2)}: the claim has no 'value' "
        "(add value = ...)"
    ]


def test_article_without_id(corpus, cli):
    source = text(
        """\
        # People, 7 June 2023

        [article]
        title = "Natalie Portman's 2 Kids"
        published = 2023-06-07

        [[claims]]
        id = "c1"
        subject = "Aleph"
        predicate = "age"
        value = 11
        """
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    assert lines == [
        f"{root / 'a.toml'}:{line_of(source, '[article]')}: [article] has no 'id' (add id = ...)"
    ]


def test_article_written_as_array_is_reported_at_its_header(corpus, cli):
    source = '# People\n\n[[article]]\nid = "a1"\n'
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    assert "article must be a table" in only(lines, root / "a.toml", 3)


def test_unknown_key_typo_gets_did_you_mean(corpus, cli):
    source = claim_file(id='"c1"', subjet='"Aleph"', predicate='"age"', value="11")
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    path = root / "a.toml"
    assert only(lines, path, line_of(source, "subjet")) == (
        f"{path}:{line_of(source, 'subjet')}: unknown key 'subjet' in the claim "
        "(did you mean 'subject'?)"
    )
    # The claim then also lacks its subject: reported at the claim's header.
    missing = only(lines, path, line_of(source, "[[claims]]"))
    assert "has no 'subject'" in missing
    assert len(lines) == 2


def test_relation_predicate_without_object(corpus, cli):
    source = claim_file(
        id='"wed"', subject='"Natalie Portman"', predicate='"married"', value='"2012"'
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    path = root / "a.toml"
    assert lines == [
        f"{path}:{line_of(source, '[[claims]]')}: predicate 'married' relates two people "
        "but has no 'object' (add object = ...)"
    ]


# --- predicates and names ----------------------------------------------------------------------


def test_unknown_predicate_lists_known_ones_and_suggests_born(corpus, cli):
    source = claim_file(id='"c1"', subject='"Aleph"', predicate='"bron"', value='"2011"')
    root = corpus({"a.toml": source})
    path = root / "a.toml"
    problems = problems_of(root)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.line) == (str(path), line_of(source, "predicate"))
    assert problem.message == "unknown predicate 'bron'"
    assert "did you mean 'born'?" in problem.hint
    assert ", ".join(BUILTIN.predicates) in problem.hint

    lines = run_bad(cli, str(root))
    assert lines == [str(problem)]
    assert lines[0].startswith(f"{path}:{line_of(source, 'predicate')}: unknown predicate 'bron' (")


def test_unknown_subject_suggests_the_closest_name(corpus, cli):
    source = claim_file(id='"c1"', subject='"Alef"', predicate='"age"', value="11")
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    path = root / "a.toml"
    assert lines == [
        f"{path}:{line_of(source, 'subject')}: unknown subject 'Alef' (did you mean 'Aleph'?)"
    ]


@pytest.mark.parametrize(
    ("written", "suggested"),
    [("Milepied", "Millepied"), ("Benjamin Milepied", "Benjamin Millepied")],
)
def test_unknown_object_suggests_the_closest_name_or_alias(corpus, cli, written, suggested):
    source = claim_file(
        id='"met"',
        subject='"Natalie Portman"',
        predicate='"met"',
        object=f'"{written}"',
        value='"2009"',
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    path = root / "a.toml"
    assert lines == [
        f"{path}:{line_of(source, 'object')}: unknown object {written!r} "
        f"(did you mean {suggested!r}?)"
    ]


# --- values ------------------------------------------------------------------------------------


def test_unreadable_date_is_reported_at_the_value_key(corpus, cli):
    source = text(
        """\
        [article]
        id = "a1"
        published = 2023-06-07

        [[claims]]
        id = "aleph-born"
        subject = "Aleph"
        predicate = "born"
        quote = "born on June 31, 2011"
        value = "June 31, 2011"
        """
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    assert len(lines) == 1
    line = only(lines, root / "a.toml", line_of(source, "value ="))
    assert "cannot read 'June 31, 2011' as a date" in line
    assert "write a date like" in line


def test_negative_age(corpus, cli):
    source = text(
        """\
        [article]
        id = "a1"
        published = 2023-06-07

        [[claims]]
        id = "c1"
        subject = "Aleph"
        predicate = "age"
        value = -3
        quote = "Aleph, -3"
        """
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    assert len(lines) == 1
    line = only(lines, root / "a.toml", line_of(source, "value = -3"))
    assert "must not be negative" in line
    assert "a years value is a number" in line


def test_bad_value_and_bad_as_of_in_one_claim_are_both_reported(corpus, cli):
    source = claim_file(
        id='"c1"', subject='"Aleph"', predicate='"age"', value="-3", as_of='"June 31, 2011"'
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    path = root / "a.toml"
    assert "must not be negative" in only(lines, path, line_of(source, "value"))
    assert "as_of: cannot read 'June 31, 2011'" in only(lines, path, line_of(source, "as_of"))


def test_article_without_id_still_reports_problems_in_its_claims(corpus, cli):
    source = claim_file(id='"c1"', subject='"Aleph"', predicate='"born"', value='"June 31, 2011"')
    source = source.replace('id = "a1"\n', "")
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    path = root / "a.toml"
    assert "has no 'id'" in only(lines, path, line_of(source, "[article]"))
    assert "cannot read 'June 31, 2011'" in only(lines, path, line_of(source, "value"))


# --- duplicates --------------------------------------------------------------------------------


def test_duplicate_claim_id_within_an_article(corpus, cli):
    source = text(
        """\
        [article]
        id = "a1"
        published = 2023-06-07

        [[claims]]
        id = "aleph-age"
        subject = "Aleph"
        predicate = "age"
        value = 11

        [[claims]]
        subject = "Aleph"
        id = "aleph-age"
        predicate = "born"
        value = "2011"
        """
    )
    root = corpus({"a.toml": source})
    path = root / "a.toml"
    second_id = line_of(source, 'id = "aleph-age"', 2)
    lines = run_bad(cli, str(root))
    assert lines == [
        f"{path}:{second_id}: duplicate claim id 'aleph-age' "
        f"in article 'a1' (first used at {path}:{line_of(source, 'aleph-age')})"
    ]


def test_same_claim_id_in_two_articles_is_fine(corpus, cli):
    other = VALID.replace("people-2023-06-07", "variety-2022")
    root = corpus({"a.toml": VALID, "b.toml": other})
    result = cli("run", str(root))
    assert result.exit_code == 0, result.output


def test_duplicate_article_id_across_two_files(corpus, cli):
    first = "# first\n" + VALID
    second = text(
        """\
        # the same article id again, in another folder
        [article]
        outlet = "Variety"
        id = "people-2023-06-07"
        """
    )
    root = corpus({"a.toml": first, "sub/b.toml": second})
    lines = run_bad(cli, str(root))
    assert lines == [
        f"{root / 'sub' / 'b.toml'}:{line_of(second, 'id =')}: duplicate article id "
        f"'people-2023-06-07' (first used at {root / 'a.toml'}:{line_of(first, 'id =')})"
    ]


def test_a_file_named_twice_is_loaded_once(corpus, cli, monkeypatch):
    root = corpus({"a.toml": VALID})
    monkeypatch.chdir(root.parent)
    result = cli("run", "claims", str(root / "a.toml"))
    assert result.exit_code == 0, result.output


def test_a_file_linked_under_another_name_is_loaded_once(corpus, cli):
    root = corpus({"a.toml": VALID})
    (root / "z-link.toml").symlink_to(root / "a.toml")
    assert find_files([root])[0] == [root / "a.toml", root / "entities.toml"]
    result = cli("run", str(root))
    assert result.exit_code == 0, result.output


def test_folders_are_searched_in_order_and_hidden_files_left_out(corpus):
    root = corpus({"b.toml": VALID})
    for name in ("a/x.toml", "a-b.toml", "a/.hidden.toml", ".git/c.toml", "z/.cache/d.toml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(VALID)
    (root / "notes.txt").write_text("not a claims file")
    found, problems = find_files([root])
    names = [f.relative_to(root).as_posix() for f in found]
    assert names == ["a/x.toml", "a-b.toml", "b.toml", "entities.toml"]  # by the paths' parts
    assert problems == []


# --- files and paths ---------------------------------------------------------------------------


def test_file_that_is_not_utf8(corpus, cli):
    root = corpus({"a.toml": VALID})
    latin1 = '[article]\nid = "b1"\ntitle = "Caf\u00e9 society"\n'.encode("latin-1")
    (root / "b.toml").write_bytes(latin1)
    lines = run_bad(cli, str(root))
    assert lines == [f"{root / 'b.toml'}:3: the file is not UTF-8 text (save it as UTF-8)"]


def test_path_that_does_not_exist(corpus, cli):
    root = corpus({"a.toml": VALID})
    missing = root.parent / "no-such-claims"
    lines = run_bad(cli, str(missing))
    assert lines == [f"{missing}: no such file or folder (give the claims folder or files)"]
    # Next to a good folder, the missing path still stops the run.
    assert run_bad(cli, str(root), str(missing)) == lines


def deny(monkeypatch, owner: object, name: str, refused) -> None:
    """Make ``owner.name`` refuse the paths for which ``refused(path)`` holds, as the system
    refuses a user without the permission (as root, chmod cannot deny anything)."""
    real = getattr(owner, name)

    def denying(path, *args, **kwargs):
        if refused(Path(path)):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(owner, name, denying)


def cannot_read(path: Path) -> str:
    return f"{path}: cannot read it: Permission denied (check its permissions, or leave it out)"


def test_a_folder_that_cannot_be_read_is_a_problem(corpus, cli, monkeypatch):
    """Not a silent run over fewer files."""
    root = corpus({"a.toml": VALID, "more/b.toml": VALID.replace("people-2023", "other-2023")})
    deny(monkeypatch, os, "scandir", lambda path: path == root / "more")
    assert run_bad(cli, str(root)) == [cannot_read(root / "more")]
    assert run_bad(cli, str(root), str(root)) == [cannot_read(root / "more")]  # said once


def test_a_listed_file_that_cannot_be_looked_at_is_a_problem(corpus, cli, monkeypatch):
    """A folder that may be listed but not searched (r-- without x): its files' names are
    known, yet none can be read."""
    root = corpus({"a.toml": VALID, "more/b.toml": VALID.replace("people-2023", "other-2023")})
    denied = root / "more" / "b.toml"
    deny(monkeypatch, Path, "lstat", lambda path: path == denied)
    assert run_bad(cli, str(root)) == [cannot_read(denied)]
    assert run_bad(cli, str(root / "more")) == [cannot_read(denied)]  # not "no *.toml files"


def test_a_path_that_cannot_be_looked_at_is_a_problem(corpus, cli, monkeypatch):
    """A file in a folder that may not be searched: a problem, not a traceback."""
    root = corpus({"a.toml": VALID})
    file = root / "a.toml"
    deny(monkeypatch, Path, "stat", lambda path: path == file or file in path.parents)
    assert run_bad(cli, str(file)) == [cannot_read(file)]


def test_a_hard_link_is_a_second_file(corpus, cli):
    """Two names of one file in the claims: its article id is used twice (a copy, in effect);
    only the same name given twice, or a symbolic link, is one file."""
    root = corpus({"a.toml": VALID})
    os.link(root / "a.toml", root / "b.toml")
    lines = run_bad(cli, str(root))
    assert len(lines) == 1
    assert lines[0].startswith(f"{root / 'b.toml'}:")
    assert "duplicate article id" in lines[0]


# --- many problems at once ---------------------------------------------------------------------


def test_every_problem_in_every_file_is_reported_sorted_in_one_run(corpus, cli):
    a = text(
        """\
        [article]
        id = "a"
        published = 2023-06-07

        [[claims]]
        id = "c1"
        subject = "Aleph"
        predicate = "bron"
        value = "2011"

        [[claims]]
        id = "c2"
        subject = "Aleph"
        predicate = "age"
        value = -3
        """
    )
    b = text(
        """\
        [article]
        id = "b"

        [[claims]]
        id = "c1"
        subjet = "Aleph"
        predicate = "age"
        value = 11

        [[claims]]
        id = "c2"
        subject = "Natalie Portman"
        predicate = "married"
        value = "2012"
        """
    )
    c = text(
        """\
        [article]
        id = "a"

        [[claims]]
        id = "c1"
        subject = "Aleph"
        predicate = "born"
        """
    )
    d = text(
        """\
        [article]
        id = "d"
        published = 2023-06-07

        [[claims]]
        id = "c1"
        subject = "Alef"
        predicate = "born"
        value = "June 31, 2011"

        [[claims]]
        id = "c2"
        subject = "Natalie Portman"
        predicate = "met"
        object = "Milepied"
        value = "2009"

        [[claims]]
        id = "c1"
        subject = "Aleph"
        predicate = "age"
        value = 11
        """
    )
    root = corpus({"a.toml": a, "b.toml": b, "sub/c.toml": c, "d.toml": d})
    pa, pb, pc, pd = root / "a.toml", root / "b.toml", root / "sub" / "c.toml", root / "d.toml"
    missing = root / "missing.toml"
    d_dup = line_of(d, 'id = "c1"', 2)
    d_first = line_of(d, 'id = "c1"')
    a_id = line_of(a, 'id = "a"')
    c_id = line_of(c, 'id = "a"')
    expected = [
        f"{pa}:{line_of(a, 'bron')}: unknown predicate 'bron' (did you mean 'born'? known "
        f"predicates: {', '.join(BUILTIN.predicates)})",
        f"{pa}:{line_of(a, '-3')}: value: a span of years must not be negative (a years value "
        "is a number like 11 or 1.5, or a table like { min = 10 })",
        f"{pb}:{line_of(b, '[[claims]]')}: the claim has no 'subject' (add subject = ...)",
        f"{pb}:{line_of(b, 'subjet')}: unknown key 'subjet' in the claim (did you mean 'subject'?)",
        f"{pb}:{line_of(b, '[[claims]]', 2)}: predicate 'married' relates two people but has "
        "no 'object' (add object = ...)",
        f"{pd}:{line_of(d, 'Alef')}: unknown subject 'Alef' (did you mean 'Aleph'?)",
        f"{pd}:{line_of(d, 'June 31')}: value: cannot read 'June 31, 2011' as a date "
        "(day is out of range for month) "
        '(write a date like 2009, "June 2018", "June 14, 2011" or 2011-06-14)',
        f"{pd}:{line_of(d, 'Milepied')}: unknown object 'Milepied' (did you mean 'Millepied'?)",
        f"{pd}:{d_dup}: duplicate claim id 'c1' in article 'd' (first used at {pd}:{d_first})",
        f"{missing}: no such file or folder (give the claims folder or files)",
        f"{pc}:{c_id}: duplicate article id 'a' (first used at {pa}:{a_id})",
        f"{pc}:{line_of(c, '[[claims]]')}: the claim has no 'value' (add value = ...)",
    ]
    lines = run_bad(cli, str(root), str(missing))
    assert lines == expected
    keys = [(m["path"], int(m["line"] or 0)) for m in map(PROBLEM_LINE.match, lines)]
    assert keys == sorted(keys)

    problems = problems_of(root, missing)
    assert [str(p) for p in problems] == expected


def test_unreadable_files_do_not_hide_structure_problems_elsewhere(corpus, cli):
    broken = '[article]\nid = "x"\n\n[[claims]]\nid = "c1"\nsubject = Aleph\n'
    root = corpus({"a.toml": broken, "b.toml": claim_file(id='"c1"', subject='"Aleph"')})
    (root / "c.toml").write_bytes(b'[article]\nid = "c"\n# \xe9\n')
    lines = run_bad(cli, str(root))
    assert len(lines) == 4
    assert "TOML syntax error" in only(lines, root / "a.toml", 6)
    assert "has no 'predicate'" in lines[1] and "has no 'value'" in lines[2]
    assert "not UTF-8" in only(lines, root / "c.toml", 3)


# --- one problem, one line ---------------------------------------------------------------------

ESC = "\x1b[31m"
TOML_ESC = "\\u001b[31m"  # how a TOML string writes ESC [31m


def _claim(**changes: str) -> dict[str, str]:
    claim = {"id": '"c1"', "subject": '"Aleph"', "predicate": '"age"', "value": "11"}
    return {"a.toml": claim_file(**(claim | changes))}


@pytest.mark.parametrize(
    ("files", "echoed"),
    [
        pytest.param(_claim(subject=f'"Al{TOML_ESC}ef\\nAleph"'), True, id="subject"),
        pytest.param(
            _claim(predicate='"born"', value=f'"June{TOML_ESC}\\n31, 2011"'), True, id="date"
        ),
        pytest.param(_claim(predicate=f'"b{TOML_ESC}o\\nrn"'), True, id="predicate"),
        pytest.param(_claim(**{f'"{TOML_ESC}\\nkey"': "1"}), True, id="key"),
        pytest.param(
            {
                "a.toml": f'[article]\nid = "x{TOML_ESC}\\ny"\n',
                "b.toml": f'[article]\nid = "x{TOML_ESC}\\ny"\n',
            },
            True,
            id="article-id",
        ),
        pytest.param(
            _claim(value="-3", quote=f'"son Aleph,\\n{TOML_ESC} 11\\r\\u001b[0m"'),
            False,
            id="quote",
        ),
        pytest.param(
            _claim(value="-3", quote=f'"""son Aleph,\n{TOML_ESC} 11"""'),
            False,
            id="multiline-quote",
        ),
    ],
)
def test_control_characters_never_reach_the_terminal(corpus, cli, files, echoed):
    root = corpus(files)
    lines = run_bad(cli, str(root))  # checks: no ESC or CR byte, one problem per line
    joined = "\n".join(lines)
    assert ESC not in joined
    if echoed:  # the text is shown, inert
        assert "\\x1b[31m" in joined
        assert "\\n" in joined
    else:  # the quote is not part of any message
        assert "son Aleph" not in joined
        assert "must not be negative" in joined


def test_control_characters_in_a_file_name_stay_on_one_line(corpus, cli):
    root = corpus({"a.toml": VALID})
    (root / f"bad{ESC}\nname.toml").write_text('[article]\nid = "b"\nvalue = \n', encoding="utf-8")
    lines = run_bad(cli, str(root))
    assert len(lines) == 1
    assert lines[0].startswith(f"{root}/bad\\x1b[31m\\nname.toml:3: TOML syntax error")


def test_multiline_quote_keeps_later_line_numbers_right(corpus, cli):
    source = text(
        '''\
        [article]
        id = "a1"
        published = 2023-06-07

        [[claims]]
        id = "c1"
        subject = "Aleph"
        predicate = "age"
        value = 11
        quote = """son Aleph,
        [[claims]]
        id = "c9"
        11"""

        [[claims]]
        id = "c2"
        subject = "Alef"
        predicate = "age"
        value = 3
        '''
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    assert lines == [
        f"{root / 'a.toml'}:{line_of(source, 'Alef')}: unknown subject 'Alef' "
        "(did you mean 'Aleph'?)"
    ]


def test_triple_quotes_inside_a_literal_string_keep_line_numbers_right(corpus, cli):
    source = text(
        '''\
        [article]
        id = "a1"
        published = 2023-06-07

        [[claims]]
        id = "c1"
        subject = "Aleph"
        predicate = "age"
        value = 11
        quote = 'she wrote """ in her post'

        [[claims]]
        id = "c2"
        subject = "Alef"
        predicate = "age"
        value = 3
        '''
    )
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    assert lines == [
        f"{root / 'a.toml'}:{line_of(source, 'Alef')}: unknown subject 'Alef' "
        "(did you mean 'Aleph'?)"
    ]


_BEFORE_ALEF = {
    "an escaped closing quote": 'quote = """he said \\"""\n[[claims]]\nid = "c9"\n"""',
    "a multi-line string in an array": 'quotes = ["""son Aleph,\n[[claims]]\n11"""]',
    "an array of arrays over lines": 'pairs = [\n  ["claims"]\n]',
    "a line separator in a string": 'quote = "son\u2028Aleph\u0085, 11"',
    "a literal multi-line string": "quote = '''son Aleph,\n[[claims]]\n11'''",
}


@pytest.mark.parametrize("extra", _BEFORE_ALEF.values(), ids=_BEFORE_ALEF.keys())
def test_strings_and_arrays_over_lines_keep_later_line_numbers_right(corpus, cli, extra):
    """Regression (#14): a line of a string or array is never read as a header or a key, and
    only \\n ends a line."""
    source = text(
        """\
        [article]
        id = "a1"
        published = 2023-06-07
        """
    )
    source += f'\n[[claims]]\n{extra}\nid = "c1"\nsubject = "Aleph"\npredicate = "age"\n'
    source += 'value = 11\n\n[[claims]]\nid = "c2"\nsubject = "Alef"\n'
    source += 'predicate = "age"\nvalue = 3\n'
    root = corpus({"a.toml": source})
    lines = run_bad(cli, str(root))
    line = source.split("\n").index('subject = "Alef"') + 1
    alef = f"{root / 'a.toml'}:{line}: unknown subject 'Alef' (did you mean 'Aleph'?)"
    # A key other than quote is also named, at the line it starts on.
    assert lines[-1] == alef
    assert [x.partition(" (")[0] for x in lines[:-1]] == [
        f"{root / 'a.toml'}:6: unknown key {key!r} in the claim"
        for key in [extra.split()[0]]
        if key != "quote"
    ]


# --- the user's files are left alone -----------------------------------------------------------


def _snapshot(root: Path, folders: bool = True) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and mtime, and every folder's mtime (a new file changes it), except
    factcheck's own cache."""
    snapshot = {}
    for p in sorted([root, *root.rglob("*")]):
        if CACHE_DIR in p.relative_to(root).parts or (p.is_dir() and not folders):
            continue
        content = p.read_bytes() if p.is_file() else b"<folder>"
        snapshot[str(p)] = (content, p.stat().st_mtime_ns)
    return snapshot


def _age(root: Path) -> None:
    """Set every mtime far in the past, so that any write shows up whatever the clock's grain."""
    for p in [root, *root.rglob("*")]:
        os.utime(p, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
@pytest.mark.parametrize("broken", [False, True], ids=["clean", "with-errors"])
def test_run_never_modifies_the_users_files(corpus, cli, broken, cached):
    files = {"a.toml": VALID, "sub/b.toml": VALID.replace("people-2023-06-07", "variety-2022")}
    if broken:
        files["c.toml"] = claim_file(id='"c1"', subject='"Alef"', predicate='"bron"', value="-3")
    root = corpus(files)
    if broken:
        (root / "d.toml").write_bytes(b'[article]\nid = "\xff"\n')
    _age(root.parent)
    # Without the cache nothing at all is written; with it, only the cache's own folder.
    before = _snapshot(root.parent, folders=not cached)
    result = cli("run", str(root), *([] if cached else ["--no-cache"]))
    assert result.exit_code == (2 if broken else 0), result.output
    assert _snapshot(root.parent, folders=not cached) == before
    assert (root.parent / CACHE_DIR).is_dir() == cached


def test_unknown_names_are_reported_even_beside_an_unreadable_file(corpus, cli):
    source = VALID.replace('subject = "Aleph"', 'subject = "Alef"')
    root = corpus({"a.toml": source, "b.toml": "[article\n"})
    lines = run_bad(cli, str(root))
    assert len(lines) == 2
    assert lines[0].startswith(f"{root / 'a.toml'}:{line_of(source, 'Alef')}: unknown subject")
    assert "a file that could not be read may define it" in lines[0]
    assert lines[1].startswith(f"{root / 'b.toml'}:1: TOML syntax error")


def test_a_byte_order_mark_is_accepted(corpus, cli):
    root = corpus({})
    (root / "a.toml").write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    result = cli("run", str(root))
    assert result.exit_code == 0, result.output
