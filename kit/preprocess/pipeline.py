"""The visible pipeline: corpus → text, the input every analysis takes.

    load (kit.ingest.corpus) → clean (kit.preprocess.clean) → sentences, tokens (kit.preprocess.text)

Notebooks and the command line call :func:`prepare`; each stage can also be called on its own.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from kit import config
from kit.errors import CorpusError, preview
from kit.ingest import corpus
from kit.preprocess import clean, text
from kit.types import Prepared


def prepare(corpus_dir: str | Path | None = None, *, warn_cleaning: bool = True) -> Prepared:
    """Load, clean and tokenise a corpus folder (default ``seeds/``).

    Args:
        corpus_dir: the corpus folder.
        warn_cleaning: show cleaning's warnings (long removals); ``False`` where another page shows them (the
            corpus report lists every removal, suspect ones flagged, so the analysis reports need not repeat it).

    Raises:
        CorpusError: for any bad manifest row or article file (see :func:`kit.ingest.corpus.load`), and for a
            document with no word left after cleaning (see :func:`refuse_wordless`).
    """
    if not warn_cleaning:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", clean.CleaningWarning)
            return prepare(corpus_dir)
    prepared = prepare_documents(corpus.load(corpus_dir))
    refuse_wordless(
        wordless_documents(prepared.documents, prepared.tokens),
        Path(corpus_dir) if corpus_dir is not None else config.SEEDS,
    )
    return prepared


def prepare_documents(documents: pd.DataFrame) -> Prepared:
    """Clean and tokenise a documents table (:func:`kit.ingest.corpus.load`'s, or any chunk of its rows).

    Every stage works document by document, so a chunk of the rows gives exactly the rows of those documents.
    """
    documents, removed, paragraphs = clean.clean(documents)
    sentence_table = text.sentences(documents, paragraphs)
    token_table = text.tokens(documents, sentence_table)
    return Prepared(documents, removed, paragraphs, sentence_table, token_table)


def wordless_documents(documents: pd.DataFrame, token_table: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``documents`` (doc_id and file) whose document has no word token after cleaning."""
    with_words = set(token_table.doc_id[~token_table.is_punct.astype(bool)])
    return documents.loc[~documents.doc_id.isin(with_words), ["doc_id", "file"]].reset_index(drop=True)


def refuse_wordless(wordless: pd.DataFrame, folder: Path) -> None:
    """Refuse a corpus in which some document has no word token (only punctuation, or nothing) after cleaning.

    Such a document (blank lines of non-breaking or ideographic spaces, every line repeated or furniture)
    would be an empty row that every rate divides by; it is refused here, after tokenising, so the check
    holds whatever the cleaning rules are.

    Args:
        wordless: doc_id and file of such documents, in document order (:func:`wordless_documents`).
        folder: the corpus folder, for the message.

    Raises:
        CorpusError: one line naming the first such document's file and doc_id (and how many more).
    """
    if wordless.empty:
        return
    first = wordless.iloc[0]
    more = f" (and {len(wordless) - 1} more document(s))" if len(wordless) > 1 else ""
    raise CorpusError(
        f"{folder / first.file}: document {preview(first.doc_id)} has no words after cleaning (blank, repeated "
        f"or furniture lines only){more}; fix the file or remove it from {config.MANIFEST_NAME}"
    )
