"""What kind a quotation is: ``speech``, ``fragment`` or ``term`` (the rules of :mod:`kit.analyses.voices.attribution`).

opens_sentence / stands_alone (where a quotation sits in its sentence) → kind_of (decided last, in
:func:`kit.analyses.voices.passes.finished`, once the speaker is known)
"""

from __future__ import annotations

import re

from kit.analyses.voices.marks import QuoteSpan
from kit.analyses.voices.records import DocView, Quoted

# A quotation that opens its sentence counts as speech from this many words.
MIN_SPEECH_WORDS = 3
# A set-off quotation the journalist's clause runs into is a fragment below this many words: a longer one is a
# statement ("Keeping the relationship in good health “is a strategic choice and …,” Xi said").
EMBEDDED_FRAGMENT_WORDS = 12
# A quotation inside the journalist's sentence counts as speech when it is a whole sentence of this many words.
MIN_SENTENCE_WORDS = 6
# Words before a quotation that make it a name or a term: named the 'Year of …'.
_NAMING = re.compile(
    r"\b(?:named|called|dubbed|titled|entitled|known as|so-called|the term|the word|the phrase|slogan|motto)"
    r"\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "de"}
# How far before an opening mark the naming words are looked for (the longest, "so-called the ", fits easily).
_NAMING_WINDOW = 40


def stands_alone(view: DocView, quote: Quoted) -> bool:
    """True when nothing but punctuation follows the quotation in its sentence (no words that might attribute it)."""
    rest = view.text[quote.span.outer_end : view.sentence_spans[quote.last_sentence][1]]
    return not re.search(r"\w", rest)


def opens_sentence(view: DocView, quote: Quoted) -> bool:
    """True when nothing but spaces stands between the sentence's start and the opening mark."""
    sentence_start = view.sentence_spans[quote.sentence][0]
    i = quote.span.open_at - 1
    while i >= sentence_start and view.masked[i].isspace():  # only the spaces before the mark are read
        i -= 1
    return i < sentence_start


def kind_of(view: DocView, quote: Quoted) -> str:
    """speech, fragment or term (see :mod:`kit.analyses.voices.attribution`; a whole sentence quoted is speech)."""
    span = quote.span
    if span.mark in ("label", "colon"):
        return "speech"  # a transcript's turn, or unquoted speech after "he said:": the speaker's own words
    words = re.findall(r"\w+", view.text[span.start : span.end])
    opens = opens_sentence(view, quote) and len(words) >= MIN_SPEECH_WORDS
    if quote.set_off and not opens and quote.speaker is not None and _runs_on(view, span, words):
        return "fragment"  # China opposes “the internationalization of this issue,” the spokesman added
    if quote.set_off or opens:
        return "speech"
    if span.mark == "single" or _name_like(view, span):
        return "term"
    if _quoted_sentence(words, view.text[span.start : span.end]):
        return "speech"  # "… vocal in China that “China is not a country which …”": a statement, cued or not
    return "fragment" if quote.speaker is not None else "term"


def _runs_on(view: DocView, span: QuoteSpan, words: list[str]) -> bool:
    """A short phrase the journalist's clause runs straight into: lower case, right after a word that is not
    "that" or "saying" (no comma or colon sets it off), fewer than :data:`EMBEDDED_FRAGMENT_WORDS` words.
    """
    if len(words) >= EMBEDDED_FRAGMENT_WORDS or not view.text[span.start : span.start + 1].islower():
        return False
    sentence_start = view.sentence_spans[view.sentence_at(span.open_at)][0]
    before = view.text[sentence_start : span.open_at].rstrip()
    last = re.search(r"(\w+)$", before)
    return last is not None and last.group(1).lower() not in ("that", "saying", "adding")


def _quoted_sentence(words: list[str], quoted: str) -> bool:
    """A whole sentence in sentence case: a capital first, then mostly lower-case words, at least
    :data:`MIN_SENTENCE_WORDS` of them. Scare quotes and names are short or title case.
    """
    if len(words) < MIN_SENTENCE_WORDS or not quoted[:1].isupper():
        return False
    capitalised = sum(word[:1].isupper() for word in words)
    return capitalised * 2 < len(words)


def _name_like(view: DocView, span: QuoteSpan) -> bool:
    """A title-case name ("My Companion") or a quotation after "named", "called", "dubbed"…"""
    sentence_start = view.sentence_spans[view.sentence_at(span.open_at)][0]
    # The naming words end right before the mark: a short window keeps a long sentence of quotations linear.
    if _NAMING.search(view.text[max(sentence_start, span.open_at - _NAMING_WINDOW) : span.open_at]):
        return True
    words = view.text[span.start : span.end].rstrip(".").split()
    if not words or len(words) > 6:
        return False
    capitalised = [w[:1].isupper() for w in words]
    return any(capitalised) and all(
        cap or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for cap, w in zip(capitalised, words, strict=True)
    )
