"""Resolvers of weekday expressions: "on Friday", "last Sunday", "this Friday", "Sunday to Wednesday", "the
weekend", counted from the publication day and the clause's tense.

Each resolver takes the rule's match, the :class:`~kit.analyses.chronology.spans.Anchor` and the sentence, and
returns a :class:`~kit.analyses.chronology.spans.Span`.
"""

from __future__ import annotations

from datetime import date, timedelta

from kit.analyses.chronology.spans import (
    Anchor,
    Span,
    day_span,
    granularity_of,
    over_publication,
    weekday_on_or_after,
    weekday_on_or_before,
)
from kit.analyses.chronology.tense import future_in_past
from kit.analyses.chronology.vocabulary import WEEKDAYS, Groups, group_text


def weekend(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "last weekend", "this weekend", "over the weekend": that Saturday and Sunday.

    "The weekend" is the latest one on or before publication, or the next one in the future tense; "this
    weekend" is the coming one unless the clause is past (or publication falls on it).
    """
    rel = " ".join((m["rel"] or "the").lower().split())
    rel = "the" if rel == "this past" else rel  # "this past weekend": the latest one

    def resolve(pub: date) -> Span:
        latest = weekday_on_or_before(pub, 5)  # Saturday
        on_weekend = pub.weekday() >= 5
        coming = weekday_on_or_after(pub + timedelta(days=1), 5)
        if rel == "next" or (rel != "last" and anchor.tense == "future" and not on_weekend):
            start = coming
        elif rel == "last":
            start = latest - timedelta(days=7) if on_weekend else latest
        elif rel == "this" and not on_weekend and anchor.tense != "past":
            start = coming
        else:
            start = latest
        end = start + timedelta(days=1)
        return Span(start, end, granularity_of(start, end), f"{rel} weekend from publication (Saturday and Sunday)")

    return over_publication(anchor, resolve)


def weekday_range(m: Groups, anchor: Anchor, sentence: str) -> Span | None:
    """For "Sunday to Wednesday": those days before publication (after it in the future tense; the nearest
    ones either way in a future seen from the past: "talks would be held on Monday and Tuesday").
    """
    first_day, last_day = WEEKDAYS[group_text(m, "wd").lower()], WEEKDAYS[group_text(m, "wd2").lower()]
    from_past = anchor.tense == "future" and future_in_past(sentence, m.start(), m.end())

    def resolve(pub: date) -> Span:
        if from_past:
            ahead = weekday_on_or_after(pub, first_day)
            behind_end = weekday_on_or_before(pub, last_day)
            behind = weekday_on_or_before(behind_end, first_day)
            start = ahead if (ahead - pub) < (pub - behind) else behind
            end = weekday_on_or_after(start, last_day)
            return Span(start, end, "day", f"{m['wd']} to {m['wd2']} nearest publication (a future seen from the past)")
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
    """For "on Friday", "last Sunday": the weekday on or before publication (after it in the future tense).

    "This Friday" is the coming one in the future tense, the past one in the past tense, and else the one of
    the publication's week. In a future seen from the past ("talks would be held on Monday", "the meeting was
    scheduled for Monday") it is the one nearest publication, before or after.
    """
    weekday = WEEKDAYS[group_text(m, "wd").lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    rel = "last" if rel == "this past" else rel  # "this past Sunday" is the latest one before publication
    from_past = not rel and anchor.tense == "future" and future_in_past(sentence, m.start(), m.end())

    def resolve(pub: date) -> Span:
        if from_past:
            ahead, behind = weekday_on_or_after(pub, weekday), weekday_on_or_before(pub, weekday)
            day = ahead if (ahead - pub) < (pub - behind) else behind
            return day_span(day, f"{m['wd']} nearest publication (a future seen from the past)")
        if rel == "next" or (not rel and anchor.tense == "future"):
            day = weekday_on_or_after(pub + timedelta(days=1 if rel == "next" else 0), weekday)
            basis = f"{m['wd']} on or after publication ({'next' if rel else 'future tense'})"
        elif rel == "last":
            day = weekday_on_or_before(pub - timedelta(days=1), weekday)
            basis = f"{m['wd']} before publication (last)"
        elif rel == "this" and anchor.tense != "past":
            # "This Friday" is the one of the publication's week (Monday to Sunday), the coming one when future.
            monday = pub - timedelta(days=pub.weekday())
            day = weekday_on_or_after(pub, weekday) if anchor.tense == "future" else monday + timedelta(days=weekday)
            when = "on or after publication (future tense)" if anchor.tense == "future" else "of the publication week"
            basis = f"this {m['wd']}: {when}"
        else:
            day = weekday_on_or_before(pub, weekday)
            basis = f"{m['wd']} on or before publication ({anchor.tense} tense)"
        return day_span(day, basis)

    return over_publication(anchor, resolve)
