"""Write the rules' pages, docs/rules/CODE.md, and the vocabulary's, docs/vocabulary.md, from
the vocabulary and the rules' examples; first record what factcheck says of each example
(its ``says.txt``), which the pages show.

    python scripts/rule_pages.py [OUT_DIR]
    python scripts/rule_pages.py --check     # write nothing; exit 1 if a file is out of date

The pages are what ``factcheck rules CODE`` prints; tests/test_rules.py fails when a committed
page differs from what this writes, so run it after changing a rule or its examples.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck.files import write_atomically
from factcheck.rulepages import SAYS, cases, page, said, vocabulary_page
from factcheck.vocabulary import BUILTIN

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def _records() -> list[tuple[Path, str]]:
    """What factcheck says of each example, as its ``says.txt`` records it."""
    return [
        (case / SAYS, "\n".join(said(case / "claims")) + "\n")
        for rule in BUILTIN.rules
        for case in cases(rule.code)
    ]


def _pages(out: Path) -> list[tuple[Path, str]]:
    """The pages, as the records now on disk show them."""
    pages = [(out / f"{rule.code}.md", page(rule)) for rule in BUILTIN.rules]
    return [*pages, (out.parent / "vocabulary.md", vocabulary_page())]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=DOCS, metavar="OUT_DIR")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    arguments = parser.parse_args()
    if arguments.check:
        files = [*_records(), *_pages(arguments.out)]
        stale = [
            path for path, text in files if not path.is_file() or path.read_text("utf-8") != text
        ]
        for path in stale:
            print(f"{path}: out of date (python scripts/rule_pages.py)")
        print(f"{len(stale)} files out of date" if stale else "all pages and records up to date")
        return 1 if stale else 0
    arguments.out.mkdir(parents=True, exist_ok=True)
    for path, text in _records():  # first: the pages show them
        write_atomically(path, text, what="an example's record", hint="")
    for path, text in _pages(arguments.out):
        write_atomically(path, text, what="a page", hint="")
    print(f"wrote {len(BUILTIN.rules)} pages to {arguments.out}, and its vocabulary.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
