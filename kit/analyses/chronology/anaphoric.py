"""Resolvers of expressions that point back at a date the article named before: "the previous year", "two
days later", "the same day", "in the month", "the same period of 2016", and comparisons ("fell 6.7 per cent
from a year ago") that move the period just named back by a year.

Each resolver takes the rule's match, the :class:`~kit.analyses.chronology.spans.Anchor` (whose ``previous`` is the
latest dated expression before this one) and the sentence, and returns a
:class:`~kit.analyses.chronology.spans.Span`, or ``None`` when the match is not a date after all.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from kit.analyses.chronology.spans import (
    Anchor,
    Span,
    add_months,
    anchored_span,
    day_span,
    granularity_of,
    month_span,
    part_of,
    shifted,
    year_span,
)
from kit.analyses.chronology.tense import tense
from kit.analyses.chronology.vocabulary import Groups, group_text, month_number, number

# A comparison with an earlier period ends on one of these: "fell 6.7 per cent from [a year ago]",
# "higher than [a year earlier]", "up 5% on [a year earlier]", "compared with [a month ago]".
COMPARED_WITH = re.compile(r"\b(?:from|than|on|over|against|versus|vs\.?|compared\s+(?:with|to))\s+$", re.I)
# "Was at the same time a minister": "at the same time" after a form of "be" means "also".
COPULA_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+$", re.I)
# The granularities a year (a month) back can be taken of: those finer than the unit.
FINER_THAN = {
    "year": ("day", "week", "part_of_month", "month", "season", "part_of_year"),
    "month": ("day", "week", "part_of_month"),
}


def compared_with_previous(anchor: Anchor, before: str, count: int, unit: str) -> Span | None:
    """For "exports in the month fell … from a year ago": the period named before in the sentence, moved back.

    A comparison sets the period it speaks of against the same period ``count`` years (months) earlier, not
    against the whole year: September 2017 "from a year ago" is September 2016. ``before`` is the sentence
    up to the expression; ``None`` when it does not end on a comparison, or no finer period stands before it
    in the sentence.
    """
    previous = anchor.previous
    if previous is None or not anchor.previous_in_sentence or previous.granularity not in FINER_THAN.get(unit, ()):
        return None
    if not COMPARED_WITH.search(before):
        return None
    basis = f"{anchor.previous_text!r} {count} {unit}(s) earlier (a comparison)"
    years, months = (count, 0) if unit == "year" else (0, count)
    return shifted(previous, years=-years, months=-months, basis=basis)


def previous_unit(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the previous year", "two days later", "hours earlier": units before or after the date named before.

    With no date named before, "the previous year" falls back on publication; "two days later" is
    anchored on an event the rules cannot date: a row with basis "anchored" and no span. In a comparison
    ("up 5% from a year earlier") it is the period named before in the sentence, that many units back; so is
    "a year (two months) earlier" after a finer date: "On Oct. 25 … A year earlier" is 25 October a year
    before. "The previous year" is the whole year.
    """
    word = group_text(m, "which").lower()
    unit = group_text(m, "unit").lower().rstrip("s")
    # Without a count, "the previous year" is one year, "hours earlier" the same day, "days later" unknown.
    plural = group_text(m, "unit").lower().endswith("s")
    count = number(m["n"]) if m["n"] else (None if plural and unit != "hour" else int(not plural))
    if count is None:
        return anchored_span(f"{group_text(m, 0).strip()!r} names no number of {unit}s")
    offset = -1 if word in ("previous", "preceding", "before", "earlier") else 1
    compared = compared_with_previous(anchor, sentence[: m.start()], count, unit) if offset < 0 else None
    if compared is not None:
        return compared
    previous = anchor.previous
    direction = "before" if offset < 0 else "after"
    if m["n"] and previous is not None and previous.granularity in FINER_THAN.get(unit, ()):
        # "On Oct. 25 … A year earlier": the same day a year before, as "two days later" is a day.
        years, months = (offset * count, 0) if unit == "year" else (0, offset * count)
        return shifted(
            previous, years=years, months=months, basis=f"{count} {unit}(s) {direction} {anchor.previous_text!r}"
        )
    if previous is not None and previous.granularity in (unit, "day", "part_of_month", "month", "part_of_year"):
        base, basis = previous.days()[0], f"{unit} {direction} {anchor.previous_text!r}"
        week_after_week = unit == previous.granularity == "week"
        if unit in ("hour", "day", "week") and previous.granularity != "day" and not week_after_week:
            expression = group_text(m, 0).strip()
            return anchored_span(f"{expression} {direction} {anchor.previous_text!r}, which names no single day")
    elif m["the"]:
        base, basis = anchor.first, f"{unit} {direction} publication (no earlier date)"
    else:
        return anchored_span("no date named before it")
    shift = offset * count
    if unit == "week" and m["the"]:
        # "The following week" is the Monday-to-Sunday week after the one of the day named before.
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=shift)
        return Span(monday, monday + timedelta(days=6), "week", f"{basis} (Monday to Sunday)")
    if unit == "year":
        return year_span(base.year + shift, basis)
    if unit == "month":
        return month_span(*add_months(base, shift), basis)
    days = {"hour": 0, "day": 1, "week": 7}[unit] * shift
    return day_span(base + timedelta(days=days), basis)


