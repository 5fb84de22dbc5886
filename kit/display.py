"""Tables as a researcher reads them on a report page: documents by outlet, date and headline, no index column,
blanks for missing values, every row and every character, long groups folded under ``<details>``.

The CSV files beside a report keep the hashed doc_ids and the offsets; these helpers change only what the page
shows. Article text is escaped (``html.escape``), so a quotation can never become markup.

    display.table(kwic, documents=corpus.documents)            # the last expression of a cell shows it
    display.folded(kwic, by="theme", documents=corpus.documents)   # one <details> per theme
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

# A headline is shortened to this many words in a document's label.
HEADLINE_WORDS = 6
# A group of more rows than this is folded (closed) under its summary line; shorter ones are shown open.
OPEN_UP_TO = 12
DOCUMENT = "document"


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
        # A list of documents ("a, b", as kit.voices.unregistered_speakers writes it), one label per line.
        shown = shown.assign(doc_ids=shown.doc_ids.map(lambda ids: _labelled_list(ids, labels)))
        shown = shown.rename(columns={"doc_ids": "documents"})
    return shown.apply(lambda column: column.map(_cell)) if len(shown) else shown


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
# The context before a keyword-in-context match ends at the match: right-aligned, the match reads in one column.
RIGHT_ALIGNED = frozenset({"left"})


def to_html(frame: pd.DataFrame) -> str:
    """A frame as an HTML table: no index column, every row, every character, text escaped.

    A cell of one short word gets class ``kit-word`` (kept on one line); a KWIC ``left`` column ``kit-left``
    (right-aligned, so it runs into the match).
    """
    header = "".join(
        f"<th>{html.escape(str(name)).replace('_', BREAK_AFTER_UNDERSCORE)}</th>" for name in frame.columns
    )
    lines = ['<table class="dataframe kit-table">', "  <thead>", f'    <tr style="text-align: left;">{header}</tr>']
    lines += ["  </thead>", "  <tbody>"]
    aligned = [str(name) in RIGHT_ALIGNED for name in frame.columns]
    for record in frame.itertuples(index=False, name=None):
        cells = []
        for right, value in zip(aligned, record, strict=True):
            text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
            classes = [name for name, wanted in (("kit-word", ONE_WORD.fullmatch(text)), ("kit-left", right)) if wanted]
            opening = f'<td class="{" ".join(classes)}">' if classes else "<td>"
            cells.append(f"{opening}{html.escape(text, quote=False)}</td>")
        lines.append(f"    <tr>{''.join(cells)}</tr>")
    lines += ["  </tbody>", "</table>"]
    return "\n".join(lines)


@dataclass(frozen=True)
class Table:
    """A table shown whole: the HTML a report page renders, and plain text elsewhere (a terminal, a test)."""

    frame: pd.DataFrame

    def _repr_html_(self) -> str:
        return to_html(self.frame)

    def __repr__(self) -> str:
        return self.frame.to_string(index=False, max_rows=None, max_colwidth=None) if len(self.frame) else "(no rows)"


def table(frame: pd.DataFrame, *, documents: pd.DataFrame | None = None) -> Table:
    """Show ``frame`` as a reader's table (see :func:`readable`): every row, no index column, no NaN."""
    return Table(readable(frame, documents=documents))


@dataclass(frozen=True)
class Folded:
    """Groups of one table, each under a ``<details>`` summary naming the group and its row count."""

    groups: tuple[tuple[str, pd.DataFrame], ...]
    by: str
    open_up_to: int = OPEN_UP_TO

    def _repr_html_(self) -> str:
        parts = []
        for name, rows in self.groups:
            opened = " open" if len(rows) <= self.open_up_to else ""
            noun = "row" if len(rows) == 1 else "rows"
            summary = f"{html.escape(self.by)} <strong>{html.escape(name)}</strong> · {len(rows)} {noun}"
            parts.append(
                f'<details class="kit-group"{opened}>\n<summary>{summary}</summary>\n{to_html(rows)}\n</details>'
            )
        return "\n".join(parts) if parts else "<p>(no rows)</p>"

    def __repr__(self) -> str:
        return "\n\n".join(f"{self.by} {name} ({len(rows)} rows)\n{Table(rows)!r}" for name, rows in self.groups)


def folded(
    frame: pd.DataFrame,
    *,
    by: str,
    documents: pd.DataFrame | None = None,
    order: Sequence[str] = (),
    open_up_to: int = OPEN_UP_TO,
) -> Folded:
    """Every row of ``frame``, one collapsible group per value of ``by`` (groups of up to ``open_up_to`` rows open).

    Args:
        frame: a table with a ``by`` column (e.g. KWIC lines by theme, quotations by voice).
        by: the column whose values name the groups; it is left out of each group's table.
        documents: the corpus's documents, to label a ``doc_id`` column (see :func:`readable`).
        order: group values first, in this order; the others follow in order of appearance (for ``by="doc_id"``
            with documents: document labels).
        open_up_to: the largest group shown open.
    """
    shown = readable(frame, documents=documents)
    # Grouped by document, the groups are named by the documents' labels, never by their hashed ids.
    key = DOCUMENT if by == "doc_id" and documents is not None else by
    present = set(shown[key])
    names = [*[name for name in order if name in present], *shown[key]]
    groups = []
    for name in dict.fromkeys(names):
        rows = shown[shown[key] == name].drop(columns=key).reset_index(drop=True)
        groups.append((_text(name) or "(none)", rows))
    return Folded(groups=tuple(groups), by=key, open_up_to=open_up_to)
