"""kit.analyses.chronology.prefilter: a rule is skipped only on sentences it cannot match."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.analyses.chronology import prefilter
from kit.analyses.chronology.resolve import rule_candidates
from kit.analyses.chronology.rules import RULES
from kit.preprocess.pipeline import prepare
from kit.validation import synth
from tests.devcorpus import DEVCORPUS

# One sentence (at least) each rule matches, some written with the letters re.I folds to ASCII ones.
RULE_EXAMPLES = {
    "iso_date": "The data arrived on 2018-03-02.",
    "month_day_year": "It ended on 28 March, 2018.",
    "month_day_range": "A visit on April 11-13, 2024.",
    "day_month_range": "Talks ran from 26 to 28 March.",
    "month_day_relative_year": "It opened on March 3 last year.",
    "weekday_and_day": "They met on Friday (Jun 21).",
    "month_day": "Talks begin on Sept. 9.",
    "month_range": "In the January-March period.",
    "month_year": "He took over in December 2011.",
    "year_range": "Talks ran between 2013 and 2016.",
    "decade": "It was signed in the 1990s.",
    "short_decade": "It was a hit in the NINETIE\u017f.",
    "century": "In the new century, ties will grow.",
    "year": "Xi visited Seoul in 2014.",
    "season": "Talks were held in the \u017fummer of 2017.",
    "relative_unit": "Trade fell LA\u017fT YEAR.",
    "today_relative": "He arrived YE\u017fTERDAY MORNING.",
    "previous_unit": "Two days earlier, they met.",
    "same_as_previous": "At the same time, they met.",
    "same_period": "Up on the same period of 2016.",
    "unit_named_before": "He came in September; in the month he met Kim.",
    "since_then": "Since then, ties have grown.",
    "part_of_day_named_before": "By nightfall, police had found him.",
    "before_the_end": "Talks will be held before year end.",
    "part_of_the_unit": "Later in the day, he left.",
    "year_end": "A deal is due by YEAR-END.",
    "months_to": "Prices rose 3% in the year to March.",
    "months_of_the_year": "In the first quarter of 2019.",
    "quarter_code": "Profits rose in Q3 2017.",
    "past_units": "Over the past three years.",
    "coming_units": "In the coming two weeks.",
    "units_ago": "Three WEE\u212aS AGO, he left.",
    "units_from_now": "Talks resume in two WEEKS' TIME.",
    "month_relative_year": "It was held in May last year.",
    "month_of_year_named_before": "In June the following year.",
    "holiday": "They met on Lunar New Year 2019.",
    "day_of_visit": "On the second day of his visit, he left.",
    "anchored_on_event": "The run-up to the summit was tense.",
    "weekend": "Over the wee\u212aend, he left.",
    "weekday_range": "From Monday to Friday, they met.",
    "weekday": "They met last Sunday.",
    "day_ordinal": "The delegation left on the 26th.",
    "month": "They met last November.",
    "vague": "The crisis deepened recently.",
}


@pytest.fixture(scope="module")
def corpus_sentences(seeds, tmp_path_factory):
    """Sentences of the seeds, of synthetic articles, of the development corpus (when present) and the examples."""
    synthetic = prepare(synth.synthesise(40, tmp_path_factory.mktemp("synth") / "corpus", seed=3), warn_cleaning=False)
    texts = [*seeds.sentences.text, *synthetic.sentences.text, *RULE_EXAMPLES.values()]
    if DEVCORPUS.is_dir():
        texts += list(prepare(DEVCORPUS, warn_cleaning=False).sentences.text)
    return texts


def test_fold_covers_every_letter_re_i_takes_for_an_ascii_one():
    ascii_letter = re.compile("[a-z]", re.I)
    others = [chr(cp) for cp in range(0x80, 0x110000) if ascii_letter.fullmatch(chr(cp))]
    assert others == ["\u0130", "\u0131", "\u017f", "\u212a"]
    assert [prefilter.casefolded(letter) for letter in others] == ["i", "i", "s", "k"]
    assert prefilter.casefolded("ISO \u017fUMMER") == "iso summer"


def test_every_rule_has_needs_and_an_example_it_matches():
    assert set(prefilter.NEEDS) == {rule.name for rule in RULES} == set(RULE_EXAMPLES)
    for rule in RULES:
        assert rule.pattern.search(RULE_EXAMPLES[rule.name]), rule.name


def test_a_sentence_a_rule_matches_holds_all_its_needs(corpus_sentences):
    for sentence in corpus_sentences:
        lower = prefilter.casefolded(sentence)
        for rule in RULES:
            if rule.pattern.search(sentence):
                assert all(need.search(lower) for need in prefilter.NEEDS[rule.name]), (rule.name, sentence)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_text_a_rule_matches_holds_all_its_needs(rule):
    # Strings built from the rule's own pattern, so every alternative and spelling of it is tried.
    @settings(max_examples=100, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(rule.pattern))
    def check(text):
        if rule.pattern.search(text):
            lower = prefilter.casefolded(text)
            assert all(need.search(lower) for need in prefilter.NEEDS[rule.name]), text

    check()


def test_candidates_are_those_of_every_rule(corpus_sentences):
    for sentence in corpus_sentences:
        every_rule = {(m.start(), m.end(), rule.name) for rule in RULES for m in rule.pattern.finditer(sentence)}
        possible = {rule.name for rule in prefilter.possible_rules(sentence)}
        assert {name for _, _, name in every_rule} <= possible, sentence
        assert {(c.start, c.end, c.rule.name) for c in rule_candidates(sentence)} <= every_rule


def test_a_sentence_without_date_words_runs_no_rule():
    assert prefilter.possible_rules("Kim met Xi.") == []
    assert [rule.name for rule in prefilter.possible_rules("He left in 1999.")] == [
        "iso_date",
        "year_range",
        "decade",
        "year",
        "day_ordinal",
    ]
