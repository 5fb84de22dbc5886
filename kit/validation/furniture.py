"""``python -m kit validate furniture``: what cleaning removed, against a hand coding of the raw files.

Two gold files, both coded on the raw article (1-based line numbers of the file as loaded):

- furniture (``--gold``): doc_id, line, furniture, whole_line — ``furniture`` is the exact furniture text
  on that line: the whole stripped line (``whole_line`` = yes) or a part of it (no), such as a trailing
  "(Yonhap)" or a leading page-store "date 2019-06-21";
- body lines (``--body``, optional): doc_id, line — every non-empty line the coder judged article text.

A furniture item is *removed* when cleaning removed its whole line, or, for a part, cut exactly that part
(a whole-line removal of a part counts as removed, and the line's body text as lost). Parts the kit cuts one
after another at the same end of a line count together: a page-store date and a syndicator's credit cut as two
prefixes are the one part " date 2025-04-28 MENAFN - UkrinForm)" a coder marked. A body line is *lost*
when cleaning removed any of its text beyond the gold's furniture part of that line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kit.errors import KitError
from kit.preprocess.clean import PROSE_CHARS
from kit.types import Prepared
from kit.validation import Figure, Finding, Report
from kit.validation.gold import read_csv

# How much of a line the listings show.
PREVIEW = 60


@dataclass(frozen=True)
class LineRemoval:
    """What cleaning removed from one raw line: the texts of its removed parts, and whether that is all of it.

    ``runs`` are the parts cut at each end of the line joined in line order (prefixes, then suffixes), so that
    two cuts side by side compare with one part of the gold.
    """

    texts: tuple[str, ...]
    whole: bool
    runs: tuple[str, ...] = ()

    def run_of(self, text: str) -> str:
        """The joined run a removed part belongs to (the part itself when it was cut alone or whole)."""
        return next((run for run in self.runs if _chars(text) in _chars(run)), text)


def read_furniture_gold(path: str | Path, prepared: Prepared) -> pd.DataFrame:
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
    raw = _raw_lines(prepared)
    for doc_id, line in zip(_strs(frame.doc_id), _ints(frame.line), strict=True):
        lines = raw[doc_id]
        if not 0 < line <= len(lines) or not lines[line - 1].strip():
            raise KitError(f"{path}: {doc_id} has no non-empty line {line}")


@dataclass(frozen=True)
class GoldItem:
    """One row of the furniture gold: the furniture text on a raw line, whole or a part."""

    doc_id: str
    line: int
    furniture: str
    whole_line: bool


def removals(prepared: Prepared) -> dict[tuple[str, int], LineRemoval]:
    """Per (doc_id, raw line number): the removed texts and whether they cover the whole line."""
    raw_lines = _raw_lines(prepared)
    removed = prepared.removed
    texts: dict[tuple[str, int], list[str]] = {}
    whole: dict[tuple[str, int], bool] = {}
    ends: dict[tuple[str, int], dict[str, list[str]]] = {}
    rows = zip(_strs(removed.doc_id), _ints(removed.line), _strs(removed.part), _strs(removed.text), strict=True)
    for doc_id, line, part, text in rows:
        key = (doc_id, line)
        texts.setdefault(key, []).append(text)
        whole[key] = whole.get(key, False) or part == "whole"
        ends.setdefault(key, {}).setdefault(part, []).append(text)
    result = {}
    for key, key_texts in texts.items():
        covered = whole[key] or _chars("".join(key_texts)) == _chars(raw_lines[key[0]][key[1] - 1])
        prefixes, suffixes = ends[key].get("prefix", []), ends[key].get("suffix", [])
        # Suffixes are logged outermost (last in the line) first.
        runs = tuple(" ".join(run) for run in (prefixes, suffixes[::-1]) if len(run) > 1)
        result[key] = LineRemoval(tuple(key_texts), covered, runs)
    return result


def score_furniture(
    prepared: Prepared, gold: pd.DataFrame, body: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score each gold furniture item (``removed``) and each gold body line (``lost``).

    Returns:
        ``(furniture, body)``: the gold furniture rows (doc_id, line, furniture, whole_line) with
        ``removed`` (bool) and ``line_text``, and the gold body rows with ``lost`` (bool), ``removed_text``
        and ``line_text`` (an empty frame without ``body``).
    """
    removed = removals(prepared)
    raw_lines = _raw_lines(prepared)
    items = [
        GoldItem(doc_id, line, furniture, whole_line.lower() == "yes")
        for doc_id, line, furniture, whole_line in zip(
            _strs(gold.doc_id), _ints(gold.line), _strs(gold.furniture), _strs(gold.whole_line), strict=True
        )
    ]
    parts_of_line: dict[tuple[str, int], set[str]] = {}
    for item in items:
        if not item.whole_line:
            parts_of_line.setdefault((item.doc_id, item.line), set()).add(_chars(item.furniture))
    furniture_rows = []
    for item in items:
        removal = removed.get((item.doc_id, item.line), LineRemoval((), False))
        cut_exactly = _chars(item.furniture) in {_chars(t) for t in (*removal.texts, *removal.runs)}
        found = removal.whole or (not item.whole_line and cut_exactly)
        line_text = _line(raw_lines, item.doc_id, item.line)
        furniture_rows.append({**item.__dict__, "removed": found, "line_text": line_text})
    body_rows = []
    if body is not None:
        for doc_id, line in zip(_strs(body.doc_id), _ints(body.line), strict=True):
            removal = removed.get((doc_id, line), LineRemoval((), False))
            allowed = parts_of_line.get((doc_id, line), set())
            beyond = [t for t in removal.texts if _chars(removal.run_of(t)) not in allowed and _chars(t) not in allowed]
            lost = bool(beyond) or (removal.whole and bool(allowed))
            line_text = _line(raw_lines, doc_id, line)
            body_rows.append(
                {
                    "doc_id": doc_id,
                    "line": line,
                    "lost": lost,
                    "removed_text": " | ".join(beyond),
                    "line_text": line_text,
                }
            )
    furniture_columns = ["doc_id", "line", "furniture", "whole_line", "removed", "line_text"]
    body_columns = ["doc_id", "line", "lost", "removed_text", "line_text"]
    return (
        pd.DataFrame.from_records(furniture_rows, columns=furniture_columns),
        pd.DataFrame.from_records(body_rows, columns=body_columns),
    )


