"""Resolvers of expressions relative to publication or to a date named before: "last year", "on Wednesday",
"the 3rd", "in November", "the previous year", and vague ones ("recently") with no span.

Each resolver takes the rule's match, the :class:`~kit.chronology.spans.Anchor` and the sentence, and
returns a :class:`~kit.chronology.spans.Span`, or ``None`` when the match is not a date after all.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from kit.chronology.spans import (
    Anchor,
    Span,
    add_months,
    day_span,
    month_span,
    nearest,
    over_publication,
    part_of,
    weekday_on_or_after,
    weekday_on_or_before,
    year_span,
)
from kit.chronology.vocabulary import MONTH_PATTERN, SEASONS, WEEKDAYS, YEAR_PATTERN, Groups, month_number


def season(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "summer of 2017", "last winter", "in spring": the season (northern hemisphere); ``None`` for a bare
    "spring" with no date word before it.
    """
    if not (m["rel"] or m["y"] or DATE_CUE.search(sentence[: m.start()])):
        return None  # a bare season name needs a date word before it ("in spring"), like a bare month
    name = m["season"].lower()
    first_month, last_month = SEASONS[name]

    def season_of(year: int, basis: str) -> Span:
        # A winter is named by the year it starts in (winter 2017 = Dec 2017 – Feb 2018).
        end_year = year + 1 if last_month < first_month else year
        last = date(end_year, last_month, calendar.monthrange(end_year, last_month)[1])
        return Span(date(year, first_month, 1), last, "season", basis)

    if m["y"]:
        return season_of(int(m["y"]), "explicit season and year (northern hemisphere)")
    rel = (m["rel"] or "").lower()
    if rel in ("last", "next", "this"):
        offset = {"last": -1, "this": 0, "next": 1}[rel]

        def resolve(pub: date) -> Span:
            this = season_of(pub.year, "")
            if this.first > pub and rel != "next":
                this = season_of(pub.year - 1, "")
            year = this.first.year + offset
            return season_of(year, f"{rel} {name} from publication (northern hemisphere)")

        return over_publication(anchor, resolve)
    years = anchor.nearby_years
    return nearest([season_of(y, "") for y in years], anchor, name)


def relative_unit(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "last year", "this week", "earlier this month": a year, month or week from publication."""
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    offset = {"last": -1, "the past": -1, "this": 0, "next": 1, "the coming": 1, "earlier this": 0}[rel]
    offset = {"later this": 0}.get(rel, offset)

    def resolve(pub: date) -> Span:
        basis = f"{rel} {unit} from publication"
        if unit == "year":
            span = year_span(pub.year + offset, basis)
            if rel == "earlier this":
                return Span(span.first, max(span.first, pub - timedelta(days=1)), "part_of_year", basis)
            if rel == "later this":
                return Span(min(span.last, pub + timedelta(days=1)), span.last, "part_of_year", basis)
            return span
        if unit == "month":
            year, month = add_months(pub, offset)
            span = month_span(year, month, basis)
            if rel == "earlier this":
                return Span(span.first, max(span.first, pub - timedelta(days=1)), "part_of_month", basis)
            if rel == "later this":
                return Span(min(span.last, pub + timedelta(days=1)), span.last, "part_of_month", basis)
            return span
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset)
        return Span(monday, monday + timedelta(days=6), "week", f"{basis} (Monday to Sunday)")

    return over_publication(anchor, resolve)


def today_relative(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "yesterday", "today", "tonight", "tomorrow": a day from publication."""
    word = m[0].lower()
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]

    def resolve(pub: date) -> Span:
        return day_span(pub + timedelta(days=offset), f"{word} from publication")

    return over_publication(anchor, resolve)


