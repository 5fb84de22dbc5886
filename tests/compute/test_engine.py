"""kit.compute.engine: the per-document stages by chunk (in process or on N processes) give the whole corpus's tables."""

import csv
import gc
import io
import multiprocessing
from pathlib import Path

import pandas as pd
import pytest

from kit import cli, config
from kit.compute import engine, tables
from kit.compute.chunks import available_cores, capped_jobs
from kit.compute.stages import STAGES
from kit.errors import CorpusError, KitWarning
from kit.preprocess.pipeline import prepare
from kit.validation import synth

CLI_TABLES = ["documents", "removed", "paragraphs", "sentences", "tokens", "dates", "quotes", "tone", "themes"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """120 articles recombined from the seeds (seed 3)."""
    return synth.synthesise(120, tmp_path_factory.mktemp("synth") / "corpus", seed=3)


@pytest.fixture(scope="module")
def longer(tmp_path_factory) -> Path:
    """400 articles recombined from the seeds (seed 3): more than one chunk of the default size."""
    return synth.synthesise(400, tmp_path_factory.mktemp("synth") / "corpus", seed=3)


def whole_corpus_csv(argv: list[str]) -> str:
    """What ``kit table`` printed before the store: the table built over ``prepare()`` of the whole corpus."""
    args = cli.build_parser().parse_args(argv)
    return cli.render(tables.TABLES[args.table].build(prepare(args.corpus), cli.analysis_settings(args)), "csv")


def chunked_csv(argv: list[str], capsys) -> str:
    assert cli.main(argv) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("name", CLI_TABLES)
def test_every_table_of_the_seeds_is_byte_identical_through_the_store(name, tmp_path, capsys):
    argv = ["table", name, "--store", str(tmp_path / "store"), "--jobs", "1"]
    expected = whole_corpus_csv(argv)
    assert chunked_csv(argv, capsys) == expected  # cold: computed and kept
    assert chunked_csv(argv, capsys) == expected  # warm: read back


@pytest.mark.parametrize("option", [["--no-vague"], []])
def test_dates_without_vague_expressions_as_the_chronology_leaves_them_out(option, tmp_path, capsys):
    argv = ["table", "dates", *option, "--store", str(tmp_path / "store"), "--jobs", "1"]
    out = chunked_csv(argv, capsys)
    assert out == whole_corpus_csv(argv)
    assert (",vague," in out) is not bool(option)


@pytest.mark.parametrize(
    "options",
    [
        ["events"],
        ["kwic", "--window", "3"],
        ["kwic", "--word", "sanction*", "--across-sentences"],
        ["keyness"],
        ["keyness", "--unit", "word", "--periods", "2018", "2024"],
        ["formulas"],
        ["formulas", "--by", "year-voice"],
    ],
    ids=["events", "kwic", "kwic-word", "keyness-themes", "keyness-words", "formulas", "formulas-by-year-voice"],
)
def test_tables_over_the_whole_corpus_computed_chunk_by_chunk_are_the_whole_corpus_tables(
    options, longer, tmp_path, capsys
):
    assert len(list(engine.make_chunks(longer, engine.Settings(stages=STAGES)))) > 1
    argv = ["table", *options, "--corpus", str(longer), "--no-progress", "--store", str(tmp_path / "s")]
    expected = whole_corpus_csv(argv)
    assert expected.count("\n") > 7  # every theme, or many more lines
    assert chunked_csv(argv, capsys) == expected


def test_plain_vader_tone_through_the_store_is_the_plain_table(tmp_path, capsys):
    argv = ["table", "tone", "--no-lexicon", "--store", str(tmp_path / "store"), "--jobs", "1"]
    assert chunked_csv(argv, capsys) == whole_corpus_csv(argv)


def frames_as_csv(frames: dict) -> dict[str, str]:
    return {name: cli.render(frame, "csv") for name, frame in frames.items()}


STREAMED = ["documents", "removed", "paragraphs", "sentences", "tokens", "warnings", "sizes", "dates", "quotes", "tone"]


def test_chunks_of_a_synthetic_corpus_give_the_whole_corpus_tables_on_one_process_and_on_two(synthetic, tmp_path):
    whole = prepare(synthetic)
    settings = engine.Settings(stages=STAGES, store=tmp_path / "one", jobs=1, progress=False, chunk_size=10)
    assert len(list(engine.make_chunks(synthetic, settings))) > 5
    one = frames_as_csv(engine.run_tables(synthetic, STREAMED, settings))
    assert one["tokens"] == cli.render(whole.tokens, "csv")
    assert one["sentences"] == cli.render(whole.sentences, "csv")
    args = cli.build_parser().parse_args(["table", "tone", "--corpus", str(synthetic)])
    assert one["tone"] == cli.render(tables.TABLES["tone"].build(whole, cli.analysis_settings(args)), "csv")
    assert one["quotes"].count("\n") > 100 and one["dates"].count("\n") > 100
    two = engine.Settings(stages=STAGES, store=tmp_path / "two", jobs=2, progress=False, chunk_size=10)
    assert frames_as_csv(engine.run_tables(synthetic, STREAMED, two)) == one


@pytest.mark.parametrize(
    "options",
    [
        ["--by", "outlet"],
        ["--by", "period"],
        ["--by", "period", "--periods", "2018", "2024-04"],
        ["--theme", "sanctions", "--theme", "alliance"],
    ],
    ids=["outlet", "period-year", "period-boundaries", "two-themes"],
)
def test_theme_counts_summed_from_the_kept_document_sums_are_the_whole_corpus_counts(
    options, synthetic, tmp_path, capsys
):
    argv = ["table", "themes", "--corpus", str(synthetic), *options, "--no-progress", "--store", str(tmp_path / "s")]
    expected = whole_corpus_csv(argv)
    assert expected.count("\n") > 4
    assert chunked_csv([*argv, "--jobs", "2"], capsys) == expected  # cold, the sums computed by chunk
    assert chunked_csv([*argv, "--jobs", "1"], capsys) == expected  # warm, read back


def test_jobs_two_on_the_command_line_prints_what_jobs_one_prints(synthetic, tmp_path, capsys):
    argv = ["table", "quotes", "--corpus", str(synthetic), "--no-progress"]
    one = chunked_csv([*argv, "--jobs", "1", "--store", str(tmp_path / "one")], capsys)
    assert chunked_csv([*argv, "--jobs", "2", "--store", str(tmp_path / "two")], capsys) == one
    assert one == whole_corpus_csv(argv)


def test_cleaning_warnings_are_printed_on_a_warm_run_as_on_a_cold_one(tmp_path, capsys):
    argv = ["table", "sentences", "--store", str(tmp_path / "store"), "--jobs", "1"]
    cli.main(argv)
    cold = capsys.readouterr().err
    cli.main(argv)
    assert capsys.readouterr().err == cold
    assert cold.count("warning: ") == 4 and "removed 350 characters as caption" in cold


def test_documents_without_words_are_refused_as_prepare_refuses_them(make_corpus, tmp_path):
    folder = make_corpus({"a1.txt": "Beijing said talks went well.\n", "b2.txt": "\u00a0\n", "c3.txt": "***\n"})
    with pytest.raises(CorpusError) as whole:
        prepare(folder)
    settings = engine.Settings(stages=STAGES, store=tmp_path / "store", jobs=1, progress=False, chunk_size=1)
    for _ in range(2):  # nothing of a refused chunk is kept: the rerun is refused too
        with pytest.raises(CorpusError) as chunked:
            engine.run_tables(folder, ["sentences"], settings)
        assert str(chunked.value) == str(whole.value)
    assert "'b2'" in str(whole.value) and "(and 1 more document(s))" in str(whole.value)


def test_a_bad_file_is_the_error_load_gives(make_corpus, tmp_path):
    folder = make_corpus({"a1.txt": "Beijing said talks went well.\n", "b2.txt": b"\xff\xfe bad"})
    with pytest.raises(CorpusError, match=r"b2.txt: not UTF-8 \(byte 0xff at offset 0\)"):
        engine.run_tables(
            folder, ["sentences"], engine.Settings(stages=STAGES, store=tmp_path / "store", jobs=1, progress=False)
        )
    assert not (tmp_path / "store").exists()


def test_chunks_are_cut_by_doc_id_so_a_new_article_changes_only_its_own_chunk(synthetic, tmp_path):
    settings = engine.Settings(stages=STAGES, store=tmp_path / "store", jobs=1, progress=False, chunk_size=10)
    before = [chunk.keys["tokens"] for chunk in engine.make_chunks(synthetic, settings)]
    manifest = synthetic.parent / "fewer" / config.MANIFEST_NAME
    manifest.parent.mkdir()
    rows = list(csv.DictReader(io.StringIO((synthetic / config.MANIFEST_NAME).read_text(encoding="utf-8"))))
    for row in rows:
        (manifest.parent / row["file"]).write_bytes((synthetic / row["file"]).read_bytes())
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(row for row in rows if row["doc_id"] != rows[50]["doc_id"])
    (manifest.parent / rows[50]["file"]).unlink()
    after = [chunk.keys["tokens"] for chunk in engine.make_chunks(manifest.parent, settings)]
    assert len(set(before) - set(after)) == 1 and len(set(after) - set(before)) == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--jobs", "0"], "error: --jobs 0: give at least 1 process"),
        (
            ["--scheduler", "tcp://127.0.0.1:8786"],
            "error: --scheduler names a Dask scheduler: give it with --engine dask",
        ),
    ],
)
def test_bad_run_options_are_one_error_line(options, message, capsys):
    assert cli.main(["table", "sentences", *options]) == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err == message + "\n"


