"""The reader pages (kit.report.reader): a page per article, its marks at the tables' offsets, links that resolve."""

from __future__ import annotations

import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from kit import config
from kit.analyses import formulas, kwic, themes
from kit.compute.archive import open_archive
from kit.preprocess.clean import CleaningWarning
from kit.report import publish, site
from kit.report.reader import publish_reader, write_pages
from kit.report.render import find_unsafe_markup
from kit.report.site import SiteRecord
from tests.report.helpers import FIXTURES, reader_pages, snapshot
from tests.report.pages import links_and_ids, marked_spans, text_of_page

XSS_CORPUS = FIXTURES / "xss_corpus"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """The seeds' reader pages, written once."""
    folder = tmp_path_factory.mktemp("reader")
    write_pages(config.SEEDS, folder)
    return folder


@pytest.fixture(scope="module")
def seeds():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CleaningWarning)
        archive = open_archive(config.SEEDS, tables=["dates", "quotes"], warn_cleaning=False)
        prepared = list(archive.prepared())
        hits = archive.gather(kwic.kwic, themes.load_dictionary(None))
        found = archive.gather(formulas.occurrences, formulas=formulas.load_formulas(None), tables=["quotes"])
    texts = {row.doc_id: row.text for chunk in prepared for row in chunk.documents.itertuples()}
    sentences = [row for chunk in prepared for row in chunk.sentences.itertuples()]
    tables = {"dates": archive.table("dates"), "quotes": archive.table("quotes"), "kwic": hits, "formulas": found}
    return {"texts": texts, "sentences": sentences, **tables}


def test_a_page_per_article_and_a_list_linking_each(pages, seeds):
    assert sorted(p.name for p in pages.iterdir()) == sorted(Path(name).name for name in reader_pages())
    hrefs, _ = links_and_ids((pages / "index.html").read_text(encoding="utf-8"))
    assert sorted(h for h in hrefs if h != "../index.html") == sorted(f"{doc_id}.html" for doc_id in seeds["texts"])


def test_the_page_shows_the_cleaned_text_with_every_sentence_by_id_and_offset(pages, seeds):
    for doc_id, text in seeds["texts"].items():
        page = (pages / f"{doc_id}.html").read_text(encoding="utf-8")
        found = marked_spans(text_of_page(page))
        assert found.text == text
        _, ids = links_and_ids(page)
        for sentence in (s for s in seeds["sentences"] if s.doc_id == doc_id):
            assert found.sentences[f"s{sentence.sentence_id}"] == text[sentence.start : sentence.end]
            assert f"c{sentence.start}" in ids


@pytest.mark.parametrize("table", ["quotes", "dates", "kwic", "formulas"])
def test_every_quotation_date_theme_and_formula_hit_of_the_tables_is_marked_at_its_offsets(pages, seeds, table):
    kind = {"quotes": "quote", "dates": "date", "kwic": "theme", "formulas": "formula"}[table]
    rows = seeds[table]
    assert len(rows)
    for doc_id, expected in rows.groupby("doc_id"):
        page = (pages / f"{doc_id}.html").read_text(encoding="utf-8")
        marks = [mark for mark in marked_spans(text_of_page(page)).marks.values() if mark[0] == kind]
        text = seeds["texts"][doc_id]
        assert sorted(marks) == sorted(
            (kind, row.start, row.end, text[row.start : row.end]) for row in expected.itertuples()
        )


def test_a_quotation_names_its_speaker_and_group_and_a_date_its_span(pages):
    page = (pages / "001_a3cbdfdd8623fa68.html").read_text(encoding="utf-8")
    assert 'title="quotation (fragment): Xinhua, official_prc" data-note="Xinhua · official_prc"' in page
    assert 'data-span="2011-12-01 – 2011-12-31">December 2011</span>' in page
    assert 'class="kit-theme"' in page and 'class="kit-formula"' in page
    assert "<h2>Removed by cleaning</h2>" in page and "<td>section_label</td><td>China Power</td>" in page


