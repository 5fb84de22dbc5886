"""Where a word or phrase occurs: its frequency over time by group, and its places inside each document.

    hits of a pattern (kit.analyses.concordance) → per document → per publication month or year and group, per 1,000
    word tokens (trend) · at its relative place in each document (positions → plot, AntConc's Plot tool)

A rate is hits per 1,000 word tokens (punctuation not counted), as :mod:`kit.analyses.themes` counts its rates; a
selection by voice keeps the hits of that voice, over every word token of the documents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pandas as pd

from kit.analyses import concordance
from kit.analyses.concordance import EVERYTHING, Selection
from kit.errors import KitError
from kit.ingest import periods
from kit.presentation import display
from kit.presentation.plots import MOST_ROWS, wrap
from kit.types import Prepared

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PERIODS = ("month", "year")
POSITION_COLUMNS = ["doc_id", "start", "first_token", "doc_tokens", "position"]


def trend(
    prepared: Prepared,
    pattern: str,
    *,
    by: str | None = "outlet",
    per: str = "month",
    regex: bool = False,
    case_sensitive: bool = False,
    selection: Selection = EVERYTHING,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Hits of a pattern per publication month (or year) and group, with the word tokens they are a rate of.

    Args:
        prepared: the prepared corpus.
        pattern: a word, phrase or glob, or with ``regex`` a regular expression
            (:func:`kit.analyses.concordance.find_pattern`).
        by: a documents column to group by (outlet, author, any manifest column), or None for one group.
        per: "month" (``2018-03``) or "year" (``2018``) of the publication date; a document dated to a month
            is in that month.
        regex: read the pattern as a regular expression.
        case_sensitive: match case as written.
        selection: documents and voices to count (:class:`kit.analyses.concordance.Selection`).
        quotes: the corpus's quotations, for a selection by voice.

    Returns:
        period, the ``by`` column, documents, hits, word_tokens, per_1k — one row per period and group that has
        documents (zeros kept; a month without documents has no rate and no row), by period then group.

    Raises:
        KitError: an unknown ``per`` or ``by`` column, or what :func:`kit.analyses.concordance.hits` refuses.
    """
    if per not in PERIODS:
        raise KitError(f"per={per!r}: expected one of {', '.join(PERIODS)}")
    chosen = concordance.select_documents(prepared, selection)
    documents = chosen.documents
    if by is not None and by not in documents.columns:
        raise KitError(f"no documents column {by!r} (columns: {', '.join(map(str, documents.columns))})")
    found = concordance.hits(
        chosen, pattern, regex=regex, case_sensitive=case_sensitive, selection=selection, quotes=quotes
    )
    words = chosen.tokens[~chosen.tokens.is_punct.astype(bool)].groupby("doc_id").size()
    first_days = [day for day, _ in periods.publication_periods(documents).values()]
    per_document = pd.DataFrame(
        {
            "period": [f"{day:%Y-%m}" if per == "month" else f"{day:%Y}" for day in first_days],
            "group": documents[by].astype(str).to_numpy() if by is not None else "",
            "hits": documents.doc_id.map(found.groupby("doc_id").size()).fillna(0).astype(int).to_numpy(),
            "word_tokens": documents.doc_id.map(words).fillna(0).astype(int).to_numpy(),
        }
    )
    grouped = per_document.groupby(["period", "group"], sort=True)
    table = grouped.agg(documents=("hits", "size"), hits=("hits", "sum"), word_tokens=("word_tokens", "sum"))
    table = table.reset_index()
    table["per_1k"] = (table.hits / table.word_tokens.where(table.word_tokens > 0) * 1000).fillna(0.0).round(4)
    if by is None:
        return table.drop(columns="group")
    return table.rename(columns={"group": by})


def positions(
    prepared: Prepared,
    pattern: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    selection: Selection = EVERYTHING,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each hit's relative place in its document: its first token's number over the document's tokens (0 = the
    first token, near 1 = the last), for a dispersion plot (:func:`plot`).

    Returns:
        doc_id, start (offset in the cleaned text), first_token, doc_tokens, position — in corpus order.
    """
    found = concordance.hits(
        prepared, pattern, regex=regex, case_sensitive=case_sensitive, selection=selection, quotes=quotes
    )
    sizes = prepared.tokens.groupby("doc_id").size()
    doc_tokens = found.doc_id.map(sizes).astype(int)
    frame = pd.DataFrame(
        {
            "doc_id": found.doc_id,
            "start": found.start,
            "first_token": found.first_token,
            "doc_tokens": doc_tokens,
            "position": (found.first_token / doc_tokens).round(4),
        },
        columns=POSITION_COLUMNS,
    )
    return frame.reset_index(drop=True)


def plot(places: pd.DataFrame, documents: pd.DataFrame, *, title: str = "") -> Figure:
    """A dispersion plot: one row per document with hits (in the documents' order, at most
    :data:`kit.presentation.plots.MOST_ROWS`), a tick per hit at its relative place, the hits counted beside the label.

    The figure is deterministic (sorted by the documents' order, no random element): with
    :func:`kit.presentation.outputs.setup_plots` its SVG is the same on every run.
    """
    labels = display.document_labels(documents, headline_words=0)
    shown = [doc_id for doc_id in documents.doc_id if doc_id in set(places.doc_id)][:MOST_ROWS]
    figure, axes = plt.subplots(figsize=(8, 1.0 + 0.3 * max(len(shown), 1)))
    for row, doc_id in enumerate(shown):
        ticks = places.position[places.doc_id == doc_id].to_numpy()
        axes.vlines(ticks, row - 0.35, row + 0.35, color="#4c72b0", linewidth=1.2)
    names = [wrap(f"{labels.get(str(d), str(d))} ({int((places.doc_id == d).sum())})", 40) for d in shown]
    axes.set_yticks(range(len(shown)), names)
    axes.tick_params(axis="y", labelsize=7)
    axes.set_ylim(len(shown) - 0.5, -0.5)
    axes.set_xlim(0, 1)
    axes.set_xlabel("place in the document (0 = start, 1 = end)")
    more = (
        f" (the first {MOST_ROWS} of {places.doc_id.nunique()} documents)"
        if len(shown) < places.doc_id.nunique()
        else ""
    )
    axes.set_title((title or "Hits in each document") + more)
    figure.tight_layout()
    return figure
