"""kit.analyses.voices.speakers: a speaker is a noun phrase, never a piece of a clause — on every corpus the kit reads."""

from __future__ import annotations

import pytest

from kit.analyses.voices import extract_quotes, speakers
from kit.preprocess.pipeline import prepare
from tests.devcorpus import DEVCORPUS, DEVCORPUS2, needs_devcorpus, needs_devcorpus2


@pytest.mark.parametrize(
    "speaker",
    [
        "Hua Chunying",
        "Foreign Ministry spokesman Geng Shuang",
        "the North Korean leader",
        "a trader in North Pyongan",
        "the ministry's spokesman",
        "the Russian Foreign Ministry",
        "KCNA",
        "A diplomatic source in Beijing",
        "analysts",
        "United States government",
        "",
    ],
)
def test_noun_phrases_are_speakers(speaker):
    assert speakers.fragment_reason(speaker) == ""


@pytest.mark.parametrize(
    ("speaker", "reason"),
    [
        ("whereupon the leader", "starts with 'whereupon'"),
        ("where he", "starts with 'where'"),
        ("criticism of the ministry which", "ends with 'which'"),
        ("a rift between the neighbors and usual allies", "names no person, role or body"),
        ("she", "an unresolved pronoun 'she'"),
        ("the ministry said the", "ends with 'the'"),
        ("Xinhua said Kim", "holds the verb 'said'"),
        ("the statement; the agency", "holds clause punctuation"),
    ],
)
def test_clause_fragments_are_refused_with_a_reason(speaker, reason):
    assert speakers.fragment_reason(speaker).startswith(reason.split(" '")[0])


def _assert_no_fragment(prepared):
    table = extract_quotes(prepared)
    voices = table[table.speaker != ""]
    bad = [(r.doc_id, r.speaker, speakers.fragment_reason(r.speaker)) for r in voices.itertuples()]
    assert [b for b in bad if b[2]] == []
    assert set(table.abstained[table.speaker == ""]) <= set(table.abstained)


def test_no_speaker_on_the_seeds_is_a_fragment(seeds):
    _assert_no_fragment(seeds)


@needs_devcorpus
def test_no_speaker_on_the_development_corpus_is_a_fragment():
    _assert_no_fragment(prepare(DEVCORPUS))


@needs_devcorpus2
def test_no_speaker_on_the_second_development_corpus_is_a_fragment():
    _assert_no_fragment(prepare(DEVCORPUS2, warn_cleaning=False))
