"""Stage 2 of the pipeline: remove publisher furniture and keep the article body.

The rules are general — position (the header block above the body), repetition (a line printed
twice), punctuation (a headline has no full stop) and patterns ("Credit:", "PUBLISHED :") — not a
list of line numbers, so a new article from the same outlets is cleaned the same way.
Each removed line is logged with its kind; the raw text is never modified.

Kinds of furniture: ``headline``, ``section_label``, ``standfirst``, ``caption``, ``credit``,
``date_line``, ``related_story``, ``additional_reporting``, ``byline``, ``repeated_line``.
Kept body lines are ``paragraph`` or ``subheading`` (a Title Case line inside the body).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from kit.types import PARAGRAPH_COLUMNS, REMOVED_COLUMNS

# Date lines printed by the outlet, e.g. "PUBLISHED : Wednesday, 28 March, 2018, 9:45pm".
DATE_LINE = re.compile(r"^(?:PUBLISHED|UPDATED|Published|Updated)\s*:\s")
# Photo credit lines, e.g. "Credit: AP Photo/Eugene Hoshiko".
CREDIT = re.compile(r"^(?:Credit|Photo credit|Image credit|Photo|Image|Photograph)\s*:\s", re.IGNORECASE)
# e.g. "Additional reporting by Sarah Zheng and Jeongho Lee".
ADDITIONAL_REPORTING = re.compile(r"^Additional reporting by\b", re.IGNORECASE)
# A byline, possibly cut off: "By Ock Hyun-ju (" or "By Jane Doe".
BYLINE = re.compile(r"^By\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,4}\s*(?:\([^)]*)?$")
# A caption ending in an agency credit, e.g. "... VR goggles in Beijing. (Yonhap)".
AGENCY_CREDIT = re.compile(r"\((?:[A-Z][A-Za-z]*(?:[ /][A-Z][A-Za-z]*){0,2})\)\.?$")
# Words that mark a line as describing a picture.
PICTURE_WORDS = re.compile(r"\b(?:photo|photograph|picture|image|footage|shows|pictured)\b", re.IGNORECASE)
# Site navigation that can turn up anywhere, e.g. "Back To Top".
NAVIGATION = {"back to top", "advertisement", "recent features", "related", "read more", "most popular"}
# A sentence ends: ".", "?", "!", "…", ":" or ";" possibly followed by closing quotes or brackets.
TERMINAL = re.compile(r"[.?!…:;][\"”’')\]]*$")
# Words a Title Case heading leaves in lower case.
MINOR_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "via", "into", "over", "under", "per", "than", "up", "off", "out",
}  # fmt: skip
WORD = re.compile(r"[^\W\d_][\w’'\-]*")

# How many unclassified lines may sit between two header anchors (a standfirst is one line).
HEADER_GAP = 2
# The first header anchor must be among this many non-empty lines at the top.
HEADER_START = 3
# A section label is at most this many words.
LABEL_WORDS = 5


@dataclass(frozen=True)
class Line:
    """One non-empty line of an article: 1-based line number, stripped text, kind, and ``offset``.

    ``offset`` is where the stripped text starts in the raw article, so ``raw_text[offset:]`` begins with
    ``text``; it lets a position in the raw file (a gold file coded on the raw text) be found in the body.
    """

    number: int
    text: str
    kind: str = ""
    offset: int = 0


def clean(documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Clean every article of a documents table.

    Args:
        documents: the table from :func:`kit.corpus.load` (needs doc_id, headline, raw_text).

    Returns:
        ``(documents, removed, paragraphs)``: a copy of ``documents`` with a ``text`` column (body
        paragraphs joined by blank lines, non-breaking spaces turned into spaces so offsets stay put),
        the removal log, and the body paragraphs with offsets into ``text``.
    """
    texts, removed, paragraphs = [], [], []
    for doc in documents.itertuples(index=False):
        lines = classify_lines(doc.raw_text, headline=doc.headline)
        text, doc_paragraphs = _assemble(doc.doc_id, lines)
        texts.append(text)
        paragraphs.extend(doc_paragraphs)
        removed.extend(
            {"doc_id": doc.doc_id, "line": ln.number, "kind": ln.kind, "text": ln.text}
            for ln in lines
            if ln.kind not in ("paragraph", "subheading")
        )
    cleaned = documents.assign(text=texts)
    return (
        cleaned,
        pd.DataFrame.from_records(removed, columns=REMOVED_COLUMNS),
        pd.DataFrame.from_records(paragraphs, columns=PARAGRAPH_COLUMNS),
    )


