"""Days counted from the start of a visit the article dates itself: "the second day of his visit".

News dates a visit once, where it begins ("Kim arrived in Beijing on Monday for a three-day visit"), and later
counts from it ("on the second day of his visit", "at the end of his three-day visit"). :func:`visit_named`
finds such a start in a resolved sentence; :func:`kit.analyses.chronology.timeline.date_expressions` keeps the latest
one in ``Anchor.visit``, and :func:`day_of_visit` (the rule ``day_of_visit``) counts from it. With no start
named before, the expression is anchored on the visit, with no span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Protocol

from kit.analyses.chronology.spans import Anchor, Span, Visit, anchored_span, day_span
from kit.analyses.chronology.vocabulary import COUNT_PATTERN, Groups, group_text, number

# The nouns of a stay somewhere that news counts days of.
VISIT_NOUNS = r"visit|trip|tour|stay|journey|mission"
# A visit beginning: "arrived in Beijing on Monday", "began a three-day visit on Tuesday", "left for Pyongyang".
VISIT_START = re.compile(
    r"\b(?:arriv(?:ed|es|e|ing)|land(?:ed|s)|began|begins?|start(?:ed|s)?|kick(?:ed|s)\s+off|embark(?:ed|s)\s+on"
    r"|(?:left|leaves|departed|departs|set\s+off)\s+for)\b",
    re.I,
)
# A visit named by its noun or verb: "a visit", "visited", "toured".
VISIT_WORD = re.compile(r"\b(?:visit(?:s|ed|ing)?|trips?|tour(?:s|ed|ing)?|stay(?:s|ed)?|journey|mission)\b", re.I)
# "a three-day visit", "his 4-day trip": how long the visit lasts.
VISIT_LENGTH = re.compile(rf"\b(?P<n>{COUNT_PATTERN})[-\s]day\s+(?:[\w-]+\s+){{0,2}}?(?:{VISIT_NOUNS})\b", re.I)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
# "the second day of his visit", "the final day of Xi's three-day state visit", "the end of his trip".
PATTERN = re.compile(
    rf"\b(?i:the)\s+(?:(?P<nth>(?i:{'|'.join(ORDINALS)}|last|final)|(?P<digits>\d{{1,2}})(?:st|nd|rd|th))\s+day"
    rf"|(?P<edge>(?i:end|close|start|beginning)))\s+of\s+"
    r"(?:(?i:his|her|its|their|the|this|that)\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+)"
    rf"(?:(?P<n>{COUNT_PATTERN})[-\s]day\s+)?(?:(?i:[a-z][\w-]*)\s+){{0,2}}?(?P<what>(?i:{VISIT_NOUNS}))\b"
)


class Dated(Protocol):
    """What :func:`visit_named` reads of a resolved expression (a :class:`kit.analyses.chronology.FoundDate`)."""

    @property
    def start(self) -> int:
        """Where the expression starts in the sentence."""
        ...

    @property
    def expression(self) -> str:
        """The expression's words."""
        ...

    @property
    def span(self) -> Span:
        """What it resolved to."""
        ...


def visit_named(sentence: str, found: Sequence[Dated]) -> Visit | None:
    """The visit whose start ``sentence`` dates: a day (or run of days) in a sentence that tells a visit
    beginning ("arrived … on Monday for a three-day visit"); the day nearest the verb of beginning wins.
    None when the sentence names no such start.
    """
    days = [f for f in found if f.span.granularity == "day" and f.span.first is not None]
    start_verb = VISIT_START.search(sentence)
    if not days or not (start_verb or VISIT_WORD.search(sentence)):
        return None
    length = VISIT_LENGTH.search(sentence)
    count = number(length["n"]) if length else None
    if start_verb is None:
        # No verb of beginning: only a run of days of a visit dates it ("a visit from May 3 to 7").
        runs = [f for f in days if f.span.first != f.span.last]
        if not runs:
            return None
        first, last = runs[0].span.days()
        return Visit(first, count or (last - first).days + 1, runs[0].expression)
    nearest = min(days, key=lambda f: abs(f.start - start_verb.start()))
    first, last = nearest.span.days()
    return Visit(first, count or ((last - first).days + 1 if last != first else None), nearest.expression)


def day_of_visit(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the second day of his visit", "the end of his three-day visit": that day counted from the start of
    the visit named before (``anchor.visit``); anchored on the visit, with no span, when none was, or when the
    last day is asked and the visit's length is not given.
    """
    what = group_text(m, "what").lower()
    visit = anchor.visit
    if visit is None:
        return anchored_span(f"on the {what}, whose start the article has not dated")
    length = number(m["n"]) if m["n"] else visit.days
    edge = (m["edge"] or "").lower()
    nth = (m["nth"] or "").lower()
    if edge in ("start", "beginning") or nth == "first":
        offset = 0
    elif edge in ("end", "close") or nth in ("last", "final"):
        if length is None:
            return anchored_span(f"on the end of the {what}, whose length the article has not given")
        offset = length - 1
    else:
        offset = (ORDINALS[nth] if nth else int(group_text(m, "digits"))) - 1
    basis = f"day {offset + 1} of the {what} begun {visit.start} ({visit.text!r})"
    return day_span(visit.start + timedelta(days=offset), basis)
