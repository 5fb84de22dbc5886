"""kit.dask_engine: the chunks on a two-worker distributed.LocalCluster give the default engine's tables, byte for byte.

The cluster listens on 127.0.0.1 only, which the tests' socket guard allows (pyproject: --allow-hosts).
"""

from pathlib import Path

import pytest

from kit import cli, engine, synth
from kit.errors import CorpusError

TABLES = ["documents", "removed", "paragraphs", "sentences", "tokens", "warnings", "sizes", "dates", "quotes", "tone"]


def as_csv(frames: dict) -> dict[str, str]:
    return {name: cli.render(frame, "csv") for name, frame in frames.items()}


def both_engines(corpus: Path | None, tmp_path: Path, tables: list[str], chunk_size: int) -> tuple[dict, dict]:
    local = engine.Settings(store=tmp_path / "local", jobs=2, progress=False, chunk_size=chunk_size)
    dask = engine.Settings(store=tmp_path / "dask", jobs=2, engine="dask", progress=False, chunk_size=chunk_size)
    return as_csv(engine.run(corpus, tables, local)), as_csv(engine.run(corpus, tables, dask))


def test_the_seeds_on_a_two_worker_local_cluster(tmp_path):
    local, dask = both_engines(None, tmp_path, [*TABLES, "theme_hits"], chunk_size=2)
    assert dask == local
    assert local["quotes"].count("\n") == 56  # the 55 seed quotations and the header


def test_a_thousand_synthetic_articles_on_a_two_worker_local_cluster(tmp_path):
    corpus = synth.synthesise(1000, tmp_path / "synth", seed=1)
    local, dask = both_engines(corpus, tmp_path, TABLES, chunk_size=engine.CHUNK_SIZE)
    assert dask == local
    assert local["sizes"].count("\n") == 1001


def test_the_command_line_takes_the_dask_engine(tmp_path, capsys):
    argv = ["table", "quotes", "--store", str(tmp_path / "one"), "--jobs", "1", "--no-progress"]
    assert cli.main(argv) == 0
    expected = capsys.readouterr().out
    dask = ["table", "quotes", "--store", str(tmp_path / "two"), "--jobs", "2", "--engine", "dask", "--no-progress"]
    assert cli.main(dask) == 0
    assert capsys.readouterr().out == expected


def test_a_scheduler_address_that_cannot_be_reached_is_one_line(tmp_path, capsys):
    argv = ["table", "quotes", "--store", str(tmp_path / "s"), "--engine", "dask", "--scheduler", "nonsense://x:1"]
    assert cli.main([*argv, "--no-progress"]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("error: --scheduler nonsense://x:1: cannot connect (unknown address scheme 'nonsense'")
    assert err.count("\n") == 1


def test_a_document_without_words_is_refused_as_the_default_engine_refuses_it(make_corpus, tmp_path):
    folder = make_corpus({"a1.txt": "Beijing said talks went well.\n", "b2.txt": "\u00a0\n"})
    settings = engine.Settings(store=tmp_path / "store", jobs=2, engine="dask", progress=False, chunk_size=1)
    with pytest.raises(CorpusError, match=r"document .b2. has no words after cleaning"):
        engine.run(folder, ["sentences"], settings)
