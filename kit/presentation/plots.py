"""The report charts' shared drawing: outlet colours, labels kept inside the frame, readable heatmap numbers
(themes × documents, or × outlets beyond :data:`MOST_ROWS` documents) and tone means drawn with their units and
an interval. The time axes (publications, events) are in :mod:`kit.presentation.timeline_plots`.

Each function draws the kit's plain frames; none computes an analysis. Everything is deterministic (sorted
names, seeded resampling), so a report's SVG is the same on every run (see
:func:`kit.presentation.outputs.setup_plots`).
"""

from __future__ import annotations

import colorsys
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from kit.analyses.intervals import mean_interval
from kit.presentation import display

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.image import AxesImage
    from matplotlib.text import Text

Colour = tuple[float, float, float]
BLUE, RED = "#4c72b0", "#c44e52"
# The strips' jitter and dot samples are seeded, as the intervals are (kit.analyses.intervals), so every run draws the
# same.
JITTER_SEED = 0
# A strip draws at most this many dots per row (a seeded sample beyond; its mean and interval use every unit).
MOST_DOTS = 400
# The event timeline draws a key of outlet colours up to this many outlets.
LEGEND_OUTLETS = 10
# A heatmap with more columns than this turns its column labels upright.
FEW_COLUMNS = 8
# A chart with one row (or column) per document or event draws at most this many; beyond, it draws counts.
MOST_ROWS = 60


def outlet_colours(outlets: Iterable[str]) -> dict[str, Colour]:
    """One colour per outlet, for any number of outlets; the same names always get the same colours.

    Up to 10 outlets take matplotlib's ``tab10``, up to 20 ``tab20``; beyond that hues step round the colour
    wheel by the golden angle, alternating lightness, so neighbours in the sorted list stay apart.
    """
    names = sorted({str(name) for name in outlets})
    if len(names) <= 10:
        palette = [tuple(c[:3]) for c in plt.get_cmap("tab10").colors]  # type: ignore[attr-defined]
    elif len(names) <= 20:
        palette = [tuple(c[:3]) for c in plt.get_cmap("tab20").colors]  # type: ignore[attr-defined]
    else:
        palette = [colorsys.hls_to_rgb((i * 0.618034) % 1.0, 0.42 + 0.16 * (i % 2), 0.65) for i in range(len(names))]
    return {name: (float(c[0]), float(c[1]), float(c[2])) for name, c in zip(names, palette, strict=False)}


def wrap(label: str, width: int = 18) -> str:
    """A tick label broken into lines of at most ``width`` characters (long outlet names)."""
    return "\n".join(textwrap.wrap(label, width=width, break_long_words=True)) or label


def keep_inside(ax: Axes, texts: Sequence[Text], *, margin: float = 0.02) -> None:
    """Widen the x limits until every text (e.g. bar labels) lies inside the axes frame, off the tick labels."""
    if not texts:
        return
    figure = ax.figure
    for _ in range(6):
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        to_data = ax.transData.inverted()
        lows, highs = [], []
        for text in texts:
            box = text.get_window_extent(renderer)
            (x0, _), (x1, _) = to_data.transform([(box.x0, box.y0), (box.x1, box.y1)])
            lows.append(x0)
            highs.append(x1)
        left, right = ax.get_xlim()
        span = right - left
        wanted = (min(left, min(lows) - margin * span), max(right, max(highs) + margin * span))
        if wanted[0] >= left and wanted[1] <= right:
            return
        ax.set_xlim(*wanted)


