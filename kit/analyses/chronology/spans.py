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

    def days(self) -> tuple[date, date]:
        """First and last day, for a span that has them (not an "anchored" or "vague" one).

        Raises:
            TypeError: the span has no days.
        """
        if self.first is None or self.last is None:
            raise TypeError(f"a {self.granularity} span has no days ({self.basis})")
        return self.first, self.last

    def widened(self, other: Span) -> Span:
        """The smallest span covering both (used when the publication day is unknown)."""
        if (self.first, self.last) == (other.first, other.last):
            return self
        (self_first, self_last), (other_first, other_last) = self.days(), other.days()
        first, last = min(self_first, other_first), max(self_last, other_last)
        basis = f"{self.basis}; publication day unknown: widest span"
        return Span(first, last, granularity_of(first, last), basis)


@dataclass(frozen=True)
class Visit:
    """The start of a visit an article dates (see :mod:`kit.analyses.chronology.visits`), and its length in days when
    given; ``text`` is the expression that dates it.
    """

    start: date
    days: int | None
    text: str


@dataclass(frozen=True)
class Anchor:
    """What relative expressions are resolved against.

    Attributes:
        first, last: the first and last day the article can have been published (equal at day precision).
        tense: "past", "future" or "present" for the clause the expression stands in.
        previous: the latest resolved span the article names before this expression.
        previous_text: that span's expression, for ``basis``.
        previous_in_sentence: whether that expression stands in the same sentence.
        previous_end: where that expression ends in the sentence (None when it stands in an earlier one).
        reported: the day the article reports on (see :func:`kit.analyses.chronology.timeline.reported_day`), which
            "today" in a quotation means; None when the article names none.
        countries: the countries the article names (see :meth:`kit.analyses.chronology.holidays.Calendar.countries_in`),
            which decide whose "Victory Day" it is.
        visit: the latest visit whose start the article dated before this sentence, which "the second day of his
            visit" counts from; None when it dated none.
    """

    first: date
    last: date
    tense: str = "present"
    previous: Span | None = None
    previous_text: str = ""
    previous_in_sentence: bool = False
    previous_end: int | None = None
    reported: date | None = None
    countries: frozenset[str] = frozenset()
    visit: Visit | None = None

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
    "the latter half of": "the second half of",
}


def part_of(span: Span, part: str | None) -> Span:
    """The early/mid/late part of a month, year or decade span (the span itself when ``part`` is empty)."""
    if not part:
        return span
    part = " ".join(part.split())
    first, last = span.days()
    if span.granularity == "month":
        pieces = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day), "the first half of": (1, 15)}
        pieces |= {"the second half of": (16, last.day), "the first week of": (1, 7), "the second week of": (8, 14)}
        pieces |= {
            "the third week of": (15, 21),
            "the fourth week of": (22, 28),
            "the last week of": (last.day - 6, last.day),
        }
        pieces |= {"the final week of": (last.day - 6, last.day)}
        a, b = pieces[PART_SYNONYMS.get(part, part)]
        return Span(first.replace(day=a), first.replace(day=b), "part_of_month", f"{part} {span.basis}")
    if span.granularity == "year":
        pieces = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "the first half of": (1, 6)}
        pieces |= {"the second half of": (7, 12), "the middle of": (6, 7)}
        # "The end of the year" is its last month, narrower than "late in the year"; likewise its start.
        pieces |= {"the end of": (12, 12), "the beginning of": (1, 1), "the start of": (1, 1)}
        a, b = pieces[part if part in pieces else PART_SYNONYMS.get(part, part)]
        end = date(first.year, b, calendar.monthrange(first.year, b)[1])
        return Span(date(first.year, a, 1), end, "part_of_year", f"{part} {span.basis}")
    pieces = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "the first half of": (0, 4), "the second half of": (5, 9)}
    a, b = pieces[PART_SYNONYMS.get(part, part)]
    return Span(date(first.year + a, 1, 1), date(first.year + b, 12, 31), "part_of_decade", f"{part} {span.basis}")


def distance(span: Span, anchor: Anchor) -> int:
    """Days between a span and the publication period (0 when they overlap)."""
    first, last = span.days()
    if last < anchor.first:
        return (anchor.first - last).days
    if first > anchor.last:
        return (first - anchor.last).days
    return 0


def nearest(candidates: Iterable[Span], anchor: Anchor, what: str) -> Span:
    """The candidate nearest the publication period that the clause's tense allows.

    Past tense: the span starts no later than the last possible publication day; future tense: it
    ends no earlier than the first; present: any. Ties go to the earlier span.
    """
    allowed = [c for c in candidates if tense_allows(c, anchor)]
    best = min(allowed, key=lambda c: (distance(c, anchor), c.first))
    reason = {"past": "past tense", "future": "future tense", "present": "no tense cue"}[anchor.tense]
    return replace(best, basis=f"nearest {what} to publication ({reason})")


