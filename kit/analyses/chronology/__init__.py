"""Chronology: when each article was published, and when the events it mentions happened.

Every temporal expression in the cleaned sentences is found with a small set of readable rules
(:data:`RULES`, one regular expression each, in :mod:`kit.analyses.chronology.rules`) and resolved to a span of days
with a granularity and a short ``basis`` saying how:

* **absolute** dates name their own span: "March 28, 2018", "December 2011", "1950-53", "the 1990s";
* **relative** ones are resolved against the publication date from the manifest: "last year", "the 3rd",
  "on Wednesday", "this week";
* a month or day **without a year** is the nearest occurrence consistent with the tense of its clause
  (a past-tense visit "in November" in a March 2018 article is November 2017);
* "the previous year", "in the month", "the same period of 2016" point back at the latest date named before
  them, and a comparison ("fell 6.7 per cent from a year ago") moves the period just named back a year;
* "today" in a quotation is the day the article reports on (the first day its lead names), when it names one;
* holidays and anniversaries ("the Day of the Sun", "New Year", "this year's anniversary of the Workers' Party
  of Korea") come from a calendar file researchers can extend (``kit/data/holidays.yaml``), each with its day and
  the country whose holiday it is;
* "the second day of his visit" counts from the start of the visit the article dated before it.

The publication date's precision is respected: for an article dated only to the month, an expression
that depends on the day ("yesterday", "on Wednesday", "the 2nd") gets the widest span the month allows,
and ``basis`` says so. Durations ("a three-day visit"), clock times ("4 p.m.", kept in the ``time``
column of the day they qualify), quantities ("28,500 troops") and "May" as a verb are not dates.

The package, in the order a sentence goes through it:

* :mod:`~kit.analyses.chronology.vocabulary` — month, weekday and season names, pattern pieces;
* :mod:`~kit.analyses.chronology.rules` — the rule table; :mod:`~kit.analyses.chronology.absolute`,
  :mod:`~kit.analyses.chronology.relative`, :mod:`~kit.analyses.chronology.months`,
  :mod:`~kit.analyses.chronology.weekdays`, :mod:`~kit.analyses.chronology.anaphoric`,
  :mod:`~kit.analyses.chronology.holidays` and :mod:`~kit.analyses.chronology.visits` — the resolvers it names;
  :mod:`~kit.analyses.chronology.tense` — the clause's tense;
* :mod:`~kit.analyses.chronology.spans` — :class:`Span`, :class:`Anchor` and the day arithmetic;
* :mod:`~kit.analyses.chronology.resolve` — one sentence → :class:`FoundDate` rows;
* :mod:`~kit.analyses.chronology.timeline` — the corpus tables:

    date_expressions → events (one row per resolved span and document) → filter_events, reach

  and :func:`if_published`, one article's expressions resolved against another publication date.

Checking the rules against a hand-coded file is :mod:`kit.validation.dates`.
"""

from kit.analyses.chronology.holidays import Calendar, load_calendar
from kit.analyses.chronology.resolve import FoundDate, clock_times, resolve_sentence
from kit.analyses.chronology.rules import RULES, Rule
from kit.analyses.chronology.spans import Anchor, Span
from kit.analyses.chronology.tense import tense
from kit.analyses.chronology.timeline import (
    DATE_COLUMNS,
    EVENT_COLUMNS,
    GRANULARITIES,
    date_expressions,
    events,
    filter_events,
    if_published,
    publications,
    reach,
)
from kit.analyses.chronology.vocabulary import QUANTITY_NOUNS

__all__ = [
    "DATE_COLUMNS",
    "EVENT_COLUMNS",
    "GRANULARITIES",
    "QUANTITY_NOUNS",
    "RULES",
    "Anchor",
    "Calendar",
    "FoundDate",
    "Rule",
    "Span",
    "clock_times",
    "date_expressions",
    "events",
    "filter_events",
    "if_published",
    "load_calendar",
    "publications",
    "reach",
    "resolve_sentence",
    "tense",
]
