"""Explorers: the widgets refresh their panel when a control changes; headless runs get plain outputs."""

import types

import IPython
import IPython.display
import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from kit import config
from kit.analyses import chronology, kwic, themes, tone
from kit.errors import KitError
from kit.preprocess.pipeline import prepare
from kit.presentation import explore

DOCUMENTS = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Herald", "Post"]})
KWIC = pd.DataFrame(
    [
        {
            "doc_id": "a",
            "sentence_id": 0,
            "start": 4,
            "end": 13,
            "theme": "sanctions",
            "left": "new",
            "match": "sanctions",
            "right": "bite",
        },
        {
            "doc_id": "b",
            "sentence_id": 2,
            "start": 40,
            "end": 47,
            "theme": "sanctions",
            "left": "an",
            "match": "Embargo",
            "right": "<b>holds</b>",
        },
        {
            "doc_id": "b",
            "sentence_id": 3,
            "start": 60,
            "end": 66,
            "theme": "trade",
            "left": "cross-border",
            "match": "trade",
            "right": "grew",
        },
    ]
)
BY_OUTLET = pd.DataFrame(
    [
        {"outlet": "Herald", "theme": "sanctions", "hits": 1, "per_1k": 2.5},
        {"outlet": "Post", "theme": "sanctions", "hits": 1, "per_1k": 1.0},
        {"outlet": "Herald", "theme": "trade", "hits": 0, "per_1k": 0.0},
        {"outlet": "Post", "theme": "trade", "hits": 1, "per_1k": 1.0},
    ]
)
SCORES = pd.DataFrame(
    [
        {
            "doc_id": "a",
            "sentence_id": 1,
            "start": 0,
            "end": 20,
            "voice": "official_prc",
            "speaker": "Xi Jinping",
            "compound": 0.6,
            "top_words": "friendship +2.2",
            "text": "deep friendship",
        },
        {
            "doc_id": "b",
            "sentence_id": 5,
            "start": 30,
            "end": 52,
            "voice": "analyst",
            "speaker": "Shin",
            "compound": -0.4,
            "top_words": "risk -1.1",
            "text": "a real risk",
        },
        {
            "doc_id": "b",
            "sentence_id": 6,
            "start": 53,
            "end": 80,
            "voice": "official_prc",
            "speaker": "Wang Yi",
            "compound": 0.2,
            "top_words": "support +1.7",
            "text": "firm support",
        },
    ]
)
EVENTS = pd.DataFrame(
    [
        {
            "doc_id": "a",
            "outlet": "Herald",
            "sentence_id": 0,
            "start": 0,
            "end": 9,
            "expression": "1950-53",
            "date_start": "1950-01-01",
            "date_end": "1953-12-31",
            "sentence": "The war of 1950-53.",
        },
        {
            "doc_id": "a",
            "outlet": "Herald",
            "sentence_id": 4,
            "start": 50,
            "end": 59,
            "expression": "last year",
            "date_start": "2017-01-01",
            "date_end": "2017-12-31",
            "sentence": "Talks last year.",
        },
    ]
)
PUBLICATIONS = pd.DataFrame({"doc_id": ["a"], "first_day": ["2018-03-28"]})


def test_changing_the_theme_refreshes_lines_and_chart():
    panel = explore.themes(KWIC, BY_OUTLET, DOCUMENTS, interactive=True).build()
    assert panel.controls["theme"].options == ("sanctions", "trade")
    assert "sanctions: 2 KWIC lines" in panel.output.value
    assert "<svg" in panel.output.value
    panel.controls["theme"].value = "trade"
    assert "trade: 1 KWIC lines" in panel.output.value
    assert "cross-border" in panel.output.value and "Embargo" not in panel.output.value


def test_the_word_picker_narrows_the_lines_and_article_text_stays_escaped():
    panel = explore.themes(KWIC, BY_OUTLET, DOCUMENTS, interactive=True).build()
    assert panel.controls["word"].options == (explore.EVERY, "embargo", "sanctions")
    panel.controls["word"].value = "embargo"
    assert "sanctions · 'embargo': 1 KWIC lines" in panel.output.value
    assert "&lt;b&gt;holds&lt;/b&gt;" in panel.output.value and "<b>holds" not in panel.output.value


def test_the_word_picker_follows_the_theme():
    panel = explore.themes(KWIC, BY_OUTLET, DOCUMENTS, interactive=True).build()
    panel.controls["word"].value = "embargo"
    panel.controls["theme"].value = "trade"
    assert panel.controls["word"].options == (explore.EVERY, "trade")
    assert panel.controls["word"].value == explore.EVERY
    assert "trade: 1 KWIC lines" in panel.output.value


