"""The analysis notebooks' explorers: a theme's KWIC lines, a voice's tone units, the events of a range of years."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import pandas as pd

from kit.analyses import chronology
from kit.days import days, drawable, span, year_start
from kit.errors import KitError
from kit.presentation import display as kit_display
from kit.presentation.explore.panel import (
    EVERY,
    MAX_VIEW_ROWS,
    Control,
    Explorer,
    View,
    _bars,
    _check_columns,
    _interactive,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes


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
        kwic_lines: :func:`kit.analyses.kwic.kwic` for every theme (doc_id, sentence_id, start, end, theme, left,
            match, right).
        by_outlet: :func:`kit.analyses.themes.count` with ``by="outlet"`` (outlet, theme, hits, per_1k).
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
        scores: :func:`kit.analyses.tone.score_units` (or :func:`kit.analyses.tone.select_units` of it): doc_id,
            sentence_id, start, end, voice, speaker, compound, top_words, text.
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
        events: :func:`kit.analyses.chronology.events` (doc_id, outlet, sentence_id, start, end, expression,
            date_start, date_end, granularity, sentence).
        publications: :func:`kit.analyses.chronology.publications` (doc_id, first_day), the ticks on each row.
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
