"""The per-document stages over chunks of documents, kept in the store: in this process, on N processes, on Dask.

    manifest (every file read once for its sha256) → chunks of documents → for each chunk whose tables the
    store lacks: read, clean, sentences, tokens, then the stages the settings name (kit.compute.stages: sizes / dates /
    quotes / tone units / theme hits and sums) →
    Parquet in the store → the tables asked for, read back chunk by chunk in document order

A chunk holds only its own documents' rows, so memory follows the chunk size and the tables asked for, never
the corpus. Every per-document stage gives a document's rows from that document alone, so the chunks' rows
put together are the rows the whole corpus gives at once (tests compare them byte for byte).

Chunks are cut where a doc_id's hash says (about one doc_id in ``chunk_size``), not every ``chunk_size``
documents: adding or removing an article changes its own chunk's key, not every later chunk's.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import warnings
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from kit import config
from kit.compute.chunks import (
    CHUNK_SIZE,
    ENGINES,
    MAX_CHUNK_FACTOR,
    PREPARED_TABLES,
    Chunk,
    ChunkEntry,
    ChunkOutcome,
    DataFiles,
    Earlier,
    Settings,
    Stage,
    as_read,
    keyed,
)
from kit.compute.lifetime import worker_pool
from kit.compute.store import Store, location, refuse_inside
from kit.ingest import corpus
from kit.preprocess.clean import CleaningWarning
from kit.preprocess.pipeline import prepare_documents, refuse_wordless, wordless_documents
from kit.types import Prepared

# The settings and chunk types live in kit.compute.chunks (the Dask engine takes them too); callers reach them here.
__all__ = [
    "CHUNK_SIZE",
    "ENGINES",
    "PREPARED_TABLES",
    "Chunk",
    "ChunkEntry",
    "ChunkOutcome",
    "DataFiles",
    "Settings",
    "Stage",
    "build",
    "concat",
    "make_chunks",
    "open_store",
    "prepare_stored",
    "run_chunk",
    "run_tables",
]

# A chunk's stages make millions of small objects that hold no reference cycles (rows, tokens, matches); at
# Python's default, the cycle collector looks through the young ones every 700 allocations and finds nothing,
# a few per cent of a chunk's time. While a chunk runs it looks every GC_YOUNG_THRESHOLD allocations instead.
GC_YOUNG_THRESHOLD = 50_000
NO_DOCUMENTS = pd.DataFrame({"doc_id": pd.Series(dtype=object), "file": pd.Series(dtype=object)})


def run_tables(corpus_dir: str | Path | None, wanted: Sequence[str], settings: Settings) -> dict[str, pd.DataFrame]:
    """The tables ``wanted`` (names from PREPARED_TABLES and of ``settings.stages``) of a corpus folder.

    Tables the store holds are read; the others are computed by chunk with ``settings.engine`` and kept.

    Raises:
        CorpusError: as :func:`kit.preprocess.pipeline.prepare` (bad manifest row or file, a document without words).
        KitError: a table no stage gives, a store inside the corpus folder or the seeds, or one that cannot be
            written.
    """
    store, chunks = build(corpus_dir, wanted, settings)
    return {table: concat([store.read(table, chunk.keys[table]) for chunk in chunks]) for table in wanted}


def build(
    corpus_dir: str | Path | None, wanted: Sequence[str], settings: Settings, *, chunks: Sequence[Chunk] | None = None
) -> tuple[Store, list[Chunk]]:
    """Make sure the store holds the tables ``wanted`` of every chunk of a corpus folder; the store and the chunks.

    Nothing is read back: a caller reads the chunks it needs (``store.read(table, chunk.keys[table])``), one at
    a time, so memory follows a chunk, never the corpus. ``chunks`` are the corpus's chunks as planned before
    (an archive's), else they are planned now. A chunk whose article changed after it was planned comes back
    keyed by what its run read (:func:`kit.compute.chunks.as_read`). A store file that cannot be read is computed
    again, with a warning. Raises as :func:`run_tables`.
    """
    settings.refuse_unknown(wanted)
    folder = Path(corpus_dir) if corpus_dir is not None else config.SEEDS
    store = open_store(settings, folder)
    needed = tuple(dict.fromkeys([*wanted, "warnings"]))
    with _processes(settings) as pool:
        planned = list(make_chunks(folder, settings) if chunks is None else chunks)
        todo = [chunk for chunk in planned if not all(store.has(t, chunk.keys[t]) for t in needed)]
        for chunk in todo:  # a damaged table the run would start from is found (and removed) here, not in a worker
            for table, key in chunk.keys.items():
                store.has(table, key)
        # Largest first, so that no process is left running a long chunk while the others have nothing to do.
        todo.sort(key=lambda chunk: len(chunk.entries), reverse=True)
        documents = sum(len(chunk.entries) for chunk in planned)
        with tqdm(total=documents, unit="doc", desc="documents", disable=not settings.progress or None) as bar:
            bar.update(documents - sum(len(chunk.entries) for chunk in todo))
            outcomes = _execute(todo, store, needed, settings, bar, pool)
    wordless = [outcome.wordless for outcome in outcomes if not outcome.wordless.empty]
    if wordless:
        refuse_wordless(pd.concat(wordless).sort_values("doc_id", kind="stable"), folder)
    read = {outcome.read.entries[0].row["doc_id"]: outcome.read for outcome in outcomes if outcome.read}
    built = [read.get(chunk.entries[0].row["doc_id"], chunk) for chunk in planned]
    for chunk in built:  # the warnings cleaning gave, in document order, whether computed now or read
        for message in store.read("warnings", chunk.keys["warnings"]).message:
            warnings.warn_explicit(str(message), CleaningWarning, filename="kit.preprocess.clean", lineno=0)
    return store, built


def open_store(settings: Settings, folder: Path) -> Store:
    """The store ``settings`` name, refused when it lies inside the corpus folder or the seeds.

    A folder is named by its absolute path: a worker of a cluster resolves it from a folder of its own.
    """
    root = location(settings.store)
    store = Store(root.absolute() if isinstance(root, Path) else root)
    refuse_inside(store.root, folder)
    return store


def make_chunks(folder: Path, settings: Settings) -> Iterator[Chunk]:
    """The corpus's documents in doc_id order, cut into chunks, each with its tables' keys.

    A chunk names its folder as an absolute path: a worker of a cluster resolves it from a folder of its own.
    """
    entries = [
        ChunkEntry(line, {k: v for k, v in record.items() if k != "raw_text"})
        for line, record in corpus.read_articles(folder)
    ]
    entries.sort(key=lambda entry: entry.row["doc_id"])
    hashes = settings.hashes()
    absolute = folder.absolute()
    current: list[ChunkEntry] = []
    for i, entry in enumerate(entries):
        current.append(entry)
        if i == len(entries) - 1 or _ends_chunk(entry.row["doc_id"], len(current), settings.chunk_size):
            yield keyed(absolute, current, hashes)
            current = []


def _ends_chunk(doc_id: str, length: int, chunk_size: int) -> bool:
    cut = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % chunk_size == 0
    return cut or length >= MAX_CHUNK_FACTOR * chunk_size


def concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The chunks' rows as one table (chunks without rows left out, so they do not loosen a column's type)."""
    with_rows = [frame for frame in frames if len(frame)] or frames[:1]
    return pd.concat(with_rows, ignore_index=True) if len(with_rows) > 1 else with_rows[0].reset_index(drop=True)


@contextlib.contextmanager
def _processes(settings: Settings) -> Iterator[ProcessPoolExecutor | None]:
    """The local engine's worker processes, forked before the chunks are made (None: one process, or Dask).

    A process forked later starts from the parent's memory as it is then: every article's manifest row, and the
    pages that reading every article freed. A worker's first write to such a page copies it; at 100,000
    articles that made every worker 8% slower than at 10,000.
    """
    if settings.engine != "local" or settings.workers() <= 1:
        yield None
        return
    with worker_pool(settings.workers()) as pool:  # the workers end with this process, even on kill -9
        pool.submit(int).result()  # the first task forks the workers (all of them, from Python 3.11)
        yield pool


def _execute(
    todo: list[Chunk],
    store: Store,
    needed: tuple[str, ...],
    settings: Settings,
    bar: tqdm,
    pool: ProcessPoolExecutor | None,
) -> list[ChunkOutcome]:
    if settings.engine == "dask":
        from kit.compute.dask_engine import execute_chunks  # dask and distributed load only when asked for

        return execute_chunks(todo, store, needed, settings, bar, work=run_chunk)
    if pool is None or len(todo) <= 1:
        outcomes = []
        for chunk in todo:
            outcomes.append(run_chunk(chunk, store, needed, settings.data, settings.stages))
            bar.update(outcomes[-1].documents)
        return outcomes
    return _on_processes(todo, store, needed, settings, pool, bar)


def _on_processes(
    todo: list[Chunk], store: Store, needed: tuple[str, ...], settings: Settings, pool: ProcessPoolExecutor, bar: tqdm
) -> list[ChunkOutcome]:
    """Run the chunks on the pool's processes, at most two chunks each in flight (the rest wait unsent)."""
    outcomes: list[ChunkOutcome] = []
    pending: set[Future[ChunkOutcome]] = set()
    waiting = iter(todo)
    while True:
        for chunk in waiting:
            pending.add(pool.submit(run_chunk, chunk, store, needed, settings.data, settings.stages))
            if len(pending) >= 2 * settings.workers():
                break
        if not pending:
            return outcomes
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            outcome = future.result()
            outcomes.append(outcome)
            bar.update(outcome.documents)


def run_chunk(
    chunk: Chunk, store: Store, needed: tuple[str, ...], data: DataFiles, stages: tuple[Stage, ...]
) -> ChunkOutcome:
    """Compute and keep the tables ``needed`` of one chunk that the store lacks (prepared tables read if kept),
    running the ``stages`` (in their order) whose tables are missing.
    """
    with _rarer_collections():
        return _run_chunk(chunk, store, needed, data, stages)


@contextlib.contextmanager
def _rarer_collections() -> Iterator[None]:
    """The cycle collector's youngest generation collected every GC_YOUNG_THRESHOLD allocations, then as before."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _run_chunk(
    chunk: Chunk, store: Store, needed: tuple[str, ...], data: DataFiles, stages: tuple[Stage, ...]
) -> ChunkOutcome:
    missing = [table for table in needed if not store.has(table, chunk.keys[table])]
    if not missing:
        return ChunkOutcome(NO_DOCUMENTS, len(chunk.entries))
    read = None
    if all(store.has(table, chunk.keys[table]) for table in PREPARED_TABLES):
        prepared = Prepared(*(store.read(table, chunk.keys[table]) for table in PREPARED_TABLES[:-1]))
    else:
        prepared, cleaning_warnings = _prepare(chunk)
        # Keyed by the bytes just read: an article edited since the chunk was planned is kept as it is now.
        sha256 = dict(zip(prepared.documents.doc_id, prepared.documents.sha256, strict=True))
        read = as_read(chunk, sha256, data.hashes(stages))
        chunk = read or chunk
        wordless = wordless_documents(prepared.documents, prepared.tokens)
        if not wordless.empty:  # nothing kept: this run is refused, and so is every rerun
            return ChunkOutcome(wordless, len(chunk.entries))
        frames = [prepared.documents, prepared.removed, prepared.paragraphs, prepared.sentences, prepared.tokens]
        for table, frame in zip(PREPARED_TABLES, [*frames, cleaning_warnings], strict=True):
            store.write(table, chunk.keys[table], frame)
        if read is not None:
            missing = [table for table in needed if not store.has(table, chunk.keys[table])]
    computed: dict[str, pd.DataFrame] = {}
    for stage in stages:
        if stage.name in missing:
            computed[stage.name] = _analyse(stage, prepared, data, lambda name: _earlier(name, chunk, store, computed))
            store.write(stage.name, chunk.keys[stage.name], computed[stage.name])
    return ChunkOutcome(NO_DOCUMENTS, len(chunk.entries), read)


def _prepare(chunk: Chunk) -> tuple[Prepared, pd.DataFrame]:
    """The chunk's documents read, cleaned and tokenised, and the warnings cleaning gave (one message a row)."""
    records = [corpus.read_article(chunk.folder, entry.line, entry.row) for entry in chunk.entries]
    documents = pd.DataFrame.from_records(records, columns=corpus.document_columns(records))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        prepared = prepare_documents(documents)
    messages = [str(w.message) for w in caught if issubclass(w.category, CleaningWarning)]
    for other in caught:  # anything else is not this function's to keep: pass it on
        if not issubclass(other.category, CleaningWarning):
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    return prepared, pd.DataFrame({"message": pd.Series(messages, dtype=object)})


def _earlier(table: str, chunk: Chunk, store: Store, computed: Mapping[str, pd.DataFrame]) -> pd.DataFrame | None:
    """A table of the chunk that a later stage starts from (its ``needs``), if computed now or kept, else None
    (then it is found again): tone units start from the quotations, theme sums from the theme hits.
    """
    if table in computed:
        return computed[table]
    return store.read(table, chunk.keys[table]) if store.has(table, chunk.keys[table]) else None


def _analyse(stage: Stage, prepared: Prepared, data: DataFiles, earlier: Earlier) -> pd.DataFrame:
    """One stage's table of a chunk's prepared documents (``earlier``: see :func:`_earlier`)."""
    return stage.run(prepared, data, earlier)


def prepare_stored(corpus_dir: str | Path | None, settings: Settings) -> Prepared:
    """What :func:`kit.preprocess.pipeline.prepare` gives, by chunk and through the store."""
    tables = run_tables(corpus_dir, PREPARED_TABLES[:-1], settings)
    return Prepared(*(tables[table] for table in PREPARED_TABLES[:-1]))
