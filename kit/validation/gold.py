"""Hand-coded gold files: reading a researcher's CSV with one-line errors, and simple agreement rates.

``python -m kit validate WHAT --gold FILE`` compares the kit's output with a CSV a researcher coded by
hand on their own corpus. This module reads such a file (UTF-8, a header row, one row per item) and
names the file, line and column of anything wrong, and :func:`locate` checks its offsets — into the
cleaned text (``start``/``end``) or into the raw file (``raw_start``/``raw_end``, which survive changes to
cleaning) — and maps them to the cleaned text. Scoring and the printed report are :mod:`kit.validation`.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Sequence
from pathlib import Path

import pandas as pd

from kit.errors import KitError
from kit.preprocess.clean import cleaned_span
from kit.types import Prepared


def read_csv(
    path: str | Path,
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    in_header: Sequence[str] = (),
    integers: Collection[str] = (),
    doc_ids: Collection[str] | None = None,
) -> pd.DataFrame:
    """Read a gold CSV: every value a string (empty → ""), plus ``line`` (1 = the header row).

    When the file itself has a ``line`` column (a line of an article), the file's row line is ``csv_line``.

    Args:
        path: the CSV file.
        required: columns that must be present and non-empty in every row.
        optional: columns that are kept when present (empty string when absent).
        in_header: optional columns that must nevertheless be in the header (a row may leave them empty).
        integers: columns (required or optional) whose non-empty values must be whole numbers ≥ 0;
            they are returned as ``Int64`` (missing = ``<NA>``).
        doc_ids: when given, every ``doc_id`` must be one of them.

    Raises:
        KitError: one line naming the file (and line and column): missing file, not UTF-8, missing
            column, empty required value, a value that is not a whole number, an unknown doc_id.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            rows = [(reader.line_num, row) for row in reader]
    except FileNotFoundError:
        raise KitError(f"{path}: gold file not found") from None
    except UnicodeDecodeError as err:
        raise KitError(f"{path}: not UTF-8 (byte 0x{err.object[err.start]:02x} at offset {err.start})") from None
    missing = [c for c in (*required, *in_header) if c not in header]
    if missing:
        raise KitError(f"{path}: missing column {missing[0]!r} (the header has {header})")
    if not rows:
        raise KitError(f"{path}: no rows below the header")
    columns = [*required, *(c for c in optional if c not in required)]
    row_key = "csv_line" if "line" in columns else "line"
    records: list[dict[str, str | int]] = []
    for line, row in rows:
        record: dict[str, str | int] = {row_key: line}
        for column in columns:
            value = (row.get(column) or "").strip()
            if column in required and not value:
                raise KitError(f"{path} line {line}: column {column!r} is empty")
            if column in integers and value and not value.isdigit():
                raise KitError(f"{path} line {line}: column {column!r} is {value!r}, expected a whole number")
            record[column] = value
        if doc_ids is not None and record.get("doc_id") not in doc_ids:
            raise KitError(f"{path} line {line}: doc_id {record.get('doc_id')!r} is not in the corpus")
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=[row_key, *columns])
    for column in integers:
        if column in frame:
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
    return frame


def rate(part: int, whole: int) -> str:
    """``"12/15 = 80.0%"`` (or ``"0/0"``)."""
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else f"{part}/{whole}"


# Offsets a gold file may give: into the cleaned text (what `kit table sentences` shows) or into the raw file.
CLEANED_OFFSETS = ("start", "end")
RAW_OFFSETS = ("raw_start", "raw_end")


def offset_columns(path: str | Path) -> tuple[str, str]:
    """Which offsets a gold file's header gives: ``("start", "end")`` or ``("raw_start", "raw_end")``.

    Cleaned-text offsets win when a file has both.

    Raises:
        KitError: the header has neither pair (or cannot be read; see :func:`read_csv` for the wording).
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except FileNotFoundError:
        raise KitError(f"{path}: gold file not found") from None
    except UnicodeDecodeError as err:
        raise KitError(f"{path}: not UTF-8 (byte 0x{err.object[err.start]:02x} at offset {err.start})") from None
    header = [column.strip() for column in header]
    for pair in (CLEANED_OFFSETS, RAW_OFFSETS):
        if all(column in header for column in pair):
            return pair
    if "start" in header and "end" not in header:
        return CLEANED_OFFSETS  # read_csv then names the missing column 'end'
    raise KitError(f"{path}: missing columns 'start','end' (cleaned text) or 'raw_start','raw_end' (raw file)")


def locate(
    frame: pd.DataFrame, prepared: Prepared, path: str | Path, *, text_column: str, offsets: tuple[str, str]
) -> pd.DataFrame:
    """Check each gold row's offsets against its document and give it cleaned-text ``start``/``end``.

    Args:
        frame: :func:`read_csv` output with ``doc_id``, ``text_column`` and the two ``offsets`` columns.
        prepared: the prepared corpus the file was coded on.
        path: the gold file, for error messages.
        text_column: the column holding the words the offsets point at (``expression``, ``quote``…).
        offsets: :data:`CLEANED_OFFSETS` or :data:`RAW_OFFSETS` (see :func:`offset_columns`).

    Returns:
        A copy with ``start``/``end`` into the cleaned text (``Int64``) and ``in_body``: False when raw
        offsets point into furniture that cleaning removed (``start``/``end`` are then ``<NA>``; a scorer
        counts such a row as not found, since the kit never saw its words).

    Raises:
        KitError: ``{path} line N: the cleaned text of DOC at S-E is '…', not '…'`` (or "the raw text"),
            when the offsets do not point at the row's words.
    """
    documents = prepared.documents.set_index("doc_id")
    raw = offsets == RAW_OFFSETS
    texts = documents.raw_text if raw else documents.text
    paragraphs = dict(tuple(prepared.paragraphs.groupby("doc_id", sort=False))) if raw else {}
    starts, ends, in_body = [], [], []
    for row in frame.itertuples(index=False):
        first, last = getattr(row, offsets[0]), getattr(row, offsets[1])
        wanted = getattr(row, text_column)
        found = texts[row.doc_id][first:last]
        if found != wanted:
            which = "raw" if raw else "cleaned"
            raise KitError(
                f"{path} line {row.line}: the {which} text of {row.doc_id} at {first}-{last} is {_preview(found)}, "
                f"not {_preview(wanted)}"
            )
        span: tuple[int, int] | None = (first, last)
        if raw:
            doc_paragraphs = paragraphs.get(row.doc_id)
            span = None if doc_paragraphs is None else cleaned_span(doc_paragraphs, first, last)
        starts.append(span[0] if span else pd.NA)
        ends.append(span[1] if span else pd.NA)
        in_body.append(span is not None)
    located = frame.copy()
    located["start"] = pd.array(starts, dtype="Int64")
    located["end"] = pd.array(ends, dtype="Int64")
    located["in_body"] = in_body
    return located


def _preview(value: str, limit: int = 80) -> str:
    """``repr`` of a value, cut to ``limit`` characters so an error stays one short line."""
    return repr(value) if len(value) <= limit else repr(value[:limit]) + "…"