def test_theme_view_names_each_lines_outlet():
    rows = explore.themes(KWIC, BY_OUTLET, DOCUMENTS, theme="sanctions").initial().rows
    assert rows.outlet.tolist() == ["Herald", "Post"]
    assert rows[["doc_id", "start", "end"]].to_dict("records") == [
        {"doc_id": "a", "start": 4, "end": 13},
        {"doc_id": "b", "start": 40, "end": 47},
    ]


def test_voice_and_outlet_pickers_select_tone_units():
    panel = explore.tone(SCORES, DOCUMENTS, interactive=True).build()
    assert "3 units" in panel.output.value
    panel.controls["voice"].value = "official_prc"
    assert "voice official_prc · outlet (every): 2 units" in panel.output.value
    panel.controls["outlet"].value = "Post"
    assert ": 1 units" in panel.output.value and "support +1.7" in panel.output.value
    assert "friendship +2.2" not in panel.output.value


def test_tone_rows_are_ordered_from_most_negative():
    view = explore.tone(SCORES, DOCUMENTS, voice="official_prc").initial()
    assert view.rows.compound.tolist() == [0.2, 0.6]
    assert view.rows.outlet.tolist() == ["Post", "Herald"]


def test_the_year_slider_keeps_events_overlapping_the_range():
    explorer = explore.timeline(EVENTS, PUBLICATIONS, interactive=True)
    assert explorer.controls[0].options[0] == 1950 and explorer.controls[0].options[-1] == 2018
    panel = explorer.build()
    assert "events overlapping 1950–2018: 2" in panel.output.value
    panel.controls["years"].value = (2000, 2018)
    assert "events overlapping 2000–2018: 1" in panel.output.value
    assert "last year" in panel.output.value and "1950-53" not in panel.output.value
    panel.controls["years"].value = (1960, 1970)
    assert ": 0" in panel.output.value and "<svg" not in panel.output.value


def test_the_year_slider_draws_events_of_any_era():
    events = EVENTS.assign(date_start=["1636-01-01", "2262-01-01"], date_end=["1636-12-31", "2262-12-31"])
    explorer = explore.timeline(events, PUBLICATIONS, interactive=True)
    assert explorer.controls[0].options[0] == 1636 and explorer.controls[0].options[-1] == 2262
    panel = explorer.build()
    assert "events overlapping 1636–2262: 2" in panel.output.value and "<svg" in panel.output.value


def test_without_events_the_slider_spans_the_publications():
    explorer = explore.timeline(EVENTS.iloc[0:0], PUBLICATIONS)
    assert explorer.controls[0].options == (2018,)
    view = explorer.initial()
    assert view.heading == "events overlapping 2018–2018: 0" and view.draw is None


def test_headless_display_shows_table_and_figure_and_no_widget(monkeypatch):
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    explore.themes(KWIC, BY_OUTLET, DOCUMENTS, interactive=False)._ipython_display_()
    # The table is the kit's reader's table (kit.presentation.display): no index column, blanks for missing values.
    assert [type(obj).__name__ for obj in shown] == ["Table", "Figure"]
    assert shown[0].frame.match.tolist() == ["sanctions", "Embargo"]
    assert not plt.get_fignums(), "the static figure is closed once shown, so the inline backend does not repeat it"


def test_interactive_display_shows_the_widget_box(monkeypatch):
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    explore.tone(SCORES, DOCUMENTS, interactive=True)._ipython_display_()
    assert [type(obj).__name__ for obj in shown] == ["VBox"]


@pytest.mark.parametrize(("allow_stdin", "expected"), [(True, True), (False, False)])
def test_a_frontend_is_a_request_that_allows_stdin(monkeypatch, allow_stdin, expected):
    kernel = types.SimpleNamespace(get_parent=lambda: {"content": {"allow_stdin": allow_stdin}})
    monkeypatch.setattr(IPython, "get_ipython", lambda: types.SimpleNamespace(kernel=kernel))
    assert explore.has_frontend() is expected
    assert explore.tone(SCORES, DOCUMENTS).interactive is expected


def test_plain_python_has_no_frontend():
    assert explore.has_frontend() is False
    assert explore.themes(KWIC, BY_OUTLET, DOCUMENTS).interactive is False


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: explore.themes(KWIC.drop(columns="match"), BY_OUTLET, DOCUMENTS), "kwic has no column 'match'"),
        (lambda: explore.themes(KWIC, BY_OUTLET, DOCUMENTS, theme="russia"), "theme 'russia' is not one of"),
        (lambda: explore.themes(KWIC, BY_OUTLET.iloc[0:0], DOCUMENTS), "hold no theme"),
        (lambda: explore.tone(SCORES, DOCUMENTS, voice="narration"), "voice 'narration' is not one of"),
        (lambda: explore.timeline(EVENTS.iloc[0:0], PUBLICATIONS.iloc[0:0]), "neither events nor publications"),
    ],
)
def test_refuses_frames_it_cannot_show(call, message):
    with pytest.raises(KitError, match=message):
        call()


