"""Resolvers of expressions relative to publication or to a date named before: "last year", "on Wednesday",
"the 3rd", "the previous year", and vague ones ("recently") with no span.

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
    over_publication,
    part_of,
    rolling_span,
    vague_span,
    year_span,
)
from kit.analyses.chronology.tense import has_verb
from kit.analyses.chronology.vocabulary import (
    Groups,
    group_text,
    month_number,
    number,
)


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
        sunday = monday + timedelta(days=6)
        if rel == "earlier this":  # like "earlier this month": the days of the week before publication
            return Span(monday, max(monday, pub - timedelta(days=1)), "week", f"{basis} (Monday to the day before)")
        if rel == "later this":
            return Span(min(sunday, pub + timedelta(days=1)), sunday, "week", f"{basis} (the day after to Sunday)")
        return Span(monday, sunday, "week", f"{basis} (Monday to Sunday)")

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
    """For "the past 70 years", "the last two weeks", "the past decade": that many units up to publication
    (one without a count; vague for "few").
    """
    count = number(m["n"]) if m["n"] else 1
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
    if unit == "fortnight":
        count, unit = 2 * count, "week"
    compared = anaphoric.compared_with_previous(anchor, sentence[: m.start()], count, unit)
    if compared is not None:
        return compared
    basis = f"{count} {unit}(s) before publication"
    return over_publication(anchor, lambda pub: units_from(pub, -count, unit, basis))


def units_from_now(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "in two weeks' time", "the week after next", "the year before last": the day, week, month or year that
    many units after (before) publication.
    """
    after_next = (m["which"] or "").lower().endswith("next")
    count = (2 if after_next else -2) if m["which"] else number(group_text(m, "n")) or 0
    if not count:
        return vague_span()  # "in a few weeks' time"
    unit = group_text(m, "unit").lower().rstrip("s")
    basis = f"{abs(count)} {unit}(s) {'after' if count > 0 else 'before'} publication"
    return over_publication(anchor, lambda pub: units_from(pub, count, unit, basis))


def units_from(pub: date, count: int, unit: str, basis: str) -> Span:
    """The year, month, week (Monday to Sunday) or day ``count`` units after ``pub`` (before it when negative)."""
    if unit == "year":
        return year_span(pub.year + count, basis)
    if unit == "decade":
        return Span(date(pub.year + 10 * count, 1, 1), date(pub.year + 10 * count, 12, 31), "year", basis)
    if unit == "month":
        return month_span(*add_months(pub, count), basis)
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=count)
        return Span(monday, monday + timedelta(days=6), "week", f"{basis} (Monday to Sunday)")
    return day_span(pub + timedelta(days=count), basis)


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
    return part_of_unit(group_text(m, "unit").lower(), " ".join(group_text(m, "part").lower().split()), anchor)


def year_end(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "by year-end", "at year end": the end of the year meant, as "the end of the year" reads."""
    return part_of_unit("year", "the end of", anchor)


def part_of_unit(unit: str, part: str, anchor: Anchor) -> Span | None:
    """The ``part`` ("early", "the end of", "later"…) of the year, month or day meant (see
    :func:`part_of_the_unit`).
    """
    if unit == "day":
        if anchor.previous is not None and anchor.previous.granularity == "day":
            return replace(anchor.previous, basis=f"{part} on the day of {anchor.previous_text!r}")
        return over_publication(anchor, lambda pub: day_span(pub, f"{part} on the day of publication"))
    if unit == "week":
        return part_of_the_week(part, anchor)
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


def part_of_the_week(part: str, anchor: Anchor) -> Span:
    """For "earlier (later) in the week": the days of its week before (after) the day named before, else
    before (after) publication, as "earlier this week" reads.
    """
    if anchor.previous is not None and anchor.previous.granularity == "day":
        day, basis = anchor.previous.days()[0], f"{part} in the week of {anchor.previous_text!r}"
        days = (day, day)
    else:
        days, basis = (anchor.first, anchor.last), f"{part} in the week of publication {anchor.label}"
    monday, sunday = days[0] - timedelta(days=days[0].weekday()), days[1] + timedelta(days=6 - days[1].weekday())
    if part == "earlier":
        return Span(monday, max(monday, days[1] - timedelta(days=1)), "week", basis)
    return Span(min(sunday, days[0] + timedelta(days=1)), sunday, "week", basis)


class SingleDay:
    """A match of "the 26th and 27th" read as its first day alone (no group ``d2``)."""

    def __init__(self, match: Groups):
        self._match = match

    def __getitem__(self, key: int | str) -> str | None:
        return None if key == "d2" else self._match[key]

    def start(self) -> int:
        """Where the match starts in the sentence."""
        return self._match.start()

    def end(self) -> int:
        """Where the match ends in the sentence."""
        return self._match.end()


def day_ordinal(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the 3rd": that day of the month nearest publication the tense allows; "the 9th of this month"
    (last, next month): that day of that month. "The 26th and 27th" runs to the second day of the same month.
    """
    day = int(group_text(m, "d"))
    rel = (m["rel"] or "").lower()
    if m["d2"]:
        single = day_ordinal(SingleDay(m), anchor, sentence)
        last_day = int(m["d2"])
        if single is None or single.first is None or last_day <= day:
            return None
        return replace(single, last=single.first.replace(day=last_day), basis=f"{single.basis}, to day {last_day}")

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
