"""``python -m kit import``: turn a news-database export or a folder of text files into a corpus folder.

Sources:

* a CSV file (UTF-8, optional BOM, header row; comma, semicolon or tab separated, sniffed from the header) or a
  JSON Lines file (one JSON object per line): one article per row; columns are found by their usual names (see
  :mod:`kit.ingest.import_columns`) or named with ``--text``, ``--title``…; every other column is kept in the manifest
  as metadata (``outlet_type``, ``country``);
* a folder of ``.txt`` files: one article per file; the doc_id is the file name's slug, the publication day
  is read from a ``YYYY-MM-DD`` in the file name (or ``--published``); outlet, headline, author and url are
  left empty for the user to fill in (the kit never invents facts).

Every row is checked before anything is written; the first bad row stops the import with one line naming
the file, the line and row, and the column, or with ``skip_bad`` is listed (row, line, reason) in a rejects file
and the import goes on. What cannot be read faithfully is refused, never guessed at: a
quotation mark that does not pair up in a CSV file (an unclosed one would swallow every later row into one
text), a header naming a column twice, a JSON object naming a key twice, ``NaN`` or ``Infinity``, an object,
a list or a number where text is expected, a text with no visible character. The output is a function of the
input alone (same bytes in, same bytes out).
"""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from kit.errors import CorpusError, KitError
from kit.ingest import folder as corpus_folder
from kit.ingest.corpus import DOC_ID, check_row
from kit.ingest.import_columns import DEFAULT_COLUMNS, as_text, column_names, metadata_names, metadata_text
from kit.ingest.import_source import Record, format_of, read_export_text, table_source
from kit.ingest.published import ORDERS, parse_published, readings

__all__ = ["DEFAULT_COLUMNS", "ImportSettings", "Imported", "import_corpus", "run_import", "slug"]

# A publication day inside a file name, e.g. "kcna-2018-03-28-visit.txt".
DAY_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
# How much of the outlet and title a generated doc_id keeps, in characters.
SLUG_OUTLET, SLUG_TITLE = 24, 48
NUL = "\x00"
# Characters that show nothing: besides spaces and controls (Unicode categories below), the Hangul fillers and
# the blank Braille pattern, letters and symbols by category that render as blanks.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"})
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# The file --skip-bad lists refused rows in, inside the corpus folder unless --rejects names another.
REJECTS_NAME = "rejects.csv"
REJECTS_COLUMNS = ["row", "line", "reason"]


@dataclass(frozen=True)
class ImportSettings:
    """How ``kit import`` reads a source (the command line builds it from its options).

    Attributes:
        fmt: ``csv``, ``jsonl`` or ``txt``; None: from the suffix (``.csv``, ``.jsonl``/``.ndjson``) or ``txt``
            for a folder.
        columns: ``{"text": "body", ...}`` to name source columns; missing keys use :data:`DEFAULT_COLUMNS`.
        published: the date for rows (or files) without one, in any accepted form.
        date_order: ``"dayfirst"`` or ``"monthfirst"`` for numeric dates with the year last (``03/04/2019``);
            None: the order the column's dates themselves prove, if any.
        skip_bad: set refused rows aside in a rejects file and import the others (CSV and JSON Lines).
        rejects: where the rejects file goes (implies ``skip_bad``); None: ``rejects.csv`` in the corpus folder.
        force: replace a non-empty output folder.
    """

    fmt: str | None = None
    columns: Mapping[str, str | None] = field(default_factory=dict)
    published: str | None = None
    date_order: str | None = None
    skip_bad: bool = False
    rejects: Path | None = None
    force: bool = False

    def __post_init__(self) -> None:
        if self.date_order is not None and self.date_order not in ORDERS:
            raise KitError(f"date_order={self.date_order!r}: expected {' or '.join(ORDERS)}")


@dataclass(frozen=True)
class Imported:
    """What an import wrote: the folder, how many articles, the rows refused and where they are listed, and how
    numeric dates were read (e.g. "dates read day-first, as line 3, row 2 ('20/06/2019') can only be").
    """

    folder: Path
    articles: int
    refused: int = 0
    rejects: Path | None = None
    dates: str = ""

    def summary(self) -> str:
        """The line ``kit import`` prints, e.g. ``wrote my-corpus; 2 rows refused, listed in my-corpus/rejects.csv``."""
        parts = [f"wrote {self.folder}"]
        if self.rejects is not None:
            parts.append(f"{self.refused} row{'' if self.refused == 1 else 's'} refused, listed in {self.rejects}")
        if self.dates:
            parts.append(self.dates)
        return "; ".join(parts)


