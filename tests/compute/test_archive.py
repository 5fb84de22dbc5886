"""kit.compute.archive: a corpus read from the store chunk by chunk gives the tables the whole prepared corpus gives."""

import json
from pathlib import Path

import pandas as pd
import pytest

from kit import config
from kit.analyses import chronology, formulas, keyness, kwic, overview, themes, tone, voices
from kit.analyses.voices import actors
from kit.compute import archive
from kit.errors import KitError
from kit.preprocess.pipeline import prepare
from kit.validation import synth

PERIODS = ["2018", "2024"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """Sixty articles recombined from the seeds (seed 5)."""
    return synth.synthesise(60, tmp_path_factory.mktemp("synth") / "corpus", seed=5)


@pytest.fixture(scope="module")
def whole(synthetic):
    return prepare(synthetic, warn_cleaning=False)


@pytest.fixture(scope="module")
def chunked(synthetic, tmp_path_factory) -> archive.Archive:
    """The same corpus in a store of its own, cut into chunks of about ten articles."""
    store = tmp_path_factory.mktemp("store")
    opened = archive.open_archive(synthetic, store=store, chunk_size=10, warn_cleaning=False)
    assert len(opened.chunks) > 4
    return opened


def same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True), check_dtype=False)


def test_documents_are_the_sizes_table_without_texts(chunked, whole):
    same(chunked.documents, overview.documents(whole).sort_values("doc_id", kind="stable"))
    assert "text" not in chunked.documents
    assert chunked.documents.n_words.sum() == (~whole.tokens.is_punct).sum()


def test_per_document_tables_read_whole_are_the_whole_corpus_tables(chunked, whole):
    same(chunked.table("dates"), chronology.date_expressions(whole))
    same(chunked.table("quotes"), voices.extract_quotes(whole, actors.load_registry()))
    same(chunked.table("removed"), whole.removed)
    sums = chunked.table("theme_sums")
    dictionary = themes.load_dictionary()
    same(themes.tally(sums, chunked.documents, dictionary, by="outlet"), themes.count(whole, dictionary, by="outlet"))


def test_plain_vader_is_kept_under_its_own_key(chunked, whole):
    plain = chunked.with_data(no_lexicon=True).table("tone")
    diplomatic = chunked.table("tone")
    same(plain, tone.score_units(whole))
    same(diplomatic, tone.score_units(whole, lexicon=tone.load_lexicon()))
    assert (plain.compound != diplomatic.compound).any()


def test_passes_over_the_chunks_give_the_whole_corpus_rows(chunked, whole):
    dictionary = themes.load_dictionary()
    same(chunked.gather(chronology.events, tables=["dates"]), chronology.events(whole))
    lines = chunked.gather(kwic.kwic, dictionary, window=4)
    same(lines, kwic.kwic(whole, dictionary, window=4))
    assert len(lines) == int(themes.count(whole, dictionary).hits.sum()) > 100


def test_formulas_found_by_chunk_and_placed_by_the_kept_quotations_are_the_whole_corpus_rows(chunked, whole):
    book = formulas.load_formulas()
    found = chunked.gather(formulas.occurrences, formulas=book, tables=["quotes"])
    same(found, formulas.occurrences(whole, formulas=book))
    assert len(found) > 5 and found.quoted.any() and not found.quoted.all()


def test_counts_summed_over_the_chunks_give_the_whole_corpus_rankings(chunked, whole):
    counts = chunked.gather(overview.word_counts, min_length=3)
    same(overview.top_words(counts, top=30), overview.content_words(whole, top=30))
    pairs = chunked.gather(kwic.collocation_counts, theme="sanctions", window=5)
    ranked = kwic.ranked_collocations(pairs, theme="sanctions", window=5)
    same(ranked, kwic.collocations(whole, theme="sanctions", window=5))
    assert len(ranked) > 3


@pytest.mark.parametrize("unit", ["theme", "word"])
def test_keyness_from_the_store_is_the_keyness_of_the_whole_corpus(chunked, whole, unit):
    stored = keyness.keyness(chunked, unit=unit, periods=PERIODS)
    expected = keyness.keyness(whole, unit=unit, periods=PERIODS)
    same(stored, expected)
    assert stored.attrs == expected.attrs
    assert stored.attrs["target_tokens"] > 0


def test_keyness_with_a_dictionary_the_sums_were_not_counted_with_is_refused(chunked, tmp_path):
    mine = tmp_path / "themes.yaml"
    mine.write_text("themes:\n  only:\n    label: Only\n    entries: [sanction*]\n", encoding="utf-8")
    with pytest.raises(KitError, match="no theme sums for 'only'; they were counted with another dictionary"):
        keyness.keyness(chunked, themes.load_dictionary(mine), periods=PERIODS)


def test_a_data_file_of_its_own_is_read(chunked, tmp_path):
    mine = tmp_path / "themes.yaml"
    mine.write_text("themes:\n  only:\n    label: Only\n    entries: [sanction*]\n", encoding="utf-8")
    sums = chunked.with_data(dictionary=mine).table("theme_sums")
    assert sums.theme.unique().tolist() == ["only"]
    assert archive.data_files(dictionary=str(mine)).dictionary == mine
    assert archive.data_files().dictionary is None


def test_the_report_notebooks_read_the_store_never_the_corpus_at_once():
    """A notebook that prepared the corpus in its kernel would hold every token: 8 GB at 100,000 articles."""
    for path in sorted(config.NOTEBOOKS.glob("*.ipynb")):
        code = "".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")
        assert "open_archive(" in code, path.name
        assert "prepare(" not in code and "kit.preprocess.pipeline" not in code, path.name
