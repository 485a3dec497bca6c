"""The cache under ``.factcheck_cache/``: what the loader made of each file, and the last report.

Three kinds of pack are kept for each set of paths checked (``claims/``, say), each one file
read and written in one go, written atomically after a run in which anything changed:

- the **parse** pack holds each file's entry, keyed on its path, size, modification time and
  content hash (SHA-256), and used only if all four match: hashing a file costs a small
  fraction of parsing it, so an edit that keeps the size and the modification time is still
  seen;
- the **report** pack holds the report of the last run, keyed on those facts of every file
  checked and the settings that shape findings: when none of it changed, the report is the
  same, and the run neither loads nor analyses anything;
- the **dates** pack holds each article's date, with what it was worked out from, so that after
  an edit only the articles whose dates could have moved are dated again (see
  :mod:`factcheck.incremental`).

Entries are pickles, which load several times faster than anything rebuilt from JSON, but
unpickling foreign data can run code. So a pack is signed (HMAC-SHA256) with a key kept in the
user's cache folder, outside the repository: a pack that is corrupt, truncated, unsigned, signed
with another key (committed to a repository, copied from another machine), or written by other
code, another python-dateutil or another Python is never unpickled; it is ignored and rebuilt.
A cache that cannot be written is simply not kept.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import __version__
from factcheck.files import present, replace_atomically

if TYPE_CHECKING:
    from factcheck.results import Report

CACHE_DIR = ".factcheck_cache"
MAX_PACKS = 8  # sets of paths whose packs are kept
_MAGIC = b"factcheck cache 2\n"
_KEY_FILE = "cache-key"
Entry = bytes | memoryview  # a pickle, or a view of one in the pack
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# A cache of factcheck: safe to delete.\n"


@dataclass(frozen=True, slots=True)
class Facts:
    """What identifies a file's content: an entry is used only if all of it matches."""

    path: str  # as given: the entry's locations quote it
    absolute: str
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, file: Path, data: bytes) -> Facts | None:
        try:
            stat = file.stat()
        except OSError:
            return None
        digest = hashlib.sha256(data).hexdigest()
        return cls(str(file), os.path.abspath(file), stat.st_size, stat.st_mtime_ns, digest)

    def fields(self) -> list[str | int]:
        return [self.path, self.absolute, self.size, self.mtime_ns, self.sha256]


