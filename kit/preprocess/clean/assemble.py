"""The cleaned text: the kept lines joined into paragraphs, and raw offsets mapped into them.

assemble (one document's kept lines → its cleaned text and paragraph rows; the lines of a hard-wrapped paragraph
make one paragraph: wrap_width, wraps_into) → cleaned_span (a raw span → where it lies in the cleaned text)
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pandas as pd

from kit.preprocess.clean.header import BODY_KINDS
from kit.preprocess.clean.reading import TERMINAL, runs_on

if TYPE_CHECKING:
    from kit.preprocess.clean import Line, ParagraphRow


def assemble(doc_id: str, lines: list[Line]) -> tuple[str, list[ParagraphRow]]:
    """Join the kept lines into the cleaned text and record each paragraph's offsets.

    The lines of one hard-wrapped paragraph (:func:`wraps_into`) make one paragraph: the raw line break and
    the spaces around it become as many spaces, so a raw offset still maps into it by adding a constant.
    """
    rows: list[ParagraphRow] = []
    kept = [ln for ln in lines if ln.kind in BODY_KINDS]
    width = wrap_width(kept)
    for i, ln in enumerate(kept):
        body = ln.text.replace("\u00a0", " ")
        if i > 0 and wraps_into(kept[i - 1], ln, width):
            rows[-1]["text"] += " " * (ln.offset - kept[i - 1].offset - len(kept[i - 1].text)) + body
            rows[-1]["end"] = rows[-1]["start"] + len(rows[-1]["text"])
            continue
        start = rows[-1]["end"] + 2 if rows else 0  # a blank line between paragraphs
        rows.append(
            {
                "doc_id": doc_id,
                "paragraph_id": len(rows),
                "line": ln.number,
                "raw_start": ln.offset,
                "start": start,
                "end": start + len(body),
                "kind": ln.kind,
                "text": body,
            }
        )
    return "\n\n".join(row["text"] for row in rows), rows


def wrap_width(lines: list[Line]) -> int:
    """The width a hard-wrapped article's lines fill, or 0 when the article is not hard-wrapped.

    It is hard-wrapped when at least a third of its pairs of consecutive paragraph lines (and three or more) run on
    in lower case or after a function word (:func:`~kit.preprocess.clean.reading.runs_on`); the width is then its
    longest such upper line.
    """
    pairs = [
        (upper, lower)
        for upper, lower in itertools.pairwise(lines)
        if upper.kind == lower.kind == "paragraph" and lower.number == upper.number + 1
    ]
    running = [len(upper.text) for upper, lower in pairs if runs_on(upper.text, lower.text)]
    return max(running) if len(running) >= 3 and 3 * len(running) >= len(pairs) else 0


def wraps_into(upper: Line, lower: Line, wrap_width: int) -> bool:
    """Two kept paragraph lines of one hard-wrapped sentence: consecutive in the raw file, nothing cut between
    them, and the upper one running on: in lower case or after a function word
    (:func:`~kit.preprocess.clean.reading.runs_on`: "… visiting North Korea said" / "yesterday that …"), or, in a
    hard-wrapped article, filling the line without a sentence end ("… Wu told Kim" / "Yong-nam, president …").
    """
    if not (
        upper.kind == lower.kind == "paragraph"
        and lower.number == upper.number + 1
        and not any(c.part == "suffix" for c in upper.cuts)
        and not any(c.part == "prefix" for c in lower.cuts)
    ):
        return False
    fills_line = wrap_width > 0 and 4 * len(upper.text) >= 3 * wrap_width and not TERMINAL.search(upper.text)
    return fills_line or runs_on(upper.text, lower.text)


def cleaned_span(paragraphs: pd.DataFrame, raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """Where a span of the raw article lies in the cleaned text, or None when it is not in the body.

    Args:
        paragraphs: one document's rows of the paragraph table (with ``raw_start``).
        raw_start: offset into the raw article text (as loaded, ``\\n`` line endings).
        raw_end: end offset (exclusive).

    Returns:
        ``(start, end)`` into the cleaned text when the span lies inside one kept paragraph.
    """
    raw_starts, starts, ends = (paragraphs[column].astype(int).tolist() for column in ("raw_start", "start", "end"))
    for row_raw_start, row_start, row_end in zip(raw_starts, starts, ends, strict=True):
        inside = row_raw_start <= raw_start and raw_end <= row_raw_start + (row_end - row_start)
        if inside:
            return row_start + raw_start - row_raw_start, row_start + raw_end - row_raw_start
    return None
