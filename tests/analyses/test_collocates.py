"""kit.analyses.collocates: collocates with the counts their G2 and MI rest on, and n-grams, checked on counts by hand."""

import math

import pytest

from kit.analyses import collocates, keyness
from kit.errors import KitError
from tests.concordance_corpus import prepared

# Word tokens: tough sanctions bite | sanctions bite hard | rain falls on seoul — N = 10 (punctuation skipped).
# Windows of the two "sanctions" (L5–R5, inside their sentences): [tough] _ [bite] and _ [bite hard]: W = 4.
STORY = {"d": "Tough sanctions bite. Sanctions bite hard. Rain falls on Seoul."}


def test_collocates_counts_and_measures_by_hand():
    table = collocates.collocates(prepared(STORY), "sanctions", min_count=1)
    assert list(table.collocate) == ["bite", "hard", "tough"]  # by G2, then O, then the word
    bite = table.iloc[0]
    assert (bite.observed, bite.left, bite.right, bite.collocate_freq) == (2, 0, 2, 2)
    assert (bite.node_freq, bite.window_tokens, bite.corpus_tokens) == (2, 4, 10)
    assert bite.expected == pytest.approx(4 * 2 / 10)
    assert bite.mi == pytest.approx(math.log2(2 / 0.8), abs=1e-4)
    # G2 of the 2×2 table: inside the windows 2 of 4, outside 0 of 6; 2·(2·ln(2/0.8)) by hand, and as keyness has it.
    assert bite.g2 == pytest.approx(4 * math.log(2.5), abs=1e-4)
    assert bite.g2 == pytest.approx(float(keyness.log_likelihood([2], [0], 4, 6)[0]), abs=1e-4)
    tough = table.set_index("collocate").loc["tough"]
    assert (tough.observed, tough.left, tough.right) == (1, 1, 0)
    assert table.attrs["measure"] == "g2"


def test_collocates_window_and_ranking_options():
    corpus = prepared(STORY)
    right_only = collocates.collocates(corpus, "sanctions", left=0, right=1, min_count=1)
    assert right_only[["collocate", "observed", "window_tokens"]].values.tolist() == [["bite", 2, 2]]
    assert collocates.collocates(corpus, "sanctions", min_count=2).collocate.tolist() == ["bite"]
    by_mi = collocates.collocates(corpus, "sanctions", measure="mi", min_count=1)
    assert by_mi.mi.is_monotonic_decreasing and by_mi.attrs["measure"] == "mi"
    with pytest.raises(KitError, match="measure 't' is not one of g2, mi"):
        collocates.collocates(corpus, "sanctions", measure="t")


def test_ngrams_stay_inside_sentences_and_count_documents():
    corpus = prepared({**STORY, "e": "Sanctions bite."})
    bigrams = collocates.ngrams(corpus, n=2)
    assert bigrams.iloc[0].tolist() == ["sanctions bite", 2, 3, 2]
    assert "bite sanctions" not in set(bigrams.ngram)  # "bite. Sanctions" crosses a sentence end
    assert len(bigrams) == 6  # tough sanctions, sanctions bite, bite hard, rain falls, falls on, on seoul
    assert collocates.ngrams(corpus, n=2, min_count=2).ngram.tolist() == ["sanctions bite"]
    assert collocates.ngrams(corpus, n=4).ngram.tolist() == ["rain falls on seoul"]
    with pytest.raises(KitError, match="2 to 5"):
        collocates.ngrams(corpus, n=6)