def previous_unit(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the previous year", "a day later": one unit before or after the date named just before."""
    word = m["which"].lower()
    unit = m["unit"].lower()
    offset = -1 if word in ("previous", "preceding", "before", "earlier") else 1
    previous = anchor.previous
    if previous is not None and previous.granularity in (unit, "day", "part_of_month", "month", "part_of_year"):
        base, basis = previous.first, f"{unit} {'before' if offset < 0 else 'after'} {anchor.previous_text!r}"
    else:
        base, basis = anchor.first, f"{unit} {'before' if offset < 0 else 'after'} publication (no earlier date)"
    if unit == "year":
        return year_span(base.year + offset, basis)
    if unit == "month":
        return month_span(*add_months(base, offset), basis)
    return day_span(base + timedelta(days=offset), basis)


def weekday_range(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "Sunday to Wednesday": those days before publication (after it in the future tense)."""
    first_day, last_day = WEEKDAYS[m["wd"].lower()], WEEKDAYS[m["wd2"].lower()]

    def resolve(pub: date) -> Span:
        if anchor.tense == "future":
            start = weekday_on_or_after(pub, first_day)
            end = weekday_on_or_after(start, last_day)
        else:
            end = weekday_on_or_before(pub, last_day)
            start = weekday_on_or_before(end, first_day)
        basis = f"{m['wd']} to {m['wd2']} {'after' if anchor.tense == 'future' else 'up to'} publication"
        return Span(start, end, "day", basis)

    return over_publication(anchor, resolve)


def weekday(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "on Friday", "last Sunday": the weekday on or before publication (after it in the future tense)."""
    weekday = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()

    def resolve(pub: date) -> Span:
        if rel == "next" or (not rel and anchor.tense == "future"):
            day = weekday_on_or_after(pub + timedelta(days=1 if rel == "next" else 0), weekday)
            basis = f"{m['wd']} on or after publication ({'next' if rel else 'future tense'})"
        elif rel == "last":
            day = weekday_on_or_before(pub - timedelta(days=1), weekday)
            basis = f"{m['wd']} before publication (last)"
        else:
            day = weekday_on_or_before(pub, weekday)
            basis = f"{m['wd']} on or before publication ({anchor.tense} tense)"
        return day_span(day, basis)

    return over_publication(anchor, resolve)


def day_ordinal(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the 3rd": that day of the month nearest publication the tense allows."""
    day = int(m["d"])

    def resolve(pub: date) -> Span:
        candidates = []
        for offset in (-1, 0, 1):
            year, month = add_months(pub, offset)
            if day <= calendar.monthrange(year, month)[1]:
                candidates.append(day_span(date(year, month, day), ""))
        exact = Anchor(pub, pub, anchor.tense)
        best = nearest(candidates, exact, "such day of a month")
        return replace(best, basis=f"day {day} of the month nearest publication ({anchor.tense} tense)")

    return over_publication(anchor, resolve)


def month_alone(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "in November", "last May", "the end of April": the nearest such month the tense allows.

    A bare month name needs a date word before it, since "May" may be a verb; ``None`` otherwise.
    """
    month = month_number(m["mon"])
    rel = (m["rel"] or "").lower()
    # "May and August of 2010": the year comes with the last month of the list.
    listed = LISTED_YEAR.match(sentence, m.end())
    if listed and not rel:
        span = month_span(int(listed["y"]), month, f"year from the list ({listed[0].strip()!r})")
        return part_of(span, m["part"])
    if not (rel or m["part"] or DATE_CUE.search(sentence[: m.start()])):
        return None  # a bare month name needs a date word before it ("in April"): "May" may be a verb
    if rel:

        def resolve(pub: date) -> Span:
            year = pub.year
            if rel == "last":
                year = pub.year if month < pub.month else pub.year - 1
            elif rel == "next":
                year = pub.year if month > pub.month else pub.year + 1
            return month_span(year, month, f"{rel} {m['mon']} from publication")

        return part_of(over_publication(anchor, resolve), m["part"])
    years = anchor.nearby_years
    span = nearest([month_span(y, month, "") for y in years], anchor, m["mon"])
    return part_of(span, m["part"])


LISTED_YEAR = re.compile(
    rf"(?:\s*(?:,|and|or|to|-|–)\s*(?:{MONTH_PATTERN})\b)+(?:\s+of|,)?\s+(?P<y>{YEAR_PATTERN})\b(?!\s*[-–]\d)", re.I
)
# Words a bare month or season name must follow to count as a date ("in April", "for April", "end of April").
DATE_CUE = re.compile(
    r"\b(?:in|by|since|until|till|from|before|after|during|through|of|for|early|mid|late|last|next|this|"
    r"end\s+of|beginning\s+of|start\s+of|middle\s+of)\s*$",
    re.I,
)


def vague(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "recently", "in recent years": no span, granularity "vague"."""
    return Span(None, None, "vague", "vague: no span")
