"""What the corpus is: documents with their sizes, sizes per outlet, cleaning summary, frequent words.

These are the descriptive tables of the first notebook and of ``python -m kit table documents``.
"""

from __future__ import annotations

import pandas as pd

from kit.types import Prepared

SIZE_COLUMNS = ["n_paragraphs", "n_sentences", "n_tokens", "n_words"]


def documents(prepared: Prepared) -> pd.DataFrame:
    """The documents table without article texts, plus n_paragraphs, n_sentences, n_tokens and n_words (tokens
    that are not punctuation).
    """
    tokens = prepared.tokens
    sizes = pd.DataFrame(
        {
            "n_paragraphs": prepared.paragraphs.groupby("doc_id").size(),
            "n_sentences": prepared.sentences.groupby("doc_id").size(),
            "n_tokens": tokens.groupby("doc_id").size(),
            "n_words": tokens[~tokens.is_punct.astype(bool)].groupby("doc_id").size(),
        }
    )
    table = prepared.documents.drop(columns=["raw_text", "text"]).join(sizes, on="doc_id")
    return table.fillna(dict.fromkeys(SIZE_COLUMNS, 0)).astype(dict.fromkeys(SIZE_COLUMNS, int))


def sizes_by_outlet(documents_table: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: documents, sentences, tokens and word tokens, from :func:`documents` (or an archive's)."""
    grouped = documents_table.groupby("outlet", sort=True).agg(
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


def removed_by_kind(removed: pd.DataFrame) -> pd.DataFrame:
    """Per furniture kind: lines removed, documents they came from, and how many were flagged suspect (long).

    A narrow view of :func:`removed_summary` that fits a page for any number of documents; the per-document
    counts are in that table, and every removed line in ``removed`` (a prepared corpus's or an archive's).
    """
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
    return top_words(word_counts(prepared, min_length=min_length), top=top)


def word_counts(prepared: Prepared, *, min_length: int = 3) -> pd.DataFrame:
    """Every content word of these documents with its count and the number of documents using it (norm order).

    Documents are counted apart, so the counts of chunks of a corpus add up to the corpus's (see
    :func:`top_words`).
    """
    tokens = prepared.tokens
    words = tokens[~tokens.is_stop & ~tokens.is_punct & tokens.norm.str.match(r"^[^\W\d_]")]
    words = words[words.norm.str.len() >= min_length]
    return words.groupby("norm").agg(count=("norm", "size"), documents=("doc_id", "nunique")).reset_index()


def top_words(counts: pd.DataFrame, *, top: int = 20) -> pd.DataFrame:
    """The ``top`` words of :func:`word_counts` rows (of one corpus, or of its chunks put together, summed here)."""
    table = counts.groupby("norm", sort=True)[["count", "documents"]].sum().reset_index()
    table = table.sort_values(["count", "norm"], ascending=[False, True], kind="stable")
    return table.head(top).reset_index(drop=True)


def article_lines(prepared: Prepared, doc_id: str) -> pd.DataFrame:
    """One article as its raw file has it, line by line, with what cleaning made of each line.

    Args:
        prepared: the prepared corpus.
        doc_id: the article.

    Returns:
        One row per non-empty line of the raw file: ``line`` (numbered as in the file, from 1), ``kind``
        (``paragraph`` or ``subheading`` for body lines, else the furniture kind cleaning removed it as), ``kept``
        (True for body lines), ``cut`` (a part cut from a kept line, e.g. ``prefix headline``; else empty) and
        ``text`` (the line as written).

    Raises:
        KeyError: an unknown ``doc_id``.
    """
    documents = prepared.documents.set_index("doc_id")
    if doc_id not in documents.index:
        raise KeyError(f"no article {doc_id!r}; the articles are {', '.join(map(str, documents.index))}")
    raw_lines = str(documents.at[doc_id, "raw_text"]).split("\n")
    body = prepared.paragraphs[prepared.paragraphs.doc_id == doc_id]
    removed = prepared.removed[prepared.removed.doc_id == doc_id]
    body_kinds = dict(zip(body.line.astype(int), body.kind, strict=True))
    whole = removed[removed.part == "whole"]
    removed_kinds = dict(zip(whole.line.astype(int), whole.kind, strict=True))
    parts = removed[removed.part != "whole"]
    cuts: dict[int, list[str]] = {}
    for line, part, kind in zip(parts.line.astype(int), parts.part, parts.kind, strict=True):
        cuts.setdefault(line, []).append(f"{part} {kind}")
    rows = [
        {
            "line": number,
            "kind": body_kinds.get(number, removed_kinds.get(number, "")),
            "kept": number in body_kinds,
            "cut": "; ".join(cuts.get(number, [])),
            "text": text,
        }
        for number, text in enumerate(raw_lines, start=1)
        if text.strip()
    ]
    return pd.DataFrame.from_records(rows, columns=["line", "kind", "kept", "cut", "text"])
