"""Tables as a researcher reads them on a report page: documents by outlet, date and headline, no index column,
blanks for missing values, every character, long groups folded under ``<details>``.

The CSV files beside a report keep every row, the hashed doc_ids and the offsets; these helpers change only what
the page shows. A page shows every row up to :data:`SHOWN_ROWS` a table (all rows of a corpus of a few hundred
articles); past that, the first ones and a line saying how many more the CSV holds, so the report of an archive
of 100,000 articles stays a page a browser opens. Article text is escaped (``html.escape``), so a quotation can
never become markup.

On a report page (the runner sets :data:`READER_ENV` in the kernel), a row's document cell links to the article's
reader page (:mod:`kit.report.reader`), at the row's sentence when it has a ``sentence_id``:
``../reader/<doc_id>.html#s12``; in a table folded by document, the sentence cell and the group's name do.

    display.table(kwic, documents=corpus.documents)            # the last expression of a cell shows it
    display.folded(kwic, by="theme", documents=corpus.documents)   # one <details> per theme
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pandas as pd

# A headline is shortened to this many words in a document's label.
HEADLINE_WORDS = 6
# A group of more rows than this is folded (closed) under its summary line; shorter ones are shown open.
OPEN_UP_TO = 12
DOCUMENT = "document"
# The most rows one table (or one folded display, all its groups together) shows on a page.
SHOWN_ROWS = 2000
# Set by the report runner in a report's kernel: the reader pages' folder as the report page reaches it
# ("../reader/"). Unset (a notebook open in JupyterLab, where there is no site), tables link nowhere.
READER_ENV = "PRESSKIT_READER"
# The column of a row that links to its reader page: its document, else (in a group of one document) its sentence.
LINKED = (DOCUMENT, "sentence_id")


def document_labels(documents: pd.DataFrame, *, headline_words: int = HEADLINE_WORDS) -> dict[str, str]:
    """A label per doc_id a reader recognises: ``outlet · published · short headline``.

    Args:
        documents: the corpus's documents (doc_id, outlet, published, headline).
        headline_words: words of the headline kept (0: no headline, as chart labels want).

    Returns:
        ``{doc_id: label}`` in the documents' order; an empty outlet or headline is left out, never invented, and
        labels that would be equal get `` #2``, `` #3`` … in document order.
    """
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for row in documents.itertuples():
        # The day is enough to tell articles apart; a time of day (2018-03-28T21:45) is in the table.
        parts = [_text(getattr(row, "outlet", "")), _text(getattr(row, "published", ""))[:10]]
        words = _text(getattr(row, "headline", "")).split()
        if headline_words and words:
            parts.append(" ".join(words[:headline_words]) + (" …" if len(words) > headline_words else ""))
        label = " · ".join(part for part in parts if part) or str(row.doc_id)
        seen[label] = seen.get(label, 0) + 1
        labels[str(row.doc_id)] = label if seen[label] == 1 else f"{label} #{seen[label]}"
    return labels


def readable(frame: pd.DataFrame, *, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """The frame as a page shows it: doc_id replaced by the document's label, blanks for missing values, lists joined.

    Args:
        frame: any table of the kit.
        documents: the corpus's documents; when given, a ``doc_id`` column becomes a ``document`` column (its label)
            and a ``doc_ids`` column (ids separated by commas) a ``documents`` column of labels.

    Returns:
        A new frame of text and numbers, with a plain 0…n-1 index (the page never shows it).
    """
    shown = frame.reset_index(drop=True)
    labels = document_labels(documents) if documents is not None else {}
    if documents is not None and "doc_id" in shown.columns:
        position = list(shown.columns).index("doc_id")
        named = shown.doc_id.map(lambda d: labels.get(str(d), str(d)))
        shown = shown.drop(columns="doc_id")
        shown.insert(position, DOCUMENT, named)
    if documents is not None and "doc_ids" in shown.columns:
        # A list of documents ("a, b", as kit.analyses.voices.unregistered_speakers writes it), one label per line.
        shown = shown.assign(doc_ids=shown.doc_ids.map(lambda ids: _labelled_list(ids, labels)))
        shown = shown.rename(columns={"doc_ids": "documents"})
    # Through object: a nullable integer column with a gap (Int64) would otherwise show 2018.0 for 2018.
    return shown.apply(lambda column: column.astype(object).map(_cell)) if len(shown) else shown


def reader_links(frame: pd.DataFrame, *, documents: pd.DataFrame | None) -> tuple[str, ...]:
    """Each row's link to its reader page (``<reader>/<doc_id>.html``, ``#s<sentence_id>`` when it has one).

    Returns:
        One link per row, or ``()`` when the frame has no ``doc_id`` column, no documents are given (its documents
        are not labelled, so not a reader's), or :data:`READER_ENV` is unset.
    """
    base = os.environ.get(READER_ENV, "")
    if not base or documents is None or "doc_id" not in frame.columns:
        return ()
    sentences = frame["sentence_id"] if "sentence_id" in frame.columns else pd.Series([None] * len(frame))
    links = []
    for doc_id, sentence in zip(frame["doc_id"], sentences, strict=True):
        fragment = "" if sentence is None or pd.isna(sentence) else f"#s{int(sentence)}"
        links.append(f"{base}{quote(str(doc_id))}.html{fragment}")
    return tuple(links)


def _labelled_list(ids: Any, labels: Mapping[str, str]) -> str:
    names = ids if isinstance(ids, list | tuple) else str(ids).replace(";", ",").split(",")
    return "; ".join(labels.get(name.strip(), name.strip()) for name in map(str, names) if name.strip())


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(item) for item in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return value


def _text(value: Any) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


# After an underscore a column name may break (published_precision), so a narrow column keeps whole words.
BREAK_AFTER_UNDERSCORE = "_\u200b"


# A cell of one short word (a number, a date, a voice) is kept on one line however narrow the page: only prose breaks.
ONE_WORD = re.compile(r"[^\s]{1,16}")
# A token longer than any column should be made for (a URL, a hashed id): its cell breaks anywhere (kit-long).
LONG_TOKEN = re.compile(r"[^\s]{25,}")
# The context before a keyword-in-context match ends at the match: right-aligned, the match reads in one column.
RIGHT_ALIGNED = frozenset({"left"})


def to_html(frame: pd.DataFrame, *, links: Sequence[str] = ()) -> str:
    """A frame as an HTML table: no index column, every row, every character, text escaped.

    A cell of one short word gets class ``kit-word`` (kept on one line), a cell with a token of 25 characters or
    more ``kit-long`` (broken anywhere; every other cell breaks between words only); a KWIC ``left`` column ``kit-left``
    (right-aligned, so it runs into the match). ``links`` (one per row, see :func:`reader_links`) make the cell of
    the first :data:`LINKED` column the frame has a link.
    """
    linked = next((str(name) for name in LINKED if name in frame.columns), None) if links else None
    header = "".join(
        f"<th>{html.escape(str(name)).replace('_', BREAK_AFTER_UNDERSCORE)}</th>" for name in frame.columns
    )
    lines = ['<table class="dataframe kit-table">', "  <thead>", f'    <tr style="text-align: left;">{header}</tr>']
    lines += ["  </thead>", "  <tbody>"]
    aligned = [str(name) in RIGHT_ALIGNED for name in frame.columns]
    for position, record in enumerate(frame.itertuples(index=False, name=None)):
        cells = []
        for column, right, value in zip(frame.columns, aligned, record, strict=True):
            text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
            wanted = (
                ("kit-word", ONE_WORD.fullmatch(text)),
                ("kit-long", LONG_TOKEN.search(text)),
                ("kit-left", right),
            )
            classes = [name for name, marked in wanted if marked]
            opening = f'<td class="{" ".join(classes)}">' if classes else "<td>"
            shown = html.escape(text, quote=False)
            if str(column) == linked:
                shown = f'<a href="{html.escape(links[position], quote=True)}">{shown}</a>'
            cells.append(f"{opening}{shown}</td>")
        lines.append(f"    <tr>{''.join(cells)}</tr>")
    lines += ["  </tbody>", "</table>"]
    return "\n".join(lines)


def _more(left_out: int, what: str = "rows") -> str:
    return f"… and {left_out:,} more {what}: every row is in the report's CSV tables"


@dataclass(frozen=True)
class Table:
    """A table as a page shows it (HTML) and as plain text elsewhere (a terminal, a test); ``left_out`` rows of
    the full table are not shown (see :data:`SHOWN_ROWS`).
    """

    frame: pd.DataFrame
    left_out: int = 0
    links: tuple[str, ...] = ()  # each row's reader page (see reader_links)

    def _repr_html_(self) -> str:
        note = f'\n<p class="kit-more">{html.escape(_more(self.left_out))}</p>' if self.left_out else ""
        return to_html(self.frame, links=self.links) + note

    def __repr__(self) -> str:
        text = self.frame.to_string(index=False, max_rows=None, max_colwidth=None) if len(self.frame) else "(no rows)"
        return f"{text}\n{_more(self.left_out)}" if self.left_out else text


def table(frame: pd.DataFrame, *, documents: pd.DataFrame | None = None) -> Table:
    """Show ``frame`` as a reader's table (see :func:`readable`): no index column, no NaN, every row up to
    :data:`SHOWN_ROWS` (then the first ones and how many more).
    """
    shown = frame.head(SHOWN_ROWS)
    links = reader_links(shown, documents=documents)
    return Table(readable(shown, documents=documents), left_out=len(frame) - len(shown), links=links)


@dataclass(frozen=True)
class Folded:
    """Groups of one table, each under a ``<details>`` summary naming the group and its row count."""

    groups: tuple[tuple[str, pd.DataFrame], ...]
    by: str
    open_up_to: int = OPEN_UP_TO
    # Rows of the full table not shown (see SHOWN_ROWS): the end of the last group shown, and the groups after it.
    left_out: int = 0
    sizes: tuple[int, ...] = ()  # each shown group's row count in the full table (default: the rows shown)
    links: tuple[tuple[str, ...], ...] = ()  # each group's rows' reader pages (see reader_links), or ()
    named: tuple[str, ...] = ()  # each group's reader page, when the groups are documents, or ()

    def _size(self, index: int) -> int:
        return self.sizes[index] if self.sizes else len(self.groups[index][1])

    def _repr_html_(self) -> str:
        parts = []
        for index, (name, rows) in enumerate(self.groups):
            size = self._size(index)
            opened = " open" if size <= self.open_up_to else ""
            noun = "row" if size == 1 else "rows"
            label = html.escape(name)
            if self.named:
                label = f'<a href="{html.escape(self.named[index], quote=True)}">{label}</a>'
            summary = f"{html.escape(self.by)} <strong>{label}</strong> · {size} {noun}"
            table = to_html(rows, links=self.links[index] if self.links else ())
            parts.append(f'<details class="kit-group"{opened}>\n<summary>{summary}</summary>\n{table}\n</details>')
        if self.left_out:
            parts.append(f'<p class="kit-more">{html.escape(_more(self.left_out))}</p>')
        return "\n".join(parts) if parts else "<p>(no rows)</p>"

    def __repr__(self) -> str:
        parts = [
            f"{self.by} {name} ({self._size(index)} rows)\n{Table(rows)!r}"
            for index, (name, rows) in enumerate(self.groups)
        ]
        return "\n\n".join([*parts, _more(self.left_out)] if self.left_out else parts)


def folded(
    frame: pd.DataFrame,
    *,
    by: str,
    documents: pd.DataFrame | None = None,
    order: Sequence[str] = (),
    open_up_to: int = OPEN_UP_TO,
) -> Folded:
    """The rows of ``frame``, one collapsible group per value of ``by`` (groups of up to ``open_up_to`` rows open);
    every row up to :data:`SHOWN_ROWS` in all, then a line saying how many more the CSV holds.

    Args:
        frame: a table with a ``by`` column (e.g. KWIC lines by theme, quotations by voice).
        by: the column whose values name the groups; it is left out of each group's table.
        documents: the corpus's documents, to label a ``doc_id`` column (see :func:`readable`).
        order: group values first, in this order; the others follow in order of appearance (for ``by="doc_id"``
            with documents: document labels).
        open_up_to: the largest group shown open.
    """
    # Grouped by document, the groups are named by the documents' labels, never by their hashed ids.
    key = DOCUMENT if by == "doc_id" and documents is not None else by
    values = readable(frame[[by]], documents=documents)[key]
    # Row positions by group in one pass (a mask per group would cost groups × rows on a large corpus).
    positions = pd.Series(range(len(frame))).groupby(values.to_numpy(), sort=False).indices
    names = [*[name for name in order if name in positions], *values]
    chosen, budget = [], SHOWN_ROWS
    for name in dict.fromkeys(names):
        if budget <= 0:
            break
        chosen.append((name, positions[name][:budget]))
        budget -= len(chosen[-1][1])
    shown_rows = [position for _, group in chosen for position in group]
    shown = readable(frame.iloc[shown_rows], documents=documents).drop(columns=key)
    row_links = reader_links(frame.iloc[shown_rows], documents=documents)
    groups, links, first = [], [], 0
    for name, group in chosen:
        groups.append((_text(name) or "(none)", shown.iloc[first : first + len(group)].reset_index(drop=True)))
        links.append(row_links[first : first + len(group)])
        first += len(group)
    sizes = tuple(len(positions[name]) for name, _ in chosen)
    left_out = len(frame) - len(shown_rows)
    # Grouped by document, a group's name links to its page (its first row's link, without the sentence).
    named = tuple(group[0].split("#")[0] for group in links) if row_links and key == DOCUMENT else ()
    return Folded(
        groups=tuple(groups),
        by=key,
        open_up_to=open_up_to,
        left_out=left_out,
        sizes=sizes,
        links=tuple(links) if row_links else (),
        named=named,
    )
