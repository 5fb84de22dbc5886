"""Stage 2 of the pipeline: remove publisher furniture and keep the article body.

The rules are general — position (the header block above the body), repetition (a line printed
twice), punctuation (a headline has no full stop) and patterns ("Credit:", "PUBLISHED :", "By NAME",
"(Yonhap)") — not a list of line numbers, so a new article from another outlet is cleaned the same way.
The raw text is never modified; every removal is logged with its kind, and with its ``part``: the
``whole`` line, or a ``prefix`` / ``suffix`` cut from a line whose rest is kept (an agency sign-off
"… on the North. (Yonhap)", a page-store "date 2019-06-21" before the lead, a script label "[Anchor]").

**Cleaning never eats the article.** A line that reads as prose (several sentences, a quotation, or more
than PROSE_CHARS characters) is never removed on position or punctuation alone; only a pattern that says
what it is (a photo credit, a copyright notice, the headline printed again) removes it, and every removal
longer than PROSE_CHARS is flagged ``suspect`` and warned about (:class:`CleaningWarning`). A truncated
last paragraph ("…the talks would resume in the") is body, and a repeated sentence keeps its first copy.

**A lead is not taken for a standfirst.** A one-sentence line in the header block is a standfirst only when it
does not read like a news lead (a lead opens with a dateline or names the day: "on Tuesday", "Oct. 9"); a
teaser printed again below is removed at the top only, its copy in the body kept. The lines of hard-wrapped
text (a sentence running on over several raw lines) are body whatever each line looks like on its own, and a
subheading in sentence case between two paragraphs is kept, not taken for a related story.

Kinds of furniture: ``headline``, ``section_label``, ``navigation``, ``standfirst``, ``caption``, ``credit``,
``date_line``, ``related_story``, ``additional_reporting``, ``byline``, ``agency_signoff``, ``copyright``,
``script_label``, ``site_notice``, ``promotion``, ``embed``, ``repeated_line``. Kept body lines are
``paragraph`` or ``subheading``. What a line looks like on its own is in :mod:`kit.preprocess.clean.patterns`; this
module decides by position.
"""

from __future__ import annotations

import bisect
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypedDict

import pandas as pd

from kit.errors import KitWarning
from kit.preprocess.clean import header
from kit.preprocess.clean.assemble import assemble, cleaned_span
from kit.preprocess.clean.header import BODY_KINDS
from kit.preprocess.clean.parts import Cut, cut_parts
from kit.preprocess.clean.patterns import CREDIT, PICTURE_WORDS, pattern_kind
from kit.preprocess.clean.reading import (
    BULLET,
    PROSE_CHARS,
    RUN_ON_WORDS,
    SENTENCE_START,
    SUBHEADING_WORDS,
    TITLE_TAIL,
    WORD,
    fold,
    is_label,
    is_sentence,
    is_title_case,
    may_be_caption,
    reads_as_lead,
    reads_as_prose,
)
from kit.types import PARAGRAPH_COLUMNS, REMOVED_COLUMNS

# A repeated line is looked for in at most this many lines above it (a paragraph split again by the page store).
REPEAT_WINDOW = 5

__all__ = ["PROSE_CHARS", "CleaningWarning", "Cut", "Line", "classify_lines", "clean", "cleaned_span", "reads_as_prose"]


class CleaningWarning(KitWarning):
    """A removal a researcher should look at: a long line (or part) cut as furniture, or an empty body."""


@dataclass(frozen=True)
class Line:
    """One non-empty line of an article: 1-based line number, stripped text, kind, and ``offset``.

    For a kept line, ``text`` is the line after its ``cuts`` (prefixes and suffixes recognised as furniture);
    for a removed line it is the whole line. ``offset`` is where ``text`` starts in the raw article, so
    ``raw_text[offset:]`` begins with ``text`` (a raw span maps into the body through it).
    """

    number: int
    text: str
    kind: str = ""
    offset: int = 0
    cuts: tuple[Cut, ...] = ()


