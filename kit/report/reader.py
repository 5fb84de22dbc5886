"""The reader: a page per article of the corpus, ``reports/reader/<doc_id>.html``, and a list of them, ``index.html``.

Each page shows the article's cleaned text, the text every offset of the report tables points into, with each
sentence an element (``id="s<sentence_id>"``, and an anchor ``id="c<start>"`` at its first character), and marks
on it from the tables the reports read: quotations (speaker and group), dates (the resolved span), theme hits
and formula hits. Below the text, the lines cleaning removed. A table row links to its sentence:
``reader/<doc_id>.html#s12`` (sentence 12) or ``#c249`` (the sentence starting at character 249).

    corpus folder → archive (the store's sentences, removed lines, dates and quotations; theme and formula hits
    computed chunk by chunk from the same prepared tables the reports read) → one page per article → staged
    folder → switched into the site as one set, listed in the site's record (:func:`publish_reader`)

Pages are static HTML without scripts: every value is escaped, the stylesheet is inline. The same corpus gives
the same bytes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pandas as pd

from kit import config
from kit.report import publish
from kit.report.layout import READER, READER_INDEX, STAGING, shown
from kit.report.markup import Highlight, marked_text
from kit.report.site import SiteRecord

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class ArticlePage:
    """One article as its reader page shows it.

    Attributes:
        doc_id: the article's id (its page is ``<doc_id>.html``).
        label: the document's label in the report tables (:func:`kit.presentation.display.document_labels`).
        facts: the manifest's fields the page lists (outlet, published, …), in order, empty ones left out.
        text: the cleaned text.
        highlights: the sentences and the spans marked on the text.
        removed: the lines cleaning removed (line, part, kind, text, suspect).
    """

    doc_id: str
    label: str
    headline: str
    facts: tuple[tuple[str, str], ...]
    text: str
    highlights: tuple[Highlight, ...]
    removed: tuple[Mapping[str, str], ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def page(self) -> str:
        """The page's file name."""
        return f"{self.doc_id}.html"


# The manifest's fields a page lists, as it names them.
FACTS: tuple[tuple[str, str], ...] = (("outlet", "outlet"), ("published", "published"), ("author", "author"))
FACTS += (("url", "address"), ("file", "file"), ("doc_id", "doc_id"))
# What the counts of marks are called on the pages.
COUNTED = {"quote": "quotations", "date": "dates", "theme": "theme hits", "formula": "formula hits"}


def articles(folder: Path) -> Iterator[ArticlePage]:
    """Every article of the corpus folder, in document order, read chunk by chunk from the store.

    Sentences, removed lines, dates and quotations are the store's (computed where it lacks them, with the kit's
    data files, as :func:`kit.compute.archive.fill_report_tables` keeps them); theme hits
    (:func:`kit.analyses.kwic.kwic`, every theme) and formula hits (:func:`kit.analyses.formulas.occurrences`, placed
    by the kept quotations) are found in each chunk's prepared tables.
    """
    from kit.analyses import formulas, kwic, themes
    from kit.compute.archive import opened
    from kit.compute.chunks import Settings
    from kit.compute.stages import STAGES
    from kit.presentation.display import document_labels

    archive = opened(
        folder, Settings(jobs=1, progress=False, stages=STAGES), tables=["dates", "quotes"], warn_cleaning=False
    )
    labels = document_labels(archive.documents)
    dictionary, book = themes.load_dictionary(None), formulas.load_formulas(None)
    for chunk, prepared in zip(archive.chunks, archive.prepared(), strict=True):
        dates = archive.store.read("dates", chunk.keys["dates"])
        quotes = archive.store.read("quotes", chunk.keys["quotes"])
        tables = {
            "sentence": prepared.sentences,
            "quote": quotes,
            "date": dates,
            "theme": kwic.kwic(prepared, dictionary),
            "formula": formulas.occurrences(prepared, quotes, formulas=book),
            "removed": prepared.removed,
        }
        by_document = {name: _by_document(frame) for name, frame in tables.items()}
        for row in _records(prepared.documents):
            doc_id = str(row["doc_id"])
            rows = {name: groups.get(doc_id, []) for name, groups in by_document.items()}
            yield _article(row, labels.get(doc_id, doc_id), rows)


def _by_document(frame: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in _records(frame):
        grouped.setdefault(str(row["doc_id"]), []).append(row)
    return grouped


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(name): value for name, value in row.items()} for row in frame.to_dict("records")]


def _article(document: Mapping[str, Any], label: str, rows: Mapping[str, list[dict[str, Any]]]) -> ArticlePage:
    """An article's page contents from its manifest row and its rows of each table."""
    highlights = [
        Highlight("sentence", int(row["start"]), int(row["end"]), f"s{int(row['sentence_id'])}")
        for row in rows["sentence"]
    ]
    for kind, describe in DESCRIBED.items():
        highlights += [describe(row, f"{kind[0]}{index}") for index, row in enumerate(rows[kind])]
    facts = tuple((name, _text(document.get(column))) for column, name in FACTS if _text(document.get(column)))
    removed = tuple(
        {"line": _text(row["line"]), "part": _text(row["part"]), "kind": _text(row["kind"]), "text": _text(row["text"])}
        | {"suspect": "suspect" if bool(row.get("suspect")) else ""}
        for row in rows["removed"]
    )
    return ArticlePage(
        doc_id=str(document["doc_id"]),
        label=label,
        headline=_text(document.get("headline")),
        facts=facts,
        text=str(document["text"]),
        highlights=tuple(highlights),
        removed=removed,
        counts={name: len(rows[kind]) for kind, name in COUNTED.items()},
    )


