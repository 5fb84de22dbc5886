"""kit.analyses.tone.structure: conditions, "so-called" and refusal, and quotation marks — each on real sentences.

The sentences are quoted from the development texts (seeds, ../shared/devcorpus, the development half of
../shared/devcorpus2) or, where those have no example, from public statements named beside them.
"""

import pytest

from kit.analyses import tone
from kit.analyses.tone import structure


@pytest.fixture(scope="module")
def lexicon():
    return tone.load_lexicon()


def scored(lexicon, sentence):
    """The sentence scored with the lexicon, and plain."""
    return tone.score_texts([sentence], lexicon=lexicon).iloc[0], tone.score_texts([sentence]).iloc[0]


def left_out(sentence):
    return [sentence[a:b] for a, b in structure.conditions(sentence, [(0, len(sentence))])]


# ---------------------------------------------------------------- conditions


def test_a_conditional_threat_is_scored_as_the_threat(lexicon):
    # A Global Times editorial, 2013 (devcorpus 010).
    sentence = (
        "If North Korea insists on a third nuclear test despite attempts to dissuade it, it must pay a heavy price"
    )
    with_lexicon, plain = scored(lexicon, sentence)
    assert with_lexicon.structure == (
        "left out (condition): “If North Korea insists on a third nuclear test despite attempts to dissuade it,”"
    )
    assert with_lexicon.drivers == "pay -0.40; heavy price -2.50"
    assert with_lexicon.compound < -0.5 < plain.compound


def test_a_conditional_offer_is_scored_as_the_offer(lexicon):
    # Kim Jong Un relayed by Xinhua, 2018 (seeds 001 and 003): the condition asks for "peace" twice.
    sentence = (
        "The issue of denuclearization of the Korean Peninsula can be resolved, if South Korea and the United States "
        "respond to our efforts with goodwill, create an atmosphere of peace and stability while taking progressive "
        "and synchronous measures for the realization of peace."
    )
    with_lexicon, plain = scored(lexicon, sentence)
    assert left_out(sentence) == [sentence[sentence.index("if South") : -1]]
    assert with_lexicon.drivers == "resolved +0.70" and "peace +2.50" in plain.drivers
    assert 0 < with_lexicon.compound < 0.25 < plain.compound  # readers: +1 of 4
    # An offer conditional on the other side dropping its hostile policy, reported by China Daily in 2016.
    offer = (
        "The DPRK has offered to impose a unilateral moratorium on nuclear testing if the US suspends annual "
        "military drills with the Republic of Korea."
    )
    assert left_out(offer) == ["if the US suspends annual military drills with the Republic of Korea"]


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        # devcorpus 008 (2012): "as long as" after the consequence.
        (
            "it is right for the Chinese government to handle them in line with international rules as long as they "
            "are not criminals",
            "as long as they are not criminals",
        ),
        # Rodong Sinmun, 13 May 2017 (nkaggregator.com): "As long as" opening the sentence.
        (
            "As long as the U.S. does not roll back its hostile policy toward the DPRK, it will redouble its measure",
            "As long as the U.S. does not roll back its hostile policy toward the DPRK, ",
        ),
        # devcorpus2 007 (2002): "unless".
        (
            "I cannot talk to reporters about Mr. Yang unless they have official permission from the police",
            "unless they have official permission from the police",
        ),
        # Rodong Sinmun, 2017 (devcorpus 019, the sentence cut short): "only if", to the sentence's end.
        (
            "it will meet shame and rebuff only if it calculates it could disregard self-respect of a sovereign state.",
            "only if it calculates it could disregard self-respect of a sovereign state",
        ),
        # devcorpus2 051 (2017): a condition set between commas ends at the second.
        (
            "A new nuclear test or an intercontinental ballistic missile test, if conducted by Pyongyang at this time, "
            "will be a slap in the face of the US government",
            "if conducted by Pyongyang at this time",
        ),
        # devcorpus2 058 (2019): "and would …" is the consequence again, not the condition.
        (
            "the United States would be very disappointed if North Korea tested a long-range or nuclear missile and "
            "would take appropriate action",
            "if North Korea tested a long-range or nuclear missile",
        ),
        # devcorpus2 022 (BBC, 2008): "So, if X, Y" opens its clause.
        (
            "So, if the Chinese government does know anything about Kim Jong-il and his health, it's decided - for "
            "now at least - not to speculate about it in public.",
            "if the Chinese government does know anything about Kim Jong-il and his health, ",
        ),
        # devcorpus2 051 (2017): "If not," too.
        ("If China decides to help, that would be great. If not, we will solve the problem without them!", None),
    ],
)
def test_conditions_leave_the_scored_text(sentence, condition):
    found = left_out(sentence)
    if condition is None:
        assert found == ["If China decides to help, ", "If not, "]
    else:
        assert found == [condition]


@pytest.mark.parametrize(
    "sentence",
    [
        # Not conditions: anonymity (devcorpus2 058), "as if" (seeds 000), "even if" (devcorpus 007), an "if"
        # meaning whether (devcorpus 004).
        "Though some diplomats, speaking on condition of anonymity, have warned that unity would be broken",
        "relationships improved as if there had never been tension",
        "and declines to inform the results even if defectors have been repatriated",
        "It was not clear if it was still possible he could meet with Kim Jong Il",
        # An opening condition with no comma or "then": where the consequence starts cannot be told (made up).
        "If so the talks go on",
    ],
)
def test_what_is_no_condition_stays(sentence):
    assert left_out(sentence) == []


