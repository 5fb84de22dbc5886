import re

import pandas as pd
import pytest

from kit.preprocess import text
from kit.preprocess.text import split_sentences, split_tokens
from tests.scaling import assert_linear
from tests.seeds import CHOSUN, DIPLOMAT_2018


def tokens_of(s: str) -> list[str]:
    return [s[a:b] for a, b in split_tokens(s)]


def test_every_token_offset_reproduces_the_token(seeds):
    texts = dict(zip(seeds.documents.doc_id, seeds.documents.text, strict=True))
    for t in seeds.tokens.itertuples():
        assert texts[t.doc_id][t.start : t.end] == t.token


def test_every_sentence_offset_reproduces_the_sentence(seeds):
    texts = dict(zip(seeds.documents.doc_id, seeds.documents.text, strict=True))
    for s in seeds.sentences.itertuples():
        assert texts[s.doc_id][s.start : s.end] == s.text


def test_seed_sizes(seeds):
    assert seeds.sentences.groupby("doc_id").size().tolist() == [29, 47, 33, 36, 57]
    assert seeds.tokens.groupby("doc_id").size().tolist() == [1064, 1404, 1039, 1097, 1466]


def test_pm_and_us_do_not_end_sentences(seeds):
    sentences = seeds.sentences.text
    assert sentences.str.contains("his arrival in Beijing at 4 p.m. local time on the 2nd", regex=False).any()
    assert sentences.str.contains("Kim and U.S. President Donald Trump in May", regex=False).any()
    assert not sentences.str.endswith(("p.m.", "U.S.")).any()


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks began at 9 a.m. and ended at 4 p.m. local time on the 2nd.",
        "Gen. Kim met Dr. Lee and Mr. Park at the U.N. headquarters in Jan. last year.",
        "The U.S. delegation left on Sept. 3 for talks.",
    ],
)
def test_kit_abbreviations_stay_inside_one_sentence(sentence):
    assert split_sentences(sentence) == [(0, len(sentence))]


@pytest.mark.parametrize(
    "sentence",
    [
        "An official at the J.M. Missionary Union told reporters on Tuesday.",
        "Former adviser H.R. McMaster said so.",
    ],
)
def test_initials_with_internal_periods_do_not_end_sentences(sentence):
    assert split_sentences(sentence) == [(0, len(sentence))]


def test_an_abbreviation_before_a_sentence_final_number_and_quote_does_not_end_the_sentence():
    s = "“More than 500 defectors were sent back on Oct. 9.” The official said so. It rose 5.5 percent. Prices fell."
    assert [s[a:b] for a, b in split_sentences(s)] == [
        "“More than 500 defectors were sent back on Oct. 9.”",
        "The official said so.",
        "It rose 5.5 percent.",
        "Prices fell.",
    ]


def test_closing_curly_quote_stays_with_its_sentence():
    s = "He wanted “art performance.” On the Chinese side, talks went on."
    assert [s[a:b] for a, b in split_sentences(s)] == [
        "He wanted “art performance.”",
        "On the Chinese side, talks went on.",
    ]


def test_sentences_never_cross_paragraphs():
    s = "A heading without a stop\n\nThe body starts here."
    assert [s[a:b] for a, b in split_sentences(s)] == ["A heading without a stop", "The body starts here."]


def test_hyphenated_names_stay_one_token_and_possessives_split():
    assert tokens_of("Kim Jong-un’s visit") == ["Kim", "Jong-un", "’s", "visit"]
    assert tokens_of("North Korea's ties") == ["North", "Korea", "'s", "ties"]
    assert tokens_of("It hasn't changed") == ["It", "hasn't", "changed"]


def test_numbers_abbreviations_and_punctuation():
    assert tokens_of("$2.7 billion, 95% in 1950-53 on the 2nd at 4 p.m. in the U.S.") == [
        "$", "2.7", "billion", ",", "95", "%", "in", "1950-53", "on", "the", "2nd",
        "at", "4", "p.m.", "in", "the", "U.S.",
    ]  # fmt: skip
    assert tokens_of("a 10-lane road") == ["a", "10-lane", "road"]
    assert tokens_of("“traditional friendship”") == ["“", "traditional", "friendship", "”"]


def test_non_breaking_spaces_separate_tokens():
    assert tokens_of("last\u00a0year") == ["last", "year"]


def test_norm_stop_and_punct_columns(seeds):
    tokens = seeds.tokens[seeds.tokens.doc_id == DIPLOMAT_2018].set_index("token")
    row = tokens.loc["’s"].iloc[0]
    assert (row.norm, row.is_stop, row.is_punct) == ("'s", True, False)
    assert tokens.loc["“"].iloc[0].is_punct
    assert not tokens.loc["Beijing"].iloc[0].is_stop
    assert text.normalise("Kim’s") == "kim's"


def test_token_ids_run_through_the_document(seeds):
    chosun = seeds.tokens[seeds.tokens.doc_id == CHOSUN]
    assert chosun.token_id.tolist() == list(range(len(chosun)))
    assert chosun.sentence_id.is_monotonic_increasing


def test_stopwords_and_abbreviations_are_kit_owned_files():
    assert {"the", "and", "of"} <= text.stopwords()
    assert {"p.m", "u.s", "gen", "jan"} <= text.abbreviations()


def test_collocations_rank_by_likelihood_ratio():
    words = ["north", "korea", "china", "north", "korea", "trade", "north", "korea"]
    top = text.bigram_collocations(words, min_freq=2, top=1)
    assert (top.word1[0], top.word2[0], top.freq[0]) == ("north", "korea", 3)


def _one_article(paragraphs: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One cleaned article of ``paragraphs`` five-sentence paragraphs, and its paragraph table."""
    body = "Kim met Xi in Beijing on March 28. Talks went on. The U.S. said so. Trade rose by 2.7 percent. It ended."
    text = "\n\n".join(f"{body} Item {i}." for i in range(paragraphs))
    starts = [0, *(m.end() for m in re.finditer("\n\n", text))]
    documents = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    table = pd.DataFrame({"doc_id": "d", "paragraph_id": range(len(starts)), "start": starts})
    return documents, table


def test_sentences_and_tokens_cost_grows_linearly_with_the_article():
    # When every sentence scanned every paragraph for its paragraph_id, this ratio was 3.3 (and ~4 for larger inputs).
    def step(article: tuple[pd.DataFrame, pd.DataFrame]) -> None:
        documents, paragraphs = article
        text.tokens(documents, text.sentences(documents, paragraphs))

    assert_linear(step, _one_article, 1000)


def test_a_sentence_finds_the_last_paragraph_starting_at_or_before_it():
    documents, paragraphs = _one_article(3)
    found = text.sentences(documents, paragraphs)
    assert found.groupby("paragraph_id").size().tolist() == [6, 6, 6]
    assert found.paragraph_id.is_monotonic_increasing
