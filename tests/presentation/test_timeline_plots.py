"""The time axes (kit.presentation.timeline_plots): the focused event timeline, and counts instead of rows for many items."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from kit.presentation import plots, timeline_plots


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_publication_window_runs_from_the_year_before_to_the_year_after():
    low, high = timeline_plots.publication_window(["2018-03-28", "2025-09-05"], ["2018-03-28", "2025-09-05"])
    assert (low, high) == (pd.Timestamp("2017-01-01"), pd.Timestamp("2027-01-01"))


def test_older_events_get_their_own_panel_and_the_window_keeps_its_scale():
    publications = pd.DataFrame({"doc_id": ["d1"], "first_day": ["2018-03-28"], "last_day": ["2018-03-28"]})
    events = pd.DataFrame(
        {
            "doc_id": ["d1", "d1"],
            "outlet": ["Daily Star"] * 2,
            "sentence_id": [3, 9],
            "expression": ["1950-53", "last year"],
            "date_start": ["1950-01-01", "2017-01-01"],
            "date_end": ["1953-12-31", "2017-12-31"],
        }
    )
    fig = timeline_plots.event_timeline(
        events, publications, colours=plots.outlet_colours(["Daily Star"]), labels={"d1": "Daily Star · 2018-03-28"}
    )
    history, window = fig.axes[:2]
    assert matplotlib.dates.num2date(window.get_xlim()[0]).year == 2017
    assert matplotlib.dates.num2date(history.get_xlim()[1]).year == 2017
    assert matplotlib.dates.num2date(history.get_xlim()[0]).year <= 1948
    names = [t.get_text() for t in history.get_yticklabels()]
    assert names == ["Daily Star · 2018-03-28 · “1950-53” (s3)", "Daily Star · 2018-03-28 · “last year” (s9)"]
    assert len(history.patches) == 1 and len(window.patches) == 1  # each bar drawn where it lies


def test_without_older_events_there_is_one_panel():
    publications = pd.DataFrame({"doc_id": ["d1"], "first_day": ["2024-04-01"], "last_day": ["2024-04-30"]})
    events = pd.DataFrame(
        {
            "doc_id": ["d1"],
            "outlet": ["Daily Star"],
            "sentence_id": [1],
            "expression": ["April 11-13"],
            "date_start": ["2024-04-11"],
            "date_end": ["2024-04-13"],
        }
    )
    fig = timeline_plots.event_timeline(events, publications, colours={}, labels={})
    assert len(fig.axes) == 1 and fig.axes[0].get_title() == ""
    assert len(fig.axes[0].collections[0].get_offsets()) == 1  # the diamond of a three-day span


def many_events(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"d{i % 7}" for i in range(n)],
            "outlet": ["Daily Star" if i % 3 else "Evening Post" for i in range(n)],
            "sentence_id": list(range(n)),
            "expression": ["last year"] * n,
            "date_start": [f"{2000 + i % 20}-01-01" for i in range(n)],
            "date_end": [f"{2000 + i % 20}-12-31" for i in range(n)],
        }
    )


def test_more_events_than_fit_are_counted_per_year_and_outlet():
    publications = pd.DataFrame({"doc_id": ["d1"], "first_day": ["2024-04-01"], "last_day": ["2024-04-30"]})
    events = many_events(plots.MOST_ROWS + 1)
    fig = timeline_plots.event_timeline(events, publications, colours=plots.outlet_colours(events.outlet), labels={})
    ax = fig.axes[0]
    assert "by the year they start (61 events)" in ax.get_title()
    heights = sum(p.get_height() for p in ax.patches)
    assert heights == len(events) and len(ax.patches) == 2 * 20  # a bar per year and outlet
    assert (
        len(
            timeline_plots.event_timeline(events.head(plots.MOST_ROWS), publications, colours={}, labels={})
            .axes[0]
            .get_yticks()
        )
        == plots.MOST_ROWS
    )


def test_more_articles_than_fit_are_counted_per_month_the_smallest_outlets_as_one():
    n = plots.MOST_ROWS + 40
    chosen = pd.DataFrame(
        {
            "doc_id": [f"d{i:03d}" for i in range(n)],
            "outlet": [f"Outlet {i % 12:02d}" for i in range(n)],
            "published_precision": ["day"] * n,
            "first_day": [f"2024-{1 + i % 6:02d}-15" for i in range(n)],
            "last_day": [f"2024-{1 + i % 6:02d}-15" for i in range(n)],
        }
    )
    fig = timeline_plots.publication_timeline(chosen, colours=plots.outlet_colours(chosen.outlet), labels={})
    ax = fig.axes[0]
    assert ax.get_title() == "Publications per month, by outlet"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == plots.LEGEND_OUTLETS + 1 and legend[-1] == timeline_plots.OTHER
    assert sum(p.get_height() for p in ax.patches) == n


# --- dates of any era: pandas' nanosecond timestamps stop at 1677-09-21 and 2262-04-11 -------------------------

# Publications at both edges of the manifest's years, and an article on the Qing invasion of Joseon.
ERA_PUBLICATIONS = pd.DataFrame(
    {
        "doc_id": ["e1", "q1", "f1"],
        "outlet": ["Old Gazette", "Korea Times", "Far Daily"],
        "published_precision": ["day", "day", "month"],
        "first_day": ["1678-01-05", "2018-03-28", "2261-12-01"],
        "last_day": ["1678-01-05", "2018-03-28", "2261-12-31"],
    }
)
ERA_EVENTS = pd.DataFrame(
    {
        "doc_id": ["q1", "q1", "e1", "f1"],
        "outlet": ["Korea Times", "Korea Times", "Old Gazette", "Far Daily"],
        "sentence_id": [0, 0, 0, 1],
        "expression": ["1636", "January 1637", "last year", "next year"],
        "date_start": ["1636-01-01", "1637-01-01", "1677-01-01", "2262-01-01"],
        "date_end": ["1636-12-31", "1637-01-31", "1677-12-31", "2262-12-31"],
    }
)
ERA_COLOURS = plots.outlet_colours(ERA_PUBLICATIONS.outlet)


def years_shown(ax) -> tuple[int, int]:
    low, high = ax.get_xlim()
    return matplotlib.dates.num2date(low).year, matplotlib.dates.num2date(high).year


def test_events_before_1677_and_after_2262_are_drawn_where_they_lie():
    fig = timeline_plots.event_timeline(ERA_EVENTS, ERA_PUBLICATIONS, colours=ERA_COLOURS, labels={})
    history, window = fig.axes[:2]
    assert years_shown(history) == (1634, 1677)  # two years' room before 1636, up to the window
    assert years_shown(window) == (1677, 2263)  # the year before the first publication to the end of 2262
    assert len(history.patches) == 1 and len(window.patches) == 2  # 1636 in history; 1677 and 2262 in the window
    assert timeline_plots.publication_window(["1678-01-05"], ["2261-12-31"]) == (
        pd.Timestamp(year=1677, month=1, day=1),
        pd.Timestamp(year=2263, month=1, day=1),
    )


def test_publications_at_both_edges_of_the_manifest_years_are_drawn():
    fig = timeline_plots.publication_timeline(
        ERA_PUBLICATIONS, colours=ERA_COLOURS, labels=dict.fromkeys(ERA_PUBLICATIONS.doc_id, "")
    )
    low, high = years_shown(fig.axes[0])
    assert low <= 1678 and high >= 2262


@pytest.mark.slow
def test_the_counted_forms_take_any_year():
    many_events = pd.concat([ERA_EVENTS] * 20, ignore_index=True)
    per_year = timeline_plots.event_timeline(many_events, ERA_PUBLICATIONS, colours=ERA_COLOURS, labels={})
    starts = sorted(
        {matplotlib.dates.num2date(bar.get_x()).year for bar in per_year.axes[0].patches if bar.get_height()}
    )
    assert starts == [1636, 1637, 1677, 2262]
    many_publications = pd.concat([ERA_PUBLICATIONS] * 21, ignore_index=True)
    per_month = timeline_plots.publication_timeline(many_publications, colours=ERA_COLOURS, labels={})
    months = {
        matplotlib.dates.num2date(bar.get_x()).strftime("%Y-%m")
        for bar in per_month.axes[0].patches
        if bar.get_height()
    }
    assert months == {"1678-01", "2018-03", "2261-12"}


def test_formula_years_draw_a_row_per_formula_a_column_per_year_and_a_colour_per_side():
    timeline = pd.DataFrame(
        {
            "formula": ["lips", "lips", "blood", "blood"],
            "label": ["Lips and teeth", "Lips and teeth", "Sealed in blood", "Sealed in blood"],
            "year": [2009, 2018, 2009, 2018],
            "articles": [1, 3, 1, 3],
            "occurrences": [0, 4, 1, 0],
        }
    )
    by_year_voice = pd.DataFrame(
        {
            "formula": ["lips", "lips", "blood"],
            "year": [2018, 2018, 2009],
            "voice": ["official_dprk", "narration", "analyst"],
            "occurrences": [3, 1, 1],
        }
    )
    figure = timeline_plots.formula_years(timeline, by_year_voice)
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Lips and teeth (4)", "Sealed in blood (1)"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2009\n1 article", "2018\n3 articles"]
    # One grey dot per year with articles and no occurrence, then a dot per side: DPRK blue, narration, other.
    colours = [tuple(c.get_facecolor()[0][:3]) for c in ax.collections]
    dprk = matplotlib.colors.to_rgb(timeline_plots.SIDE_COLOURS["DPRK officials"])
    assert dprk in colours and len(ax.collections) == 2 + 3
    assert [t.get_text() for t in ax.texts] == ["3"]  # the number beside a dot of more than one occurrence
    assert [t.get_text() for t in figure.legends[0].get_texts()][-1] == "no occurrence"
