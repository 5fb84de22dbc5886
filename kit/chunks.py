"""What the engines pass around: how to run (settings, data files), chunks of documents, a chunk's outcome.

:mod:`kit.engine` runs the chunks in this process or on N processes, :mod:`kit.dask_engine` on a Dask cluster;
both take and give these.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kit import config
from kit.store import file_hash

# What cleaning and tokenising give (plus the cleaning warnings, replayed on every run).
PREPARED_TABLES = ("documents", "removed", "paragraphs", "sentences", "tokens", "warnings")
# What the analyses give per document: sizes (the documents table), dates, quotes, tone units, theme hits, and
# the per-document theme sums every theme count is made of (kit.themes.document_sums).
ANALYSIS_TABLES = ("sizes", "dates", "quotes", "tone", "theme_hits", "theme_sums")
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


@dataclass(frozen=True)
class DataFiles:
    """The data files the analyses read (``None``: the kit's own); ``no_lexicon`` scores tone with plain VADER."""

    registry: Path | None = None
    lexicon: Path | None = None
    no_lexicon: bool = False
    dictionary: Path | None = None
    holidays: Path | None = None

    def hashes(self) -> dict[str, tuple[str, ...]]:
        """Table → the hashes of the data files its rows depend on."""
        prepared = (file_hash(config.ABBREVIATIONS), file_hash(config.STOPWORDS))
        registry = file_hash(self.registry or config.ACTORS)
        lexicon = "no lexicon" if self.no_lexicon else file_hash(self.lexicon or config.DIPLOMATIC_LEXICON)
        extra = {
            "dates": (file_hash(self.holidays or config.HOLIDAYS),),
            "quotes": (registry,),
            "tone": (registry, lexicon),
            "theme_hits": (file_hash(self.dictionary or config.THEMES),),
            "theme_sums": (file_hash(self.dictionary or config.THEMES),),
        }
        return {table: prepared + extra.get(table, ()) for table in PREPARED_TABLES + ANALYSIS_TABLES}


@dataclass(frozen=True)
class Settings:
    """How to run: where the store is, how many processes, which engine (and its scheduler), progress or not."""

    store: Path | str | None = None  # a folder, or an fsspec URL (see kit.store.location)
    jobs: int | None = None
    engine: str = "local"
    scheduler: str | None = None
    progress: bool = True
    chunk_size: int = CHUNK_SIZE
    data: DataFiles = field(default_factory=DataFiles)

    def workers(self) -> int:
        """``jobs``, or every core this process may use."""
        return self.jobs or available_cores()


@dataclass(frozen=True)
class Entry:
    """One document of a chunk: its manifest line and row (with the article's sha256, without its text)."""

    line: int
    row: dict[str, str]


@dataclass(frozen=True)
class Chunk:
    """Documents next to each other in doc_id order, and the store key of each table over them."""

    folder: Path
    entries: tuple[Entry, ...]
    keys: dict[str, str]


@dataclass(frozen=True)
class Outcome:
    """What a chunk's run reports: the documents left without a word (doc_id, file), and how many it had."""

    wordless: pd.DataFrame
    documents: int
