"""Stage 1 of the pipeline: load the corpus (manifest + article files) into a documents table.

The manifest is a CSV beside the articles with one row per article. Loading validates every row and
every file and refuses bad input with a one-line :class:`~kit.errors.CorpusError` that names the file,
the line and the field. Raw files are only read, never written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import warnings
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pandas as pd

from kit import config
from kit.errors import CorpusError, KitWarning, preview
from kit.types import (
    DERIVED_DOCUMENT_COLUMNS,
    DOCUMENT_COLUMNS,
    MANIFEST_COLUMNS,
    PRECISIONS,
    REQUIRED_MANIFEST_COLUMNS,
)

# A doc_id is a file-name-safe identifier, e.g. "003_80d4a5ff23514f6a".
DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\Z")

# The published value must have exactly the shape its precision promises.
PUBLISHED_FORMATS = {"minute": "%Y-%m-%dT%H:%M", "day": "%Y-%m-%d", "month": "%Y-%m"}
PUBLISHED_SHAPES = {"minute": "YYYY-MM-DDTHH:MM", "day": "YYYY-MM-DD", "month": "YYYY-MM"}
# The same shapes in ASCII digits only, e.g. "2018-03-28"; strptime alone takes "2018-3-8" and "２０１８-03-28".
PUBLISHED_CANONICAL = {
    "minute": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}", re.ASCII),
    "day": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII),
    "month": re.compile(r"[0-9]{4}-[0-9]{2}", re.ASCII),
}
# Publication years the analyses can represent (pandas timestamps run from 1677-09-21 to 2262-04-11).
PUBLISHED_YEARS = range(1678, 2262)


NUL_BYTE = b"\x00"
# A noncharacter standing in for NUL while the manifest is parsed (see read_manifest).
NUL_STAND_IN = "\uffff"


class CorpusWarning(KitWarning):
    """Something in the corpus folder looks off but does not stop loading."""


def load(corpus_dir: str | Path | None = None) -> pd.DataFrame:
    """Load and validate a corpus folder.

    Args:
        corpus_dir: folder holding ``manifest.csv`` and the ``.txt`` articles; defaults to ``seeds/``.

    Returns:
        One row per article, ordered by ``doc_id``, with the manifest fields, ``raw_text`` (decoded,
        BOM removed, line endings normalised to ``\\n``) and ``sha256`` of the raw bytes, then the manifest's
        other columns (metadata such as ``outlet_type``) under their own names.

    Raises:
        CorpusError: missing or unreadable folder or manifest, a missing or repeated header column, a
            duplicate ``doc_id``, a metadata column named as a column the kit adds (``text``, ``n_tokens``…),
            a path that escapes the folder, a date that is not canonical ASCII
            (``YYYY-MM-DD``…) or an unknown precision, a NUL byte or an over-long field, a listed file
            that is missing, empty, binary or not UTF-8. A ``.txt`` file present but not listed only
            warns (CorpusWarning).
    """
    folder = Path(corpus_dir) if corpus_dir is not None else config.SEEDS
    records = [record for _, record in read_articles(folder)]
    documents = pd.DataFrame.from_records(records, columns=document_columns(records))
    return documents.sort_values("doc_id", kind="stable").reset_index(drop=True)


def document_columns(records: list[dict[str, str]]) -> list[str]:
    """The documents table's columns for these records: :data:`DOCUMENT_COLUMNS`, then the manifest's metadata."""
    return [
        *DOCUMENT_COLUMNS,
        *(column for column in (records[0] if records else {}) if column not in DOCUMENT_COLUMNS),
    ]


def read_articles(folder: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """The articles of a corpus folder one at a time, in manifest order, each checked as :func:`load` does.

    Yields:
        ``(manifest line, record)``: the manifest row of each article with ``raw_text`` and ``sha256`` (what
        :func:`read_article` gives); after the last, a CorpusWarning for each ``.txt`` file the manifest does not list.

    Raises:
        CorpusError: as :func:`load`, for the first bad row or file in manifest order.
    """
    if not _exists(folder, Path.is_dir):
        raise CorpusError(f"{folder}: corpus folder does not exist")
    manifest_path = folder / config.MANIFEST_NAME
    listed = set()
    root = folder.resolve()  # once, not once per article: resolving walks every component of the path
    for line, row in read_manifest(manifest_path):
        path = _resolve(folder, root, row["file"], manifest_path, line)
        yield line, _with_text(row, path, manifest_path, line)
        listed.add(path)
    for extra in _txt_files(folder):
        # A file listed under its own name is root/name (resolving it would walk its path again); a link is resolved.
        if root / extra.name not in listed and _resolved(extra) not in listed:
            warnings.warn(f"{extra}: not listed in {manifest_path.name}; ignored", CorpusWarning, stacklevel=2)


def read_article(folder: Path, line: int, row: dict[str, str]) -> dict[str, str]:
    """One manifest row (at ``line`` of the manifest) with its article's ``raw_text`` and ``sha256`` of its bytes.

    Raises:
        CorpusError: the file escapes the folder, is missing, empty, binary or not UTF-8.
    """
    manifest_path = folder / config.MANIFEST_NAME
    path = _resolve(folder, folder.resolve(), row["file"], manifest_path, line)
    return _with_text(row, path, manifest_path, line)


def _with_text(row: dict[str, str], path: Path, manifest_path: Path, line: int) -> dict[str, str]:
    raw = _read_article(path, manifest_path, line)
    return {**row, "raw_text": _decode(raw, path), "sha256": hashlib.sha256(raw).hexdigest()}


def read_manifest(manifest_path: Path) -> list[tuple[int, dict[str, str]]]:
    """Read and validate the manifest's rows.

    Returns:
        ``(line number, row)`` pairs with every column of MANIFEST_COLUMNS, then the header's other (metadata)
        columns in its order; every value is a string, unknown values (and optional columns left out of the header)
        are ``""``. A column without a name (a trailing comma) is left out.
    """
    if not _exists(manifest_path, Path.is_file):
        raise CorpusError(f"{manifest_path}: manifest not found")
    text = _decode(_read_bytes(manifest_path), manifest_path)
    # Lines end at "\n" only: str.splitlines would also break a field at U+2028 or a form feed.
    # Python 3.10's csv module refuses a NUL anywhere in the file ("line contains NUL"); 3.11 reads it. Read it
    # as a stand-in on every version, so that the field holding it is named (check_row refuses it).
    reader = csv.DictReader(io.StringIO(text.replace("\x00", NUL_STAND_IN), newline=""))
    try:
        header = reader.fieldnames or []
        _check_header(list(header), manifest_path)
        columns = [*MANIFEST_COLUMNS, *(c for c in header if c not in MANIFEST_COLUMNS and c.strip())]
        rows: list[tuple[int, dict[str, str]]] = []
        first_line: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            if None in row:
                raise CorpusError(f"{manifest_path}:{line}: more fields than the header has")
            clean = {c: (row.get(c) or "").strip().replace(NUL_STAND_IN, "\x00") for c in columns}
            check_row(clean, f"{manifest_path}:{line}")
            if clean["doc_id"] in first_line:
                raise CorpusError(
                    f"{manifest_path}:{line}: doc_id {preview(clean['doc_id'])} duplicates line "
                    f"{first_line[clean['doc_id']]}"
                )
            first_line[clean["doc_id"]] = line
            rows.append((line, clean))
    except csv.Error as err:  # e.g. "field larger than field limit (131072)"
        # DictReader.line_num is only updated after a whole row; the underlying reader knows where it stopped.
        raise CorpusError(f"{manifest_path}:{reader.reader.line_num}: not readable as CSV ({err})") from None
    if not rows:
        raise CorpusError(f"{manifest_path}: manifest lists no articles")
    return rows


def _check_header(header: list[str], manifest_path: Path) -> None:
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise CorpusError(f"{manifest_path}:1: column {preview(name)} appears twice in the header")
        seen.add(name)
    for name in header:
        if name in DERIVED_DOCUMENT_COLUMNS:
            raise CorpusError(
                f"{manifest_path}:1: column {preview(name)} has the name of a column the kit adds to the documents "
                "(the article's text, hash and sizes); rename it"
            )
    missing = [c for c in REQUIRED_MANIFEST_COLUMNS if c not in seen]
    if missing:
        raise CorpusError(f"{manifest_path}:1: missing column(s) {', '.join(missing)}")


def check_row(row: dict[str, str], where: str) -> None:
    """Refuse a manifest row the kit cannot load: one line starting with ``where`` (the file and line).

    The loader calls it for every manifest row; ``kit import`` calls it for every row it writes, so an
    imported folder is valid by the same rules.
    """
    for column, value in row.items():
        if "\x00" in value:
            raise CorpusError(f"{where}: field {column} contains a NUL byte (at character {value.index(chr(0))})")
    if not DOC_ID.match(row["doc_id"]):
        raise CorpusError(f"{where}: field doc_id {preview(row['doc_id'])} is empty or not a file-name-safe identifier")
    if not row["file"]:
        raise CorpusError(f"{where}: field file is empty")
    precision = row["published_precision"]
    if precision not in PRECISIONS:
        raise CorpusError(
            f"{where}: field published_precision {preview(precision)} must be one of {', '.join(PRECISIONS)}"
        )
    published = row["published"]
    try:
        if not PUBLISHED_CANONICAL[precision].fullmatch(published):
            raise ValueError(published)
        moment = datetime.strptime(published, PUBLISHED_FORMATS[precision])
    except ValueError:
        raise CorpusError(
            f"{where}: field published {preview(published)} is not a valid {precision}-precision date "
            f"(expected {PUBLISHED_SHAPES[precision]}, ASCII digits)"
        ) from None
    if moment.year not in PUBLISHED_YEARS:
        raise CorpusError(
            f"{where}: field published {preview(published)} is outside the years the kit can date "
            f"({PUBLISHED_YEARS.start}–{PUBLISHED_YEARS.stop - 1})"
        )


def _resolve(folder: Path, root: Path, name: str, manifest_path: Path, line: int) -> Path:
    """The article file ``name`` of the manifest row at ``line``, resolved, inside ``root`` (``folder`` resolved)."""
    relative = Path(name)
    try:
        path = (folder / relative).resolve()
        inside = not relative.is_absolute() and path.is_relative_to(root)
    except (OSError, RuntimeError) as err:  # a symlink loop, a name too long for the file system
        raise CorpusError(f"{manifest_path}:{line}: field file {preview(name)}: cannot resolve ({err})") from None
    if not inside:
        raise CorpusError(f"{manifest_path}:{line}: field file {preview(name)} escapes the corpus folder")
    if not _exists(path, Path.is_file):
        raise CorpusError(f"{manifest_path}:{line}: field file {preview(name)}: file does not exist")
    return path


def _exists(path: Path, test: Callable[[Path], bool]) -> bool:
    """``test(path)`` (``Path.is_file`` or ``Path.is_dir``); a name the file system refuses (too long…) is False.

    Raises:
        CorpusError: the path cannot be examined for lack of permission.
    """
    try:
        return test(path)
    except PermissionError as err:
        raise CorpusError(f"{path}: cannot read ({err.strerror})") from None
    except OSError:
        return False


def _txt_files(folder: Path) -> list[Path]:
    try:
        return sorted(folder.glob("*.txt"))
    except OSError as err:
        raise CorpusError(f"{folder}: cannot list the corpus folder ({err.strerror})") from None


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return None


def _read_article(path: Path, manifest_path: Path, line: int) -> bytes:
    raw = _read_bytes(path)
    if not raw.strip():
        raise CorpusError(f"{path}: file is empty (listed at {manifest_path.name}:{line})")
    if NUL_BYTE in raw:
        raise CorpusError(f"{path}: binary file (NUL byte at offset {raw.index(NUL_BYTE)}), not text")
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
