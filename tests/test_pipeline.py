"""kit.pipeline: prepare() all at once in memory, or by chunk through the store, gives the same frames."""

import pandas as pd
import pytest

from kit import config, engine
from kit.clean import CleaningWarning
from kit.pipeline import prepare

TABLES = ["documents", "removed", "paragraphs", "sentences", "tokens"]


def test_prepare_through_the_store_gives_the_frames_prepare_gives_in_memory(seeds, tmp_path):
    settings = engine.Settings(store=tmp_path / "store", jobs=1, progress=False, chunk_size=2)
    for _ in range(2):  # cold, then read back
        stored = prepare(settings=settings)
        for table in TABLES:
            pd.testing.assert_frame_equal(getattr(stored, table), getattr(seeds, table), check_exact=True)
    chunks = list(engine.make_chunks(config.SEEDS, settings))
    assert len(chunks) > 1
    assert len(list((tmp_path / "store" / "tokens").rglob("*.parquet"))) == len(chunks)


def test_cleaning_warnings_can_be_left_to_the_corpus_report(recwarn):
    prepared = prepare(warn_cleaning=False)
    assert not [w for w in recwarn if issubclass(w.category, CleaningWarning)]
    assert prepared.removed.suspect.any()  # the long removals are still flagged in the table
    with pytest.warns(CleaningWarning):
        prepare()
