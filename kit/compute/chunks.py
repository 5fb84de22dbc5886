"""What the engines pass around: how to run (settings, data files), chunks of documents, a chunk's outcome.

:mod:`kit.compute.engine` runs the chunks in this process or on N processes, :mod:`kit.compute.dask_engine` on a Dask
cluster; both take and give these.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kit import config
from kit.compute.store import document_key, file_hash, table_key
from kit.errors import KitError, KitWarning
from kit.types import Prepared

# What cleaning and tokenising give (plus the cleaning warnings, replayed on every run).
PREPARED_TABLES = ("documents", "removed", "paragraphs", "sentences", "tokens", "warnings")
# About one document in CHUNK_SIZE ends a chunk; no chunk is longer than MAX_CHUNK_FACTOR times that. A chunk
# costs some 40 ms of its own (a dozen Parquet files, a few dozen small tables): 6% of the time of a chunk of
# 100 documents, 3% of one of 200, whose worker holds about 60 MB more.
CHUNK_SIZE = 200
MAX_CHUNK_FACTOR = 4
ENGINES = ("local", "dask")


def available_cores() -> int:
    """The cores this process may run on: the default of every ``--jobs``."""
    if hasattr(os, "sched_getaffinity"):  # Linux: the cores this process may run on (a container's share)
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def capped_jobs(jobs: int, option: str = "--jobs") -> int:
    """``jobs`` (1 or more), or the cores this process may use when it asks for more, with a warning saying so.

    More processes than cores share the same cores and each holds its own memory: ``--jobs 100`` on two cores
    ran no faster and took ten times the memory.
    """
    cores = available_cores()
    if jobs <= cores:
        return jobs
    warnings.warn(f"{option} {jobs:,}: this process may use {cores} cores; running {cores}", KitWarning, stacklevel=2)
    return cores


@dataclass(frozen=True)
class DataFiles:
    """The data files the analyses read (``None``: the kit's own); ``no_lexicon`` scores tone with plain VADER."""

    registry: Path | None = None
    lexicon: Path | None = None
    no_lexicon: bool = False
    dictionary: Path | None = None
    holidays: Path | None = None

    def absolute(self) -> DataFiles:
        """The same files named by absolute paths (what a worker started in another folder can open)."""
        return DataFiles(
            registry=self.registry.absolute() if self.registry else None,
            lexicon=self.lexicon.absolute() if self.lexicon else None,
            no_lexicon=self.no_lexicon,
            dictionary=self.dictionary.absolute() if self.dictionary else None,
            holidays=self.holidays.absolute() if self.holidays else None,
        )

    def hashes(self, stages: Iterable[Stage]) -> dict[str, tuple[str, ...]]:
        """Table (prepared, then each stage's) → the hashes of the data files its rows depend on."""
        prepared = (file_hash(config.ABBREVIATIONS), file_hash(config.STOPWORDS))
        hashes = dict.fromkeys(PREPARED_TABLES, prepared)
        return hashes | {stage.name: prepared + stage.data_files(self) for stage in stages}


def no_data_files(data: DataFiles) -> tuple[str, ...]:
    """A stage's data files when it reads none (its rows depend only on the prepared tables)."""
    return ()


# A stage's earlier tables of the same chunk, by name (None: neither computed now nor kept; found again then).
Earlier = Callable[[str], pd.DataFrame | None]


@dataclass(frozen=True)
class Stage:
    """One per-document table: how a chunk's prepared documents give it, and what its rows depend on.

    :data:`kit.compute.stages.STAGES` is the kit's registry; an engine runs the stages its :class:`Settings` name, in
    their order, and imports no analysis itself.

    Attributes:
        name: the table's name in the store (part of its key).
        run: ``run(prepared, data, earlier)`` → the chunk's rows, from each document alone; ``earlier(name)``
            gives a table of ``needs`` if at hand, else None.
        columns: the table's columns.
        needs: earlier stages it starts from when at hand (their rows, not a recomputation).
        data_files: ``data_files(data)`` → the hashes of the data files its rows depend on (beyond the
            abbreviations and stopwords every table depends on).
    """

    name: str
    run: Callable[[Prepared, DataFiles, Earlier], pd.DataFrame]
    columns: tuple[str, ...]
    needs: tuple[str, ...] = ()
    data_files: Callable[[DataFiles], tuple[str, ...]] = no_data_files


@dataclass(frozen=True)
class Settings:
    """How to run: where the store is, how many processes, which engine (and its scheduler), progress or not,
    and the per-document stages there are (:data:`kit.compute.stages.STAGES`; none: only the prepared tables).
    """

    store: Path | str | None = None  # a folder, or an fsspec URL (see kit.compute.store.location)
    jobs: int | None = None
    engine: str = "local"
    scheduler: str | None = None
    progress: bool = True
    chunk_size: int = CHUNK_SIZE
    data: DataFiles = field(default_factory=DataFiles)
    stages: tuple[Stage, ...] = ()

    def __post_init__(self) -> None:
        """Refuse stages out of order: each runs after the stages it needs (whose rows it may start from)."""
        earlier: list[str] = []
        for stage in self.stages:
            for need in stage.needs:
                if need not in earlier:
                    raise KitError(f"stage {stage.name!r} needs {need!r}, which no earlier stage gives")
            earlier.append(stage.name)

    def workers(self) -> int:
        """``jobs``, or every core this process may use."""
        return self.jobs or available_cores()

    def hashes(self) -> dict[str, tuple[str, ...]]:
        """Table → the hashes of the data files its rows depend on (:meth:`DataFiles.hashes` of the stages)."""
        return self.data.hashes(self.stages)

    def refuse_unknown(self, tables: Iterable[str]) -> None:
        """Refuse a table name that is neither prepared nor given by one of the stages.

        Raises:
            KitError: naming the table and the tables there are.
        """
        known = [*PREPARED_TABLES, *(stage.name for stage in self.stages)]
        for table in tables:
            if table not in known:
                raise KitError(
                    f"no stage gives the table {table!r} (there are: {', '.join(known)}; "
                    "the kit's stages are kit.compute.stages.STAGES, given as Settings(stages=...))"
                )


@dataclass(frozen=True)
class ChunkEntry:
    """One document of a chunk: its manifest line and row (with the article's sha256, without its text)."""

    line: int
    row: dict[str, str]


@dataclass(frozen=True)
class Chunk:
    """Documents next to each other in doc_id order, and the store key of each table over them."""

    folder: Path
    entries: tuple[ChunkEntry, ...]
    keys: dict[str, str]


def keyed(folder: Path, entries: Iterable[ChunkEntry], hashes: Mapping[str, tuple[str, ...]]) -> Chunk:
    """A chunk of ``entries`` with each table's key (``hashes``: :meth:`Settings.hashes`; see
    :mod:`kit.compute.store`).
    """
    entries = tuple(entries)
    document_keys = [document_key(entry.row) for entry in entries]
    keys = {table: table_key(table, table_hashes, document_keys) for table, table_hashes in hashes.items()}
    return Chunk(folder, entries, keys)


def as_read(chunk: Chunk, sha256: Mapping[str, str], hashes: Mapping[str, tuple[str, ...]]) -> Chunk | None:
    """The chunk keyed by the articles' bytes a run has just read (doc_id → sha256), or None when every article
    is the one the chunk was planned with.

    An article edited after the chunk was planned (every file is hashed once before the chunks run) is read as
    it is now: its tables are kept under the key of what was read, never under the planned key.
    """
    entries = tuple(ChunkEntry(e.line, {**e.row, "sha256": sha256[e.row["doc_id"]]}) for e in chunk.entries)
    return None if entries == chunk.entries else keyed(chunk.folder, entries, hashes)


@dataclass(frozen=True)
class ChunkOutcome:
    """What a chunk's run reports: the documents left without a word (doc_id, file), how many it had, and the
    chunk as it was read when an article changed after the chunk was planned (see :func:`as_read`).
    """

    wordless: pd.DataFrame
    documents: int
    read: Chunk | None = None
