"""Draft claims as a claims file in format v1 (docs/claims-format.md), for a person to check."""

from __future__ import annotations

import datetime as dt

from factcheck.extract.draft import DraftClaim
from factcheck.extract.raw import Value
from factcheck.extract.skipped import Skipped
from factcheck.textsafe import inert

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: Value | dt.date) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise TypeError("no claim value is true or false")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    inner = ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items())
    return "{ " + inner + " }"


def render(
    claims: list[DraftClaim],
    skipped: list[Skipped],
    *,
    article_id: str,
    published: dt.date | str | None,
    outlet: str | None,
    source: str,
) -> str:
    lines = [
        f"# Drafted by factcheck extract from {_comment(source)}: check each claim against the",
        "# article before relying on it. Each quote's `chars START-END` is where it stands in the",
        "# article's text (character offsets, the end excluded).",
    ]
    if published is None:
        lines.append("# Undated: no --published was given and the text has no leading date line.")
    lines += ["", "[article]", f"id = {toml_string(article_id)}"]
    if outlet:
        lines.append(f"outlet = {toml_string(outlet)}")
    if published is not None:
        lines.append(f"published = {toml_value(published)}")
    for claim in claims:
        lines += ["", "[[claims]]", f"id = {toml_string(claim.id)}"]
        lines.append(f"subject = {toml_string(claim.subject)}")
        lines.append(f"predicate = {toml_string(claim.predicate)}")
        if claim.object is not None:
            lines.append(f"object = {toml_string(claim.object)}")
        if claim.predicate != "child":  # a link has no value
            lines.append(f"value = {toml_value(claim.value)}")
        if claim.after is not None:
            event, subject, other = claim.after
            after: dict[str, int | float | str] = {"predicate": event, "subject": subject}
            if other is not None:
                after["object"] = other
            lines.append(f"after = {toml_value(after)}")
        if claim.as_of is not None:
            lines.append(f"as_of = {toml_string(claim.as_of)}")
        lines.append(f"quote = {toml_string(claim.quote)}")
        lines.append(f"# chars {claim.start}-{claim.end}")
    if skipped:
        lines += [
            "",
            "# Sentences that name someone beside a date, an age or a fact's word, but gave no",
            "# claim: check each, and add by hand what it says.",
        ]
        for s in skipped:
            where = f"line {s.line}" + (f", {s.why}" if s.why else "")
            lines.append(f"# not drafted ({_comment(where)}): {_comment(toml_string(s.text))}")
    return "\n".join(lines) + "\n"


def _comment(text: str) -> str:
    """Text that stays on its comment line, whatever the file name holds."""
    return inert(text).replace("\\n", " ")
