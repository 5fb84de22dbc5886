"""What the corpus is: documents with their sizes, sizes per outlet, cleaning summary, frequent words.

These are the descriptive tables of the first notebook and of ``python -m kit table documents``.
"""

from __future__ import annotations

import pandas as pd

from kit.types import Prepared


def documents(prepared: Prepared) -> pd.DataFrame:
    """The documents table without article texts, plus n_paragraphs, n_sentences and n_tokens."""
    sizes = pd.DataFrame(
        {
            "n_paragraphs": prepared.paragraphs.groupby("doc_id").size(),
            "n_sentences": prepared.sentences.groupby("doc_id").size(),
            "n_tokens": prepared.tokens.groupby("doc_id").size(),
        }
    )
    table = prepared.documents.drop(columns=["raw_text", "text"]).join(sizes, on="doc_id")
    counts = ["n_paragraphs", "n_sentences", "n_tokens"]
    return table.fillna(dict.fromkeys(counts, 0)).astype(dict.fromkeys(counts, int))


def sizes_by_outlet(prepared: Prepared) -> pd.DataFrame:
    """Per outlet: documents, sentences, tokens and word tokens (tokens that are not punctuation)."""
    words = prepared.tokens[~prepared.tokens.is_punct].groupby("doc_id").size().rename("n_words")
    table = documents(prepared).join(words, on="doc_id").fillna({"n_words": 0})
    grouped = table.groupby("outlet", sort=True).agg(
        documents=("doc_id", "size"),
        sentences=("n_sentences", "sum"),
        tokens=("n_tokens", "sum"),
        words=("n_words", "sum"),
    )
    return grouped.astype(int).reset_index()


def removed_summary(prepared: Prepared) -> pd.DataFrame:
    """How many lines of each furniture kind cleaning removed, per document (0 where none)."""
    removed = prepared.removed
    table = pd.crosstab(removed.doc_id, removed.kind).reindex(prepared.documents.doc_id, fill_value=0)
    return table.rename_axis(index="doc_id", columns=None).reset_index()


def removed_by_kind(prepared: Prepared) -> pd.DataFrame:
    """Per furniture kind: lines removed, documents they came from, and how many were flagged suspect (long).

    A narrow view of :func:`removed_summary` that fits a page for any number of documents; the per-document
    counts are in that table, and every removed line in ``prepared.removed``.
    """
    removed = prepared.removed
    grouped = removed.groupby("kind", sort=True)
    table = pd.DataFrame(
        {
            "lines": grouped.size(),
            "documents": grouped.doc_id.nunique(),
            "suspect": grouped.suspect.sum().astype(int),
        }
    )
    return table.rename_axis(index="kind").reset_index()


def content_words(prepared: Prepared, *, top: int = 20, min_length: int = 3) -> pd.DataFrame:
    """The most frequent content words (not stopwords, not punctuation, not numbers).

    Args:
        prepared: the prepared corpus.
        top: how many words to return.
        min_length: shortest word counted, in characters.

    Returns:
        norm, count, documents (how many articles use it) — sorted by count, then alphabetically.
    """
    tokens = prepared.tokens
    words = tokens[~tokens.is_stop & ~tokens.is_punct & tokens.norm.str.match(r"^[^\W\d_]")]
    words = words[words.norm.str.len() >= min_length]
    table = words.groupby("norm").agg(count=("norm", "size"), documents=("doc_id", "nunique")).reset_index()
    table = table.sort_values(["count", "norm"], ascending=[False, True], kind="stable")
    return table.head(top).reset_index(drop=True)
