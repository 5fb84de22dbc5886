"""The rule table: one readable regular expression per kind of temporal expression, and its resolver.

Rules are tried all at once on a sentence; the longest match wins, and on equal length the earlier rule
(:data:`RULE_ORDER`). A resolver may turn a match down (``None``: "May" the verb), and the shorter
matches it covered are tried instead (see :func:`kit.chronology.resolve.resolve_sentence`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kit.chronology import absolute, relative, vocabulary
from kit.chronology.spans import Anchor, Span
from kit.chronology.vocabulary import EitherGroups, Groups

# Short names for the pattern pieces, so that each rule reads on a line or two.
DAY = vocabulary.DAY_PATTERN
MONTH = vocabulary.MONTH_PATTERN
MONTH_OR_ABBR = vocabulary.MONTH_OR_ABBREVIATION_PATTERN
ORD = vocabulary.ORDINAL_PATTERN
ORDINAL_FOLLOWERS = vocabulary.ORDINAL_FOLLOWERS
PART = vocabulary.PART_PATTERN
RANGE = vocabulary.RANGE_PATTERN
WEEKDAY = vocabulary.WEEKDAY_PATTERN
YEAR = vocabulary.YEAR_PATTERN


@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression: a pattern and how to resolve a match of it.

    ``resolve(match, anchor, sentence)`` returns a :class:`~kit.chronology.spans.Span`, or ``None`` when
    the match turns out not to be a date (e.g. "May" that is not followed by a year or preceded by a date word).
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[Groups, Anchor, str], Span | None]


RULES: list[Rule] = [
    Rule("iso_date", re.compile(rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b"), absolute.iso),
    Rule(
        "month_day_year",
        re.compile(
            rf"\b(?P<mon>{MONTH_OR_ABBR})\s+(?P<d>{DAY}){ORD}?,?\s+(?P<y>{YEAR})\b"
            rf"|\b(?P<d_>{DAY}){ORD}?\s+(?:of\s+)?(?P<mon_>{MONTH_OR_ABBR}),?\s+(?P<y_>{YEAR})\b"
        ),
        lambda m, a, s: absolute.month_day_year(EitherGroups(m), a, s),
    ),
    Rule(
        "month_day_range",
        re.compile(
            rf"\b(?P<mon>{MONTH_OR_ABBR})\s+(?P<d>{DAY}){ORD}?{RANGE}(?:(?P<mon2>{MONTH_OR_ABBR})\s+)?"
            rf"(?P<d2>{DAY}){ORD}?\b(?:,?\s+(?P<y>{YEAR})\b)?(?!\s*%)"
        ),
        absolute.month_day_range,
    ),
    Rule(
        "month_day_relative_year",
        re.compile(rf"\b(?P<mon>{MONTH_OR_ABBR})\s+(?P<d>{DAY}){ORD}?,?\s+(?P<rel>last|this|next)\s+year\b"),
        absolute.month_day_relative_year,
    ),
    Rule(
        "month_day",
        re.compile(
            rf"\b(?P<mon>{MONTH_OR_ABBR})\s+(?P<d>{DAY}){ORD}?\b(?![\d,.]\d)"
            rf"|\b(?P<d_>{DAY}){ORD}?\s+(?:of\s+)?(?P<mon_>{MONTH})\b"
        ),
        lambda m, a, s: absolute.month_day(EitherGroups(m), a, s),
    ),
    Rule(
        "month_year",
        re.compile(rf"\b{PART}(?P<mon>{MONTH_OR_ABBR})(?:\s+of|,)?\s+(?P<y>{YEAR})\b"),
        absolute.month_year,
    ),
    Rule(
        "year_range",
        re.compile(rf"(?<![\d$£€¥.,#])(?P<y>{YEAR})\s*(?:-|–|—|to)\s*(?P<y2>{YEAR}|\d\d)\b(?!\s*%|[-–]\d)"),
        absolute.year_range,
    ),
    Rule("decade", re.compile(rf"\b(?:the\s+)?{PART}(?P<y>{YEAR})s\b"), absolute.decade),
    Rule("year", re.compile(rf"\b{PART}(?<![\d$£€¥.,#])(?P<y>{YEAR})(?![\d%]|,\d|\.\d|[-–]\d)"), absolute.year),
    Rule(
        "season",
        re.compile(
            rf"\b(?:(?P<rel>last|this|next)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?:(?:\s+of|,)?\s+(?P<y>{YEAR}))?\b",
            re.I,
        ),
        relative.season,
    ),
    Rule(
        "relative_unit",
        re.compile(
            r"\b(?P<rel>last|this|next|the\s+past|the\s+coming|earlier\s+this|later\s+this)\s+"
            r"(?P<unit>year|month|week)\b",
            re.I,
        ),
        relative.relative_unit,
    ),
    Rule("today_relative", re.compile(r"\b(?:yesterday|today|tomorrow|tonight)\b", re.I), relative.today_relative),
    Rule(
        "previous_unit",
        re.compile(
            r"\b(?:the\s+(?P<which>previous|preceding|following|next)\s+(?P<unit>year|month|day)"
            r"|(?:a|one)\s+(?P<unit_>year|month|day)\s+(?P<which_>earlier|before|later))\b",
            re.I,
        ),
        lambda m, a, s: relative.previous_unit(EitherGroups(m), a, s),
    ),
    Rule(
        "weekday_range",
        re.compile(rf"\b(?P<wd>{WEEKDAY}){RANGE}(?P<wd2>{WEEKDAY})\b"),
        relative.weekday_range,
    ),
    Rule("weekday", re.compile(rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>{WEEKDAY})\b"), relative.weekday),
    Rule("day_ordinal", re.compile(rf"\bthe\s+(?P<d>{DAY}){ORD}\b{ORDINAL_FOLLOWERS}"), relative.day_ordinal),
    Rule(
        "month",
        re.compile(rf"\b{PART}(?:(?P<rel>last|next|this)\s+)?(?P<mon>{MONTH})\b(?!\s+\d)"),
        relative.month_alone,
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
        relative.vague,
    ),
]
RULE_ORDER = {rule.name: i for i, rule in enumerate(RULES)}
