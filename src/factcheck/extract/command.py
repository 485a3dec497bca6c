"""``factcheck extract`` from request to files: read the article and the entity file (or propose
one), draft, and write the draft (TOML, or JSON with ``--format json``) and any proposed entity
file, each atomically and never over an existing file without ``--force``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from factcheck.extract import Draft, draft, entity_names, read_article
from factcheck.extract.cast import Cast
from factcheck.extract.proposal import Proposal, propose
from factcheck.extract.source import ArticleText, find_entity_file
from factcheck.files import refuse_existing, write_atomically
from factcheck.inputs import ENTITY_FILE

_WHAT = "the claims file"


@dataclass(frozen=True, slots=True)
class Request:
    article: Path
    article_id: str
    published: dt.date | str | None
    outlet: str | None
    entities: Path | None  # --entities; None: look for one, else propose one
    claim_paths: list[Path]  # the claims folders, where an entity file is looked for first
    output: Path | None
    force: bool
    json: bool


@dataclass(frozen=True, slots=True)
class Done:
    draft: Draft
    # Where a proposed entity file went: its path, or "the draft" without -o; None if none.
    proposed: Path | str | None
    proposed_people: int


def extract(request: Request) -> Done:
    """Draft the article's claims and write them; bad input raises InputError."""
    if request.output is not None and not request.force:
        refuse_existing(request.output, _WHAT)  # before the work, not only after it
    article = read_article(request.article)
    entities = request.entities or find_entity_file(request.article, request.claim_paths)
    proposal_text, proposed_at, people = None, None, 0
    proposal = None
    if entities is not None:
        cast = entity_names(entities)
    else:
        proposed_at = (
            request.output.parent / ENTITY_FILE if request.output is not None else request.output
        )
        proposal = propose(article.body, proposed_at)
        cast, people = proposal.cast, len(proposal.entities)
        proposal_text = proposal.text(article.path.name)
        if proposed_at is not None and not request.force:
            refuse_existing(proposed_at, "the proposed entity file")
    result = _draft(request, article, cast)
    text = _json(result, request, proposal, proposed_at) if request.json else result.text
    if proposal_text is not None and proposed_at is None and not request.json:
        text += "\n# No entity file was found: the people below are proposed from the text.\n\n"
        text += proposal_text
    if request.output is None:
        import sys

        sys.stdout.write(text)
    else:
        hint = "give a file path with --output"
        if proposal_text is not None and proposed_at is not None:
            write_atomically(
                proposed_at,
                proposal_text,
                what="the proposed entity file",
                hint=hint,
                replace=request.force,
            )
        write_atomically(request.output, text, what=_WHAT, hint=hint, replace=request.force)
    where: Path | str | None = None
    if proposal is not None:
        where = proposed_at or ("the JSON draft" if request.json else "the draft")
    return Done(result, where, people)


def _draft(request: Request, article: ArticleText, cast: Cast) -> Draft:
    return draft(
        article,
        cast,
        article_id=request.article_id,
        published=request.published,
        outlet=request.outlet,
    )


def _json(result: Draft, request: Request, proposal: Proposal | None, proposed: Path | None) -> str:
    """The draft as data: its claims with their places in the text, and the sentences not
    drafted."""
    published = result.published
    document = {
        "article": {
            "id": request.article_id,
            "outlet": request.outlet,
            "published": published.isoformat() if isinstance(published, dt.date) else published,
            "source": str(request.article),
        },
        "claims": [
            {
                "id": c.id,
                "subject": c.subject,
                "predicate": c.predicate,
                "object": c.object,
                "value": c.value,
                "after": None
                if c.after is None
                else {"predicate": c.after[0], "subject": c.after[1], "object": c.after[2]},
                "as_of": c.as_of,
                "quote": c.quote,
                "start": c.start,
                "end": c.end,
            }
            for c in result.claims
        ],
        "not_drafted": [
            {"line": s.line, "start": s.start, "end": s.end, "text": s.text, "why": s.why}
            for s in result.skipped
        ],
        "proposed_entities": None
        if proposal is None
        else {
            "path": None if proposed is None else str(proposed),
            "people": [
                {"name": e.name, "aliases": list(e.aliases), "gender": e.gender}
                for e in proposal.entities
            ],
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
