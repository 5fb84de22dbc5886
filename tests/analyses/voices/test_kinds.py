"""kit.analyses.voices.kinds: speech, fragment or term, from where a quotation sits in its sentence."""

from kit.analyses import voices
from kit.preprocess.pipeline import prepare


def test_a_whole_sentence_quoted_inside_the_journalists_sentence_is_speech(make_corpus):
    body = (
        "A Test Headline\n\nThe public is becoming vocal in China that “China is not a country which obeys "
        "the law of another country” and that they are “blood allies” of the “Republic of Korea Army Band”.\n"
    )
    table = voices.extract_quotes(prepare(make_corpus({"a1.txt": body})))
    assert table.kind.tolist() == ["speech", "term", "term"]


def test_a_short_phrase_the_journalists_clause_runs_into_is_a_fragment_even_with_a_cue(make_corpus):
    body = (
        "A Test Headline\n\nChina opposes “the politicization of this issue,” the spokesman Hong Lei added.\n\n"
        "Hong noted that “the issue is settled,” he said.\n\n"
        "Keeping the ties in good health “is a strategic choice and the only right choice both sides have made "
        "based on history,” Xi Jinping said.\n"
    )
    table = voices.extract_quotes(prepare(make_corpus({"a1.txt": body})))
    assert table.kind.tolist() == ["fragment", "speech", "speech"]  # after "that", or long: a statement
