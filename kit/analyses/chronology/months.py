"""Resolvers of months and seasons named without a full date: "in November", "May last year", "last winter",
"the first nine months", "the third quarter of 2017".

A bare month or season name is a date only with a date word before it ("in April", "the April launch"), since
"May" may be a verb and "spring" a noun; each resolver returns ``None`` when the match is not a date after all.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Callable
from datetime import date

from kit.analyses.chronology.spans import (
    Anchor,
    Span,
    add_months,
    anchored_span,
    granularity_of,
    month_span,
    nearest,
    nearest_named_before,
    over_publication,
    part_of,
    possible,
    vague_span,
)
from kit.analyses.chronology.vocabulary import (
    MONTH_PATTERN,
    SEASONS,
    YEAR_PATTERN,
    Groups,
    group_text,
    month_number,
    number,
)


def month_relative_year(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "May last year", "early March next year": that month of the year before, of or after publication."""
    rel = group_text(m, "rel").lower()
    offset = {"last": -1, "this": 0, "next": 1}[rel]
    month = month_number(group_text(m, "mon"))

    def resolve(pub: date) -> Span:
        return month_span(pub.year + offset, month, f"{m['mon']} of {rel} year from publication")

    return part_of(over_publication(anchor, resolve), m["part"])


def season(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "summer of 2017", "last winter", "in spring": the season (northern hemisphere); ``None`` for a bare
    "spring" with no date word before it.
    """
    before = sentence[: m.start()]
    in_the = SEASON_AFTER_THE.search(before) and group_text(m, "season").islower()  # not "of the Winter Olympics"
    if not (m["rel"] or m["y"] or in_the or DATE_CUE.search(before)):
        return None  # a bare season name needs a date word before it ("in spring"), like a bare month
    name = group_text(m, "season").lower()
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

        def resolve(pub: date) -> Span:
            basis = f"{rel} {name} from publication (northern hemisphere)"
            return season_of(season_year(rel, pub, lambda year: season_of(year, "").days()), basis)

        return over_publication(anchor, resolve)
    return nearest(possible(lambda year: season_of(year, ""), anchor.nearby_years), anchor, name)


def season_year(rel: str, pub: date, days: Callable[[int], tuple[date, date]]) -> int:
    """The year "last", "this" or "next" season starts in, seen from ``pub``.

    "Last summer" is the latest one over before publication, "next autumn" the first one to start after it, and
    "this summer" the one under way, else the nearest one: in March "this summer" is still to come and "this
    winter" the one just over, as a reader takes them whatever the tense.
    """
    years = range(max(1, pub.year - 2), min(9998, pub.year + 1) + 1)
    if rel == "last":
        return max(year for year in years if days(year)[1] < pub)
    if rel == "next":
        return min(year for year in years if days(year)[0] > pub)

    def distance(year: int) -> int:
        first, last = days(year)
        return 0 if first <= pub <= last else min(abs((first - pub).days), abs((pub - last).days))

    return min(years, key=distance)


def month_alone(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "in November", "last May", "the end of April": the nearest such month the tense allows.

    A bare month name needs a date word before it, since "May" may be a verb; ``None`` otherwise.
    """
    month = month_number(group_text(m, "mon"))
    rel = (m["rel"] or "").lower()
    # "May and August of 2010": the year comes with the last month of the list.
    listed = LISTED_YEAR.match(sentence, m.end())
    if listed and not rel:
        span = month_span(int(listed["y"]), month, f"year from the list ({listed[0].strip()!r})")
        return part_of(span, m["part"])
    before = sentence[: m.start()]
    # "The April launch": a month between "the" and a noun is a date, never the verb "may".
    attributive = THE_BEFORE.search(before) and NOUN_AFTER.match(sentence, m.end())
    # "April is widely seen as…", "October saw…": a month (not "May") as the subject opening its clause.
    subject = month != 5 and CLAUSE_START.search(before) and SUBJECT_VERB_AFTER.match(sentence, m.end())
    cued = DATE_CUE.search(before) or LISTED_AFTER.search(before) or attributive or subject
    if not (rel or m["part"] or cued):
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

    def build(year: int) -> Span:
        return month_span(year, month, "")

    what = group_text(m, "mon")
    span = nearest_named_before(build, anchor, what) or nearest(possible(build, anchor.nearby_years), anchor, what)
    return part_of(span, m["part"])


LISTED_YEAR = re.compile(
    rf"(?:\s*(?:,|and|or|to|-|–)\s*(?:{MONTH_PATTERN})\b)+(?:\s+of|,)?\s+(?P<y>{YEAR_PATTERN})\b(?!\s*[-–]\d)", re.I
)


# "In the spring", "during the summer": a lower-case season after one of these and "the" is a date.
SEASON_AFTER_THE = re.compile(r"\b(?:in|during|over|through|since|until|by|before|after)\s+the\s+$", re.I)


# "the April launch": "the" before the month, a lower-case word (a noun, not "of") after it.
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


NOUN_AFTER = re.compile(r"\s+(?!of\b)[a-z][a-z-]+\b")


# A clause opening (the sentence's start, or after , ; : —) and a verb after a month that is its subject.
CLAUSE_START = re.compile(r"(?:^|[,;:—–]\s*)$")


SUBJECT_VERB_AFTER = re.compile(r"\s+(?:is|was|has|had|will|would|saw|sees|marks|marked|brought|brings)\b")


# A month listed after another ("in January and February", "from March to May") is a date as the first is.
LISTED_AFTER = re.compile(rf"\b(?:{MONTH_PATTERN})\s*(?:,|and|or|to|through|-|–)\s*$")


# Words a bare month or season name must follow to count as a date ("in April", "for April", "end of April").
DATE_CUE = re.compile(
    r"\b(?:in|by|since|until|till|from|before|after|during|through|of|for|early|mid|late|last|next|this|"
    r"end\s+of|beginning\s+of|start\s+of|middle\s+of)\s*$",
    re.I,
)


QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}


