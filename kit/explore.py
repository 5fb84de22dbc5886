"""Explorers: pick a theme, a voice or a date range and see the rows behind it, without editing code.

Each explorer takes the kit's plain frames (KWIC lines and outlet counts from :mod:`kit.themes`, tone units
from :mod:`kit.tone`, events and publications from :mod:`kit.chronology`) and only selects from them; it never
computes an analysis of its own. Shown in JupyterLab (or any frontend a person types into) it is a row of
ipywidgets controls above a panel the controls refresh: a table of rows and a chart. In a headless run
(papermill, nbconvert, CI) it shows the same table and chart for its initial selection as plain outputs —
no widget, so the reports stay static, script-free and byte-identical.

    explorer = explore.themes(kwic_lines, by_outlet, corpus.documents)
    explorer            # the last expression of a cell shows it
    panel = explorer.build()
    panel.controls["theme"].value = "sanctions"   # what a click does; panel.output.value is refreshed
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import pandas as pd

from kit import chronology
from kit import concordance as concordancer
from kit import display as kit_display
from kit.days import days, drawable, span, year_start
from kit.errors import KitError
from kit.types import Prepared

if TYPE_CHECKING:
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# The first option of a picker that does not narrow the rows.
EVERY = "(every)"
# At most this many rows in a panel's table (the heading and the chart count all of them); fewer in a static
# report, which shows only the initial selection.
MAX_VIEW_ROWS = 60
STATIC_ROWS = 15


@dataclass(frozen=True)
class Control:
    """One picker: a dropdown of ``options``, a range slider when ``kind`` is "range" (value is a pair), or a text
    box when ``kind`` is "text" (any string; ``options`` unused).

    A picker whose choices depend on another one names it in ``follows`` and gives ``options_for``, the
    choices for each of its values (the word picker offers only the chosen theme's words); when the other
    picker changes, this one's options are replaced and its value goes back to the first option.
    """

    name: str
    label: str
    options: tuple[Any, ...]
    value: Any
    kind: str = "dropdown"
    follows: str = ""
    options_for: Callable[[Any], tuple[Any, ...]] | None = None


@dataclass(frozen=True)
class View:
    """What one selection shows: a heading, the rows behind it, and a chart drawn from them."""

    heading: str
    rows: pd.DataFrame
    draw: Callable[[Axes], None] | None = None
    height: float = 3.2
    # The corpus's documents, so the shown table names each row's document (its doc_id stays in ``rows``).
    documents: pd.DataFrame | None = None


@dataclass(frozen=True)
class Panel:
    """The live widgets of an explorer: ``controls`` by name, the HTML ``output`` they refresh, the whole ``box``."""

    controls: Mapping[str, Any]
    output: Any
    box: Any


@dataclass(frozen=True)
class Explorer:
    """Controls and the function from their values to a :class:`View`; shown as widgets or as static outputs."""

    controls: tuple[Control, ...]
    view: Callable[..., View]
    interactive: bool = False

    def initial(self) -> View:
        """The view of the controls' initial values (what a headless run shows)."""
        return self.view(**{control.name: control.value for control in self.controls})

    def build(self) -> Panel:
        """Create the widgets and wire each control to refresh the panel (needs ipywidgets, no frontend)."""
        import ipywidgets as widgets

        made = {control.name: _widget(widgets, control) for control in self.controls}
        output = widgets.HTML(value=view_html(self.initial()))

        def refresh(_change: object = None) -> None:
            output.value = view_html(self.view(**{name: made[name].value for name in made}))

        for control in self.controls:
            if control.follows:
                made[control.follows].observe(_replace_options(made[control.name], control), names="value")
        for control in made.values():
            control.observe(refresh, names="value")
        box = widgets.VBox([widgets.HBox(list(made.values())), output])
        return Panel(controls=made, output=output, box=box)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        if self.interactive:
            display(self.build().box)
        else:
            show_static(self.initial())


def _replace_options(widget: Any, control: Control) -> Callable[[Mapping[str, Any]], None]:
    def replace(change: Mapping[str, Any]) -> None:
        # Replacing the options resets the value to the first option, which refreshes the panel once.
        options_for = control.options_for
        assert options_for is not None, "a control that follows another gives options_for"
        widget.options = list(options_for(change["new"]))

    return replace


def _widget(widgets: Any, control: Control) -> Any:
    if control.kind == "text":  # typed in, read when the person presses Enter or leaves the box
        return widgets.Text(value=control.value, description=control.label, continuous_update=False)
    if control.kind == "range":
        return widgets.SelectionRangeSlider(
            options=list(control.options), value=control.value, description=control.label, continuous_update=False
        )
    return widgets.Dropdown(options=list(control.options), value=control.value, description=control.label)


def has_frontend() -> bool:
    """True inside a kernel whose current request comes from a person's frontend.

    JupyterLab, Notebook and VS Code send their requests with ``allow_stdin`` (a person can answer
    ``input()``); papermill and nbconvert (nbclient) do not, and plain Python has no kernel at all.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with ipykernel
        return False
    shell: InteractiveShell | None = get_ipython()
    kernel = getattr(shell, "kernel", None)
    if kernel is None or not hasattr(kernel, "get_parent"):
        return False
    parent = kernel.get_parent() or {}
    return bool(parent.get("content", {}).get("allow_stdin", False))


def _interactive(interactive: bool | None) -> bool:
    return has_frontend() if interactive is None else interactive


def show_static(view: View) -> None:
    """Display a view as plain outputs: the heading, the table, the chart (SVG through the inline backend)."""
    from IPython.display import display

    shown = f" (the first {STATIC_ROWS} rows)" if len(view.rows) > STATIC_ROWS else ""
    print(f"{view.heading}{shown}; open the notebook in JupyterLab to change the selection")
    display(kit_display.table(view.rows.head(STATIC_ROWS), documents=view.documents))
    if view.draw is not None:
        figure = _figure(view.draw, view.height)
        display(figure)
        plt.close(figure)


def view_html(view: View) -> str:
    """A view as one HTML fragment for the widget panel: article text escaped by pandas, the chart as SVG."""
    parts = [
        f"<h4>{html.escape(view.heading, quote=False)}</h4>",
        kit_display.to_html(kit_display.readable(view.rows.head(MAX_VIEW_ROWS), documents=view.documents)),
    ]
    if view.draw is not None:
        figure = _figure(view.draw, view.height)
        svg = io.StringIO()
        figure.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(figure)
        parts.append(svg.getvalue()[svg.getvalue().index("<svg") :])
    return "\n".join(parts)


def _figure(draw: Callable[[Axes], None], height: float) -> Figure:
    figure, axes = plt.subplots(figsize=(8, height))
    draw(axes)
    figure.tight_layout()
    return figure


def _bars(values: pd.Series, labels: Sequence[str], *, xlabel: str, title: str) -> Callable[[Axes], None]:
    def draw(axes: Axes) -> None:
        bars = axes.barh([str(name) for name in values.index], values.to_numpy(), color="#4c72b0")
        axes.bar_label(bars, labels=list(labels), padding=3, fontsize=8)
        axes.axvline(0, color="black", linewidth=0.8)
        axes.invert_yaxis()
        axes.set_xlabel(xlabel)
        axes.set_title(title)

    return draw


def _check_columns(frame: pd.DataFrame, needed: Sequence[str], what: str) -> None:
    missing = [column for column in needed if column not in frame.columns]
    if missing:
        raise KitError(f"explore: {what} has no column {missing[0]!r} (needs {', '.join(needed)})")


# --- themes ----------------------------------------------------------------------------------------------


def themes(
    kwic_lines: pd.DataFrame,
    by_outlet: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    theme: str | None = None,
    interactive: bool | None = None,
) -> Explorer:
    """A theme picker and a word picker (the theme's matched words) over the KWIC lines, with the theme per outlet.

    Args:
        kwic_lines: :func:`kit.kwic.kwic` for every theme (doc_id, sentence_id, start, end, theme, left,
            match, right).
        by_outlet: :func:`kit.themes.count` with ``by="outlet"`` (outlet, theme, hits, per_1k).
        documents: the corpus's documents (doc_id, outlet), to name each line's outlet.
        theme: the theme shown first (default: the first of ``by_outlet``).
        interactive: widgets (True), static outputs (False), or ask :func:`has_frontend` (None).

    Raises:
        KitError: a frame without the columns above, no theme at all, or an unknown ``theme``.
    """
    _check_columns(kwic_lines, ["doc_id", "sentence_id", "start", "end", "theme", "left", "match", "right"], "kwic")
    _check_columns(by_outlet, ["outlet", "theme", "hits", "per_1k"], "by_outlet")
    names = tuple(dict.fromkeys(by_outlet.theme))
    if not names:
        raise KitError("explore.themes: the outlet counts hold no theme")
    if theme is not None and theme not in names:
        raise KitError(f"explore.themes: theme {theme!r} is not one of {', '.join(names)}")
    outlets = dict(zip(documents.doc_id, documents.outlet, strict=True))
    lines = kwic_lines.assign(outlet=kwic_lines.doc_id.map(outlets), word=kwic_lines.match.str.lower())

    def words_of(theme: str) -> tuple[str, ...]:
        return (EVERY, *sorted(set(lines.word[lines.theme == theme])))

    def view(theme: str, word: str) -> View:
        chosen = lines[lines.theme == theme]
        if word != EVERY:
            chosen = chosen[chosen.word == word]
        counts = by_outlet[by_outlet.theme == theme].set_index("outlet")
        rate = counts.per_1k.sort_values(ascending=False, kind="stable")
        heading = f"{theme}" + ("" if word == EVERY else f" · '{word}'") + f": {len(chosen)} KWIC lines"
        draw = _bars(
            rate,
            [f"{n} hits" for n in counts.hits[rate.index]],
            xlabel="weighted hits per 1,000 word tokens",
            title=f"{theme} by outlet (all its entries)",
        )
        columns = ["doc_id", "sentence_id", "start", "end", "outlet", "left", "match", "right"]
        return View(heading=heading, rows=chosen[columns].reset_index(drop=True), draw=draw, documents=documents)

    return Explorer(
        controls=(
            Control("theme", "theme", names, theme or names[0]),
            Control("word", "word", words_of(theme or names[0]), EVERY, follows="theme", options_for=words_of),
        ),
        view=view,
        interactive=_interactive(interactive),
    )


# --- tone ------------------------------------------------------------------------------------------------


def tone(
    scores: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    voice: str = EVERY,
    interactive: bool | None = None,
) -> Explorer:
    """A voice and an outlet picker over the tone units, listing each unit's score and driving words.

    Args:
        scores: :func:`kit.tone.score_units` (or :func:`kit.tone.select_units` of it): doc_id, sentence_id, start, end,
            voice, speaker, compound, top_words, text.
        documents: the corpus's documents (doc_id, outlet).
        voice: the voice shown first (default: every voice).
        interactive: widgets (True), static outputs (False), or ask :func:`has_frontend` (None).

    Raises:
        KitError: a frame without the columns above, or a ``voice`` the units do not have.
    """
    columns = ["doc_id", "sentence_id", "start", "end", "voice", "speaker", "compound", "top_words", "text"]
    _check_columns(scores, columns, "scores")
    outlets = dict(zip(documents.doc_id, documents.outlet, strict=True))
    units = scores.assign(outlet=scores.doc_id.map(outlets))
    voices = (EVERY, *dict.fromkeys(units.voice))
    if voice not in voices:
        raise KitError(f"explore.tone: voice {voice!r} is not one of {', '.join(voices)}")

    def view(voice: str, outlet: str) -> View:
        chosen = units
        if voice != EVERY:
            chosen = chosen[chosen.voice == voice]
        if outlet != EVERY:
            chosen = chosen[chosen.outlet == outlet]
        by_voice = chosen.groupby("voice", sort=False).compound
        means, sizes = by_voice.mean(), by_voice.size()
        heading = f"voice {voice} · outlet {outlet}: {len(chosen)} units"
        draw = _bars(
            means, [f"n={n}" for n in sizes], xlabel="mean VADER compound (-1 … +1)", title="Tone of the chosen units"
        )
        shown = ["doc_id", "sentence_id", "start", "end", "outlet", *columns[4:]]
        ordered = chosen.sort_values(["compound", "doc_id", "start"], kind="stable")
        rows = ordered[shown].reset_index(drop=True)
        return View(heading=heading, rows=rows, draw=draw if len(chosen) else None, documents=documents)

    return Explorer(
        controls=(
            Control("voice", "voice", voices, voice),
            Control("outlet", "outlet", (EVERY, *sorted(set(units.outlet.dropna()))), EVERY),
        ),
        view=view,
        interactive=_interactive(interactive),
    )


# --- chronology ------------------------------------------------------------------------------------------


def timeline(
    events: pd.DataFrame,
    publications: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    interactive: bool | None = None,
) -> Explorer:
    """A year-range slider over the event timeline: the events overlapping the range, drawn as spans.

    Args:
        events: :func:`kit.chronology.events` (doc_id, outlet, sentence_id, start, end, expression,
            date_start, date_end, granularity, sentence).
        publications: :func:`kit.chronology.publications` (doc_id, first_day), the ticks on each row.
        documents: the corpus's documents, to name each row's document by outlet, date and headline (optional).
        interactive: widgets (True), static outputs (False), or ask :func:`has_frontend` (None).

    Raises:
        KitError: a frame without the columns above, or neither events nor publications.
    """
    needed = ["doc_id", "outlet", "sentence_id", "start", "end", "expression", "date_start", "date_end", "sentence"]
    _check_columns(events, needed, "events")
    _check_columns(publications, ["doc_id", "first_day"], "publications")
    if events.empty and publications.empty:
        raise KitError("explore.timeline: there are neither events nor publications to show")
    first = int(str(min([*events.date_start, *publications.first_day]))[:4])
    last = int(str(max([*events.date_end, *publications.first_day]))[:4])
    years = tuple(range(first, last + 1))
    published = dict(zip(publications.doc_id, publications.first_day, strict=True))
    labels = kit_display.document_labels(documents, headline_words=0) if documents is not None else {}

    def view(years: tuple[int, int]) -> View:
        chosen = chronology.filter_events(events, date_from=f"{years[0]}-01-01", date_to=f"{years[1]}-12-31")
        heading = f"events overlapping {years[0]}–{years[1]}: {len(chosen)}"
        rows = chosen[needed].reset_index(drop=True)
        draw = _spans(rows, published, years, labels) if len(rows) else None
        height = 1.5 + 0.16 * min(len(rows), MAX_VIEW_ROWS)
        return View(heading=heading, rows=rows, draw=draw, height=height, documents=documents)

    return Explorer(
        controls=(Control("years", "years", years, (years[0], years[-1]), kind="range"),),
        view=view,
        interactive=_interactive(interactive),
    )


def _spans(
    rows: pd.DataFrame, published: Mapping[str, str], years: tuple[int, int], labels: Mapping[str, str]
) -> Callable[[Axes], None]:
    shown = rows.head(MAX_VIEW_ROWS)

    def draw(axes: Axes) -> None:
        starts = days(shown.date_start)  # any year: an event of 1636 is drawn like one of 2018
        ends = days(shown.date_end) + span(1)
        positions = range(len(shown))
        axes.barh(positions, (ends - starts).to_numpy(), left=drawable(starts), height=0.6, color="#4c72b0")
        axes.plot(drawable(days(shown.doc_id.map(published))), positions, "|", color="black", markersize=8)
        names = [
            f"{labels.get(str(r.doc_id), r.outlet)} · “{r.expression}” (s{r.sentence_id})" for r in shown.itertuples()
        ]
        axes.set_yticks(positions, names)
        axes.tick_params(axis="y", labelsize=6)
        # Matplotlib converts dates through its unit registry; its stubs only list floats.
        axes.set_xlim(year_start(years[0]).to_datetime64(), year_start(years[1] + 1).to_datetime64())  # type: ignore[arg-type]
        axes.invert_yaxis()
        axes.set_xlabel("date of the mentioned event")
        axes.set_title("Events in the range (bars: their spans; ticks: publication)")

    return draw


# --- concordance -----------------------------------------------------------------------------------------

# The sort picker's choice that adds no key.
UNSORTED = "(none)"
CONCORDANCE_SHOWN = ["doc_id", "sentence_id", "start", "end", "outlet", "left", "match", "right"]


def concordance(
    prepared: Prepared,
    *,
    pattern: str = "",
    sort: Sequence[str] = ("R1", "R2", "R3"),
    outlet: str = EVERY,
    window: int = 5,
    interactive: bool | None = None,
) -> Explorer:
    """A text box for any word, phrase or glob, three sort pickers (L3…R3) and an outlet picker over its KWIC lines.

    Unlike the other explorers it computes its rows, by :func:`kit.concordance.concord`, for each pattern typed.

    Args:
        prepared: the prepared corpus.
        pattern: the pattern shown first (kit.lookup's syntax; "" shows no lines until one is typed).
        sort: the positions sorted by first (up to three of :data:`kit.concordancer.SORT_POSITIONS`).
        outlet: the outlet shown first (default: every outlet).
        window: tokens of context each side.
        interactive: widgets (True), static outputs (False), or ask :func:`has_frontend` (None).

    Raises:
        KitError: a sort position or outlet the pickers do not offer (a bad typed pattern is shown, not raised).
    """
    keys = concordancer.sort_positions(sort)
    if len(keys) > 3:
        raise KitError(f"explore.concordance: at most three sort positions, not {len(keys)}")
    outlets = (EVERY, *sorted(set(prepared.documents.outlet.dropna().astype(str))))
    if outlet not in outlets:
        raise KitError(f"explore.concordance: outlet {outlet!r} is not one of {', '.join(outlets)}")
    positions = (UNSORTED, *concordancer.SORT_POSITIONS)
    chosen_keys = (*keys, *[UNSORTED] * (3 - len(keys)))

    def view(pattern: str, sort1: str, sort2: str, sort3: str, outlet: str) -> View:
        empty = pd.DataFrame(columns=CONCORDANCE_SHOWN)
        if not pattern.strip():
            return View(heading="type a word, phrase or glob (sanction*)", rows=empty)
        by = [key for key in (sort1, sort2, sort3) if key != UNSORTED]
        selection = concordancer.Selection(outlets=() if outlet == EVERY else (outlet,))
        try:
            lines = concordancer.concord(
                prepared, pattern, sort=by, window=window, selection=selection, columns=["outlet"]
            )
        except KitError as err:  # a pattern being typed: say what is wrong, keep the panel
            return View(heading=f"{pattern!r}: {err}", rows=empty)
        order = ", ".join(by) if by else "corpus order"
        heading = f"'{pattern}' · outlet {outlet} · sorted by {order}: {len(lines)} KWIC lines"
        return View(heading=heading, rows=lines[CONCORDANCE_SHOWN], documents=prepared.documents)

    return Explorer(
        controls=(
            Control("pattern", "pattern", (), pattern, kind="text"),
            Control("sort1", "sort 1", positions, chosen_keys[0]),
            Control("sort2", "sort 2", positions, chosen_keys[1]),
            Control("sort3", "sort 3", positions, chosen_keys[2]),
            Control("outlet", "outlet", outlets, outlet),
        ),
        view=view,
        interactive=_interactive(interactive),
    )