def furniture_report(prepared: Prepared, gold_path: str, body_path: str | None = None) -> Report:
    """Figures (furniture removed, body lines lost, suspect removals), then every miss and every lost line."""
    gold = read_furniture_gold(gold_path, prepared)
    body = read_body(body_path, prepared) if body_path else None
    furniture, body_scored = score_furniture(prepared, gold, body)
    figures = [Figure("furniture removed", sum(bool(x) for x in furniture.removed), len(furniture))]
    also_read: tuple[str, ...] = ()
    if body is not None:
        also_read = (f"body: {body_path} ({len(body)} body lines in {body.doc_id.nunique()} documents)",)
        figures.append(Figure("body lines lost", sum(bool(x) for x in body_scored.lost), len(body_scored), True))
    suspect = sum(bool(x) for x in prepared.removed.suspect)
    figures.append(Figure(f"removals over {PROSE_CHARS} characters (suspect)", suspect))
    findings = [
        Finding("missed", doc_id, f"{line} {text[:PREVIEW]!r}")
        for doc_id, line, text, found in zip(
            _strs(furniture.doc_id), _ints(furniture.line), _strs(furniture.furniture), furniture.removed, strict=True
        )
        if not found
    ]
    findings += [
        Finding("lost", doc_id, f"{line} {text[:PREVIEW]!r}")
        for doc_id, line, text, lost in zip(
            _strs(body_scored.doc_id),
            _ints(body_scored.line),
            _strs(body_scored.line_text),
            body_scored.lost,
            strict=True,
        )
        if lost
    ]
    return Report(
        gold_path=gold_path,
        noun="furniture items",
        rows=len(gold),
        documents=int(gold.doc_id.nunique()),
        figures=tuple(figures),
        findings=tuple(findings),
        also_read=also_read,
    )


def validate_furniture(prepared: Prepared, gold_path: str, body_path: str | None = None) -> str:
    """``python -m kit validate furniture``: the printed :func:`furniture_report`."""
    return furniture_report(prepared, gold_path, body_path).render()


def _raw_lines(prepared: Prepared) -> dict[str, list[str]]:
    documents = prepared.documents
    return {
        doc_id: raw.split("\n") for doc_id, raw in zip(_strs(documents.doc_id), _strs(documents.raw_text), strict=True)
    }


def _strs(column: pd.Series) -> list[str]:
    return [str(value) for value in column]


def _ints(column: pd.Series) -> list[int]:
    return [int(value) for value in column]


def _line(raw_lines: dict[str, list[str]], doc_id: str, line: int) -> str:
    lines = raw_lines[doc_id]
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def _chars(text: str) -> str:
    """The text with all white space (incl. non-breaking) removed, for comparing cut parts with gold."""
    return "".join(text.split())
