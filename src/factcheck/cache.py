"""The parse cache: what the loader made of each file, kept under ``.factcheck_cache/``.

Each file's entry is keyed on its path, size, modification time and content hash (SHA-256), and
is used only if all four match: hashing a file costs a small fraction of parsing it, so an edit
that keeps the size and the modification time is still seen. The entries of one set of paths
(``claims/``, say) are kept together in one pack, read and written in one go: one file instead of
thousands, written atomically after a run in which anything changed.

Entries are pickles, which load several times faster than anything rebuilt from JSON, but
unpickling foreign data can run code. So a pack is signed (HMAC-SHA256) with a key kept in the
user's cache folder, outside the repository: a pack that is corrupt, truncated, unsigned, signed
with another key (committed to a repository, copied from another machine), or written by another
version of factcheck or Python is never unpickled; it is ignored and rebuilt. A cache that
cannot be written is simply not kept.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

from factcheck import __version__
from factcheck.files import replace_atomically

CACHE_DIR = ".factcheck_cache"
MAX_PACKS = 8  # sets of paths whose entries are kept
_MAGIC = b"factcheck parse cache 1\n"
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


class ParseCache:
    """The pack of one set of paths, signed with ``key``."""

    def __init__(self, pack: Path, key: bytes) -> None:
        self.pack = pack
        self.key = key
        self.entries: dict[Facts, Entry] = {}
        self._read()

    @classmethod
    def at(cls, root: Path, paths: Sequence[Path]) -> ParseCache | None:
        """The cache of these paths in the repository at ``root``; None without a key."""
        key = signing_key()
        if key is None:
            return None
        named = "\0".join(sorted(f"{os.path.abspath(p)}\0{p}" for p in paths))
        name = hashlib.sha256(named.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return cls(root / CACHE_DIR / f"parse-{name}.pack", key)

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
        index = [[*astuple(facts), len(blob)] for facts, blob in fresh.items()]
        # Written piece by piece, not joined: at a million claims the entries are 200 MB.
        rest = [_header(), b"\n", json.dumps(index).encode(), b"\n", *fresh.values()]
        signature = hmac.new(self.key, digestmod=hashlib.sha256)
        for piece in rest:
            signature.update(piece)
        try:
            _prepare(self.pack.parent)
            # Not synced to disk: a pack lost in a crash is only rebuilt.
            pieces = [_MAGIC, signature.hexdigest().encode(), b"\n", *rest]
            replace_atomically(self.pack, pieces, durable=False)
            _evict(self.pack)
        except OSError:
            pass  # a read-only checkout: the run goes on without a cache
        self.entries = fresh

    def _read(self) -> None:
        try:
            blob = self.pack.read_bytes()
        except OSError:
            return
        if not blob.startswith(_MAGIC):
            return
        signed = blob.find(b"\n", len(_MAGIC)) + 1
        header = blob.find(b"\n", signed) + 1
        index = blob.find(b"\n", header) + 1
        if not 0 < signed < header < index:
            return
        signature = blob[len(_MAGIC) : signed - 1]
        if not hmac.compare_digest(signature, _sign(self.key, memoryview(blob)[signed:])):
            return
        if blob[signed : header - 1] != _header():
            return
        payloads = memoryview(blob)[index:]  # entries are views of it: nothing is copied
        try:
            offset = 0
            for *fields, length in json.loads(blob[header : index - 1]):
                self.entries[Facts(*fields)] = payloads[offset : offset + length]
                offset += length
        except (ValueError, TypeError):  # signed by this user's key, yet not ours: a miss
            self.entries = {}


def key_folder() -> Path:
    """Where the signing key lives: the user's cache folder (XDG), never the repository."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    if not base.is_absolute():  # the XDG spec: a relative path is invalid, and ignored
        base = Path.home() / ".cache"
    return base / "factcheck"


def signing_key() -> bytes | None:
    """This user's key, made on first use; None where it can be neither read nor made."""
    path = key_folder() / _KEY_FILE
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


@cache
def _header() -> bytes:
    """What wrote a pack: entries made by other code are stale, even under the same version
    number (as during development), and pickles are read by the Python that wrote them."""
    from factcheck import loader, model, predicates, problems, toml_lines

    digest = hashlib.sha256()
    for module in (loader, model, predicates, problems, toml_lines):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # no source installed: the version alone tells
            digest.update(module.__name__.encode())
    facts = {
        "factcheck": __version__,
        "code": digest.hexdigest(),
        "python": sys.version.split()[0],
    }
    return json.dumps(facts, sort_keys=True).encode()


def _evict(kept: Path) -> None:
    """Keep the most recently used packs only: each set of paths checked (single files, say)
    has one, and they would otherwise pile up."""
    packs = sorted(
        (p for p in kept.parent.glob("parse-*.pack") if p != kept),
        key=lambda p: p.stat().st_mtime_ns,
        reverse=True,
    )
    for stale in packs[MAX_PACKS - 1 :]:
        stale.unlink(missing_ok=True)


def _prepare(folder: Path) -> None:
    """The cache folder, made like .pytest_cache: ignored by git and by backup tools, without
    anyone having to edit .gitignore."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", _TAG)):
        if not (folder / name).exists():
            replace_atomically(folder / name, [text.encode()], mode=0o644)
