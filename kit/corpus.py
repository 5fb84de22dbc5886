"""Stage 1 of the pipeline: load the corpus (manifest + article files) into a documents table.

The manifest is a CSV beside the articles with one row per article. Loading validates every row and
every file and refuses bad input with a one-line :class:`~kit.errors.CorpusError` that names the file,
the line and the field. Raw files are only read, never written.
"""

from __future__ import annotations

import csv
import hashlib
import re
import warnings
from datetime import datetime
from pathlib import Path

import pandas as pd

from kit import config
from kit.errors import CorpusError
from kit.types import DOCUMENT_COLUMNS, MANIFEST_COLUMNS, PRECISIONS

# A doc_id is a file-name-safe identifier, e.g. "003_80d4a5ff23514f6a".
DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

# The published value must have exactly the shape its precision promises.
PUBLISHED_FORMATS = {"minute": "%Y-%m-%dT%H:%M", "day": "%Y-%m-%d", "month": "%Y-%m"}
PUBLISHED_SHAPES = {"minute": "YYYY-MM-DDTHH:MM", "day": "YYYY-MM-DD", "month": "YYYY-MM"}


NUL = b"\x00"


class CorpusWarning(UserWarning):
    """Something in the corpus folder looks off but does not stop loading."""


def load(corpus_dir: str | Path | None = None) -> pd.DataFrame:
    """Load and validate a corpus folder.

    Args:
        corpus_dir: folder holding ``manifest.csv`` and the ``.txt`` articles; defaults to ``seeds/``.

    Returns:
        One row per article, ordered by ``doc_id``, with the manifest fields, ``raw_text`` (decoded,
        BOM removed, line endings normalised to ``\\n``) and ``sha256`` of the raw bytes.

    Raises:
        CorpusError: missing folder or manifest, missing column, duplicate ``doc_id``, a path that
            escapes the folder, an unparseable date or precision, a listed file that is missing, empty,
            binary or not UTF-8. A ``.txt`` file present but not listed only warns (CorpusWarning).
    """
    folder = Path(corpus_dir) if corpus_dir is not None else config.SEEDS
    if not folder.is_dir():
        raise CorpusError(f"{folder}: corpus folder does not exist")
    manifest_path = folder / config.MANIFEST_NAME
    rows = read_manifest(manifest_path)
    records = []
    for line, row in rows:
        path = _resolve(folder, row["file"], manifest_path, line)
        raw = _read_article(path, manifest_path, line)
        records.append({**row, "raw_text": _decode(raw, path), "sha256": hashlib.sha256(raw).hexdigest()})
    listed = {(folder / r["file"]).resolve() for _, r in rows}
    for extra in sorted(folder.glob("*.txt")):
        if extra.resolve() not in listed:
            warnings.warn(f"{extra}: not listed in {manifest_path.name}; ignored", CorpusWarning, stacklevel=2)
    documents = pd.DataFrame.from_records(records, columns=DOCUMENT_COLUMNS)
    return documents.sort_values("doc_id", kind="stable").reset_index(drop=True)


def read_manifest(manifest_path: Path) -> list[tuple[int, dict[str, str]]]:
    """Read and validate the manifest's rows.

    Returns:
        ``(line number, row)`` pairs; every value is a string, unknown values are ``""``.
    """
    if not manifest_path.is_file():
        raise CorpusError(f"{manifest_path}: manifest not found")
    text = _decode(_read_bytes(manifest_path), manifest_path)
    reader = csv.DictReader(text.splitlines(keepends=True))
    missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CorpusError(f"{manifest_path}:1: missing column(s) {', '.join(missing)}")
    rows: list[tuple[int, dict[str, str]]] = []
    first_line: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            raise CorpusError(f"{manifest_path}:{line}: more fields than the header has")
        clean = {c: (row.get(c) or "").strip() for c in MANIFEST_COLUMNS}
        _check_row(clean, manifest_path, line)
        if clean["doc_id"] in first_line:
            raise CorpusError(
                f"{manifest_path}:{line}: doc_id {clean['doc_id']!r} duplicates line {first_line[clean['doc_id']]}"
            )
        first_line[clean["doc_id"]] = line
        rows.append((line, clean))
    if not rows:
        raise CorpusError(f"{manifest_path}: manifest lists no articles")
    return rows


def _check_row(row: dict[str, str], manifest_path: Path, line: int) -> None:
    where = f"{manifest_path}:{line}"
    if not DOC_ID.match(row["doc_id"]):
        raise CorpusError(f"{where}: field doc_id {row['doc_id']!r} is empty or not a file-name-safe identifier")
    if not row["file"]:
        raise CorpusError(f"{where}: field file is empty")
    precision = row["published_precision"]
    if precision not in PRECISIONS:
        raise CorpusError(f"{where}: field published_precision {precision!r} must be one of {', '.join(PRECISIONS)}")
    try:
        datetime.strptime(row["published"], PUBLISHED_FORMATS[precision])
    except ValueError:
        raise CorpusError(
            f"{where}: field published {row['published']!r} is not a valid {precision}-precision date "
            f"(expected {PUBLISHED_SHAPES[precision]})"
        ) from None


def _resolve(folder: Path, name: str, manifest_path: Path, line: int) -> Path:
    relative = Path(name)
    path = (folder / relative).resolve()
    if relative.is_absolute() or not path.is_relative_to(folder.resolve()):
        raise CorpusError(f"{manifest_path}:{line}: field file {name!r} escapes the corpus folder")
    if not path.is_file():
        raise CorpusError(f"{manifest_path}:{line}: field file {name!r}: file does not exist")
    return path


def _read_article(path: Path, manifest_path: Path, line: int) -> bytes:
    raw = _read_bytes(path)
    if not raw.strip():
        raise CorpusError(f"{path}: file is empty (listed at {manifest_path.name}:{line})")
    if NUL in raw:
        raise CorpusError(f"{path}: binary file (NUL byte at offset {raw.index(NUL)}), not text")
    return raw


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise CorpusError(f"{path}: cannot read ({err.strerror})") from None


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 text with the BOM dropped and CRLF/CR line endings turned into LF."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# Moved to kit.periods; these two names stay only until kit.chronology (and tests/test_corpus.py) import
# kit.periods directly. TODO(integrator): remove after the chronology branch is merged.
def publication_periods(documents: pd.DataFrame) -> dict[str, tuple[pd.Timestamp, pd.Timestamp]]:
    """Kept for kit.chronology: see :func:`kit.periods.publication_periods`."""
    from kit import periods  # late: kit.periods imports this module

    return periods.publication_periods(documents)


def publication_period(published: str, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Kept for tests/test_corpus.py: see :func:`kit.periods.publication_period`."""
    from kit import periods  # late: kit.periods imports this module

    return periods.publication_period(published, precision)
