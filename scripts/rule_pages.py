"""Write the rules' pages, docs/rules/CODE.md, and the vocabulary's, docs/vocabulary.md, from
the vocabulary and the rules' examples; first record what factcheck says of each example
(its ``says.txt``), which the pages show.

    python scripts/rule_pages.py [OUT_DIR]

The pages are what ``factcheck rules CODE`` prints; tests/test_rules.py fails when a committed
page differs from what this writes, so run it after changing a rule or its examples.
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.files import write_atomically
from factcheck.rulepages import SAYS, cases, page, said, vocabulary_page
from factcheck.vocabulary import BUILTIN

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS
    out.mkdir(parents=True, exist_ok=True)
    for rule in BUILTIN.rules:
        for case in cases(rule.code):
            text = "\n".join(said(case / "claims")) + "\n"
            write_atomically(case / SAYS, text, what="an example's record", hint="")
    for rule in BUILTIN.rules:
        write_atomically(out / f"{rule.code}.md", page(rule), what="a rule's page", hint="")
    vocabulary = out.parent / "vocabulary.md"
    write_atomically(vocabulary, vocabulary_page(), what="the vocabulary's page", hint="")
    print(f"wrote {len(BUILTIN.rules)} pages to {out}, and {vocabulary}")


if __name__ == "__main__":
    main()