def signed_bars(
    ax: Axes, names: Sequence[str], values: Sequence[float], labels: Sequence[str], *, xlabel: str, title: str
) -> None:
    """Horizontal bars, blue for positive and red for negative values, each labelled at its end inside the frame."""
    colours = [RED if value < 0 else BLUE for value in values]
    bars = ax.barh(list(names), list(values), color=colours)
    texts = ax.bar_label(bars, labels=list(labels), padding=3, fontsize=8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    keep_inside(ax, texts)


def text_colour(background: Sequence[float]) -> str:
    """Black or white, whichever contrasts more with an RGB(A) background (WCAG relative luminance)."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in background[:3]]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "white" if (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / 0.05) else "black"


def heatmap(
    ax: Axes,
    values: pd.DataFrame,
    numbers: pd.DataFrame,
    *,
    column_labels: Sequence[str],
    cmap: str = "Blues",
) -> AxesImage:
    """``values`` as coloured cells with ``numbers`` written in them, each in black or white by its cell's colour.

    Args:
        ax: the axes drawn on.
        values: the colours' values (rows × columns).
        numbers: what each cell says, the same shape (e.g. hits while the colour shows per_1k).
        column_labels: one label per column (outlet and date, not a hashed id), wrapped to fit.
        cmap: a matplotlib colour map.
    """
    image = ax.imshow(values.to_numpy(dtype=float), cmap=cmap, aspect="auto")
    for row in range(values.shape[0]):
        for col in range(values.shape[1]):
            background = image.cmap(image.norm(values.to_numpy(dtype=float)[row, col]))
            shown = numbers.iat[row, col]
            ax.text(col, row, str(shown), ha="center", va="center", fontsize=8, color=text_colour(background))
    if values.shape[1] <= FEW_COLUMNS:
        width = max(8, int(90 / max(1, values.shape[1])))
        ax.set_xticks(range(values.shape[1]), [wrap(str(label), width) for label in column_labels], fontsize=8)
    else:
        # Many columns: one label a line, turned upright, so neighbours never print over each other.
        ax.set_xticks(range(values.shape[1]), [str(label) for label in column_labels], fontsize=7, rotation=90)
    ax.set_yticks(range(values.shape[0]), [str(name) for name in values.index])
    return image


def heatmap_figure(
    values: pd.DataFrame,
    numbers: pd.DataFrame,
    *,
    column_labels: Sequence[str],
    colorbar_label: str,
    title: str,
    xlabel: str,
    ylabel: str,
) -> Figure:
    """A :func:`heatmap` on a figure sized to its rows and columns (wider, and room for upright labels, when many)."""
    columns, rows = values.shape[1], values.shape[0]
    many = columns > FEW_COLUMNS
    width = max(9.0, 0.38 * columns + 3) if many else 9.0
    height = 0.45 * rows + (4.5 if many else 2.2)
    figure, ax = plt.subplots(figsize=(width, height), layout="constrained")
    image = heatmap(ax, values, numbers, column_labels=column_labels)
    figure.colorbar(image, ax=ax, label=colorbar_label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return figure


def themes_heatmap(
    by_document: pd.DataFrame, by_outlet: pd.DataFrame, documents: pd.DataFrame, *, value: str
) -> Figure:
    """Themes × documents (colour: ``value``; numbers: hits) up to :data:`MOST_ROWS` documents; beyond, themes ×
    outlets from ``by_outlet`` (:func:`kit.analyses.themes.count` by outlet).
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
    return heatmap_figure(
        grid,
        hits,
        column_labels=[names.get(str(c), str(c)) for c in grid.columns],
        colorbar_label=value,
        title=f"Themes by {unit} (colour: {value}; numbers: hits)",
        xlabel=xlabel,
        ylabel="theme",
    )


def strip_with_mean(
    ax: Axes, units: pd.DataFrame, *, group: str, order: Sequence[str], value: str = "compound"
) -> None:
    """Every unit as a dot (a seeded sample of :data:`MOST_DOTS` in a larger row), and per group its mean (diamond)
    with its interval (:func:`kit.analyses.intervals.mean_interval`) of every unit; each row says its n.

    Args:
        ax: the axes drawn on.
        units: one row per unit, with the ``group`` and ``value`` columns.
        group: the column naming each row of the chart (e.g. voice).
        order: the groups drawn, top to bottom; a group without units is a row saying n=0.
        value: the column of the values.
    """
    counts = _strips(ax, units, group=group, order=order, value=value)
    ax.set_yticks(range(len(order)), [f"{name} (n={n})" for name, n in zip(order, counts, strict=True)], fontsize=8)


def _strips(ax: Axes, units: pd.DataFrame, *, group: str, order: Sequence[str], value: str) -> list[int]:
    """Draws the rows of :func:`strip_with_mean`; returns each row's n."""
    rng = np.random.default_rng(JITTER_SEED)
    counts = []
    for position, name in enumerate(order):
        chosen = units.loc[units[group] == name, value].to_numpy(dtype=float)
        counts.append(len(chosen))
        if not len(chosen):
            continue
        dots = rng.choice(chosen, size=MOST_DOTS, replace=False) if len(chosen) > MOST_DOTS else chosen
        jitter = rng.uniform(-0.22, 0.22, size=len(dots))
        ax.scatter(dots, position + jitter, s=14, color=BLUE, alpha=0.45, linewidths=0, zorder=2)
        mean, low, high = mean_interval(chosen)
        ax.errorbar(mean, position, xerr=[[mean - low], [high - mean]], fmt="D", color="black", capsize=4, zorder=3)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    return counts


def tone_panels(units: pd.DataFrame, *, by: str, groups: Sequence[str], voices: Sequence[str], title: str) -> Figure:
    """Tone by ``by`` (outlet, period) and voice: one panel per voice side by side, one row per group in each.

    Each row shows every unit, the mean with its 95% interval and its n (at the row's left end), so a corpus
    of forty outlets is forty rows, not forty panels.
    """
    figure, axes = plt.subplots(
        1,
        max(1, len(voices)),
        figsize=(10, 0.3 * len(groups) + 1.6),
        sharey=True,
        squeeze=False,
        layout="constrained",
    )
    for ax, voice in zip(axes[0], voices, strict=False):
        counts = _strips(ax, units[units.voice == voice], group=by, order=groups, value="compound")
        for row, n in enumerate(counts):
            ax.text(-1.0, row, f"n={n}", ha="left", va="center", fontsize=7, color="#555", zorder=4)
        ax.set_title(voice, fontsize=9)
        ax.tick_params(axis="x", labelsize=7)
    axes[0][0].set_yticks(range(len(groups)), [wrap(str(name), 30) for name in groups], fontsize=8)
    figure.supxlabel(TONE_AXIS, fontsize=9)
    figure.suptitle(title)
    return figure


TONE_AXIS = "VADER compound (-1 … +1); dots: units, diamond: mean with 95% bootstrap interval"
