"""Keyword in context and collocations, for a theme's matches or for any word, phrase or glob.

    matches (kit.analyses.themes) or a pattern (kit.preprocess.lookup) → context (left, match, right) → kwic
    theme matches as one node word → collocations (nltk's bigram finder, via kit.preprocess.text)

Every line keeps the match's provenance: doc_id, sentence_id and its start/end offsets into the
cleaned text, so ``kwic(...)`` for a document and theme has exactly as many rows as
:func:`kit.analyses.themes.count` counts hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from kit.analyses import themes
from kit.analyses.themes import Dictionary
from kit.errors import KitError
from kit.preprocess import lookup, text
from kit.types import Prepared

KWIC_COLUMNS = ["doc_id", "sentence_id", "start", "end", "theme", "pattern", "left", "match", "right"]
# A word counted by collocations: starts with a letter (not a number or a symbol).
_WORD_START = re.compile(r"^[^\W\d_]")


def kwic(
    prepared: Prepared,
    dictionary: Dictionary | None = None,
    *,
    theme: str | None = None,
    word: str | None = None,
    window: int = 8,
    sentence_bounded: bool = True,
) -> pd.DataFrame:
    """Keyword-in-context lines for one theme's matches, or for a word / phrase / glob.

    Args:
        prepared: the prepared corpus.
        dictionary: needed with ``theme`` (default: the kit's dictionary).
        theme: a theme name; its rows are exactly the hits :func:`count` adds up. With neither a
            theme nor a word: every theme of the dictionary.
        word: instead of a theme, any pattern the matcher accepts ("sanction*", "maximum pressure").
        window: tokens (punctuation included) shown on each side.
        sentence_bounded: stop the context at the sentence's ends (default); ``False`` lets it run
            into neighbouring sentences of the same document.

    Returns:
        doc_id, sentence_id, start, end (offsets of the match in the cleaned text), theme ("" for a
        word), pattern, left, match, right — context with runs of whitespace shown as one space.
        Ordered by document and position.

    Raises:
        KitError: both ``theme`` and ``word``, an unknown theme, an empty pattern,
            a negative window.
    """
    if theme is not None and word is not None:
        raise KitError("kwic: give a theme or a word, not both")
    if window < 0:
        raise KitError(f"kwic: window {window} must be 0 or more tokens")
    if word is None:
        found = themes.matches(prepared, dictionary or themes.load_dictionary(), themes=[theme] if theme else None)
    else:
        entry = lookup.parse_entry(word, category="", where="kwic --word")
        texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
        found = lookup.find(prepared.tokens, [entry], texts=texts).rename(columns={"category": "theme"})
    return context(prepared, found, window=window, sentence_bounded=sentence_bounded)


def context(prepared: Prepared, found: pd.DataFrame, *, window: int, sentence_bounded: bool) -> pd.DataFrame:
    """The KWIC line of each match: ``window`` tokens of context on each side, as written.

    Args:
        prepared: the prepared corpus.
        found: matches as :func:`kit.preprocess.lookup.find` returns them, with ``category`` renamed ``theme``.
        window: tokens (punctuation included) shown on each side.
        sentence_bounded: stop the context at the sentence's ends.

    Returns:
        :data:`KWIC_COLUMNS`, one row per match, in the order of ``found``.
    """
    texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
    by_doc = {doc_id: _Positions(group) for doc_id, group in prepared.tokens.groupby("doc_id", sort=False)}
    rows = []
    hits: Iterable[Any] = found.itertuples(index=False)  # pandas types each field as any scalar
    for hit in hits:
        tokens = by_doc[hit.doc_id]
        low, high = tokens.sentence(hit.sentence_id) if sentence_bounded else (0, len(tokens.ids))
        first, last = tokens.position(hit.first_token), tokens.position(hit.last_token)
        before = max(low, first - window)  # positions before..first-1: up to `window` tokens on the left
        after = min(high, last + 1 + window)  # positions last+1..after-1 on the right
        body = texts[hit.doc_id]
        left = body[int(tokens.starts[before]) : hit.start] if window and before < first else ""
        right = body[hit.end : int(tokens.ends[after - 1])] if window and after > last + 1 else ""
        rows.append(
            {
                "doc_id": hit.doc_id,
                "sentence_id": hit.sentence_id,
                "start": hit.start,
                "end": hit.end,
                "theme": hit.theme,
                "pattern": hit.pattern,
                "left": _single_spaced(left),
                "match": hit.match,
                "right": _single_spaced(right),
            }
        )
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


class _Positions:
    """A document's tokens as arrays in token order: where a token id and a sentence's tokens are."""

    def __init__(self, tokens: pd.DataFrame) -> None:
        ordered = tokens.sort_values("token_id", kind="stable")
        self.ids = ordered.token_id.to_numpy()
        self.sentences = ordered.sentence_id.to_numpy()
        self.starts = ordered.start.to_numpy()
        self.ends = ordered.end.to_numpy()

    def position(self, token_id: int) -> int:
        return int(np.searchsorted(self.ids, token_id))

    def sentence(self, sentence_id: int) -> tuple[int, int]:
        """The positions low..high-1 of the sentence's tokens (sentences run in token order)."""
        low = int(np.searchsorted(self.sentences, sentence_id, side="left"))
        return low, int(np.searchsorted(self.sentences, sentence_id, side="right"))


def _single_spaced(context: str) -> str:
    """Context on one line: every run of whitespace (newlines included) shown as one space."""
    return re.sub(r"\s+", " ", context).strip()


def collocations(
    prepared: Prepared,
    dictionary: Dictionary | None = None,
    *,
    theme: str,
    window: int = 5,
    min_freq: int = 2,
    top: int = 15,
) -> pd.DataFrame:
    """Words that keep company with a theme: each theme match becomes one node token and nltk's
    bigram finder scores its neighbours within ``window`` tokens, sentence by sentence.

    Stopwords, punctuation and numbers are left out before windows are counted.

    Returns:
        collocate, side ("left"/"right" of the theme match), freq, score (likelihood ratio) — best first.
    """
    counts = collocation_counts(prepared, dictionary, theme=theme, window=window)
    return ranked_collocations(counts, theme=theme, window=window, min_freq=min_freq, top=top)


def collocation_counts(
    prepared: Prepared, dictionary: Dictionary | None = None, *, theme: str, window: int = 5
) -> pd.DataFrame:
    """The word and node-pair counts :func:`collocations` ranks (:func:`kit.preprocess.text.node_counts` rows), for
    these documents; counts of chunks of a corpus add up to the corpus's (:func:`ranked_collocations` sums them).
    """
    chosen = (dictionary or themes.load_dictionary()).subset([theme])
    found = themes.matches(prepared, chosen)
    node = f"<{theme}>"
    hits: Iterable[Any] = found.itertuples(index=False)  # pandas types each field as any scalar
    starts = {(r.doc_id, r.first_token): r.last_token for r in hits}
    tokens = prepared.tokens.sort_values(["doc_id", "sentence_id", "token_id"], kind="stable")
    counted = (~tokens.is_punct & ~tokens.is_stop & tokens.norm.str.match(_WORD_START)).to_numpy()
    columns = [tokens[c].to_numpy() for c in ("doc_id", "sentence_id", "token_id", "norm")]
    sentences: list[list[str]] = []
    current: tuple[Any, Any] | None = None
    skip_to = -1
    for doc_id, sentence_id, token_id, norm, word in zip(*columns, counted, strict=True):
        if (doc_id, sentence_id) != current:
            current, skip_to = (doc_id, sentence_id), -1
            sentences.append([])
        if token_id <= skip_to:
            continue
        if (doc_id, token_id) in starts:
            sentences[-1].append(node)
            skip_to = starts[(doc_id, token_id)]
        elif word:
            sentences[-1].append(norm)
    return text.node_counts(sentences, node, window_size=window)


def ranked_collocations(
    counts: pd.DataFrame, *, theme: str, window: int = 5, min_freq: int = 2, top: int = 15
) -> pd.DataFrame:
    """:func:`collocations` from :func:`collocation_counts` rows (of a corpus, or of its chunks put together)."""
    return text.rank_node_pairs(counts, f"<{theme}>", window_size=window, min_freq=min_freq, top=top)