def classify_lines(raw_text: str, *, headline: str = "") -> list[Line]:
    """Give every non-empty line of one article a kind (furniture or body).

    Args:
        raw_text: the article as loaded (``\\n`` line endings).
        headline: the manifest headline, if known; lines equal to it (quotes and case folded) are
            headlines wherever they stand.
    """
    lines = list(_lines(raw_text))
    counts = Counter(_fold(ln.text) for ln in lines)
    kinds = [_pattern_kind(ln.text, counts[_fold(ln.text)], _fold(headline)) for ln in lines]
    for i, ln in enumerate(lines):
        if CREDIT.match(ln.text) and i > 0 and kinds[i - 1] in ("", "repeated_line"):
            kinds[i - 1] = "caption"
    header_end = _header_end(kinds)
    for i in range(len(lines)):
        if i <= header_end and kinds[i] == "":
            kinds[i] = "section_label" if _is_label(lines[i].text) else "standfirst"
        elif kinds[i] == "" and i >= len(lines) - 2 and BYLINE.match(lines[i].text):
            kinds[i] = "byline"
        elif kinds[i] == "":
            kinds[i] = _body_kind(lines[i].text, at_top=i == 0)
    return [Line(ln.number, ln.text, kind, ln.offset) for ln, kind in zip(lines, kinds, strict=True)]


def _lines(raw_text: str) -> Iterator[Line]:
    """The non-empty lines of a raw article, stripped, with their raw offsets."""
    offset = 0
    for number, raw in enumerate(raw_text.split("\n"), start=1):
        text = _strip(raw)
        if text:
            yield Line(number, text, offset=offset + raw.index(text))
        offset += len(raw) + 1


def _pattern_kind(text: str, count: int, folded_headline: str) -> str:
    """The kind a line has on its own (pattern or repetition); "" when that alone does not tell."""
    folded = _fold(text)
    if folded_headline and folded == folded_headline:
        return "headline"
    if DATE_LINE.match(text):
        return "date_line"
    if CREDIT.match(text):
        return "credit"
    if ADDITIONAL_REPORTING.match(text):
        return "additional_reporting"
    if folded in NAVIGATION:
        return "section_label"
    if AGENCY_CREDIT.search(text) and (count > 1 or PICTURE_WORDS.search(text)):
        return "caption"
    if count > 1:
        if _is_label(text):
            return "section_label"
        return "repeated_line" if TERMINAL.search(text) else "headline"
    return ""


def _header_end(kinds: list[str]) -> int:
    """Index of the last line of the header block above the body, or -1 when there is none.

    The header is a run of anchors (headline, date line, credit, caption) starting near the top, with
    at most HEADER_GAP unexplained lines (standfirsts) between consecutive anchors.
    """
    anchors = [i for i, k in enumerate(kinds) if k in ("headline", "date_line", "credit", "caption")]
    if not anchors or anchors[0] >= HEADER_START:
        return -1
    end = anchors[0]
    for i in anchors[1:]:
        unexplained = sum(1 for k in kinds[end + 1 : i] if k == "")
        if unexplained > HEADER_GAP:
            break
        end = i
    return end


def _body_kind(text: str, *, at_top: bool) -> str:
    """A body line without a pattern: paragraph, Title Case subheading, or related-story headline."""
    if TERMINAL.search(text):
        return "paragraph"
    if at_top and _is_label(text):
        return "section_label"
    words = WORD.findall(text)
    if len(words) < 2:
        return "section_label"
    if all(w[0].isupper() or w.lower() in MINOR_WORDS for w in words):
        return "subheading"
    return "related_story"


def _is_label(text: str) -> bool:
    """A short line with no sentence punctuation, e.g. "China Power" or "Features | Diplomacy"."""
    return not TERMINAL.search(text) and len(WORD.findall(text)) <= LABEL_WORDS


def _assemble(doc_id: str, lines: list[Line]) -> tuple[str, list[dict]]:
    """Join the kept lines into the cleaned text and record each paragraph's offsets."""
    parts: list[str] = []
    rows: list[dict] = []
    offset = 0
    for ln in lines:
        if ln.kind not in ("paragraph", "subheading"):
            continue
        if parts:
            offset += 2  # the blank line between paragraphs
        body = ln.text.replace("\u00a0", " ")
        rows.append(
            {
                "doc_id": doc_id,
                "paragraph_id": len(rows),
                "line": ln.number,
                "raw_start": ln.offset,
                "start": offset,
                "end": offset + len(body),
                "kind": ln.kind,
                "text": body,
            }
        )
        parts.append(body)
        offset += len(body)
    return "\n\n".join(parts), rows


def cleaned_span(paragraphs: pd.DataFrame, raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """Where a span of the raw article lies in the cleaned text, or None when it is not in the body.

    Args:
        paragraphs: one document's rows of the paragraph table (with ``raw_start``).
        raw_start: offset into the raw article text (as loaded, ``\\n`` line endings).
        raw_end: end offset (exclusive).

    Returns:
        ``(start, end)`` into the cleaned text when the span lies inside one kept paragraph.
    """
    for row in paragraphs.itertuples(index=False):
        inside = row.raw_start <= raw_start and raw_end <= row.raw_start + (row.end - row.start)
        if inside:
            return row.start + raw_start - row.raw_start, row.start + raw_end - row.raw_start
    return None


def _strip(text: str) -> str:
    return text.strip(" \t\u00a0\u200b\ufeff")


def _fold(text: str) -> str:
    """Compare lines loosely: curly quotes straightened, spaces collapsed, case ignored."""
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "}))
    return " ".join(text.split()).casefold()