def tense_allows(span: Span, anchor: Anchor) -> bool:
    """Past tense: the span starts no later than the last possible publication day; future: it ends no
    earlier than the first; present: any.
    """
    first, last = span.days()
    if anchor.tense == "past":
        return first <= anchor.last
    if anchor.tense == "future":
        return last >= anchor.first
    return True


def nearest_named_before(build: Callable[[int], Span], anchor: Anchor, what: str) -> Span | None:
    """A day or month without its year after a date years from publication in the same sentence: the
    occurrence nearest that date the tense allows ("He died on Dec. 17, 2011, and was buried on Dec. 28").

    ``build(year)`` is the expression's span in a year. ``None`` when no such date stands before it (or it lies
    within a year of publication, where the nearest occurrence to publication is the same or likelier).
    """
    previous = anchor.previous
    if (
        not anchor.previous_in_sentence
        or previous is None
        or previous.granularity not in ("day", "part_of_month", "month")
    ):
        return None
    first, last = previous.days()
    if abs(first.year - anchor.first.year) <= 1:
        return None
    allowed = [c for c in possible(build, (first.year - 1, first.year, first.year + 1)) if tense_allows(c, anchor)]
    if not allowed:
        return None
    named = Anchor(first, last)
    best = min(allowed, key=lambda c: (distance(c, named), c.first))
    return replace(best, basis=f"nearest {what} to {anchor.previous_text!r}, named before it")


# A day named without its year ("March 19") this close to publication is that occurrence, whatever the tense
# seems to say: news names the coming or the past few weeks this way, never a day eleven months off.
CLOSE_TO_PUBLICATION_DAYS = 31


def nearest_day(candidates: Iterable[Span], anchor: Anchor, what: str) -> Span:
    """Like :func:`nearest`, but a candidate within :data:`CLOSE_TO_PUBLICATION_DAYS` of publication wins."""
    candidates = list(candidates)
    close = [c for c in candidates if distance(c, anchor) <= CLOSE_TO_PUBLICATION_DAYS]
    if close:
        best = min(close, key=lambda c: (distance(c, anchor), c.first))
        return replace(best, basis=f"nearest {what} to publication (within a month of it)")
    return nearest(candidates, anchor, what)


def possible(build: Callable[[int], Span], years: Iterable[int]) -> list[Span]:
    """``build(year)`` for each year where it is a real calendar span (no 29 February 2018, no year 10000)."""
    spans = []
    for year in years:
        try:
            spans.append(build(year))
        except (ValueError, OverflowError):
            continue
    return spans


def anchored_span(reason: str) -> Span:
    """An expression anchored on an event the rules cannot date: granularity and basis "anchored", no span."""
    return Span(None, None, "anchored", f"anchored: {reason}; no span")


def vague_span() -> Span:
    """An expression with no span: "recently", "now"."""
    return Span(None, None, "vague", "vague: no span")


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


def rolling_span(pub: date, count: int, unit: str, basis: str) -> Span:
    """``count`` days, weeks, months, years or decades up to ``pub`` (inclusive): "the past two years".

    A month or year back keeps the day of the month (the 29th of February falls back to the 28th).
    """
    if unit in ("day", "week"):
        first = pub - timedelta(days=count * (7 if unit == "week" else 1))
    else:
        months = count * {"month": 1, "year": 12, "decade": 120}[unit]
        year, month = add_months(pub, -months)
        first = date(year, month, min(pub.day, calendar.monthrange(year, month)[1]))
    return Span(first, pub, granularity_of(first, pub), basis)


def shifted(span: Span, *, years: int = 0, months: int = 0, basis: str) -> Span:
    """The same days ``years`` years and ``months`` months later (earlier when negative), granularity kept.

    "The same period of 2016" after "the first nine months" of 2017 is January to September 2016. A day past
    the end of its new month falls back to that month's last day, and a span ending on its month's last day
    still does ("February 2016" a year back is all of February 2015).
    """
    first, last = span.days()
    total = 12 * years + months

    def moved(day: date, *, end: bool) -> date:
        year, month = add_months(day, total)
        length = calendar.monthrange(year, month)[1]
        at_month_end = end and day.day == calendar.monthrange(day.year, day.month)[1]
        return date(year, month, length if at_month_end else min(day.day, length))

    return Span(moved(first, end=False), moved(last, end=True), span.granularity, basis)


def add_months(day: date, months: int) -> tuple[int, int]:
    """``(year, month)`` of the month ``months`` after (or before, when negative) the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1
