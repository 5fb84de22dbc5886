"""Collocates of any word or phrase, and n-grams: counts over the kit's word tokens, within sentences.

    hits of a pattern (kit.analyses.concordance) → words in a window around each hit → observed vs expected →
    log-likelihood G2 (kit.analyses.keyness.log_likelihood) and MI

**Words** are the kit's word tokens (punctuation is skipped, so it neither counts nor takes a window place),
compared as their ``norm`` (lower case, quotes straightened). A window never crosses a sentence's end.

**The counts a measure rests on.** N is the word tokens of the selected documents, f(c) the collocate's
frequency among them, f(n) the node's hits, W the word positions inside the windows of every hit (up to
``left`` + ``right`` per hit, fewer where a sentence ends), O the collocate's count inside them. Its expected
count is E = W · f(c) / N: as often as anywhere else.

- **G2** is the log-likelihood of the 2×2 table (collocate vs other words, inside vs outside the windows),
  computed by :func:`kit.analyses.keyness.log_likelihood` exactly as keyness computes it (inside the windows as the
  target, the rest of the corpus as the reference); signed, negative when O < E.
- **MI** is log2(O / E), the mutual information of Church & Hanks (1990) with the window size in E, as in
  AntConc's and Stubbs's (1995) window-based form.
"""

from __future__ import annotations

import bisect
from collections import Counter

import numpy as np
import pandas as pd

from kit.analyses import concordance, keyness
from kit.analyses.concordance import EVERYTHING, Selection
from kit.errors import KitError
from kit.types import Prepared

COLLOCATE_COLUMNS = [
    "collocate",
    "observed",
    "left",
    "right",
    "expected",
    "collocate_freq",
    "node_freq",
    "window_tokens",
    "corpus_tokens",
    "g2",
    "mi",
]
MEASURES = ("g2", "mi")
NGRAM_COLUMNS = ["ngram", "n", "count", "documents"]


