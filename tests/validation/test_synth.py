"""kit synth: deterministic corpora recombined from real paragraphs, on which every analysis has work."""

import csv
import io
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kit import cli, config
from kit.analyses import chronology, themes, voices
from kit.compute import tables
from kit.errors import CorpusError
from kit.ingest import importer
from kit.preprocess.pipeline import prepare
from kit.validation import synth

IMPORT_FIXTURES = config.ROOT / "tests" / "fixtures" / "import"


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def manifest_rows(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / config.MANIFEST_NAME).read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """Fifty articles from the seeds, seed 7."""
    return synth.synthesise(50, tmp_path_factory.mktemp("synth") / "corpus", seed=7)


def test_same_seed_gives_identical_bytes_and_another_seed_does_not(synthetic, tmp_path):
    again = synth.synthesise(50, tmp_path / "again", seed=7)
    other = synth.synthesise(50, tmp_path / "other", seed=8)
    assert folder_bytes(again) == folder_bytes(synthetic)
    assert len(folder_bytes(other)) == 51
    assert folder_bytes(other) != folder_bytes(synthetic)
    assert (other / "manifest.csv").read_bytes() != (synthetic / "manifest.csv").read_bytes()


def test_articles_are_a_real_lead_then_real_body_paragraphs(synthetic, seeds):
    rows = manifest_rows(synthetic)
    assert [r["doc_id"] for r in rows[:2]] == ["synth_000000", "synth_000001"]
    source_paragraphs = set(seeds.paragraphs.text)
    leads = set(seeds.paragraphs[seeds.paragraphs.paragraph_id == 0].text)
    for row in rows:
        text = (synthetic / row["file"]).read_text(encoding="utf-8")
        blocks = text.rstrip("\n").split("\n\n")
        body = [b for b in blocks if b != row["headline"] and not b.startswith("PUBLISHED : ")]
        assert body[0] in leads, row["doc_id"]
        assert 4 <= len(body) <= 8
        assert set(body) <= source_paragraphs
        assert row["notes"].startswith("synthetic (kit synth, seed 7): lead from ")


def test_outlets_and_dates_vary_over_the_source_range(synthetic):
    rows = manifest_rows(synthetic)
    outlets = {r["outlet"] for r in rows}
    assert len(outlets) >= 8
    assert outlets & set(synth.SYNTHETIC_OUTLETS) and outlets - set(synth.SYNTHETIC_OUTLETS)
    assert {r["published_precision"] for r in rows} == {"day", "minute", "month"}
    days = sorted(r["published"][:10] for r in rows)
    assert days[0] >= "2018-03-28" and days[-1] <= "2025-09-05"  # the seeds' publication range
    assert len({d[:4] for d in days}) >= 5


def test_synthetic_corpus_prepares_and_every_table_builds_with_real_rows(synthetic):
    prepared = prepare(synthetic)
    assert len(prepared.documents) == 50
    assert set(prepared.removed.kind) >= {"headline", "date_line"}
    parser = cli.build_parser()
    sizes = {}
    for name, spec in tables.TABLES.items():
        args = parser.parse_args(["table", name, "--corpus", str(synthetic)])
        sizes[name] = len(spec.build(prepared, cli.analysis_settings(args)))
    assert min(sizes[name] for name in ("dates", "events", "themes", "kwic", "quotes", "tone")) > 50, sizes
    assert sizes["documents"] == 50
    quotes = voices.extract_quotes(prepared)
    assert quotes.speaker_group.nunique() >= 3
    dates = chronology.date_expressions(prepared)
    assert {"day", "month", "year"} <= set(dates.granularity)
    hits = themes.matches(prepared, themes.load_dictionary())
    assert hits.theme.nunique() >= 5


