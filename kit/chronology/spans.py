"""Spans of days and the arithmetic the date rules share.

A :class:`Span` is what an expression resolves to: its first and last day (inclusive), a granularity and a
short ``basis``. An :class:`Anchor` is what relative expressions are resolved against: the publication
period, the clause's tense and the latest date named before. The helpers build month, year and day spans,
take the early/mid/late part of one, and pick the candidate nearest the publication period.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta


@dataclass(frozen=True)
class Span:
    """A resolved expression: first and last day (inclusive), granularity and how it was resolved."""

    first: date | None
    last: date | None
    granularity: str
    basis: str

    def widened(self, other: Span) -> Span:
        """The smallest span covering both (used when the publication day is unknown)."""
        if (self.first, self.last) == (other.first, other.last):
            return self
        first, last = min(self.first, other.first), max(self.last, other.last)
        basis = f"{self.basis}; publication day unknown: widest span"
        return Span(first, last, granularity_of(first, last), basis)


@dataclass(frozen=True)
class Anchor:
    """What relative expressions are resolved against.

    Attributes:
        first, last: the first and last day the article can have been published (equal at day precision).
        tense: "past", "future" or "present" for the clause the expression stands in.
        previous: the latest resolved span before this expression in the same or previous sentence.
        previous_text: that span's expression, for ``basis``.
    """

    first: date
    last: date
    tense: str = "present"
    previous: Span | None = None
    previous_text: str = ""

    @property
    def nearby_years(self) -> tuple[int, int, int]:
        """The years a month or day without a year can fall in: the publication year and its neighbours."""
        return self.first.year - 1, self.first.year, self.first.year + 1

    @property
    def label(self) -> str:
        """The publication date as the manifest gives it: "2025-09-05", or "2024-04" at month precision."""
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first:%Y-%m}" if self.first.day == 1 else f"{self.first}..{self.last}"


def month_span(year: int, month: int, basis: str) -> Span:
    """The whole month, granularity "month"."""
    return Span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month", basis)


def year_span(year: int, basis: str) -> Span:
    """The whole year, granularity "year"."""
    return Span(date(year, 1, 1), date(year, 12, 31), "year", basis)


def day_span(day: date, basis: str) -> Span:
    """One day, granularity "day"."""
    return Span(day, day, "day", basis)


def granularity_of(first: date, last: date) -> str:
    """The granularity a span of this length reads as (used for widened spans)."""
    days = (last - first).days + 1
    for label, limit in (("day", 1), ("week", 7), ("month", 62), ("season", 183), ("year", 732)):
        if days <= limit:
            return label
    return "decade"


# Other words for the early/mid/late parts.
PART_SYNONYMS = {
    "the end of": "late",
    "the beginning of": "early",
    "the start of": "early",
    "the middle of": "mid",
}


def part_of(span: Span, part: str | None) -> Span:
    """The early/mid/late part of a month, year or decade span (the span itself when ``part`` is empty)."""
    if not part:
        return span
    part = " ".join(part.split())
    first, last = span.first, span.last
    if span.granularity == "month":
        pieces = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day), "the first half of": (1, 15)}
        pieces |= {"the second half of": (16, last.day)}
        a, b = pieces[PART_SYNONYMS.get(part, part)]
        return Span(first.replace(day=a), first.replace(day=b), "part_of_month", f"{part} {span.basis}")
    if span.granularity == "year":
        pieces = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "the first half of": (1, 6)}
        pieces |= {"the second half of": (7, 12)}
        a, b = pieces[PART_SYNONYMS.get(part, part)]
        end = date(first.year, b, calendar.monthrange(first.year, b)[1])
        return Span(date(first.year, a, 1), end, "part_of_year", f"{part} {span.basis}")
    pieces = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "the first half of": (0, 4), "the second half of": (5, 9)}
    a, b = pieces[PART_SYNONYMS.get(part, part)]
    return Span(date(first.year + a, 1, 1), date(first.year + b, 12, 31), "part_of_decade", f"{part} {span.basis}")


def distance(span: Span, anchor: Anchor) -> int:
    """Days between a span and the publication period (0 when they overlap)."""
    if span.last < anchor.first:
        return (anchor.first - span.last).days
    if span.first > anchor.last:
        return (span.first - anchor.last).days
    return 0


def nearest(candidates: Iterable[Span], anchor: Anchor, what: str) -> Span:
    """The candidate nearest the publication period that the clause's tense allows.

    Past tense: the span starts no later than the last possible publication day; future tense: it
    ends no earlier than the first; present: any. Ties go to the earlier span.
    """
    allowed = [
        c
        for c in candidates
        if anchor.tense == "present"
        or (anchor.tense == "past" and c.first <= anchor.last)
        or (anchor.tense == "future" and c.last >= anchor.first)
    ]
    best = min(allowed, key=lambda c: (distance(c, anchor), c.first))
    reason = {"past": "past tense", "future": "future tense", "present": "no tense cue"}[anchor.tense]
    return replace(best, basis=f"nearest {what} to publication ({reason})")


def over_publication(anchor: Anchor, resolve: Callable[[date], Span]) -> Span:
    """Resolve against the first and the last possible publication day; widen when they differ."""
    span = resolve(anchor.first).widened(resolve(anchor.last))
    return replace(span, basis=span.basis.replace("publication", f"publication {anchor.label}", 1))


def weekday_on_or_before(day: date, weekday: int) -> date:
    """The latest day with that weekday (0 = Monday) on or before ``day``."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def weekday_on_or_after(day: date, weekday: int) -> date:
    """The earliest day with that weekday (0 = Monday) on or after ``day``."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def add_months(day: date, months: int) -> tuple[int, int]:
    """``(year, month)`` of the month ``months`` after (or before, when negative) the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1
