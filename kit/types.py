"""The column schemas and small values the pipeline stages exchange, in one place.

Each stage takes and returns plain pandas frames; the column lists here say what each frame holds.
Every derived row carries ``doc_id``, ``sentence_id`` and character offsets ``start``/``end`` into the
cleaned text, so any number can be traced back to its sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import pandas as pd

PRECISIONS = ("minute", "day", "month")

# Manifest columns that must be present in the header (values may be empty where unknown).
REQUIRED_MANIFEST_COLUMNS = [
    "doc_id",
    "file",
    "outlet",
    "headline",
    "published",
    "published_precision",
    "author",
    "url",
]
# Manifest columns that may be left out of the header (then empty for every row).
OPTIONAL_MANIFEST_COLUMNS = ["timezone", "notes"]
# Every manifest column the kit reads, in this order; any other column of the file (metadata such as
# outlet_type or country) is kept after them, under its own name (see KIT_COLUMNS).
MANIFEST_COLUMNS = [
    "doc_id",
    "file",
    "outlet",
    "headline",
    "published",
    "published_precision",
    "timezone",
    "author",
    "url",
    "notes",
]
DOCUMENT_COLUMNS = [*MANIFEST_COLUMNS, "raw_text", "sha256"]
# Columns the kit adds to the documents table (the article's text and sizes): a metadata column may not be named so.
DERIVED_DOCUMENT_COLUMNS = ["raw_text", "sha256", "text", "n_paragraphs", "n_sentences", "n_tokens", "n_words"]
# Every column name the kit gives the documents table itself; a manifest's own metadata column must be named otherwise.
KIT_COLUMNS = frozenset([*MANIFEST_COLUMNS, *DERIVED_DOCUMENT_COLUMNS])


def metadata_columns(documents: pd.DataFrame) -> list[str]:
    """The columns of a documents table a table can group by: manifest facts and metadata, not texts or sizes."""
    return [c for c in documents.columns if c not in DERIVED_DOCUMENT_COLUMNS and c not in ("file", "notes")]


# part: the whole line, or a prefix/suffix cut from a kept line; suspect: longer than kit.preprocess.clean.PROSE_CHARS.
REMOVED_COLUMNS = ["doc_id", "line", "part", "kind", "text", "suspect"]
# raw_start: where the paragraph's text starts in the raw article (a gold file coded on raw text maps through it).
PARAGRAPH_COLUMNS = ["doc_id", "paragraph_id", "line", "raw_start", "start", "end", "kind", "text"]
SENTENCE_COLUMNS = ["doc_id", "sentence_id", "paragraph_id", "start", "end", "text"]
TOKEN_COLUMNS = ["doc_id", "sentence_id", "token_id", "start", "end", "token", "norm", "is_stop", "is_punct"]


@dataclass(frozen=True)
class Prepared:
    """A corpus after loading, cleaning and tokenising: the input every analysis takes.

    Attributes:
        documents: one row per article; manifest fields plus ``text`` (the cleaned article).
        removed: the furniture lines cleaning removed (doc_id, line, kind, text).
        paragraphs: body paragraphs with offsets into ``text`` and kind (paragraph or subheading).
        sentences: one row per sentence with offsets into ``text``.
        tokens: one row per token with offsets into ``text``.
    """

    documents: pd.DataFrame
    removed: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame


class Described(Protocol):
    """Anything with a documents table (doc_id, outlet, headline, published, published_precision, …): a prepared
    corpus, or an archive in the store (:class:`kit.compute.archive.Archive`). Analyses that only need the manifest
    facts take this, so they run the same on an archive too large to prepare in memory.
    """

    @property
    def documents(self) -> pd.DataFrame:
        """One row per article with its manifest facts."""
        ...


class Chunked(Described, Protocol):
    """A corpus read from the store chunk by chunk (:class:`kit.compute.archive.Archive`), as the analyses that take
    either it or a prepared corpus see it.
    """

    def table(self, name: str) -> pd.DataFrame:
        """A per-document table of every chunk, in document order."""
        ...

    def gather(
        self, analyse: Callable[..., pd.DataFrame], *args: Any, tables: Sequence[str] = (), **kwargs: Any
    ) -> pd.DataFrame:
        """``analyse`` run on each chunk's prepared documents, its rows put together in document order."""
        ...
