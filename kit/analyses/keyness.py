"""Keyness: which themes or words a group of documents over- or under-uses against another group.

    counts per group (theme hits from kit.analyses.themes, or word tokens) → log_likelihood (Dunning's G2),
    log_ratio (Hardie 2014) → one row per item

Groups are periods (:mod:`kit.ingest.periods`), outlets or the values of any metadata column of the manifest. Theme
keyness counts hits and ignores weights, because G2 needs counts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from kit.analyses import themes
from kit.analyses.themes import Dictionary
from kit.errors import KitError
from kit.ingest.periods import assign as assign_periods
from kit.types import Chunked, Described, Prepared

KEYNESS_COLUMNS = [
    "item",
    "target_count",
    "reference_count",
    "target_per_1k",
    "reference_per_1k",
    "g2",
    "p_value",
    "log_ratio",
    "use",
]
# Hardie (2014): a zero frequency is replaced by 0.5 before taking the log ratio.
ZERO_SMOOTHING = 0.5
Scores = npt.NDArray[np.float64]


def log_likelihood(
    target: npt.ArrayLike, reference: npt.ArrayLike, target_total: float, reference_total: float
) -> Scores:
    """Dunning's log-likelihood G2 for a 2×2 table (item vs rest, target vs reference), unsigned.

    ``0 · ln 0`` is taken as 0, so an item absent from one side still gets a finite score.
    """
    a, b = np.asarray(target, dtype=float), np.asarray(reference, dtype=float)
    c, d = float(target_total), float(reference_total)
    expected_a = c * (a + b) / (c + d)
    expected_b = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        term_a = np.where(a > 0, a * np.log(a / expected_a), 0.0)
        term_b = np.where(b > 0, b * np.log(b / expected_b), 0.0)
    scores: Scores = 2 * (term_a + term_b)
    return scores


def log_ratio(target: npt.ArrayLike, reference: npt.ArrayLike, target_total: float, reference_total: float) -> Scores:
    """Hardie's (2014) log ratio: log2 of the ratio of relative frequencies; a zero count becomes 0.5.

    +1 means twice as frequent in the target, -1 half as frequent.
    """
    a = np.where(np.asarray(target, dtype=float) == 0, ZERO_SMOOTHING, target)
    b = np.where(np.asarray(reference, dtype=float) == 0, ZERO_SMOOTHING, reference)
    return np.log2((a / float(target_total)) / (b / float(reference_total)))


def keyness(
    corpus: Prepared | Chunked,
    dictionary: Dictionary | None = None,
    *,
    unit: str = "theme",
    by: str = "period",
    periods: str | Sequence[str] = "year",
    target: str | Sequence[str] | None = None,
    reference: str | Sequence[str] | None = None,
    min_count: int = 3,
) -> pd.DataFrame:
    """Which themes (or words) are over- or under-used in one group of documents against another.

    Args:
        corpus: the prepared corpus, or an archive in the store (:class:`kit.compute.archive.Archive`: theme hits from
            its kept theme sums, which ``dictionary`` must be (a subset of); word counts summed chunk by chunk; the
            same table, without holding the corpus's tokens).
        dictionary: for ``unit="theme"`` (default: the kit's dictionary).
        unit: ``"theme"`` (theme hits; weights are ignored because G2 needs counts) or ``"word"``
            (normalised word tokens, stopwords and numbers left out).
        by: group documents by ``"period"``, ``"outlet"`` or another column of the documents (``"outlet_type"``).
        periods: for ``by="period"``: ``"year"`` or boundaries (see :func:`kit.ingest.periods.parse_boundaries`).
        target: the group label(s) under study (default: the latest period, or the first outlet or value).
        reference: the group label(s) to compare with (default: every other document).
        min_count: for words, leave out words seen fewer times in both groups together.

    Returns:
        item, target_count, reference_count, target_per_1k, reference_per_1k (per 1,000 word tokens of
        the group), g2 (signed: positive = more frequent in the target), p_value (chi-squared, 1 df),
        log_ratio (Hardie 2014, zeros smoothed to 0.5), use ("over", "under" or "same") — sorted by
        |g2|, then item. ``frame.attrs`` holds the target and reference labels and their token totals.

    Raises:
        KitError: an unknown unit or grouping, a label no document has, groups that overlap or are empty.
    """
    if unit not in ("theme", "word"):
        raise KitError(f"unit={unit!r}: expected theme or word")
    chosen = choose_sides(corpus, by=by, periods=periods, target=target, reference=reference)
    dictionary = dictionary or themes.load_dictionary()
    if isinstance(corpus, Prepared):
        sizes = themes.word_tokens(corpus)
        if unit == "word":
            return scored(side_word_counts(corpus, chosen), sizes, chosen, min_count=min_count)
        sums = themes.document_sums(corpus, dictionary)
    else:
        sizes = corpus.documents.set_index("doc_id").n_words
        if unit == "word":
            return scored(corpus.gather(side_word_counts, chosen), sizes, chosen, min_count=min_count)
        sums = corpus.table("theme_sums")
    return scored(theme_counts(sums, dictionary, chosen), sizes, chosen)


@dataclass(frozen=True)
class Sides:
    """The two groups keyness compares: their labels (periods or outlets) and their documents."""

    by: str
    target: list[str]
    reference: list[str]
    target_docs: list[str]
    reference_docs: list[str]


def choose_sides(
    corpus: Described,
    *,
    by: str = "period",
    periods: str | Sequence[str] = "year",
    target: str | Sequence[str] | None = None,
    reference: str | Sequence[str] | None = None,
) -> Sides:
    """The target and reference groups of :func:`keyness` (default: the latest period against every other
    document). Raises KitError for an unknown grouping, a label no document has, overlapping or empty groups.
    """
    if by == "period":
        groups = assign_periods(corpus, periods).sort_values(["period_order", "doc_id"], kind="stable")
        labels = dict(zip(groups.doc_id, groups.period, strict=True))
        default_target = groups.period.iloc[-1]
    else:
        themes.check_group(by, corpus.documents, units=("period",))
        labels = dict(zip(corpus.documents.doc_id, corpus.documents[by].astype(str), strict=True))
        default_target = sorted(labels.values())[0]
    target_labels = _as_labels(target, default_target)
    known = sorted(set(labels.values()))
    for label in target_labels + _as_labels(reference, None):
        if label not in known:
            raise KitError(f"keyness: no {by} {label!r} (known: {', '.join(known)})")
    target_docs = sorted(d for d, label in labels.items() if label in target_labels)
    reference_labels = _as_labels(reference, None) or [label for label in known if label not in target_labels]
    if set(reference_labels) & set(target_labels):
        raise KitError(f"keyness: {by} {sorted(set(reference_labels) & set(target_labels))[0]!r} is in both groups")
    reference_docs = sorted(d for d, label in labels.items() if label in reference_labels)
    if not target_docs or not reference_docs:
        raise KitError(f"keyness: both groups need documents (target {target_labels}, reference {reference_labels})")
    return Sides(by, target_labels, reference_labels, target_docs, reference_docs)


def theme_counts(sums: pd.DataFrame, dictionary: Dictionary, sides: Sides) -> pd.DataFrame:
    """The hits of each theme (item, in the dictionary's order) in each group, from :func:`themes.document_sums`."""
    counted = set(sums.theme)  # every document has a row per theme, zeros included
    missing = [name for name in dictionary.names if name not in counted]
    if missing:
        raise KitError(f"keyness: no theme sums for {missing[0]!r}; they were counted with another dictionary")
    hits = sums.groupby(["theme", "doc_id"]).hits.sum()
    rows = [
        {
            "item": name,
            "target": int(sum(hits.get((name, d), 0) for d in sides.target_docs)),
            "reference": int(sum(hits.get((name, d), 0) for d in sides.reference_docs)),
        }
        for name in dictionary.names
    ]
    return pd.DataFrame(rows, columns=["item", "target", "reference"])


def side_word_counts(prepared: Prepared, sides: Sides) -> pd.DataFrame:
    """Each word's tokens (item: its norm; stopwords, punctuation and numbers left out) in the target and
    reference documents among these. Documents are counted apart, so chunks' counts add up (:func:`scored`).
    """
    tokens = prepared.tokens
    words = tokens[~tokens.is_punct & ~tokens.is_stop & tokens.norm.str.match(r"^[^\W\d_]")]
    side = words.doc_id.isin(sides.target_docs) * 1 + words.doc_id.isin(sides.reference_docs) * 2
    table = pd.crosstab(words.norm, side).reindex(columns=[1, 2], fill_value=0)
    table = table.rename_axis(index="item", columns=None).rename(columns={1: "target", 2: "reference"})
    return table.reset_index()


def scored(counts: pd.DataFrame, sizes: pd.Series, sides: Sides, *, min_count: int = 0) -> pd.DataFrame:
    """The keyness table of ``counts`` (item, target, reference; rows of one item summed, so chunks' counts can
    be given as they come), with ``sizes`` (word tokens per doc_id) for the totals; words seen fewer than
    ``min_count`` times in both groups together are left out. ``frame.attrs`` holds the sides and totals.
    """
    summed = counts.groupby("item", sort=False)[["target", "reference"]].sum()
    summed = summed[summed.target + summed.reference >= min_count]
    target_total = int(sizes.reindex(sides.target_docs, fill_value=0).sum())
    reference_total = int(sizes.reindex(sides.reference_docs, fill_value=0).sum())
    items = [str(item) for item in summed.index]
    frame = _score(items, summed.target.tolist(), summed.reference.tolist(), target_total, reference_total)
    frame.attrs.update(
        target=sides.target,
        reference=sides.reference,
        target_tokens=target_total,
        reference_tokens=reference_total,
    )
    return frame


def _as_labels(value: str | Sequence[str] | None, default: str | None) -> list[str]:
    if value is None or (not isinstance(value, str) and not value):
        return [default] if default is not None else []
    return [value] if isinstance(value, str) else list(value)


def _score(
    items: list[str], target: list[int], reference: list[int], target_total: int, reference_total: int
) -> pd.DataFrame:
    a, b = np.array(target, dtype=float), np.array(reference, dtype=float)
    g2 = log_likelihood(a, b, target_total, reference_total)
    more = a / max(target_total, 1) > b / max(reference_total, 1)
    less = a / max(target_total, 1) < b / max(reference_total, 1)
    signed = np.where(less, -g2, g2)
    frame = pd.DataFrame(
        {
            "item": items,
            "target_count": a.astype(int),
            "reference_count": b.astype(int),
            "target_per_1k": np.round(a / max(target_total, 1) * 1000, 4),
            "reference_per_1k": np.round(b / max(reference_total, 1) * 1000, 4),
            "g2": np.round(signed, 4),
            "p_value": [round(math.erfc(math.sqrt(max(g, 0.0) / 2)), 6) for g in g2],
            "log_ratio": np.round(log_ratio(a, b, target_total, reference_total), 4),
            "use": np.where(more, "over", np.where(less, "under", "same")),
        }
    )
    frame["_abs"] = frame.g2.abs()
    frame = frame.sort_values(["_abs", "item"], ascending=[False, True], kind="stable").drop(columns="_abs")
    return frame[KEYNESS_COLUMNS].reset_index(drop=True)