def same_as_previous(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the same day", "that year": the date named just before, when it is of that unit or finer.

    "At the same time" in a past-tense clause ("others were sent back at the same time") is anchored on the
    event told before it; opening a sentence or set off by a comma it means "however", and elsewhere
    "simultaneously" or "also" ("it is at the same time a threat"): not a date.
    """
    unit = group_text(m, "unit").lower()
    expression = group_text(m, 0)
    words = expression.lower().split()
    at_that = words[:2] in (["at", "that"], ["by", "that"]) or words == ["at", "the", "time"]
    if unit == "time" and at_that:
        # "At that time", "at the time": the date named before, whatever its unit.
        if anchor.previous is None:
            return anchored_span("on an event named before it")
        return replace(anchor.previous, basis=f"the time named before ({anchor.previous_text!r})")
    if unit == "time":
        before = sentence[: m.start()]
        discourse = not before.strip() or sentence[m.end() :].lstrip().startswith(",")
        copula = COPULA_BEFORE.search(before)  # "he was at the same time a minister and a general"
        past = tense(sentence, m.start(), m.end()) == "past"
        if expression.lower().startswith("at") and past and not (discourse or copula):
            return anchored_span("simultaneous with an event told before it")
        return None
    if at_that:
        return None  # "by that year" is read as "that year", the shorter match
    if unit in ("night", "morning", "afternoon", "evening"):
        unit = "day"  # "that night" is the night of the day named before
    previous = anchor.previous
    fits = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "part_of_month", "month")}
    fits["year"] = (*fits["month"], "season", "part_of_year", "year")
    if previous is None or previous.granularity not in fits[unit]:
        return anchored_span("on an event named before it")
    basis = f"the same {unit} as {anchor.previous_text!r}"
    first, _ = previous.days()  # every granularity that fits has days
    if unit == "year":
        return year_span(first.year, basis)
    if unit == "month":
        return month_span(first.year, first.month, basis)
    if unit == "week" and previous.granularity == "day":
        monday = first - timedelta(days=first.weekday())
        return Span(monday, monday + timedelta(days=6), "week", f"{basis} (Monday to Sunday)")
    return replace(previous, basis=basis)


def since_then(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "since then", "ever since": from the date named before to publication; anchored on an event told
    before it when no date was named.
    """
    previous = anchor.previous
    if previous is None:
        return anchored_span("on an event named before it, up to publication")
    first, _ = previous.days()
    if first > anchor.last:
        return anchored_span(f"{anchor.previous_text!r}, named before it, lies after publication")
    basis = f"from {anchor.previous_text!r}, named before it, to publication {anchor.label}"
    return Span(first, anchor.last, granularity_of(first, anchor.last), basis)


def part_of_day_named_before(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "by nightfall", "at dawn": the day named before (``None`` when the date named before is no single
    day: then the words are not read as a date).
    """
    previous = anchor.previous
    if previous is None or previous.granularity != "day":
        return None
    return replace(
        previous, basis=f"{group_text(m, 'part').lower()} of the day named before ({anchor.previous_text!r})"
    )


def same_period(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "the same period of 2016", "the same month last year": the period named before, in that year.

    The year is the one given, the year before publication ("last year"), or the year before the period's
    own ("the previous year", "a year earlier"). ``None`` when no period finer than a year stands before
    it: then "2016" or "last year" alone is the date.
    """
    what = group_text(m, "what").lower().rstrip("s")
    previous = anchor.previous
    if previous is None or previous.granularity not in FINER_THAN["year"]:
        return None
    first, _ = previous.days()
    if what == "day" and previous.granularity != "day":
        return None
    if what == "month":
        previous = month_span(first.year, first.month, "")
    if m["y"]:
        year = int(group_text(m, "y"))
    elif m["rel"]:
        year = anchor.first.year - 1
    else:
        year = first.year - 1
    return shifted(previous, years=year - first.year, basis=f"the same {what} as {anchor.previous_text!r}, in {year}")


def unit_named_before(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "in the month" after "in September": the month (year) named just before; ``None`` when the date
    named before is not one.
    """
    unit = group_text(m, "unit").lower()
    previous = anchor.previous
    if previous is None or previous.granularity != unit:
        return None
    return replace(previous, basis=f"the {unit} named before ({anchor.previous_text!r})")


def month_of_year_named_before(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "August of that year", "March the following year": that month of the year of the date named before.

    ``None`` when no date with a year stands before it: then "August" and "that year" are read alone.
    """
    previous = anchor.previous
    if previous is None or previous.granularity in ("decade", "part_of_decade", "century"):
        return None
    which = " ".join(group_text(m, "which").lower().split())
    offset = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}.get(which, 0)
    year = previous.days()[0].year + offset
    span = month_span(
        year, month_number(group_text(m, "mon")), f"{m['mon']} of {which} year as {anchor.previous_text!r}"
    )
    return part_of(span, m["part"])
