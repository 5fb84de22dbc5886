"""kit.presentation.dispersion: a pattern's rate per month and group, its places in each document, a deterministic plot."""

import io

import matplotlib
import matplotlib.pyplot as plt
import pytest

from kit.errors import KitError
from kit.presentation import dispersion, outputs
from tests.concordance_corpus import prepared

# Word tokens: a 4, b 4, c 2 — "sanctions" twice in a, once in b, never in c.
TEXTS = {"a": "Sanctions bite. Sanctions hold.", "b": "New sanctions bite hard.", "c": "Rain falls."}
FACTS = {
    "outlet": {"a": "Herald", "b": "Post", "c": "Herald"},
    "published": {"a": "2018-03-28", "b": "2018-03", "c": "2019-01-05"},
    "published_precision": {"a": "day", "b": "month", "c": "day"},
}


@pytest.fixture(scope="module")
def corpus():
    return prepared(TEXTS, **FACTS)


def test_trend_per_month_and_outlet_by_hand(corpus):
    table = dispersion.trend(corpus, "sanctions")
    assert list(table.columns) == ["period", "outlet", "documents", "hits", "word_tokens", "per_1k"]
    assert table.values.tolist() == [
        ["2018-03", "Herald", 1, 2, 4, 500.0],
        ["2018-03", "Post", 1, 1, 4, 250.0],
        ["2019-01", "Herald", 1, 0, 2, 0.0],
    ]
    per_year = dispersion.trend(corpus, "sanctions", by=None, per="year")
    assert per_year.values.tolist() == [["2018", 2, 3, 8, 375.0], ["2019", 1, 0, 2, 0.0]]
    with pytest.raises(KitError, match="per='week'"):
        dispersion.trend(corpus, "sanctions", per="week")
    with pytest.raises(KitError, match="no documents column 'desk'"):
        dispersion.trend(corpus, "sanctions", by="desk")


def test_positions_are_relative_to_the_document(corpus):
    places = dispersion.positions(corpus, "sanctions")
    # a: "Sanctions bite . Sanctions hold ." — tokens 0 and 3 of 6; b: token 1 of 5.
    assert places[["doc_id", "first_token", "doc_tokens"]].values.tolist() == [["a", 0, 6], ["a", 3, 6], ["b", 1, 5]]
    assert places.position.tolist() == [0.0, 0.5, 0.2]


def test_plot_draws_a_row_per_document_with_hits_and_the_same_svg_twice(corpus):
    with matplotlib.rc_context():  # the report settings, undone after the test
        outputs.setup_plots()
        svgs = _drawn_twice(corpus)
    assert svgs[0] == svgs[1]


def _drawn_twice(corpus) -> list[str]:
    places = dispersion.positions(corpus, "sanctions")
    svgs = []
    for _ in range(2):
        figure = dispersion.plot(places, corpus.documents, title="sanctions")
        axes = figure.axes[0]
        assert [t.get_text() for t in axes.get_yticklabels()] == ["Herald · 2018-03-28 (2)", "Post · 2018-03 (1)"]
        assert sum(len(c.get_segments()) for c in axes.collections) == 3
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        plt.close(figure)
        svgs.append(buffer.getvalue())
    return svgs