def test_more_jobs_than_cores_run_on_the_cores_with_a_line_saying_so(tmp_path, capsys):
    cores = available_cores()
    argv = ["table", "documents", "--jobs", "1000", "--store", str(tmp_path / "store"), "--no-progress"]
    args = cli.build_parser().parse_args(argv)
    with pytest.warns(KitWarning, match=rf"^--jobs 1,000: this process may use {cores} cores; running {cores}$"):
        assert cli.run_settings(args).workers() == cores
    assert cli.main(argv) == 0
    said = [line for line in capsys.readouterr().err.splitlines() if "--jobs" in line]
    assert said == [f"warning: --jobs 1,000: this process may use {cores} cores; running {cores}"]
    assert capped_jobs(cores) == cores and capped_jobs(1) == 1


def test_the_default_is_every_core():
    assert engine.Settings().workers() >= 1
    assert engine.Settings(jobs=3).workers() == 3


TABLES = ["documents", "removed", "paragraphs", "sentences", "tokens"]


def test_prepare_through_the_store_gives_the_frames_prepare_gives_in_memory(seeds, tmp_path):
    settings = engine.Settings(stages=STAGES, store=tmp_path / "store", jobs=1, progress=False, chunk_size=2)
    for _ in range(2):  # cold, then read back
        stored = engine.prepare_stored(None, settings)
        for table in TABLES:
            pd.testing.assert_frame_equal(getattr(stored, table), getattr(seeds, table), check_exact=True)
    chunks = list(engine.make_chunks(config.SEEDS, settings))
    assert len(chunks) > 1
    assert len(list((tmp_path / "store" / "tokens").rglob("*.parquet"))) == len(chunks)


