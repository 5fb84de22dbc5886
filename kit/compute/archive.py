"""A corpus read from the store, one chunk at a time: what the report notebooks analyse, at any corpus size.

    corpus folder → :func:`kit.compute.engine.build` (each chunk's tables kept in the store, computed only where
    missing) → :class:`Archive`: the documents (manifest facts and sizes, no article text), any per-document
    table read whole (dates, quotations, tone units, theme sums), and passes over the chunks' prepared tables
    for what needs sentences or tokens (events, keyword-in-context lines, word counts, collocates)

A notebook opens an archive where it used to prepare the corpus in memory. At 100,000 articles the tokens
alone are about 8 GB of Python objects; an archive reads them one chunk (about a hundred articles) at a time,
so a notebook's memory follows the tables it shows, never the corpus's text.

Per-document analyses give, chunk by chunk, the rows they give on the whole corpus (the engine's tests prove
it for the stored tables, this module's tests for the passes), so a report reads the same numbers either way.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from kit import config
from kit.compute import engine
from kit.compute.chunks import CHUNK_SIZE, PREPARED_TABLES, Chunk, DataFiles, Settings
from kit.compute.stages import ANALYSIS_TABLES, STAGES
from kit.compute.store import Store
from kit.errors import KitError
from kit.preprocess.clean import CleaningWarning
from kit.types import Prepared

# What every notebook reads: the documents with their sizes (and, by chunk, the prepared tables behind them).
BASE_TABLES = ("sizes", "removed")
# The stages' tables the report notebooks read (the report runner fills the store with them first): every one
# but sizes (read by every notebook) and theme_hits (what the theme sums are made of).
REPORT_TABLES = tuple(table for table in ANALYSIS_TABLES if table not in (*BASE_TABLES, "theme_hits"))


@dataclass(frozen=True)
class Archive:
    """A corpus folder's tables in the store, and the chunks they are kept by.

    Attributes:
        folder: the corpus folder.
        settings: where the store is, how to fill it, the data files (registry, lexicon, dictionary) and the
            stages that give the per-document tables (:data:`kit.compute.stages.STAGES`).
        store: the store the tables are read from.
        chunks: the corpus's documents in doc_id order, cut into chunks, each with its tables' keys.
        documents: one row per article: manifest facts, sha256, n_paragraphs, n_sentences, n_tokens, n_words
            (:func:`kit.analyses.overview.documents`), without the article's text.
    """

    folder: Path
    settings: Settings
    store: Store
    chunks: tuple[Chunk, ...]
    documents: pd.DataFrame

    def table(self, name: str) -> pd.DataFrame:
        """A per-document table (a stage's, e.g. dates, quotes, tone, theme_sums, or a prepared one such as removed)
        of every chunk, in document order.

        A table not yet kept for these settings is computed first (by chunk), then read.
        """
        self._ensure([name])
        return engine.concat([self.store.read(name, chunk.keys[name]) for chunk in self.chunks])

    def prepared(self) -> Iterator[Prepared]:
        """Each chunk's prepared documents (documents with text, removed, paragraphs, sentences, tokens)."""
        for chunk in self.chunks:
            yield Prepared(*(self.store.read(table, chunk.keys[table]) for table in PREPARED_TABLES[:-1]))

    def gather(
        self, analyse: Callable[..., pd.DataFrame], *args: Any, tables: Sequence[str] = (), **kwargs: Any
    ) -> pd.DataFrame:
        """A per-document analysis run chunk by chunk, its rows put together in document order.

        ``analyse(prepared, *chunk_tables, *args, **kwargs)`` is called once per chunk, with that chunk's
        prepared documents and its rows of each table in ``tables`` (e.g. ``gather(chronology.events,
        tables=["dates"])`` calls ``events(prepared, dates)``). For an analysis whose rows for a document come
        from that document alone, the result is the rows the whole corpus gives.
        """
        self._ensure(tables)
        frames = []
        for chunk, prepared in zip(self.chunks, self.prepared(), strict=True):
            kept = [self.store.read(table, chunk.keys[table]) for table in tables]
            frames.append(analyse(prepared, *kept, *args, **kwargs))
        return engine.concat(frames)

    def with_data(self, **changes: Any) -> Archive:
        """The same corpus with other data files (``DataFiles`` fields: registry, lexicon, no_lexicon,
        dictionary); the tables those files change are kept under keys of their own.
        """
        data = replace(self.settings.data, **changes)
        return _reopened(self.folder, replace(self.settings, data=data), self.documents)

    def _ensure(self, tables: Sequence[str]) -> None:
        """Compute the ``tables`` the store lacks for this archive's own chunks (as they were when it was opened).

        Raises:
            KitError: an article changed since the archive was opened, and its chunk had to be read again.
        """
        missing = [t for t in tables if not all(self.store.has(t, chunk.keys[t]) for chunk in self.chunks)]
        if missing:
            with warnings.catch_warnings():  # open_archive() showed them (or was asked not to)
                warnings.simplefilter("ignore", CleaningWarning)
                _, built = engine.build(self.folder, missing, self.settings, chunks=self.chunks)
            for chunk, kept in zip(built, self.chunks, strict=True):
                changed = [new.row for new, old in zip(chunk.entries, kept.entries, strict=True) if new != old]
                if changed:
                    raise KitError(
                        f"{self.folder / changed[0]['file']}: the article changed since the corpus was opened; "
                        "open it again (open_archive) to read it as it is now"
                    )


def open_archive(
    corpus_dir: str | Path | None = None,
    *,
    tables: Sequence[str] = (),
    data: DataFiles | None = None,
    warn_cleaning: bool = True,
    jobs: int = 1,
    store: str | Path | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Archive:
    """A corpus folder (default ``seeds/``) in the store, its ``tables`` computed where the store lacks them.

    Args:
        corpus_dir: the corpus folder (manifest.csv and articles); a relative path starts at the project folder,
            in JupyterLab as in a report (:func:`kit.config.project_path`). Empty or None: ``$PRESSKIT_CORPUS``,
            else the seeds.
        tables: analysis tables to compute now, beside the documents and removed lines (any other is computed
            when first asked for).
        data: the data files the analyses read (default: the kit's own).
        warn_cleaning: show cleaning's warnings (long removals), as :func:`kit.preprocess.pipeline.prepare` does.
        jobs: processes for chunks the store lacks (the report runner fills the store with every core first,
            so a notebook's kernel only reads).
        store: the store's folder or fsspec URL (default ``$PRESSKIT_STORE`` or the user cache folder).
        chunk_size: about how many documents a chunk holds (:data:`kit.compute.chunks.CHUNK_SIZE`).

    Raises:
        CorpusError: as :func:`kit.preprocess.pipeline.prepare` (bad manifest row or file, a document without words).
        KitError: a store inside the corpus folder or the seeds, or one that cannot be written.
    """
    folder = config.notebook_corpus(corpus_dir)
    data = data or DataFiles()
    settings = Settings(store, jobs=jobs, progress=False, chunk_size=chunk_size, data=data, stages=STAGES)
    return opened(folder, settings, tables=tables, warn_cleaning=warn_cleaning)


def opened(folder: Path, settings: Settings, *, tables: Sequence[str] = (), warn_cleaning: bool = True) -> Archive:
    """:func:`open_archive` with the engine's settings as they are (``kit table`` passes its options' settings,
    with :data:`kit.compute.stages.STAGES`).
    """
    with warnings.catch_warnings():
        if not warn_cleaning:
            warnings.simplefilter("ignore", CleaningWarning)
        store, chunks = engine.build(folder, [*BASE_TABLES, *tables], settings)
    documents = engine.concat([store.read("sizes", chunk.keys["sizes"]) for chunk in chunks])
    return Archive(folder, settings, store, tuple(chunks), documents)


def fill_report_tables(folder: Path, *, jobs: int, progress: bool) -> None:
    """Compute, with ``jobs`` processes, the store tables the report notebooks read with the kit's data files
    (and tone with plain VADER too), so each notebook's kernel only reads them. A parameter set naming its own
    data files computes its tables in its kernel. Cleaning's warnings are the corpus report's to show.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CleaningWarning)
        engine.build(folder, [*BASE_TABLES, *REPORT_TABLES], Settings(jobs=jobs, progress=progress, stages=STAGES))
        plain = Settings(jobs=jobs, progress=progress, data=DataFiles(no_lexicon=True), stages=STAGES)
        engine.build(folder, ["tone"], plain)


def data_files(*, registry: str = "", lexicon: str = "", dictionary: str = "", holidays: str = "") -> DataFiles:
    """The data files a notebook's parameters name ("" for the kit's own; a relative path from the project folder),
    as :func:`open_archive` takes them.
    """
    return DataFiles(
        registry=config.project_path(registry) if registry else None,
        lexicon=config.project_path(lexicon) if lexicon else None,
        dictionary=config.project_path(dictionary) if dictionary else None,
        holidays=config.project_path(holidays) if holidays else None,
    )


def _reopened(folder: Path, settings: Settings, documents: pd.DataFrame) -> Archive:
    chunks = tuple(engine.make_chunks(folder, settings))
    return Archive(folder, settings, engine.open_store(settings, folder), chunks, documents)
