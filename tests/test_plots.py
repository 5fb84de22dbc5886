"""The charts' shared drawing (kit.plots): colours for any number of outlets, labels inside the frame, readable
heatmap numbers, the focused timeline and tone means with every unit."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from kit import plots


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_every_outlet_gets_a_colour_whatever_their_number():
    for count in (1, 10, 11, 20, 21, 60):
        names = [f"outlet {i:02d}" for i in range(count)]
        colours = plots.outlet_colours(names)
        assert sorted(colours) == names
        assert len(set(colours.values())) == count


def test_outlet_colours_depend_on_the_names_not_their_order():
    names = ["b", "a", "c", "a"]
    assert plots.outlet_colours(names) == plots.outlet_colours(sorted(set(names)))
    assert plots.outlet_colours(names)["a"] == pytest.approx(plt.get_cmap("tab10").colors[0])


@pytest.mark.parametrize(("background", "expected"), [((0.03, 0.19, 0.42), "white"), ((0.97, 0.98, 1.0), "black")])
def test_numbers_on_a_cell_take_the_contrasting_colour(background, expected):
    assert plots.text_colour(background) == expected


def test_heatmap_numbers_are_white_on_dark_cells_and_columns_carry_the_given_labels():
    values = pd.DataFrame([[0.0, 10.0]], index=["trade"])
    _, ax = plt.subplots()
    plots.heatmap(ax, values, values.astype(int), column_labels=["Daily Star 2018-03", "Evening Post 2024-04"])
    colours = {text.get_text(): text.get_color() for text in ax.texts}
    assert colours == {"0": "black", "10": "white"}
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Daily Star 2018-03", "Evening Post 2024-04"]


def test_bar_labels_stay_inside_the_frame():
    fig, ax = plt.subplots(figsize=(4, 2))
    plots.signed_bars(ax, ["a", "b"], [-40.0, 25.0], ["1 vs 30", "25 vs 2"], xlabel="G2", title="keyness")
    fig.canvas.draw()
    frame = ax.get_window_extent()
    for text in ax.texts:
        box = text.get_window_extent()
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, text.get_text()


def test_mean_interval_is_seeded_and_one_value_has_none():
    assert plots.mean_interval([0.5]) == (0.5, 0.5, 0.5)
    first = plots.mean_interval([-0.5, 0.1, 0.2, 0.9])
    assert first == plots.mean_interval([-0.5, 0.1, 0.2, 0.9])
    mean, low, high = first
    assert mean == pytest.approx(0.175) and -0.5 <= low < mean < high <= 0.9


def test_strip_rows_say_their_n_even_when_empty():
    units = pd.DataFrame({"voice": ["analyst", "analyst", "narration"], "compound": [0.2, -0.1, 0.5]})
    _, ax = plt.subplots()
    plots.strip_with_mean(ax, units, group="voice", order=["analyst", "official_prc", "narration"])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["analyst (n=2)", "official_prc (n=0)", "narration (n=1)"]


def test_publication_window_runs_from_the_year_before_to_the_year_after():
    low, high = plots.publication_window(["2018-03-28", "2025-09-05"], ["2018-03-28", "2025-09-05"])
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
    fig = plots.event_timeline(
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
    fig = plots.event_timeline(events, publications, colours={}, labels={})
    assert len(fig.axes) == 1 and fig.axes[0].get_title() == ""
    assert len(fig.axes[0].collections[0].get_offsets()) == 1  # the diamond of a three-day span


def test_tone_panels_are_one_per_voice_with_a_row_and_its_n_per_group():
    units = pd.DataFrame(
        {
            "outlet": ["Daily Star", "Daily Star", "Evening Post"],
            "voice": ["analyst", "narration", "analyst"],
            "compound": [0.5, -0.2, 0.1],
        }
    )
    fig = plots.tone_panels(
        units, by="outlet", groups=["Daily Star", "Evening Post"], voices=["analyst", "narration"], title="t"
    )
    analyst, narration = fig.axes
    assert (analyst.get_title(), narration.get_title()) == ("analyst", "narration")
    assert [t.get_text() for t in analyst.get_yticklabels()] == ["Daily Star", "Evening Post"]
    assert [t.get_text() for t in analyst.texts] == ["n=1", "n=1"]
    assert [t.get_text() for t in narration.texts] == ["n=1", "n=0"]


def test_a_heatmap_of_many_documents_turns_its_labels_upright_and_grows_wide():
    values = pd.DataFrame([[float(i) for i in range(30)]], index=["trade"])
    fig = plots.heatmap_figure(
        values,
        values.astype(int),
        column_labels=[f"Outlet {i} · 2024-01-01" for i in range(30)],
        colorbar_label="per_1k",
        title="t",
        xlabel="article",
        ylabel="theme",
    )
    ax = fig.axes[0]
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {90.0}
    assert fig.get_figwidth() > 9 and ax.get_xticklabels()[0].get_text() == "Outlet 0 · 2024-01-01"
