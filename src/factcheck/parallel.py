"""Loading many files: from the parse cache where it holds them, else parsed, across processes.

A file's share of the corpus depends on its bytes alone, so files are parsed in any order, by
any process, and put back in the order they were found: a parallel run reports exactly what a
serial one does. Workers send back pickles, which are also what the cache keeps.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.cache import Entry, Facts, ParseCache
from factcheck.inputs import Inputs
from factcheck.loader import duplicates, parse_file
from factcheck.model import Corpus, LoadedFile
from factcheck.progress import SILENT, Progress
from factcheck.vocabulary import Vocabulary, active, using

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext

# Below this many files to parse per process, starting the process costs more than it saves.
MIN_FILES_PER_JOB = 100
CHUNKS_PER_JOB = 4  # small enough pieces that a slow one does not leave a core idle


# One process by default: with the compiled parser, a file costs about as much to send back
# from a worker (pickled, then unpickled here) as to parse, and a second process gained
# nothing (100k claims: 6.39-6.51 s in one, 6.41-6.90 s in two) and cost memory (1M: 76 s and
# 2.07 GiB in one, 80 s and 2.32 GiB in two). See docs/performance.md#parallel-loading.
DEFAULT_JOBS = 1


def default_jobs() -> int:
    """The processes that parse claim files unless ``--jobs`` says otherwise."""
    return DEFAULT_JOBS


def load_files(
    inputs: Inputs, jobs: int, cache: ParseCache | None, progress: Progress = SILENT
) -> list[LoadedFile]:
    """What each file loads as, in order. It takes the place of the file's bytes in ``inputs``:
    at once for a file in the cache, once all are parsed for the others."""
    contents = inputs.contents
    kept: dict[int, tuple[Facts, Entry]] = {}  # what the cache is to hold after the run
    missed: dict[int, bytes] = {}  # the files to parse, with their bytes
    facts: dict[int, Facts] = {}
    for index, data in enumerate(contents):
        if isinstance(data, LoadedFile):  # unreadable
            progress.advance()
            continue
        known = inputs.facts[index] if cache is not None and inputs.facts else None
        entry = None if cache is None or known is None else cache.get(known)
        if entry is not None and (hit := _unpickled(entry)) is not None:
            assert known is not None
            contents[index], kept[index] = hit, (known, entry)
            progress.advance()
            continue
        missed[index] = data
        if known is not None:
            facts[index] = known
    parsed = _parse(inputs.files, missed, jobs, cache is not None, progress)
    missed.clear()
    for index, found, entry in parsed:
        contents[index] = found
        if index in facts and entry is not None:
            kept[index] = (facts[index], entry)
    if cache is not None:
        cache.save(kept[index] for index in sorted(kept))
    return [found for found in contents if isinstance(found, LoadedFile)]


def _parse(
    files: Sequence[Path],
    missed: dict[int, bytes],
    jobs: int,
    keep: bool,
    progress: Progress = SILENT,
) -> list[tuple[int, LoadedFile, bytes | None]]:
    """Each missed file parsed, with its pickle where the cache is to keep it."""
    workers = min(jobs, len(missed) // MIN_FILES_PER_JOB)
    if workers <= 1:
        parsed = []
        for index, data in missed.items():
            found = parse_file(str(files[index]), data)
            parsed.append((index, found, _pickled(found) if keep else None))
            progress.advance()
        return parsed
    from concurrent.futures.process import BrokenProcessPool

    indices = list(missed)
    size = -(-len(indices) // (workers * CHUNKS_PER_JOB))
    chunks = [indices[i : i + size] for i in range(0, len(indices), size)]
    parsed = []
    try:
        with pool_of(workers) as pool:
            work = [[(str(files[i]), missed[i]) for i in chunk] for chunk in chunks]
            # A spawned worker starts with the built-in vocabulary: it is sent the one in force.
            said = [active()] * len(work)
            for chunk, pickles in zip(chunks, pool.map(_parse_chunk, work, said), strict=True):
                parsed += [(i, pickle.loads(p), p) for i, p in zip(chunk, pickles, strict=True)]
                progress.advance(len(chunk))
    except (OSError, BrokenProcessPool):
        # No processes to be had (a sandbox, a full process table) or one was killed: slower,
        # but the same result.
        progress.stage("loading files", len(missed))
        return _parse(files, missed, 1, keep, progress)
    return parsed


def _parse_chunk(files: list[tuple[str, bytes]], vocabulary: Vocabulary) -> list[bytes]:
    with using(vocabulary):
        return [_pickled(parse_file(path, data)) for path, data in files]


def _pickled(loaded: LoadedFile) -> bytes:
    return pickle.dumps(loaded, pickle.HIGHEST_PROTOCOL)


def _unpickled(entry: Entry) -> LoadedFile | None:
    try:
        found = pickle.loads(entry)
    except Exception:  # signed by this user, yet unreadable: never fatal, only a miss
        return None
    return found if isinstance(found, LoadedFile) else None


def pool_of(workers: int) -> ProcessPoolExecutor:
    """A pool of worker processes that end when this process does, even killed with no chance
    to stop them: they would wait on their work queue for ever."""
    from concurrent.futures import ProcessPoolExecutor  # only for many files

    return ProcessPoolExecutor(
        workers, mp_context=_context(), initializer=_watch_parent, initargs=(os.getpid(),)
    )


PARENT_POLL_SECONDS = 0.5


def _watch_parent(parent: int) -> None:
    """In a worker: exit once the parent is gone (the worker is then another process's child).
    A poll, because no portable signal tells a process that its parent died."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()


def _context() -> BaseContext:
    import multiprocessing

    # Forking reuses the modules already imported; elsewhere (macOS, Windows) each worker
    # imports factcheck afresh, which the minimum of files per job pays for.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def load(
    inputs: Inputs, jobs: int = 1, cache: ParseCache | None = None, progress: Progress = SILENT
) -> Corpus:
    """Load every file that can be read; ``corpus.problems`` lists what could not. With more
    than one job, files are parsed in parallel; with a cache, unchanged files are not parsed.
    Loading uses up ``inputs``: each file's bytes are let go of once it is loaded (at a million
    claims they are 130 MB)."""
    corpus = Corpus(files=[str(f) for f in inputs.files], problems=list(inputs.problems))
    progress.stage("loading files", len(inputs.files))
    for loaded in load_files(inputs, jobs, cache, progress):
        corpus.add(loaded)
    # What they loaded as is in the corpus now, and the facts have served the cache: not to be
    # held through the analysis, where memory peaks.
    inputs.contents.clear()
    inputs.facts.clear()
    corpus.problems.extend(duplicates(corpus))
    return corpus
