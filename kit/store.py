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
(a shared path on a cluster) or a URL of object storage that fsspec reaches (``s3://bucket/store`` with s3fs
installed). Never inside ``seeds/`` or a corpus folder: a corpus is read, never written.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

import kit
from kit import config
from kit.errors import KitError, first_line

STORE_ENV = "PRESSKIT_STORE"
# Bump when the layout of the store changes (file names, what a key covers).
LAYOUT = "1"


class StoreError(KitError):
    """The store cannot be opened or written.

    The message ends saying how to choose another store, in the words of the command being run: ``$PRESSKIT_STORE``
    (every command reads it), or what :meth:`choosing` gives (``kit table`` adds its ``--store``).
    """

    def __init__(self, problem: str, choose: str = f"${STORE_ENV}") -> None:
        super().__init__(f"{problem}; choose another store with {choose}")
        self.problem = problem

    def choosing(self, choose: str) -> StoreError:
        """The same error, saying ``choose`` (e.g. ``--store or $PRESSKIT_STORE``) is how to choose another."""
        return StoreError(self.problem, choose)


def default_location() -> Path | str:
    """``$PRESSKIT_STORE``, else ``$XDG_CACHE_HOME/presskit/store`` (``~/.cache/presskit/store``)."""
    if os.environ.get(STORE_ENV):
        value = os.environ[STORE_ENV]
        return value if _is_url(value) else Path(value)
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
    """A folder of Parquet tables, ``ROOT/TABLE/KEY[:2]/KEY.parquet``.

    ``root`` is a local folder, or a URL that fsspec knows (``s3://bucket/store``, ``gs://…``, ``memory://…``):
    a research group's object storage, reached by every worker of a cluster. On a local folder a table is
    written under a temporary name and renamed into place; an object store puts an object whole in one step.
    """

    root: Path | str

    @property
    def local(self) -> bool:
        """Whether the store is a folder on this machine (not a URL)."""
        return not _is_url(self.root)

    def path(self, table: str, key: str) -> str:
        """Where the table with this key is (or would be) kept."""
        return f"{str(self.root).rstrip('/')}/{table}/{key[:2]}/{key}.parquet"

    def has(self, table: str, key: str) -> bool:
        """Whether the table with this key is in the store."""
        if self.local:
            return Path(self.path(table, key)).is_file()
        return bool(_filesystem(str(self.root)).isfile(self.path(table, key)))

    def read(self, table: str, key: str) -> pd.DataFrame:
        """The table with this key, as it was written.

        Read without Arrow's thread pool (a chunk's table is small): a pool still alive when Python exits can
        abort the process after its work is done (apache/arrow#34314), and reading through a Python file object
        can hang it there (apache/arrow#50482), so a URL's bytes are fetched first and read from memory.
        """
        source: Any = self.path(table, key)
        if not self.local:
            source = pa.BufferReader(_filesystem(str(self.root)).cat_file(source))
        return pd.read_parquet(source, engine="pyarrow", use_threads=False)

    def write(self, table: str, key: str, frame: pd.DataFrame) -> None:
        """Keep ``frame`` under this key, whole: never a half-written table, wherever the run stops.

        Raises:
            StoreError: the store cannot be written.
        """
        try:
            if self.local:
                self._write_local(Path(self.path(table, key)), frame)
            else:  # one object put whole: a reader never sees part of it
                buffer = io.BytesIO()
                frame.to_parquet(buffer, engine="pyarrow", index=False)
                _filesystem(str(self.root)).pipe_file(self.path(table, key), buffer.getvalue())
        except OSError as err:
            reason = err.strerror or str(err)
            raise StoreError(f"{self.root}: cannot write the store ({reason})") from None

    @staticmethod
    def _write_local(path: Path, frame: pd.DataFrame) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        os.close(handle)
        try:
            frame.to_parquet(temporary, engine="pyarrow", index=False)
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)


def _is_url(root: Path | str) -> bool:
    return isinstance(root, str) and "://" in root


@cache
def _filesystem(url: str) -> Any:
    """The fsspec file system of a store URL (one per process; fsspec imports only when a URL is given).

    Raises:
        StoreError: a scheme fsspec does not know, or one whose package is not installed (``s3://`` without s3fs).
    """
    import fsspec

    try:
        filesystem, _ = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as err:  # fsspec: "Install s3fs to access S3", "Protocol not known: …"
        raise StoreError(f"{url}: cannot open the store ({first_line(str(err))})") from None
    return filesystem


def location(value: str | Path | None) -> Path | str:
    """A ``--store`` value as a store root: a URL as given, anything else a local folder (default: see above)."""
    if value is None or value == "":
        return default_location()
    return str(value) if _is_url(value) else Path(value)


def refuse_inside(store_root: Path | str, folder: Path) -> None:
    """Refuse a store inside the seeds or inside the corpus folder it would describe (a URL is never inside).

    Raises:
        KitError: naming the store and the folder it must stay out of.
    """
    if _is_url(store_root):
        return
    root = Path(store_root).resolve()
    for protected in (config.SEEDS.resolve(), folder.resolve()):
        if root == protected or root.is_relative_to(protected):
            raise KitError(f"{store_root}: the store must not be inside {protected} (a corpus is never written)")
