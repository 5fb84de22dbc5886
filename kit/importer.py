"""``python -m kit import``: turn a news-database export or a folder of text files into a corpus folder.

Sources:

* a CSV file (UTF-8, optional BOM, header row) or a JSON Lines file (one JSON object per line): one article
  per row; columns are found by name (see :data:`DEFAULT_COLUMNS`) or named with ``--text``, ``--title``…;
* a folder of ``.txt`` files: one article per file; the doc_id is the file name's slug, the publication day
  is read from a ``YYYY-MM-DD`` in the file name (or ``--published``); outlet, headline, author and url are
  left empty for the user to fill in (the kit never invents facts).

Every row is checked before anything is written; the first bad row stops the import with one line naming
the file, the line and row, and the column. What cannot be read faithfully is refused, never guessed at: a
quotation mark that does not pair up in a CSV file (an unclosed one would swallow every later row into one
text), a header naming a column twice, a JSON object naming a key twice, ``NaN`` or ``Infinity``, an object,
a list or a number where text is expected, a text with no visible character. The output is a function of the
input alone (same bytes in, same bytes out).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kit import folder as corpus_folder
from kit import jsonline
from kit.corpus import DOC_ID, check_row
from kit.errors import CorpusError, preview
from kit.published import parse_published

# Column names tried, in order and ignoring case, when no --COLUMN option names one.
DEFAULT_COLUMNS = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "date": ("date", "published"),
    "outlet": ("outlet", "source"),
    "author": ("author", "byline"),
    "url": ("url", "link"),
    "id": ("id", "doc_id"),
}
# A publication day inside a file name, e.g. "kcna-2018-03-28-visit.txt".
DAY_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
# How much of the outlet and title a generated doc_id keeps, in characters.
SLUG_OUTLET, SLUG_TITLE = 24, 48
NUL = "\x00"
# Characters that show nothing: besides spaces and controls (Unicode categories below), the Hangul fillers and
# the blank Braille pattern, letters and symbols by category that render as blanks.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"})
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


@dataclass(frozen=True)
class Record:
    """One article as read from the source: where it is and its values by column name.

    ``where`` (path, line and row) goes into error messages; ``origin`` (file name and row) into the
    manifest's notes, so the written folder does not depend on where the source was.
    """

    where: str
    origin: str
    values: dict[str, object]


@dataclass(frozen=True)
class Article:
    """One article ready to write: where it came from (for errors), its manifest row and its text."""

    where: str
    row: dict[str, str]
    text: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``import`` subcommand's options."""
    parser.add_argument("source", help="a CSV or JSON Lines export, or a folder of .txt articles")
    parser.add_argument("--out", required=True, help="the corpus folder to write (must be new or empty)")
    parser.add_argument("--format", choices=["csv", "jsonl", "txt"], default=None, help="default: from the source")
    for key, names in DEFAULT_COLUMNS.items():
        found = ", ".join(names)
        parser.add_argument(f"--{key}", metavar="COL", help=f"column of the {key} (default: first of {found})")
    parser.add_argument("--published", metavar="DATE", help="publication date for rows or files that have none")
    parser.add_argument("--force", action="store_true", help="replace --out if it is not empty")
    parser.set_defaults(handler=run_from_args)


def run_from_args(args: argparse.Namespace) -> int:
    """Run ``kit import`` from parsed arguments; returns the exit code."""
    columns = {key: getattr(args, key) for key in DEFAULT_COLUMNS}
    out = import_corpus(
        args.source, args.out, fmt=args.format, columns=columns, published=args.published, force=args.force
    )
    print(f"wrote {out}")
    return 0