class RemovedRow(TypedDict):
    """A row of the removal log (REMOVED_COLUMNS)."""

    doc_id: str
    line: int
    part: str
    kind: str
    text: str
    suspect: bool


class ParagraphRow(TypedDict):
    """A row of the paragraph table (PARAGRAPH_COLUMNS)."""

    doc_id: str
    paragraph_id: int
    line: int
    raw_start: int
    start: int
    end: int
    kind: str
    text: str


def clean(documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Clean every article of a documents table.

    Args:
        documents: the table from :func:`kit.ingest.corpus.load` (needs doc_id, headline, raw_text).

    Returns:
        ``(documents, removed, paragraphs)``: a copy of ``documents`` with a ``text`` column (body
        paragraphs joined by blank lines, non-breaking spaces turned into spaces so offsets stay put),
        the removal log (doc_id, line, part, kind, text, suspect), and the body paragraphs with offsets.

    Warns:
        CleaningWarning: for every removed line or part longer than PROSE_CHARS, and for an article
            of which nothing is kept.
    """
    texts: list[str] = []
    removed: list[RemovedRow] = []
    paragraphs: list[ParagraphRow] = []
    for doc in documents.itertuples(index=False):
        doc_id = str(doc.doc_id)
        lines = classify_lines(str(doc.raw_text), headline=str(doc.headline))
        text, doc_paragraphs = assemble(doc_id, lines)
        texts.append(text)
        paragraphs.extend(doc_paragraphs)
        doc_removed = list(_removals(doc_id, lines))
        for row in doc_removed:
            if row["suspect"]:
                _warn(
                    f"{doc_id} line {row['line']}: removed {len(row['text'])} characters as {row['kind']} "
                    f"({row['part']}): {row['text'][:60]!r}"
                )
        if lines and not doc_paragraphs:
            _warn(f"{doc_id}: cleaning kept no line of the article")
        removed.extend(doc_removed)
    cleaned = documents.assign(text=texts)
    return (
        cleaned,
        pd.DataFrame.from_records(removed, columns=REMOVED_COLUMNS),
        pd.DataFrame.from_records(paragraphs, columns=PARAGRAPH_COLUMNS),
    )


def _warn(message: str) -> None:
    """A CleaningWarning attributed to "kit.preprocess.clean", not to a file path (executed notebooks stay
    path-free).
    """
    warnings.warn_explicit(message, CleaningWarning, filename="kit.preprocess.clean", lineno=0)


def _removals(doc_id: str, lines: list[Line]) -> Iterator[RemovedRow]:
    """The removal log of one article: whole lines, or the parts cut from kept lines."""
    for ln in lines:
        if ln.kind not in BODY_KINDS:
            pieces = [("whole", ln.kind, ln.text)]
        else:
            pieces = [(c.part, c.kind, c.text.strip()) for c in ln.cuts]
        for part, kind, text in pieces:
            suspect = len(text) > PROSE_CHARS
            yield {"doc_id": doc_id, "line": ln.number, "part": part, "kind": kind, "text": text, "suspect": suspect}


def classify_lines(raw_text: str, *, headline: str = "") -> list[Line]:
    """Give every non-empty line of one article a kind (furniture or body).

    Args:
        raw_text: the article as loaded (``\\n`` line endings).
        headline: the manifest headline, if known; lines equal to it (quotes and case folded) are
            headlines wherever they stand, and a line that starts with it has it cut as a prefix.
    """
    lines = [_cut(ln, headline) for ln in _lines(raw_text)]
    kinds = _pattern_kinds(lines, headline)
    prose = [reads_as_prose(ln.text) for ln in lines]
    for i, kind in header.wrapped_sentences(lines, kinds).items():
        if kind == "caption":
            kinds[i] = "caption"
        prose[i] = True  # a line of a hard-wrapped paragraph is body text whatever its own length
    for i, ln in enumerate(lines):
        after = lines[i + 1].text if i + 1 < len(lines) else ""
        describes_picture = may_be_caption(ln.text) or PICTURE_WORDS.search(ln.text)
        if kinds[i] in ("", "repeated_line") and CREDIT.match(after) and describes_picture:
            kinds[i] = "caption"  # the line above a photo credit is its caption
        elif (
            kinds[i] == ""
            and i + 1 < len(lines)
            and kinds[i + 1] == "caption"
            and fold(after).startswith(fold(ln.text))
        ):
            kinds[i] = "caption"  # a caption printed twice, the second time with its credit
    texts = [ln.text for ln in lines]
    first_body = header.first_body(kinds, prose, texts)
    for i in range(min(first_body + 1, len(lines))):
        if kinds[i] == "" and header.is_promotion(texts[i]):
            kinds[i] = "promotion"  # "Find a Security Clearance Job!" above the body
    header.mark_teasers(lines, kinds, first_body)
    header_end = header.header_end(kinds, prose, texts)
    first_anchor = next((i for i, k in enumerate(kinds) if k in header.HEADER_ANCHORS), len(lines))
    headline_rows = [i for i, k in enumerate(kinds) if k == "headline" and i <= header_end]
    first_headline = headline_rows[0] if headline_rows else -1
    sentences = [k == "" and (prose[i] or is_sentence(lines[i].text)) for i, k in enumerate(kinds)]
    sentence_rows = [i for i, is_sentence in enumerate(sentences) if is_sentence]
    first_prose = next((i for i in sentence_rows if prose[i]), len(lines))
    list_opened = False  # the last line that is not a list item is body ending in ":" ("… the following:")
    body_seen = False  # a body paragraph stands above this line
    for i in range(len(lines)):
        if i > 0 and not BULLET.match(lines[i - 1].text):
            list_opened = kinds[i - 1] in BODY_KINDS and lines[i - 1].text.endswith(":")
        body_seen = body_seen or (i > 0 and kinds[i - 1] == "paragraph")
        if kinds[i] != "":
            continue
        above_anchors = i < first_anchor and not is_label(lines[i].text)  # a sentence above the header's first anchor
        if i <= header_end and not above_anchors:
            inside_title = len(headline_rows) > 1 and headline_rows[0] < i < headline_rows[-1]
            if prose[i] and not inside_title:
                kinds[i] = "paragraph"
            elif is_label(lines[i].text):
                kinds[i] = "section_label"
            else:  # a sentence in the header: a standfirst, unless it reads like the lead
                kinds[i] = "paragraph" if header.is_lead(lines[i].text, kinds[:i]) else "standfirst"
        elif (
            header_end >= 0
            and i < first_prose
            and not prose[i]
            and not reads_as_lead(lines[i].text)
            and header.repeats_lead(lines, sentence_rows, i)
        ):
            kinds[i] = "standfirst"
        elif list_opened and BULLET.match(lines[i].text):
            kinds[i] = "paragraph"  # an item of a list in the body, with or without a full stop
        elif i < first_headline and not sentences[i]:
            kinds[i] = "section_label"  # a masthead slogan above the headline ("Research and Analysis on the DPRK")
        else:
            introduces_body = bisect.bisect_right(sentence_rows, i) < len(sentence_rows)
            kinds[i] = _body_kind(
                lines,
                kinds,
                i,
                sentence=sentences[i],
                prose=prose[i],
                introduces_body=introduces_body and body_seen,
                between_body=body_seen and kinds[i - 1] == "paragraph" and i + 1 < len(lines) and sentences[i + 1],
            )
    header.place_datelines(texts, kinds)
    return [_with_kind(ln, kind) for ln, kind in zip(lines, kinds, strict=True)]


def _pattern_kinds(lines: list[Line], headline: str) -> list[str]:
    """The kind each line has on its own (:func:`kit.preprocess.clean.patterns.pattern_kind`), and copies of a
    paragraph.
    """
    counts = Counter(fold(ln.text) for ln in lines)
    seen: set[str] = set()
    kinds = []
    for ln in lines:
        folded = fold(ln.text)
        kind = pattern_kind(ln.text, counts[folded], fold(headline), first_copy=folded not in seen)
        if kind == "" and any(c.kind == "headline" for c in ln.cuts) and TITLE_TAIL.match(ln.text):
            kind = "headline"  # the page title: "Headline · Site name"
        kinds.append(kind)
        seen.add(folded)
    folded_lines = [fold(ln.text) for ln in lines]
    for i, folded in enumerate(folded_lines):
        if kinds[i] != "" or len(WORD.findall(folded)) < header.COPY_WORDS:
            continue
        window = range(max(0, i - REPEAT_WINDOW), i)
        if any(kinds[j] == "" and len(folded_lines[j]) > len(folded) and folded in folded_lines[j] for j in window):
            kinds[i] = "repeated_line"  # a sentence of the paragraph above printed again on its own
    return kinds


def _cut(line: Line, headline: str) -> Line:
    start, rest, cuts = cut_parts(line.text, headline)
    return Line(line.number, rest, offset=line.offset + start, cuts=cuts)


def _with_kind(line: Line, kind: str) -> Line:
    """The line with its kind; a furniture line is removed whole, so its cut parts are put back."""
    if kind in BODY_KINDS or not line.cuts:
        return Line(line.number, line.text, kind, line.offset, line.cuts)
    prefix = "".join(c.text for c in line.cuts if c.part == "prefix")
    suffix = "".join(c.text for c in reversed(line.cuts) if c.part == "suffix")
    return Line(line.number, prefix + line.text + suffix, kind, line.offset - len(prefix))


def _lines(raw_text: str) -> Iterator[Line]:
    """The non-empty lines of a raw article, stripped, with their raw offsets."""
    offset = 0
    for number, raw in enumerate(raw_text.split("\n"), start=1):
        text = _strip(raw)
        if text:
            yield Line(number, text, offset=offset + raw.index(text))
        offset += len(raw) + 1


def _body_kind(
    lines: list[Line],
    kinds: list[str],
    i: int,
    *,
    sentence: bool,
    prose: bool,
    introduces_body: bool,
    between_body: bool,
) -> str:
    """A body line without a pattern: paragraph, subheading, label or related-story headline.

    A subheading stands below a paragraph: in Title Case before more body text, in sentence case of at most
    SUBHEADING_WORDS words between two paragraphs ("Trade ties deepen"); a longer sentence-case line there is a
    related-story headline.
    """
    text = lines[i].text
    if sentence:
        return "paragraph"
    words = WORD.findall(text)
    # The last line, unless it is a Title Case name ("Asia Pacific", "Korea Herald" after the body are furniture; a
    # paragraph cut off after its first words, "In Seoul, So", has a comma).
    name = is_title_case(text) and "," not in text
    last = i == len(lines) - 1 and i > 0 and SENTENCE_START.match(text) and len(words) > 1 and not name
    if prose or (last and (kinds[i - 1] in ("", *BODY_KINDS) or _cut_off(text, kinds))):
        return "paragraph"  # a last paragraph cut off mid-sentence
    if i == 0 and is_label(text):
        return "section_label"
    title_case = is_title_case(text)
    if title_case and introduces_body:
        return "subheading"
    if len(words) < 2 or title_case:
        return "section_label"
    if between_body and len(words) <= SUBHEADING_WORDS and not text.startswith(("(", "[")):
        return "subheading"
    return "related_story"


def _cut_off(text: str, kinds: list[str]) -> bool:
    """A last line, below body text, that stops mid-word or on a word no heading ends with: "… to shore up his r"."""
    last = WORD.findall(text)[-1]
    return "paragraph" in kinds and last.islower() and (len(last) <= 2 or last in RUN_ON_WORDS)


def _strip(text: str) -> str:
    return text.strip(" \t\u00a0\u200b\ufeff")
