"""The charts' shared drawing (kit.presentation.plots): colours for any number of outlets, labels inside the frame, readable
heatmap numbers (by document, or by outlet for many documents) and tone means with their units."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from kit.presentation import plots


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


def test_strip_rows_say_their_n_even_when_empty():
    units = pd.DataFrame({"voice": ["analyst", "analyst", "narration"], "compound": [0.2, -0.1, 0.5]})
    _, ax = plt.subplots()
    plots.strip_with_mean(ax, units, group="voice", order=["analyst", "official_prc", "narration"])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["analyst (n=2)", "official_prc (n=0)", "narration (n=1)"]


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


def test_a_large_row_draws_a_sample_of_dots_but_its_mean_and_n_count_every_unit():
    values = [(-1) ** i * (i % 97) / 100 for i in range(5000)]
    units = pd.DataFrame({"voice": ["narration"] * len(values), "compound": values})
    _, ax = plt.subplots()
    plots.strip_with_mean(ax, units, group="voice", order=["narration"])
    dots, mean = ax.collections[0], ax.lines[0]
    assert len(dots.get_offsets()) == plots.MOST_DOTS
    assert [t.get_text() for t in ax.get_yticklabels()] == ["narration (n=5000)"]
    assert mean.get_xdata()[0] == pytest.approx(sum(values) / len(values))


def theme_rows(documents: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    ids = [f"d{i:03d}" for i in range(documents)]
    docs = pd.DataFrame({"doc_id": ids, "outlet": [f"Outlet {i % 3}" for i in range(documents)]})
    docs = docs.assign(published="2024-01-02", published_precision="day", headline="")
    by_document = pd.DataFrame(
        [{"doc_id": d, "theme": t, "hits": 1, "per_1k": 2.0} for d in ids for t in ("alliance", "trade")]
    )
    by_outlet = by_document.merge(docs[["doc_id", "outlet"]]).groupby(["outlet", "theme"], as_index=False).sum()
    return by_document, by_outlet, docs


def test_the_theme_heatmap_has_a_column_per_document_while_they_fit_and_per_outlet_beyond():
    few = plots.themes_heatmap(*theme_rows(plots.MOST_ROWS), value="per_1k")
    assert few.axes[0].get_title() == "Themes by document (colour: per_1k; numbers: hits)"
    assert len(few.axes[0].get_xticks()) == plots.MOST_ROWS
    many = plots.themes_heatmap(*theme_rows(plots.MOST_ROWS + 1), value="per_1k")
    assert many.axes[0].get_title() == "Themes by outlet (colour: per_1k; numbers: hits)"
    assert [t.get_text() for t in many.axes[0].get_xticklabels()] == ["Outlet 0", "Outlet 1", "Outlet 2"]
    assert [t.get_text() for t in many.axes[0].get_yticklabels()] == ["alliance", "trade"]
