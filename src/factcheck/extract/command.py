"""``factcheck extract`` from request to files: read the article and the entity file (or propose
one), draft, and write the draft (TOML, or JSON with ``--format json``) and any proposed entity
file, each atomically and never over an existing file without ``--force``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from factcheck.extract import Draft, draft, entity_names, read_article
from factcheck.extract.cast import Cast
from factcheck.extract.proposal import Proposal, propose
from factcheck.extract.source import ArticleText, find_entity_file
from factcheck.files import refuse_existing, write_atomically
from factcheck.inputs import ENTITY_FILE

_WHAT = "the claims file"
_PROPOSED = "the proposed entity file"
_PROPOSED_BELOW = "\n# No entity file was found: the people below are proposed from the text.\n\n"


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
    entities: Path | None = None  # the entity file names resolved through, when one was found


def extract(request: Request) -> Done:
    """Draft the article's claims and write them; bad input raises InputError."""
    if request.output is not None and not request.force:
        refuse_existing(request.output, _WHAT)  # before the work, not only after it
    article = read_article(request.article)
    beside = request.output.parent / ENTITY_FILE if request.output is not None else None
    entities = request.entities or find_entity_file(request.article, request.claim_paths)
    if entities is None and beside is not None and beside.is_file():
        entities = beside  # proposed for an earlier article, and reviewed since: its people
    proposal: Proposal | None = None
    if entities is not None:
        cast = entity_names(entities)
    else:
        proposal = propose(article.body, beside)
        cast = proposal.cast
        if beside is not None and not request.force:
            refuse_existing(beside, _PROPOSED)
    result = _draft(request, article, cast)
    if request.json:
        text = _json(result, request, proposal, beside)
    elif proposal is not None and beside is None:  # a claims file may hold entities too
        text = result.text + _PROPOSED_BELOW + proposal.text(article.path.name)
    else:
        text = result.text
    if request.output is None:
        sys.stdout.write(text)
        return Done(result, _where(request, proposal, None), _people(proposal), entities)
    hint = "give a file path with --output"
    if proposal is not None and beside is not None:
        proposed = proposal.text(article.path.name)
        write_atomically(beside, proposed, what=_PROPOSED, hint=hint, replace=request.force)
    write_atomically(request.output, text, what=_WHAT, hint=hint, replace=request.force)
    return Done(result, _where(request, proposal, beside), _people(proposal), entities)


def _where(request: Request, proposal: Proposal | None, beside: Path | None) -> Path | str | None:
    """Where a proposed entity file went, for the summary: its path, or the draft itself."""
    if proposal is None:
        return None
    return beside or ("the JSON draft" if request.json else "the draft")


def _people(proposal: Proposal | None) -> int:
    return len(proposal.entities) if proposal is not None else 0


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
                "value": None if c.predicate == "child" else c.value,
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