def _pack_path(root: Path, paths: Sequence[Path], kind: str) -> Path:
    named = "\0".join(sorted(f"{os.path.abspath(p)}\0{p}" for p in paths))
    name = hashlib.sha256(named.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return root / CACHE_DIR / f"{kind}-{name}.pack"


class ParseCache:
    """The parse pack of one set of paths, signed with ``key``."""

    def __init__(self, pack: Path, key: bytes) -> None:
        self.pack = pack
        self.key = key
        self.entries: dict[Facts, Entry] = {}
        read = read_pack(pack, key)
        if read is None:
            return
        index, payloads = read
        try:
            offset = 0
            for *fields, length in json.loads(index):
                self.entries[Facts(*fields)] = payloads[offset : offset + length]
                offset += length
        except (ValueError, TypeError):  # signed by this user's key, yet not ours: a miss
            self.entries = {}

    @classmethod
    def at(cls, root: Path, paths: Sequence[Path]) -> ParseCache | None:
        """The cache of these paths in the repository at ``root``; None without a key, or where
        the cache folder is not one factcheck can own (see :func:`_owned`)."""
        found = pack_at(root, paths, "parse")
        return None if found is None else cls(*found)

    def get(self, facts: Facts) -> Entry | None:
        """The pickled entry for a file with these facts, or None."""
        return self.entries.get(facts)

    def save(self, entries: Iterable[tuple[Facts, Entry]]) -> None:
        """Keep these entries, and only these, unless they are the ones kept already."""
        fresh = dict(entries)
        if fresh.keys() == self.entries.keys():
            with suppress(OSError):
                os.utime(self.pack)  # in use: the last to be evicted
            return
        index = [[*facts.fields(), len(blob)] for facts, blob in fresh.items()]
        write_pack(self.pack, self.key, json.dumps(index).encode(), fresh.values())
        self.entries = fresh


class ReportCache:
    """The report pack of one set of paths: the last report, and what it was made from."""

    def __init__(self, pack: Path, key: bytes) -> None:
        self.pack = pack
        self.key = key

    @classmethod
    def at(cls, root: Path, paths: Sequence[Path]) -> ReportCache | None:
        """The report pack of these paths in the repository at ``root``; None without a key, or
        where the cache folder is not one factcheck can own."""
        found = pack_at(root, paths, "report")
        return None if found is None else cls(*found)

    @staticmethod
    def identity(
        facts: Sequence[Facts], disable: Iterable[str], severity: Mapping[str, str]
    ) -> bytes:
        """What a report depends on: every file's facts, in order, and the settings that shape
        findings (rules disabled, severities)."""
        named = [[f.fields() for f in facts], sorted(disable), sorted(severity.items())]
        text = json.dumps(named, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest().encode()

    def get(self, identity: bytes) -> Report | None:
        """The report kept, if it was made from inputs of this ``identity``."""
        from factcheck.results import Report

        read = read_pack(self.pack, self.key)
        if read is None or read[0] != identity:
            return None
        try:
            report = pickle.loads(read[1])
        except Exception:  # signed by this user, yet unreadable: never fatal, only a miss
            return None
        if not isinstance(report, Report):
            return None
        with suppress(OSError):
            os.utime(self.pack)  # in use: the last to be evicted
        return report

    def save(self, identity: bytes, report: Report) -> None:
        """Keep ``report``, made from inputs of this ``identity``, instead of the last."""
        write_pack(self.pack, self.key, identity, [pickle.dumps(report, pickle.HIGHEST_PROTOCOL)])


def pack_at(root: Path, paths: Sequence[Path], kind: str) -> tuple[Path, bytes] | None:
    """The pack of this ``kind`` for these paths, and the key it is signed with; None without a
    key, or where the cache folder is not one factcheck can own (see :func:`_owned`)."""
    key = signing_key()
    if key is None or not _owned(root / CACHE_DIR):
        return None
    return _pack_path(root, paths, kind), key


def read_pack(pack: Path, key: bytes) -> tuple[bytes, memoryview] | None:
    """A pack's index line and its payload, if it is signed with ``key`` and written by this
    code; else None."""
    if not present(pack, Path.is_file):  # a pipe would block the run, a folder fail it
        return None
    try:
        blob = pack.read_bytes()
    except OSError:
        return None
    if not blob.startswith(_MAGIC):
        return None
    signed = blob.find(b"\n", len(_MAGIC)) + 1
    header = blob.find(b"\n", signed) + 1
    index = blob.find(b"\n", header) + 1
    if not 0 < signed < header < index:
        return None
    signature = blob[len(_MAGIC) : signed - 1]
    if not hmac.compare_digest(signature, _sign(key, memoryview(blob)[signed:])):
        return None
    if blob[signed : header - 1] != _header():
        return None
    return blob[header : index - 1], memoryview(blob)[index:]  # views: nothing is copied


def write_pack(pack: Path, key: bytes, index: bytes, payloads: Iterable[Entry]) -> None:
    # Written piece by piece, not joined: at a million claims the entries are 200 MB.
    rest = [_header(), b"\n", index, b"\n", *payloads]
    signature = hmac.new(key, digestmod=hashlib.sha256)
    for piece in rest:
        signature.update(piece)
    try:
        _prepare(pack.parent)
        # Not synced to disk: a pack lost in a crash is only rebuilt.
        pieces = [_MAGIC, signature.hexdigest().encode(), b"\n", *rest]
        replace_atomically(pack, pieces, durable=False)
        _evict(pack)
    except OSError:
        pass  # a read-only checkout: the run goes on without a cache


def key_folder() -> Path:
    """Where the signing key lives: the user's cache folder (XDG), never the repository."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    if not base.is_absolute():  # the XDG spec: a relative path is invalid, and ignored
        base = Path.home() / ".cache"
    return base / "factcheck"


def signing_key() -> bytes | None:
    """This user's key, made on first use; None where it can be neither read nor made (or
    where the user has no home to keep it in)."""
    try:
        path = key_folder() / _KEY_FILE
    except RuntimeError:  # no HOME, no XDG_CACHE_HOME: Path.home() cannot tell
        return None
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(path, [os.urandom(32)])
        return path.read_bytes()  # another run may have won the race: use what is there
    except OSError:
        return None


def _sign(key: bytes, data: Entry) -> bytes:
    return hmac.new(key, data, hashlib.sha256).hexdigest().encode()


def _header() -> bytes:
    """What wrote a pack: entries made by other code are stale, even under the same version
    number (as during development), and so are reports that another python-dateutil (which
    reads dates) might have read otherwise, and files read under another vocabulary (a
    predicate defined or not); pickles are read by the Python that wrote them."""
    from factcheck.vocabulary import active

    facts = {**_made_by(), "vocabulary": active().digest()}
    return json.dumps(facts, sort_keys=True).encode()


@cache
def _made_by() -> dict[str, str]:
    import dateutil

    digest = hashlib.sha256()
    package = Path(__file__).parent
    for module in sorted(package.rglob("*.py")):
        with suppress(OSError):  # no source installed: the version alone tells
            digest.update(module.relative_to(package).as_posix().encode() + b"\0")
            digest.update(module.read_bytes())
    return {
        "factcheck": __version__,
        "code": digest.hexdigest(),
        "dateutil": getattr(dateutil, "__version__", "unknown"),
        "python": sys.version.split()[0],
    }


def _owned(folder: Path) -> bool:
    """Whether the cache folder is factcheck's to write in: absent, or a real folder. A link
    (committed to a repository, say) would send the cache's files, and its evictions, wherever
    it points: then there is no cache."""
    return not folder.is_symlink() and (folder.is_dir() or not folder.exists())


# The packs factcheck writes, and the only files eviction deletes.
_PACK = re.compile(r"^(?:parse|report|dates)-[0-9a-f]{32}\.pack$")


def _evict(kept: Path) -> None:
    """Keep the packs of the most recently used sets of paths only: each set checked (single
    files, say) has its own, and they would otherwise pile up. A set's packs go together: a
    run that takes its report from the cache uses the parse pack on the next edit."""

    def named(pack: Path) -> str:
        return pack.name.partition("-")[2]

    packs = [p for p in kept.parent.glob("*-*.pack") if _PACK.match(p.name) and p.is_file()]
    used: dict[str, int] = {}
    for pack in packs:
        with suppress(OSError):
            used[named(pack)] = max(used.get(named(pack), 0), pack.stat().st_mtime_ns)
    others = sorted((name for name in used if name != named(kept)), key=used.__getitem__)
    stale = set(others[: max(0, len(others) - (MAX_PACKS - 1))])
    for pack in packs:
        if named(pack) in stale:
            pack.unlink(missing_ok=True)


def _prepare(folder: Path) -> None:
    """The cache folder, made like .pytest_cache: ignored by git and by backup tools, without
    anyone having to edit .gitignore."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", _TAG)):
        if not (folder / name).exists():
            replace_atomically(folder / name, [text.encode()], mode=0o644)
