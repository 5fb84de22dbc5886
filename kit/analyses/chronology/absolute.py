"""Resolvers of calendar dates: a day, month, year, range or decade named by its numbers and month names.

Each resolver takes the rule's match, the :class:`~kit.analyses.chronology.spans.Anchor` and the sentence, and
returns a :class:`~kit.analyses.chronology.spans.Span`, or ``None`` when the match is not a date after all. A month
or day without its year is the occurrence nearest publication that the clause's tense allows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from kit.analyses.chronology.spans import (
    Anchor,
    Span,
    day_span,
    month_span,
    nearest,
    nearest_day,
    nearest_named_before,
    over_publication,
    part_of,
    possible,
    year_span,
)
from kit.analyses.chronology.vocabulary import QUANTITY_NOUNS, Groups, group_text, month_number


def iso(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "2018-03-02": that day."""
    return day_span(date(int(group_text(m, "y")), int(group_text(m, "m")), int(group_text(m, "d"))), "explicit date")


def month_day_year(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "March 28, 2018", "28 March, 2018": that day."""
    return day_span(
        date(int(group_text(m, "y")), month_number(group_text(m, "mon")), int(group_text(m, "d"))), "explicit date"
    )


def month_day_range(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "April 11-13, 2024", "March 29 to April 2": those days (the nearest such days without a year)."""
    first_month = month_number(group_text(m, "mon"))
    last_month = month_number(m["mon2"]) if m["mon2"] else first_month
    d1, d2 = int(group_text(m, "d")), int(group_text(m, "d2"))
    if m["y"]:
        year = int(m["y"])
        return Span(date(year, first_month, d1), date(year, last_month, d2), "day", "explicit dates")

    def build(year: int) -> Span:
        return Span(date(year, first_month, d1), date(year, last_month, d2), "day", "")

    what = group_text(m, 0)
    return nearest_named_before(build, anchor, what) or nearest_day(possible(build, anchor.nearby_years), anchor, what)


def day_month_range(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "26-28 March", "30 March to 2 April 2018": those days, read as :func:`month_day_range` reads
    "March 26-28" (the first day takes the second's month when it names none).
    """
    first_month = month_number(m["mon"] or group_text(m, "mon2"))
    last_month = month_number(group_text(m, "mon2"))
    d1, d2 = int(group_text(m, "d")), int(group_text(m, "d2"))
    if first_month == last_month and d2 <= d1:
        return None  # "28 and 3 March" names no range
    if m["y"]:
        year = int(m["y"])
        return Span(date(year, first_month, d1), date(year, last_month, d2), "day", "explicit dates")

    def build(year: int) -> Span:
        end_year = year + 1 if last_month < first_month else year
        return Span(date(year, first_month, d1), date(end_year, last_month, d2), "day", "")

    what = group_text(m, 0)
    return nearest_named_before(build, anchor, what) or nearest_day(possible(build, anchor.nearby_years), anchor, what)


def month_day_relative_year(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "September 3 last year", "3 September last year": that day of the year before, of or after
    publication.
    """
    offset = {"last": -1, "this": 0, "next": 1}[group_text(m, "rel").lower()]
    month, day = month_number(group_text(m, "mon")), int(group_text(m, "d"))

    def resolve(pub: date) -> Span:
        return day_span(date(pub.year + offset, month, day), f"{group_text(m, 'rel').lower()} year from publication")

    return over_publication(anchor, resolve)


def month_day(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "March 25", "25 March": the nearest such day the tense allows (near a date named before it in the
    sentence, when that lies years from publication).
    """
    month, day = month_number(group_text(m, "mon")), int(group_text(m, "d"))

    def build(year: int) -> Span:
        return day_span(date(year, month, day), "")

    what = f"{m['mon']} {day}"
    return nearest_named_before(build, anchor, what) or nearest_day(possible(build, anchor.nearby_years), anchor, what)


def month_range(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "January-March", "April–June 2017": those months (the nearest such months the tense allows)."""
    first_month, last_month = month_number(group_text(m, "mon")), month_number(group_text(m, "mon2"))

    def build(year: int) -> Span:
        end_year = year + 1 if last_month < first_month else year
        first, last = date(year, first_month, 1), month_span(end_year, last_month, "").days()[1]
        return Span(first, last, "part_of_year", "")

    if m["y"]:
        return replace(build(int(m["y"])), basis="explicit months and year")
    return nearest(possible(build, anchor.nearby_years), anchor, group_text(m, 0))


def month_year(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "December 2011", "early March 2018": the month or its part."""
    span = month_span(int(group_text(m, "y")), month_number(group_text(m, "mon")), "explicit month and year")
    return part_of(span, m["part"])


def year_range(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "1950-53", "2011 to 2014": those years; ``None`` when the second is not later, for clock times ("from
    1600 to 1800 GMT") and after a label ("Resolutions 1718 and 1874").
    """
    if CLOCK_24.match(sentence, m.end()) or NUMBERED_LABEL.search(sentence, 0, m.start()):
        return None
    first = int(group_text(m, "y"))
    last_text = group_text(m, "y2")
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)  # "1950-53"
    if last <= first:
        return None
    return Span(date(first, 1, 1), date(last, 12, 31), "year", "explicit years")


# After a four-digit number, a 24-hour clock time's zone: "1600 GMT", "1600 and 2100 GMT", "0900 hours".
CLOCK_24 = re.compile(r"(?:\s*(?:-|–|to|and)\s*[0-2]\d[0-5]\d)?\s*(?:GMT|UTC|KST|CST|EST|hours|hrs|h)\b")


def decade(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the 1990s", "the late 1990s": the decade or its part; ``None`` for "the 1995s"."""
    start = int(group_text(m, "y"))
    if start % 10:
        return None
    span = Span(date(start, 1, 1), date(start + 9, 12, 31), "decade", "explicit decade")
    return part_of(span, m["part"])


# Decades named in words: "the Nineties", "the sixties".
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70}
DECADE_WORDS |= {"eighties": 80, "nineties": 90}


def short_decade(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the '90s", "the mid-80s", "the Nineties": the latest such decade that has begun by publication
    ("the '10s" in 2018 are the 2010s, "the '90s" the 1990s; a decade in words is of the 1900s).
    """
    if m["word"]:
        start = 1900 + DECADE_WORDS[group_text(m, "word").lower()]
    else:
        tens = int(group_text(m, "yy"))
        start = 2000 + tens if 2000 + tens <= anchor.last.year else 1900 + tens
    span = Span(date(start, 1, 1), date(start + 9, 12, 31), "decade", "decade named by its last two digits")
    return part_of(span, m["part"])


def year(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "2014", "mid-2017": the year or its part; ``None`` before a quantity noun ("2000 troops") or for a
    clock time on the 24-hour clock ("between 1600 and 2100 GMT").
    """
    following = sentence[m.end() :].lstrip()
    if following.split(" ", 1)[0].lower().strip(".,;:") in QUANTITY_NOUNS or CLOCK_24.match(sentence, m.end()):
        return None
    if NUMBERED_LABEL.search(sentence, 0, m.start()):
        return None
    return part_of(year_span(int(group_text(m, "y")), "explicit year"), m["part"])


# A number right after one of these names a thing, not a year: "Resolution 1718", "Flight 2017", "Article 1950".
NUMBERED_LABEL = re.compile(
    r"\b(?:[Rr]esolutions?|[Ff]light|[Aa]rticles?|[Ss]ections?|[Cc]hapter|[Rr]oute|[Hh]ighway|[Rr]oom|[Bb]ill|[Nn]o\."
    r"|[Nn]umber|[Pp]aragraph|[Cc]lause|[Pp]latform|[Gg]ate|[Uu]nit|[Pp]ier|[Ww]indows)\s+$"
)


# Centuries named by their ordinal in words.
CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty first": 21}


def century(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the 21st century", "the new century", "this century": its hundred years, 2001–2100 for the 21st.

    "The new century" is the century after the one publication falls in when it is about to end (an article
    of 1999 or 2000), else the one it falls in.
    """
    which = " ".join(group_text(m, "which").lower().replace("-", " ").split())
    if which in ("new", "this"):

        def resolve(pub: date) -> Span:
            number = (pub.year + (2 if which == "new" else 0) - 1) // 100 + 1
            return _century(number, f"{which} century from publication")

        return over_publication(anchor, resolve)
    number = CENTURY_WORDS.get(which) or int(which[:-2])
    return _century(number, "explicit century")


def _century(number: int, basis: str) -> Span:
    """The ``number``th century: the years (number - 1) * 100 + 1 to number * 100."""
    return Span(date((number - 1) * 100 + 1, 1, 1), date(number * 100, 12, 31), "century", basis)
