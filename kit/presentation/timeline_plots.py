"""Publications and the events articles mention, on a time axis: a row per article or event while they fit a
page (≤ :data:`~kit.presentation.plots.MOST_ROWS`), counts per month or year stacked by outlet beyond; and the formulas
of China–DPRK relations by publication year, a row per formula, coloured by who says them.

Five seed articles draw a dot per article; a 100,000-article archive would draw a figure 50,000 inches tall,
so each chart picks its form by the number of rows and says which in its title. The tables beside a chart keep
every row either way. Days are drawn through :mod:`kit.days`, so an event of 1636 or of 2262 is drawn like any
other (pandas' nanosecond timestamps stop at 1677 and 2262).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from kit.analyses import formulas
from kit.days import day, days, drawable, span, year_start
from kit.presentation.plots import BLUE, LEGEND_OUTLETS, MOST_ROWS, RED, Colour, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

OTHER = "other outlets"
# The formulas chart: a colour per side (PRC red, DPRK blue), and where each side's dot sits within its year.
SIDE_COLOURS = dict(zip(formulas.SIDE_ORDER, (RED, BLUE, "#55a868", "#222222"), strict=True))
SIDE_OFFSETS = dict(zip(formulas.SIDE_ORDER, (-0.27, -0.09, 0.09, 0.27), strict=True))


def publication_timeline(chosen: pd.DataFrame, *, colours: Mapping[str, Colour], labels: Mapping[str, str]) -> Figure:
    """Every publication as a dot (a day) or a bar (a month-precision date), one row per article; with more
    than :data:`~kit.presentation.plots.MOST_ROWS` articles, publications per month stacked by outlet.

    Args:
        chosen: :func:`kit.analyses.chronology.publications` rows (doc_id, outlet, published_precision, first_day,
            last_day).
        colours: a colour per outlet (:func:`kit.presentation.plots.outlet_colours`).
        labels: a short label per doc_id (:func:`kit.presentation.display.document_labels` without headline).
    """
    if len(chosen) > MOST_ROWS:
        months = days(chosen.first_day.str[:7] + "-01")
        return _stacked(months, chosen.outlet, colours, "M", "articles", "Publications per month, by outlet")
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(chosen) + 1.4))
    rows: Iterable[Any] = chosen.itertuples()  # pandas types each field as any scalar; matplotlib takes dates
    for y, row in enumerate(rows):
        first: Any = day(row.first_day).to_datetime64()
        last: Any = (day(row.last_day) + span(1)).to_datetime64()
        if row.published_precision == "month":
            ax.barh(y, last - first, left=first, height=0.5, color=colours[row.outlet], edgecolor="black")
        else:
            ax.plot(first, y, "o", markersize=9, color=colours[row.outlet], markeredgecolor="black")
    ax.set_yticks(range(len(chosen)), [labels[d] for d in chosen.doc_id], fontsize=8)
    low, high = days(chosen.first_day).min(), days(chosen.last_day).max()
    pad = max(span(45), (high - low) * 0.06)
    limits: Any = (np.datetime64(low - pad), np.datetime64(high + pad))
    ax.set_xlim(*limits)
    # Matplotlib's dates module has no type annotations.
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))  # type: ignore[no-untyped-call]
    ax.margins(y=0.2)
    ax.invert_yaxis()
    ax.set_xlabel("publication date")
    ax.set_title("Publication dates (dot: a day; bar: a month-precision date)")
    return fig


def publication_window(first_days: Iterable[Any], last_days: Iterable[Any]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The timeline's focus: from January of the year before the first publication to the end of the year after.

    What the articles call "last year" and "next year" stays inside the window.
    """
    first = min(day(value) for value in first_days)
    last = max(day(value) for value in last_days)
    return year_start(first.year - 1), year_start(last.year + 2)


