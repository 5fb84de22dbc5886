"""kit.compute.store: Parquet tables keyed by article, data files and kit version; each key invalidates what it should."""

import hashlib
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import cli, config
from kit.compute import archive, engine, store
from kit.compute.stages import STAGES
from kit.errors import KitError
from kit.validation import synth

SEED_FILES = sorted(p.name for p in config.SEEDS.glob("*.txt"))


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """The seeds copied into a folder the test may change."""
    folder = tmp_path / "corpus"
    shutil.copytree(config.SEEDS, folder)
    return folder


@pytest.fixture
def computed(monkeypatch) -> dict[str, list[int]]:
    """Counts the chunks prepared and each analysis computed (in this process: jobs=1)."""
    calls: dict[str, list[int]] = {"prepared": []}
    prepare, analyse = engine._prepare, engine._analyse

    def counting_prepare(chunk):
        calls["prepared"].append(len(chunk.entries))
        return prepare(chunk)

    def counting_analyse(stage, prepared, data, earlier):
        calls.setdefault(stage.name, []).append(len(prepared.documents))
        return analyse(stage, prepared, data, earlier)

    monkeypatch.setattr(engine, "_prepare", counting_prepare)
    monkeypatch.setattr(engine, "_analyse", counting_analyse)
    return calls


def settings(tmp_path: Path, **data: Path | bool) -> engine.Settings:
    # chunk_size=1: every document is a chunk of its own, so a count of computed chunks is a count of documents.
    return engine.Settings(
        stages=STAGES, store=tmp_path / "store", jobs=1, progress=False, chunk_size=1, data=engine.DataFiles(**data)
    )


ALL = ("sentences", "tokens", "dates", "quotes", "tone", "theme_hits", "theme_sums")


def test_a_rerun_reads_every_table_and_computes_nothing(seed_copy, tmp_path, computed):
    first = engine.run_tables(seed_copy, ALL, settings(tmp_path))
    assert computed["prepared"] == [1] * 5 and computed["tone"] == [1] * 5
    computed.clear()
    computed["prepared"] = []
    second = engine.run_tables(seed_copy, ALL, settings(tmp_path))
    assert computed == {"prepared": []}
    for table in ALL:
        pd.testing.assert_frame_equal(first[table], second[table])


