"""A reader's judgements of keyword-in-context lines, recorded: precision of what a dictionary counts, and its
recall against the lines it missed.

    lines = judgements.numbered(kwic.kwic(corpus, dictionary, theme="alliance"))   # 1, 2, 3 … to refer to
    found = judgements.precision(lines, drop=[13, 15], theme="alliance")          # keep or drop each line
    missed = judgements.numbered(judgements.candidates(corpus, ["ties", "partner*"], dictionary, theme="alliance"))
    judgements.recall(found, missed, keep=[2, 4, 6], theme="alliance")            # which missed lines belong

Each call writes the lines with the reader's verdict beside them (a ``keep`` column of ``yes``/``no``) into a CSV
file in ``my-work/`` (beside the notebook), so two readers can compare their files and a lecturer can collect
them. Precision is the share of counted lines the reader keeps; recall is the share of all the theme's lines the
reader found (kept counted lines, plus missed lines kept) that the dictionary counted. Recall measured this way is
an upper bound: lines with words nobody searched for are missed too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kit.analyses import kwic, themes
from kit.analyses.themes import Dictionary
from kit.types import Prepared

# Where the records go, relative to the working folder (a notebook's own folder in Jupyter).
FOLDER = "my-work"
# The columns of a judged line, in the order its record file has them.
RECORD_COLUMNS = ["line", "doc_id", "sentence_id", "start", "end", "left", "match", "right", "keep"]


@dataclass(frozen=True)
class Judgement:
    """One reader's verdicts on a set of lines: how many were judged, how many kept, the measure and its record.

    ``value`` is None until the lines are judged (or when the measure has no lines to rest on).
    """

    measure: str
    theme: str
    lines: int
    kept: int
    value: float | None
    message: str
    record: str = ""

    def __repr__(self) -> str:
        return self.message


def numbered(lines: pd.DataFrame) -> pd.DataFrame:
    """KWIC lines with a ``line`` column from 1, first, to refer to them when judging (the index is dropped)."""
    table = lines.reset_index(drop=True)
    return pd.concat([pd.Series(range(1, len(table) + 1), name="line"), table], axis=1)


def precision(lines: pd.DataFrame, *, drop: Iterable[int] | None, theme: str, folder: str | Path = FOLDER) -> Judgement:
    """Record which counted lines a reader would not keep, and the dictionary's precision on them.

    Args:
        lines: :func:`numbered` KWIC lines of what the dictionary counted.
        drop: the line numbers the reader would *not* keep (``[]``: every line is kept); None while not judged.
        theme: the theme judged, naming the record file ``<theme>-precision.csv``.
        folder: where the record goes (made if missing).

    Returns:
        A :class:`Judgement`: kept / lines, with the record's path; nothing is written while ``drop`` is None.

    Raises:
        ValueError: ``lines`` without a ``line`` column, or a line number that is not among them.
    """
    if drop is None:
        return Judgement(
            "precision",
            theme,
            len(lines),
            0,
            None,
            "not judged yet: list the line numbers you would drop in `drop` ([] if you keep every line)",
        )
    dropped = _line_numbers(lines, drop, "drop")
    kept = len(lines) - len(dropped)
    record = _write(lines, dropped, Path(folder) / f"{_file_stem(theme)}-precision.csv", keep_listed=False)
    if not len(lines):
        return Judgement("precision", theme, 0, 0, None, f"no lines to judge; record in {record}", str(record))
    value = kept / len(lines)
    message = (
        f"you kept {kept} of {len(lines)} lines: precision {kept}/{len(lines)} = {value:.2f}. "
        f"Your judgements are in {record}"
    )
    return Judgement("precision", theme, len(lines), kept, value, message, str(record))


def candidates(
    prepared: Prepared,
    words: Sequence[str],
    dictionary: Dictionary | None = None,
    *,
    theme: str | None = None,
    window: int = 6,
) -> pd.DataFrame:
    """KWIC lines of words a theme might have missed, leaving out the places it already counts.

    Args:
        prepared: the prepared corpus.
        words: words, phrases or globs the matcher accepts ("ties", "partner*").
        dictionary: the dictionary whose ``theme`` counts; with no theme nothing is left out.
        theme: the theme whose matches are left out (a word it counts is not missed).
        window: tokens of context on each side.

    Returns:
        The KWIC columns (:data:`kit.analyses.kwic.KWIC_COLUMNS`, ``pattern`` saying which word found the line),
        ordered by document and position; a place two words find is one line.
    """
    found = [kwic.kwic(prepared, word=word, window=window) for word in words]
    lines = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=kwic.KWIC_COLUMNS)
    lines = lines.drop_duplicates(["doc_id", "start", "end"])
    if theme is not None:
        counted = themes.matches(prepared, dictionary or themes.load_dictionary(), themes=[theme])
        spans: dict[str, list[tuple[int, int]]] = {}
        for doc, start, end in zip(counted.doc_id, counted.start, counted.end, strict=True):
            spans.setdefault(str(doc), []).append((int(start), int(end)))
        overlaps = [
            any(start < e and s < end for s, e in spans.get(str(doc), []))
            for doc, start, end in zip(lines.doc_id, lines.start, lines.end, strict=True)
        ]
        lines = lines[[not overlap for overlap in overlaps]]
    return lines.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def recall(
    found: Judgement | int,
    missed: pd.DataFrame,
    *,
    keep: Iterable[int] | None,
    theme: str,
    folder: str | Path = FOLDER,
) -> Judgement:
    """Record which missed lines belong to the theme, and the dictionary's recall.

    Args:
        found: the reader's :func:`precision` judgement of the counted lines (its kept lines are the ones the
            dictionary found rightly), or that number.
        missed: :func:`numbered` lines the dictionary did not count (:func:`candidates`).
        keep: the line numbers of ``missed`` that do belong to the theme; None while not judged.
        theme: the theme judged, naming the record file ``<theme>-recall.csv``.
        folder: where the record goes (made if missing).

    Returns:
        A :class:`Judgement`: found / (found + missed lines kept), at most what it says.

    Raises:
        ValueError: ``missed`` without a ``line`` column, or a line number that is not among them.
    """
    found_kept = found.kept if isinstance(found, Judgement) else int(found)
    if isinstance(found, Judgement) and found.value is None:
        return Judgement("recall", theme, len(missed), 0, None, "judge the counted lines first (precision, above)")
    if keep is None:
        return Judgement(
            "recall",
            theme,
            len(missed),
            0,
            None,
            "not judged yet: list the line numbers that belong to the theme in `keep` ([] if none does)",
        )
    kept = _line_numbers(missed, keep, "keep")
    record = _write(missed, kept, Path(folder) / f"{_file_stem(theme)}-recall.csv", keep_listed=True)
    total = found_kept + len(kept)
    if not total:
        return Judgement("recall", theme, len(missed), 0, None, f"no line belongs to the theme; record in {record}")
    value = found_kept / total
    message = (
        f"the dictionary found {found_kept} lines you keep and missed {len(kept)} more you found: recall at most "
        f"{found_kept}/{total} = {value:.2f} (words nobody searched for may hide more). Your judgements are in {record}"
    )
    return Judgement("recall", theme, len(missed), len(kept), value, message, str(record))


def _line_numbers(lines: pd.DataFrame, listed: Iterable[int], name: str) -> set[int]:
    if "line" not in lines.columns:
        raise ValueError("number the lines first: lines = judgements.numbered(lines)")
    numbers = {int(number) for number in listed}
    unknown = sorted(numbers - set(lines.line))
    if unknown:
        raise ValueError(f"{name}: line {unknown[0]} is not in the list (the lines are numbered 1 to {len(lines)})")
    return numbers


def _write(lines: pd.DataFrame, listed: set[int], path: Path, *, keep_listed: bool) -> Path:
    """The lines with a keep column (yes/no) as CSV; listed lines are kept (recall) or dropped (precision)."""
    table = lines.copy()
    table["keep"] = ["yes" if (number in listed) == keep_listed else "no" for number in table.line]
    path.parent.mkdir(parents=True, exist_ok=True)
    table[[column for column in RECORD_COLUMNS if column in table.columns]].to_csv(path, index=False)
    return path


def _file_stem(theme: str) -> str:
    """A theme name safe as a file name: letters, digits, '-' and '_' kept, anything else '-'."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in theme) or "theme"
