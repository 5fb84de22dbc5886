"""The per-document stages: one registry entry per table the store keeps by chunk, beside the prepared tables.

    prepared documents of a chunk → sizes, dates, quotes → tone (from the quotes), theme_hits → theme_sums (from
    the hits) → Parquet in the store, keyed by what each stage's rows depend on

Each :class:`~kit.compute.chunks.Stage` names its function, the earlier stages it starts from, the data files its rows
depend on and its columns. The engines (:mod:`kit.compute.engine`, :mod:`kit.compute.dask_engine`) run the stages their
settings name and import no analysis; :mod:`kit.compute.archive`, :mod:`kit.compute.tables` and the command line hand
them :data:`STAGES`. Adding a per-document table is one function here and one entry in :data:`STAGES`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar, cast

import pandas as pd

from kit import config
from kit.analyses import chronology, overview, themes, tone, voices
from kit.analyses.voices import actors
from kit.analyses.voices.actors import Registry
from kit.compute.chunks import DataFiles, Earlier, Stage
from kit.compute.store import file_hash
from kit.types import MANIFEST_COLUMNS, Prepared

__all__ = ["ANALYSIS_TABLES", "STAGES", "Stage", "loaded"]

Loaded = TypeVar("Loaded")


def loaded(load: Callable[[Path | None], Loaded], path: Path | None, default: Path) -> Loaded:
    """``load(path)``, parsed once per process and file content (a YAML file takes longer to read than a chunk)."""
    return cast(Loaded, _load_once(load, path, file_hash(path or default)))


@cache
def _load_once(load: Callable[[Path | None], object], path: Path | None, content_hash: str) -> object:
    return load(path)


def _registry(data: DataFiles) -> Registry:
    return loaded(actors.load_registry, data.registry, config.ACTORS)


def _dictionary(data: DataFiles) -> themes.Dictionary:
    return loaded(themes.load_dictionary, data.dictionary, config.THEMES)


def _sizes(prepared: Prepared, data: DataFiles, earlier: Earlier) -> pd.DataFrame:
    return overview.documents(prepared)


def _dates(prepared: Prepared, data: DataFiles, earlier: Earlier) -> pd.DataFrame:
    return chronology.date_expressions(prepared, holidays=data.holidays)


def _quotes(prepared: Prepared, data: DataFiles, earlier: Earlier) -> pd.DataFrame:
    return voices.extract_quotes(prepared, _registry(data))


def _tone(prepared: Prepared, data: DataFiles, earlier: Earlier) -> pd.DataFrame:
    lexicon = None if data.no_lexicon else loaded(tone.load_lexicon, data.lexicon, config.DIPLOMATIC_LEXICON)
    return tone.score_units(prepared, lexicon=lexicon, quotes_table=earlier("quotes"), registry=_registry(data))


def _theme_hits(prepared: Prepared, data: DataFiles, earlier: Earlier) -> pd.DataFrame:
    return themes.matches(prepared, _dictionary(data))


def _theme_sums(prepared: Prepared, data: DataFiles, earlier: Earlier) -> pd.DataFrame:
    # from the chunk's theme hits when at hand: matching is what costs
    return themes.document_sums(prepared, _dictionary(data), found=earlier("theme_hits"))


def _holidays_file(data: DataFiles) -> tuple[str, ...]:
    return (file_hash(data.holidays or config.HOLIDAYS),)


def _registry_file(data: DataFiles) -> tuple[str, ...]:
    return (file_hash(data.registry or config.ACTORS),)


def _registry_and_lexicon(data: DataFiles) -> tuple[str, ...]:
    lexicon = "no lexicon" if data.no_lexicon else file_hash(data.lexicon or config.DIPLOMATIC_LEXICON)
    return (*_registry_file(data), lexicon)


def _dictionary_file(data: DataFiles) -> tuple[str, ...]:
    return (file_hash(data.dictionary or config.THEMES),)


# The kit's per-document tables, each after the stages it needs: sizes (the documents table, with any further
# manifest column after the kit's), dates, quotes, tone units, theme hits, and the per-document theme sums
# every theme count is made of (kit.analyses.themes.document_sums).
STAGES: tuple[Stage, ...] = (
    Stage("sizes", _sizes, columns=(*MANIFEST_COLUMNS, "sha256", *overview.SIZE_COLUMNS)),
    Stage("dates", _dates, columns=tuple(chronology.DATE_COLUMNS), data_files=_holidays_file),
    Stage("quotes", _quotes, columns=tuple(voices.QUOTE_COLUMNS), data_files=_registry_file),
    Stage("tone", _tone, columns=tuple(tone.TONE_COLUMNS), needs=("quotes",), data_files=_registry_and_lexicon),
    Stage("theme_hits", _theme_hits, columns=tuple(themes.THEME_HIT_COLUMNS), data_files=_dictionary_file),
    Stage(
        "theme_sums",
        _theme_sums,
        columns=tuple(c for c in themes.COUNT_COLUMNS if c != "per_1k"),
        needs=("theme_hits",),
        data_files=_dictionary_file,
    ),
)
ANALYSIS_TABLES = tuple(stage.name for stage in STAGES)
