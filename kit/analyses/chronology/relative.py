"""Resolvers of expressions relative to publication or to a date named before: "last year", "on Wednesday",
"the 3rd", "in November", "the previous year", and vague ones ("recently") with no span.

Each resolver takes the rule's match, the :class:`~kit.analyses.chronology.spans.Anchor` and the sentence, and
returns a :class:`~kit.analyses.chronology.spans.Span`, or ``None`` when the match is not a date after all.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from kit.analyses.chronology import anaphoric
from kit.analyses.chronology.spans import (
    Anchor,
    Span,
    add_months,
    anchored_span,
    day_span,
    granularity_of,
    month_span,
    nearest,
    nearest_named_before,
    over_publication,
    part_of,
    possible,
    rolling_span,
    vague_span,
    year_span,
)
from kit.analyses.chronology.tense import has_verb
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
        offset = {"last": -1, "this": 0, "next": 1}[rel]

        def resolve(pub: date) -> Span:
            this_first, _ = season_of(pub.year, "").days()
            if this_first > pub and rel != "next":
                this_first, _ = season_of(pub.year - 1, "").days()
            year = this_first.year + offset
            return season_of(year, f"{rel} {name} from publication (northern hemisphere)")

        return over_publication(anchor, resolve)
    return nearest(possible(lambda year: season_of(year, ""), anchor.nearby_years), anchor, name)


def relative_unit(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "last year", "this week", "earlier this month": a year, month or week from publication.

    "The past year" (week, month) is the twelve months up to publication, not the previous calendar year; "so
    far this year" runs from its first day to publication; "late last week" is its Thursday to Sunday ("early":
    Monday to Wednesday, "mid": Tuesday to Thursday).
    """
    rel = " ".join(group_text(m, "rel").lower().split())
    unit = group_text(m, "unit").lower()
    if rel == "the past":
        return over_publication(anchor, lambda pub: rolling_span(pub, 1, unit, f"the past {unit} up to publication"))
    if m["so_far"] and rel == "this":

        def so_far(pub: date) -> Span:
            whole = {"year": year_span(pub.year, ""), "month": month_span(pub.year, pub.month, "")}
            first = whole[unit].days()[0] if unit in whole else pub - timedelta(days=pub.weekday())
            return Span(first, pub, granularity_of(first, pub), f"so far this {unit}: its first day to publication")

        return over_publication(anchor, so_far)
    offsets = {"last": -1, "this": 0, "next": 1, "the coming": 1, "earlier this": 0, "later this": 0}
    offset = offsets["last" if rel == "earlier last" else rel]

    def resolve(pub: date) -> Span:
        basis = f"{rel} {unit} from publication"
        if unit == "year":
            span = year_span(pub.year + offset, basis)
            first, last = span.days()
            if rel == "earlier this":
                return Span(first, max(first, pub - timedelta(days=1)), "part_of_year", basis)
            if rel == "later this":
                return Span(min(last, pub + timedelta(days=1)), last, "part_of_year", basis)
            return span
        if unit == "month":
            year, month = add_months(pub, offset)
            span = month_span(year, month, basis)
            first, last = span.days()
            if rel == "earlier this":
                return Span(first, max(first, pub - timedelta(days=1)), "part_of_month", basis)
            if rel == "later this":
                return Span(min(last, pub + timedelta(days=1)), last, "part_of_month", basis)
            return span
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset)
        return Span(monday, monday + timedelta(days=6), "week", f"{basis} (Monday to Sunday)")

    span = over_publication(anchor, resolve)
    part = " ".join((m["part"] or "").lower().split())
    if part in WEEK_PARTS and span.granularity == "week":
        first, _ = span.days()
        a, b = WEEK_PARTS[part]
        return Span(first + timedelta(days=a), first + timedelta(days=b), "week", f"{part} {span.basis}")
    return part_of(span, m["part"]) if m["part"] and span.granularity in ("year", "month") else span


# The days of a week (0 = Monday) its early, middle and late part cover.
WEEK_PARTS = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}


