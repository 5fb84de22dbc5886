"""The stage registry: its order, its columns, and a table added by one entry and one function."""

from dataclasses import replace

import pandas as pd
import pytest

from kit import config
from kit.analyses import themes
from kit.compute import archive, engine, stages, tables
from kit.compute.chunks import PREPARED_TABLES, DataFiles, Earlier, Stage
from kit.compute.stages import ANALYSIS_TABLES, STAGES
from kit.errors import KitError
from kit.types import Prepared


def test_every_stage_comes_after_the_stages_it_needs():
    seen: list[str] = []
    for stage in STAGES:
        assert all(need in seen for need in stage.needs), stage.name
        seen.append(stage.name)
    assert len(set(seen)) == len(seen) and not set(seen) & set(PREPARED_TABLES)


def test_the_registry_names_the_kits_per_document_tables_in_their_order():
    assert ANALYSIS_TABLES == ("sizes", "dates", "quotes", "tone", "theme_hits", "theme_sums")
    assert dict(zip(ANALYSIS_TABLES, [s.needs for s in STAGES], strict=True))["tone"] == ("quotes",)
    assert archive.REPORT_TABLES == ("dates", "quotes", "tone", "theme_sums")
    assert {t: tables.STORED[t] for t in ("dates", "quotes", "tone")} == {
        "dates": "dates",
        "quotes": "quotes",
        "tone": "tone",
    }


def test_each_stage_gives_its_columns_on_the_seeds(tmp_path):
    settings = engine.Settings(store=tmp_path / "store", jobs=1, progress=False, stages=STAGES)
    found = engine.run_tables(None, ANALYSIS_TABLES, settings)
    for stage in STAGES:
        assert list(found[stage.name].columns[: len(stage.columns)]) == list(stage.columns), stage.name


def test_a_stage_is_keyed_by_the_data_files_it_names():
    hashes = DataFiles().hashes(STAGES)
    assert hashes["sizes"] == hashes["tokens"]  # the abbreviations and stopwords only
    assert (
        hashes["tone"][:3] == hashes["quotes"] and hashes["tone"] != DataFiles(no_lexicon=True).hashes(STAGES)["tone"]
    )
    assert hashes["theme_sums"] == hashes["theme_hits"]


def test_a_table_no_stage_gives_is_refused_by_name(tmp_path):
    settings = engine.Settings(store=tmp_path / "store", jobs=1, progress=False)  # no stages: prepared tables only
    with pytest.raises(KitError, match="no stage gives the table 'dates'"):
        engine.run_tables(None, ["dates"], settings)


def test_stages_out_of_order_are_refused():
    tone, quotes = (next(s for s in STAGES if s.name == name) for name in ("tone", "quotes"))
    with pytest.raises(KitError, match="stage 'tone' needs 'quotes', which no earlier stage gives"):
        engine.Settings(stages=(tone, quotes))


def test_the_yaml_files_are_parsed_once_per_process_and_content():
    first = stages.loaded(themes.load_dictionary, None, config.THEMES)
    assert stages.loaded(themes.load_dictionary, None, config.THEMES) is first


# A table added to the kit: one function over a chunk's prepared documents, one entry in the registry.
def mean_word_lengths(prepared: Prepared, data: DataFiles, earlier: Earlier) -> pd.DataFrame:
    """Per document: the mean length of its word tokens (punctuation left out)."""
    words = prepared.tokens[~prepared.tokens.is_punct.astype(bool)]
    means = words.token.str.len().groupby(words.doc_id).mean()
    doc_ids = prepared.documents.doc_id
    return pd.DataFrame({"doc_id": doc_ids, "mean_length": doc_ids.map(means).fillna(0.0).astype(float)})


WORD_LENGTHS = Stage("word_lengths", mean_word_lengths, columns=("doc_id", "mean_length"))


def test_a_new_stage_is_one_registry_entry_and_its_table_is_read_back_chunk_by_chunk(tmp_path, seeds):
    kit_only = engine.Settings(store=tmp_path / "store", jobs=1, progress=False, chunk_size=2, stages=STAGES)
    settings = replace(kit_only, stages=(*kit_only.stages, WORD_LENGTHS))  # how a caller registers its stage
    store, chunks = engine.build(None, ["word_lengths"], settings)
    assert len(chunks) > 1
    by_chunk = [store.read("word_lengths", chunk.keys["word_lengths"]) for chunk in chunks]
    assert all(len(frame) == len(chunk.entries) for frame, chunk in zip(by_chunk, chunks, strict=True))
    whole = mean_word_lengths(seeds, DataFiles(), lambda name: None)
    pd.testing.assert_frame_equal(engine.concat(by_chunk), whole.reset_index(drop=True), check_exact=True)
    assert list(whole.columns) == list(WORD_LENGTHS.columns)
    # the kit's own tables keep their keys: a stage added beside them changes none of them
    planned = list(engine.make_chunks(config.SEEDS, kit_only))
    assert [{**c.keys, "word_lengths": ""} for c in planned] == [{**c.keys, "word_lengths": ""} for c in chunks]
