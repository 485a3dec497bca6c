"""The package's structure, as the architecture promises it: stages import only earlier stages,
so that no output format, cache or loader runs (or even imports) the orchestrator, and the
modules' imports form no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "factcheck"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, *, top_level_only: bool) -> set[str]:
    """The factcheck modules ``path`` imports (at module level only, if asked: imports inside
    functions run when called, and break no cycle at import time)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factcheck"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("factcheck"))
    return found


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}
# Modules below the orchestrator: they never import it, not even inside a function.
BELOW_CHECK = [
    name
    for name in MODULES
    if name.startswith("factcheck.report")
    or name in ("factcheck.cache", "factcheck.loader")
    or name in ("factcheck.parallel", "factcheck.inputs", "factcheck.results")
]


@pytest.mark.parametrize("module", BELOW_CHECK)
def test_no_output_format_cache_or_loader_imports_the_orchestrator(module: str) -> None:
    assert "factcheck.check" not in _imports(MODULES[module], top_level_only=False)


def test_the_modules_imports_form_no_cycle() -> None:
    graph = {
        name: {m for m in _imports(path, top_level_only=True) if m in MODULES and m != name}
        for name, path in MODULES.items()
    }
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            cycle = " -> ".join([*path[path.index(name) :], name])
            raise AssertionError(f"import cycle: {cycle}")
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_modules_stay_under_about_400_lines() -> None:
    long = {n: len(p.read_text("utf-8").splitlines()) for n, p in MODULES.items()}
    assert {n: count for n, count in long.items() if count > 420} == {}
