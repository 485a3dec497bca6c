"""How the command line reads to a user: plain usage lines, and a usage error in one line.

typer writes a required argument as ``{ENTITY}``, which reads as a set of choices, and a usage
error as four lines in click's style. Here a usage error is one line in the format of every
other problem, ``command line: what is wrong (hint)``, and exits 2 like them.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from factcheck.problems import Problem
from factcheck.textsafe import not_a_command


def _usage_error(error: typer.TyperException, info_name: str | None, parent: Any) -> NoReturn:
    """One line for a usage error; exit 2. ``--help`` asked by giving no arguments is not one.
    An error raised before its command's context exists (an option missing its value) is placed
    by the command's name and its parent's."""
    if type(error).__name__ == "NoArgsIsHelpError":
        raise error
    context = getattr(error, "ctx", None)
    if context is not None:
        where = context.command_path
    else:
        where = " ".join(x for x in (parent and parent.command_path, info_name) if x)
    problem = Problem.of_argument(error.format_message().rstrip("."), f"see '{where} --help'")
    print(not_a_command(str(problem)), file=sys.stderr)
    raise typer.Exit(2)


class _OneLineErrors:
    """Mixed into a command or a group, before typer's class: its usage errors are one line."""

    # Any: the base class takes the click Context that typer vendors, which is private to typer.
    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        try:
            # The mixin's super() is typer's class, after it in the method order: mypy cannot
            # see that from the mixin alone.
            return super().make_context(info_name, args, parent, **extra)  # type: ignore[misc]
        except typer.TyperException as error:
            _usage_error(error, info_name, parent)


class Command(_OneLineErrors, TyperCommand):
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [
            piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
            for piece in super().collect_usage_pieces(ctx)
        ]


class Group(_OneLineErrors, TyperGroup):
    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as error:
            _usage_error(error, ctx.info_name, ctx.parent)