@dataclass(frozen=True)
class Article:
    """One article ready to write: where it came from (for errors), its manifest row and its text."""

    where: str
    row: dict[str, str]
    text: str
    record: Record | None = None


@dataclass(frozen=True)
class Rejected:
    """A row ``--skip-bad`` set aside: its row and line in the source and why (the error without the place)."""

    row: int
    line: int
    reason: str


def import_corpus(
    source: str | Path,
    out: str | Path,
    settings: ImportSettings | None = None,
    *,
    published: str | None = None,
    force: bool | None = None,
) -> Path:
    """:func:`run_import`, returning the written folder; ``published`` and ``force`` given as keywords (as the
    workbooks do: ``import_corpus(folder, out, published="2024-04", force=True)``) replace those of ``settings``.
    """
    chosen = settings or ImportSettings()
    if published is not None:
        chosen = replace(chosen, published=published)
    if force is not None:
        chosen = replace(chosen, force=force)
    return run_import(source, out, chosen).folder


def run_import(source: str | Path, out: str | Path, settings: ImportSettings) -> Imported:
    """Read every article of ``source``, check them all, then write the corpus folder ``out``.

    Args:
        source: CSV file (comma, semicolon or tab separated), JSON Lines file or folder of ``.txt`` files.
        out: the folder to create; refused when it exists and is not empty, unless ``settings.force``.
        settings: the options (:class:`ImportSettings`).

    Returns:
        What was written (:class:`Imported`); the source's other columns are kept in the manifest.

    Raises:
        CorpusError: an unreadable source (quotation marks that do not pair up, a column named twice, a JSON
            line with a key twice, NaN or a number of too many digits), a missing column or two candidates for one,
            a metadata column with a kit column's name, a date column proving both day/month orders, or (without
            ``skip_bad``) a bad row (an empty or invisible text, an object, list or number where text is expected,
            a date that cannot be read or is ambiguous, a bad or duplicate doc_id); nothing is written.
        KitError: ``out`` is not new or empty (without ``force``) or lies inside a corpus folder; a write fails.
    """
    path = Path(source)
    kind = settings.fmt or format_of(path)
    skip_bad = settings.skip_bad or settings.rejects is not None
    if settings.published is not None:  # a bad default is refused before any row is read
        parse_published(settings.published, "--published", order=settings.date_order)
    if kind == "txt":
        if skip_bad:
            raise KitError(f"{path}: --skip-bad reads CSV and JSON Lines exports, not a folder of .txt files")
        articles: Iterator[Article | Rejected] = iter(_text_folder_articles(path, settings))
        extras: list[str] = []
        dates = ""
    else:
        table = table_source(path, kind)
        if not table.header:  # an empty JSON Lines file
            raise CorpusError(f"{path}: no articles found")
        names = column_names(path, table.header, settings.columns, delimiter=table.delimiter if kind == "csv" else None)
        extras = metadata_names(path, table.header, names)
        order, dates = _date_order(path, kind, names["date"], settings.date_order)
        chosen = ImportSettings(published=settings.published, date_order=order, skip_bad=skip_bad)
        articles = (_attempt(record, names, extras, chosen) for record in table.records)
    rejects_path = Path(settings.rejects) if settings.rejects is not None else Path(out) / REJECTS_NAME
    if skip_bad and rejects_path.resolve() == path.resolve():
        raise KitError(f"{rejects_path}: is the source; choose another --rejects")
    written, refused = _write(path, out, articles, extras, settings.force, skip_bad)
    if skip_bad and rejects_path != Path(out) / REJECTS_NAME:
        rejects_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(Path(out) / REJECTS_NAME, rejects_path)
    return Imported(Path(out), written, refused, rejects_path if skip_bad else None, dates)


def _write(
    path: Path, out: str | Path, articles: Iterator[Article | Rejected], extras: list[str], force: bool, skip_bad: bool
) -> tuple[int, int]:
    """Write the articles and the manifest (and with ``skip_bad`` the rejects) into ``out``; (written, refused).

    Rows are checked as they are written into the staging folder: memory stays flat for a large export, and the
    first bad row (without ``skip_bad``) removes the staging folder, so nothing is written.
    """
    first_seen: dict[str, str] = {}
    refused = 0
    with (
        corpus_folder.staged(out, force=force, sources=[path]) as staging,
        corpus_folder.manifest(staging, extra=[name.strip() for name in extras]) as manifest,
        _rejects_file(staging / REJECTS_NAME if skip_bad else None) as rejects,
    ):
        for article in articles:
            if isinstance(article, Article) and article.row["doc_id"] in first_seen:
                doc_id = article.row["doc_id"]
                problem = f"{article.where}: doc_id {doc_id!r} duplicates {first_seen[doc_id]}"
                if not skip_bad or article.record is None:
                    raise CorpusError(problem)
                article = _rejected(article.record, problem)
            if isinstance(article, Rejected):
                refused += 1
                if rejects is not None:
                    rejects.writerow({"row": article.row, "line": article.line, "reason": article.reason})
                continue
            first_seen[article.row["doc_id"]] = article.where
            corpus_folder.write_article(staging, article.row["file"], article.text)
            manifest.write(article.row)
        if not first_seen:
            refused_note = f" ({refused} rows refused)" if refused else ""
            raise CorpusError(f"{path}: no articles found{refused_note}")
    return len(first_seen), refused


