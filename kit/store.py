"""The on-disk store of prepared tables: one Parquet file per table and chunk of documents, named by its key.

A key is a sha256 over everything that decides the table's rows: the kit's version (and a fingerprint of its
source, so an edited kit never reads an older kit's rows), the table's name, the hashes of the data files
that affect it (abbreviations and stopwords for every table; the registry, the lexicon or the theme
dictionary for the analyses that read them) and, for each document of the chunk, its manifest row and the
sha256 of its article file. A changed article, data file or kit gives a new key, so its rows are computed
again; an unchanged one is read back. Nothing is ever updated in place: a file is written whole under a
temporary name and renamed, so a crash leaves no half-written table and two runs may share a store.

The store lives in ``$PRESSKIT_STORE`` when set, else in the user cache folder
(``$XDG_CACHE_HOME/presskit/store``, by default ``~/.cache/presskit/store``); ``--store DIR`` chooses another
(a shared path on a cluster). Never inside ``seeds/`` or a corpus folder: a corpus is read, never written.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

import kit
from kit import config
from kit.errors import KitError

STORE_ENV = "PRESSKIT_STORE"
# Bump when the layout of the store changes (file names, what a key covers).
LAYOUT = "1"


def default_location() -> Path:
    """``$PRESSKIT_STORE``, else ``$XDG_CACHE_HOME/presskit/store`` (``~/.cache/presskit/store``)."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV])
    cache_home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache_home) / "presskit" / "store"


def digest(parts: Iterable[str]) -> str:
    """The sha256 (hex) of ``parts``, each ended by a NUL so that ("ab", "c") and ("a", "bc") differ."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") + b"\x00")
    return hasher.hexdigest()


def file_hash(path: Path) -> str:
    """The sha256 (hex) of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def _source_fingerprint() -> str:
    sources = sorted(config.PACKAGE.rglob("*.py"))
    return digest(f"{p.relative_to(config.PACKAGE).as_posix()}:{file_hash(p)}" for p in sources)


def kit_version() -> str:
    """The kit's version and a fingerprint of its Python source, as one string."""
    return f"{kit.__version__}+{_source_fingerprint()[:16]}"


def document_key(row: Mapping[str, str]) -> str:
    """The key of one document: its manifest row (every column, the article's sha256 included)."""
    return digest([json.dumps(dict(row), sort_keys=True, ensure_ascii=False)])


def table_key(table: str, data_hashes: Iterable[str], document_keys: Iterable[str]) -> str:
    """The key of one table over one chunk of documents (see the module docstring for what it covers)."""
    return digest([LAYOUT, kit_version(), table, *data_hashes, "|", *document_keys])


@dataclass(frozen=True)
class Store:
    """A folder of Parquet tables, ``ROOT/TABLE/KEY[:2]/KEY.parquet``."""

    root: Path

    def path(self, table: str, key: str) -> Path:
        """Where the table with this key is (or would be) kept."""
        return self.root / table / key[:2] / f"{key}.parquet"

    def has(self, table: str, key: str) -> bool:
        """Whether the table with this key is in the store."""
        return self.path(table, key).is_file()

    def read(self, table: str, key: str) -> pd.DataFrame:
        """The table with this key, as it was written."""
        return pd.read_parquet(self.path(table, key), engine="pyarrow")

    def write(self, table: str, key: str, frame: pd.DataFrame) -> None:
        """Keep ``frame`` under this key: written whole under a temporary name, then renamed into place.

        Raises:
            KitError: the store folder cannot be written.
        """
        path = self.path(table, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            os.close(handle)
            try:
                frame.to_parquet(temporary, engine="pyarrow", index=False)
                os.replace(temporary, path)
            finally:
                Path(temporary).unlink(missing_ok=True)
        except OSError as err:
            raise KitError(
                f"{self.root}: cannot write the store ({err.strerror}); choose another with --store"
            ) from None


def refuse_inside(store_root: Path, folder: Path) -> None:
    """Refuse a store inside the seeds or inside the corpus folder it would describe.

    Raises:
        KitError: naming the store and the folder it must stay out of.
    """
    root = store_root.resolve()
    for protected in (config.SEEDS.resolve(), folder.resolve()):
        if root == protected or root.is_relative_to(protected):
            raise KitError(f"{store_root}: the store must not be inside {protected} (a corpus is never written)")
