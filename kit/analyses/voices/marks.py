"""Quotation marks → quoted spans: where each direct quotation starts and ends in the cleaned text.

This module only pairs marks; :mod:`kit.analyses.voices.attribution` decides what a span is (speech, fragment
or term) and who is speaking. The rules, applied paragraph by paragraph (a quotation never crosses a blank line):

* **Double marks** — curly ``“ ”`` and straight ``"`` pair in any mix (``"If its talks … sanctions.”``), and so
  do the typewriter quotes of old web copy: two backticks open, two apostrophes close (a straight ``"`` may
  open what two apostrophes close).
  A straight mark opens when no quotation is open and closes when one is.
* **A second opening mark before the first is closed** (``“Whether it’s true or not, “the messaging is
  pretty clear,” he said.``) ends the first quotation just before it, flagged ``unclosed``; the second
  quotation then pairs normally. A quotation still open at the end of its paragraph stops there, flagged
  ``unclosed`` — it never runs into the next paragraph.
* **Single marks** outside double quotations (``named the 'Year of North-China Friendship,'``) open before
  a letter or digit after a space (so ``Kim's`` and ``hasn't`` are apostrophes) and close before a space or
  punctuation; an opening single mark without a closing one in its sentence is an apostrophe, not a quote.
  Single marks inside a double quotation (``‘insurance’``) belong to that quotation.

A span's ``start``/``end`` cover the quoted words without the marks and without a trailing comma, colon
or semicolon (American punctuation puts ``,`` inside the marks): ``text[start:end]`` is the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "“"
CLOSE_DOUBLE = "”"
STRAIGHT_DOUBLE = '"'
# Typewriter quotes of old web copy: ``…'' (two backticks open, two apostrophes close), as in
# ``We will stand together,'' he said.
OPEN_TYPEWRITER = "``"
CLOSE_TYPEWRITER = "''"
# Any double mark, so a paragraph is read mark by mark rather than character by character: “, ”, ", `` or ''.
_DOUBLE_MARK = re.compile(f"``|''|[{OPEN_DOUBLE}{CLOSE_DOUBLE}{STRAIGHT_DOUBLE}]")
# A single mark that may open a quotation: after the start, a space or an opening bracket or mark,
# before a letter or digit: "named the 'Year…", "‘insurance’".
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[“\"—–-]))['‘](?=[^\W_])")
# A single mark that may close one: after a non-space, before a space, punctuation or the end:
# "Friendship,'" "plaque' in". Not before a letter, so "Kim's" and "hasn't" never close.
_SINGLE_CLOSE = re.compile(r"(?<=\S)['’](?![^\W_])")
# What is trimmed from the end of a quoted span: a comma, colon or semicolon and spaces ("…,” he said").
_TRAILING = " \t,;:"


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted span.

    Attributes:
        start: first character of the quoted words (after the opening mark).
        end: one past the last quoted character kept (before the closing mark and any trailing comma).
        open_at: offset of the opening mark.
        close_at: offset of the closing mark; for an unclosed quotation, where it was cut off (the next
            opening mark or the paragraph's end).
        mark: ``"double"`` or ``"single"``.
        unclosed: True when no closing mark was found.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    mark: str
    unclosed: bool = False

    @property
    def outer_end(self) -> int:
        """One past the closing mark (or the cut-off point of an unclosed quotation)."""
        return self.close_at if self.unclosed else self.close_at + 1


def find_spans(text: str, paragraphs: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Every quoted span of one document, in text order.

    Args:
        text: the cleaned document text.
        paragraphs: (start, end) of each paragraph; no span crosses a paragraph's end.
        sentences: (start, end) of each sentence; a single-quoted span must close in its sentence.

    Returns:
        Double-quoted spans and single-quoted spans outside them, ordered by ``open_at``. Empty
        quotations (``""``) are left out.
    """
    doubles: list[QuoteSpan] = []
    for para_start, para_end in paragraphs:
        doubles += _double_spans(text, para_start, para_end)
    singles = [
        s for s in _single_spans(text, sentences) if not any(d.open_at < s.open_at < d.outer_end for d in doubles)
    ]
    return sorted(doubles + singles, key=lambda s: (s.open_at, s.mark))


def _double_spans(text: str, para_start: int, para_end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    width = 1  # of the opening mark: 2 for ``
    for mark in _DOUBLE_MARK.finditer(text, para_start, para_end):
        i, ch = mark.start(), mark.group()
        if open_at is None:
            if ch not in (CLOSE_DOUBLE, CLOSE_TYPEWRITER):  # a closing mark with nothing open is stray: skipped
                open_at, width = i, len(ch)
        elif ch in (OPEN_DOUBLE, OPEN_TYPEWRITER):  # a new quotation opens before the last one closed
            spans.append(_make(text, open_at, i, "double", unclosed=True, width=width))
            open_at, width = i, len(ch)
        else:  # the closing mark: its last character is close_at, so outer_end is past a two-character mark
            spans.append(_make(text, open_at, i + len(ch) - 1, "double", unclosed=False, width=width, words_end=i))
            open_at = None
    if open_at is not None:
        spans.append(_make(text, open_at, para_end, "double", unclosed=True, width=width))
    return [s for s in spans if s.end > s.start]


def _single_spans(text: str, sentences: list[tuple[int, int]]) -> list[QuoteSpan]:
    spans = []
    for sent_start, sent_end in sentences:
        position = sent_start
        while True:
            opening = _SINGLE_OPEN.search(text, position, sent_end)
            if opening is None:
                break
            closing = _SINGLE_CLOSE.search(text, opening.end(), sent_end)
            if closing is None:  # an apostrophe ('90s), not a quotation
                position = opening.end()
                continue
            span = _make(text, opening.start(), closing.start(), "single", unclosed=False)
            if span.end > span.start:
                spans.append(span)
            position = closing.end()
    return spans


def _make(
    text: str, open_at: int, close_at: int, mark: str, *, unclosed: bool, width: int = 1, words_end: int | None = None
) -> QuoteSpan:
    start = open_at + width
    end = close_at if words_end is None else words_end
    while end > start and text[end - 1] in _TRAILING + ("\n" if unclosed else ""):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return QuoteSpan(start, end, open_at, close_at, mark, unclosed)
