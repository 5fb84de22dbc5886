"""Chronology: when each article was published, and when the events it mentions happened.

Every temporal expression in the cleaned sentences is found with a small set of readable rules
(:data:`RULES`, one regular expression each) and resolved to a span of days with a granularity and a
short ``basis`` saying how:

* **absolute** dates name their own span: "March 28, 2018", "December 2011", "1950-53", "the 1990s";
* **relative** ones are resolved against the publication date from the manifest: "last year", "the 3rd",
  "on Wednesday", "this week";
* a month or day **without a year** is the nearest occurrence consistent with the tense of its clause
  (a past-tense visit "in November" in a March 2018 article is November 2017);
* "the previous year" is anchored on the latest year mentioned just before it, not on publication.

The publication date's precision is respected: for an article dated only to the month, an expression
that depends on the day ("yesterday", "on Wednesday", "the 2nd") gets the widest span the month allows,
and ``basis`` says so. Durations ("a three-day visit"), clock times ("4 p.m.", kept in the ``time``
column of the day they qualify), quantities ("28,500 troops") and "May" as a verb are not dates.

    date_expressions → events (one row per resolved span and document) → filter_events, score
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from kit import corpus, gold
from kit.errors import KitError
from kit.types import Prepared

DATE_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "expression",
    "date_start",
    "date_end",
    "granularity",
    "basis",
    "time",
]
EVENT_COLUMNS = [
    "doc_id",
    "outlet",
    "published",
    "sentence_id",
    "start",
    "end",
    "expression",
    "date_start",
    "date_end",
    "granularity",
    "mentions",
    "expressions",
    "sentence_ids",
    "sentence",
]
GRANULARITIES = (
    "day",
    "week",
    "part_of_month",
    "month",
    "season",
    "part_of_year",
    "year",
    "part_of_decade",
    "decade",
    "vague",
)

# --------------------------------------------------------------------------- vocabulary

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9}
MONTH_ABBREVIATIONS |= {"oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MONTH = "|".join(name for name in calendar.month_name if name)
_MONTH_OR_ABBR = rf"(?:{_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = "|".join(calendar.day_name)
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_RANGE = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
# early/mid/late qualifiers of a month, year or decade; group "part".
_PART = (
    r"(?:(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|the\s+first\s+half\s+of|the\s+second\s+half\s+of)[\s-]+)?"
)
# A year followed by one of these is a quantity, not a date ("2000 troops").
QUANTITY_NOUNS = frozenset(
    "troops soldiers people persons workers tons tonnes km kilometres kilometers miles dollars won yuan "  # noqa: SIM905
    "units households cases times votes members delegates refugees defectors missiles rounds".split()
)
# Words that may follow a day ordinal ("on the 2nd and", "the 4th prior to"); anything else ("the 21st
# century", "the 2nd largest") means it is not a day of the month.
_ORDINAL_FOLLOWERS = (
    r"(?=\s*(?:[.,;:)!?\"”’–—-]|$|\b(?:and|or|at|in|on|to|of|prior|before|after|when|while|with|ahead|until|but|"
    r"that|which|from|by|as|the|this|last|next|local|morning|afternoon|evening|night)\b))"
)
CLOCK_TIME = re.compile(
    r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<half>a\.m\.|p\.m\.|am\b|pm\b)", re.I
)

# Tense cues, looked for in the clause around an expression (see :func:`tense`).
FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|upcoming|planned|plans?|scheduled|expected|set\s+to|to\s+be\s+held|in\s+the\s+works|"
    r"ahead\s+of|going\s+to|is\s+to|are\s+to|would\s+like)\b",
    re.I,
)
IRREGULAR_PAST = frozenset(
    "was were had did came went took made met held said told saw gave sent began became left led won "  # noqa: SIM905
    "broke ran rose fell kept spoke wrote chose brought bought thought felt found got stood".split()
)
NOT_PAST_ED = {"need", "speed", "seed", "feed", "red", "bed", "united", "indeed", "exceed", "proceed", "succeed"}


# --------------------------------------------------------------------------- spans


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
        return Span(first, last, _granularity_of(first, last), basis)


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


def _month_span(year: int, month: int, basis: str) -> Span:
    return Span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month", basis)


def _year_span(year: int, basis: str) -> Span:
    return Span(date(year, 1, 1), date(year, 12, 31), "year", basis)


def _day_span(day: date, basis: str) -> Span:
    return Span(day, day, "day", basis)


def _granularity_of(first: date, last: date) -> str:
    days = (last - first).days + 1
    for label, limit in (("day", 1), ("week", 7), ("month", 62), ("season", 183), ("year", 732)):
        if days <= limit:
            return label
    return "decade"


def _part(span: Span, part: str | None) -> Span:
    """The early/mid/late part of a month, year or decade span."""
    if not part:
        return span
    part = " ".join(part.split())
    first, last = span.first, span.last
    if span.granularity == "month":
        pieces = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day), "the first half of": (1, 15)}
        pieces |= {"the second half of": (16, last.day)}
        a, b = pieces[_PART_SYNONYMS.get(part, part)]
        return Span(first.replace(day=a), first.replace(day=b), "part_of_month", f"{part} {span.basis}")
    if span.granularity == "year":
        pieces = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "the first half of": (1, 6)}
        pieces |= {"the second half of": (7, 12)}
        a, b = pieces[_PART_SYNONYMS.get(part, part)]
        end = date(first.year, b, calendar.monthrange(first.year, b)[1])
        return Span(date(first.year, a, 1), end, "part_of_year", f"{part} {span.basis}")
    pieces = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "the first half of": (0, 4), "the second half of": (5, 9)}
    a, b = pieces[_PART_SYNONYMS.get(part, part)]
    return Span(date(first.year + a, 1, 1), date(first.year + b, 12, 31), "part_of_decade", f"{part} {span.basis}")


_PART_SYNONYMS = {
    "the end of": "late",
    "the beginning of": "early",
    "the start of": "early",
    "the middle of": "mid",
}


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS[word]


def _distance(span: Span, anchor: Anchor) -> int:
    """Days between a span and the publication period (0 when they overlap)."""
    if span.last < anchor.first:
        return (anchor.first - span.last).days
    if span.first > anchor.last:
        return (span.first - anchor.last).days
    return 0


def _nearest(candidates: Iterable[Span], anchor: Anchor, what: str) -> Span:
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
    best = min(allowed, key=lambda c: (_distance(c, anchor), c.first))
    reason = {"past": "past tense", "future": "future tense", "present": "no tense cue"}[anchor.tense]
    return replace(best, basis=f"nearest {what} to publication ({reason})")


def _over_publication(anchor: Anchor, resolve: Callable[[date], Span]) -> Span:
    """Resolve against the first and the last possible publication day; widen when they differ."""
    span = resolve(anchor.first).widened(resolve(anchor.last))
    return replace(span, basis=span.basis.replace("publication", f"publication {anchor.label}", 1))


def _weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression: a pattern and how to resolve a match of it.

    ``resolve(match, anchor, sentence)`` returns a :class:`Span`, or ``None`` when the match turns out
    not to be a date (e.g. "May" that is not followed by a year or preceded by a date word).
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Anchor, str], Span | None]


def _iso(m, anchor, sentence):
    return _day_span(date(int(m["y"]), int(m["m"]), int(m["d"])), "explicit date")


def _month_day_year(m, anchor, sentence):
    return _day_span(date(int(m["y"]), _month_number(m["mon"]), int(m["d"])), "explicit date")


def _month_day_range(m, anchor, sentence):
    first_month = _month_number(m["mon"])
    last_month = _month_number(m["mon2"]) if m["mon2"] else first_month
    d1, d2 = int(m["d"]), int(m["d2"])
    if m["y"]:
        year = int(m["y"])
        return Span(date(year, first_month, d1), date(year, last_month, d2), "day", "explicit dates")
    candidates = []
    for year in anchor.nearby_years:
        candidates.append(Span(date(year, first_month, d1), date(year, last_month, d2), "day", ""))
    return _nearest(candidates, anchor, m[0])


def _month_day_relative_year(m, anchor, sentence):
    offset = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    month, day = _month_number(m["mon"]), int(m["d"])

    def resolve(pub: date) -> Span:
        return _day_span(date(pub.year + offset, month, day), f"{m['rel'].lower()} year from publication")

    return _over_publication(anchor, resolve)


def _month_day(m, anchor, sentence):
    month, day = _month_number(m["mon"]), int(m["d"])
    years = anchor.nearby_years
    return _nearest([_day_span(date(y, month, day), "") for y in years], anchor, f"{m['mon']} {day}")


def _month_year(m, anchor, sentence):
    span = _month_span(int(m["y"]), _month_number(m["mon"]), "explicit month and year")
    return _part(span, m["part"])


def _year_range(m, anchor, sentence):
    first = int(m["y"])
    last_text = m["y2"]
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)  # "1950-53"
    if last <= first:
        return None
    return Span(date(first, 1, 1), date(last, 12, 31), "year", "explicit years")


def _decade(m, anchor, sentence):
    start = int(m["y"])
    if start % 10:
        return None
    span = Span(date(start, 1, 1), date(start + 9, 12, 31), "decade", "explicit decade")
    return _part(span, m["part"])


def _year(m, anchor, sentence):
    following = sentence[m.end() :].lstrip()
    if following.split(" ", 1)[0].lower().strip(".,;:") in QUANTITY_NOUNS:
        return None
    return _part(_year_span(int(m["y"]), "explicit year"), m["part"])


def _season(m, anchor, sentence):
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

        return _over_publication(anchor, resolve)
    years = anchor.nearby_years
    return _nearest([season_of(y, "") for y in years], anchor, name)


def _relative_unit(m, anchor, sentence):
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    offset = {"last": -1, "the past": -1, "this": 0, "next": 1, "the coming": 1, "earlier this": 0}[rel]
    offset = {"later this": 0}.get(rel, offset)

    def resolve(pub: date) -> Span:
        basis = f"{rel} {unit} from publication"
        if unit == "year":
            span = _year_span(pub.year + offset, basis)
            if rel == "earlier this":
                return Span(span.first, max(span.first, pub - timedelta(days=1)), "part_of_year", basis)
            if rel == "later this":
                return Span(min(span.last, pub + timedelta(days=1)), span.last, "part_of_year", basis)
            return span
        if unit == "month":
            year, month = _add_months(pub, offset)
            span = _month_span(year, month, basis)
            if rel == "earlier this":
                return Span(span.first, max(span.first, pub - timedelta(days=1)), "part_of_month", basis)
            if rel == "later this":
                return Span(min(span.last, pub + timedelta(days=1)), span.last, "part_of_month", basis)
            return span
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset)
        return Span(monday, monday + timedelta(days=6), "week", f"{basis} (Monday to Sunday)")

    return _over_publication(anchor, resolve)


def _today_relative(m, anchor, sentence):
    word = m[0].lower()
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]

    def resolve(pub: date) -> Span:
        return _day_span(pub + timedelta(days=offset), f"{word} from publication")

    return _over_publication(anchor, resolve)


def _previous_unit(m, anchor, sentence):
    word = m["which"].lower()
    unit = m["unit"].lower()
    offset = -1 if word in ("previous", "preceding", "before", "earlier") else 1
    previous = anchor.previous
    if previous is not None and previous.granularity in (unit, "day", "part_of_month", "month", "part_of_year"):
        base, basis = previous.first, f"{unit} {'before' if offset < 0 else 'after'} {anchor.previous_text!r}"
    else:
        base, basis = anchor.first, f"{unit} {'before' if offset < 0 else 'after'} publication (no earlier date)"
    if unit == "year":
        return _year_span(base.year + offset, basis)
    if unit == "month":
        return _month_span(*_add_months(base, offset), basis)
    return _day_span(base + timedelta(days=offset), basis)


def _weekday_range(m, anchor, sentence):
    first_day, last_day = WEEKDAYS[m["wd"].lower()], WEEKDAYS[m["wd2"].lower()]

    def resolve(pub: date) -> Span:
        if anchor.tense == "future":
            start = _weekday_on_or_after(pub, first_day)
            end = _weekday_on_or_after(start, last_day)
        else:
            end = _weekday_on_or_before(pub, last_day)
            start = _weekday_on_or_before(end, first_day)
        basis = f"{m['wd']} to {m['wd2']} {'after' if anchor.tense == 'future' else 'up to'} publication"
        return Span(start, end, "day", basis)

    return _over_publication(anchor, resolve)


def _weekday(m, anchor, sentence):
    weekday = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()

    def resolve(pub: date) -> Span:
        if rel == "next" or (not rel and anchor.tense == "future"):
            day = _weekday_on_or_after(pub + timedelta(days=1 if rel == "next" else 0), weekday)
            basis = f"{m['wd']} on or after publication ({'next' if rel else 'future tense'})"
        elif rel == "last":
            day = _weekday_on_or_before(pub - timedelta(days=1), weekday)
            basis = f"{m['wd']} before publication (last)"
        else:
            day = _weekday_on_or_before(pub, weekday)
            basis = f"{m['wd']} on or before publication ({anchor.tense} tense)"
        return _day_span(day, basis)

    return _over_publication(anchor, resolve)


def _day_ordinal(m, anchor, sentence):
    day = int(m["d"])

    def resolve(pub: date) -> Span:
        candidates = []
        for offset in (-1, 0, 1):
            year, month = _add_months(pub, offset)
            if day <= calendar.monthrange(year, month)[1]:
                candidates.append(_day_span(date(year, month, day), ""))
        exact = Anchor(pub, pub, anchor.tense)
        best = _nearest(candidates, exact, "such day of a month")
        return replace(best, basis=f"day {day} of the month nearest publication ({anchor.tense} tense)")

    return _over_publication(anchor, resolve)


def _month_alone(m, anchor, sentence):
    month = _month_number(m["mon"])
    rel = (m["rel"] or "").lower()
    # "May and August of 2010": the year comes with the last month of the list.
    listed = _LISTED_YEAR.match(sentence, m.end())
    if listed and not rel:
        span = _month_span(int(listed["y"]), month, f"year from the list ({listed[0].strip()!r})")
        return _part(span, m["part"])
    if not (rel or m["part"] or _DATE_CUE.search(sentence[: m.start()])):
        return None  # a bare month name needs a date word before it ("in April"): "May" may be a verb
    if rel:

        def resolve(pub: date) -> Span:
            year = pub.year
            if rel == "last":
                year = pub.year if month < pub.month else pub.year - 1
            elif rel == "next":
                year = pub.year if month > pub.month else pub.year + 1
            return _month_span(year, month, f"{rel} {m['mon']} from publication")

        return _part(_over_publication(anchor, resolve), m["part"])
    years = anchor.nearby_years
    span = _nearest([_month_span(y, month, "") for y in years], anchor, m["mon"])
    return _part(span, m["part"])


_LISTED_YEAR = re.compile(
    rf"(?:\s*(?:,|and|or|to|-|–)\s*(?:{_MONTH})\b)+(?:\s+of|,)?\s+(?P<y>{_YEAR})\b(?!\s*[-–]\d)", re.I
)
# Words a bare month or season name must follow to count as a date ("in April", "for April", "end of April").
_DATE_CUE = re.compile(
    r"\b(?:in|by|since|until|till|from|before|after|during|through|of|for|early|mid|late|last|next|this|"
    r"end\s+of|beginning\s+of|start\s+of|middle\s+of)\s*$",
    re.I,
)


def _vague(m, anchor, sentence):
    return Span(None, None, "vague", "vague: no span")


RULES: list[Rule] = [
    Rule("iso_date", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b"), _iso),
    Rule(
        "month_day_year",
        re.compile(
            rf"\b(?P<mon>{_MONTH_OR_ABBR})\s+(?P<d>{_DAY}){_ORD}?,?\s+(?P<y>{_YEAR})\b"
            rf"|\b(?P<d_>{_DAY}){_ORD}?\s+(?:of\s+)?(?P<mon_>{_MONTH_OR_ABBR}),?\s+(?P<y_>{_YEAR})\b"
        ),
        lambda m, a, s: _month_day_year(_Unified(m), a, s),
    ),
    Rule(
        "month_day_range",
        re.compile(
            rf"\b(?P<mon>{_MONTH_OR_ABBR})\s+(?P<d>{_DAY}){_ORD}?{_RANGE}(?:(?P<mon2>{_MONTH_OR_ABBR})\s+)?"
            rf"(?P<d2>{_DAY}){_ORD}?\b(?:,?\s+(?P<y>{_YEAR})\b)?(?!\s*%)"
        ),
        _month_day_range,
    ),
    Rule(
        "month_day_relative_year",
        re.compile(rf"\b(?P<mon>{_MONTH_OR_ABBR})\s+(?P<d>{_DAY}){_ORD}?,?\s+(?P<rel>last|this|next)\s+year\b"),
        _month_day_relative_year,
    ),
    Rule(
        "month_day",
        re.compile(
            rf"\b(?P<mon>{_MONTH_OR_ABBR})\s+(?P<d>{_DAY}){_ORD}?\b(?![\d,.]\d)"
            rf"|\b(?P<d_>{_DAY}){_ORD}?\s+(?:of\s+)?(?P<mon_>{_MONTH})\b"
        ),
        lambda m, a, s: _month_day(_Unified(m), a, s),
    ),
    Rule("month_year", re.compile(rf"\b{_PART}(?P<mon>{_MONTH_OR_ABBR})(?:\s+of|,)?\s+(?P<y>{_YEAR})\b"), _month_year),
    Rule(
        "year_range",
        re.compile(rf"(?<![\d$£€¥.,#])(?P<y>{_YEAR})\s*(?:-|–|—|to)\s*(?P<y2>{_YEAR}|\d\d)\b(?!\s*%|[-–]\d)"),
        _year_range,
    ),
    Rule("decade", re.compile(rf"\b(?:the\s+)?{_PART}(?P<y>{_YEAR})s\b"), _decade),
    Rule("year", re.compile(rf"\b{_PART}(?<![\d$£€¥.,#])(?P<y>{_YEAR})(?![\d%]|,\d|\.\d|[-–]\d)"), _year),
    Rule(
        "season",
        re.compile(
            rf"\b(?:(?P<rel>last|this|next)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?:(?:\s+of|,)?\s+(?P<y>{_YEAR}))?\b",
            re.I,
        ),
        lambda m, a, s: _season(m, a, s) if (m["rel"] or m["y"] or _DATE_CUE.search(s[: m.start()])) else None,
    ),
    Rule(
        "relative_unit",
        re.compile(
            r"\b(?P<rel>last|this|next|the\s+past|the\s+coming|earlier\s+this|later\s+this)\s+"
            r"(?P<unit>year|month|week)\b",
            re.I,
        ),
        _relative_unit,
    ),
    Rule("today_relative", re.compile(r"\b(?:yesterday|today|tomorrow|tonight)\b", re.I), _today_relative),
    Rule(
        "previous_unit",
        re.compile(
            r"\b(?:the\s+(?P<which>previous|preceding|following|next)\s+(?P<unit>year|month|day)"
            r"|(?:a|one)\s+(?P<unit_>year|month|day)\s+(?P<which_>earlier|before|later))\b",
            re.I,
        ),
        lambda m, a, s: _previous_unit(_Unified(m), a, s),
    ),
    Rule(
        "weekday_range",
        re.compile(rf"\b(?P<wd>{_WEEKDAY}){_RANGE}(?P<wd2>{_WEEKDAY})\b"),
        _weekday_range,
    ),
    Rule("weekday", re.compile(rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>{_WEEKDAY})\b"), _weekday),
    Rule("day_ordinal", re.compile(rf"\bthe\s+(?P<d>{_DAY}){_ORD}\b{_ORDINAL_FOLLOWERS}"), _day_ordinal),
    Rule(
        "month",
        re.compile(rf"\b{_PART}(?:(?P<rel>last|next|this)\s+)?(?P<mon>{_MONTH})\b(?!\s+\d)"),
        _month_alone,
    ),
    Rule(
        "vague",
        re.compile(
            # Like every other rule, the expression leaves out its preposition: "in recent years" → "recent years".
            r"\b(?:recently|lately|soon|these\s+days|nowadays"
            r"|(?<=\bin\s)(?:recent\s+(?:years|months|weeks|days)|the\s+(?:near\s+|distant\s+)?future"
            r"|the\s+coming\s+(?:years|months|weeks|days)))\b",
            re.I,
        ),
        _vague,
    ),
]
RULE_ORDER = {rule.name: i for i, rule in enumerate(RULES)}


class _Unified:
    """A match whose alternatives name their groups ``x`` and ``x_``: read either as ``x``."""

    def __init__(self, match: re.Match[str]):
        self._match = match

    def __getitem__(self, key):
        if key == 0:
            return self._match[0]
        value = self._match.groupdict().get(key)
        return value if value is not None else self._match.groupdict().get(f"{key}_")

    def start(self) -> int:
        return self._match.start()

    def end(self) -> int:
        return self._match.end()


# --------------------------------------------------------------------------- finding


def tense(sentence: str, start: int, end: int) -> str:
    """The tense of the clause around ``sentence[start:end]``: "future", "past" or "present".

    The clause is the text between the punctuation marks (, ; : – —) around the expression; when it has
    no cue, the whole sentence is read. Future cues ("will", "upcoming", "in the works", "ahead of"…)
    win over past cues ("was", "had", verbs in -ed and common irregular past forms).
    """
    bounds = [0, *(m.end() for m in re.finditer(r"[,;:–—()]", sentence)), len(sentence) + 1]
    left = max(b for b in bounds if b <= start)
    right = min(b for b in bounds if b >= end)
    for scope in (sentence[left:right], sentence):
        if FUTURE_CUES.search(scope):
            return "future"
        words = re.findall(r"[a-z]+", scope)
        if any(w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 3 and w not in NOT_PAST_ED) for w in words):
            return "past"
    return "present"


def _candidates(sentence: str, blocked: Sequence[tuple[int, int, str]] = ()) -> list[tuple[int, int, Rule, re.Match]]:
    """Every rule's matches in a sentence, longest first, without overlaps (earlier rules win ties).

    ``blocked`` lists ``(start, end, rule name)`` matches already found not to be dates.
    """
    found = []
    for rule in RULES:
        for m in rule.pattern.finditer(sentence):
            if m.end() > m.start() and (m.start(), m.end(), rule.name) not in blocked:
                found.append((m.start(), m.end(), rule, m))
    found.sort(key=lambda c: (-(c[1] - c[0]), RULE_ORDER[c[2].name], c[0]))
    chosen: list[tuple[int, int, Rule, re.Match]] = []
    for candidate in found:
        if all(candidate[1] <= c[0] or candidate[0] >= c[1] for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c[0])


def resolve_sentence(
    sentence: str, published_first: date, published_last: date, previous: tuple[Span, str] | None = None
) -> list[tuple[int, int, str, Span]]:
    """Find and resolve the temporal expressions of one sentence.

    Args:
        sentence: the sentence text.
        published_first: the first day the article can have been published.
        published_last: the last such day (the same day at day precision).
        previous: the latest resolved ``(span, expression)`` of the previous sentence, for "the previous year".

    Returns:
        ``(start, end, expression, span)`` in text order, offsets into ``sentence``. A match that turns
        out not to be a date is left out, and the shorter matches it covered are tried instead.
    """
    blocked: list[tuple[int, int, str]] = []
    while True:
        rows: list[tuple[int, int, str, Span]] = []
        latest = previous
        for start, end, rule, m in _candidates(sentence, blocked):
            anchor = Anchor(published_first, published_last, tense(sentence, start, end), *(latest or (None, "")))
            span = rule.resolve(m, anchor, sentence)
            if span is None:
                blocked.append((start, end, rule.name))
                break
            rows.append((start, end, sentence[start:end], span))
            if span.first is not None:
                latest = (span, sentence[start:end])
        else:
            return rows


def clock_times(sentence: str, expressions: Sequence[tuple[int, int, str, Span]]) -> dict[int, str]:
    """Clock times ("4 p.m.") attached to the nearest day expression of the sentence, as ``{index: "16:00"}``."""
    days = [i for i, (_, _, _, span) in enumerate(expressions) if span.granularity == "day"]
    attached: dict[int, str] = {}
    for m in CLOCK_TIME.finditer(sentence):
        if not days:
            break
        hour = int(m["hour"]) % 12 + (12 if m["half"].lower().startswith("p") else 0)
        nearest = min(days, key=lambda i: min(abs(expressions[i][0] - m.end()), abs(m.start() - expressions[i][1])))
        attached.setdefault(nearest, f"{hour:02d}:{int(m['minute'] or 0):02d}")
    return attached


def publications(prepared: Prepared) -> pd.DataFrame:
    """When each article was published: doc_id, outlet, headline, published, published_precision, and
    first_day/last_day (ISO days) of the period the manifest date can mean (a whole month at month
    precision). Sorted by first_day, then doc_id.
    """
    documents = prepared.documents
    spans = list(corpus.publication_periods(documents).values())
    table = documents[["doc_id", "outlet", "headline", "published", "published_precision"]].copy()
    table["first_day"] = [first.date().isoformat() for first, _ in spans]
    table["last_day"] = [last.date().isoformat() for _, last in spans]
    return table.sort_values(["first_day", "doc_id"], kind="stable").reset_index(drop=True)


def date_expressions(prepared: Prepared, *, vague: bool = True) -> pd.DataFrame:
    """Every temporal expression of the corpus, resolved to a span of days.

    Args:
        prepared: the prepared corpus.
        vague: keep expressions with no span ("recently", "in recent years"), granularity "vague".

    Returns:
        One row per expression (:data:`DATE_COLUMNS`): doc_id, sentence_id, start and end (offsets into
        the cleaned text), expression, date_start and date_end (ISO days, inclusive; empty when vague),
        granularity, basis, and time (a clock time such as "16:00" that qualifies the day, or empty).
    """
    periods = corpus.publication_periods(prepared.documents)
    rows = []
    for doc_id, sentences in prepared.sentences.groupby("doc_id", sort=False):
        first, last = periods[doc_id]
        previous = None
        for sentence in sentences.itertuples(index=False):
            found = resolve_sentence(sentence.text, first.date(), last.date(), previous)
            times = clock_times(sentence.text, found)
            for i, (start, end, expression, span) in enumerate(found):
                rows.append(
                    (
                        doc_id,
                        sentence.sentence_id,
                        sentence.start + start,
                        sentence.start + end,
                        expression,
                        span.first.isoformat() if span.first else None,
                        span.last.isoformat() if span.last else None,
                        span.granularity,
                        span.basis,
                        times.get(i),
                    )
                )
            dated = [(span, expression) for _, _, expression, span in found if span.first is not None]
            previous = dated[-1] if dated else None
    frame = pd.DataFrame.from_records(rows, columns=DATE_COLUMNS)
    if not vague:
        frame = frame[frame.granularity != "vague"].reset_index(drop=True)
    return frame


def events(prepared: Prepared, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per resolved span and document: its first mention and sentence, and all its mentions.

    Args:
        prepared: the prepared corpus.
        dates: :func:`date_expressions` output (computed when omitted); vague rows are dropped.

    Returns:
        :data:`EVENT_COLUMNS`, sorted by document, then date_start, date_end: the first mention's
        sentence_id, offsets, expression and sentence; ``mentions`` (how many expressions name the span),
        ``expressions`` and ``sentence_ids`` (all of them, " | " and space separated).
    """
    dates = date_expressions(prepared) if dates is None else dates
    dated = dates[dates.date_start.notna()]
    keys = ["doc_id", "date_start", "date_end"]
    dated = dated.sort_values(["doc_id", "sentence_id", "start"], kind="stable")
    first = dated.drop_duplicates(keys)
    mentions = dated.groupby(keys).agg(
        mentions=("expression", "size"),
        expressions=("expression", lambda e: " | ".join(dict.fromkeys(e))),
        sentence_ids=("sentence_id", lambda ids: " ".join(str(i) for i in dict.fromkeys(ids))),
    )
    mentions = mentions.reset_index()
    documents = prepared.documents[["doc_id", "outlet", "published"]]
    sentences = prepared.sentences[["doc_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
    table = first.merge(mentions, on=keys).merge(documents, on="doc_id").merge(sentences, on=["doc_id", "sentence_id"])
    return table.sort_values([*keys, "sentence_id"], kind="stable")[EVENT_COLUMNS].reset_index(drop=True)


def reach(events_table: pd.DataFrame) -> pd.DataFrame:
    """How far back (and ahead) each document looks: doc_id, outlet, published, earliest (the first
    date_start of its events), latest (the last date_end) and events (how many), sorted by doc_id.
    """
    table = events_table.groupby(["doc_id", "outlet", "published"], sort=True).agg(
        earliest=("date_start", "min"), latest=("date_end", "max"), events=("date_start", "size")
    )
    return table.reset_index()


def filter_events(
    table: pd.DataFrame,
    *,
    date_from: str = "",
    date_to: str = "",
    outlets: Sequence[str] = (),
    granularities: Sequence[str] = (),
) -> pd.DataFrame:
    """Rows of a dates or events table inside a window, from some outlets, of some granularities.

    A row is kept when its span overlaps the window ``date_from``..``date_to`` (ISO days, either may be
    empty). ``outlets`` needs an ``outlet`` column. Vague rows (no span) are kept only without a window.

    Raises:
        KitError: an unreadable window date, an unknown granularity or outlet.
    """
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise KitError(f"{name}={value!r}: expected a day YYYY-MM-DD") from None
    unknown = sorted(set(granularities) - set(GRANULARITIES))
    if unknown:
        raise KitError(f"granularities: unknown {unknown}; expected some of {list(GRANULARITIES)}")
    keep = pd.Series(True, index=table.index)
    if date_from:
        keep &= table.date_end.notna() & (table.date_end >= date_from)
    if date_to:
        keep &= table.date_start.notna() & (table.date_start <= date_to)
    if outlets:
        missing = sorted(set(outlets) - set(table.outlet))
        if missing:
            raise KitError(f"outlets: {missing} not in the corpus; outlets are {sorted(set(table.outlet))}")
        keep &= table.outlet.isin(outlets)
    if granularities:
        keep &= table.granularity.isin(granularities)
    return table[keep].reset_index(drop=True)


# --------------------------------------------------------------------------- checking against hand coding

GOLD_REQUIRED = ["doc_id", "expression", "start", "end"]
GOLD_OPTIONAL = ["date_start", "date_end"]


def read_gold(path: str | Path, prepared: Prepared) -> pd.DataFrame:
    """A hand-coded CSV of date expressions: doc_id, expression, start, end (+ date_start, date_end).

    ``start``/``end`` are character offsets into the cleaned text (``kit table sentences`` shows each
    sentence's start), so ``text[start:end]`` must equal ``expression``; ``date_start``/``date_end``
    (ISO days, optional, empty for vague expressions) let :func:`score` check the resolution too.

    Raises:
        KitError: the file's problems (see :func:`kit.gold.read_csv`), offsets that do not point at the
            expression, an unreadable date.
    """
    texts = prepared.documents.set_index("doc_id").text
    frame = gold.read_csv(
        path, required=GOLD_REQUIRED, optional=GOLD_OPTIONAL, integers=("start", "end"), doc_ids=set(texts.index)
    )
    for row in frame.itertuples(index=False):
        found = texts[row.doc_id][row.start : row.end]
        if found != row.expression:
            raise KitError(
                f"{path} line {row.line}: the cleaned text of {row.doc_id} at {row.start}-{row.end} is "
                f"{found!r}, not {row.expression!r}"
            )
        for column in ("date_start", "date_end"):
            value = getattr(row, column)
            try:
                value and date.fromisoformat(value)
            except ValueError:
                raise KitError(f"{path} line {row.line}: {column} {value!r} is not a day YYYY-MM-DD") from None
    return frame


def score(system: pd.DataFrame, gold_rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Compare a system's date rows with gold rows of the same documents.

    Args:
        system: doc_id, start, end, expression, date_start, date_end (a point-date system such as
            dateparser gives the same day twice).
        gold_rows: :func:`read_gold` output.

    Returns:
        ``(per_gold, extra)``: per gold row, ``found`` (a system row overlaps its characters),
        ``exact_span`` (one has the same start and end), ``resolved`` (an overlapping row has the same
        date_start and date_end; gold rows without dates are not scored, <NA>) and ``within`` (an
        overlapping row's dates lie inside the gold span); ``extra`` are system rows overlapping no gold row.
    """
    results = []
    matched: set[int] = set()
    by_doc = {doc: rows for doc, rows in system.groupby("doc_id", sort=False)}
    for row in gold_rows.itertuples(index=False):
        candidates = by_doc.get(row.doc_id, system.iloc[0:0])
        hits = candidates[(candidates.start < row.end) & (candidates.end > row.start)]
        matched.update(hits.index)
        dated = bool(row.date_start)
        same = (hits.date_start == row.date_start) & (hits.date_end == row.date_end)
        inside = hits.date_start.notna() & (hits.date_start >= row.date_start) & (hits.date_end <= row.date_end)
        results.append(
            {
                "doc_id": row.doc_id,
                "start": row.start,
                "end": row.end,
                "expression": row.expression,
                "found": not hits.empty,
                "exact_span": bool(((hits.start == row.start) & (hits.end == row.end)).any()),
                "resolved": bool(same.any()) if dated else pd.NA,
                "within": bool(inside.any()) if dated else pd.NA,
            }
        )
    per_gold = pd.DataFrame(results)
    scored_docs = set(gold_rows.doc_id)
    extra = system[system.doc_id.isin(scored_docs) & ~system.index.isin(matched)]
    return per_gold, extra.reset_index(drop=True)


def summary(per_gold: pd.DataFrame, extra: pd.DataFrame) -> dict[str, str]:
    """The rates of :func:`score` as printable ``part/whole = %`` strings."""
    dated = per_gold[per_gold.resolved.notna()]
    return {
        "found": gold.rate(int(per_gold.found.sum()), len(per_gold)),
        "exact span": gold.rate(int(per_gold.exact_span.sum()), len(per_gold)),
        "resolved (same dates)": gold.rate(int(dated.resolved.astype(bool).sum()), len(dated)),
        "dates inside the gold span": gold.rate(int(dated.within.astype(bool).sum()), len(dated)),
        "rows not in the gold file": str(len(extra)),
    }


def validate(prepared: Prepared, gold_path: str) -> str:
    """``python -m kit validate dates --gold FILE``: the kit's agreement with a hand-coded file, as text."""
    gold_rows = read_gold(gold_path, prepared)
    per_gold, extra = score(date_expressions(prepared), gold_rows)
    lines = [f"gold: {gold_path} ({len(gold_rows)} expressions in {gold_rows.doc_id.nunique()} documents)"]
    lines += [f"{name}: {value}" for name, value in summary(per_gold, extra).items()]
    for row in per_gold[~per_gold.found].itertuples(index=False):
        lines.append(f"missed: {row.doc_id} {row.start}-{row.end} {row.expression!r}")
    for row in per_gold[per_gold.found & (per_gold.resolved == False)].itertuples(index=False):  # noqa: E712
        lines.append(f"resolved differently: {row.doc_id} {row.start}-{row.end} {row.expression!r}")
    for row in extra.itertuples(index=False):
        lines.append(f"not in gold: {row.doc_id} {row.start}-{row.end} {row.expression!r}")
    return "\n".join(lines) + "\n"