def past_units(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the past 70 years", "the last two weeks": that many units up to publication (vague for "few")."""
    count = number(group_text(m, "n"))
    if count is None:
        return vague_span()
    unit = group_text(m, "unit").lower().rstrip("s")
    basis = f"the past {count} {unit}s up to publication"
    return over_publication(anchor, lambda pub: rolling_span(pub, count, unit, basis))


def coming_units(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the next two weeks", "the coming three months": the day after publication to that many units
    after it (vague for "the next few days").
    """
    count = number(group_text(m, "n"))
    if count is None:
        return vague_span()
    unit = group_text(m, "unit").lower().rstrip("s")

    def resolve(pub: date) -> Span:
        if unit in ("day", "week"):
            last = pub + timedelta(days=count * (7 if unit == "week" else 1))
        else:
            year, month = add_months(pub, count * (12 if unit == "year" else 1))
            last = date(year, month, min(pub.day, calendar.monthrange(year, month)[1]))
        first = pub + timedelta(days=1)
        return Span(first, last, granularity_of(first, last), f"the next {count} {unit}s after publication")

    return over_publication(anchor, resolve)


def units_ago(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "two years ago", "a week ago": the year, month, week or day that many units before publication.

    "A few days ago", "years ago" name no span: vague. In a comparison ("exports in the month fell … from a
    year ago") it is the period named before in the sentence, that many units back.
    """
    count = number(m["n"]) if m["n"] else None
    if count is None:
        return vague_span()
    unit = group_text(m, "unit").lower().rstrip("s")
    compared = anaphoric.compared_with_previous(anchor, sentence[: m.start()], count, unit)
    if compared is not None:
        return compared
    basis = f"{count} {unit}(s) before publication"

    def resolve(pub: date) -> Span:
        if unit == "year":
            return year_span(pub.year - count, basis)
        if unit == "decade":
            return Span(date(pub.year - 10 * count, 1, 1), date(pub.year - 10 * count, 12, 31), "year", basis)
        if unit == "month":
            return month_span(*add_months(pub, -count), basis)
        if unit == "week":
            monday = pub - timedelta(days=pub.weekday()) - timedelta(weeks=count)
            return Span(monday, monday + timedelta(days=6), "week", f"{basis} (Monday to Sunday)")
        return day_span(pub - timedelta(days=count), basis)

    return over_publication(anchor, resolve)


def in_quotation(sentence: str, position: int) -> bool:
    """Whether ``position`` lies inside a quotation opened in the sentence (“…” or straight "…")."""
    before = sentence[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def today_relative(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "yesterday", "today", "tonight", "last night", "this morning": a day from publication.

    "Last night" is the evening before the publication day, as in a morning paper. In a quotation the day is
    counted from the day the words were spoken: the day the article reports on (``anchor.reported``), when
    it names one ("The council on Wednesday adopted … '…adopted by the council today…'").
    """
    words = " ".join(group_text(m, 0).lower().split())
    first_word = words.split()[0] if not words.startswith("the day") else words.split()[-1] + "+1"
    offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this": 0, "last": -1}
    offset = (offsets | {"yesterday+1": -2, "tomorrow+1": 2})[first_word]  # "the day before yesterday"
    if anchor.reported is not None and in_quotation(sentence, m.start()):
        basis = f"{words} in a quotation, from the day the article reports on ({anchor.reported})"
        return day_span(anchor.reported + timedelta(days=offset), basis)

    def resolve(pub: date) -> Span:
        return day_span(pub + timedelta(days=offset), f"{words} from publication")

    return over_publication(anchor, resolve)


def part_of_the_unit(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the end of the year", "early in the year", "later in the month": part of the year or month meant.

    The year (month) is that of a date named earlier in the same sentence ("in 2019 … early in the year"),
    else the publication's. "Later (earlier) in the month" names no span; "later in the day" is the day
    named before it (else the publication day).
    """
    unit = group_text(m, "unit").lower()
    part = " ".join(group_text(m, "part").lower().split())
    if unit == "day":
        if anchor.previous is not None and anchor.previous.granularity == "day":
            return replace(anchor.previous, basis=f"{part} on the day of {anchor.previous_text!r}")
        return over_publication(anchor, lambda pub: day_span(pub, f"{part} on the day of publication"))
    if part in ("later", "earlier"):
        return vague_span()
    previous = anchor.previous if anchor.previous_in_sentence else None
    if previous is not None and previous.granularity not in ("decade", "part_of_decade", "century"):
        base, basis = previous.days()[0], f"the {unit} of {anchor.previous_text!r}"
    else:
        base, basis = anchor.first, f"the {unit} of publication {anchor.label}"
        if anchor.first.year != anchor.last.year or (unit == "month" and anchor.first.month != anchor.last.month):
            return anchored_span("publication period spans more than one such unit")
    span = year_span(base.year, basis) if unit == "year" else month_span(base.year, base.month, basis)
    return part_of(span, part)


def day_ordinal(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the 3rd": that day of the month nearest publication the tense allows; "the 9th of this month"
    (last, next month): that day of that month.
    """
    day = int(group_text(m, "d"))
    rel = (m["rel"] or "").lower()

    def resolve(pub: date) -> Span:
        if rel:
            year, month = add_months(pub, {"last": -1, "this": 0, "next": 1}[rel])
            return day_span(date(year, month, day), f"day {day} of {rel} month from publication")
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
    previous = anchor.previous if anchor.previous_in_sentence else None
    if m["y"]:
        year, basis = int(m["y"]), "explicit year"
    elif m["rel"]:
        offset = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        year, basis = anchor.first.year + offset, f"{m['rel'].lower()} year from publication {anchor.label}"
        if anchor.first.year != anchor.last.year:
            return anchored_span("publication period spans more than one year")
    elif previous is not None and previous.granularity not in ("decade", "part_of_decade", "century"):
        year, basis = previous.days()[0].year, f"the year of {anchor.previous_text!r}"
    else:
        year, basis = anchor.first.year, f"the year of publication {anchor.label}"
        if date(year, first_month, 1) > anchor.last and anchor.tense != "future":
            year, basis = year - 1, f"the year before publication {anchor.label} (those months are to come)"
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Span(date(year, first_month, 1), end, "part_of_year", f"{group_text(m, 0).strip()}: {basis}")


def on_event(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the day after the summit", "shortly before the Asian Games": anchored on an event, no span.

    Set off by a comma after a day of the same clause ("sent back on Sept. 18, just before the Asian
    Games"; "arrived Tuesday for a two-day visit, one week after the summit"), it tells when that day's
    event happened: the expression is that day. The event itself is never dated.
    """
    if DURATION_BEFORE.search(sentence[: m.start()]):
        return None  # "in power for just over a year after succeeding his father": a length of time
    beside = anchor.previous if anchor.previous_end is not None else None
    if beside is not None and beside.granularity == "day" and sentence[: m.start()].rstrip().endswith(","):
        between = sentence[anchor.previous_end : m.start()]
        if not has_verb(between):
            basis = f"the day of {anchor.previous_text!r}, which it qualifies (anchored on {m['event']!r})"
            return replace(beside, basis=basis)
    return anchored_span(f"on {m['event']!r}")


def before_the_end(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "before the end of June", "before year end": from publication to the last day of that month or year,
    when it is still to come and the clause is not past; ``None`` otherwise (then "the end of June" alone is
    read).
    """
    what = (m["what"] or m["what_"] or group_text(m, "what__")).lower()
    if anchor.tense == "past":
        return None

    def resolve(pub: date) -> Span:
        if what == "year":
            end = date(pub.year, 12, 31)
        elif what == "month":
            end = month_span(pub.year, pub.month, "").days()[1]
        else:
            month = month_number(what)
            end = month_span(pub.year if month >= pub.month else pub.year + 1, month, "").days()[1]
        basis = f"from publication to the end of {'the ' if what in ('year', 'month') else ''}{what}"
        return Span(pub, end, granularity_of(pub, end), basis)

    return over_publication(anchor, resolve)


# A count of units after one of these is a length of time, not a date: "for just over a year after …".
DURATION_BEFORE = re.compile(r"\b(?:for|over|under|than|about|nearly|almost)\s+$", re.I)


def vague(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "recently", "in recent years": no span, granularity "vague"."""
    return vague_span()
