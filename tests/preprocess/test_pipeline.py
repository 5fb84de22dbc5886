"""kit.preprocess.pipeline: prepare() loads, cleans and tokenises a corpus all at once in memory."""

import pytest

from kit.preprocess.clean import CleaningWarning
from kit.preprocess.pipeline import prepare

TABLES = ["documents", "removed", "paragraphs", "sentences", "tokens"]


def test_cleaning_warnings_can_be_left_to_the_corpus_report(recwarn):
    prepared = prepare(warn_cleaning=False)
    assert not [w for w in recwarn if issubclass(w.category, CleaningWarning)]
    assert prepared.removed.suspect.any()  # the long removals are still flagged in the table
    with pytest.warns(CleaningWarning):
        prepare()
