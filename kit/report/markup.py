"""An article's cleaned text as nested HTML elements: its sentences, and the spans the analyses found in it.

Spans overlap freely (a quotation runs over two sentences, a theme hit holds a date), while HTML elements nest.
:func:`marked_text` cuts the text at every span's ends and, for each piece, opens the elements of the spans that
cover it, outermost first (:data:`LEVELS`, then the earlier start): a span that crosses another's end is
continued in a new element. Every piece of a span carries the same ``data-mark`` and the span's
``data-start``/``data-end``, so the pieces put together are ``text[start:end]``. The text itself is escaped,
character for character, and nothing is added to it: what the analyses say about a span is in attributes.

    marked_text("Kim said ...", [Highlight("sentence", 0, 12, "s0"), Highlight("quote", 4, 12, "q0", ...)])
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

# Which spans hold which: a sentence holds a quotation, which holds a formula, a theme hit, a date.
LEVELS = {"sentence": 0, "quote": 1, "formula": 2, "theme": 3, "date": 4}


@dataclass(frozen=True)
class Highlight:
    """A span of the cleaned text that the reader page marks.

    Attributes:
        kind: one of :data:`LEVELS`.
        start: its first character in the cleaned text.
        end: one past its last character.
        key: the span's name on the page: ``s<sentence_id>`` for a sentence (its ``id``), else the ``data-mark``
            of its pieces (``q3``: the fourth quotation).
        title: what a reader sees on hovering over it.
        first: attributes of its first piece only (``data-note``: a margin note, ``data-span``: a resolved date).
    """

    kind: str
    start: int
    end: int
    key: str
    title: str = ""
    first: tuple[tuple[str, str], ...] = ()


def marked_text(text: str, highlights: Sequence[Highlight]) -> str:
    """``text`` as escaped HTML, each highlight an element (or, where it crosses another, several).

    Args:
        text: the cleaned text.
        highlights: the spans to mark; one outside the text or empty is left out.

    Returns:
        The markup; its text content (without attributes) is ``text``.
    """
    spans = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    order = {id(h): (LEVELS[h.kind], h.start, -h.end, index) for index, h in enumerate(spans)}
    starting: dict[int, list[Highlight]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    points = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    parts: list[str] = []
    active: list[Highlight] = []
    stack: list[Highlight] = []
    begun: set[int] = set()
    for start, end in pairwise(points):
        active = [h for h in active if h.end > start] + starting.get(start, [])
        wanted = sorted(active, key=lambda h: order[id(h)])
        kept = 0
        while kept < min(len(stack), len(wanted)) and stack[kept] is wanted[kept]:
            kept += 1
        parts += ["</span>"] * (len(stack) - kept)
        for span in wanted[kept:]:
            parts.append(_opening(span, first=id(span) not in begun))
            begun.add(id(span))
        stack = wanted
        parts.append(html.escape(text[start:end], quote=False))
    parts += ["</span>"] * len(stack)
    return "".join(parts)


def _opening(span: Highlight, *, first: bool) -> str:
    """The start tag of one piece of ``span`` (a sentence's first piece: its ``id`` and an anchor at its offset)."""
    if span.kind == "sentence":
        if not first:
            return '<span class="kit-s">'
        return f'<span class="kit-s" id="{_attr(span.key)}"><a id="c{span.start}"></a>'
    attributes = [
        ("class", f"kit-{span.kind}"),
        ("data-mark", span.key),
        ("data-start", str(span.start)),
        ("data-end", str(span.end)),
    ]
    if span.title:
        attributes.append(("title", span.title))
    if first:
        attributes += span.first
    return "<span " + " ".join(f'{name}="{_attr(value)}"' for name, value in attributes) + ">"


def _attr(value: str) -> str:
    return html.escape(value, quote=True)
