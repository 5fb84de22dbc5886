"""kit.analyses.kwic: keyword-in-context lines that trace to their sentences, and collocations around a theme."""

import pytest

from kit.analyses import kwic, themes
from kit.errors import KitError
from tests.seeds import HERALD


@pytest.fixture(scope="module")
def default():
    return themes.load_dictionary()


def test_kwic_rows_trace_to_sentences_and_respect_the_window(seeds):
    lines = kwic.kwic(seeds, word="maximum pressure", window=3)
    assert list(lines.columns) == kwic.KWIC_COLUMNS
    row = lines.iloc[0]
    assert (row.doc_id, row.theme, row.pattern, row.left, row.match, row.right) == (
        HERALD,
        "",
        "maximum pressure",
        "has led a",
        "maximum pressure",
        "campaign against North",
    )
    text = seeds.documents.set_index("doc_id").text[HERALD]
    assert text[row.start : row.end] == row.match
    sentence = seeds.sentences[(seeds.sentences.doc_id == HERALD) & (seeds.sentences.sentence_id == row.sentence_id)]
    assert sentence.start.iloc[0] <= row.start < row.end <= sentence.end.iloc[0]


def test_kwic_is_sentence_bounded_unless_asked(seeds, default):
    bounded = kwic.kwic(seeds, default, theme="sanctions", window=30)
    first = bounded.iloc[0]  # "... UN sanctions on Pyongyang." ends its sentence
    assert first.right == "on Pyongyang."
    unbounded = kwic.kwic(seeds, default, theme="sanctions", window=30, sentence_bounded=False)
    assert unbounded.iloc[0].right.startswith("on Pyongyang. Meanwhile, the intensive diplomacy")
    empty = kwic.kwic(seeds, default, theme="sanctions", window=0)
    assert (empty.left == "").all() and (empty.right == "").all()
    with pytest.raises(KitError, match="not both"):
        kwic.kwic(seeds, default, theme="sanctions", word="sanctions")


def test_collocations_around_a_theme(seeds, default):
    table = kwic.collocations(seeds, default, theme="alliance", window=5)
    assert list(table.columns) == ["collocate", "side", "freq", "score"]
    assert table.iloc[0].tolist()[:3] == ["dprk-china", "left", 4]
    assert table.score.is_monotonic_decreasing
