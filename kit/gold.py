"""Hand-coded gold files: reading a researcher's CSV with one-line errors, and simple agreement rates.

``python -m kit validate WHAT --gold FILE`` compares the kit's output with a CSV a researcher coded by
hand on their own corpus. This module reads such a file (UTF-8, a header row, one row per item) and
names the file, line and column of anything wrong; the analyses score their own rows against it.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Sequence
from pathlib import Path

import pandas as pd

from kit.errors import KitError


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
    records = []
    for line, row in rows:
        record = {row_key: line}
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