def import_corpus(
    source: str | Path,
    out: str | Path,
    *,
    fmt: str | None = None,
    columns: dict[str, str | None] | None = None,
    published: str | None = None,
    force: bool = False,
) -> Path:
    """Read every article of ``source``, check them all, then write the corpus folder ``out``.

    Args:
        source: CSV file, JSON Lines file or folder of ``.txt`` files.
        out: the folder to create; refused when it exists and is not empty, unless ``force``.
        fmt: ``csv``, ``jsonl`` or ``txt``; by default from the suffix (``.csv``, ``.jsonl``/``.ndjson``) or
            ``txt`` for a folder.
        columns: ``{"text": "body", ...}`` to name source columns; None or missing keys use
            :data:`DEFAULT_COLUMNS`.
        published: the date for rows (or files) without one, in any accepted form.
        force: replace a non-empty ``out``.

    Returns:
        The written folder.

    Raises:
        CorpusError: an unreadable source (quotation marks that do not pair up, a column named twice, a JSON
            line with a key twice, NaN or a number of too many digits), a missing column, or a bad row (an empty
            or invisible text, an object, list or number where text is expected, a date that cannot be read or
            is ambiguous, a bad or duplicate doc_id); nothing is written.
        KitError: ``out`` is not new or empty (without ``force``) or lies inside a corpus folder; a write fails.
    """
    path = Path(source)
    kind = fmt or _format_of(path)
    if published is not None:
        parse_published(published, "--published")  # a bad default is refused before any row is read
    if kind == "txt":
        articles = _text_folder_articles(path, published)
    else:
        records = _csv_records(path) if kind == "csv" else _jsonl_records(path)
        articles = _table_articles(path, records, {**(columns or {})}, published)
    # Rows are checked as they are written into the staging folder: memory stays flat for a large export,
    # and the first bad row removes the staging folder, so nothing is written.
    first_seen: dict[str, str] = {}
    with corpus_folder.staged(out, force=force, sources=[path]) as staging, corpus_folder.manifest(staging) as manifest:
        for article in articles:
            doc_id = article.row["doc_id"]
            if doc_id in first_seen:
                raise CorpusError(f"{article.where}: doc_id {doc_id!r} duplicates {first_seen[doc_id]}")
            first_seen[doc_id] = article.where
            corpus_folder.write_article(staging, article.row["file"], article.text)
            manifest.write(article.row)
        if not first_seen:
            raise CorpusError(f"{path}: no articles found")
    return Path(out)


def _format_of(path: Path) -> str:
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


def _read_text(path: Path) -> str:
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


def _csv_records(path: Path) -> Iterator[Record]:
    # strict: a quotation mark that does not pair up is an error, not a field that runs on over later rows.
    reader = csv.DictReader(_source_lines(path), strict=True)
    try:
        header = reader.fieldnames
    except csv.Error as err:
        raise CorpusError(f"{path}:1: header: {_csv_problem(str(err))}") from None
    if not header:
        raise CorpusError(f"{path}: empty file (a header row is needed)")
    _check_header(path, list(header))
    number, end_of_previous = 0, 1
    try:
        for number, row in enumerate(reader, start=1):
            # A quoted text field can span lines: name the line the row starts on.
            where = f"{path}:{end_of_previous + 1}: row {number}"
            end_of_previous = reader.line_num
            if None in row:
                raise CorpusError(f"{where}: more fields than the header has")
            yield Record(where, f"{path.name} row {number}", {name: value or "" for name, value in row.items()})
    except csv.Error as err:  # the row after the last one read
        raise CorpusError(f"{path}:{end_of_previous + 1}: row {number + 1}: {_csv_problem(str(err))}") from None


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
        yield Record(where, f"{path.name} row {number}", {str(name): item for name, item in value.items()})


