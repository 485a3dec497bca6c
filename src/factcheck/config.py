"""Configuration: ``[tool.factcheck]`` in a pyproject.toml, or a factcheck.toml, found from the
working directory upwards. Command-line flags win over it.

Keys (all optional; paths are relative to the file that sets them):

- ``paths``: the claim files and folders ``run`` and ``baseline`` check by default;
- ``baseline``: the baseline file that ``run`` compares with, and ``baseline`` writes;
- ``severity``: a table of rule code to ``"error"``, ``"warning"`` or ``"info"``;
- ``disable``: a list of rule codes whose findings are not reported (a disabled ordering rule
  adds no constraints at all);
- ``events``, ``predicates``, ``rules``: a user's vocabulary (see :mod:`factcheck.definitions`).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.definitions import SECTIONS, Definitions
from factcheck.problems import InputError, Problem, closest, shown
from factcheck.progress import SILENT, Progress
from factcheck.toml_lines import SyntaxHints, locate, syntax_problem
from factcheck.vocabulary import BUILTIN, Severity, Vocabulary

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("paths", "baseline", "severity", "disable", *SECTIONS)
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
_CONFIG_HINTS = SyntaxHints(
    repeated="a key or table is defined twice: each setting, event, predicate and rule code "
    "is defined once",
    other="see docs/ci.md#configuration",
)


@dataclass(frozen=True, slots=True)
class Settings:
    paths: tuple[Path, ...] = ()
    baseline: Path | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    disable: frozenset[str] = frozenset()
    source: Path | None = None  # the file they came from
    jobs: int | None = None  # processes that load files; None: parallel.default_jobs()
    cache: bool = True  # whether to use (and keep) the cache: parsed files, the last report
    vocabulary: Vocabulary = BUILTIN  # the built-in one, and what the configuration defines
    progress: Progress = field(default=SILENT, compare=False)  # where a long run says how far


def find(start: Path) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with a [tool.factcheck] table, upwards,
    up to the repository's root: a file above it is not the repository's to apply."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (folder / ".git").exists():
            break
    return None


def _repository(folder: Path) -> Path:
    """The repository a configuration belongs to: the nearest folder above with .git, else the
    configuration's own folder."""
    start = Path(os.path.abspath(folder))
    for candidate in (start, *start.parents):
        if (candidate / ".git").exists():
            return candidate
    return start


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        # Broken: ours to report only if it seems to configure factcheck (read() says why).
        return "tool.factcheck" in text
    return isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]


def load(start: Path | None = None) -> Settings:
    """The settings in force in ``start`` (default: the working directory)."""
    path = find((start or Path.cwd()).resolve())
    return Settings() if path is None else read(path)


def read(path: Path) -> Settings:
    name = shown(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(name, None, f"cannot read the configuration: {exc}")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError([syntax_problem(name, text, exc, _CONFIG_HINTS)]) from None
    except RecursionError:
        message = "the configuration nests arrays or tables too deeply to read"
        raise InputError([Problem(name, None, message, "see docs/ci.md#configuration")]) from None
    lines = locate(text)
    if path.name == PYPROJECT:
        table, prefix = data.get("tool", {}).get("factcheck", {}), "tool.factcheck"
    else:
        table, prefix = data, ""
    block = lines.table(prefix) if prefix else lines.root
    definitions = Definitions(name, lines, f"{prefix}." if prefix else "")
    vocabulary = definitions.read(table) if isinstance(table, dict) else BUILTIN
    reader = _Reader(name, block.keys, block.line, path.parent, vocabulary)
    severity_table = lines.tables.get(f"{prefix}.severity" if prefix else "severity")
    if severity_table is not None:  # [tool.factcheck.severity]: each code has its own line
        reader.keys = {**reader.keys, **severity_table.keys}
    settings = reader.read(table, path)
    problems = sorted(definitions.problems + reader.problems, key=lambda p: p.line or 0)
    if problems:
        raise InputError(problems)
    return replace(settings, vocabulary=vocabulary)


class _Reader:
    def __init__(
        self, name: str, keys: dict[str, int], line: int, folder: Path, vocabulary: Vocabulary
    ) -> None:
        self.name = name
        self.keys = keys
        self.line = line
        self.folder = folder
        self.rules = vocabulary.rules_by_code
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.name, self.keys.get(key, self.line), message, hint))

    def read(self, table: object, source: Path) -> Settings:
        if not isinstance(table, dict):
            self.problem("", "the factcheck configuration must be a table")
            return Settings()
        for key in table:
            if key == "tool" and self.name.endswith(CONFIG_FILE):
                hint = "in factcheck.toml the keys stand at the top level, without [tool.factcheck]"
                self.problem(key, "unknown configuration key 'tool'", hint)
            elif key not in KEYS:
                self.problem(key, f"unknown configuration key {key!r}", closest(key, KEYS))
        return Settings(
            paths=self.paths(table.get("paths", [])),
            baseline=self.path(table.get("baseline")),
            severity=self.severity(table.get("severity", {})),
            disable=frozenset(self.codes(table.get("disable", []), "disable")),
            source=source,
        )

    def paths(self, value: object) -> tuple[Path, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem("paths", "paths must be a list of paths", 'e.g. paths = ["claims"]')
            return ()
        return tuple(p for v in value if (p := self.inside("paths", v)) is not None)

    def inside(self, key: str, value: str) -> Path | None:
        """The configured path, if it stays inside the repository: a repository's configuration
        (a pull request's, say) must not make factcheck read, or write, elsewhere. A path
        outside is given on the command line, by the user who means it."""
        path = self.folder / value
        root = _repository(self.folder)
        # Resolved: a committed link (a folder, or the file) must not lead outside either.
        if Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root)):
            return path
        flag = "--baseline" if key == "baseline" else "the paths argument"
        message = f"{key} {value!r} is outside the repository ({root})"
        self.problem(
            key, message, f"a configuration names paths inside it; give this one with {flag}"
        )
        return None

    def path(self, value: object) -> Path | None:
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            self.problem(
                "baseline", "baseline must be a path", 'e.g. baseline = ".factcheck-baseline.json"'
            )
            return None
        return self.inside("baseline", value)

    def codes(self, value: object, key: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"{key} must be a list of rule codes", 'e.g. ["FC204"]')
            return []
        for code in value:
            if code not in self.rules:
                hint = closest(code, self.rules) or "factcheck rules lists them"
                self.problem(key, f"unknown rule {code!r} in {key}", hint)
        return [code for code in value if code in self.rules]

    def severity(self, value: object) -> dict[str, Severity]:
        if not isinstance(value, dict):
            self.problem(
                "severity",
                "severity must be a table of rule code to level",
                'e.g. severity = { FC301 = "error" }',
            )
            return {}
        levels: dict[str, Severity] = {}
        for code, level in value.items():
            where = code if code in self.keys else "severity"
            if code not in self.rules:
                hint = closest(code, self.rules) or "factcheck rules lists them"
                self.problem(where, f"unknown rule {code!r} in severity", hint)
            if level not in SEVERITIES:
                message = f"severity of {code} must be error, warning or info, not {level!r}"
                self.problem(where, message)
            elif code in self.rules:
                levels[code] = level
        return levels