def test_a_changed_article_recomputes_its_chunk_only(seed_copy, tmp_path, computed):
    engine.run_tables(seed_copy, ALL, settings(tmp_path))
    changed = seed_copy / SEED_FILES[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nBeijing said on Monday the talks were useful.\n")
    computed.clear()
    computed["prepared"] = []
    tables = engine.run_tables(seed_copy, ALL, settings(tmp_path))
    assert computed == {"prepared": [1], "dates": [1], "quotes": [1], "tone": [1], "theme_hits": [1], "theme_sums": [1]}
    assert "Beijing said on Monday the talks were useful." in set(tables["sentences"].text)


def test_a_changed_manifest_row_recomputes_that_document(seed_copy, tmp_path, computed):
    engine.run_tables(seed_copy, ("dates",), settings(tmp_path))
    manifest = seed_copy / config.MANIFEST_NAME
    lines = manifest.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace("2018-03-28", "2018-03-29")  # the 2018 Diplomat article a day later: its dates move
    assert lines[2] != manifest.read_text(encoding="utf-8").split("\n")[2]
    manifest.write_text("\n".join(lines), encoding="utf-8")
    computed.clear()
    computed["prepared"] = []
    engine.run_tables(seed_copy, ("dates",), settings(tmp_path))
    assert computed == {"prepared": [1], "dates": [1]}


@pytest.mark.parametrize(
    ("option", "source", "recomputed"),
    [
        ("registry", config.ACTORS, {"quotes", "tone"}),
        ("lexicon", config.DIPLOMATIC_LEXICON, {"tone"}),
        ("dictionary", config.THEMES, {"theme_hits", "theme_sums"}),
        ("holidays", config.HOLIDAYS, {"dates"}),
    ],
)
def test_a_changed_data_file_recomputes_the_tables_that_read_it(tmp_path, computed, option, source, recomputed):
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    engine.run_tables(None, ALL, settings(tmp_path, **{option: copy}))
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# a comment changes the file's hash\n", encoding="utf-8")
    computed.clear()
    computed["prepared"] = []
    engine.run_tables(None, ALL, settings(tmp_path, **{option: copy}))
    assert computed == {"prepared": [], **{table: [1] * 5 for table in recomputed}}


def test_plain_vader_tone_is_kept_apart_from_tone_with_the_lexicon(tmp_path, computed):
    with_lexicon = engine.run_tables(None, ("tone",), settings(tmp_path))["tone"]
    plain = engine.run_tables(None, ("tone",), settings(tmp_path, no_lexicon=True))["tone"]
    assert computed["tone"] == [1] * 10
    assert not with_lexicon.compound.equals(plain.compound)


@pytest.mark.parametrize("path", [config.ABBREVIATIONS, config.STOPWORDS])
def test_a_changed_tokeniser_list_recomputes_everything(tmp_path, computed, monkeypatch, path):
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    monkeypatch.setattr(config, path.stem.upper(), copy)
    engine.run_tables(None, ("dates",), settings(tmp_path))
    copy.write_text(copy.read_text(encoding="utf-8") + "zzz\n", encoding="utf-8")
    computed.clear()
    computed["prepared"] = []
    engine.run_tables(None, ("dates",), settings(tmp_path))
    assert computed == {"prepared": [1] * 5, "dates": [1] * 5}


def test_a_new_kit_version_recomputes_everything(tmp_path, computed, monkeypatch):
    engine.run_tables(None, ("quotes",), settings(tmp_path))
    monkeypatch.setattr(kit, "__version__", "99.0.0")
    computed.clear()
    computed["prepared"] = []
    engine.run_tables(None, ("quotes",), settings(tmp_path))
    assert computed == {"prepared": [1] * 5, "quotes": [1] * 5}
    assert store.kit_version().startswith("99.0.0+")


def test_an_edited_kit_source_is_a_new_version(monkeypatch):
    before = store.kit_version()
    monkeypatch.setattr(store, "_source_fingerprint", lambda: "f" * 64)
    assert store.kit_version() != before and store.kit_version().endswith("+" + "f" * 16)


def test_a_table_is_read_back_as_written(tmp_path):
    frame = pd.DataFrame({"doc_id": ["a", "b"], "start": [0, 7], "time": [None, "16:00"], "is_stop": [True, False]})
    kept = store.Store(tmp_path)
    kept.write("dates", "ab" * 32, frame)
    assert kept.has("dates", "ab" * 32) and not kept.has("dates", "cd" * 32)
    assert kept.path("dates", "ab" * 32) == str(tmp_path / "dates" / "ab" / f"{'ab' * 32}.parquet")
    pd.testing.assert_frame_equal(kept.read("dates", "ab" * 32), frame)
    assert [p.name for p in (tmp_path / "dates" / "ab").iterdir()] == [f"{'ab' * 32}.parquet"]  # no temporary left


def test_without_pyarrow_a_store_is_one_error_line_and_kit_import_still_runs(tmp_path, monkeypatch):
    # The student environment leaves pyarrow out: only a store needs it (kit import and the workbooks do not).
    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)
    with pytest.raises(KitError, match="the store's Parquet files need pyarrow, which this environment lacks"):
        store.Store(tmp_path).write("dates", "ab" * 32, pd.DataFrame({"a": [1]}))
    source = tmp_path / "articles"
    source.mkdir()
    (source / "note-2018-03-28.txt").write_text("Kim met Xi in Beijing on Monday, officials said.", encoding="utf-8")
    assert cli.main(["import", str(source), "--out", str(tmp_path / "corpus")]) == 0
    assert (tmp_path / "corpus" / "manifest.csv").is_file()


def test_keys_tell_apart_every_part():
    assert store.digest(["ab", "c"]) != store.digest(["a", "bc"])
    row = {"doc_id": "a", "sha256": "0" * 64}
    assert store.document_key(row) != store.document_key({**row, "sha256": "1" * 64})
    assert store.table_key("dates", ["h"], ["d"]) != store.table_key("quotes", ["h"], ["d"])
    assert store.table_key("dates", ["h"], ["d"]) != store.table_key("dates", ["g"], ["d"])


