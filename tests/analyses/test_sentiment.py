"""kit.analyses.sentiment: the reference VADER (vaderSentiment), with the words behind each score and an extra lexicon."""

import random

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from kit.analyses import sentiment


def test_vader_reads_the_packaged_lexicon_and_explains_its_score():
    analyzer = sentiment.vader()
    scores, drivers = analyzer.explain("The friendship is good, not bad.")
    assert scores == analyzer.polarity_scores("The friendship is good, not bad.")
    assert [w for w, _ in drivers] == ["friendship", "good", "bad"]
    assert dict(drivers)["bad"] > 0  # "not bad": negation flips the valence


def test_emojis_and_idioms_are_read_as_the_reference_reads_them():
    reference = SentimentIntensityAnalyzer()
    for sentence in ["Talks went well 💘", "It was kind of bad", "The summit was great but the talks were awful!!"]:
        assert sentiment.vader().explain(sentence)[0] == reference.polarity_scores(sentence), sentence
    assert [w for w, _ in sentiment.vader().explain("Talks went well 💘")[1]] == ["well", "heart"]


def test_an_extra_lexicon_replaces_vaders_value_and_adds_new_words():
    analyzer = sentiment.vader((("dipl_unshakable", 2.0), ("pressure", -2.0)))
    assert analyzer.lexicon["pressure"] == -2.0 and sentiment.vader().lexicon["pressure"] == -1.2
    assert analyzer.explain("An dipl_unshakable bond under pressure")[1] == [
        ("dipl_unshakable", 2.0),
        ("pressure", -2.0),
    ]
    assert sentiment.vader_lexicon_path().name == "vader_lexicon.txt"


def test_negation_idiom_and_booster_rules_score_as_the_reference_scores_them():
    # Random sentences of the words VADER's checks look for, at every distance from a lexicon word, so the
    # kit's shortcuts (words outside the lexicon skipped, checks given only the nearby words) must agree.
    words = (  # noqa: SIM905  (a list literal of 50 words would not read as a sentence of them)
        "never so this without doubt not no nor or least at very good bad the bomb shit kind of sort cut mustard "
        "isn't extremely hand to mouth but GREAT yeah right hardly nice ugly back handed 💘 :) , NOT Never DON'T "
        "wasnt ain't cannot"
    ).split()
    rng = random.Random(4)
    reference = SentimentIntensityAnalyzer()
    analyzer = sentiment.vader()
    for _ in range(3000):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        expected = reference.polarity_scores(sentence)
        assert analyzer.explain(sentence)[0] == expected, sentence
        assert analyzer.polarity_scores(sentence) == expected, sentence


def test_formulas_read_as_written_and_words_counted_against():
    analyzer = sentiment.vader((("dipl_will_not_change", 1.5),), ("dipl_will_not_change",))
    # "should not and will not change": VADER's "not" two words back would negate the formula.
    assert analyzer.explain("This should not and dipl_will_not_change")[1] == [("dipl_will_not_change", 1.5)]
    assert sentiment.vader((("dipl_will_not_change", 1.5),)).explain("This should not and dipl_will_not_change")[1] == [
        ("dipl_will_not_change", -1.11)
    ]
    # A word counted against: its positive valence after VADER's rules times VADER's negation factor.
    scores, drivers = sentiment.vader().explain("the so-called freedom", against=[2])
    assert drivers == [("freedom", -2.368)] and scores["compound"] < 0
    assert sentiment.vader().explain("not freedom", against=[1])[1] == [("freedom", -2.368)]  # already negated
    assert sentiment.vader().explain("the so-called freedom") == sentiment.vader().explain(
        "the so-called freedom", against=()
    )
    assert sentiment.is_negation("no") and sentiment.is_negation("Won't") and not sentiment.is_negation("know")
    assert sentiment.lookup_form("‘collapse’") == "‘collapse’" and sentiment.lookup_form("'Collapse'") == "collapse"
