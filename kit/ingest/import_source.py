"""The rows of an export as ``kit import`` reads them: a CSV file (its delimiter sniffed) or a JSON Lines file.

Each row becomes a :class:`Record`: where it is (for errors and the rejects file) and its values by column name.
What cannot be read faithfully is refused with one line naming the file and line: a quotation mark that does not
pair up (an unclosed one would swallow every later row into one text), a header naming a column twice, a JSON
object naming a key twice, ``NaN`` or ``Infinity``. A row with more fields than the header is a row's problem
(``Record.problem``), so ``--skip-bad`` can set it aside and go on.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kit.errors import CorpusError
from kit.ingest import jsonline

# The delimiters a CSV export may use, as a message names them.
DELIMITERS = {",": "','", ";": "';'", "\t": "tab"}


@dataclass(frozen=True)
class Record:
    """One row as read from the source: where it is and its values by column name.

    ``where`` (path, line and row) goes into error messages; ``origin`` (file name and row) into the
    manifest's notes, so the written folder does not depend on where the source was. ``problem`` is why the
    row cannot be read as an article ("" when it can).
    """

    where: str
    origin: str
    row: int
    line: int
    values: dict[str, object]
    problem: str = ""


@dataclass(frozen=True)
class ExportSource:
    """A table source: its header (column names, in order), the delimiter a CSV was read with, and its rows."""

    header: list[str]
    delimiter: str
    records: Iterator[Record]


def format_of(path: Path) -> str:
    """``csv``, ``jsonl`` or ``txt`` (a folder), from the suffix.

    Raises:
        CorpusError: no such path, or a suffix that does not tell.
    """
    if path.is_dir():
        return "txt"
    if not path.is_file():
        raise CorpusError(f"{path}: no such file or folder")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    raise CorpusError(f"{path}: cannot tell the format from the suffix {suffix!r} (use --format csv|jsonl|txt)")


def read_export_text(path: Path) -> str:
    """A source file as text: UTF-8, BOM dropped, line ends normalised to ``\\n``."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"{path}: cannot read ({err.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _source_lines(path: Path) -> Iterator[str]:
    """The lines of a UTF-8 source file (BOM dropped, line ends kept), read as they are needed."""
    try:
        with path.open("rb") as handle:
            # Decoding line by line names the line of a bad byte (the csv module reads "\r\n" itself).
            for line_number, raw in enumerate(handle, start=1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as err:
                    raise CorpusError(
                        f"{path}:{line_number}: not UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1})"
                    ) from None
                yield line.removeprefix("\ufeff") if line_number == 1 else line
    except OSError as err:
        raise CorpusError(f"{path}: cannot read ({err.strerror})") from None


def table_source(path: Path, kind: str) -> ExportSource:
    """The header and rows of a CSV (``kind`` "csv") or JSON Lines file (its header: the first object's keys).

    Raises:
        CorpusError: as the module docstring says, for the header now and for a row when it is read.
    """
    if kind == "csv":
        return csv_source(path)
    records = _jsonl_records(path)
    first = next(records, None)
    if first is None:
        return ExportSource([], ",", iter(()))
    return ExportSource(list(first.values), ",", itertools.chain([first], records))


def csv_source(path: Path) -> ExportSource:
    """A CSV file read with the delimiter its header line uses (comma, semicolon or tab; comma for one column)."""
    lines = _source_lines(path)
    first = next(lines, "")
    delimiter = sniff_delimiter(first)
    # strict: a quotation mark that does not pair up is an error, not a field that runs on over later rows.
    reader = csv.DictReader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    try:
        header = reader.fieldnames
    except csv.Error as err:
        raise CorpusError(f"{path}:1: header: {_csv_problem(str(err))}") from None
    if not header:
        raise CorpusError(f"{path}: empty file (a header row is needed)")
    _check_header(path, list(header))
    return ExportSource(list(header), delimiter, _csv_records(path, reader))


def sniff_delimiter(header_line: str) -> str:
    """The delimiter of a CSV header line, e.g. ``"title;date;text"`` → ``";"`` (csv.Sniffer over , ; and tab).

    Only the header is sniffed: article texts are full of commas and semicolons, its column names are not.
    """
    try:
        return csv.Sniffer().sniff(header_line, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:  # one column: nothing to tell the delimiter by
        return ","


def _csv_records(path: Path, reader: csv.DictReader[str]) -> Iterator[Record]:
    number, end_of_previous = 0, 1
    try:
        for number, row in enumerate(reader, start=1):
            # A quoted text field can span lines: name the line the row starts on.
            line = end_of_previous + 1
            where = f"{path}:{line}: row {number}"
            end_of_previous = reader.line_num
            problem = "more fields than the header has" if None in row else ""
            values = {name: value or "" for name, value in row.items() if name is not None}
            yield Record(where, f"{path.name} row {number}", number, line, dict(values), problem)
    except csv.Error as err:  # the row after the last one read
        problem = _csv_problem(str(err))
        raise CorpusError(f"{path}:{end_of_previous + 1}: row {number + 1}: {problem}") from None


def _csv_problem(error: str) -> str:
    """What a csv module error means for the person who made the file."""
    if error.startswith("unexpected end of data"):
        return "a quotation mark opens a field that is never closed (every later row would be part of it)"
    if "expected after" in error:
        return (
            f"quotation marks do not pair up ({error}): a quoted field ends at its closing mark, and a mark "
            'inside a quoted text is written twice ("")'
        )
    return f"not readable as CSV ({error})"


def _check_header(path: Path, header: list[str]) -> None:
    """Refuse a header naming a column twice (ignoring case, as columns are found): which one holds it?"""
    seen: dict[str, str] = {}
    for name in header:
        folded = name.strip().casefold()
        if folded and folded in seen:
            same = "" if seen[folded] == name else f" (as {seen[folded]!r})"
            raise CorpusError(f"{path}:1: column {name!r} appears twice in the header{same}")
        seen[folded] = name


def _jsonl_records(path: Path) -> Iterator[Record]:
    number = 0
    for line_number, line in enumerate(_source_lines(path), start=1):
        if not line.strip():
            continue
        number += 1
        where = f"{path}:{line_number}: row {number}"
        value = jsonline.read_object(line, where)
        values = {str(name): item for name, item in value.items()}
        yield Record(where, f"{path.name} row {number}", number, line_number, values)