@contextmanager
def _rejects_file(path: Path | None) -> Iterator[csv.DictWriter[str] | None]:
    """A CSV writer of refused rows (row, line, reason) at ``path``, or None when rows are not set aside."""
    if path is None:
        yield None
        return
    handle: TextIO
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=REJECTS_COLUMNS, lineterminator="\n")
        writer.writeheader()
        yield writer


def _date_order(path: Path, kind: str, column: str | None, given: str | None) -> tuple[str | None, str]:
    """The order numeric dates of the date column are read in, and the note the summary gives of it.

    With ``given`` (``--dayfirst``/``--monthfirst``) that order; else the order a date of the column proves
    (``20/06/2019`` can only be day-first), read for the whole column; else None (an ambiguous date is refused).

    Raises:
        CorpusError: one date of the column proves day-first and another month-first; the message names both.
    """
    if given is not None or column is None:
        return given, ""
    proof: dict[str, tuple[Record, str]] = {}
    for record in table_source(path, kind).records:  # a second read of the source: only its date column
        value = record.values.get(column)
        if isinstance(value, str):
            orders = readings(value)
            if len(orders) == 1:
                proof.setdefault(next(iter(orders)), (record, value))
                if len(proof) == 2:
                    break

    def shown(order: str) -> str:
        record, value = proof[order]
        return f"line {record.line}, row {record.row}: {value!r}"

    if len(proof) == 2:
        raise CorpusError(
            f"{path}: column {column!r} has a date that can only be day-first ({shown('dayfirst')}) and one that "
            f"can only be month-first ({shown('monthfirst')}); correct one of them"
        )
    if not proof:
        return None, ""
    order = next(iter(proof))
    return order, f"dates read {ORDERS[order]}, as {shown(order)} can only be"


def _attempt(
    record: Record, names: dict[str, str | None], extras: list[str], settings: ImportSettings
) -> Article | Rejected:
    """The record as an article; with ``settings.skip_bad`` a refused record as a :class:`Rejected`."""
    try:
        if record.problem:
            raise CorpusError(f"{record.where}: {record.problem}")
        return _article(record, names, extras, settings)
    except CorpusError as err:
        if not settings.skip_bad:
            raise
        return _rejected(record, str(err))


def _rejected(record: Record, message: str) -> Rejected:
    reason = message.removeprefix(record.where).lstrip(",: ")
    return Rejected(record.row, record.line, reason)


def _article(record: Record, names: dict[str, str | None], extras: list[str], settings: ImportSettings) -> Article:
    def raw(key: str) -> str:
        name = names[key]
        return as_text(record.values.get(name), key, f"{record.where}, column {name!r}") if name else ""

    def value(key: str) -> str:
        return " ".join(raw(key).split())

    text_column = names["text"]
    assert text_column is not None, "_column_names refuses a source without a text column"
    text = _article_text(raw("text"), f"{record.where}, column {text_column!r}")
    date_column = names["date"] or "date"
    when = parse_published(
        value("date") or settings.published or "", f"{record.where}, column {date_column!r}", order=settings.date_order
    )
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
        **{name.strip(): metadata_text(record.values.get(name)) for name in extras},
    }
    check_row(row, record.where)  # the loader's own rules: a folder import writes always loads
    return Article(record.where, row, text, record)


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


def _text_folder_articles(path: Path, settings: ImportSettings) -> Iterator[Article]:
    published = settings.published
    if not path.is_dir():
        raise CorpusError(f"{path}: not a folder of .txt files")
    for file in sorted(path.glob("*.txt")):
        text = _article_text(read_export_text(file), str(file))
        day = DAY_IN_NAME.search(file.stem)
        date_text = day.group(1) if day else published
        if date_text is None:
            raise CorpusError(
                f"{file}: no YYYY-MM-DD publication date in the file name; rename the file or give --published"
            )
        when = parse_published(date_text, f"{file}: date", order=settings.date_order)
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