def event_timeline(
    events: pd.DataFrame,
    publications: pd.DataFrame,
    *,
    colours: Mapping[str, Colour],
    labels: Mapping[str, str],
) -> Figure:
    """Events as rows across the publication window, with older history in its own narrower panel on the left;
    with more than :data:`~kit.presentation.plots.MOST_ROWS` events, the events counted by the year they start, by
    outlet.

    Args:
        events: :func:`kit.analyses.chronology.events` rows (doc_id, outlet, sentence_id, expression, date_start,
            date_end).
        publications: :func:`kit.analyses.chronology.publications` (doc_id, first_day, last_day): the black tick per
            row.
        colours: a colour per outlet (:func:`outlet_colours`).
        labels: a short label per doc_id (:func:`kit.presentation.display.document_labels` without headline).

    Returns:
        The figure: spans of more than two months as bars, shorter ones as diamonds at their first day; a
        row's label names its document, the expression and its sentence.
    """
    if len(events) > MOST_ROWS:
        return _events_per_year(events, colours)
    published = publications.set_index("doc_id")
    window = publication_window(published.first_day, published.last_day)
    starts = days(events.date_start)
    ends = days(events.date_end) + span(1)
    history = bool((starts < window[0]).any())
    # Two years' room before the oldest event, so a bar that starts there is not drawn on the frame.
    earliest = starts.min() - span(730) if history else window[0]
    latest = max([window[1], *ends])
    ranges = ([(earliest, window[0])] if history else []) + [(window[0], min(latest, window[1]))]
    ratios = [1, 3] if history else [1]
    # Constrained layout keeps the title, the panels' titles and the shared x label off each other however tall.
    figure, axes = plt.subplots(
        1,
        len(ranges),
        figsize=(10, 0.24 * len(events) + 1.8),
        sharey=True,
        squeeze=False,
        width_ratios=ratios,
        layout="constrained",
    )
    rows = np.arange(len(events))
    spans = (ends - starts).to_numpy()
    long = spans > np.timedelta64(62, "D")
    colour = [colours.get(str(o), (0.5, 0.5, 0.5)) for o in events.outlet]
    ticks = days(events.doc_id.map(published.first_day))
    at, tick_at = drawable(starts), drawable(ticks)
    for ax, (low, high) in zip(axes[0], ranges, strict=True):
        # Only what overlaps the panel: a marker just outside its limits would show half a diamond at the edge.
        inside = ((starts < high) & (ends > low)).to_numpy()
        bars, short = rows[long & inside], rows[~long & inside]
        ax.barh(bars, spans[bars], left=at[bars], height=0.7, color=[colour[i] for i in bars])
        ax.scatter(at[short], short, s=28, marker="D", color=[colour[i] for i in short], zorder=3)
        drawn = ((ticks >= low) & (ticks < high)).to_numpy()
        ax.plot(tick_at[drawn], rows[drawn], "|", color="black", markersize=9)
        limits: Any = (np.datetime64(low), np.datetime64(high))
        ax.set_xlim(*limits)
        # Matplotlib's dates module has no type annotations.
        locator = mdates.AutoDateLocator(minticks=2, maxticks=4 if history and ax is axes[0][0] else 10)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        ax.grid(axis="x", color="#e1e3e6", linewidth=0.6)
        ax.tick_params(axis="x", labelsize=8)
    if history:
        _break_marks(axes[0][0], axes[0][1])
        axes[0][0].set_title(f"before {window[0].year} (own scale)", fontsize=9)
        axes[0][1].set_title(f"{window[0].year}–{window[1].year - 1}: the publication window", fontsize=9)
    names = [
        f"{labels.get(str(r.doc_id), str(r.doc_id))} · “{r.expression}” (s{r.sentence_id})" for r in events.itertuples()
    ]
    axes[0][0].set_yticks(rows, names, fontsize=7)
    axes[0][0].set_ylim(len(events) - 0.5, -0.5)
    axes[0][0].set_ylabel("event: document · expression (sentence)")
    axes[0][-1].set_xlabel("date of the mentioned event (black tick: the article's publication)", fontsize=9)
    drawn = [str(o) for o in dict.fromkeys(events.outlet) if o in colours]
    # Every row's label names its outlet; a key helps only while there are few colours to tell apart.
    if 0 < len(drawn) <= LEGEND_OUTLETS:
        handles = [Rectangle((0, 0), 1, 1, color=colours[o]) for o in drawn]
        figure.legend(handles, drawn, fontsize=7, loc="outside lower center", ncols=min(3, len(drawn)))
    figure.suptitle("Events the articles mention (bars: spans over two months; diamonds: shorter)")
    return figure


def _break_marks(left: Axes, right: Axes) -> None:
    """Diagonal strokes where the history panel's axis stops and the window's begins (a broken axis)."""
    left.spines["right"].set_visible(False)
    right.spines["left"].set_visible(False)
    right.tick_params(axis="y", left=False)
    stroke = [(-1.0, -1.5), (1.0, 1.5)]
    for ax, x in ((left, 1), (right, 0)):
        ax.plot([x, x], [0, 1], transform=ax.transAxes, marker=stroke, markersize=9, linestyle="none", color="black")
        ax.lines[-1].set_clip_on(False)


def _events_per_year(events: pd.DataFrame, colours: Mapping[str, Colour]) -> Figure:
    years = days(events.date_start.str[:4] + "-01-01")
    title = f"Events the articles mention, by the year they start ({len(events):,} events)"
    return _stacked(years, events.outlet, colours, "Y", "events", title)