def test_hostile_text_is_shown_as_text_and_no_page_has_a_script(tmp_path, pages):
    write_pages(XSS_CORPUS, tmp_path)
    page = (tmp_path / "x1.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; Talks" in page
    for path in [*tmp_path.iterdir(), *pages.iterdir()]:
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text.lower() and find_unsafe_markup(text) == [], path.name


def test_the_same_corpus_gives_the_same_bytes(pages, tmp_path):
    write_pages(config.SEEDS, tmp_path)
    assert snapshot(tmp_path) == snapshot(pages)


def test_published_as_one_set_listed_in_the_record_and_a_second_run_changes_nothing(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    record = site.open_record(reports, corpus="seeds", only=False)
    record, failure = publish_reader(config.SEEDS, reports, record)
    assert failure == "" and sorted(record.files) == sorted(reader_pages())
    assert site.read_record(reports) == record
    before = snapshot(reports)
    with pytest.MonkeyPatch.context() as patch:  # the same pages: nothing is switched
        patch.setattr(publish, "install", lambda *args: pytest.fail("switched the same pages"))
        record, failure = publish_reader(config.SEEDS, reports, record)
    assert failure == "" and snapshot(reports) == before
    assert not (reports / ".staging" / "reader").exists()


def test_a_file_the_kit_did_not_write_stays_and_a_clash_is_one_line(tmp_path):
    reports = tmp_path / "reports"
    (reports / "reader").mkdir(parents=True)
    (reports / "reader" / "my_notes.txt").write_text("mine")
    record = SiteRecord("seeds")
    record, failure = publish_reader(config.SEEDS, reports, record)
    assert failure == "" and (reports / "reader" / "my_notes.txt").read_text() == "mine"
    assert "reader/my_notes.txt" not in record.files
    # another corpus's pages: the seeds' are the kit's and go, the user's file stays
    record, failure = publish_reader(XSS_CORPUS, reports, record)
    assert sorted(p.name for p in (reports / "reader").iterdir()) == ["index.html", "my_notes.txt", "x1.html"]
    assert sorted(record.files) == ["reader/index.html", "reader/x1.html"]
    (reports / "reader" / "x1.html").unlink()
    mine = SiteRecord("seeds", record.files - {"reader/x1.html"})
    (reports / "reader" / "x1.html").write_text("my page")
    _, failure = publish_reader(XSS_CORPUS, reports, mine)
    assert failure == "reader/x1.html is not the kit's and the reader writes it too; move it away".replace(
        "reader/", f"{_shown(reports)}/reader/", 1
    )
    assert (reports / "reader" / "x1.html").read_text() == "my page"


def _shown(path: Path) -> str:
    from kit.report.layout import shown

    return shown(path)


def _reader_links(page: Path) -> list[tuple[Path, str]]:
    hrefs, _ = links_and_ids(page.read_text(encoding="utf-8"))
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.path.startswith("../reader/"):
            found.append(((page.parent / unquote(parts.path)).resolve(), parts.fragment))
    return found


@pytest.mark.enable_socket
def test_the_built_site_records_the_reader_and_its_index_links_it(built):
    record = site.read_record(built["reports"])
    assert record is not None and set(reader_pages()) <= record.files
    hrefs, _ = links_and_ids((built["reports"] / "index.html").read_text(encoding="utf-8"))
    assert "reader/index.html" in hrefs


def test_every_link_of_the_committed_reports_to_the_reader_resolves_to_a_page_and_an_anchor():
    pages = sorted(config.REPORTS.glob("*/report.html"))
    links = [link for page in pages for link in _reader_links(page)]
    assert len(links) > 50 and any(fragment.startswith("s") for _, fragment in links)
    ids: dict[Path, set[str]] = {}
    for target, fragment in links:
        assert target.is_file(), target
        if target not in ids:
            ids[target] = links_and_ids(target.read_text(encoding="utf-8"))[1]
        assert not fragment or fragment in ids[target], (target.name, fragment)