def quarter_code(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "Q3", "Q4 2017", "H1 2018": a quarter or half of the year given, else of the year
    :func:`months_of_the_year` would take for "the third quarter".
    """
    code = group_text(m, 0).split()[0].upper()
    number_of = int(code[1])
    size = 3 if code[0] == "Q" else 6
    first_month, last_month = size * (number_of - 1) + 1, size * number_of
    return months_in_year(first_month, last_month, m["y"], None, anchor, code)


def months_to(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the year to March", "the 12 months through June 2017": the months ending with that month, of the
    year given, else the nearest whose last month has begun by publication in a past-tense clause ("fell in the
    year through June" in March is last June's), and the nearest the tense allows otherwise.
    """
    count = number(m["n"]) if m["n"] else 12
    if count is None or not 1 <= count <= 36:
        return vague_span()
    month = month_number(group_text(m, "mon"))

    def build(year: int) -> Span:
        first = date(*add_months(date(year, month, 1), 1 - count), 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        return Span(first, last, granularity_of(first, last), "")

    what = " ".join(group_text(m, 0).split())
    if m["y"]:
        return dataclasses.replace(build(int(m["y"])), basis=f"{what}: explicit year")
    candidates = possible(build, anchor.nearby_years)
    if anchor.tense == "past":
        candidates = [c for c in candidates if c.days()[1].replace(day=1) <= anchor.last] or candidates
    return nearest(candidates, anchor, what)


def months_of_the_year(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the first nine months", "the third quarter of 2017": those months of the year meant.

    The year is the one given, else that of a date named earlier in the sentence, else the publication's
    (the year before when the months are still to come and the clause is not in the future tense).
    """
    if m["q"]:
        last_month = 3 * QUARTERS[m["q"].lower()]
        first_month = last_month - 2
    else:
        count = number(group_text(m, "n"))
        if count is None or not 1 <= count <= 12:
            return vague_span()
        first_month, last_month = 1, count
    return months_in_year(first_month, last_month, m["y"], m["rel"], anchor, group_text(m, 0).strip())


def months_in_year(
    first_month: int, last_month: int, y: str | None, rel: str | None, anchor: Anchor, what: str
) -> Span | None:
    """Those months of year ``y``, of the year ``rel`` ("last", "this", "next") names, else of the year meant."""
    previous = anchor.previous if anchor.previous_in_sentence else None
    if y:
        year, basis = int(y), "explicit year"
    elif rel:
        offset = {"last": -1, "this": 0, "next": 1}[rel.lower()]
        year, basis = anchor.first.year + offset, f"{rel.lower()} year from publication {anchor.label}"
        if anchor.first.year != anchor.last.year:
            return anchored_span("publication period spans more than one year")
    elif previous is not None and previous.granularity not in ("decade", "part_of_decade", "century"):
        year, basis = previous.days()[0].year, f"the year of {anchor.previous_text!r}"
    else:
        year, basis = anchor.first.year, f"the year of publication {anchor.label}"
        if date(year, first_month, 1) > anchor.last and anchor.tense != "future":
            year, basis = year - 1, f"the year before publication {anchor.label} (those months are to come)"
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Span(date(year, first_month, 1), end, "part_of_year", f"{what}: {basis}")