def _as_text(value: object, key: str, where: str) -> str:
    """A source value as manifest text: null → "", a list of texts (the authors) → "a; b", a whole number as the id.

    Raises:
        CorpusError: an object, a list, a number or true/false anywhere else.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if key == "author" and isinstance(value, list) and all(isinstance(v, str) or v is None for v in value):
        return "; ".join(v for v in value if v)
    if key == "id" and type(value) is int:
        return str(value)
    kind = {dict: "an object", list: "a list", bool: "true/false"}.get(type(value), "a number")
    raise CorpusError(f"{where}: {kind} where text is expected ({preview(value, 40)})")


def _table_articles(
    path: Path, records: Iterator[Record], columns: dict[str, str | None], published: str | None
) -> Iterator[Article]:
    first = next(records, None)
    if first is None:
        return
    names = _column_names(path, list(first.values), columns)
    for record in itertools.chain([first], records):
        yield _article(record, names, published)


def _column_names(path: Path, available: list[str], columns: dict[str, str | None]) -> dict[str, str | None]:
    """Which source column holds each field: the one named by an option, else the first default present."""
    by_folded = {name.strip().casefold(): name for name in reversed(available)}
    names: dict[str, str | None] = {}
    for key, defaults in DEFAULT_COLUMNS.items():
        wanted = columns.get(key)
        if wanted is not None:
            if wanted not in available:
                raise CorpusError(f"{path}: no column {wanted!r} (--{key}); columns are {', '.join(available)}")
            names[key] = wanted
        else:
            names[key] = next((by_folded[d] for d in defaults if d in by_folded), None)
    if names["text"] is None:
        raise CorpusError(f"{path}: no text column ({', '.join(DEFAULT_COLUMNS['text'])}); name one with --text")
    return names


def _article(record: Record, names: dict[str, str | None], published: str | None) -> Article:
    def raw(key: str) -> str:
        name = names[key]
        return _as_text(record.values.get(name), key, f"{record.where}, column {name!r}") if name else ""

    def value(key: str) -> str:
        return " ".join(raw(key).split())

    text_column = names["text"]
    assert text_column is not None, "_column_names refuses a source without a text column"
    text = _article_text(raw("text"), f"{record.where}, column {text_column!r}")
    date_column = names["date"] or "date"
    when = parse_published(value("date") or published or "", f"{record.where}, column {date_column!r}")
    outlet, title = value("outlet"), value("title")
    doc_id = value("id") or _generated_id(outlet, when.published, title, text)
    if not DOC_ID.match(doc_id):
        raise CorpusError(
            f"{record.where}, column {names['id']!r}: id {doc_id!r} is not a file-name-safe identifier "
            "(letters, digits, '_', '.', '-')"
        )
    row = {
        "doc_id": doc_id,
        "file": f"{doc_id}.txt",
        "outlet": outlet,
        "headline": title,
        "published": when.published,
        "published_precision": when.precision,
        "timezone": when.timezone,
        "author": value("author"),
        "url": value("url"),
        "notes": "; ".join(note for note in (f"imported from {record.origin}", when.note) if note),
    }
    check_row(row, record.where)  # the loader's own rules: a folder import writes always loads
    return Article(record.where, row, text)


def _article_text(raw: str, where: str) -> str:
    """The text as an article file: ``\\n`` line ends, no trailing blanks, one final newline."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise CorpusError(f"{where}: text is empty")
    if NUL in text:
        raise CorpusError(f"{where}: text contains a NUL character")
    if not any(_visible(character) for character in text):
        raise CorpusError(f"{where}: text has no visible character (only U+{ord(text[0]):04X} and the like)")
    return text + "\n"


def _visible(character: str) -> bool:
    """Whether a character shows as something (a letter, digit, mark of punctuation…), not as blank space."""
    return character not in BLANK_LETTERS and unicodedata.category(character) not in INVISIBLE_CATEGORIES


def _generated_id(outlet: str, published: str, title: str, text: str) -> str:
    """A stable doc_id: publication day (or month), outlet and title slugs, 8 hex digits of the text's sha256.

    e.g. ``2018-03-28_the-diplomat_china-north-korea-extol_3f2a9c1b``; the date comes first so ids sort in
    time order.
    """
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    parts = [published[:10], slug(outlet)[:SLUG_OUTLET].strip("-"), slug(title)[:SLUG_TITLE].strip("-")]
    return "_".join([*(p for p in parts if p), digest])


def slug(value: str) -> str:
    """Lower-case ASCII words joined by '-', e.g. "Kim Jong-un's Visit" → "kim-jong-un-s-visit"."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _text_folder_articles(path: Path, published: str | None) -> Iterator[Article]:
    if not path.is_dir():
        raise CorpusError(f"{path}: not a folder of .txt files")
    for file in sorted(path.glob("*.txt")):
        text = _article_text(_read_text(file), str(file))
        day = DAY_IN_NAME.search(file.stem)
        date_text = day.group(1) if day else published
        if date_text is None:
            raise CorpusError(
                f"{file}: no YYYY-MM-DD publication date in the file name; rename the file or give --published"
            )
        when = parse_published(date_text, f"{file}: date")
        doc_id = slug(file.stem) or hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        row = {
            "doc_id": doc_id,
            "file": f"{doc_id}.txt",
            "published": when.published,
            "published_precision": when.precision,
            "timezone": when.timezone,
            "notes": f"imported from {file.name}; date {'from the file name' if day else 'from --published'}"
            + "; outlet, headline, author, url unknown",
        }
        yield Article(str(file), row, text)
