"""``python -m kit validate furniture``: what cleaning removed, against a hand coding of the raw files.

Two gold files, both coded on the raw article (1-based line numbers of the file as loaded):

- furniture (``--gold``): doc_id, line, furniture, whole_line — ``furniture`` is the exact furniture text
  on that line: the whole stripped line (``whole_line`` = yes) or a part of it (no), such as a trailing
  "(Yonhap)" or a leading page-store "date 2019-06-21";
- body lines (``--body``, optional): doc_id, line — every non-empty line the coder judged article text.

A furniture item is *removed* when cleaning removed its whole line, or, for a part, cut exactly that part
(a whole-line removal of a part counts as removed, and the line's body text as lost). A body line is *lost*
when cleaning removed any of its text beyond the gold's furniture part of that line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kit.errors import KitError
from kit.gold import rate, read_csv
from kit.types import Prepared

# How much of a line the listings show.
PREVIEW = 60


@dataclass(frozen=True)
class LineRemoval:
    """What cleaning removed from one raw line: the texts of its removed parts, and whether that is all of it."""

    texts: tuple[str, ...]
    whole: bool


def read_gold(path: str | Path, prepared: Prepared) -> pd.DataFrame:
    """The furniture gold file (doc_id, line, furniture, whole_line; kind and note optional)."""
    frame = read_csv(
        path,
        required=["doc_id", "line", "furniture", "whole_line"],
        optional=["kind", "note"],
        integers=["line"],
        doc_ids=set(prepared.documents.doc_id),
    )
    bad = frame[~frame.whole_line.str.lower().isin(["yes", "no"])]
    if len(bad):
        raise KitError(
            f"{path} line {bad.csv_line.iloc[0]}: column 'whole_line' is {bad.whole_line.iloc[0]!r}, expected yes or no"
        )
    _check_lines(path, frame, prepared)
    return frame


def read_body(path: str | Path, prepared: Prepared) -> pd.DataFrame:
    """The body-lines gold file (doc_id, line)."""
    frame = read_csv(path, required=["doc_id", "line"], integers=["line"], doc_ids=set(prepared.documents.doc_id))
    _check_lines(path, frame, prepared)
    return frame


def _check_lines(path: str | Path, frame: pd.DataFrame, prepared: Prepared) -> None:
    """Refuse a line number that is not a non-empty line of its article (one line naming it)."""
    raw = dict(zip(prepared.documents.doc_id, prepared.documents.raw_text, strict=True))
    for doc_id, line in zip(frame.doc_id, frame.line, strict=True):
        lines = raw[doc_id].split("\n")
        if not 0 < line <= len(lines) or not lines[line - 1].strip():
            raise KitError(f"{path}: {doc_id} has no non-empty line {line}")


def removals(prepared: Prepared) -> dict[tuple[str, int], LineRemoval]:
    """Per (doc_id, raw line number): the removed texts and whether they cover the whole line."""
    raw_lines = {doc.doc_id: doc.raw_text.split("\n") for doc in prepared.documents.itertuples(index=False)}
    removed = prepared.removed
    parts = removed.part if "part" in removed else pd.Series("whole", index=removed.index)
    texts: dict[tuple[str, int], list[str]] = {}
    whole: dict[tuple[str, int], bool] = {}
    for doc_id, line, part, text in zip(removed.doc_id, removed.line, parts, removed.text, strict=True):
        key = (doc_id, int(line))
        texts.setdefault(key, []).append(text)
        whole[key] = whole.get(key, False) or part == "whole"
    result = {}
    for key, key_texts in texts.items():
        line_chars = _chars(raw_lines[key[0]][key[1] - 1])
        covered = whole[key] or _chars("".join(key_texts)) == line_chars
        result[key] = LineRemoval(tuple(key_texts), covered)
    return result


def score(
    prepared: Prepared, gold: pd.DataFrame, body: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score each gold furniture item (``removed``) and each gold body line (``lost``).

    Returns:
        ``(furniture, body)``: the gold furniture rows with ``removed`` (bool) and ``line_text``, and the
        gold body rows with ``lost`` (bool), ``removed_text`` and ``line_text`` (empty frame without ``body``).
    """
    removed = removals(prepared)
    raw_lines = {doc.doc_id: doc.raw_text.split("\n") for doc in prepared.documents.itertuples(index=False)}
    parts_of_line: dict[tuple[str, int], set[str]] = {}
    for row in gold.itertuples(index=False):
        if row.whole_line.lower() != "yes":
            parts_of_line.setdefault((row.doc_id, int(row.line)), set()).add(_chars(row.furniture))
    furniture_rows = []
    for row in gold.itertuples(index=False):
        key = (row.doc_id, int(row.line))
        removal = removed.get(key, LineRemoval((), False))
        if row.whole_line.lower() == "yes":
            found = removal.whole
        else:
            found = removal.whole or _chars(row.furniture) in {_chars(t) for t in removal.texts}
        furniture_rows.append({**row._asdict(), "removed": found, "line_text": _line(raw_lines, key)})
    body_rows = []
    for row in (body if body is not None else pd.DataFrame(columns=["doc_id", "line"])).itertuples(index=False):
        key = (row.doc_id, int(row.line))
        removal = removed.get(key, LineRemoval((), False))
        allowed = parts_of_line.get(key, set())
        beyond = [t for t in removal.texts if _chars(t) not in allowed]
        lost = bool(beyond) or (removal.whole and bool(allowed))
        body_rows.append(
            {"doc_id": row.doc_id, "line": key[1], "lost": lost, "removed_text": " | ".join(beyond),
             "line_text": _line(raw_lines, key)}
        )  # fmt: skip
    return pd.DataFrame(furniture_rows), pd.DataFrame(
        body_rows, columns=["doc_id", "line", "lost", "removed_text", "line_text"]
    )


def validate(prepared: Prepared, gold_path: str, body_path: str | None = None) -> str:
    """The printed summary: rates, then every missed furniture item and every lost body line."""
    gold = read_gold(gold_path, prepared)
    body = read_body(body_path, prepared) if body_path else None
    furniture, body_scored = score(prepared, gold, body)
    lines = [f"gold: {gold_path} ({len(gold)} furniture items in {gold.doc_id.nunique()} documents)"]
    if body is not None:
        lines.append(f"body: {body_path} ({len(body)} body lines in {body.doc_id.nunique()} documents)")
    lines.append(f"furniture removed: {rate(int(furniture.removed.sum()), len(furniture))}")
    if body is not None:
        lines.append(f"body lines lost: {int(body_scored.lost.sum())} of {len(body_scored)}")
    suspect = prepared.removed.suspect.sum() if "suspect" in prepared.removed else 0
    lines.append(f"removals over 150 characters (suspect): {int(suspect)}")
    for row in furniture[~furniture.removed].itertuples(index=False):
        lines.append(f"missed: {row.doc_id} {row.line} {row.furniture[:PREVIEW]!r}")
    for row in body_scored[body_scored.lost].itertuples(index=False):
        lines.append(f"lost: {row.doc_id} {row.line} {row.line_text[:PREVIEW]!r}")
    return "\n".join(lines) + "\n"


def _line(raw_lines: dict[str, list[str]], key: tuple[str, int]) -> str:
    lines = raw_lines[key[0]]
    return lines[key[1] - 1].strip() if 0 < key[1] <= len(lines) else ""


def _chars(text: str) -> str:
    """The text with all white space (incl. non-breaking) removed, for comparing cut parts with gold."""
    return "".join(text.split())
