"""Charts that draw one row per document or event while those fit on a page, and counts beyond.

    few rows (≤ :data:`MOST_ROWS`): every publication, every event, every document's theme rates
    many rows: publications per month, events per start year (stacked by outlet), theme rates per outlet

Five seed articles draw a dot per article; a 100,000-article archive would draw a figure 50,000 inches tall.
Each chart here picks the row-per-item form or the counted form by the number of rows, and says which in its
title, so a reader of a large report still sees every item in the tables beside the chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from kit import display, plots
from kit.plots import LEGEND_OUTLETS, Colour

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# A chart with one row per document or event draws at most this many rows; beyond, it draws counts.
MOST_ROWS = 60
OTHER = "other outlets"


def publication_timeline(chosen: pd.DataFrame, *, colours: Mapping[str, Colour], labels: Mapping[str, str]) -> Figure:
    """Every publication as a dot (a day) or a bar (a month-precision date), one row per article; with more
    than :data:`MOST_ROWS` articles, publications per month stacked by outlet.

    Args:
        chosen: :func:`kit.chronology.publications` rows (doc_id, outlet, published_precision, first_day, last_day).
        colours: a colour per outlet (:func:`kit.plots.outlet_colours`).
        labels: a short label per doc_id (:func:`kit.display.document_labels` without headline).
    """
    if len(chosen) > MOST_ROWS:
        months = pd.Series(pd.to_datetime(chosen.first_day).dt.to_period("M").dt.to_timestamp())
        return _stacked(months, chosen.outlet, colours, "M", "articles", "Publications per month, by outlet")
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(chosen) + 1.4))
    rows: Iterable[Any] = chosen.itertuples()  # pandas types each field as any scalar; matplotlib takes dates
    for y, row in enumerate(rows):
        first: Any = pd.Timestamp(row.first_day)
        last: Any = pd.Timestamp(row.last_day) + pd.Timedelta(days=1)
        if row.published_precision == "month":
            ax.barh(y, last - first, left=first, height=0.5, color=colours[row.outlet], edgecolor="black")
        else:
            ax.plot(first, y, "o", markersize=9, color=colours[row.outlet], markeredgecolor="black")
    ax.set_yticks(range(len(chosen)), [labels[d] for d in chosen.doc_id], fontsize=8)
    low: Any = pd.to_datetime(chosen.first_day).min()
    high: Any = pd.to_datetime(chosen.last_day).max()
    pad = max(pd.Timedelta(days=45), (high - low) * 0.06)
    ax.set_xlim(low - pad, high + pad)
    # Matplotlib's dates module has no type annotations.
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))  # type: ignore[no-untyped-call]
    ax.margins(y=0.2)
    ax.invert_yaxis()
    ax.set_xlabel("publication date")
    ax.set_title("Publication dates (dot: a day; bar: a month-precision date)")
    return fig


def event_timeline(
    events: pd.DataFrame,
    publications: pd.DataFrame,
    *,
    colours: Mapping[str, Colour],
    labels: Mapping[str, str],
) -> Figure:
    """:func:`kit.plots.event_timeline` (one row per event) up to :data:`MOST_ROWS` events; beyond, the events
    counted by the year they start, stacked by outlet.
    """
    if len(events) <= MOST_ROWS:
        return plots.event_timeline(events, publications, colours=colours, labels=labels)
    years = pd.Series(pd.to_datetime(events.date_start.str[:4] + "-01-01"))
    title = f"Events the articles mention, by the year they start ({len(events):,} events)"
    return _stacked(years, events.outlet, colours, "Y", "events", title)


def themes_heatmap(
    by_document: pd.DataFrame, by_outlet: pd.DataFrame, documents: pd.DataFrame, *, value: str
) -> Figure:
    """Themes × documents (colour: ``value``; numbers: hits) up to :data:`MOST_ROWS` documents; beyond, themes ×
    outlets from ``by_outlet`` (:func:`kit.themes.count` by outlet).
    """
    themes = list(dict.fromkeys(by_document.theme))
    if documents.doc_id.nunique() <= MOST_ROWS:
        table, column, names = by_document, "doc_id", display.document_labels(documents, headline_words=0)
        xlabel, unit = "article (outlet · publication date)", "document"
    else:
        table, column, names = by_outlet, "outlet", {}
        xlabel, unit = "outlet", "outlet"
    grid = table.pivot(index="theme", columns=column, values=value).loc[themes]
    hits = table.pivot(index="theme", columns=column, values="hits").loc[themes]
    return plots.heatmap_figure(
        grid,
        hits,
        column_labels=[names.get(str(c), str(c)) for c in grid.columns],
        colorbar_label=value,
        title=f"Themes by {unit} (colour: {value}; numbers: hits)",
        xlabel=xlabel,
        ylabel="theme",
    )


def _stacked(
    when: pd.Series, outlets: pd.Series, colours: Mapping[str, Colour], step: str, what: str, title: str
) -> Figure:
    """Counts per ``step`` (month "M" or year "Y") as bars stacked by outlet, the smallest outlets as one."""
    largest = outlets.value_counts().sort_index().sort_values(ascending=False, kind="stable")
    kept = list(largest.index[:LEGEND_OUTLETS])
    grouped = outlets.where(outlets.isin(kept), OTHER)
    table = pd.crosstab(when.to_numpy(), grouped.to_numpy())
    table = table.reindex(columns=[o for o in [*kept, OTHER] if o in table.columns])
    full = pd.date_range(table.index.min(), table.index.max(), freq="MS" if step == "M" else "YS")
    table = table.reindex(full, fill_value=0)
    width = 25 if step == "M" else 300
    fig, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
    bottom = pd.Series(0, index=table.index)
    for outlet in table.columns:
        colour = colours.get(outlet, (0.6, 0.6, 0.6))
        ax.bar(table.index, table[outlet], width=width, bottom=bottom, color=colour, label=outlet, align="edge")
        bottom += table[outlet]
    ax.set_ylabel(what)
    ax.set_title(title)
    ax.legend(fontsize=7, loc="upper left", ncols=2)
    return fig
