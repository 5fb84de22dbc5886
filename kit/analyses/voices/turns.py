"""Labelled turns: where a transcript's, a Q&A's or a broadcast script's paragraph opens with its speaker's
label ("Hua Chunying: …", "Q: …"). Who the label names is :mod:`kit.analyses.voices.labels`; this module only finds the
turns, so the document view (:mod:`kit.analyses.voices.records`) can hold them beside the marked quotations.
"""

from __future__ import annotations

import re

from kit.analyses.voices import roles
from kit.analyses.voices.marks import QuoteSpan

# A label opening a paragraph: one to four title-case words (initials, hyphens, apostrophes), then a colon.
_LABEL = re.compile(r"[ \t]*(?P<label>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|the|for)){0,3})[ \t]*:[ \t]+(?=\S)")
QUESTION = re.compile(r"(?:Q|Question(?:\s+\w+)?|Reporter|Journalist|Correspondent)", re.IGNORECASE)
ANSWER = re.compile(r"(?:A|Answer)", re.IGNORECASE)
# First words that make a label a heading, a note or a time, not a speaker.
_NOT_SPEAKERS = {
    "note", "notes", "editor", "editor's", "photo", "photos", "source", "sources", "update", "updated", "posted",
    "read", "related", "see", "watch", "listen", "tags", "tag", "category", "categories", "file", "caption",
    "video", "image", "credit", "copyright", "email", "tel", "fax", "web", "url", "subject", "re", "date", "time",
    "warning", "disclaimer", "correction", "background", "analysis", "opinion", "comment", "comments", "summary",
    "graphics", "graphic", "illustration", "map", "chart", "infographic", "design", "edited", "editing",
    "translation", "translated", "reporting", "compiled", "by", "author", "authors", "keywords", "topics", "share",
}  # fmt: skip
# A turn says something: at least this many words after the label ("Graphics: GT" is a credit, not a turn).
MIN_TURN_WORDS = 2


def label_at(text: str, paragraph_start: int, paragraph_end: int) -> re.Match[str] | None:
    """The label opening a paragraph, or None (see the module docstring for what is a label)."""
    match = _LABEL.match(text, paragraph_start, paragraph_end)
    if match is None:
        return None
    label = match.group("label")
    if QUESTION.fullmatch(label) or ANSWER.fullmatch(label):
        return match
    first = label.split()[0].lower().rstrip(".")
    if first in _NOT_SPEAKERS or first in {w.lower() for w in roles.FIRST_NOT_NAME}:
        return None
    if label.isupper():
        return None  # "SEOUL:", "BREAKING:" — a dateline or a banner in capitals
    if re.search(r"\d", label):
        return None
    return match


def turn_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """The unmarked turns of a document: the words after each paragraph's label, as ``label`` spans.

    A turn whose words open with a double quotation mark is left to :func:`kit.analyses.voices.marks.find_spans`.
    """
    spans = []
    for start, end in paragraphs:
        match = label_at(text, start, end)
        if match is None or text[match.end()] in '"“':
            continue
        words_end = end
        while words_end > match.end() and text[words_end - 1].isspace():
            words_end -= 1
        if len(text[match.end() : words_end].split()) >= MIN_TURN_WORDS:
            spans.append(QuoteSpan(match.end(), words_end, match.end() - 1, words_end, "label", unclosed=True))
    return spans


# Speech set off by a colon and carried over unquoted paragraphs, as state media print messages and speeches:
# "…, he said, adding:" then "Our Party, government and people are …". The run holds the paragraphs after the
# colon while none of them reports anyone (a reporting verb ends it: "Expressing the belief …, he wished"), at
# most MAX_INTRODUCED of them, and only when its first paragraph speaks in the first person.
MAX_INTRODUCED = 12
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|I|[Mm]y|[Mm]e)\b")
_OPENS_WITH_MARK = re.compile(r"\s*[\"“‘'`]")


def introduced_spans(text: str, paragraphs: list[tuple[int, int]], reporting: re.Pattern[str]) -> list[QuoteSpan]:
    """The unquoted paragraphs of speech introduced by a reporting verb and a colon, as ``colon`` spans.

    Args:
        text: the cleaned document.
        paragraphs: (start, end) of each paragraph, in order.
        reporting: the pattern of reporting verbs (:data:`kit.analyses.voices.roles.REPORTING_VERBS`).
    """
    spans: list[QuoteSpan] = []
    i = 0
    while i < len(paragraphs) - 1:
        start, end = paragraphs[i]
        intro = text[start:end].rstrip()
        last_sentence = re.split(r"[.!?]\s", intro)[-1]
        if not (intro.endswith(":") and reporting.search(last_sentence)) or label_at(text, start, end):
            i += 1
            continue
        run = []
        for p_start, p_end in paragraphs[i + 1 : i + 1 + MAX_INTRODUCED]:
            words = text[p_start:p_end]
            if reporting.search(words) or _OPENS_WITH_MARK.match(words) or label_at(text, p_start, p_end):
                break
            run.append((p_start, p_end))
        if run and _FIRST_PERSON.search(re.split(r"(?<=[.!?])\s", text[run[0][0] : run[0][1]])[0]):
            for p_start, p_end in run:
                words_start = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
                words_end = p_start + len(text[p_start:p_end].rstrip())
                spans.append(QuoteSpan(words_start, words_end, words_start, words_end, "colon", unclosed=True))
        i += 1 + len(run)
    return spans
