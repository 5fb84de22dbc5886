"""The shared dictionary matcher (kit.preprocess.lookup): longest match, globs, case rule, exclusions, sentences."""

import pandas as pd
import pytest

from kit.errors import KitError
from kit.preprocess import lookup, text
from tests.scaling import assert_linear


def tokens_of(body: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The kit's token table for one text (one paragraph per line), without the cleaning stage."""
    documents = pd.DataFrame({"doc_id": ["d"], "text": [body]})
    paragraphs = pd.DataFrame({"doc_id": ["d"], "paragraph_id": [0], "start": [0]})
    sentences = text.sentences(documents, paragraphs)
    return text.tokens(documents, sentences), {"d": body}


def find(body: str, *entries: lookup.Entry) -> pd.DataFrame:
    tokens, texts = tokens_of(body)
    return lookup.find(tokens, list(entries), texts=texts)


def test_multiword_entry_beats_its_parts_and_is_counted_once():
    found = find(
        "The US led a maximum pressure campaign. Pressure grew.",
        lookup.Entry("pressure", "sanctions"),
        lookup.Entry("maximum", "sanctions"),
        lookup.Entry("maximum pressure", "sanctions"),
    )
    assert found.match.tolist() == ["maximum pressure", "Pressure"]
    assert found.pattern.tolist() == ["maximum pressure", "pressure"]


def test_other_categories_are_matched_independently():
    found = find(
        "A maximum pressure campaign.",
        lookup.Entry("maximum pressure", "sanctions"),
        lookup.Entry("pressure", "stress"),
    )
    assert sorted(zip(found.category, found.match, strict=True)) == [
        ("sanctions", "maximum pressure"),
        ("stress", "pressure"),
    ]


def test_offsets_and_token_ids_point_at_the_match():
    body = "Talks stalled. Then denuclearisation talks resumed."
    found = find(body, lookup.Entry("denucleari* talks", "t"))
    row = found.iloc[0]
    assert body[row.start : row.end] == row.match == "denuclearisation talks"
    assert (row.sentence_id, row.first_token, row.last_token) == (1, 4, 5)


def test_globs_match_both_spellings_and_single_characters():
    found = find(
        "Denuclearization or denuclearisation, and a denuclearized peninsula.",
        lookup.Entry("denucleari*", "t"),
    )
    assert found.match.tolist() == ["Denuclearization", "denuclearisation", "denuclearized"]
    spelled = find("Organise and organize.", lookup.Entry("organi?e", "t"))
    assert spelled.match.tolist() == ["Organise", "organize"]


def test_a_glob_matches_a_part_of_a_hyphenated_word_and_counts_the_whole_token():
    body = "An anti-Japan rally; Japan-based firms and Japanese envoys."
    found = find(body, lookup.Entry("japan*", "japan"))
    assert found.match.tolist() == ["anti-Japan", "Japan-based", "Japanese"]
    assert [body[start:end] for start, end in zip(found.start, found.end, strict=True)] == found.match.tolist()
    assert find("A non-sanctioned trade.", lookup.Entry("sanction*", "s")).match.tolist() == ["non-sanctioned"]


def test_a_plain_word_matches_whole_tokens_only_so_un_never_matches_jong_un():
    body = "Kim Jong-un spoke at the UN. An anti-Japan rally followed."
    assert find(body, lookup.Entry("un", "t")).match.tolist() == ["UN"]
    assert find(body, lookup.Entry("japan", "t")).empty
    assert find(body, lookup.Entry("Jong-un", "t")).match.tolist() == ["Jong-un"]


def test_a_glob_with_a_hyphen_matches_whole_tokens_and_the_case_rule_holds_for_parts():
    body = "An anti-Japan rally, an anti-japan chant, a pro-Japan mood."
    assert find(body, lookup.Entry("anti-*", "t")).match.tolist() == ["anti-Japan", "anti-japan"]
    assert find("Japan-based and Seoul-based firms.", lookup.Entry("*-based", "t")).match.tolist() == [
        "Japan-based",
        "Seoul-based",
    ]
    assert find(body, lookup.Entry("Japan*", "t", case_sensitive=True)).match.tolist() == ["anti-Japan", "pro-Japan"]
    # A part matches inside a phrase and inside an exclusion as well.
    assert find(body, lookup.Entry("japan* rally", "t")).match.tolist() == ["anti-Japan rally"]
    assert find(body, lookup.Entry("japan*", "t", exclude=("pro-* mood",))).match.tolist() == [
        "anti-Japan",
        "anti-japan",
    ]


def test_case_insensitive_by_default_and_case_sensitive_when_asked():
    body = "The US told us to wait; the us-based team agreed."
    assert find(body, lookup.Entry("us", "t")).match.tolist() == ["US", "us"]
    assert find(body, lookup.Entry("US", "t", case_sensitive=True)).match.tolist() == ["US"]


def test_curly_apostrophes_match_straight_ones():
    found = find("It is Russia’s war.", lookup.Entry("Russia's war", "t"))
    assert found.match.tolist() == ["Russia’s war"]


def test_exclusions_block_the_entry_inside_the_phrase_only():
    found = find(
        "He saw nuclear physics labs. A nuclear test followed.",
        lookup.Entry("nuclear", "t", exclude=("nuclear physics",)),
    )
    assert found.match.tolist() == ["nuclear"]
    assert found.start.tolist() == [found.start.iloc[0]] and found.sentence_id.tolist() == [1]


def test_a_phrase_never_crosses_a_sentence_boundary():
    # The blank line ends the sentence even without a full stop.
    found = find("They spoke of maximum\n\npressure campaigns.", lookup.Entry("maximum pressure", "t"))
    assert found.empty
    assert list(found.columns) == lookup.MATCH_COLUMNS


def test_weight_is_reported_per_match():
    found = find("Sanctions and more sanctions.", lookup.Entry("sanction*", "t", weight=0.5))
    assert found.weight.tolist() == [0.5, 0.5]


def test_parse_entry_accepts_a_string_or_a_mapping():
    assert lookup.parse_entry("sanction*", category="s", where="f.yaml") == lookup.Entry("sanction*", "s")
    entry = lookup.parse_entry(
        {"pattern": " US ", "weight": 2, "case_sensitive": True, "exclude": "US dollar"},
        category="us",
        where="f.yaml",
    )
    assert entry == lookup.Entry("US", "us", 2.0, True, ("US dollar",))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"pattern": "trade", "wieght": 2}, "f.yaml: theme 'economy', entry 'trade': unknown key(s) wieght"),
        (
            {"pattern": "trade", "weight": "heavy"},
            "f.yaml: theme 'economy', entry 'trade': weight 'heavy' is not a number",
        ),
        ({"pattern": "trade", "weight": True}, "entry 'trade': weight True is not a number"),
        ({"pattern": "  "}, "f.yaml: theme 'economy', entry '  ': pattern is empty"),
        ("", "pattern is empty"),
        ({"weight": 2}, "entry None: pattern is empty"),
        ({"pattern": "trade", "case_sensitive": "yes"}, "entry 'trade': case_sensitive 'yes' must be true or false"),
        ({"pattern": "trade", "exclude": [""]}, "entry 'trade': exclude must be a list of non-empty phrases"),
        (["trade"], "f.yaml: theme 'economy': entry ['trade'] must be a string or a mapping"),
    ],
)
def test_parse_entry_errors_are_one_line_and_name_the_place(raw, message):
    with pytest.raises(KitError) as err:
        lookup.parse_entry(raw, category="economy", where="f.yaml: theme 'economy'")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_matching_cost_grows_linearly_inside_one_long_sentence():
    # A text without a full stop is one sentence; when each candidate was checked against every exclusion
    # occurrence in its sentence, doubling the sentence quadrupled the time.
    entry = lookup.compile_entries([lookup.Entry("pressure", "t", exclude=("maximum pressure",))])

    def long_sentence(repeats: int) -> tuple[pd.DataFrame, dict[str, str]]:
        return tokens_of("maximum pressure and pressure " * repeats)

    def step(article: tuple[pd.DataFrame, dict[str, str]]) -> None:
        tokens, texts = article
        assert len(lookup.find(tokens, entry, texts=texts)) == tokens.sentence_id.size // 4

    assert_linear(step, long_sentence, 1500)