def test_explorers_take_the_kits_own_frames():
    corpus = prepare(None)
    dictionary = themes.load_dictionary(None)
    lines = kwic.kwic(corpus, dictionary)
    counts = themes.count(corpus, dictionary, by="outlet")
    view = explore.themes(lines, counts, corpus.documents, theme="sanctions").initial()
    assert len(view.rows) == int(counts[counts.theme == "sanctions"].hits.sum())
    scores = tone.score_units(corpus)
    assert len(explore.tone(scores, corpus.documents).initial().rows) == len(scores)
    events = chronology.events(corpus)
    assert len(explore.timeline(events, chronology.publications(corpus)).initial().rows) == len(events)


def test_headless_kernel_run_keeps_outputs_static(tmp_path):
    """In a real kernel driven by nbclient (as papermill does) an explorer leaves no widget in the notebook."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "presskit", "display_name": "Python (presskit)", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "import pandas as pd\nfrom kit.presentation import explore, outputs\noutputs.setup_plots()\n"
            "scores = pd.DataFrame([{'doc_id': 'a', 'sentence_id': 0, 'start': 0, 'end': 5, 'voice': 'analyst',"
            " 'speaker': 'Shin', 'compound': 0.5, 'top_words': 'good +1.9', 'text': 'good'}])\n"
            "explore.tone(scores, pd.DataFrame({'doc_id': ['a'], 'outlet': ['Post']}))"
        )
    ]
    NotebookClient(
        notebook, timeout=120, kernel_name="presskit", resources={"metadata": {"path": str(config.ROOT)}}
    ).execute()
    mimes = [mime for output in notebook.cells[0].outputs for mime in output.get("data", {})]
    assert "application/vnd.jupyter.widget-view+json" not in mimes
    assert "text/html" in mimes and "image/svg+xml" in mimes
    assert "widgets" not in notebook.metadata


def test_the_shown_table_names_documents_and_the_rows_keep_their_doc_ids(monkeypatch):
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    explorer = explore.tone(SCORES, DOCUMENTS, interactive=False)
    explorer._ipython_display_()
    assert "doc_id" in explorer.initial().rows.columns
    assert "doc_id" not in shown[0].frame.columns and set(shown[0].frame.document) == {"Herald", "Post"}
    assert ">Herald<" in explore.view_html(explorer.initial())


# --- concordance -----------------------------------------------------------------------------------------

STORY = {
    "a": "New sanctions bite hard. The sanctions, which Beijing opposed, stayed.",
    "b": "Old sanctions bite again. Even after sanctions bite <b>hard</b>.",
}


@pytest.fixture(scope="module")
def story():
    from tests.concordance_corpus import prepared

    return prepared(STORY, outlet={"a": "Herald", "b": "Post"})


def test_concordance_text_box_sort_and_outlet_pickers_refresh_the_lines(story):
    panel = explore.concordance(story, interactive=True).build()
    assert type(panel.controls["pattern"]).__name__ == "Text"
    assert "type a word" in panel.output.value
    panel.controls["pattern"].value = "sanctions"
    assert "sorted by R1, R2, R3: 4 KWIC lines" in panel.output.value
    assert panel.controls["sort1"].options[:4] == ("(none)", "L3", "L2", "L1")
    panel.controls["outlet"].value = "Post"
    assert ": 2 KWIC lines" in panel.output.value and "Beijing" not in panel.output.value
    assert "&lt;b&gt;hard" in panel.output.value  # article text stays escaped
    panel.controls["pattern"].value = "embargo"
    assert "'embargo' · outlet Post · sorted by R1, R2, R3: 0 KWIC lines" in panel.output.value


def test_concordance_view_sorts_as_the_library_does(story):
    explorer = explore.concordance(story, pattern="sanctions", sort=["L1"], interactive=False)
    rows = explorer.initial().rows
    assert rows.match.tolist() == ["sanctions"] * 4
    assert [left.split()[-1] for left in rows.left] == ["after", "New", "Old", "The"]
    unsorted = explorer.view(pattern="sanctions", sort1="(none)", sort2="(none)", sort3="(none)", outlet="(every)")
    assert unsorted.rows.doc_id.tolist() == ["a", "a", "b", "b"] and "corpus order" in unsorted.heading
    with pytest.raises(KitError, match="outlet 'Times'"):
        explore.concordance(story, outlet="Times")


def test_concordance_headless_shows_its_first_selection_as_a_plain_table(story, monkeypatch):
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    explore.concordance(story, pattern="sanctions", interactive=False)._ipython_display_()
    assert [type(obj).__name__ for obj in shown] == ["Table"]
    assert shown[0].frame.match.tolist() == ["sanctions"] * 4 and set(shown[0].frame.outlet) == {"Herald", "Post"}
