"""kit synth: deterministic corpora recombined from real paragraphs, on which every analysis has work."""

import csv
import io
from pathlib import Path

import pytest

from kit import chronology, cli, config, importer, synth, tables, themes, voices
from kit.errors import CorpusError
from kit.pipeline import prepare

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
        sizes[name] = len(spec.build(prepared, args))
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
    with pytest.raises(CorpusError, match="--n 0: must be at least 1"):
        synth.synthesise(0, tmp_path / "corpus")
    with pytest.raises(CorpusError, match="corpus folder does not exist"):
        synth.synthesise(5, tmp_path / "corpus", source_dir=tmp_path / "missing")
    assert list(tmp_path.iterdir()) == []