def test_the_default_store_is_the_environment_variable_else_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.setenv(store.STORE_ENV, str(tmp_path / "mine"))
    assert store.default_location() == tmp_path / "mine"
    monkeypatch.delenv(store.STORE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert store.default_location() == tmp_path / "cache" / "presskit" / "store"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert store.default_location() == Path.home() / ".cache" / "presskit" / "store"


@pytest.mark.parametrize("inside", ["corpus", "corpus/.kit-store", "seeds"])
def test_a_store_inside_the_corpus_or_the_seeds_is_refused(seed_copy, tmp_path, inside):
    root = config.SEEDS / "store" if inside == "seeds" else tmp_path / inside
    before = sorted(p.name for p in seed_copy.iterdir())
    with pytest.raises(KitError, match="the store must not be inside"):
        engine.run_tables(seed_copy, ("sentences",), engine.Settings(stages=STAGES, store=root, jobs=1, progress=False))
    assert sorted(p.name for p in seed_copy.iterdir()) == before
    assert not (config.SEEDS / "store").exists()


def test_a_store_inside_another_corpus_folder_is_refused(seed_copy, tmp_path):
    other = synth.synthesise(5, tmp_path / "other-corpus", seed=1)
    before = sorted(p.name for p in other.iterdir())
    with pytest.raises(
        KitError, match=rf"the store must not be inside {other.resolve()} \(a corpus is never written\)"
    ):
        engine.run_tables(
            seed_copy, ("sentences",), engine.Settings(stages=STAGES, store=other / "cache", jobs=1, progress=False)
        )
    assert sorted(p.name for p in other.iterdir()) == before


def test_an_unwritable_store_is_one_error_naming_it(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(KitError, match=r"file: cannot write the store"):
        store.Store(blocker).write("dates", "ab" * 32, pd.DataFrame({"a": [1]}))


def test_a_store_at_an_fsspec_url_keeps_and_reads_tables_as_a_folder_does(tmp_path, computed):
    url = f"memory://kit-tests/{tmp_path.name}/store"  # fsspec's in-process file system stands in for s3:// or gs://
    on_disk = engine.run_tables(None, ALL, settings(tmp_path))
    computed.clear()
    computed["prepared"] = []
    at_url = engine.run_tables(
        None, ALL, engine.Settings(stages=STAGES, store=url, jobs=1, progress=False, chunk_size=1)
    )
    assert computed["prepared"] == [1] * 5
    for table in ALL:
        pd.testing.assert_frame_equal(at_url[table], on_disk[table])
    computed.clear()
    computed["prepared"] = []
    engine.run_tables(None, ALL, engine.Settings(stages=STAGES, store=url, jobs=1, progress=False, chunk_size=1))
    assert computed == {"prepared": []}  # read back from the URL, nothing computed again


def test_a_store_url_from_the_environment_or_the_command_line_stays_a_url(monkeypatch, tmp_path):
    monkeypatch.setenv(store.STORE_ENV, "s3://lab-bucket/presskit")
    assert store.default_location() == "s3://lab-bucket/presskit"
    assert store.location(None) == "s3://lab-bucket/presskit"
    assert store.location("gs://group/store") == "gs://group/store"
    assert store.location(str(tmp_path)) == tmp_path
    store.refuse_inside("s3://lab-bucket/presskit", config.SEEDS)  # a URL is never inside a corpus folder


@pytest.mark.parametrize(("url", "reason"), [("nosuch://lab/store", "Protocol not known"), ("s3://lab/store", "s3fs")])
def test_a_store_url_fsspec_cannot_open_is_one_error_naming_it(tmp_path, url, reason):
    with pytest.raises(
        KitError, match=rf"^{url}: cannot open the store \(.*{reason}.*\); choose another store with \$PRESSKIT_STORE$"
    ):
        engine.run_tables(None, ("sentences",), engine.Settings(stages=STAGES, store=url, jobs=1, progress=False))


# --- a store keyed by what was read, and files that cannot be read --------------------------------------------

KEPT = ("documents", "sizes", "paragraphs", "sentences", "dates", "quotes")
EDIT = "\nBeijing said on Monday the talks were useful.\n"


def test_an_article_edited_while_its_chunk_is_pending_is_kept_under_the_key_of_what_was_read(
    seed_copy, tmp_path, monkeypatch
):
    article = seed_copy / SEED_FILES[2]
    original = article.read_bytes()
    prepare = engine._prepare

    def edit_then_prepare(chunk):  # every file was hashed when the chunks were planned; the edit lands after
        if any(entry.row["file"] == article.name for entry in chunk.entries):
            article.write_bytes(original + EDIT.encode("utf-8"))
        return prepare(chunk)

    monkeypatch.setattr(engine, "_prepare", edit_then_prepare)
    during = engine.run_tables(seed_copy, KEPT, settings(tmp_path))
    monkeypatch.setattr(engine, "_prepare", prepare)
    assert EDIT.strip() in set(during["sentences"].text)  # the run shows what it read
    edited_sha = during["documents"].set_index("file").sha256[article.name]
    assert edited_sha == hashlib.sha256(original + EDIT.encode("utf-8")).hexdigest()

    article.write_bytes(original)  # the edit undone: a later run must give the original's tables, not the edit's
    after = engine.run_tables(seed_copy, KEPT, settings(tmp_path))
    fresh = engine.run_tables(seed_copy, KEPT, settings(tmp_path / "fresh"))
    for table in KEPT:
        pd.testing.assert_frame_equal(after[table], fresh[table])
    assert EDIT.strip() not in set(after["sentences"].text)
    assert after["sizes"].set_index("file").sha256[article.name] == hashlib.sha256(original).hexdigest()


def test_an_archive_whose_article_changed_since_it_was_opened_says_so_in_one_line(seed_copy, tmp_path):
    opened = archive.open_archive(seed_copy, store=tmp_path / "store", chunk_size=1, warn_cleaning=False)
    article = seed_copy / SEED_FILES[2]
    article.write_text(article.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    for table in ("documents", "removed", "paragraphs", "sentences", "tokens", "warnings"):
        for path in (tmp_path / "store" / table).rglob("*.parquet"):
            path.unlink()  # the store lost the chunk's prepared tables, so the chunk is read again
    with pytest.raises(KitError, match=rf"{SEED_FILES[2]}: the article changed since the corpus was opened"):
        opened.table("dates")


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    path.write_bytes({"truncated": data[: len(data) // 2], "empty": b"", "garbage": b"not a table\n" * 40}[how])


@pytest.mark.parametrize(
    ("how", "reason"), [("truncated", "truncated"), ("empty", "empty"), ("garbage", "not a Parquet")]
)
def test_a_damaged_store_file_is_computed_again_with_one_warning(tmp_path, how, reason):
    first = engine.run_tables(None, ("sentences", "dates"), settings(tmp_path))
    victim = sorted((tmp_path / "store" / "dates").rglob("*.parquet"))[2]
    damage(victim, how)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        second = engine.run_tables(None, ("sentences", "dates"), settings(tmp_path))
    said = [str(w.message) for w in caught if issubclass(w.category, store.StoreWarning)]
    assert said == [f"{victim}: store file is {reason}{'' if how != 'garbage' else ' file'}; computing it again"]
    for table in ("sentences", "dates"):
        pd.testing.assert_frame_equal(second[table], first[table])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        engine.run_tables(None, ("sentences", "dates"), settings(tmp_path))
    assert not [w for w in caught if issubclass(w.category, store.StoreWarning)]


def test_a_damaged_prepared_table_is_computed_again_before_an_analysis_starts_from_it(tmp_path, computed):
    engine.run_tables(None, ("sentences",), settings(tmp_path))
    for path in sorted((tmp_path / "store" / "tokens").rglob("*.parquet"))[:2]:
        damage(path, "truncated")
    computed.clear()
    computed["prepared"] = []
    with pytest.warns(store.StoreWarning, match="store file is truncated"):
        quotes = engine.run_tables(None, ("quotes",), settings(tmp_path))["quotes"]
    assert computed == {"prepared": [1, 1], "quotes": [1] * 5}
    assert len(quotes) == 55


def test_kit_table_with_a_damaged_store_file_warns_in_one_line_and_prints_the_table(tmp_path, capsys):
    argv = ["table", "dates", "--store", str(tmp_path / "store"), "--jobs", "1", "--no-progress"]
    assert cli.main(argv) == 0
    expected = capsys.readouterr().out
    victim = sorted((tmp_path / "store" / "dates").rglob("*.parquet"))[0]
    damage(victim, "truncated")
    assert cli.main(argv) == 0
    captured = capsys.readouterr()
    assert captured.out == expected
    said = [line for line in captured.err.splitlines() if "store file" in line]
    assert said == [f"warning: {victim}: store file is truncated; computing it again"]


def test_a_store_file_damaged_inside_is_one_error_line_and_computed_by_the_next_run(tmp_path, capsys):
    argv = ["table", "dates", "--store", str(tmp_path / "store"), "--jobs", "1", "--no-progress"]
    assert cli.main(argv) == 0
    expected = capsys.readouterr().out
    victim = sorted((tmp_path / "store" / "dates").rglob("*.parquet"))[0]
    data = bytearray(victim.read_bytes())
    footer = int.from_bytes(data[-8:-4], "little")
    data[4 : len(data) - 8 - footer] = b"\xff" * (len(data) - 12 - footer)  # both ends whole, the pages not
    victim.write_bytes(bytes(data))
    assert cli.main(argv) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"error: {victim}: store file cannot be read (") and err.count("\n") == 1
    assert err.endswith("it was removed, run again to compute it\n")
    assert cli.main(argv) == 0
    assert capsys.readouterr().out == expected
