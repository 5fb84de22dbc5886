"""``python -m kit validate dates``: the kit's date expressions against a hand-coded CSV.

The gold file (format in docs/reference/gold.md) has one row per expression: ``doc_id``, ``expression``, offsets —
``start``/``end`` into the cleaned text, or ``raw_start``/``raw_end`` into the raw article file — and,
optionally, ``date_start``/``date_end`` (ISO days; empty for a vague or anchored expression). A second file
of non-dates (``doc_id``, ``text`` and offsets: durations, clock times, quantities) measures how many the kit
takes for dates.

    read_gold → score(kit rows, gold rows) → report (found, exact span, resolved, inside, extra rows)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from kit.analyses.chronology import date_expressions
from kit.errors import KitError
from kit.types import Prepared
from kit.validation import Figure, Finding, Report, gold

GOLD_REQUIRED = ["doc_id", "expression"]
GOLD_OPTIONAL = ["date_start", "date_end"]


def read_date_gold(path: str | Path, prepared: Prepared) -> pd.DataFrame:
    """A hand-coded CSV of date expressions: doc_id, expression, offsets (+ date_start, date_end).

    The offsets are ``start``/``end`` into the cleaned text (``kit table sentences`` shows each sentence's
    start) or ``raw_start``/``raw_end`` into the raw file; either way the text there must equal
    ``expression``. ``date_start``/``date_end`` (ISO days, optional, empty for vague expressions) let
    :func:`score_dates` check the resolution too.

    Returns:
        line, doc_id, expression, date_start, date_end (and the raw offsets when given), start and end into
        the cleaned text (``<NA>`` when the expression lies in furniture cleaning removed), in_body.

    Raises:
        KitError: the file's problems (see :func:`kit.validation.gold.read_csv`), offsets that do not point at the
            expression, an unreadable date.
    """
    offsets = gold.offset_columns(path)
    documents = prepared.documents
    frame = gold.read_csv(
        path,
        required=[*GOLD_REQUIRED, *offsets],
        optional=GOLD_OPTIONAL,
        integers=offsets,
        doc_ids=set(documents.doc_id),
    )
    for row in frame.itertuples(index=False):
        for column in ("date_start", "date_end"):
            value = getattr(row, column)
            try:
                value and date.fromisoformat(value)
            except ValueError:
                raise KitError(f"{path} line {row.line}: {column} {value!r} is not a day YYYY-MM-DD") from None
    return gold.locate(frame, prepared, path, text_column="expression", offsets=offsets)


def read_not_dates(path: str | Path, prepared: Prepared) -> pd.DataFrame:
    """A hand-listed CSV of non-dates: doc_id, text and offsets (cleaned or raw, as in :func:`read_date_gold`).

    Raises:
        KitError: as :func:`read_date_gold`.
    """
    offsets = gold.offset_columns(path)
    frame = gold.read_csv(
        path, required=["doc_id", "text", *offsets], integers=offsets, doc_ids=set(prepared.documents.doc_id)
    )
    return gold.locate(frame, prepared, path, text_column="text", offsets=offsets)


def _overlapping(rows: pd.DataFrame, start: Any, end: Any) -> pd.DataFrame:
    """The rows overlapping ``start``..``end`` (none when the gold row lies outside the body)."""
    if pd.isna(start):  # pandas types row fields as any scalar
        return rows.iloc[0:0]
    overlapping: pd.DataFrame = rows[(rows.start < end) & (rows.end > start)]
    return overlapping


def score_dates(system: pd.DataFrame, gold_rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Compare a system's date rows with gold rows of the same documents.

    Args:
        system: doc_id, start, end, expression, date_start, date_end (a point-date system such as
            dateparser gives the same day twice).
        gold_rows: :func:`read_date_gold` output.

    Returns:
        ``(per_gold, extra)``: per gold row, ``found`` (a system row overlaps its characters),
        ``exact_span`` (one has the same start and end), ``resolved`` (an overlapping row has the same
        date_start and date_end; gold rows without dates are not scored, <NA>) and ``within`` (an
        overlapping row's dates lie inside the gold span); ``extra`` are system rows overlapping no gold row.
        A gold row in removed furniture (``in_body`` False) is not found.
    """
    results = []
    matched: set[int] = set()
    by_doc = {doc: rows for doc, rows in system.groupby("doc_id", sort=False)}
    for row in gold_rows.itertuples(index=False):
        hits = _overlapping(by_doc.get(row.doc_id, system.iloc[0:0]), row.start, row.end)
        matched.update(hits.index)
        dated = bool(row.date_start)
        same = (hits.date_start == row.date_start) & (hits.date_end == row.date_end)
        inside = hits.date_start.notna() & (hits.date_start >= row.date_start) & (hits.date_end <= row.date_end)
        results.append(
            {
                "doc_id": row.doc_id,
                "start": row.start,
                "end": row.end,
                "expression": row.expression,
                "found": not hits.empty,
                "exact_span": bool(((hits.start == row.start) & (hits.end == row.end)).any()),
                "resolved": bool(same.any()) if dated else pd.NA,
                "within": bool(inside.any()) if dated else pd.NA,
                "in_body": getattr(row, "in_body", True),
            }
        )
    per_gold = pd.DataFrame(results)
    scored_docs = set(gold_rows.doc_id)
    extra = system[system.doc_id.isin(scored_docs) & ~system.index.isin(matched)]
    return per_gold, extra.reset_index(drop=True)