def test_cli_synth_from_another_corpus(tmp_path, capsys):
    source = importer.import_corpus(IMPORT_FIXTURES / "articles.csv", tmp_path / "imported")
    out = tmp_path / "corpus"
    assert cli.main(["synth", "--n", "20", "--out", str(out), "--seed", "3", "--from", str(source)]) == 0
    assert capsys.readouterr().out == f"wrote 20 articles to {out}\n"
    rows = manifest_rows(out)
    assert {r["outlet"] for r in rows} <= {"Example Wire", "The Example Herald", *synth.SYNTHETIC_OUTLETS}
    # One source day: the dates spread over the year before it.
    assert all("2017-03-28" <= r["published"][:10] <= "2018-03-28" for r in rows)
    # Every article's first paragraph can lead; a one-paragraph article (the Yalu one) has no body to give.
    imported = [r["doc_id"] for r in manifest_rows(source)]
    leads = {r["notes"].split("; ")[0].rsplit(" ", 1)[1] for r in rows}
    bodies = {doc_id for r in rows for doc_id in r["notes"].split("; body from ")[1].split(", ")}
    assert leads == set(imported)
    assert bodies == set(imported) - {"2018-03-28_example-wire_trade-across-the-yalu_8f237f4a"}
    assert len(prepare(out).documents) == 20


def test_bad_n_and_bad_source_are_refused(tmp_path):
    with pytest.raises(CorpusError, match="--n 0: must be a whole number from 1 to 10,000,000"):
        synth.synthesise(0, tmp_path / "corpus")
    with pytest.raises(CorpusError, match="corpus folder does not exist"):
        synth.synthesise(5, tmp_path / "corpus", source_dir=tmp_path / "missing")
    assert list(tmp_path.iterdir()) == []


# --- bounds: what --n and --out may be ------------------------------------------------------------------------


def hidden_and_all(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_an_absurd_n_is_one_line_before_anything_is_written(tmp_path, capsys):
    argv = ["synth", "--n", "99999999999999999999999", "--out", str(tmp_path / "big")]
    assert cli.main(argv) == cli.EXIT_BAD_INPUT
    assert (
        capsys.readouterr().err == "error: --n 99999999999999999999999: must be a whole number from 1 to 10,000,000\n"
    )
    assert hidden_and_all(tmp_path) == []  # no folder, no hidden partial one


def test_more_articles_than_the_disk_has_room_for_are_refused_before_anything_is_written(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(synth.shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9 - 10**6, 10**6))
    assert cli.main(["synth", "--n", "1000", "--out", str(tmp_path / "big")]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("error: --n 1,000: about 5.1 MB of articles, more than the 1.0 MB free at ")
    assert err.endswith("; give a smaller --n or another --out\n") and err.count("\n") == 1
    assert hidden_and_all(tmp_path) == []


@pytest.mark.parametrize("inside", ["seeds", "corpus"])
def test_out_inside_the_seeds_or_a_corpus_folder_is_refused(synthetic, tmp_path, capsys, inside):
    parent = config.SEEDS if inside == "seeds" else synthetic
    before = hidden_and_all(parent)
    assert cli.main(["synth", "--n", "5", "--out", str(parent / "sub" / "deeper")]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert (
        err
        == f"error: {parent / 'sub' / 'deeper'}: inside the corpus folder {parent.resolve()} (a corpus is only read); choose another --out\n"
    )
    assert hidden_and_all(parent) == before


def write_limit(size: int) -> Callable[[], None]:
    """For a child process: no file may grow past ``size`` bytes (the write fails as on a full disk)."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def test_a_write_that_fails_half_way_is_one_line_and_leaves_nothing(tmp_path):
    # Python ignores SIGXFSZ, so a file growing past the limit fails with EFBIG, as a full disk fails with ENOSPC.
    command = [sys.executable, "-m", "kit", "synth", "--n", "300", "--out", str(tmp_path / "big")]
    done = subprocess.run(command, cwd=config.ROOT, capture_output=True, text=True, preexec_fn=write_limit(16_000))
    assert (done.returncode, done.stdout) == (cli.EXIT_BAD_INPUT, "")
    assert done.stderr == f"error: {tmp_path / 'big'}: cannot write (File too large); nothing written\n"
    assert hidden_and_all(tmp_path) == []
