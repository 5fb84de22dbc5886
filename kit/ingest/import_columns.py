"""Which column of an export holds each fact the kit needs, and which are the export's own metadata.

A fact's column is the one an option names (``--outlet Paper``), else the one column whose name is one of the
usual export names (:data:`DEFAULT_COLUMNS`; case, spaces and hyphens ignored: ``Publication``, ``pub date``).
Two such columns for one fact is an error naming both: the kit does not choose between them. Every other named
column (``outlet_type``, ``country``…) is metadata, kept in the manifest under its own name, unless that name is
one the kit writes itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from kit.errors import CorpusError, preview
from kit.ingest.import_source import DELIMITERS
from kit.types import KIT_COLUMNS

# The usual names of each fact's column in news-database exports, compared folded (see folded_header()).
DEFAULT_COLUMNS = {
    "text": ("text", "body", "content", "article", "full_text", "article_text", "body_text"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "published", "publication_date", "pub_date", "date_published", "published_date", "pubdate"),
    "outlet": ("outlet", "source", "source_name", "publication", "newspaper", "publisher", "publication_name"),
    "author": ("author", "authors", "byline", "creator"),
    "url": ("url", "link", "web_url", "uri"),
    "id": ("id", "doc_id", "article_id", "document_id"),
}
# What separates words in a column name, e.g. "Publication Date", "pub-date".
NAME_SEPARATORS = re.compile(r"[\s\-]+")


def folded_header(name: str) -> str:
    """A column name as the defaults are compared with it: "Publication Date" → "publication_date"."""
    return NAME_SEPARATORS.sub("_", name.strip().casefold())


def column_names(
    path: Path, header: list[str], columns: Mapping[str, str | None], *, delimiter: str | None = None
) -> dict[str, str | None]:
    """The source column of each fact: the one named by an option, else the one column with a usual name.

    Args:
        path: the source, for errors.
        header: its column names, in order.
        columns: ``{"text": "Body", ...}`` from the options; a missing or None key is found by name.
        delimiter: what a CSV was read with (named when no text column is found); None for JSON Lines.

    Raises:
        CorpusError: a named column the header lacks; two columns with usual names of one fact; no text column.
    """
    names: dict[str, str | None] = {}
    for key, defaults in DEFAULT_COLUMNS.items():
        wanted = columns.get(key)
        if wanted is not None:
            if wanted not in header:
                raise CorpusError(f"{path}: no column {wanted!r} (--{key}); columns are {', '.join(header)}")
            names[key] = wanted
            continue
        found = [name for name in header if folded_header(name) in defaults]
        if len(found) > 1:
            raise CorpusError(
                f"{path}: columns {found[0]!r} and {found[1]!r} could both hold the {key}; name the one that does "
                f"with --{key} COLUMN"
            )
        names[key] = found[0] if found else None
    if names["text"] is None:
        read_as = f"read as {DELIMITERS[delimiter]}-separated: " if delimiter is not None else ""
        raise CorpusError(
            f"{path}: {read_as}no text column ({', '.join(DEFAULT_COLUMNS['text'])}) among {', '.join(header)}; "
            "name one with --text"
        )
    return names


def metadata_names(path: Path, header: list[str], names: Mapping[str, str | None]) -> list[str]:
    """The source's other columns, kept as metadata in header order (a column without a name is left out).

    Raises:
        CorpusError: such a column has the name of a column the kit writes itself (``notes``, ``file``, ``text``…).
    """
    used = {name for name in names.values() if name is not None}
    kept = [name for name in header if name not in used and name.strip()]
    for name in kept:
        if name.strip() in KIT_COLUMNS:
            raise CorpusError(
                f"{path}:1: column {name!r} has the name of a column the kit writes itself; rename it in the "
                "export (or name it with the option of the fact it holds)"
            )
    return kept


def metadata_text(value: object) -> str:
    """A metadata value as manifest text: text as it is (spaces collapsed), null as "", anything else as JSON."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return " ".join(text.split())


def as_text(value: object, key: str, where: str) -> str:
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