@pytest.mark.parametrize("marker", ["so long as", "as long as", "provided that", "on condition that", "unless"])
def test_every_marker_of_a_condition(marker):
    # Rodong Sinmun's threat of 2017 with each marker in turn (only "as long as" is the original's).
    sentence = f"it will redouble its measure for self-defense {marker} the U.S. does not roll back its hostile policy"
    assert left_out(sentence) == [f"{marker} the U.S. does not roll back its hostile policy"]


# ---------------------------------------------------------------- so-called and refusal


def test_a_positive_word_called_so_called_counts_against(lexicon):
    # Hua Chunying, 16 November 2018 (ecns.cn).
    with_lexicon, plain = scored(
        lexicon, "It can be seen that the so-called issue of navigation freedom is non-existent"
    )
    assert with_lexicon.structure == "counted against (so-called): freedom"
    assert (plain.drivers, with_lexicon.drivers) == ("freedom +3.20", "freedom -2.37")  # 3.2 × -0.74
    assert with_lexicon.compound < 0 < plain.compound


def test_a_refused_positive_word_counts_against(lexicon):
    # Guo Jiakun at a foreign ministry briefing (bastillepost.com), and a report of Mao Ning's briefing in 2023
    # (pressarabia.qa).
    refusal = (
        "we firmly oppose any country using the pretext of freedom of navigation to carry out provocations or "
        "threaten China's sovereignty and security"
    )
    with_lexicon, plain = scored(lexicon, refusal)
    assert with_lexicon.structure == "counted against (refused): freedom"
    assert "security +1.40" in with_lexicon.drivers  # past the refusal's scope (eight words)
    assert with_lexicon.compound < 0 < plain.compound
    opposed, _ = scored(lexicon, "this behavior opposes commitment to the goal of denuclearization of the peninsula.")
    assert opposed.structure == "counted against (refused): commitment"
    # A formula of refusal with nothing positive after it scores by its own valence (devcorpus 016).
    assert scored(lexicon, "The Chinese government firmly opposes such an act")[0].drivers == "firmly opposes -2.00"


def test_a_refusal_reaches_no_further_than_a_negative_word():
    # What is refused is the negative thing; what it would harm keeps its valence (a made-up sentence of the
    # register: no development text has one).
    sentence = "China resolutely opposes any attempt to undermine peace"
    words = sentence.split()
    valences = [0, 0, 0, 0, 0, 0, -1.2, 2.5]
    assert structure.counted_against(words, valences) == {}
    assert structure.counted_against(words[:6] + words[7:], valences[:6] + valences[7:]) == {6: "refused"}


def test_never_accept_and_not_tolerate_are_refusals():
    words = ["will", "never", "accept", "the", "so-called", "peace"]
    assert structure.counted_against(words, [0, 0, 1.6, 0, 0, 2.5]) == {5: "refused"}


def test_a_formula_with_its_own_negation_is_read_as_written(lexicon):
    # A PRC official, 2018 (seeds 001, 002): VADER reads "should not and will not change" as negated.
    with_lexicon, plain = scored(lexicon, "This should not and will not change because of any single event")
    assert (plain.compound, with_lexicon.drivers) == (0.0, "will not change +1.50")
    # Seeds 004: "never tolerate" is a refusal, and "bad" stays bad.
    with_lexicon, plain = scored(lexicon, "it will never tolerate Pyongyang’s bad behavior")
    assert with_lexicon.drivers == "never tolerate -2.00; bad -2.50"
    assert plain.compound > 0 > with_lexicon.compound
    # A PRC official, 2000 (devcorpus2 003): "never forget" no longer negates "friendship".
    with_lexicon, plain = scored(lexicon, "the Chinese people will never forget the friendship formed")
    assert "friendship -1.41" in plain.drivers and with_lexicon.drivers == "never forget +2.00; friendship +1.90"


# ---------------------------------------------------------------- quotation marks


def test_a_scare_quoted_word_inside_official_speech_keeps_its_valence(lexicon):
    # Devcorpus2 043 (2015): VADER strips only straight marks, so the curly ‘collapse’ had no valence at all.
    with_lexicon, plain = scored(lexicon, "‘collapse’ is just a matter of time")
    assert "collapse" not in plain.drivers
    assert with_lexicon.drivers == "collapse -2.20; matter +0.10"
    assert with_lexicon.compound == tone.score_texts(["'collapse' is just a matter of time"]).compound.iloc[0]


def test_a_curly_apostrophe_negates_as_a_straight_one_does():
    assert structure.straightened("isn’t ‘collapse’ “peace”") == "isn't 'collapse' \"peace\""


def test_plain_vader_reads_none_of_this(lexicon):
    sentence = "If an administration isn’t supported by the people, ‘collapse’ is just a matter of time"
    with_lexicon, plain = scored(lexicon, sentence)
    assert (plain.structure, plain.drivers) == ("", "supported +1.30; matter +0.10")
    assert with_lexicon.structure == "left out (condition): “If an administration isn’t supported by the people,”"
