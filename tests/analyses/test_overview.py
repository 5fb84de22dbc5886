from dataclasses import replace

import pandas as pd
import pytest

from kit.analyses import overview
from tests.seeds import HERALD


def test_documents_table_has_sizes_and_no_texts(seeds):
    table = overview.documents(seeds).set_index("doc_id")
    assert "raw_text" not in table and "text" not in table
    assert tuple(table.loc[HERALD, ["n_paragraphs", "n_sentences", "n_tokens"]]) == (23, 36, 1097)
    assert table.loc[HERALD, "n_words"] == (~seeds.tokens[seeds.tokens.doc_id == HERALD].is_punct).sum()


def test_sizes_by_outlet_sum_to_the_corpus(seeds):
    by_outlet = overview.sizes_by_outlet(overview.documents(seeds))
    assert by_outlet.documents.sum() == 5
    assert by_outlet.tokens.sum() == len(seeds.tokens)
    assert by_outlet.words.sum() == (~seeds.tokens.is_punct).sum()
    assert by_outlet.outlet.tolist() == sorted(by_outlet.outlet)


def test_removed_summary_has_a_row_per_document(seeds):
    summary = overview.removed_summary(seeds).set_index("doc_id")
    assert summary.loc[HERALD, "caption"] == 2
    assert summary.loc["000_7466fcb0830044d8"].sum() == 0


def test_removed_by_kind_counts_lines_documents_and_suspects(seeds):
    by_kind = overview.removed_by_kind(seeds.removed).set_index("kind")
    assert by_kind.lines.sum() == len(seeds.removed) == 33
    assert by_kind.loc["caption"].tolist() == [
        (seeds.removed.kind == "caption").sum(),
        seeds.removed[seeds.removed.kind == "caption"].doc_id.nunique(),
        seeds.removed[seeds.removed.kind == "caption"].suspect.sum(),
    ]
    assert by_kind.index.tolist() == sorted(by_kind.index)


def test_content_words_skip_stopwords_numbers_and_punctuation(seeds):
    words = overview.content_words(seeds, top=5)
    assert words.norm.tolist()[:2] == ["north", "korea"]
    assert not words.norm.isin(["the", "said", ",", "2018"]).any()
    assert words["count"].is_monotonic_decreasing


@pytest.mark.enable_socket
def test_corpus_notebook_runs_headless_and_records_values(run_notebook, tmp_path):
    values = run_notebook("00-corpus", top_words=5)
    assert values["documents"] == 5
    assert values["tokens_per_document"]["003_80d4a5ff23514f6a"] == 1097
    assert values["tokens_total"] == 6070
    assert values["top_content_word"] == "north"
    words = pd.read_csv(tmp_path / "00-corpus" / "content_words.csv")
    assert len(words) == 5


def test_word_counts_of_chunks_add_up_to_the_corpus(seeds):
    halves = [seeds.documents.doc_id.iloc[:2], seeds.documents.doc_id.iloc[2:]]
    counts = []
    for ids in halves:
        part = seeds.tokens[seeds.tokens.doc_id.isin(ids)]
        counts.append(overview.word_counts(replace(seeds, tokens=part), min_length=3))
    together = overview.top_words(pd.concat(counts), top=20)
    pd.testing.assert_frame_equal(together, overview.content_words(seeds, top=20, min_length=3))
    assert together.documents.iloc[0] == 5  # "north": every seed article


def test_article_lines_show_the_raw_file_with_what_cleaning_made_of_each_line(seeds):
    lines = overview.article_lines(seeds, "002_d36a6144ef540899")
    raw = seeds.documents.set_index("doc_id").raw_text["002_d36a6144ef540899"].split("\n")
    assert lines.text.tolist() == [line for line in raw if line.strip()]
    assert (~lines.kept).sum() == (seeds.removed.doc_id == "002_d36a6144ef540899").sum()
    first = lines.iloc[0]
    assert (first.line, first.kind, bool(first.kept)) == (1, "section_label", False)
    assert set(lines[lines.kept].kind) <= {"paragraph", "subheading"}
    with pytest.raises(KeyError, match="no article 'nope'"):
        overview.article_lines(seeds, "nope")