def _quote(row: Mapping[str, Any], key: str) -> Highlight:
    speaker, group = _text(row.get("speaker")) or "unattributed", _text(row.get("speaker_group"))
    via = _text(row.get("via"))
    title = f"quotation ({_text(row.get('kind'))}): {speaker}" + (f", {group}" if group else "")
    title += f", via {via}" if via else ""
    note = f"{speaker} · {group}" if group else speaker
    return Highlight("quote", int(row["start"]), int(row["end"]), key, title, (("data-note", note),))


def _date(row: Mapping[str, Any], key: str) -> Highlight:
    first, last = _text(row.get("date_start")), _text(row.get("date_end"))
    span = first if first == last else f"{first} – {last}"
    how = ", ".join(part for part in (_text(row.get("granularity")), _text(row.get("basis"))) if part)
    title = f"date: {span or 'not resolved'}" + (f" ({how})" if how else "")
    return Highlight("date", int(row["start"]), int(row["end"]), key, title, (("data-span", span),) if span else ())


def _theme(row: Mapping[str, Any], key: str) -> Highlight:
    title = f"theme {_text(row.get('theme'))}: {_text(row.get('pattern'))}"
    return Highlight("theme", int(row["start"]), int(row["end"]), key, title)


def _formula(row: Mapping[str, Any], key: str) -> Highlight:
    voice = _text(row.get("voice"))
    title = f"formula: {_text(row.get('label'))}" + (f" ({voice})" if voice else "")
    return Highlight("formula", int(row["start"]), int(row["end"]), key, title)


DESCRIBED = {"quote": _quote, "date": _date, "theme": _theme, "formula": _formula}


def _text(value: Any) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def article_page(article: ArticlePage) -> str:
    """The reader page of one article (static HTML, every value escaped, no scripts)."""
    from markupsafe import Markup

    return _template("reader.html.j2").render(
        article=article, body=Markup(marked_text(article.text, article.highlights)), css=_css()
    )


def index_page(summaries: Sequence[Mapping[str, Any]], corpus: str) -> str:
    """The list of the reader pages: each article's label (a link), date, outlet, headline and counts."""
    return _template("reader-index.html.j2").render(
        articles=summaries, corpus=corpus, counted=list(COUNTED.values()), css=_css()
    )


def write_pages(folder: Path, target: Path) -> list[str]:
    """Write the reader pages of the corpus ``folder`` and their list into folder ``target``; returns their names."""
    target.mkdir(parents=True, exist_ok=True)
    names: list[str] = []
    summaries: list[dict[str, Any]] = []
    for article in articles(folder):
        (target / article.page).write_text(article_page(article), encoding="utf-8")
        names.append(article.page)
        facts = dict(article.facts)
        summaries.append(
            {
                "href": quote(article.page),
                "label": article.label,
                "published": facts.get("published", ""),
                "outlet": facts.get("outlet", ""),
                "headline": article.headline,
                "counts": [article.counts[name] for name in COUNTED.values()],
            }
        )
    (target / READER_INDEX).write_text(index_page(summaries, folder.resolve().name), encoding="utf-8")
    return [*names, READER_INDEX]


def publish_reader(folder: Path, reports_dir: Path, record: SiteRecord) -> tuple[SiteRecord, str]:
    """Stage the reader pages of corpus ``folder`` and switch them into ``reports_dir/reader`` as one set.

    Files in ``reader/`` that the kit did not write stay (:func:`kit.report.publish.install`). Pages that are
    the same bytes as the site's are not switched.

    Returns:
        The site's record (written) and ``""``, or the record unchanged and why the pages were not published
        (a file of someone else's where a page goes).
    """
    staged = reports_dir / STAGING / READER
    shutil.rmtree(staged, ignore_errors=True)
    clashes: list[str] = []
    try:
        names = write_pages(folder, staged)
        if not _unchanged(staged, reports_dir / READER, names, record.under(READER)):
            record, clashes = publish.install(staged, reports_dir / READER, reports_dir, record)
    finally:
        # An interrupted switch keeps its staged folder: the next run finishes it from the journal.
        if not publish.journal_path(reports_dir, reports_dir / READER).exists():
            shutil.rmtree(staged, ignore_errors=True)
    if clashes:
        where = shown(reports_dir / READER / clashes[0].rstrip("/"))
        return record, f"{where} is not the kit's and the reader writes it too; move it away"
    return record, ""


def _unchanged(staged: Path, target: Path, names: list[str], recorded: set[str]) -> bool:
    """Whether folder ``target`` holds, as the kit's files, exactly the pages staged, byte for byte (then nothing
    is switched: a run on the same corpus leaves the reader as it was).
    """
    if set(names) != recorded or target.is_symlink() or not target.is_dir():
        return False
    for name in names:
        page = target / name
        if page.is_symlink() or not page.is_file() or page.read_bytes() != (staged / name).read_bytes():
            return False
    return True


def _template(name: str) -> jinja2.Template:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(config.TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    return environment.get_template(name)


def _css() -> str:
    return (config.TEMPLATES / "report" / "kit.css").read_text(encoding="utf-8")