def collocates(
    prepared: Prepared,
    pattern: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    left: int = 5,
    right: int = 5,
    measure: str = "g2",
    min_count: int = 2,
    selection: Selection = EVERYTHING,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Words found near a pattern's hits more (or less) often than chance, with the counts behind the score.

    Args:
        prepared: the prepared corpus.
        pattern: a word, phrase or glob, or with ``regex`` a regular expression
            (:func:`kit.analyses.concordance.find_pattern`).
        regex: read the pattern as a regular expression.
        case_sensitive: match the pattern's case as written.
        left: word tokens counted before each hit (L5 by default).
        right: word tokens counted after each hit (R5).
        measure: "g2" or "mi": the one the rows are ranked by (both are given).
        min_count: leave out collocates seen fewer times inside the windows.
        selection: documents and voices to count in (:class:`kit.analyses.concordance.Selection`); the corpus counts
            (N, f(c)) are the selected documents'.
        quotes: the corpus's quotations, for a selection by voice.

    Returns:
        :data:`COLLOCATE_COLUMNS`: collocate (norm), observed (O), left and right (O on each side), expected (E),
        collocate_freq (f(c)), node_freq (f(n)), window_tokens (W), corpus_tokens (N), g2, mi — ranked by the
        measure, then O, then the collocate. ``frame.attrs["measure"]`` names the measure.

    Raises:
        KitError: an unknown measure, a negative window, or what :func:`kit.analyses.concordance.hits` refuses.
    """
    if measure not in MEASURES:
        raise KitError(f"measure {measure!r} is not one of {', '.join(MEASURES)}")
    if left < 0 or right < 0:
        raise KitError(f"window L{left}–R{right}: both sides must be 0 or more words")
    chosen = concordance.select_documents(prepared, selection)
    found = concordance.hits(
        chosen, pattern, regex=regex, case_sensitive=case_sensitive, selection=selection, quotes=quotes
    )
    words = _words(chosen)
    sides: dict[str, Counter[str]] = {"left": Counter(), "right": Counter()}
    window_tokens = 0
    by_sentence = {
        key: (group.token_id.tolist(), group.norm.tolist())
        for key, group in words.groupby(["doc_id", "sentence_id"], sort=False)
    }
    for doc_id, sentence_id, first, last in zip(
        found.doc_id, found.sentence_id, found.first_token, found.last_token, strict=True
    ):
        ids, norms = by_sentence.get((doc_id, sentence_id), ([], []))
        before, after = bisect.bisect_left(ids, first), bisect.bisect_right(ids, last)
        in_left, in_right = norms[max(0, before - left) : before], norms[after : after + right]
        sides["left"].update(in_left)
        sides["right"].update(in_right)
        window_tokens += len(in_left) + len(in_right)
    return _scored(sides, words.norm.value_counts(), len(found), window_tokens, measure=measure, min_count=min_count)


def _words(prepared: Prepared) -> pd.DataFrame:
    tokens = prepared.tokens
    return tokens[~tokens.is_punct.astype(bool)].sort_values(["doc_id", "sentence_id", "token_id"], kind="stable")


def _scored(
    sides: dict[str, Counter[str]],
    frequencies: pd.Series,
    node_freq: int,
    window_tokens: int,
    *,
    measure: str,
    min_count: int,
) -> pd.DataFrame:
    corpus_tokens = int(frequencies.sum())
    names = sorted(set(sides["left"]) | set(sides["right"]))
    left = np.array([sides["left"][name] for name in names], dtype=float)
    right = np.array([sides["right"][name] for name in names], dtype=float)
    observed = left + right
    collocate_freq = np.array([int(frequencies.get(name, 0)) for name in names], dtype=float)
    expected = window_tokens * collocate_freq / max(corpus_tokens, 1)
    g2 = keyness.log_likelihood(observed, collocate_freq - observed, window_tokens, corpus_tokens - window_tokens)
    with np.errstate(divide="ignore"):
        mi = np.log2(observed / expected)
    frame = pd.DataFrame(
        {
            "collocate": names,
            "observed": observed.astype(int),
            "left": left.astype(int),
            "right": right.astype(int),
            "expected": np.round(expected, 4),
            "collocate_freq": collocate_freq.astype(int),
            "node_freq": node_freq,
            "window_tokens": window_tokens,
            "corpus_tokens": corpus_tokens,
            "g2": np.round(np.where(observed < expected, -g2, g2), 4),
            "mi": np.round(mi, 4),
        },
        columns=COLLOCATE_COLUMNS,
    )
    frame = frame[frame.observed >= min_count]
    ranked = frame.sort_values([measure, "observed", "collocate"], ascending=[False, False, True], kind="stable")
    ranked = ranked.reset_index(drop=True)
    ranked.attrs["measure"] = measure
    return ranked


def ngrams(prepared: Prepared, *, n: int = 2, min_count: int = 1, selection: Selection = EVERYTHING) -> pd.DataFrame:
    """Every sequence of ``n`` word tokens inside a sentence (punctuation skipped, as AntConc's N-grams skip what is
    not a token), with its count and the documents it occurs in.

    Args:
        prepared: the prepared corpus.
        n: words per n-gram, 2 to 5.
        min_count: leave out n-grams seen fewer times.
        selection: the documents to count in (outlets, periods, metadata; voices do not apply).

    Returns:
        ngram (norms joined by spaces), n, count, documents (how many documents have it) — by count, then
        documents, then the n-gram.

    Raises:
        KitError: ``n`` outside 2..5, or a selection naming what the corpus lacks.
    """
    if not 2 <= n <= 5:
        raise KitError(f"n={n}: n-grams are 2 to 5 words")
    if selection.voices:
        raise KitError("n-grams are counted in whole documents: a selection by voice does not apply")
    words = _words(concordance.select_documents(prepared, selection))
    counts: Counter[str] = Counter()
    documents: dict[str, set[str]] = {}
    for (doc_id, _), group in words.groupby(["doc_id", "sentence_id"], sort=False):
        norms = group.norm.tolist()
        for k in range(len(norms) - n + 1):
            gram = " ".join(norms[k : k + n])
            counts[gram] += 1
            documents.setdefault(gram, set()).add(str(doc_id))
    rows = [
        {"ngram": g, "n": n, "count": c, "documents": len(documents[g])} for g, c in counts.items() if c >= min_count
    ]
    frame = pd.DataFrame(rows, columns=NGRAM_COLUMNS)
    ordered = frame.sort_values(["count", "documents", "ngram"], ascending=[False, False, True], kind="stable")
    return ordered.reset_index(drop=True)