def test_the_largest_chunks_run_first(synthetic, tmp_path, monkeypatch):
    sizes: list[int] = []
    run_chunk = engine._run_chunk
    monkeypatch.setattr(
        engine, "_run_chunk", lambda chunk, *rest: sizes.append(len(chunk.entries)) or run_chunk(chunk, *rest)
    )
    engine.build(
        synthetic,
        ["sizes"],
        engine.Settings(stages=STAGES, store=tmp_path / "store", jobs=1, progress=False, chunk_size=10),
    )
    assert len(set(sizes)) > 3 and sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == 120


def test_a_chunk_runs_with_fewer_collections_and_leaves_the_thresholds_as_they_were(tmp_path, monkeypatch):
    before = gc.get_threshold()
    during: list[int] = []
    run_chunk = engine._run_chunk

    def spying(*args):
        during.append(gc.get_threshold()[0])
        return run_chunk(*args)

    monkeypatch.setattr(engine, "_run_chunk", spying)
    engine.build(
        None, ["sizes"], engine.Settings(stages=STAGES, store=tmp_path / "store", jobs=1, progress=False, chunk_size=2)
    )
    assert len(during) > 1 and set(during) == {max(before[0], engine.GC_YOUNG_THRESHOLD)}
    assert gc.get_threshold() == before

    def failing(*args):
        raise OSError("disk full")

    monkeypatch.setattr(engine, "_run_chunk", failing)
    with pytest.raises(OSError):
        engine.build(None, ["sizes"], engine.Settings(stages=STAGES, store=tmp_path / "other", jobs=1, progress=False))
    assert gc.get_threshold() == before


def test_the_worker_processes_are_forked_before_the_articles_are_read(synthetic, tmp_path, monkeypatch):
    # A process forked after reading every article would start from the parent's memory as that left it.
    children_then: list[int] = []
    make_chunks = engine.make_chunks

    def counting(*args):
        children_then.append(len(multiprocessing.active_children()))
        return make_chunks(*args)

    monkeypatch.setattr(engine, "make_chunks", counting)
    settings = engine.Settings(stages=STAGES, store=tmp_path / "store", jobs=2, progress=False, chunk_size=10)
    assert frames_as_csv(engine.run_tables(synthetic, ["sizes"], settings)) == frames_as_csv(
        engine.run_tables(
            synthetic, ["sizes"], engine.Settings(stages=STAGES, store=tmp_path / "one", jobs=1, progress=False)
        )
    )
    assert children_then[0] >= 1 and children_then[1] == 0  # two processes, then one (no pool at all)


def test_the_data_files_a_worker_elsewhere_reads_are_every_one_given_by_absolute_path():
    given = engine.DataFiles(
        registry=Path("a.yaml"),
        lexicon=Path("l.yaml"),
        no_lexicon=True,
        dictionary=Path("d.yaml"),
        holidays=Path("h.yaml"),
    )
    absolute = given.absolute()
    assert absolute.holidays == Path("h.yaml").absolute() and absolute.registry == Path("a.yaml").absolute()
    assert absolute.hashes(()) == given.hashes(()) and absolute.no_lexicon