def _stacked(
    when: pd.Series, outlets: pd.Series, colours: Mapping[str, Colour], step: str, what: str, title: str
) -> Figure:
    """Counts per ``step`` (month "M" or year "Y") as bars stacked by outlet, the smallest outlets as one."""
    largest = outlets.value_counts().sort_index().sort_values(ascending=False, kind="stable")
    kept = list(largest.index[:LEGEND_OUTLETS])
    grouped = outlets.where(outlets.isin(kept), OTHER)
    table = pd.crosstab(when.to_numpy(), grouped.to_numpy())
    table = table.reindex(columns=[o for o in [*kept, OTHER] if o in table.columns])
    full = pd.date_range(table.index.min(), table.index.max(), freq="MS" if step == "M" else "YS", unit="s")
    table = table.reindex(full, fill_value=0)
    width = 25 if step == "M" else 300
    fig, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
    bottom = pd.Series(0, index=table.index)
    at = drawable(table.index)
    for outlet in table.columns:
        colour = colours.get(outlet, (0.6, 0.6, 0.6))
        ax.bar(at, table[outlet], width=width, bottom=bottom, color=colour, label=outlet, align="edge")
        bottom += table[outlet]
    ax.set_ylabel(what)
    ax.set_title(title)
    ax.legend(fontsize=7, loc="upper left", ncols=2)
    return fig


def formula_years(timeline: pd.DataFrame, by_year_voice: pd.DataFrame) -> Figure:
    """When each formula appears and disappears: a row per formula, a column per publication year of the corpus.

    Args:
        timeline: :func:`kit.analyses.formulas.timeline` (formula, label, year, articles, occurrences …; every year with
            articles, zeros kept).
        by_year_voice: :func:`kit.analyses.formulas.counts` by year and voice.

    Returns:
        The figure: per year a dot for each side that used the formula (PRC officials, DPRK officials, other
        quoted voices, narration), its area growing with the occurrences and the number beside it; a small grey
        dot where the year has articles but no occurrence; a thin line from the first year to the last. The x
        labels give each year's articles, so absence in a thin year reads as such. Years without articles have
        no column.
    """
    names = list(dict.fromkeys(timeline.formula))
    labels = dict(zip(timeline.formula, timeline.label, strict=False))
    years = sorted(set(timeline.year))
    articles = timeline.drop_duplicates("year").set_index("year").articles
    column = {year: i for i, year in enumerate(years)}
    totals = timeline.groupby("formula", sort=False).occurrences.sum()
    width = max(8.0, 0.9 * len(years) + 5)
    figure, ax = plt.subplots(figsize=(width, 0.36 * len(names) + 2.0), layout="constrained")
    for row, name in enumerate(names):
        mine = timeline[(timeline.formula == name)]
        absent = mine[mine.occurrences == 0]
        ax.scatter([column[y] for y in absent.year], [row] * len(absent), s=6, color="#c0c0c0", zorder=2)
        present = [column[y] for y in mine[mine.occurrences > 0].year]
        if present:
            ax.plot([min(present), max(present)], [row, row], color="#d0d0d0", linewidth=1, zorder=1)
    sides = by_year_voice.assign(side=by_year_voice.voice.map(formulas.voice_side))
    per_side = sides.groupby(["formula", "year", "side"], sort=False).occurrences.sum().reset_index()
    rows = {name: i for i, name in enumerate(names)}
    points: Iterable[Any] = per_side[per_side.formula.isin(rows)].itertuples(index=False)  # any scalar per field
    for point in points:
        x, y, n = column[int(point.year)] + SIDE_OFFSETS[point.side], rows[point.formula], int(point.occurrences)
        ax.scatter([x], [y], s=22 * np.sqrt(n) + 10, color=SIDE_COLOURS[point.side], zorder=3, linewidths=0)
        if n > 1:
            ax.text(x, y - 0.32, str(n), ha="center", va="bottom", fontsize=6, color="#333", zorder=4)
    ax.set_yticks(range(len(names)), [f"{wrap(str(labels[n]), 44)} ({int(totals[n])})" for n in names], fontsize=7)
    ax.set_ylim(len(names) - 0.5, -0.7)
    counted = [f"{y}\n{int(articles[y])} article{'s' if int(articles[y]) != 1 else ''}" for y in years]
    ax.set_xticks(range(len(years)), counted, fontsize=7)
    ax.set_xlim(-0.6, len(years) - 0.4)
    ax.grid(axis="x", color="#eeeeee", linewidth=0.6)
    handles = [Line2D([], [], marker="o", linestyle="", color=SIDE_COLOURS[s], label=s) for s in formulas.SIDE_ORDER]
    handles.append(Line2D([], [], marker="o", linestyle="", markersize=3, color="#c0c0c0", label="no occurrence"))
    figure.legend(handles=handles, fontsize=7, loc="outside lower center", ncols=len(handles) if len(years) > 4 else 3)
    ax.set_xlabel("publication year (articles published that year)", fontsize=8)
    ax.set_title("When each formula appears, and from whose mouth (dot area: occurrences)", fontsize=10)
    return figure