def taken_for_dates(system: pd.DataFrame, not_dates: pd.DataFrame) -> pd.Series:
    """Per non-date row (:func:`read_not_dates`), whether a system row overlaps it (bool, same index)."""
    by_doc = {doc: rows for doc, rows in system.groupby("doc_id", sort=False)}
    return pd.Series(
        [
            not _overlapping(by_doc.get(row.doc_id, system.iloc[0:0]), row.start, row.end).empty
            for row in not_dates.itertuples(index=False)
        ],
        index=not_dates.index,
        dtype=bool,
    )


def date_figures(per_gold: pd.DataFrame, extra: pd.DataFrame) -> tuple[Figure, ...]:
    """The rates of :func:`score_dates`: found, exact span, resolved, dates inside the gold span, extra rows.

    When some gold rows lie in furniture that cleaning removed (raw offsets only), two more figures say how
    the date rules did on the rows cleaning kept, so a cleaning loss is not mistaken for a date-rule miss.
    """
    dated = per_gold[per_gold.resolved.notna()]
    result = [
        Figure("found", int(per_gold.found.sum()), len(per_gold)),
        Figure("exact span", int(per_gold.exact_span.sum()), len(per_gold)),
        Figure("resolved (same dates)", int(dated.resolved.astype(bool).sum()), len(dated)),
        Figure("dates inside the gold span", int(dated.within.astype(bool).sum()), len(dated)),
        Figure("rows not in the gold file", len(extra)),
    ]
    kept = per_gold[per_gold.in_body.astype(bool)]
    if len(kept) < len(per_gold):
        kept_dated = kept[kept.resolved.notna()]
        result += [
            Figure("gold rows in furniture cleaning removed", len(per_gold) - len(kept)),
            Figure("found (of the rows cleaning kept)", int(kept.found.sum()), len(kept)),
            Figure(
                "resolved (of the dated rows cleaning kept)",
                int(kept_dated.resolved.astype(bool).sum()),
                len(kept_dated),
            ),
        ]
    return tuple(result)


def date_summary(per_gold: pd.DataFrame, extra: pd.DataFrame) -> dict[str, str]:
    """The :func:`date_figures` as printable ``{name: "part/whole = %"}`` strings (one column per system in a table)."""
    return {figure.name: figure.text for figure in date_figures(per_gold, extra)}


def date_report(prepared: Prepared, gold_path: str, *, holidays: str | Path | None = None) -> Report:
    """The kit's agreement with a hand-coded file: figures, then what it missed, resolved differently or added.

    ``holidays`` is a holiday calendar YAML file (default: the kit's).
    """
    gold_rows = read_date_gold(gold_path, prepared)
    per_gold, extra = score_dates(date_expressions(prepared, holidays=holidays), gold_rows)
    raw = gold_rows[list(gold.RAW_OFFSETS)] if set(gold.RAW_OFFSETS) <= set(gold_rows) else None
    findings = []
    missed = per_gold[~per_gold.found]
    for label, row in zip(missed.index, missed.itertuples(index=False), strict=True):
        if row.in_body:
            findings.append(Finding("missed", str(row.doc_id), f"{row.start}-{row.end} {row.expression!r}"))
        else:
            where = f"raw {raw.at[label, 'raw_start']}-{raw.at[label, 'raw_end']}" if raw is not None else "?"
            findings.append(Finding("missed (in removed furniture)", str(row.doc_id), f"{where} {row.expression!r}"))
    differently = per_gold[per_gold.found & (per_gold.resolved == False)]  # noqa: E712
    for other in differently.itertuples(index=False):
        findings.append(
            Finding("resolved differently", str(other.doc_id), f"{other.start}-{other.end} {other.expression!r}")
        )
    for unmatched in extra.itertuples(index=False):
        findings.append(
            Finding("not in gold", str(unmatched.doc_id), f"{unmatched.start}-{unmatched.end} {unmatched.expression!r}")
        )
    return Report(
        gold_path=gold_path,
        noun="expressions",
        rows=len(gold_rows),
        documents=gold_rows.doc_id.nunique(),
        figures=date_figures(per_gold, extra),
        findings=tuple(findings),
    )


# Plain `validate` (the other checks' are validate_quotes …): workbook 03 calls it, and its handouts are committed.
def validate(prepared: Prepared, gold_path: str, *, holidays: str | Path | None = None) -> str:
    """``python -m kit validate dates --gold FILE [--holidays FILE]``: the kit's agreement with a hand-coded file,
    as text.
    """
    return date_report(prepared, gold_path, holidays=holidays).render()