def test_a_letter_outside_ascii_matches_as_the_regex_says_not_only_by_lower_case():
    # Python's case-insensitive match takes "ſ" (long s) for "s": lower-case look-ups alone would miss it.
    assert find("New ſanctions followed.", lookup.Entry("sanctions", "t")).match.tolist() == ["ſanctions"]
    assert find("António Guterres spoke.", lookup.Entry("ANTÓNIO guterres", "t")).match.tolist() == ["António Guterres"]
    # "[" is a word of its own, tested by its regex (fnmatch gives "[" a meaning, so it is never looked up).
    assert find("A [s]ic note, a [sic] one.", lookup.Entry("[s]ic", "t")).match.tolist() == ["[s]ic"]


def test_entry_sets_that_differ_only_in_weight_or_category_keep_their_own():
    # The start index is shared by entry sets with the same words; what it answers must not carry the
    # weight (1 and 1.0 are equal keys) or the category of the set that built it.
    body = "Pressure grew."
    first = find(body, lookup.Entry("pressure", "a", weight=1))
    second = find(body, lookup.Entry("pressure", "b", weight=2.5))
    assert (first.category.tolist(), first.weight.tolist()) == (["a"], [1])
    assert (second.category.tolist(), second.weight.tolist()) == (["b"], [2.5])


def test_a_case_sensitive_and_a_case_insensitive_entry_of_the_same_word_are_told_apart():
    body = "KIM met Kim."
    assert find(body, lookup.Entry("Kim", "t", case_sensitive=True)).match.tolist() == ["Kim"]
    assert find(body, lookup.Entry("Kim", "t")).match.tolist() == ["KIM", "Kim"]


def test_an_exclusion_counts_wherever_it_overlaps_the_match_and_nowhere_else():
    entry = lookup.Entry("pressure", "t", exclude=("maximum pressure", "pressure campaign"))
    found = find("Maximum pressure. Pressure campaign now. Pressure, then maximum pressure again; pressure.", entry)
    assert found.match.tolist() == ["Pressure", "pressure"]
    assert found.sentence_id.tolist() == [2, 2]
    # An exclusion over the last word of a phrase blocks the phrase; one after it does not.
    phrase = lookup.Entry("talks resumed", "t", exclude=("resumed fighting",))
    assert find("Talks resumed fighting. Talks resumed, and fighting stopped.", phrase).sentence_id.tolist() == [1]
