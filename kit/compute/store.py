"""The on-disk store of prepared tables: one Parquet file per table and chunk of documents, named by its key.

A key is a sha256 over everything that decides the table's rows: the kit's version (and a fingerprint of its
source, so an edited kit never reads an older kit's rows), the table's name, the hashes of the data files
that affect it (abbreviations and stopwords for every table; the registry, the lexicon or the theme
dictionary for the analyses that read them) and, for each document of the chunk, its manifest row and the
sha256 of its article file. A changed article, data file or kit gives a new key, so its rows are computed
again; an unchanged one is read back. Nothing is ever updated in place: a file is written whole under a
temporary name and renamed, so a crash leaves no half-written table and two runs may share a store.

A chunk's tables are kept under the key of the bytes its run read: an article edited after the run hashed it
(while its chunk waited) is kept under its new content's key, never under the old one
(:func:`kit.compute.chunks.as_read`). A store file that is not a whole Parquet file (empty, truncated, other bytes) is
removed with one warning and computed again; one that fails to read further in is removed with one error line, and the
next run computes it.

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
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

import kit
from kit import config
from kit.errors import KitError, KitWarning, first_line
from kit.ingest.folder import enclosing_corpus

STORE_ENV = "PRESSKIT_STORE"
# Bump when the layout of the store changes (file names, what a key covers).
LAYOUT = "1"
# A Parquet file starts and ends with these bytes; before the last four, the footer's length (4 bytes, little-endian).
PARQUET_MAGIC = b"PAR1"
SMALLEST_PARQUET = 12


class StoreWarning(KitWarning):
    """A store file could not be read; it is removed and its table computed again."""


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
        """Whether the table with this key is in the store, whole.

        A file that is there but cannot be a whole Parquet file (empty, truncated, other bytes) is removed with
        one warning (:class:`StoreWarning`), so the caller computes it again; on a URL only an empty object is
        told apart this way (reading the ends of each object would cost a request each).
        """
        path = self.path(table, key)
        damage = _damage(Path(path)) if self.local else _remote_damage(str(self.root), path)
        if damage == "missing":
            return False
        if damage:
            self._discard(path, damage)
            return False
        return True

    def read(self, table: str, key: str) -> pd.DataFrame:
        """The table with this key, as it was written.

        Read without Arrow's thread pool (a chunk's table is small): a pool still alive when Python exits can
        abort the process after its work is done (apache/arrow#34314), and reading through a Python file object
        can hang it there (apache/arrow#50482), so a URL's bytes are fetched first and read from memory.

        Raises:
            KitError: the file is missing or cannot be read as Parquet (it is removed, so the next run computes it).
        """
        pa = _pyarrow()
        path = self.path(table, key)
        try:
            source: Any = path if self.local else pa.BufferReader(_filesystem(str(self.root)).cat_file(path))
            return pd.read_parquet(source, engine="pyarrow", use_threads=False)
        except (OSError, ValueError, pa.ArrowException) as err:  # pyarrow's ArrowInvalid is a ValueError too
            reason = first_line(str(err)) or type(err).__name__
            then = "it was removed, run again" if self._discard(path, reason, warn=False) else "remove it and run again"
            raise KitError(f"{path}: store file cannot be read ({reason}); {then} to compute it") from None

    def _discard(self, path: str, reason: str, *, warn: bool = True) -> bool:
        """Remove a damaged file (another run may have removed or replaced it already); whether it is gone."""
        if warn:
            warnings.warn(f"{path}: store file is {reason}; computing it again", StoreWarning, stacklevel=3)
        try:
            if self.local:
                Path(path).unlink(missing_ok=True)
            else:
                _filesystem(str(self.root)).rm_file(path)
        except FileNotFoundError:
            pass
        except (OSError, KeyError):  # a store this process may read but not change
            return False
        return True

    def write(self, table: str, key: str, frame: pd.DataFrame) -> None:
        """Keep ``frame`` under this key, whole: never a half-written table, wherever the run stops.

        Raises:
            StoreError: the store cannot be written.
        """
        _pyarrow()
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


def _pyarrow() -> Any:
    """pyarrow, which writes and reads the store's Parquet files; imported on first use, so `kit import` and the
    teaching workbooks run in the student environment, which leaves it out.

    Raises:
        KitError: pyarrow is not installed.
    """
    try:
        import pyarrow
    except ImportError:
        raise KitError(
            "the store's Parquet files need pyarrow, which this environment lacks: pip install pyarrow "
            "(the project's requirements.lock has it; the student environment leaves it out)"
        ) from None
    return pyarrow


def _damage(path: Path) -> str:
    """What is wrong with a local store file: "" (nothing), "missing", or why it cannot be a Parquet file.

    Only its ends are read: the magic bytes at both and the footer's length, which a truncated file has lost.
    """
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(len(PARQUET_MAGIC))
            handle.seek(max(size - 8, 0))
            tail = handle.read(8)
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except OSError as err:
        return f"unreadable ({err.strerror})"
    if size == 0:
        return "empty"
    if head != PARQUET_MAGIC:
        return "not a Parquet file"
    footer = int.from_bytes(tail[:4], "little")
    if size < SMALLEST_PARQUET or tail[4:] != PARQUET_MAGIC or footer + SMALLEST_PARQUET > size:
        return "truncated"
    return ""


def _remote_damage(url: str, path: str) -> str:
    """:func:`_damage` for an object at a URL, told from what one request says of it ("missing", "empty" or "")."""
    try:
        info = _filesystem(url).info(path)
    except FileNotFoundError:
        return "missing"
    if info.get("type") != "file":
        return "missing"
    return "empty" if info.get("size") == 0 else ""


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
    """Refuse a store inside the seeds, the corpus folder it would describe or any other corpus folder (a folder
    with a manifest); a URL is never inside one.

    Raises:
        KitError: naming the store and the folder it must stay out of.
    """
    if _is_url(store_root):
        return
    root = Path(store_root).resolve()
    for protected in (config.SEEDS.resolve(), folder.resolve(), enclosing_corpus(root, itself=True)):
        if protected is not None and (root == protected or root.is_relative_to(protected)):
            raise KitError(f"{store_root}: the store must not be inside {protected} (a corpus is never written)")
